import { Global, Module } from '@nestjs/common';
import { APP_GUARD } from '@nestjs/core';
import { Settings } from '../config/env.js';
import { AuthGuard } from './auth.guard.js';
import { AuthService } from './auth.service.js';
import { RateLimiter } from './rate-limiter.js';

@Global()
@Module({
  providers: [
    AuthService,
    {
      provide: RateLimiter,
      inject: [Settings],
      useFactory: (settings: Settings) => new RateLimiter(settings.RATE_LIMIT_PER_MINUTE),
    },
    { provide: APP_GUARD, useClass: AuthGuard },
  ],
  exports: [AuthService, RateLimiter],
})
export class AuthModule {}

import { plainToInstance } from 'class-transformer';
import { validateOrReject } from 'class-validator';
import type { Command } from 'commander';
import { AuditService } from '../audit/audit.service.js';
import { SYSTEM_ACTOR } from '../auth/auth-user.js';
import { AppError } from '../common/errors.js';
import { CreateApiKeyInput } from '../users/dto/api-key.inputs.js';
import { Role } from '../auth/role.enum.js';
import { UsersService } from '../users/users.service.js';
import { withDataSource } from './context.js';

export function registerUserCommands(program: Command): void {
  program
    .command('user:create')
    .description('create a user (if new) and an API key for them; prints the key once')
    .requiredOption('--email <email>', 'the user')
    .requiredOption('--role <role>', `one of ${Object.values(Role).join(', ')}`)
    .option('--label <label>', 'what the key is for')
    .action((opts: { email: string; role: string; label?: string }) =>
      withDataSource(async (ds) => {
        const role = opts.role.toUpperCase() as Role;
        if (!Object.values(Role).includes(role)) {
          throw new Error(`--role must be one of ${Object.values(Role).join(', ')}`);
        }
        const input = plainToInstance(CreateApiKeyInput, {
          email: opts.email,
          role,
          label: opts.label,
        });
        await validateOrReject(input).catch(() => {
          throw new Error(`--email must be an email address`);
        });
        try {
          const created = await new UsersService(ds, new AuditService(ds)).createApiKey(
            { ...SYSTEM_ACTOR, requestId: 'cli' },
            input,
          );
          process.stderr.write(
            `API key ${created.apiKey.prefix} (${role}) for ${opts.email}; shown once:\n`,
          );
          console.log(created.secret);
        } catch (error) {
          throw error instanceof AppError ? new Error(error.message) : error;
        }
      }),
    );
}

import { existsSync } from 'node:fs';
import path from 'node:path';
import { plainToInstance, Type } from 'class-transformer';
import {
  IsIn,
  IsInt,
  IsNotEmpty,
  IsOptional,
  IsString,
  Matches,
  Max,
  Min,
  validateSync,
} from 'class-validator';

export const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const;
export const NODE_ENVS = ['development', 'production', 'test'] as const;

/** Every setting the service and the command line read, validated once at start. */
export class Settings {
  /** PostgreSQL to use. Unset: an embedded PostgreSQL whose data lives in DATA_DIR. */
  @IsOptional()
  @Matches(/^postgres(ql)?:\/\/\S+$/, {
    message: 'DATABASE_URL must be a postgres:// or postgresql:// URL',
  })
  DATABASE_URL?: string;

  /**
   * With DATABASE_URL: the privileged connection that migrations and setup use (the role that owns
   * the schema), so that DATABASE_URL can be a role that owns nothing. Unset: DATABASE_URL for both.
   */
  @IsOptional()
  @Matches(/^postgres(ql)?:\/\/\S+$/, {
    message: 'DATABASE_ADMIN_URL must be a postgres:// or postgresql:// URL',
  })
  DATABASE_ADMIN_URL?: string;

  @Type(() => Number)
  @IsInt({ message: 'PORT must be an integer' })
  @Min(0)
  @Max(65535)
  PORT: number = 3000;

  @IsString()
  @IsNotEmpty()
  DATA_DIR: string = './.sanctrace';

  @IsIn(NODE_ENVS, { message: `NODE_ENV must be one of ${NODE_ENVS.join(', ')}` })
  NODE_ENV: (typeof NODE_ENVS)[number] = 'development';

  @IsIn(LOG_LEVELS, { message: `LOG_LEVEL must be one of ${LOG_LEVELS.join(', ')}` })
  LOG_LEVEL: (typeof LOG_LEVELS)[number] = 'info';

  /** Requests a minute per API key (bursts up to as many). */
  @Type(() => Number)
  @IsInt({ message: 'RATE_LIMIT_PER_MINUTE must be an integer' })
  @Min(1)
  RATE_LIMIT_PER_MINUTE: number = 600;

  /** Largest request body accepted on /graphql and JSON routes, in bytes. */
  @Type(() => Number)
  @IsInt({ message: 'BODY_LIMIT_BYTES must be an integer' })
  @Min(1024)
  BODY_LIMIT_BYTES: number = 1_048_576;

  /** Most items one GraphQL query may ask for: each list counts its page size times its items. */
  @Type(() => Number)
  @IsInt({ message: 'MAX_QUERY_COST must be an integer' })
  @Min(100)
  MAX_QUERY_COST: number = 50_000;

  /** Largest evidence file accepted by `POST /evidence/:id/files`, in bytes. */
  @Type(() => Number)
  @IsInt({ message: 'EVIDENCE_MAX_BYTES must be an integer' })
  @Min(1)
  EVIDENCE_MAX_BYTES: number = 104_857_600;

  /** Route detection: the longest a leg may wait at an intermediary before the next one leaves. */
  @Type(() => Number)
  @IsInt({ message: 'ROUTE_WINDOW_DAYS must be an integer' })
  @Min(1)
  @Max(3650)
  ROUTE_WINDOW_DAYS: number = 180;

  /** The score from which a route is worth a reviewer's time (0–100). */
  @Type(() => Number)
  @IsInt({ message: 'ROUTE_REVIEW_THRESHOLD must be an integer' })
  @Min(0)
  @Max(100)
  ROUTE_REVIEW_THRESHOLD: number = 50;

  /** `true`: an import of shipments that wrote rows runs incremental route detection after it. */
  @IsIn(['true', 'false'], { message: 'DETECT_ROUTES_AFTER_IMPORT must be true or false' })
  DETECT_ROUTES_AFTER_IMPORT: 'true' | 'false' = 'true';

  /** The longest one statement of route detection may run, in seconds. */
  @Type(() => Number)
  @IsInt({ message: 'ROUTE_DETECTION_TIMEOUT_SECONDS must be an integer' })
  @Min(1)
  ROUTE_DETECTION_TIMEOUT_SECONDS: number = 300;

  /** `true` or `false`; unset: on, except with NODE_ENV=production. */
  @IsOptional()
  @IsIn(['true', 'false'], { message: 'GRAPHQL_INTROSPECTION must be true or false' })
  GRAPHQL_INTROSPECTION?: 'true' | 'false';

  get introspection(): boolean {
    return this.GRAPHQL_INTROSPECTION
      ? this.GRAPHQL_INTROSPECTION === 'true'
      : this.NODE_ENV !== 'production';
  }

  /** DATA_DIR as an absolute path. */
  get dataDir(): string {
    return path.resolve(this.DATA_DIR);
  }
}

export class SettingsError extends Error {
  constructor(readonly problems: string[]) {
    super(`Invalid settings:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
    this.name = 'SettingsError';
  }
}

/** Reads `.env` (when present, without overriding the environment), then validates. Empty means unset. */
export function loadSettings(env: NodeJS.ProcessEnv = process.env, envFile = '.env'): Settings {
  if (env === process.env && existsSync(envFile)) process.loadEnvFile(envFile);
  const keys = Object.keys(new Settings()).concat(
    'DATABASE_URL',
    'DATABASE_ADMIN_URL',
    'GRAPHQL_INTROSPECTION',
  );
  const raw: Record<string, string> = {};
  for (const key of keys) if (env[key] !== undefined && env[key] !== '') raw[key] = env[key];
  const settings = plainToInstance(Settings, raw, { exposeDefaultValues: true });
  const problems = validateSync(settings, { forbidUnknownValues: true }).map(
    (e) =>
      `${e.property}=${JSON.stringify(e.value as unknown)}: ${Object.values(e.constraints ?? {}).join('; ')}`,
  );
  if (settings.DATABASE_ADMIN_URL && !settings.DATABASE_URL)
    problems.push(
      'DATABASE_ADMIN_URL is set without DATABASE_URL: the embedded database has its own',
    );
  if (problems.length) throw new SettingsError(problems);
  return settings;
}

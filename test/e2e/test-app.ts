import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { getDataSourceToken } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import { createApp } from '../../src/app.factory.js';
import { loadSettings } from '../../src/config/env.js';
import {
  createDatabase,
  dropDatabase,
  uniqueDatabaseName,
  withDatabase,
} from '../../src/database/admin.js';
import { SYSTEM_ACTOR } from '../../src/auth/auth-user.js';
import { Role } from '../../src/auth/role.enum.js';
import { UsersService } from '../../src/users/users.service.js';
import { QueryCounter } from './query-counter.js';

export interface GqlOptions {
  /** Call with a key of this role (default ANALYST); null: no key at all. */
  as?: Role | null;
  /** Call with this exact key instead. */
  key?: string;
  headers?: Record<string, string>;
}

export interface GqlResponse<T = any> {
  status: number;
  data: T;
  errors?: {
    message: string;
    path?: string[];
    extensions: { code: string; [k: string]: unknown };
  }[];
}

export interface TestApp {
  app: NestFastifyApplication;
  /** The app's own connection, as the service's unprivileged role (it owns no table). */
  ds: DataSource;
  /** URL of this file's own database, as the privileged role that migrates (owns the tables). */
  url: string;
  /** The same database as the service's role: what `ds` and the app connect with. */
  serviceUrl: string;
  queries: QueryCounter;
  gql<T = any>(
    query: string,
    variables?: Record<string, unknown>,
    options?: GqlOptions,
  ): Promise<GqlResponse<T>>;
  /** An API key of this role (one per role and test app, made on first use). */
  keyFor(role: Role): Promise<string>;
  /** `{ authorization: 'Bearer …' }` for a role, for HTTP routes. */
  authHeader(role: Role): Promise<Record<string, string>>;
  close(): Promise<void>;
}

/** The server every e2e file shares (set by the global setup). */
export const testServerUrl = (): string => {
  const url = process.env.SANCTRACE_TEST_SERVER;
  if (!url)
    throw new Error('SANCTRACE_TEST_SERVER is unset: run e2e tests through jest (npm test)');
  return url;
};

/** The server as the service's unprivileged role (created and granted by the global setup). */
export const testServiceServerUrl = (): string => {
  const url = process.env.SANCTRACE_TEST_SERVICE_SERVER;
  if (!url)
    throw new Error(
      'SANCTRACE_TEST_SERVICE_SERVER is unset: run e2e tests through jest (npm test)',
    );
  return url;
};

/**
 * A new database of this file's own, cloned from a template (seeded with the demo data by default):
 * `url` as the privileged role, `serviceUrl` as the service's.
 */
export async function createTestDatabase(
  seeded = true,
): Promise<{ url: string; serviceUrl: string; drop(): Promise<void> }> {
  const server = testServerUrl();
  const template = seeded
    ? process.env.SANCTRACE_TEST_TEMPLATE_SEEDED
    : process.env.SANCTRACE_TEST_TEMPLATE;
  const name = uniqueDatabaseName('sanctrace_test');
  await createDatabase(server, name, template);
  return {
    url: withDatabase(server, name),
    serviceUrl: withDatabase(testServiceServerUrl(), name),
    drop: () => dropDatabase(server, name),
  };
}

/** The whole service on a database of its own, driven in-process through Fastify's inject. */
export async function createTestApp({
  seeded = true,
  env = {},
}: { seeded?: boolean; env?: Record<string, string> } = {}): Promise<TestApp> {
  const db = await createTestDatabase(seeded);
  const queries = new QueryCounter();
  const settings = loadSettings({
    LOG_LEVEL: 'silent',
    NODE_ENV: 'test',
    ...env,
    DATABASE_URL: db.serviceUrl,
  });
  // The service connects as it does in production: a role that owns nothing and bypasses nothing.
  const app = await createApp({
    settings,
    databaseUrl: db.serviceUrl,
    typeorm: { logger: queries, logging: true },
  });
  const keys = new Map<Role, Promise<string>>();
  const keyFor = (role: Role): Promise<string> => {
    if (!keys.has(role)) {
      const email = `${role.toLowerCase()}@test.sanctrace`;
      const created = app.get(UsersService).createApiKey(SYSTEM_ACTOR, { email, role });
      keys.set(
        role,
        created.then((c) => c.secret),
      );
    }
    return keys.get(role)!;
  };
  const authHeader = async (role: Role) => ({ authorization: `Bearer ${await keyFor(role)}` });
  return {
    app,
    ds: app.get<DataSource>(getDataSourceToken()),
    url: db.url,
    serviceUrl: db.serviceUrl,
    queries,
    keyFor,
    authHeader,
    async gql(query, variables = {}, { as = Role.ANALYST, key, headers = {} } = {}) {
      const secret = key ?? (as ? await keyFor(as) : undefined);
      const res = await app
        .getHttpAdapter()
        .getInstance()
        .inject({
          method: 'POST',
          url: '/graphql',
          payload: { query, variables },
          headers: secret ? { ...headers, authorization: `Bearer ${secret}` } : headers,
        });
      const body = res.json();
      return { status: res.statusCode, data: body.data, errors: body.errors };
    },
    async close() {
      await app.close();
      await db.drop();
    },
  };
}

import { DiscoveryService, MetadataScanner, ModulesContainer } from '@nestjs/core';
import { RESOLVER_NAME_METADATA, RESOLVER_TYPE_METADATA } from '@nestjs/graphql';
import { GraphQLSchemaHost } from '@nestjs/graphql';
import { PUBLIC_PATHS } from '../../src/auth/authenticate.hook.js';
import { ROLES_KEY } from '../../src/auth/roles.decorator.js';
import { Role, ROLE_ORDER } from '../../src/auth/role.enum.js';
import { OPERATIONS } from './operations/index.js';
import { createTestApp, type TestApp } from './test-app.js';

describe('every operation is guarded (e2e)', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp({ seeded: false });
  });
  afterAll(() => t.close());

  const rootFields = () => {
    const schema = t.app.get(GraphQLSchemaHost).schema;
    return [schema.getQueryType(), schema.getMutationType()].flatMap((type) =>
      type ? Object.keys(type.getFields()) : [],
    );
  };

  it('declares a role on every query and mutation of the schema', () => {
    const declared = new Map<string, Role>();
    const scanner = new MetadataScanner();
    for (const wrapper of new DiscoveryService(t.app.get(ModulesContainer)).getProviders()) {
      const instance = wrapper.instance as object | undefined;
      if (!instance || typeof instance !== 'object') continue;
      const proto = Object.getPrototypeOf(instance) as Record<string, unknown>;
      for (const name of scanner.getAllMethodNames(proto)) {
        const method = proto[name] as object;
        const type = Reflect.getMetadata(RESOLVER_TYPE_METADATA, method) as string | undefined;
        if (type !== 'Query' && type !== 'Mutation') continue;
        const field =
          (Reflect.getMetadata(RESOLVER_NAME_METADATA, method) as string | undefined) ?? name;
        declared.set(field, Reflect.getMetadata(ROLES_KEY, method) as Role);
      }
    }
    for (const field of rootFields()) {
      expect([field, declared.get(field)]).toEqual([
        field,
        expect.stringMatching(/^(ANALYST|COMPLIANCE|INVESTIGATOR|ADMIN)$/),
      ]);
    }
  });

  it('has a sample call for every operation, with the role it declares', () => {
    expect(Object.keys(OPERATIONS).sort()).toEqual(rootFields().sort());
  });

  it.each(Object.entries(OPERATIONS))(
    '%s: refused without a key, and below its role',
    async (_name, op) => {
      const anonymous = await t.gql(op.query, op.variables, { as: null });
      expect(anonymous.errors?.[0].extensions.code).toBe('UNAUTHENTICATED');
      for (const role of ROLE_ORDER) {
        const res = await t.gql(op.query, op.variables, { as: role });
        const codes = (res.errors ?? []).map((e) => e.extensions.code);
        const allowed = ROLE_ORDER.indexOf(role) >= ROLE_ORDER.indexOf(op.role);
        expect([role, codes.includes('FORBIDDEN')]).toEqual([role, !allowed]);
        expect(codes).not.toContain('UNAUTHENTICATED');
        expect(codes).not.toContain('INTERNAL_SERVER_ERROR');
      }
    },
  );

  it('guards every HTTP route but the public ones, nested routes included', async () => {
    const fastify = t.app.getHttpAdapter().getInstance();
    // printRoutes draws a tree: a nested line's path continues its parent's.
    const parents: string[] = [];
    const routes = fastify
      .printRoutes({ commonPrefix: false })
      .split('\n')
      .flatMap((line) => {
        const m = /^([│\s]*)[└├]──\s*(\/\S*)\s*\((.+)\)/.exec(line);
        if (!m) return [];
        const depth = m[1].length / 4;
        const path = (parents[depth - 1] ?? '') + m[2];
        parents[depth] = path;
        return m[3].split(', ').map((method) => ({ path, method: method.trim() }));
      })
      .filter((r) => r.method !== 'HEAD' && r.method !== 'OPTIONS');
    expect(routes.map((r) => r.path)).toEqual(
      expect.arrayContaining(['/graphql', '/health', '/graphiql/assets/:file', '/imports/:kind']),
    );
    for (const { path, method } of routes) {
      const url = path.replace(/:\w+/g, 'x');
      const res = await fastify.inject({ method: method as 'GET', url });
      const open = PUBLIC_PATHS.has(path);
      expect([method, path, res.statusCode === 401]).toEqual([method, path, !open]);
      expect(res.statusCode).toBeLessThan(500);
    }
  });
});

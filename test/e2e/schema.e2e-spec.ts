import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { GraphQLSchemaHost } from '@nestjs/graphql';
import { lexicographicSortSchema, printSchema } from 'graphql';
import { projectRoot } from '../../src/common/project-root.js';
import { createTestApp, type TestApp } from './test-app.js';

describe('schema.gql (e2e)', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp({ seeded: false });
  });
  afterAll(() => t.close());

  it('is the sorted schema the code builds (run `npm run schema:write` after changing the API)', async () => {
    const built = printSchema(lexicographicSortSchema(t.app.get(GraphQLSchemaHost).schema)) + '\n';
    const committed = await readFile(path.join(projectRoot, 'schema.gql'), 'utf8');
    expect(built).toBe(committed);
  });
});

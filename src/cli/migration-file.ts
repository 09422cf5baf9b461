import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { projectRoot } from '../common/project-root.js';
import type { SchemaDiff } from '../database/schema-diff.js';

const kebab = (s: string) =>
  s
    .replace(/[^A-Za-z0-9]+/g, '-')
    .replace(/^-|-$/g, '')
    .toLowerCase();
const pascal = (s: string) =>
  kebab(s)
    .split('-')
    .map((w) => w[0].toUpperCase() + w.slice(1))
    .join('');
const quote = (sql: string) =>
  '`' + sql.replace(/\\/g, '\\\\').replace(/`/g, '\\`').replace(/\$\{/g, '\\${') + '`';

/** Writes `migrations/<ms>-<name>.ts` from a schema diff and registers it in `migrations/index.ts`. */
export async function writeMigration(
  name: string,
  diff: SchemaDiff,
  now = Date.now(),
): Promise<string> {
  const className = `${pascal(name)}${now}`;
  const file = `${now}-${kebab(name)}`;
  const body = (queries: string[]) =>
    queries.map((q) => `    await queryRunner.query(${quote(q)});`).join('\n');
  const source = `import type { MigrationInterface, QueryRunner } from 'typeorm';

export class ${className} implements MigrationInterface {
  name = '${className}';

  public async up(queryRunner: QueryRunner): Promise<void> {
${body(diff.up)}
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
${body(diff.down)}
  }
}
`;
  const dir = path.join(projectRoot, 'migrations');
  await writeFile(path.join(dir, `${file}.ts`), await prettify(source, `${file}.ts`));
  const indexFile = path.join(dir, 'index.ts');
  const lines = (await readFile(indexFile, 'utf8')).split('\n');
  const lastImport = lines.map((l) => l.startsWith('import ')).lastIndexOf(true);
  lines.splice(lastImport + 1, 0, `import { ${className} } from './${file}.js';`);
  const index = lines
    .join('\n')
    .replace('= [];', '= [\n];')
    .replace(/\n\];\n$/, `\n  ${className},\n];\n`);
  await writeFile(indexFile, index);
  return path.join('migrations', `${file}.ts`);
}

/** Formats with the project's Prettier settings, so that a generated migration passes `format:check`. */
async function prettify(source: string, filepath: string): Promise<string> {
  const prettier = await import('prettier');
  const options = await prettier.resolveConfig(path.join(projectRoot, filepath));
  return prettier.format(source, { ...options, filepath });
}

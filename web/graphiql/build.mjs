// Bundles the GraphiQL page with esbuild into dist/graphiql/: index.html, and under assets/ the
// page's script and styles, the chunks it loads on demand, Monaco's three web workers and the
// documented example queries (docs/queries.md, in examples-HASH.json, which the page fetches), all with
// content hashes in their names (so they can be cached for good), each also gzip- and
// brotli-compressed for the server to send as is. Nothing is fetched from another host.
import { createHash } from 'node:crypto';
import { readFileSync, readdirSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';
import * as esbuild from 'esbuild';
import { exampleQueries } from './example-queries.mjs';

const here = path.dirname(fileURLToPath(import.meta.url));
/** Where the page's files are served from (see src/graphiql/). */
const PUBLIC_PATH = '/graphiql/assets';
const COMPRESSIBLE = /\.(js|css|html|txt|json|svg|ttf)$/;

const WORKERS = {
  editor: 'monaco-editor/esm/vs/editor/editor.worker.js',
  json: 'monaco-editor/esm/vs/language/json/json.worker.js',
  graphql: 'monaco-graphql/esm/graphql.worker.js',
};

const common = {
  absWorkingDir: here,
  bundle: true,
  minify: true,
  target: ['es2022', 'chrome111', 'firefox111', 'safari16.4'],
  legalComments: 'linked',
  entryNames: '[name]-[hash]',
  metafile: true,
  logLevel: 'warning',
  define: { 'process.env.NODE_ENV': '"production"' },
};

const outputsOf = (result, outdir) =>
  Object.keys(result.metafile.outputs).map((f) => path.relative(outdir, path.resolve(here, f)));

/**
 * Builds the page into `outdir` (dist/graphiql) from web/graphiql/ and the examples of docs/queries.md.
 * @returns {{ files: number, bytes: number, gzipBytes: number, examples: number }}
 */
export async function buildGraphiql({ root, outdir }) {
  const assets = path.join(outdir, 'assets');
  const examples = exampleQueries(readFileSync(path.join(root, 'docs/queries.md'), 'utf8'));
  const examplesJson = `${JSON.stringify(examples, null, 2)}\n`;
  const examplesFile = `examples-${createHash('sha256').update(examplesJson).digest('hex').slice(0, 8)}.json`;
  writeFileSync(path.join(assets, examplesFile), examplesJson);

  const workers = await esbuild.build({
    ...common,
    entryPoints: Object.fromEntries(Object.entries(WORKERS).map(([k, v]) => [`${k}.worker`, v])),
    format: 'iife',
    outdir: assets,
  });
  const workerUrls = {};
  for (const [file, output] of Object.entries(workers.metafile.outputs)) {
    const name =
      output.entryPoint && Object.keys(WORKERS).find((k) => file.includes(`/${k}.worker-`));
    if (name) workerUrls[name] = `${PUBLIC_PATH}/${path.basename(file)}`;
  }

  const page = await esbuild.build({
    ...common,
    entryPoints: { main: 'main.tsx' },
    format: 'esm',
    splitting: true,
    chunkNames: 'chunk-[hash]',
    assetNames: '[name]-[hash]',
    jsx: 'automatic',
    loader: { '.ttf': 'file', '.woff': 'file', '.woff2': 'file' },
    // Subscriptions over WebSocket are not used: @graphiql/toolkit only imports this when asked to.
    external: ['graphql-ws'],
    define: {
      ...common.define,
      SANCTRACE_EXAMPLES_URL: JSON.stringify(`${PUBLIC_PATH}/${examplesFile}`),
      SANCTRACE_WORKERS: JSON.stringify(workerUrls),
    },
    outdir: assets,
  });
  const entry = Object.entries(page.metafile.outputs).find(([, o]) => o.entryPoint === 'main.tsx');
  const script = path.basename(entry[0]);
  const style = path.basename(entry[1].cssBundle);

  const html = `<!doctype html>
<html lang="en">
  <head>
    <meta charset="utf-8" />
    <meta name="viewport" content="width=device-width, initial-scale=1" />
    <title>Sanctrace · GraphiQL</title>
    <link rel="icon" href="data:," />
    <link rel="stylesheet" href="${PUBLIC_PATH}/${style}" />
    <script type="module" src="${PUBLIC_PATH}/${script}"></script>
  </head>
  <body>
    <div id="graphiql"></div>
  </body>
</html>
`;
  // Style sheets of the chunks loaded on demand repeat parts of the page's own (which has them all):
  // they are left out.
  const written = new Set([
    'index.html',
    `assets/${examplesFile}`,
    ...outputsOf(workers, outdir),
    ...outputsOf(page, outdir).filter((f) => !f.endsWith('.css') || f === `assets/${style}`),
  ]);
  writeFileSync(path.join(outdir, 'index.html.tmp'), html);
  renameSync(path.join(outdir, 'index.html.tmp'), path.join(outdir, 'index.html'));

  let bytes = 0;
  let gzipBytes = 0;
  for (const rel of [...written]) {
    const file = path.join(outdir, rel);
    const content = readFileSync(file);
    const gzipped = gzipSync(content, { level: 9 });
    bytes += content.length;
    gzipBytes += gzipped.length;
    if (!COMPRESSIBLE.test(rel) || content.length < 1024) continue;
    writeFileSync(`${file}.gz`, gzipped);
    writeFileSync(
      `${file}.br`,
      brotliCompressSync(content, { params: { [constants.BROTLI_PARAM_QUALITY]: 9 } }),
    );
    written.add(`${rel}.gz`).add(`${rel}.br`);
  }
  // Files of an earlier build.
  for (const name of readdirSync(assets)) {
    if (!written.has(`assets/${name}`)) rmSync(path.join(assets, name));
  }
  return { files: written.size, bytes, gzipBytes, examples: examples.length };
}

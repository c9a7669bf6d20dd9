/**
 * `npm run build`: one minified ESM bundle per function under dist/<name>/index.mjs, with the esbuild
 * settings the CDK functions use (infra/bundling.ts), then a table of bundle sizes.
 */
import { mkdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { build } from 'esbuild';
import { FUNCTIONS } from '../functions/catalog.js';
import { BUNDLING } from '../infra/bundling.js';

async function main() {
  rmSync('dist', { recursive: true, force: true });
  const rows: { name: string; bytes: number; gzip: number }[] = [];
  for (const fn of FUNCTIONS) {
    const outfile = `dist/${fn.name}/index.mjs`;
    mkdirSync(`dist/${fn.name}`, { recursive: true });
    await build({
      entryPoints: [fn.entry],
      outfile,
      bundle: true,
      minify: BUNDLING.minify,
      sourcemap: BUNDLING.sourceMap,
      platform: 'node',
      target: BUNDLING.target,
      format: BUNDLING.format,
      mainFields: [...BUNDLING.mainFields],
      external: [...BUNDLING.externalModules],
      banner: { js: BUNDLING.banner },
      legalComments: 'none',
      logLevel: 'warning',
    });
    rows.push({ name: fn.name, bytes: statSync(outfile).size, gzip: gzipSync(readFileSync(outfile)).length });
  }
  const kb = (n: number) => `${(n / 1024).toFixed(1)} KB`;
  process.stdout.write(`\n| function | bundle | gzip |\n|---|---:|---:|\n`);
  for (const r of rows) process.stdout.write(`| ${r.name} | ${kb(r.bytes)} | ${kb(r.gzip)} |\n`);
}

main().catch((e: unknown) => {
  process.stderr.write(`${(e as Error).stack ?? e}\n`);
  process.exit(1);
});

/**
 * `npm run build`: one minified ESM bundle per function under dist/<name>/index.mjs, with the esbuild
 * settings the CDK functions use (infra/bundling.ts), then a table of bundle sizes.
 */
import { rmSync } from 'node:fs';
import { FUNCTIONS } from '../functions/catalog.js';
import { type BundleSize, bundleFunction } from './bundle.js';

async function main() {
  rmSync('dist', { recursive: true, force: true });
  const rows: BundleSize[] = [];
  for (const fn of FUNCTIONS) rows.push(await bundleFunction(fn, `dist/${fn.name}/index.mjs`));
  const kb = (n: number) => `${(n / 1024).toFixed(1)} KB`;
  process.stdout.write(`\n| function | bundle | gzip |\n|---|---:|---:|\n`);
  for (const r of rows) process.stdout.write(`| ${r.name} | ${kb(r.bytes)} | ${kb(r.gzip)} |\n`);
}

main().catch((e: unknown) => {
  process.stderr.write(`${(e as Error).stack ?? e}\n`);
  process.exit(1);
});

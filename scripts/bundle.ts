/** Bundles one function with the settings the CDK functions use (infra/bundling.ts); `npm run build` and the bench share it. */
import { copyFileSync, readFileSync, statSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { build } from 'esbuild';
import type { FunctionSpec } from '../functions/catalog.js';
import { BUNDLING } from '../infra/bundling.js';

export interface BundleSize {
  name: string;
  bytes: number;
  gzip: number;
}

export interface BundleOptions {
  /** Bundle the AWS SDK too (tree-shaken and minified) instead of leaving it to the runtime's copy. */
  bundleSdk?: boolean;
}

/** Any entry module bundled as a function is (the bench's child processes run their code this way). */
export async function bundleEntry(
  entry: string,
  outfile: string,
  opts: BundleOptions = {},
): Promise<{ bytes: number; gzip: number }> {
  await build({
    entryPoints: [entry],
    outfile,
    bundle: true,
    minify: BUNDLING.minify,
    sourcemap: BUNDLING.sourceMap,
    platform: 'node',
    target: BUNDLING.target,
    format: BUNDLING.format,
    mainFields: [...BUNDLING.mainFields],
    external: opts.bundleSdk ? [] : [...BUNDLING.externalModules],
    banner: { js: BUNDLING.banner },
    alias: { ...BUNDLING.alias },
    legalComments: 'none',
    logLevel: 'warning',
  });
  return { bytes: statSync(outfile).size, gzip: gzipSync(readFileSync(outfile)).length };
}

export async function bundleFunction(
  fn: FunctionSpec,
  outfile: string,
  opts: BundleOptions = {},
): Promise<BundleSize> {
  const size = await bundleEntry(fn.entry, outfile, opts);
  // Run-time files go next to the bundle, as the CDK's bundling hooks put them (infra/bundling.ts).
  for (const f of fn.files ?? []) copyFileSync(f.source, join(dirname(outfile), f.name));
  return { name: fn.name, ...size };
}

import { join } from 'node:path';

/**
 * The one definition of how a function is bundled and which runtime runs it. The CDK functions
 * (`AppFunction`) and `npm run build` both read it, so the bundles measured locally are the ones deployed.
 */

/** Lambda's runtime, and the Node major that `npm ci` installs for local runs, tests and CI (package.json). */
export const NODE_MAJOR = 24;

/** ESM bundles still meet CommonJS dependencies that call `require`; give them one. */
export const REQUIRE_SHIM =
  "import { createRequire as __createRequire } from 'node:module';const require = __createRequire(import.meta.url);";

export const BUNDLING = {
  target: `node${NODE_MAJOR}`,
  format: 'esm',
  mainFields: ['module', 'main'],
  banner: REQUIRE_SHIM,
  minify: true,
  sourceMap: true,
  // The Lambda Node.js runtime ships AWS SDK v3; bundling it would only add weight.
  externalModules: ['@aws-sdk/*'],
  /** Import paths replaced at bundling (absolute: esbuild resolves an alias from its working directory). */
  alias: { 'node:http': join(import.meta.dirname, 'node-http.cjs') },
} as const;

/** `alias` as esbuild's command line takes it (CDK's NodejsFunction has no alias option of its own). */
export const aliasArgs = (): string[] => Object.entries(BUNDLING.alias).map(([from, to]) => `${from}=${to}`);

/**
 * CDK's bundling hooks that copy a function's run-time files (FunctionSpec.files: the chart renderer's
 * WebAssembly and font) next to its bundle, where it looks for them first.
 */
export function copyFiles(files: readonly { name: string; source: string }[]) {
  return {
    beforeBundling: () => [],
    beforeInstall: () => [],
    afterBundling: (inputDir: string, outputDir: string) =>
      files.map((f) => `cp "${inputDir}/${f.source}" "${outputDir}/${f.name}"`),
  };
}

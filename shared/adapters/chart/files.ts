/**
 * The files the chart renderer reads at run time: resvg's WebAssembly and the charts' font subset. The
 * bundles of the functions that draw charts get them copied next to their index.mjs (infra/bundling.ts,
 * scripts/bundle.ts); run from the source tree, they are read where they live in the repository.
 */
export interface BundledFile {
  /** The name next to the bundle. */
  name: string;
  /** Where it is in the repository (relative to its root). */
  source: string;
}

export const CHART_FILES = {
  wasm: { name: 'resvg.wasm', source: 'node_modules/@resvg/resvg-wasm/index_bg.wasm' },
  font: { name: 'NotoSansSC-charts.ttf', source: 'shared/report/chart/font/NotoSansSC-charts.ttf' },
} as const satisfies Record<string, BundledFile>;

export const CHART_BUNDLE_FILES: readonly BundledFile[] = Object.values(CHART_FILES);

/**
 * Charts as PNG (mail clients show no SVG): resvg compiled to WebAssembly, so no native module, with the
 * charts' CJK font subset loaded from a buffer (no system fonts: the result is the same everywhere). The
 * WebAssembly is compiled once per process, on the first chart, so a cold start that draws none pays
 * nothing for it.
 */
import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { initWasm, Resvg } from '@resvg/resvg-wasm';
import type { ChartRenderer } from '../../ports/chart-renderer.js';
import { CHART_FONT_FAMILY } from '../../report/chart/svg.js';
import { type BundledFile, CHART_FILES } from './files.js';

/** Next to the bundle first (a deployed function), else where it is in the repository (local runs, tests). */
function locate(file: BundledFile): string {
  const candidates = [
    new URL(`./${file.name}`, import.meta.url),
    new URL(`../../../${file.source}`, import.meta.url),
  ].map((u) => fileURLToPath(u));
  const found = candidates.find((p) => existsSync(p));
  if (!found) throw new Error(`chart renderer: ${file.name} not found (looked in ${candidates.join(', ')})`);
  return found;
}

let ready: Promise<void> | undefined;
let font: Uint8Array | undefined;

function load(): Promise<void> {
  ready ??= initWasm(readFileSync(locate(CHART_FILES.wasm))).then(() => {
    font = readFileSync(locate(CHART_FILES.font));
  });
  return ready;
}

/** `zoom` 2 draws at twice the SVG's size, sharp on high-density screens. */
export function makeResvgRenderer(opts: { zoom?: number } = {}): ChartRenderer {
  return {
    async png(svg) {
      await load();
      const resvg = new Resvg(svg, {
        font: { fontBuffers: font ? [font] : [], defaultFontFamily: CHART_FONT_FAMILY },
        fitTo: { mode: 'zoom', value: opts.zoom ?? 2 },
        background: '#ffffff',
      });
      try {
        const image = resvg.render();
        const png = image.asPng();
        image.free();
        return png;
      } finally {
        resvg.free();
      }
    },
  };
}

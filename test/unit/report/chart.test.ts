/**
 * The chart as SVG and as PNG through resvg's WebAssembly with the charts' font subset: Chinese labels are
 * drawn (not dropped, not empty boxes), and the subset covers every chart word and default label.
 */
import { Resvg } from '@resvg/resvg-wasm';
import { describe, expect, it } from 'vitest';
import { makeResvgRenderer } from '../../../shared/adapters/chart/resvg.js';
import { DEFAULT_VALUE_LISTS } from '../../../shared/domain/values.js';
import { FONT_COVERAGE } from '../../../shared/report/chart/font/coverage.js';
import { chartCharacters, chartText, fontCovers } from '../../../shared/report/chart/label.js';
import { barChartSvg, niceScale } from '../../../shared/report/chart/svg.js';

const renderer = makeResvgRenderer({ zoom: 1 });

/** The RGBA pixels of a PNG, decoded by resvg itself (an <image> of it rendered at its own size). */
async function pixels(png: Uint8Array, width: number, height: number): Promise<Uint8Array> {
  const svg = `<svg xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink" width="${width}" height="${height}"><image width="${width}" height="${height}" xlink:href="data:image/png;base64,${Buffer.from(png).toString('base64')}"/></svg>`;
  await renderer.png('<svg xmlns="http://www.w3.org/2000/svg" width="1" height="1"/>'); // loads the wasm
  const r = new Resvg(svg);
  const image = r.render();
  const out = image.pixels.slice();
  image.free();
  r.free();
  return out;
}

/** How many pixels are not white. */
const inked = (rgba: Uint8Array) => {
  let n = 0;
  for (let i = 0; i < rgba.length; i += 4) if ((rgba[i] ?? 255) < 200) n++;
  return n;
};

const glyph = (ch: string) =>
  `<svg xmlns="http://www.w3.org/2000/svg" width="40" height="40"><rect width="40" height="40" fill="#fff"/><text x="4" y="32" font-size="32" font-family="Noto Sans SC">${ch}</text></svg>`;

describe('chart font', () => {
  it('draws a Chinese label: ink where the text is, and not the missing-glyph box', async () => {
    const drawn = await pixels(await renderer.png(glyph('新')), 40, 40);
    const blank = await pixels(await renderer.png(glyph('')), 40, 40);
    const missing = await pixels(await renderer.png(glyph('龘')), 40, 40); // not in the subset
    expect(inked(blank)).toBe(0);
    expect(inked(drawn)).toBeGreaterThan(40);
    expect(Buffer.from(drawn).equals(Buffer.from(missing))).toBe(false);
    // Two different characters look different (the font really has both).
    const other = await pixels(await renderer.png(glyph('月')), 40, 40);
    expect(Buffer.from(drawn).equals(Buffer.from(other))).toBe(false);
  });

  it('covers every chart word and default category and stage label (else: npx tsx scripts/font-subset.ts)', () => {
    expect(FONT_COVERAGE).toBe(chartCharacters());
    for (const o of [...DEFAULT_VALUE_LISTS.category, ...DEFAULT_VALUE_LISTS.stage]) {
      expect(fontCovers(o.label['zh-CN'])).toBe(true);
    }
  });

  it('draws a label the subset cannot in English instead', () => {
    expect(chartText({ 'zh-CN': '摄像', en: 'Video' }, 'zh-CN')).toBe('Video');
    expect(chartText({ 'zh-CN': '拍摄', en: 'Shoot' }, 'zh-CN')).toBe('拍摄');
  });
});

describe('bar chart', () => {
  it('picks round axis steps', () => {
    expect(niceScale(0)).toEqual({ top: 1, step: 1 });
    expect(niceScale(3)).toEqual({ top: 3, step: 1 });
    expect(niceScale(7)).toEqual({ top: 8, step: 2 });
    expect(niceScale(37)).toEqual({ top: 40, step: 10 });
  });

  it('stacks series, escapes text and renders to a PNG', async () => {
    const svg = barChartSvg({
      title: '每月 <投诉>',
      categories: ['09', '10', '11'],
      series: [
        { name: '延误', color: '#4e79a7', values: [1, 0, 2] },
        { name: '其他类别', color: '#f28e2b', values: [0, 1, 1] },
      ],
      highlight: 2,
    });
    expect(svg).toContain('每月 &lt;投诉&gt;');
    expect(svg.match(/<rect x=/g)?.length).toBe(2 + 4); // two legend keys, four bars
    const png = await makeResvgRenderer().png(svg);
    expect(Buffer.from(png.subarray(1, 4)).toString()).toBe('PNG');
    // zoom 2: 1280 × 600
    expect(Buffer.from(png).readUInt32BE(16)).toBe(1280);
  });
});

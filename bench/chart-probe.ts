/**
 * A bundle entry that draws the daily chart the way the report functions do: bundled with their settings
 * and run-time files (resvg.wasm and the font beside it), it proves a bundle finds and loads them. It
 * writes the PNG's size and the milliseconds of the first and a second chart to fd 3.
 */
import { writeSync } from 'node:fs';
import { makeResvgRenderer } from '../shared/adapters/chart/resvg.js';
import { DEFAULT_VALUE_LISTS } from '../shared/domain/values.js';
import { barChartSvg } from '../shared/report/chart/svg.js';
import { dailyChart } from '../shared/report/daily.js';
import { sayer } from '../shared/report/say.js';

const say = sayer({ langs: ['zh-CN', 'en'], lists: DEFAULT_VALUE_LISTS, timeZone: 'Asia/Shanghai' });
const svg = barChartSvg(
  dailyChart(
    Array.from({ length: 30 }, (_, i) => ({
      day: `2026-11-${String(i + 1).padStart(2, '0')}`,
      count: i % 7,
    })),
    say,
  ),
);
const renderer = makeResvgRenderer();
let t = performance.now();
const png = await renderer.png(svg);
const firstMs = performance.now() - t;
t = performance.now();
await renderer.png(svg);
const warmMs = performance.now() - t;
writeSync(
  3,
  JSON.stringify({
    bytes: png.length,
    firstMs,
    warmMs,
    signature: Buffer.from(png.subarray(1, 4)).toString(),
  }),
);

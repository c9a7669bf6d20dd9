/**
 * A bar chart as SVG, stacked when it has several series: small enough to write by hand (a charting
 * library would add about a megabyte to the function) and drawn the same by resvg in every run. Pure:
 * the text goes in as given; the caller picks labels the charts' font can draw (./label.ts).
 */
import { escapeHtml } from '../../web/html.js';

export interface BarSeries {
  name: string;
  color: string;
  values: readonly number[];
}

export interface BarChart {
  title: string;
  /** One label per bar; `labelEvery` thins them out (every n-th from the last). */
  categories: readonly string[];
  series: readonly BarSeries[];
  labelEvery?: number;
  /** A bar to draw darker (today). */
  highlight?: number;
  width?: number;
  height?: number;
}

/** The font family the renderer loads; the SVG names it on every text. */
export const CHART_FONT_FAMILY = 'Noto Sans SC';

/** A round axis maximum and step for values up to `max` (at least 1, about four steps). */
export function niceScale(max: number): { top: number; step: number } {
  if (max <= 4) return { top: Math.max(1, Math.ceil(max)), step: 1 };
  const raw = max / 4;
  const magnitude = 10 ** Math.floor(Math.log10(raw));
  const step = [1, 2, 5, 10].map((m) => m * magnitude).find((s) => s >= raw) ?? 10 * magnitude;
  return { top: Math.ceil(max / step) * step, step };
}

const f = (n: number) => String(Math.round(n * 10) / 10);

export function barChartSvg(chart: BarChart): string {
  const width = chart.width ?? 640;
  const height = chart.height ?? 300;
  const pad = { left: 44, right: 16, top: 56, bottom: 40 };
  const plotW = width - pad.left - pad.right;
  const plotH = height - pad.top - pad.bottom;
  const n = chart.categories.length;
  const totals = chart.categories.map((_, i) => chart.series.reduce((s, x) => s + (x.values[i] ?? 0), 0));
  const { top, step } = niceScale(Math.max(0, ...totals));
  const y = (v: number) => pad.top + plotH - (v / top) * plotH;
  const slot = plotW / Math.max(1, n);
  const barW = Math.max(2, slot * 0.7);
  const text = (x: number, yy: number, s: string, more = '') =>
    `<text x="${f(x)}" y="${f(yy)}" font-family="${CHART_FONT_FAMILY}" ${more}>${escapeHtml(s)}</text>`;
  const out: string[] = [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}">`,
    `<rect width="${width}" height="${height}" fill="#ffffff"/>`,
    text(pad.left, 22, chart.title, 'font-size="15" fill="#1f2937"'),
  ];
  // Legend under the title, left to right.
  let lx = pad.left;
  for (const s of chart.series) {
    out.push(`<rect x="${f(lx)}" y="32" width="10" height="10" fill="${s.color}"/>`);
    out.push(text(lx + 14, 41, s.name, 'font-size="11" fill="#374151"'));
    lx += 24 + s.name.length * 11;
  }
  for (let v = 0; v <= top; v += step) {
    out.push(
      `<line x1="${pad.left}" x2="${width - pad.right}" y1="${f(y(v))}" y2="${f(y(v))}" stroke="${v ? '#e5e7eb' : '#9ca3af'}"/>`,
    );
    out.push(text(pad.left - 6, y(v) + 4, String(v), 'font-size="10" fill="#6b7280" text-anchor="end"'));
  }
  const every = chart.labelEvery ?? 1;
  chart.categories.forEach((label, i) => {
    const x = pad.left + i * slot + (slot - barW) / 2;
    let base = 0;
    for (const s of chart.series) {
      const v = s.values[i] ?? 0;
      if (v > 0) {
        const fill = chart.highlight === i ? shade(s.color) : s.color;
        out.push(
          `<rect x="${f(x)}" y="${f(y(base + v))}" width="${f(barW)}" height="${f(y(base) - y(base + v))}" fill="${fill}"/>`,
        );
      }
      base += v;
    }
    if ((n - 1 - i) % every === 0) {
      out.push(
        text(
          x + barW / 2,
          height - pad.bottom + 16,
          label,
          'font-size="10" fill="#6b7280" text-anchor="middle"',
        ),
      );
    }
  });
  out.push('</svg>');
  return out.join('');
}

/** The colour a little darker: today's bar stands out without a second legend entry. */
function shade(hex: string): string {
  const n = Number.parseInt(hex.slice(1), 16);
  const dark = (c: number) => Math.round(c * 0.6);
  const rgb = [dark((n >> 16) & 255), dark((n >> 8) & 255), dark(n & 255)];
  return `#${rgb.map((c) => c.toString(16).padStart(2, '0')).join('')}`;
}

/** Colours for up to eight series, distinguishable in print and for common colour blindness. */
export const PALETTE = [
  '#4e79a7',
  '#f28e2b',
  '#59a14f',
  '#e15759',
  '#76b7b2',
  '#edc948',
  '#b07aa1',
  '#9c755f',
];

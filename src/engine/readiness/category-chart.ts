// The readiness report's chart: findings per debt category as horizontal stacked bars in inline SVG, readable without colour.
import { escapeHtml } from './escape-html.js';
import { plural } from './report-text.js';
import type { CategoryCount } from './types.js';

const ROW = 26;
const BAR = 16;
const LABEL_END = 140;
const BAR_START = 150;
const BAR_WIDTH = 300;
const COUNT_START = 462;
const WIDTH = 720;
const TOP = 30;

const SEGMENTS = [
  { key: 'errors', cls: 'error', one: 'error' },
  { key: 'warnings', cls: 'warning', one: 'warning' },
  { key: 'infos', cls: 'info', one: 'info' },
] as const;

function countsText(c: CategoryCount): string {
  return SEGMENTS.map((s) => plural(c[s.key], s.one)).join(', ');
}

/**
 * An SVG of one row per category: the name, a bar of errors, warnings and infos (each segment titled for a pointer),
 * and the counts in words, so the chart reads the same in greyscale, in print and to a screen reader (title and desc).
 */
export function categoryChartSvg(categories: readonly CategoryCount[]): string {
  const max = Math.max(0, ...categories.map((c) => c.errors + c.warnings + c.infos));
  const height = TOP + categories.length * ROW + 4;
  const desc = categories.map((c) => `${c.category}: ${countsText(c)}`).join('; ');
  const out: string[] = [
    `<svg class="chart" role="img" aria-labelledby="chart-title chart-desc" viewBox="0 0 ${String(WIDTH)} ${String(height)}" width="100%" preserveAspectRatio="xMinYMin meet" xmlns="http://www.w3.org/2000/svg">`,
    '<title id="chart-title">Findings per debt category</title>',
    `<desc id="chart-desc">${escapeHtml(desc)}</desc>`,
  ];
  let x = BAR_START;
  for (const s of SEGMENTS) {
    out.push(`<rect class="seg-${s.cls}" x="${String(x)}" y="6" width="12" height="12"/><text x="${String(x + 16)}" y="16">${s.key}</text>`);
    x += 90;
  }
  for (const [i, c] of categories.entries()) {
    const y = TOP + i * ROW;
    out.push(`<g><text class="label" x="${String(LABEL_END)}" y="${String(y + BAR - 3)}" text-anchor="end">${escapeHtml(c.category)}</text>`);
    let at = BAR_START;
    for (const s of SEGMENTS) {
      const n = c[s.key];
      if (n === 0 || max === 0) continue;
      const w = Math.max(2, Math.round((n / max) * BAR_WIDTH * 10) / 10);
      out.push(`<rect class="seg-${s.cls}" x="${String(at)}" y="${String(y)}" width="${String(w)}" height="${String(BAR)}"><title>${escapeHtml(`${c.category}: ${plural(n, s.one)}`)}</title></rect>`);
      at += w;
    }
    out.push(`<text class="count" x="${String(COUNT_START)}" y="${String(y + BAR - 3)}">${escapeHtml(countsText(c))}</text></g>`);
  }
  out.push('</svg>');
  return out.join('\n');
}

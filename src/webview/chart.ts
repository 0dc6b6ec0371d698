// The panel's chart of findings per debt category: SVG built with createElementNS, counts written out in words so it
// reads without colour, in high contrast, and to a screen reader (the figure's caption and the SVG's description).
import type { CategoryCount } from '../engine/readiness/types.js';
import { el, svg } from './dom.js';
import { chartRows } from './view-model.js';

const ROW = 22;
const BAR = 14;
const LABEL_END = 118;
const BAR_START = 126;
const BAR_WIDTH = 240;
const COUNT_START = BAR_START + BAR_WIDTH + 10;
const WIDTH = 620;

export function categoryChart(categories: readonly CategoryCount[]): HTMLElement {
  const rows = chartRows(categories, BAR_WIDTH);
  const height = rows.length * ROW + 4;
  const description = rows.map((r) => `${r.category}: ${r.text}`).join('; ');
  const chart = svg('svg', { class: 'chart', viewBox: `0 0 ${String(WIDTH)} ${String(height)}`, role: 'img', 'aria-labelledby': 'chart-caption chart-desc', preserveAspectRatio: 'xMinYMin meet' });
  chart.appendChild(svg('desc', { id: 'chart-desc' }, description));
  rows.forEach((row, i) => {
    const y = 2 + i * ROW;
    const g = svg('g', { class: row.total === 0 ? 'row empty' : 'row' });
    g.appendChild(svg('text', { class: 'label', x: LABEL_END, y: y + BAR - 3, 'text-anchor': 'end' }, row.category));
    g.appendChild(svg('rect', { class: 'track', x: BAR_START, y, width: BAR_WIDTH, height: BAR }));
    for (const seg of row.segments) {
      g.appendChild(svg('rect', { class: `seg seg-${seg.kind}`, x: BAR_START + seg.x, y, width: seg.width.toFixed(1), height: BAR }, svg('title', {}, `${row.category}: ${String(seg.count)} ${seg.kind}${seg.count === 1 ? '' : 's'}`)));
    }
    g.appendChild(svg('text', { class: 'count', x: COUNT_START, y: y + BAR - 3 }, row.text));
    chart.appendChild(g);
  });
  const legend = el('p', { class: 'legend' }, el('span', { class: 'key key-error' }), 'errors', el('span', { class: 'key key-warning' }), 'warnings', el('span', { class: 'key key-info' }), 'infos', ' · the counts are written beside each bar');
  return el('figure', { class: 'chart-figure' }, el('figcaption', { id: 'chart-caption' }, 'Findings per debt category'), chart, legend);
}

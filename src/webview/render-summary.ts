// The top of the panel, what a reader takes in first: the two scores, the band, which section holds the score down
// and why, the four sections side by side, and the findings per debt category.
import type { ReadinessReport } from '../engine/readiness/types.js';
import type { HostToPanel } from '../protocol.js';
import { categoryChart } from './chart.js';
import { button, el, svg } from './dom.js';
import { group, type RenderContext } from './render-items.js';
import { capText, findingsText, scoreCards, sectionRows, type SectionRow } from './view-model.js';

type ReportMessage = Extract<HostToPanel, { type: 'report' }>;

const BAR_WIDTH = 120;

/** Opens a section's group and moves focus to it (from the table of sections). */
function goToSection(id: string): void {
  const details = document.getElementById(`section-${id}`);
  if (!(details instanceof HTMLDetailsElement)) return;
  details.open = true;
  details.scrollIntoView({ block: 'start' });
  details.querySelector('summary')?.focus();
}

/** Evidence as a solid bar, the attested extra as an outlined one: lengths, not colour, tell them apart. */
function sectionBar(row: SectionRow): SVGSVGElement {
  const ev = row.evidenceFraction * BAR_WIDTH;
  const att = Math.max(0, row.scoreFraction * BAR_WIDTH - ev);
  return svg(
    'svg',
    { class: 'bar', viewBox: `0 0 ${String(BAR_WIDTH)} 10`, width: BAR_WIDTH, height: 10, 'aria-hidden': 'true' },
    svg('rect', { class: 'track', x: 0, y: 0, width: BAR_WIDTH, height: 10 }),
    ev > 0 && svg('rect', { class: 'fill-evidence', x: 0, y: 0, width: ev.toFixed(1), height: 10 }),
    att > 0 && svg('rect', { class: 'fill-attested', x: ev.toFixed(1), y: 0.5, width: (att - 0.5).toFixed(1), height: 9 }),
  );
}

function sectionTable(report: ReadinessReport): HTMLTableElement {
  const head = el('thead', {}, el('tr', {}, el('th', { scope: 'col' }, 'Section'), el('th', { scope: 'col', class: 'num' }, 'Evidence'), el('th', { scope: 'col', class: 'num' }, 'Attested'), el('th', { scope: 'col' }, el('span', { class: 'sr-only' }, 'Bar: evidence solid, attested outlined'))));
  const rows = sectionRows(report).map((row) =>
    el(
      'tr',
      { class: row.caps ? 'caps' : undefined },
      el('th', { scope: 'row' }, button(row.title, () => {
        goToSection(row.id);
      }, { class: 'link', 'data-focus': `goto:${row.id}`, title: `Show the ${row.title} items` }), row.caps && el('span', { class: 'caps-mark' }, ' ◀ lowest')),
      el('td', { class: 'num' }, row.evidence),
      el('td', { class: 'num' }, row.score),
      el('td', {}, sectionBar(row)),
    ),
  );
  return el('table', { class: 'sections' }, el('caption', { class: 'sr-only' }, 'Section scores, each out of 7'), head, el('tbody', {}, ...rows));
}

export function toolbar(ctx: RenderContext, setAll: (open: boolean) => void): HTMLElement {
  return el(
    'div',
    { class: 'toolbar', role: 'toolbar', 'aria-label': 'Readiness actions' },
    button('Refresh', () => {
      ctx.post({ type: 'refresh' });
    }, { 'data-focus': 'toolbar:refresh' }),
    button('Open as Markdown report', () => {
      ctx.post({ type: 'generateReport' });
    }, { class: 'secondary', 'data-focus': 'toolbar:report' }),
    button('Expand all', () => {
      setAll(true);
    }, { class: 'secondary', 'data-focus': 'toolbar:expand' }),
    button('Collapse all', () => {
      setAll(false);
    }, { class: 'secondary', 'data-focus': 'toolbar:collapse' }),
  );
}

export function summaryNode(msg: ReportMessage, ctx: RenderContext): HTMLElement {
  const { report } = msg;
  const [evidence, attested] = scoreCards(report);
  const cap = capText(report);
  const config = msg.configErrors > 0
    ? el('p', { class: 'warning' }, el('span', { 'aria-hidden': 'true' }, '⚠ '), `${msg.configFile} has errors: Attest and Revoke are off until they are fixed (see the Problems panel).`)
    : el('p', { class: 'muted' }, `Attestations are written to ${msg.configFile}${msg.configExists ? '' : ' (created on the first one)'}; commit it so the team reviews them.`);
  return el(
    'section',
    { class: 'summary', 'aria-labelledby': 'summary-title' },
    el('h2', { id: 'summary-title', class: 'sr-only' }, 'Score'),
    el(
      'div',
      { class: 'scores' },
      el('p', { class: 'score-name' }, 'ML Test Score'),
      el('p', { class: 'score' }, el('span', { class: 'score-value' }, evidence.value), el('span', { class: 'score-label' }, evidence.label)),
      el('p', { class: 'score secondary-score' }, el('span', { class: 'score-value' }, attested.value), el('span', { class: 'score-label' }, attested.label)),
      el('p', { class: 'band' }, report.attested.band, el('span', { class: 'muted' }, ' The ML Test Score (Breck et al., 2017): the lowest of four sections, each out of 7.')),
    ),
    el('p', { class: 'cap' }, el('strong', {}, cap.headline), ' ', cap.rule),
    group('summary', ctx, { class: 'why' }, el('summary', { 'data-focus': 'summary:why' }, 'Why, and what would raise it'), el('ul', {}, ...cap.reasons.map((r) => el('li', {}, r)))),
    el('div', { class: 'overview' }, sectionTable(report), categoryChart(report.categories)),
    el('p', {}, el('strong', {}, 'Findings: '), findingsText(report), '.'),
    report.unknownAttestations.length > 0 && el('p', { class: 'warning' }, el('span', { 'aria-hidden': 'true' }, '⚠ '), `The config attests unknown items, ignored: ${report.unknownAttestations.join(', ')}.`),
    config,
  );
}

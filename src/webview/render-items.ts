// The panel's sections and items: expandable groups, each item with its status glyph, level, points, evidence links,
// blocking findings, attestation and the Attest/Revoke buttons.
import { codeSpans, isProjectWide, locationLabel } from '../engine/readiness/report-text.js';
import type { BlockingFinding, EvidenceRef, ReadinessItem, ReadinessReport, SectionScore } from '../engine/readiness/types.js';
import type { PanelToHost } from '../protocol.js';
import { button, el, type Child } from './dom.js';
import { attestationText, itemBadges, noteText, sectionSummary, showsNext, statusView } from './view-model.js';

export interface RenderContext {
  readonly post: (message: PanelToHost) => void;
  /** Keys of the open groups. */
  readonly expanded: ReadonlySet<string>;
  readonly onToggle: (key: string, open: boolean) => void;
  /** Why Attest/Revoke are off (config errors), or undefined when they work. */
  readonly attestBlocked: string | undefined;
}

/** Text with `code` spans, as the reports write file names and identifiers. */
export function rich(text: string): Child[] {
  return codeSpans(text).map((part) => (part.code ? el('code', {}, part.text) : part.text));
}

/** A `<details>` whose open state is remembered under `key`. */
export function group(key: string, ctx: RenderContext, attrs: Record<string, string>, summary: HTMLElement, ...body: Child[]): HTMLDetailsElement {
  const details = el('details', { ...attrs, 'data-key': key, open: ctx.expanded.has(key) }, summary, ...body);
  details.addEventListener('toggle', () => {
    ctx.onToggle(key, details.open);
  });
  return details;
}

function placeButton(place: { readonly file: string; readonly line?: number; readonly cell?: number }, ctx: RenderContext, focusKey: string): HTMLButtonElement {
  const message: PanelToHost = { type: 'openLocation', file: place.file, ...(place.line === undefined ? {} : { line: place.line }), ...(place.cell === undefined ? {} : { cell: place.cell }) };
  return button(locationLabel(place), () => {
    ctx.post(message);
  }, { class: 'link', 'data-focus': focusKey, title: `Open ${locationLabel(place)}` });
}

function evidenceList(item: ReadinessItem, ctx: RenderContext): HTMLElement {
  if (item.evidence.length === 0) return el('p', { class: 'muted' }, 'No evidence found in the repository.');
  return el(
    'ul',
    { class: 'evidence' },
    ...item.evidence.map((e: EvidenceRef, i) =>
      el('li', {}, el('span', { class: `level level-${e.level}` }, e.level), ' ', ...rich(e.text), !isProjectWide(e) && ' — ', !isProjectWide(e) && placeButton(e, ctx, `evidence:${item.id}:${String(i)}`)),
    ),
  );
}

const SEVERITY = { error: { glyph: '⛔', label: 'Error' }, warning: { glyph: '⚠', label: 'Warning' }, info: { glyph: 'ℹ', label: 'Info' } } as const;

function blockingList(item: ReadinessItem, ctx: RenderContext): HTMLElement | undefined {
  if (item.blocking.length === 0 && item.moreBlocking === 0) return undefined;
  const rows = item.blocking.map((f: BlockingFinding, i) => {
    const sev = SEVERITY[f.severity];
    return el(
      'li',
      {},
      el('span', { class: `severity severity-${f.severity}`, 'aria-hidden': 'true' }, `${sev.glyph} `),
      el('span', { class: 'sr-only' }, `${sev.label}: `),
      button(f.ruleId, () => {
        ctx.post({ type: 'openRuleDocs', ruleId: f.ruleId });
      }, { class: 'link rule', 'data-focus': `rule:${item.id}:${String(i)}`, title: `Documentation of ${f.ruleId}` }),
      ' ',
      ...rich(f.message),
      ' — ',
      placeButton(f, ctx, `finding:${item.id}:${String(i)}`),
    );
  });
  if (item.moreBlocking > 0) rows.push(el('li', { class: 'muted' }, `and ${String(item.moreBlocking)} more (see the Problems panel)`));
  return el('div', {}, el('h4', {}, 'Blocking findings'), el('ul', { class: 'blocking' }, ...rows));
}

function attestationBlock(item: ReadinessItem, report: ReadinessReport, ctx: RenderContext): HTMLElement {
  const att = attestationText(item.attestation, report.maxAgeDays);
  const note = noteText(item.attestation?.note);
  const attest = button(item.attestation ? 'Change attestation…' : 'Attest…', () => {
    ctx.post({ type: 'attest', item: item.id });
  }, { class: 'secondary', 'data-focus': `attest:${item.id}`, disabled: ctx.attestBlocked !== undefined, title: ctx.attestBlocked ?? `Record the team's word on ${item.id} in .mlready.yaml` });
  const revoke = item.attestation
    ? button('Revoke', () => {
        ctx.post({ type: 'revoke', item: item.id });
      }, { class: 'secondary', 'data-focus': `revoke:${item.id}`, disabled: ctx.attestBlocked !== undefined, title: ctx.attestBlocked ?? `Remove the attestation of ${item.id} from .mlready.yaml` })
    : undefined;
  return el(
    'div',
    { class: 'attestation' },
    el('h4', {}, 'Attestation'),
    el('p', {}, att.text),
    att.warning !== undefined && el('p', { class: 'warning' }, el('span', { 'aria-hidden': 'true' }, '⚠ '), att.warning),
    note !== undefined && el('p', { class: 'note' }, 'Note: ', note),
    el('p', { class: 'buttons' }, attest, revoke),
  );
}

export function itemNode(item: ReadinessItem, report: ReadinessReport, ctx: RenderContext): HTMLDetailsElement {
  const st = statusView(item);
  const summary = el(
    'summary',
    { 'data-focus': `item:${item.id}` },
    el('span', { class: `glyph status-${st.status}`, 'aria-hidden': 'true' }, st.glyph),
    el('h3', { class: 'item-title' }, el('span', { class: 'sr-only' }, `${st.label}: `), el('span', { class: 'item-id' }, item.id), ' ', item.title),
    el('span', { class: 'badges' }, ...itemBadges(item).map((b) => el('span', { class: 'badge' }, b))),
  );
  return group(
    `item:${item.id}`,
    ctx,
    { class: `item status-${st.status}`, id: `item-${item.id}` },
    summary,
    el(
      'div',
      { class: 'item-body' },
      el('p', {}, ...rich(item.description)),
      el('h4', {}, 'Evidence'),
      evidenceList(item, ctx),
      blockingList(item, ctx),
      showsNext(item) && el('p', { class: 'next' }, el('strong', {}, 'Next: '), ...rich(item.next)),
      // The debt items follow the findings: fixing or suppressing them is the way to meet them, not a person's word.
      item.section !== 'debt' && attestationBlock(item, report, ctx),
    ),
  );
}

export function sectionNode(section: SectionScore, report: ReadinessReport, ctx: RenderContext): HTMLDetailsElement {
  const caps = report.attested.cappedBy.includes(section.id);
  const summary = el(
    'summary',
    { 'data-focus': `section:${section.id}` },
    el('h2', { class: 'section-title' }, section.title),
    el('span', { class: 'section-score' }, sectionSummary(section)),
    caps && el('span', { class: 'badge caps' }, 'holds the score down'),
  );
  return group(`section:${section.id}`, ctx, { class: 'section', id: `section-${section.id}` }, summary, el('div', { class: 'items' }, ...section.items.map((i) => itemNode(i, report, ctx))));
}

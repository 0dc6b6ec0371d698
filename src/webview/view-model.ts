// What the readiness panel says, as plain data: pure functions of the report, tested without a DOM. The wording of
// statuses, levels and caps is the reports' own (report-text.ts), so the panel, Markdown and HTML agree.
import {
  attestationSummary,
  capReason,
  formatPoints,
  itemStatus,
  joinTitles,
  LEVEL_TEXT,
  needsNextStep,
  plural,
  scoredSections,
  STATUS_GLYPH,
  type ItemStatus,
} from '../engine/readiness/report-text.js';
import type { CategoryCount, ItemAttestation, ReadinessItem, ReadinessReport, SectionScore } from '../engine/readiness/types.js';

/** What a screen reader says for an item's glyph; the glyph itself is hidden from it. */
export const STATUS_LABEL: Readonly<Record<ItemStatus, string>> = {
  met: 'Met',
  half: 'Half met (manual)',
  'not-applicable': 'Not applicable',
  blocked: 'Blocked by findings',
  open: 'Open',
};

export interface StatusView {
  readonly status: ItemStatus;
  readonly glyph: string;
  readonly label: string;
}

export function statusView(item: ReadinessItem): StatusView {
  const status = itemStatus(item);
  return { status, glyph: STATUS_GLYPH[status], label: STATUS_LABEL[status] };
}

/** "1 point", "0.5 points", "0 points". */
export function pointsText(points: number): string {
  const n = formatPoints(points);
  return `${n} ${n === '1' ? 'point' : 'points'}`;
}

/** The short facts shown on an item's line: its evidence level, its points, and whether only people can show it. */
export function itemBadges(item: ReadinessItem): string[] {
  const badges = [LEVEL_TEXT[item.level], pointsText(item.points)];
  if (item.points !== item.evidencePoints) badges.push(`${formatPoints(item.evidencePoints)} from evidence`);
  if (item.kind === 'manual') badges.push('manual: attest it');
  else if (item.kind === 'partial') badges.push('partly manual');
  return badges;
}

export interface ScoreCard {
  readonly value: string;
  readonly label: string;
}

/** The two numbers at the top: evidence first, because attestations are people's word. */
export function scoreCards(report: ReadinessReport): [ScoreCard, ScoreCard] {
  return [
    { value: formatPoints(report.evidence.value), label: 'from the repository alone' },
    { value: formatPoints(report.attested.value), label: 'with the team’s attestations' },
  ];
}

/** The section(s) holding the score down, and why: the paper's score is the minimum over the four sections. */
export function capText(report: ReadinessReport): { readonly headline: string; readonly rule: string; readonly reasons: readonly string[] } {
  const ids = report.attested.cappedBy;
  const sections = scoredSections(report).filter((s) => ids.includes(s.id));
  const first = sections[0];
  const of = first ? ` (${formatPoints(first.score)} of ${String(first.max)})` : '';
  const headline = `Held down by ${joinTitles(report, ids)}${of}.`;
  const rule = `The score is the lowest of the four section scores, so only raising ${ids.length === 1 ? 'this section' : 'these sections'} raises it.`;
  const reasons = sections.map((s) => `${s.title}: ${capReason(s)}.`);
  const evidenceIds = report.evidence.cappedBy;
  if (evidenceIds.join() !== ids.join()) reasons.push(`From the repository alone, ${joinTitles(report, evidenceIds)} ${evidenceIds.length === 1 ? 'holds' : 'hold'} it down.`);
  return { headline, rule, reasons };
}

export interface SectionRow {
  readonly id: string;
  readonly title: string;
  readonly evidence: string;
  readonly score: string;
  readonly max: number;
  readonly caps: boolean;
  /** Bar lengths as fractions of the section's maximum (0..1). */
  readonly evidenceFraction: number;
  readonly scoreFraction: number;
}

export function sectionRows(report: ReadinessReport): SectionRow[] {
  return scoredSections(report).map((s) => ({
    id: s.id,
    title: s.title,
    evidence: formatPoints(s.evidenceScore),
    score: formatPoints(s.score),
    max: s.max,
    caps: report.attested.cappedBy.includes(s.id),
    evidenceFraction: s.max > 0 ? Math.min(1, s.evidenceScore / s.max) : 0,
    scoreFraction: s.max > 0 ? Math.min(1, s.score / s.max) : 0,
  }));
}

/** "Data and features: 2.5 of 7 (1 from evidence)", and for the debt section "7 of 9 categories clear". */
export function sectionSummary(section: SectionScore): string {
  if (section.id === 'debt') {
    const clear = section.items.filter((i) => ['met', 'not-applicable'].includes(itemStatus(i))).length;
    return `${String(clear)} of ${plural(section.items.length, 'category', 'categories')} clear · not part of the score`;
  }
  return `${formatPoints(section.score)} of ${String(section.max)} · ${formatPoints(section.evidenceScore)} from evidence`;
}

/** "3 errors, 12 warnings, 4 infos". */
export function findingsText(report: ReadinessReport): string {
  const f = report.findings;
  return `${plural(f.errors, 'error')}, ${plural(f.warnings, 'warning')}, ${plural(f.infos, 'info')}`;
}

export interface ChartSegment {
  readonly kind: 'error' | 'warning' | 'info';
  readonly count: number;
  /** Offset and width within the bar, in the bar's own units (0..`width`). */
  readonly x: number;
  readonly width: number;
}

export interface ChartRow {
  readonly category: string;
  readonly total: number;
  readonly text: string;
  readonly segments: readonly ChartSegment[];
}

/**
 * One row per category, most findings first, bars scaled to the largest total over `width` units. A non-zero count
 * is never drawn thinner than 2 units, so a single finding stays visible next to hundreds.
 */
export function chartRows(categories: readonly CategoryCount[], width: number): ChartRow[] {
  const max = Math.max(0, ...categories.map((c) => c.errors + c.warnings + c.infos));
  const rows = categories.map((c) => {
    const total = c.errors + c.warnings + c.infos;
    const segments: ChartSegment[] = [];
    let x = 0;
    for (const [kind, count] of [['error', c.errors], ['warning', c.warnings], ['info', c.infos]] as const) {
      if (count === 0 || max === 0) continue;
      const w = Math.max(2, (count / max) * width);
      segments.push({ kind, count, x, width: w });
      x += w;
    }
    const text = total === 0 ? 'none' : [plural(c.errors, 'error'), plural(c.warnings, 'warning'), plural(c.infos, 'info')].filter((t) => !t.startsWith('0 ')).join(', ');
    return { category: c.category, total, text, segments };
  });
  return rows.sort((a, b) => b.total - a.total || (a.category < b.category ? -1 : 1));
}

/** An attestation as one line of text, and why it no longer counts when it does not. */
export function attestationText(a: ItemAttestation | undefined, maxAgeDays: number): { readonly text: string; readonly warning?: string } {
  if (!a) return { text: 'Not attested.' };
  const parts = attestationSummary(a, maxAgeDays);
  const who = [a.by === undefined ? '' : `by ${a.by}`, a.date === undefined ? '' : `on ${a.date}`].filter((p) => p !== '').join(' ');
  const text = `Attested ${parts.status} (${parts.how})${who === '' ? '' : ` ${who}`}.`;
  if (parts.expired === undefined) return { text };
  return { text, warning: `${parts.expired.charAt(0).toUpperCase()}${parts.expired.slice(1)}.` };
}

/** Whether to show the "Next:" line. */
export const showsNext = needsNextStep;

/** Groups open on a first visit: the summary's explanation and the section(s) holding the score down. */
export function defaultExpanded(report: ReadinessReport): string[] {
  return ['summary', ...report.attested.cappedBy.map((id) => `section:${id}`)];
}

/** A short, safe form of a note: attestations are free text from the YAML (capped so one note cannot flood the panel). */
export function noteText(note: string | undefined): string | undefined {
  if (note === undefined || note.trim() === '') return undefined;
  const t = note.trim();
  return t.length > 500 ? `${t.slice(0, 500)}…` : t;
}


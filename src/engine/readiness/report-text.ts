// What the Markdown and HTML readiness reports both say, worded once: item status, why a section caps the score, places.
import type { EvidenceLevel, ItemAttestation, ReadinessItem, ReadinessReport, SectionId, SectionScore } from './types.js';

/** How an item stands, with attestations counted; the glyphs are plain Unicode so they render anywhere. */
export type ItemStatus = 'met' | 'half' | 'not-applicable' | 'blocked' | 'open';

export const STATUS_GLYPH: Readonly<Record<ItemStatus, string>> = { met: '✓', half: '◐', 'not-applicable': '–', blocked: '✗', open: '○' };
export const STATUS_TEXT: Readonly<Record<ItemStatus, string>> = { met: 'met', half: 'half', 'not-applicable': 'n/a', blocked: 'blocked', open: 'open' };

export const LEVEL_TEXT: Readonly<Record<EvidenceLevel, string>> = { none: 'level: none', present: 'level: present', automated: 'level: automated', observed: 'level: observed' };

/** Evidence for the whole project (a debt category's clean run) names the root, which is no place to link to. */
export function isProjectWide(place: { readonly file: string }): boolean {
  return place.file === '.' || place.file === '';
}

/**
 * A finding's message up to its first sentence (what is wrong), for the Markdown report where every blocking
 * finding is listed in full; `mlready check` and the HTML report keep the whole message with its advice.
 */
export function firstSentence(message: string, limit = 240): string {
  const m = /^(.+?[.!?])\s+(?=[A-Z'"`(])/s.exec(message);
  const sentence = m?.[1] ?? message;
  return sentence.length <= limit ? sentence : `${sentence.slice(0, limit - 1).trimEnd()}…`;
}

/** A counting attestation is one that has not expired. */
export function attestationCounts(a: ItemAttestation | undefined): a is ItemAttestation {
  return a !== undefined && !a.expired;
}

export function itemStatus(item: ReadinessItem): ItemStatus {
  if (attestationCounts(item.attestation) && item.attestation.status === 'not-applicable') return 'not-applicable';
  if (item.points >= 1) return 'met';
  if (item.points > 0) return 'half';
  return item.blocking.length > 0 || item.moreBlocking > 0 ? 'blocked' : 'open';
}

/** Whether the report should say what to do next: anything short of a full point. */
export function needsNextStep(item: ReadinessItem): boolean {
  const status = itemStatus(item);
  return status !== 'met' && status !== 'not-applicable';
}

/**
 * What to do next: the item's own step when it earns nothing; for a half point (a manual, documented test) the
 * paper's way to the full point, which is to automate it.
 */
export function nextStep(item: ReadinessItem): string {
  if (itemStatus(item) !== 'half') return item.next;
  return 'Automate it for the full point: a CI step or scheduled job the repository shows, or an attestation with `how: automated` when a system outside the repository runs it.';
}

/** Scores are sums of halves: print 3, 3.5, never 3.4999999. */
export function formatPoints(n: number): string {
  return String(Math.round(n * 2) / 2);
}

export function plural(n: number, one: string, many = `${one}s`): string {
  return `${String(n)} ${n === 1 ? one : many}`;
}

export function sectionTitle(report: ReadinessReport, id: SectionId): string {
  return report.sections.find((s) => s.id === id)?.title ?? id;
}

export function scoredSections(report: ReadinessReport): SectionScore[] {
  return report.sections.filter((s) => s.id !== 'debt');
}

export function debtSection(report: ReadinessReport): SectionScore | undefined {
  return report.sections.find((s) => s.id === 'debt');
}

/** "Model development" or "Model development and Monitoring". */
export function joinTitles(report: ReadinessReport, ids: readonly SectionId[]): string {
  const titles = ids.map((id) => sectionTitle(report, id));
  return titles.length <= 1 ? (titles[0] ?? 'no section') : `${titles.slice(0, -1).join(', ')} and ${titles[titles.length - 1] ?? ''}`;
}

/**
 * Why a section holds the score down, from its items that earn less than a point: how many are manual (only an
 * attestation can earn them), blocked by findings, shown but not run automatically, or without any evidence.
 */
export function capReason(section: SectionScore): string {
  const short = section.items.filter((i) => i.points < 1);
  if (short.length === 0) return 'every item is met';
  const blockedOf = (i: ReadinessItem): boolean => i.blocking.length > 0 || i.moreBlocking > 0;
  const manual = short.filter((i) => i.kind === 'manual').length;
  const blocked = short.filter((i) => i.kind !== 'manual' && blockedOf(i)).length;
  const present = short.filter((i) => i.kind !== 'manual' && !blockedOf(i) && i.level === 'present').length;
  const missing = short.length - manual - blocked - present;
  const parts: string[] = [];
  if (manual > 0) parts.push(`${plural(manual, 'manual item')} only the team can attest`);
  if (blocked > 0) parts.push(`${String(blocked)} blocked by findings`);
  if (present > 0) parts.push(`${String(present)} shown but not run automatically`);
  if (missing > 0) parts.push(`${String(missing)} without evidence`);
  return parts.join(', ');
}

/** `file:line`, or `file [cell N]:line` for notebooks (cells counted from 1, as people do). */
export function locationLabel(place: { readonly file: string; readonly line?: number; readonly cell?: number }): string {
  const cell = place.cell === undefined ? '' : ` [cell ${String(place.cell + 1)}]`;
  return `${place.file}${cell}${place.line === undefined ? '' : `:${String(place.line)}`}`;
}

/**
 * A relative link to a project file that works when the report sits at the project root. Each path segment is
 * percent-encoded (so a name with spaces, parentheses or a colon cannot break the link or become a scheme); lines
 * use GitHub's `#L<n>` anchors, which notebooks do not have, so a notebook link opens the notebook.
 */
export function fileHref(place: { readonly file: string; readonly line?: number; readonly cell?: number }): string {
  const path = place.file
    .split('/')
    .map((seg) => encodeURIComponent(seg).replace(/[!'()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`))
    .join('/');
  const anchor = place.line !== undefined && place.cell === undefined && !place.file.endsWith('.ipynb') ? `#L${String(place.line)}` : '';
  return `${path}${anchor}`;
}

/**
 * An attestation in words: its status, how it is done with what it earns ("manual, 0.5 point"), and for one that
 * does not count (too old, or undated) why not and what to do.
 */
export function attestationSummary(a: ItemAttestation, maxAgeDays: number): { readonly status: string; readonly how: string; readonly expired?: string } {
  const earns = a.status === 'done' ? (a.how === 'automated' ? '1 point' : '0.5 point') : a.status === 'not-applicable' ? 'counts as 1 point' : 'no points';
  if (!a.expired) return { status: a.status, how: `${a.how}, ${earns}` };
  const would = earns === 'no points' ? 'it' : `it would earn ${earns.replace('counts as ', '')}, but it`;
  const expired = a.date === undefined ? 'it has no date, so it earns nothing: add one' : `${would} is older than ${String(maxAgeDays)} days: review it and renew the date`;
  return { status: a.status, how: a.how, expired };
}

/** Splits text into plain runs and `backtick` spans, which both reports show as code. Unpaired backticks stay plain. */
export function codeSpans(text: string): { readonly code: boolean; readonly text: string }[] {
  const out: { code: boolean; text: string }[] = [];
  let last = 0;
  for (const m of text.matchAll(/`([^`\n]+)`/g)) {
    if (m.index > last) out.push({ code: false, text: text.slice(last, m.index) });
    out.push({ code: true, text: m[1] ?? '' });
    last = m.index + m[0].length;
  }
  if (last < text.length) out.push({ code: false, text: text.slice(last) });
  return out;
}

/** The most a score can be: the smallest section maximum (7 in the ML Test Score). */
export function scoreMax(report: ReadinessReport): number {
  const maxes = scoredSections(report).map((s) => s.max);
  return maxes.length === 0 ? 0 : Math.min(...maxes);
}

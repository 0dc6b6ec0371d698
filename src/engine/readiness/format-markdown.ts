// The readiness report as Markdown for a PR, a wiki or an editor tab: scores and the capping section first, then items.
import { ruleDocsUrl } from '../rule.js';
import {
  attestationSummary,
  capReason,
  codeSpans,
  debtSection,
  fileHref,
  firstSentence,
  formatPoints,
  isProjectWide,
  itemStatus,
  joinTitles,
  LEVEL_TEXT,
  locationLabel,
  needsNextStep,
  nextStep,
  plural,
  scoredSections,
  scoreMax,
  STATUS_GLYPH,
  STATUS_TEXT,
} from './report-text.js';
import type { BlockingFinding, EvidenceRef, ReadinessItem, ReadinessReport, ScoreSummary } from './types.js';

/**
 * Escapes text for Markdown in the middle of a line: every character that can start markup there on GitHub (emphasis,
 * code, links, table cells, HTML, strikethrough, math, entities) is backslash-escaped, and line breaks become spaces
 * so the text stays in its list item or table cell.
 */
export function escapeMarkdown(text: string): string {
  return text.replace(/\r\n|[\r\n]/g, ' ').replace(/[\\`*_[\]<>|~$&]/g, '\\$&');
}

/** User text with its `backtick` spans kept as code (their content needs no escaping there: GitHub escapes HTML in code). */
function inline(text: string): string {
  return codeSpans(text.replace(/\r\n|[\r\n]/g, ' '))
    .map((part) => (part.code ? `\`${part.text}\`` : escapeMarkdown(part.text)))
    .join('');
}

function link(place: { readonly file: string; readonly line?: number; readonly cell?: number }): string {
  if (isProjectWide(place)) return 'the whole project';
  return `[${escapeMarkdown(locationLabel(place))}](${fileHref(place)})`;
}

function ruleLink(ruleId: string): string {
  return `[\`${ruleId.replace(/`/g, '')}\`](${ruleDocsUrl(encodeURIComponent(ruleId))})`;
}

function pointsText(item: ReadinessItem): string {
  const base = `${formatPoints(item.points)} ${item.points === 1 ? 'point' : 'points'}`;
  return item.evidencePoints === item.points ? base : `${base} (${formatPoints(item.evidencePoints)} from evidence)`;
}

function evidenceLine(e: EvidenceRef): string {
  return `  - Evidence (${e.level}): ${inline(e.text)}, ${link(e)}`;
}

function blockingLine(b: BlockingFinding): string {
  return `  - Blocked by ${ruleLink(b.ruleId)} (${b.severity}) at ${link(b)}: ${inline(firstSentence(b.message))}`;
}

/** `detail` follows the title: level and points for a scored item, finding counts for a debt category. */
function itemLines(item: ReadinessItem, maxAgeDays: number, detail = `${LEVEL_TEXT[item.level]}, ${pointsText(item)}`): string[] {
  const status = itemStatus(item);
  const out = [`- ${STATUS_GLYPH[status]} **${escapeMarkdown(item.id)} ${escapeMarkdown(item.title)}**: ${STATUS_TEXT[status]}, ${detail}`];
  for (const e of item.evidence) out.push(evidenceLine(e));
  for (const b of item.blocking) out.push(blockingLine(b));
  if (item.moreBlocking > 0) out.push(`  - …and ${plural(item.moreBlocking, 'more blocking finding')} (\`mlready check\` lists them all)`);
  const a = item.attestation;
  if (a) {
    const s = attestationSummary(a, maxAgeDays);
    const who = [a.by === undefined ? '' : ` by ${inline(a.by)}`, a.date === undefined ? '' : ` on ${inline(a.date)}`].join('');
    const note = a.note === undefined ? '' : `: ${inline(a.note)}`;
    out.push(`  - Attested ${s.status} (${s.how})${who}${note}${s.expired === undefined ? '' : `. **Not counted**: ${s.expired}.`}`);
  }
  if (needsNextStep(item)) out.push(`  - **Next:** ${inline(nextStep(item))}`);
  return out;
}

function scoreLine(label: string, s: ScoreSummary, max: number): string {
  return `**${formatPoints(s.value)} / ${String(max)}** ${label}`;
}

function capLines(report: ReadinessReport): string[] {
  const capping = scoredSections(report).filter((s) => report.attested.cappedBy.includes(s.id));
  const value = formatPoints(report.attested.value);
  const out: string[] = [];
  const only = capping[0];
  if (capping.length === 1 && only) out.push(`**Capped by ${escapeMarkdown(only.title)}** (${value} of ${String(only.max)}): ${capReason(only)}.`);
  else {
    out.push(`**Capped by ${escapeMarkdown(joinTitles(report, report.attested.cappedBy))}** (${value} each):`, '');
    for (const s of capping) out.push(`- ${escapeMarkdown(s.title)}: ${capReason(s)}.`);
  }
  if (report.evidence.cappedBy.join() !== report.attested.cappedBy.join()) {
    out.push('', `From the repository alone: capped by ${escapeMarkdown(joinTitles(report, report.evidence.cappedBy))} (${formatPoints(report.evidence.value)}).`);
  }
  return out;
}

function sectionTable(report: ReadinessReport): string[] {
  const out = ['| Section | Evidence | With attestations | Max |', '| --- | ---: | ---: | ---: |'];
  for (const s of scoredSections(report)) {
    const caps = report.attested.cappedBy.includes(s.id);
    const title = caps ? `**${escapeMarkdown(s.title)}** (caps the score)` : escapeMarkdown(s.title);
    out.push(`| ${title} | ${formatPoints(s.evidenceScore)} | ${formatPoints(s.score)} | ${String(s.max)} |`);
  }
  return out;
}

function debtLines(report: ReadinessReport): string[] {
  const debt = debtSection(report);
  const items = debt?.items ?? [];
  const clear = items.filter((i) => itemStatus(i) === 'met' || itemStatus(i) === 'not-applicable').length;
  const out = [`## ${escapeMarkdown(debt?.title ?? 'Hidden technical debt')}: ${String(clear)} of ${plural(items.length, 'category', 'categories')} clear`, ''];
  out.push('Not part of the score: each category is clear when none of its rules reports a warning or an error.', '');
  out.push('| | Category | Errors | Warnings | Infos |', '| --- | --- | ---: | ---: | ---: |');
  for (const c of report.categories) {
    const item = items.find((i) => i.id === `debt-${c.category}`);
    const glyph = item ? STATUS_GLYPH[itemStatus(item)] : '';
    const name = item ? `${escapeMarkdown(item.title)} (${escapeMarkdown(c.category)})` : escapeMarkdown(c.category);
    out.push(`| ${glyph} | ${name} | ${String(c.errors)} | ${String(c.warnings)} | ${String(c.infos)} |`);
  }
  const open = items.filter(needsNextStep);
  if (open.length > 0) {
    out.push('');
    for (const item of open) {
      const c = report.categories.find((k) => `debt-${k.category}` === item.id);
      out.push(...itemLines(item, report.maxAgeDays, c ? `${plural(c.errors, 'error')}, ${plural(c.warnings, 'warning')}` : 'no findings'));
    }
  }
  return out;
}

/** The whole report. Deterministic: the same report gives the same bytes. */
export function formatReadinessMarkdown(report: ReadinessReport): string {
  const f = report.findings;
  const out: string[] = [`# Readiness report: ${escapeMarkdown(report.project)}`, ''];
  out.push(`${scoreLine('with attestations', report.attested, scoreMax(report))} · ${scoreLine('from the repository alone', report.evidence, scoreMax(report))}`, '');
  out.push(`> ${escapeMarkdown(report.attested.band)}`, '');
  out.push(...capLines(report), '');
  out.push(...sectionTable(report), '');
  out.push(`Findings: ${plural(f.errors, 'error')}, ${plural(f.warnings, 'warning')}, ${plural(f.infos, 'info')}.`, '');
  out.push(`The score is the lowest of the four section sums, each out of ${String(scoreMax(report))} (the ML Test Score, Breck et al. 2017). Status: ${STATUS_GLYPH.met} met · ${STATUS_GLYPH.half} half a point · ${STATUS_GLYPH['not-applicable']} not applicable · ${STATUS_GLYPH.blocked} blocked by findings · ${STATUS_GLYPH.open} open. An item earns a point from the repository only when something runs it (automated) or a recent result shows it (observed), and no finding blocks it; a documented manual attestation earns half.`, '');
  for (const s of scoredSections(report)) {
    out.push(`## ${escapeMarkdown(s.title)}: ${formatPoints(s.score)} of ${String(s.max)} (${formatPoints(s.evidenceScore)} from evidence)`, '');
    for (const item of s.items) out.push(...itemLines(item, report.maxAgeDays));
    out.push('');
  }
  out.push(...debtLines(report), '');
  if (report.unknownAttestations.length > 0) {
    out.push(`**Attestations for unknown items** in the config, ignored: ${report.unknownAttestations.map((id) => inline(`\`${id.replace(/`/g, '')}\``)).join(', ')}. Check the ids (\`data-1\` … \`monitor-7\`; the debt items follow the findings and cannot be attested).`, '');
  }
  out.push(`---`, '', `Made by mlready ${escapeMarkdown(report.tool.version)} on ${escapeMarkdown(report.generatedAt)}. Scoring: ${escapeMarkdown(report.scoring)}; attestations older than ${String(report.maxAgeDays)} days no longer count.`, '');
  return out.join('\n');
}

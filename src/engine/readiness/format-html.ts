// The readiness report as one self-contained HTML file (inline CSS and SVG, no scripts, strict CSP) to share or print.
import { ruleDocsUrl } from '../rule.js';
import { categoryChartSvg } from './category-chart.js';
import { escapeHtml } from './escape-html.js';
import { REPORT_CSS } from './report-css.js';
import {
  attestationSummary,
  capReason,
  codeSpans,
  debtSection,
  fileHref,
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
import type { ReadinessItem, ReadinessReport, SectionScore } from './types.js';

export { escapeHtml } from './escape-html.js';

const CSP = "default-src 'none'; style-src 'unsafe-inline'; img-src data:";

/** User text with its `backtick` spans as code, everything escaped. */
function inline(text: string): string {
  return codeSpans(text)
    .map((part) => (part.code ? `<code>${escapeHtml(part.text)}</code>` : escapeHtml(part.text)))
    .join('');
}

function link(place: { readonly file: string; readonly line?: number; readonly cell?: number }): string {
  if (isProjectWide(place)) return 'the whole project';
  return `<a href="${escapeHtml(fileHref(place))}"><code>${escapeHtml(locationLabel(place))}</code></a>`;
}

function ruleLink(ruleId: string): string {
  return `<a href="${escapeHtml(ruleDocsUrl(encodeURIComponent(ruleId)))}"><code>${escapeHtml(ruleId)}</code></a>`;
}

function pointsText(item: ReadinessItem): string {
  const base = `${formatPoints(item.points)} ${item.points === 1 ? 'point' : 'points'}`;
  return item.evidencePoints === item.points ? base : `${base} (${formatPoints(item.evidencePoints)} from evidence)`;
}

function glyph(item: ReadinessItem): string {
  const status = itemStatus(item);
  return `<span class="status st-${status}" title="${STATUS_TEXT[status]}">${STATUS_GLYPH[status]}<span class="status-text"> ${STATUS_TEXT[status]}</span></span>`;
}

/** `detail` follows the title: level and points for a scored item, finding counts for a debt category. */
function itemHtml(item: ReadinessItem, maxAgeDays: number, detail = `${LEVEL_TEXT[item.level]} · ${pointsText(item)}`): string {
  const body: string[] = [`<p class="desc">${inline(item.description)}</p>`];
  if (item.evidence.length > 0) {
    body.push('<h4>Evidence</h4><ul>');
    for (const e of item.evidence) body.push(`<li><span class="level">${escapeHtml(e.level)}</span> ${inline(e.text)}: ${link(e)}</li>`);
    body.push('</ul>');
  }
  if (item.blocking.length > 0 || item.moreBlocking > 0) {
    body.push('<h4>Blocked by</h4><ul>');
    for (const b of item.blocking) body.push(`<li><span class="sev sev-${escapeHtml(b.severity)}">${escapeHtml(b.severity)}</span> ${ruleLink(b.ruleId)} at ${link(b)}: ${inline(b.message)}</li>`);
    if (item.moreBlocking > 0) body.push(`<li>…and ${plural(item.moreBlocking, 'more blocking finding')} (<code>mlready check</code> lists them all)</li>`);
    body.push('</ul>');
  }
  const a = item.attestation;
  if (a) {
    const s = attestationSummary(a, maxAgeDays);
    const who = [a.by === undefined ? '' : ` by ${inline(a.by)}`, a.date === undefined ? '' : ` on ${inline(a.date)}`].join('');
    const note = a.note === undefined ? '' : `: ${inline(a.note)}`;
    const expired = s.expired === undefined ? '' : ` <strong class="expired">Not counted: ${escapeHtml(s.expired)}.</strong>`;
    body.push(`<h4>Attestation</h4><p>${escapeHtml(s.status)} (${escapeHtml(s.how)})${who}${note}.${expired}</p>`);
  }
  if (needsNextStep(item)) body.push(`<p class="next"><strong>Next:</strong> ${inline(nextStep(item))}</p>`);
  // Items that need attention start open, so the page (and a print of it) shows them without a click.
  const open = item.blocking.length > 0 || item.moreBlocking > 0 || a?.expired === true ? ' open' : '';
  return `<li><details${open}><summary>${glyph(item)} <span class="id">${escapeHtml(item.id)}</span> <span class="title">${escapeHtml(item.title)}</span> <span class="meta">${escapeHtml(detail)}</span></summary>\n${body.join('\n')}\n</details></li>`;
}

function sectionHtml(s: SectionScore, report: ReadinessReport): string {
  const caps = report.attested.cappedBy.includes(s.id) ? ' <span class="caps">caps the score</span>' : '';
  const items = s.items.map((i) => itemHtml(i, report.maxAgeDays)).join('\n');
  return `<section id="section-${escapeHtml(s.id)}"><details open><summary><h2>${escapeHtml(s.title)}: ${formatPoints(s.score)} of ${String(s.max)} <span class="meta">(${formatPoints(s.evidenceScore)} from evidence)</span>${caps}</h2></summary>\n<ul class="items">\n${items}\n</ul></details></section>`;
}

function capHtml(report: ReadinessReport): string {
  const capping = scoredSections(report).filter((s) => report.attested.cappedBy.includes(s.id));
  const value = formatPoints(report.attested.value);
  const only = capping[0];
  const main =
    capping.length === 1 && only
      ? `<p class="cap"><strong>Capped by ${escapeHtml(only.title)}</strong> (${value} of ${String(only.max)}): ${escapeHtml(capReason(only))}.</p>`
      : `<p class="cap"><strong>Capped by ${escapeHtml(joinTitles(report, report.attested.cappedBy))}</strong> (${value} each):</p>\n<ul class="cap">${capping.map((s) => `<li>${escapeHtml(s.title)}: ${escapeHtml(capReason(s))}.</li>`).join('')}</ul>`;
  const evidence = report.evidence.cappedBy.join() === report.attested.cappedBy.join() ? '' : `\n<p class="cap">From the repository alone: capped by ${escapeHtml(joinTitles(report, report.evidence.cappedBy))} (${formatPoints(report.evidence.value)}).</p>`;
  return main + evidence;
}

function summaryHtml(report: ReadinessReport): string {
  const max = String(scoreMax(report));
  const rows = scoredSections(report)
    .map((s) => {
      const caps = report.attested.cappedBy.includes(s.id);
      return `<tr${caps ? ' class="capping"' : ''}><th scope="row"><a href="#section-${escapeHtml(s.id)}">${escapeHtml(s.title)}</a>${caps ? ' <span class="caps">caps the score</span>' : ''}</th><td>${formatPoints(s.evidenceScore)}</td><td>${formatPoints(s.score)}</td><td>${String(s.max)}</td></tr>`;
    })
    .join('\n');
  const f = report.findings;
  return [
    '<header>',
    `<h1>Readiness report: ${escapeHtml(report.project)}</h1>`,
    `<p class="scores"><span class="score"><strong>${formatPoints(report.attested.value)}</strong> / ${max} with attestations</span><span class="score"><strong>${formatPoints(report.evidence.value)}</strong> / ${max} from the repository alone</span></p>`,
    `<p class="band">${escapeHtml(report.attested.band)}</p>`,
    capHtml(report),
    '</header>',
    '<table class="sums"><caption>Section scores</caption>',
    '<thead><tr><th scope="col">Section</th><th scope="col">Evidence</th><th scope="col">With attestations</th><th scope="col">Max</th></tr></thead>',
    `<tbody>\n${rows}\n</tbody></table>`,
    `<p>Findings: ${plural(f.errors, 'error')}, ${plural(f.warnings, 'warning')}, ${plural(f.infos, 'info')}.</p>`,
    `<p class="legend">The score is the lowest of the four section sums, each out of ${max} (the ML Test Score, Breck et al. 2017). Status: ${STATUS_GLYPH.met} met · ${STATUS_GLYPH.half} half a point · ${STATUS_GLYPH['not-applicable']} not applicable · ${STATUS_GLYPH.blocked} blocked by findings · ${STATUS_GLYPH.open} open. An item earns a point from the repository only when something runs it (automated) or a recent result shows it (observed), and no finding blocks it; a documented manual attestation earns half.</p>`,
  ].join('\n');
}

function debtDetail(report: ReadinessReport, item: ReadinessItem): string {
  const c = report.categories.find((k) => `debt-${k.category}` === item.id);
  return c ? `${plural(c.errors, 'error')}, ${plural(c.warnings, 'warning')}` : 'no findings';
}

function debtHtml(report: ReadinessReport): string {
  const debt = debtSection(report);
  const items = debt?.items ?? [];
  const clear = items.filter((i) => itemStatus(i) === 'met' || itemStatus(i) === 'not-applicable').length;
  const rows = report.categories
    .map((c) => {
      const item = items.find((i) => i.id === `debt-${c.category}`);
      const name = item ? `${escapeHtml(item.title)} <span class="meta">(${escapeHtml(c.category)})</span>` : escapeHtml(c.category);
      return `<tr><td>${item ? glyph(item) : ''}</td><th scope="row">${name}</th><td>${String(c.errors)}</td><td>${String(c.warnings)}</td><td>${String(c.infos)}</td></tr>`;
    })
    .join('\n');
  const open = items.filter(needsNextStep);
  return [
    `<section id="section-debt"><h2>${escapeHtml(debt?.title ?? 'Hidden technical debt')}: ${String(clear)} of ${plural(items.length, 'category', 'categories')} clear</h2>`,
    '<p class="note">Not part of the score: each category is clear when none of its rules reports a warning or an error.</p>',
    categoryChartSvg(report.categories),
    '<table class="cats"><caption>Findings per debt category</caption>',
    '<thead><tr><th scope="col">Status</th><th scope="col">Category</th><th scope="col">Errors</th><th scope="col">Warnings</th><th scope="col">Infos</th></tr></thead>',
    `<tbody>\n${rows}\n</tbody></table>`,
    open.length > 0 ? `<ul class="items">\n${open.map((i) => itemHtml(i, report.maxAgeDays, debtDetail(report, i))).join('\n')}\n</ul>` : '',
    '</section>',
  ]
    .filter((l) => l !== '')
    .join('\n');
}

/** The whole report as an HTML document. Deterministic: the same report gives the same bytes. */
export function formatReadinessHtml(report: ReadinessReport): string {
  const unknown =
    report.unknownAttestations.length > 0
      ? `<p class="warn"><strong>Attestations for unknown items</strong> in the config, ignored: ${report.unknownAttestations.map((id) => `<code>${escapeHtml(id)}</code>`).join(', ')}. Check the ids (<code>data-1</code> … <code>monitor-7</code>; the debt items follow the findings and cannot be attested).</p>`
      : '';
  return `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="${CSP}">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="color-scheme" content="light dark">
<title>Readiness report: ${escapeHtml(report.project)}</title>
<style>
${REPORT_CSS}
</style>
</head>
<body>
<main>
${summaryHtml(report)}
${scoredSections(report)
  .map((s) => sectionHtml(s, report))
  .join('\n')}
${debtHtml(report)}
${unknown}
<footer>Made by mlready ${escapeHtml(report.tool.version)} on ${escapeHtml(report.generatedAt)}. Scoring: ${escapeHtml(report.scoring)}; attestations older than ${String(report.maxAgeDays)} days no longer count.</footer>
</main>
</body>
</html>
`;
}

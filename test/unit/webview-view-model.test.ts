// What the readiness panel says about a report: statuses, badges, scores, the capping section, the chart rows.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { attestationText, capText, chartRows, defaultExpanded, findingsText, itemBadges, noteText, pointsText, scoreCards, sectionRows, sectionSummary, statusView } from '../../src/webview/view-model';
import { LEVEL_TEXT } from '../../src/engine/readiness/report-text';
import { makeItem, makeReport } from '../helpers/readiness-report';

const automated = makeItem('data-1', { level: 'automated', evidencePoints: 1, points: 1, evidence: [{ level: 'automated', text: 'CI step runs `pytest`', file: '.github/workflows/ci.yml', line: 12 }] });
const attested = makeItem('monitor-1', { points: 0.5, attestation: { status: 'done', how: 'manual', by: 'Ana', date: '2025-01-02', expired: false } });
const blocked = makeItem('data-5', { level: 'present', blocking: [{ ruleId: 'hardcoded-secret', severity: 'error', message: 'A token', file: 'train.py', line: 3, column: 1 }] });

describe('panel view model', () => {
  it('gives each item a glyph and a label that says the same without colour', () => {
    assert.deepEqual(statusView(automated), { status: 'met', glyph: '✓', label: 'Met' });
    assert.deepEqual(statusView(attested), { status: 'half', glyph: '◐', label: 'Half met (manual)' });
    assert.deepEqual(statusView(blocked), { status: 'blocked', glyph: '✗', label: 'Blocked by findings' });
    assert.equal(statusView(makeItem('model-2')).label, 'Open');
    const na = makeItem('infra-7', { points: 1, attestation: { status: 'not-applicable', how: 'manual', date: '2025-01-02', expired: false } });
    assert.equal(statusView(na).label, 'Not applicable');
  });

  it('shows level, points and where the points come from', () => {
    assert.deepEqual(itemBadges(automated), [LEVEL_TEXT.automated, '1 point']);
    assert.deepEqual(itemBadges(attested), [LEVEL_TEXT.none, '0.5 points', '0 from evidence', 'partly manual']);
    assert.deepEqual(itemBadges(makeItem('data-2')), [LEVEL_TEXT.none, '0 points', 'manual: attest it']);
    assert.equal(pointsText(0), '0 points');
  });

  it('puts the evidence score first and names the capping section with its reason', () => {
    const report = makeReport({ items: [automated, attested, blocked] });
    assert.deepEqual(scoreCards(report).map((c) => c.value), ['0', '0']);
    const cap = capText(report);
    assert.match(cap.headline, /^Held down by Data and features, Model development, ML infrastructure and Monitoring \(0\.5 of 7\)|^Held down by Model development and ML infrastructure \(0 of 7\)/);
    assert.match(cap.rule, /^The score is the lowest of the four section scores, so only raising these sections raises it\.$/);
    const titles = report.attested.cappedBy.map((id) => report.sections.find((s) => s.id === id)?.title);
    assert.deepEqual(cap.reasons.slice(0, titles.length).map((r) => r.slice(0, r.indexOf(':'))), titles);
    assert.equal(cap.reasons[titles.length], 'From the repository alone, Model development, ML infrastructure and Monitoring hold it down.');
  });

  it('says when the repository alone is held down by another section', () => {
    const full = ['model', 'infra', 'data'].flatMap((s) => Array.from({ length: 7 }, (_, i) => makeItem(`${s}-${String(i + 1)}`, { level: 'automated', evidencePoints: 1, points: 1 })));
    const monitor = Array.from({ length: 7 }, (_, i) => makeItem(`monitor-${String(i + 1)}`, { points: 1, attestation: { status: 'done', how: 'automated', date: '2025-01-01', expired: false } }));
    const model = makeItem('model-1', { level: 'present', evidencePoints: 0, points: 0 });
    const report = makeReport({ items: [...full, ...monitor, model] });
    assert.deepEqual(report.attested.cappedBy, ['model']);
    const cap = capText(report);
    assert.equal(cap.headline, 'Held down by Model development (6 of 7).');
    assert.match(cap.rule, /only raising this section raises it\.$/);
    assert.ok(cap.reasons.some((r) => r === 'From the repository alone, Monitoring holds it down.'));
    assert.deepEqual(scoreCards(report).map((c) => c.value), ['0', '6']);
  });

  it('lists the four scored sections with fractions for their bars, and marks the capping one', () => {
    const report = makeReport({ items: [automated, attested] });
    const rows = sectionRows(report);
    assert.deepEqual(rows.map((r) => r.id), ['data', 'model', 'infra', 'monitor']);
    const data = rows[0];
    assert.ok(data);
    assert.equal(data.evidence, '1');
    assert.ok(Math.abs(data.evidenceFraction - 1 / 7) < 1e-9);
    assert.deepEqual(rows.filter((r) => r.caps).map((r) => r.id), ['model', 'infra']);
    assert.equal(sectionSummary(report.sections[0] ?? assert.fail()), '1 of 7 · 1 from evidence');
    const debt = report.sections.find((s) => s.id === 'debt') ?? assert.fail();
    assert.match(sectionSummary(debt), /^9 of 9 categories clear · not part of the score$/);
  });

  it('draws the chart biggest first, with counts in words and a visible sliver for one finding', () => {
    const rows = chartRows([
      { category: 'data', errors: 1, warnings: 0, infos: 0 },
      { category: 'testing', errors: 0, warnings: 200, infos: 3 },
      { category: 'secrets', errors: 0, warnings: 0, infos: 0 },
    ], 240);
    assert.deepEqual(rows.map((r) => r.category), ['testing', 'data', 'secrets']);
    const [testing, data, secrets] = rows;
    assert.ok(testing && data && secrets);
    assert.equal(testing.text, '200 warnings, 3 infos');
    assert.equal(data.text, '1 error');
    assert.equal(secrets.text, 'none');
    assert.equal(data.segments[0]?.width, 2);
    const [warnings, infos] = testing.segments;
    assert.ok(warnings && infos);
    assert.ok(Math.abs(warnings.width - (200 / 203) * 240) < 1e-9);
    assert.equal(infos.x, warnings.width);
    assert.deepEqual(chartRows([{ category: 'data', errors: 0, warnings: 0, infos: 0 }], 240)[0]?.segments, []);
  });

  it('words attestations, and says why an expired one earns nothing', () => {
    assert.deepEqual(attestationText(undefined, 365), { text: 'Not attested.' });
    assert.equal(attestationText(attested.attestation, 365).text, 'Attested done (manual, 0.5 point) by Ana on 2025-01-02.');
    const old = attestationText({ status: 'done', how: 'automated', date: '2020-01-01', expired: true }, 365);
    assert.match(old.warning ?? '', /^[A-Z].*older than 365 days.*\.$/);
  });

  it('opens the explanation and the capping sections on a first visit', () => {
    const report = makeReport({ items: [automated, attested] });
    assert.deepEqual(defaultExpanded(report), ['summary', 'section:model', 'section:infra']);
    assert.equal(findingsText(report), '0 errors, 0 warnings, 0 infos');
  });

  it('caps long notes', () => {
    assert.equal(noteText('  '), undefined);
    assert.equal(noteText('x'.repeat(600))?.length, 501);
  });
});

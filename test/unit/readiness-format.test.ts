// The readiness report's Markdown and HTML forms: escaping, links, attestations, the capping section, determinism.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { escapeHtml, formatReadinessHtml } from '../../src/engine/readiness/format-html';
import { escapeMarkdown, formatReadinessMarkdown } from '../../src/engine/readiness/format-markdown';
import { capReason, fileHref, firstSentence, formatPoints, itemStatus } from '../../src/engine/readiness/report-text';
import { makeItem, makeReport } from '../helpers/readiness-report';

const HOSTILE = 'bad | name <script>alert(1)</script> `tick` *x* [l](javascript:alert(1)) & $x$ "q" \'s';

/** Data and infra at 1+, model at 0.5, monitor at 1: model caps the attested score, and model and monitor tie on evidence. */
function sampleReport() {
  return makeReport({
    project: 'churn <model>',
    items: [
      makeItem('data-1', {
        level: 'automated',
        evidencePoints: 1,
        points: 1,
        evidence: [
          { level: 'automated', text: 'CI step runs `validate.py`', file: '.github/workflows/ci.yml', line: 12 },
          { level: 'present', text: 'pandera schema `RawSchema`', file: 'src/schema (v2).py', line: 3 },
        ],
      }),
      makeItem('data-2', { attestation: { status: 'done', how: 'manual', by: 'Ana <ana@example.com>', date: '2024-12-01', note: HOSTILE, expired: false }, points: 0.5 }),
      makeItem('data-3', { attestation: { status: 'done', how: 'manual', by: 'Bo', date: '2020-01-01', expired: true } }),
      makeItem('data-4', { attestation: { status: 'partial', how: 'manual', expired: true } }),
      makeItem('model-1', {
        level: 'present',
        evidence: [{ level: 'present', text: 'notebook trains the model', file: 'notebooks/explore.ipynb', line: 2, cell: 4 }],
        blocking: [{ ruleId: 'random-state-unset', severity: 'warning', message: HOSTILE, file: 'notebooks/explore.ipynb', line: 3, column: 1, cell: 4 }],
        moreBlocking: 2,
      }),
      makeItem('model-4', { attestation: { status: 'done', how: 'manual', by: 'Cy', date: '2025-01-10', expired: false }, points: 0.5 }),
      makeItem('infra-1', { level: 'observed', evidencePoints: 1, points: 1, evidence: [{ level: 'observed', text: 'every run of the pipeline is locked', file: '.' }] }),
      makeItem('monitor-1', { attestation: { status: 'not-applicable', how: 'manual', by: 'Di', date: '2025-01-10', expired: false }, points: 1 }),
      makeItem('debt-data', { evidencePoints: 0, points: 0, level: 'none', blocking: [{ ruleId: 'remote-data-unpinned', severity: 'error', message: 'Reads a moving ref. Pin it.', file: `weird|${HOSTILE}.py`, line: 5, column: 3 }] }),
      makeItem('debt-secrets', { level: 'observed', evidence: [{ level: 'observed', text: '3 of 3 rules checked the project and found nothing open', file: '.' }] }),
    ],
    categories: [
      { category: 'data', errors: 1, warnings: 3, infos: 0 },
      { category: 'notebooks', errors: 0, warnings: 0, infos: 2 },
      { category: 'secrets', errors: 0, warnings: 0, infos: 0 },
    ],
    unknownAttestations: ['data-99'],
  });
}

describe('readiness report helpers', () => {
  it('escapeHtml escapes the five HTML-significant characters and nothing else', () => {
    assert.equal(escapeHtml(`<a href="x" title='y'>&amp;</a> ok`), '&lt;a href=&quot;x&quot; title=&#39;y&#39;&gt;&amp;amp;&lt;/a&gt; ok');
    assert.equal(escapeHtml('plain text, 100%'), 'plain text, 100%');
  });

  it('escapeMarkdown neutralises markup and keeps text on one line', () => {
    assert.equal(escapeMarkdown('a|b <i>`c`</i> *d* _e_ [f](g) ~h~ $i$ &j\\'), 'a\\|b \\<i\\>\\`c\\`\\</i\\> \\*d\\* \\_e\\_ \\[f\\](g) \\~h\\~ \\$i\\$ \\&j\\\\');
    assert.equal(escapeMarkdown('one\ntwo\r\nthree'), 'one two three');
  });

  it('file links are relative, percent-encoded, with GitHub line anchors except in notebooks', () => {
    assert.equal(fileHref({ file: 'src/train.py', line: 12 }), 'src/train.py#L12');
    assert.equal(fileHref({ file: 'src/my model (v2).py', line: 1 }), 'src/my%20model%20%28v2%29.py#L1');
    assert.equal(fileHref({ file: 'javascript:alert(1)' }), 'javascript%3Aalert%281%29');
    assert.equal(fileHref({ file: 'nb/a.ipynb', line: 3, cell: 2 }), 'nb/a.ipynb');
  });

  it('item status, points and the capping reason', () => {
    const r = sampleReport();
    const item = (id: string) => r.sections.flatMap((s) => s.items).find((i) => i.id === id) ?? assert.fail(id);
    assert.deepEqual(['data-1', 'data-2', 'data-3', 'model-1', 'monitor-1'].map((id) => itemStatus(item(id))), ['met', 'half', 'open', 'blocked', 'not-applicable']);
    assert.equal(formatPoints(0.1 + 0.2 + 0.2), '0.5');
    const model = r.sections.find((s) => s.id === 'model') ?? assert.fail();
    assert.equal(capReason(model), '2 manual items only the team can attest, 1 blocked by findings, 4 without evidence');
    assert.equal(firstSentence('Reads a moving ref. Pin it to a tag.'), 'Reads a moving ref.');
    assert.equal(firstSentence('x'.repeat(300)).length, 240);
  });
});

describe('formatReadinessMarkdown', () => {
  const md = formatReadinessMarkdown(sampleReport());

  it('opens with both scores, the band and the capping section with its reason', () => {
    const head = md.split('\n').slice(0, 8).join('\n');
    assert.match(head, /^# Readiness report: churn \\<model\\>\n/);
    assert.match(head, /\*\*0\.5 \/ 7\*\* with attestations · \*\*0 \/ 7\*\* from the repository alone/);
    assert.match(head, /> Not untested, but serious holes in reliability are likely\./);
    assert.match(head, /\*\*Capped by Model development\*\* \(0\.5 of 7\): 2 manual items only the team can attest, 1 blocked by findings, 4 without evidence\./);
    assert.match(md, /From the repository alone: capped by Model development and Monitoring \(0\)\./);
    assert.match(md, /\| \*\*Model development\*\* \(caps the score\) \| 0 \| 0\.5 \| 7 \|/);
    assert.match(md, /\| Data and features \| 1 \| 1\.5 \| 7 \|/);
  });

  it('links evidence and findings as file:line, with the cell for notebooks', () => {
    assert.ok(md.includes('[.github/workflows/ci.yml:12](.github/workflows/ci.yml#L12)'));
    assert.ok(md.includes('[src/schema (v2).py:3](src/schema%20%28v2%29.py#L3)'));
    assert.ok(md.includes('[notebooks/explore.ipynb \\[cell 5\\]:2](notebooks/explore.ipynb)'));
    assert.ok(md.includes('Blocked by [`random-state-unset`](https://github.com/mlready/mlready/blob/main/docs/rules/random-state-unset.md) (warning) at [notebooks/explore.ipynb \\[cell 5\\]:3](notebooks/explore.ipynb)'));
    assert.ok(md.includes('…and 2 more blocking findings'));
    assert.ok(md.includes('pandera schema `RawSchema`'), 'backtick spans in evidence stay code');
    assert.match(md, /Evidence \(observed\): every run of the pipeline is locked, the whole project\n/);
  });

  it('escapes every user-derived string', () => {
    assert.ok(!/(?<!\\)<(script|ana|model)/.test(md), 'no raw HTML from user text');
    assert.ok(!/[^\\]\[l\]\(javascript/.test(md), 'no live link from user text');
    assert.ok(md.includes('bad \\| name \\<script\\>'));
    for (const line of md.split('\n').filter((l) => l.startsWith('| '))) {
      const cells = line.split(/(?<!\\)\|/).length - 2;
      assert.ok(cells === 4 || cells === 5, `table row keeps its cells: ${line}`);
    }
  });

  it('shows attestations: who, when, the note, and why an expired or undated one earns nothing', () => {
    assert.match(md, /Attested done \(manual, 0\.5 point\) by Ana \\<ana@example\.com\\> on 2024-12-01: bad/);
    assert.match(md, /◐ \*\*data-2 Every feature earns its place\*\*: half, level: none, 0\.5 points \(0 from evidence\)/);
    assert.match(md, /Attested done \(manual\) by Bo on 2020-01-01\. \*\*Not counted\*\*: it would earn 0\.5 point, but it is older than 365 days: review it and renew the date\./);
    assert.match(md, /Attested partial \(manual\)\. \*\*Not counted\*\*: it has no date, so it earns nothing: add one\./);
    assert.match(md, /– \*\*monitor-1 Dependency changes raise a flag\*\*: n\/a/);
  });

  it('gives the next step only for items short of a point', () => {
    const block = (id: string): string => md.slice(md.indexOf(`**${id} `), md.indexOf('\n- ', md.indexOf(`**${id} `)));
    assert.ok(!block('data-1').includes('**Next:**'));
    assert.ok(!block('monitor-1').includes('**Next:**'));
    assert.ok(block('data-3').includes('**Next:** Review what each feature costs'));
    assert.ok(block('data-2').includes('**Next:** Automate it for the full point'), 'a half point is told how to earn the full one');
  });

  it('ends with the debt table, the open debt items, unknown attestations and the footer', () => {
    assert.match(md, /## Hidden technical debt: 8 of 9 categories clear/);
    assert.match(md, /\| ✗ \| Data dependencies are pinned \(data\) \| 1 \| 3 \| 0 \|/);
    assert.match(md, /✗ \*\*debt-data Data dependencies are pinned\*\*: blocked, 1 error, 3 warnings/);
    assert.match(md, /at \[weird\\\|bad \\\| name/);
    assert.match(md, /\*\*Attestations for unknown items\*\* in the config, ignored: `data-99`/);
    assert.match(md, /Made by mlready 0\.1\.0 on 2025-01-15T12:00:00\.000Z/);
  });

  it('is deterministic', () => {
    assert.equal(formatReadinessMarkdown(sampleReport()), md);
  });
});

describe('formatReadinessHtml', () => {
  const html = formatReadinessHtml(sampleReport());

  it('is one self-contained document: strict CSP, inline CSS, no scripts or remote resources', () => {
    assert.ok(html.startsWith('<!DOCTYPE html>\n<html lang="en">'));
    assert.ok(html.includes(`<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; img-src data:">`));
    assert.ok(!/<script|<link|<img|<iframe|\son\w+=|@import|url\(/i.test(html));
    assert.ok(!/\ssrc=/i.test(html));
    assert.match(html, /@media \(prefers-color-scheme: dark\)/);
    assert.match(html, /@media print/);
  });

  it('escapes every user-derived string', () => {
    assert.ok(!html.includes('<script>alert'));
    assert.ok(html.includes('bad | name &lt;script&gt;alert(1)&lt;/script&gt; <code>tick</code>'));
    assert.ok(html.includes('<title>Readiness report: churn &lt;model&gt;</title>'));
    assert.ok(html.includes('href="weird%7Cbad%20%7C%20name%20%3Cscript%3Ealert'));
    assert.ok(!html.includes('href="javascript'));
  });

  it('has the scores, the capping section, items with links and attestations', () => {
    assert.match(html, /<strong>0\.5<\/strong> \/ 7 with attestations/);
    assert.match(html, /<strong>Capped by Model development<\/strong> \(0\.5 of 7\): 2 manual items only the team can attest/);
    assert.ok(html.includes('<a href="notebooks/explore.ipynb"><code>notebooks/explore.ipynb [cell 5]:2</code></a>'));
    assert.ok(html.includes('<a href="src/schema%20%28v2%29.py#L3"><code>src/schema (v2).py:3</code></a>'));
    assert.match(html, /Not counted: it would earn 0\.5 point, but it is older than 365 days/);
    assert.match(html, /<details open><summary><span class="status st-blocked"/, 'items with blocking findings start open');
  });

  it('draws findings per debt category as an accessible SVG with counts in words', () => {
    const svg = html.slice(html.indexOf('<svg'), html.indexOf('</svg>'));
    assert.match(svg, /role="img" aria-labelledby="chart-title chart-desc"/);
    assert.match(svg, /<title id="chart-title">Findings per debt category<\/title>/);
    assert.match(svg, /<desc id="chart-desc">data: 1 error, 3 warnings, 0 infos; notebooks: 0 errors, 0 warnings, 2 infos; secrets: 0 errors, 0 warnings, 0 infos<\/desc>/);
    assert.match(svg, /<text class="count"[^>]*>1 error, 3 warnings, 0 infos<\/text>/);
    assert.equal((svg.match(/<rect class="seg-/g) ?? []).length, 3 + 3, 'a legend swatch per severity and one segment per non-zero count');
  });

  it('is deterministic', () => {
    assert.equal(formatReadinessHtml(sampleReport()), html);
  });
});

// End-to-end tests of `mlready report` in-process: the three formats, -o, the --min-score gate, usage and config errors.
import assert from 'node:assert/strict';
import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, it } from 'node:test';
import type { ReadinessReport } from '../../src/engine/readiness/types';
import { runCli } from '../helpers/cli';
import { assertGolden } from '../helpers/golden';

const FIXTURE = join(__dirname, '..', 'fixtures', 'cli', 'project');
const SAMPLE = join(__dirname, '..', '..', 'examples', 'sample-ml-repo');
const GOLDEN = join(__dirname, '..', 'fixtures', 'cli', 'golden');
const temps: string[] = [];

function copyProject(): string {
  const dir = mkdtempSync(join(tmpdir(), 'mlready-report-'));
  temps.push(dir);
  cpSync(FIXTURE, dir, { recursive: true });
  return dir;
}

after(() => {
  for (const t of temps) rmSync(t, { recursive: true, force: true });
});

function today(): string {
  return new Date().toISOString().slice(0, 10);
}

describe('mlready report formats', () => {
  it('prints Markdown by default and exits 0 even with findings', async () => {
    const result = await runCli(['report', FIXTURE, '--no-cache']);
    assert.equal(result.code, 0);
    assert.equal(result.stderr, '');
    assert.match(result.stdout, /^# Readiness report: project\n\n\*\*0 \/ 7\*\* with attestations · \*\*0 \/ 7\*\* from the repository alone\n/);
    assert.match(result.stdout, /\n## Hidden technical debt: \d of 9 categories clear\n/);
  });

  it('--format json prints the report as built, with 2-space indentation', async () => {
    const result = await runCli(['report', FIXTURE, '--no-cache', '--format', 'json']);
    assert.equal(result.code, 0);
    const report = JSON.parse(result.stdout) as ReadinessReport;
    assert.equal(result.stdout, `${JSON.stringify(report, null, 2)}\n`);
    assert.deepEqual(Object.keys(report), ['schemaVersion', 'tool', 'generatedAt', 'project', 'scoring', 'maxAgeDays', 'sections', 'evidence', 'attested', 'categories', 'findings', 'unknownAttestations']);
    assert.equal(report.project, 'project');
    assert.deepEqual(report.sections.map((s) => [s.id, s.items.length]), [['data', 7], ['model', 7], ['infra', 7], ['monitor', 7], ['debt', 9]]);
    assert.ok(report.findings.errors + report.findings.warnings > 0);
  });

  it('--format html writes one self-contained document; -o writes it to a file, not stdout', async () => {
    const dir = copyProject();
    const out = join(dir, 'readiness.html');
    const result = await runCli(['report', dir, '--no-cache', '-f', 'html', '-o', out]);
    assert.equal(result.code, 0);
    assert.equal(result.stdout, '');
    const html = readFileSync(out, 'utf8');
    assert.ok(html.startsWith('<!DOCTYPE html>'));
    assert.ok(html.includes('<svg class="chart"'));
  });

  it('counts baselined findings: the baseline does not hide debt from the report', async () => {
    const dir = copyProject();
    assert.equal((await runCli(['baseline', dir, '--no-cache'])).code, 0);
    writeFileSync(join(dir, '.mlready.yaml'), `${readFileSync(join(dir, '.mlready.yaml'), 'utf8')}baseline: .mlready-baseline.json\n`);
    const report = JSON.parse((await runCli(['report', dir, '--no-cache', '--format', 'json'])).stdout) as ReadinessReport;
    assert.ok(report.findings.errors + report.findings.warnings > 0);
  });

  it('reads attestations from the config: a fresh manual one earns half a point, an old one nothing', async () => {
    const dir = copyProject();
    const config = `${readFileSync(join(dir, '.mlready.yaml'), 'utf8')}readiness:\n  attestations:\n    model-4:\n      status: done\n      by: Ana\n      date: "${today()}"\n    model-5:\n      status: done\n      by: Bo\n      date: "2001-01-01"\n`;
    writeFileSync(join(dir, '.mlready.yaml'), config);
    const result = await runCli(['report', dir, '--no-cache', '--format', 'json']);
    assert.equal(result.code, 0, result.stderr);
    const items = (JSON.parse(result.stdout) as ReadinessReport).sections.flatMap((s) => s.items);
    assert.deepEqual(items.filter((i) => i.id === 'model-4' || i.id === 'model-5').map((i) => [i.id, i.points, i.attestation?.expired]), [['model-4', 0.5, false], ['model-5', 0, true]]);
    const md = (await runCli(['report', dir, '--no-cache'])).stdout;
    assert.match(md, /Attested done \(manual\) by Bo on 2001-01-01\. \*\*Not counted\*\*/);
  });

  it('the sample repo\'s Markdown report matches its golden file (dates masked)', async () => {
    // Attestations expire with time: a copy whose attestations are dated today keeps the golden stable.
    const dir = join(mkdtempSync(join(tmpdir(), 'mlready-report-')), 'sample-ml-repo');
    temps.push(dir);
    cpSync(SAMPLE, dir, { recursive: true });
    const config = join(dir, '.mlready.yaml');
    writeFileSync(config, readFileSync(config, 'utf8').replace(/^(\s+date: )\d{4}-\d{2}-\d{2}$/gm, `$1${today()}`));
    const result = await runCli(['report', dir, '--no-cache']);
    assert.equal(result.code, 0);
    const masked = result.stdout.replace(/ on \d{4}-\d{2}-\d{2}T[\d:.]+Z\./, ' on <date>.').replaceAll(` on ${today()}`, ' on <today>');
    assertGolden(masked, join(GOLDEN, 'report.sample-ml-repo.md.txt'));
  });
});

describe('mlready report exit codes', () => {
  it('--min-score gates on the score with attestations: 0 at or above, 1 below, with a note on stderr', async () => {
    const pass = await runCli(['report', FIXTURE, '--no-cache', '--min-score', '0']);
    assert.equal(pass.code, 0);
    assert.equal(pass.stderr, 'mlready: readiness score 0 (with attestations) meets --min-score 0.\n');
    const fail = await runCli(['report', FIXTURE, '--no-cache', '--min-score=2.5', '--format', 'json']);
    assert.equal(fail.code, 1);
    assert.match(fail.stderr, /^mlready: readiness score 0 \(with attestations, capped by .+\) is below --min-score 2\.5\.\n$/);
    assert.ok(fail.stdout.startsWith('{'), 'the report is still printed');
  });

  it('2 for a bad --min-score, an unknown format, more than one path', async () => {
    for (const bad of ['-1', 'abc', '1e3', '0x2']) {
      const result = await runCli(['report', FIXTURE, '--no-cache', `--min-score=${bad}`]);
      assert.equal(result.code, 2, bad);
      assert.match(result.stderr, /--min-score takes a number of at least 0/);
      assert.equal(result.stdout, '');
    }
    const fmt = await runCli(['report', FIXTURE, '--format', 'sarif']);
    assert.equal(fmt.code, 2);
    assert.match(fmt.stderr, /unknown report format 'sarif'; use one of: md, html, json/);
    assert.equal((await runCli(['report', FIXTURE, FIXTURE])).code, 2);
  });

  it('2 for an invalid config, with its place, and no report', async () => {
    const dir = copyProject();
    writeFileSync(join(dir, '.mlready.yaml'), 'readiness:\n  maxAgeDays: -3\n');
    const out = join(dir, 'r.md');
    const result = await runCli(['report', dir, '--no-cache', '-o', out]);
    assert.equal(result.code, 2);
    assert.equal(result.stdout, '');
    assert.match(result.stderr, /\.mlready\.yaml:2:15: error: maxAgeDays must be a positive number of days/);
    assert.ok(!existsSync(out));
  });

  it('--config picks another config file', async () => {
    const dir = copyProject();
    const other = join(dir, 'other.yaml');
    writeFileSync(other, 'readiness:\n  maxAgeDays: 30\n');
    const report = JSON.parse((await runCli(['report', dir, '--no-cache', '--format', 'json', '--config', other])).stdout) as ReadinessReport;
    assert.equal(report.maxAgeDays, 30);
  });
});

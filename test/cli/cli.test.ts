// End-to-end tests of the `mlready` command in-process: formats (golden files), exit codes, init, baseline, fix.
import assert from 'node:assert/strict';
import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, it } from 'node:test';
import { runCli } from '../helpers/cli';
import { assertGolden } from '../helpers/golden';

const FIXTURE = join(__dirname, '..', 'fixtures', 'cli', 'project');
const GOLDEN = join(__dirname, '..', 'fixtures', 'cli', 'golden');
const temps: string[] = [];

function copyProject(): string {
  const dir = mkdtempSync(join(tmpdir(), 'mlready-cli-'));
  temps.push(dir);
  cpSync(FIXTURE, dir, { recursive: true });
  return dir;
}

after(() => {
  for (const t of temps) rmSync(t, { recursive: true, force: true });
});

describe('mlready check output formats', () => {
  for (const format of ['stylish', 'json', 'sarif', 'github', 'markdown']) {
    it(`--format ${format} matches its golden file and exits 1 on errors`, async () => {
      const result = await runCli(['check', FIXTURE, '--format', format, '--no-cache']);
      assert.equal(result.stderr, '');
      assert.equal(result.code, 1);
      assertGolden(result.stdout, join(GOLDEN, `check.${format}.txt`));
    });
  }

  it('is deterministic: two runs give the same bytes', async () => {
    const a = await runCli(['check', FIXTURE, '--format', 'json', '--no-cache']);
    const b = await runCli(['check', FIXTURE, '--format', 'json', '--no-cache']);
    assert.equal(a.stdout, b.stdout);
  });

  it('JSON findings follow the documented contract', async () => {
    const { stdout } = await runCli(['check', FIXTURE, '--format', 'json', '--no-cache']);
    const doc = JSON.parse(stdout) as { version: number; findings: Record<string, unknown>[] };
    assert.equal(doc.version, 1);
    const nb = doc.findings.find((f) => f.file === 'notebooks/explore.ipynb' && f.ruleId === 'remote-data-unpinned');
    assert.deepEqual(nb && { cell: nb.cell, line: nb.line, column: nb.column }, { cell: 2, line: 1, column: 6 });
    for (const f of doc.findings) for (const key of ['ruleId', 'category', 'severity', 'message', 'file', 'line', 'column', 'endLine', 'endColumn']) assert.ok(key in f, key);
  });
});

describe('mlready exit codes', () => {
  it('0 when only a path without errors is linted, 1 over --max-warnings', async () => {
    const clean = await runCli(['check', join(FIXTURE, 'requirements-lock.txt'), '--no-cache']);
    assert.equal(clean.code, 0);
    const warnings = await runCli(['check', join(FIXTURE, 'requirements.txt'), '--no-cache']);
    assert.equal(warnings.code, 0);
    const limited = await runCli(['check', join(FIXTURE, 'requirements.txt'), '--no-cache', '--max-warnings', '1']);
    assert.equal(limited.code, 1);
    assert.match(limited.stderr, /2 warnings, more than --max-warnings 1/);
  });

  it('2 for an unknown option, a missing path, an unknown format', async () => {
    assert.equal((await runCli(['check', '--bogus'])).code, 2);
    assert.equal((await runCli(['check', join(FIXTURE, 'nope')])).code, 2);
    const fmt = await runCli(['check', FIXTURE, '--format', 'xml']);
    assert.equal(fmt.code, 2);
    assert.match(fmt.stderr, /unknown format 'xml'/);
  });

  it('2 for an invalid config, with file:line:column, and nothing linted', async () => {
    const dir = copyProject();
    writeFileSync(join(dir, '.mlready.yaml'), 'rules:\n  random-state-unset: loud\n');
    const result = await runCli(['check', dir, '--no-cache']);
    assert.equal(result.code, 2);
    assert.equal(result.stdout, '');
    assert.match(result.stderr, /\.mlready\.yaml:2:23: error: severity of 'random-state-unset' must be one of: off, info, warning, error/);
  });

  it('warns about unknown rule ids in the config and still lints', async () => {
    const dir = copyProject();
    writeFileSync(join(dir, '.mlready.yaml'), 'rules:\n  random-state-unsett: off\n');
    const result = await runCli(['check', dir, '--no-cache', '--format', 'json']);
    assert.equal(result.code, 0);
    assert.match(result.stderr, /2:3: warning: unknown rule 'random-state-unsett'; did you mean 'random-state-unset'\?/);
  });
});

describe('mlready init, baseline and --fix', () => {
  it('init writes a starter config that validates, and never overwrites one', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'mlready-init-'));
    temps.push(dir);
    assert.equal((await runCli(['init', dir])).code, 0);
    const text = readFileSync(join(dir, '.mlready.yaml'), 'utf8');
    assert.match(text, /extends: mlready:recommended/);
    writeFileSync(join(dir, 'x.py'), 'x = 1\n');
    assert.equal((await runCli(['check', dir, '--no-cache'])).code, 0);
    const again = await runCli(['init', dir]);
    assert.equal(again.code, 2);
    assert.equal(readFileSync(join(dir, '.mlready.yaml'), 'utf8'), text);
  });

  it('a baseline hides recorded findings and reports new ones', async () => {
    const dir = copyProject();
    assert.equal((await runCli(['baseline', dir, '--no-cache'])).code, 0);
    assert.ok(existsSync(join(dir, '.mlready-baseline.json')));
    const quiet = await runCli(['check', dir, '--no-cache', '--baseline', join(dir, '.mlready-baseline.json'), '--format', 'json']);
    assert.equal(quiet.code, 0);
    assert.equal((JSON.parse(quiet.stdout) as { findings: unknown[] }).findings.length, 0);
    // Moving code down keeps the old findings matched; a new finding is reported.
    const train = readFileSync(join(dir, 'train.py'), 'utf8');
    writeFileSync(join(dir, 'train.py'), `# moved\n\n${train}\nfrom sklearn.cluster import KMeans\nkm = KMeans()\n`);
    const fresh = await runCli(['check', dir, '--no-cache', '--baseline', join(dir, '.mlready-baseline.json'), '--format', 'json']);
    const findings = (JSON.parse(fresh.stdout) as { findings: { ruleId: string; line: number }[] }).findings;
    assert.deepEqual(findings.map((f) => [f.ruleId, f.line]), [['random-state-unset', 20]]);
  });

  it('--fix applies the safe fix and leaves unsafe ones', async () => {
    const dir = copyProject();
    const result = await runCli(['check', dir, '--no-cache', '--fix', '--format', 'json']);
    assert.equal(readFileSync(join(dir, 'requirements.txt'), 'utf8'), 'numpy==1.26.4\npandas>=2.0\nrequests==2.31.0\n');
    assert.equal(readFileSync(join(dir, 'train.py'), 'utf8'), readFileSync(join(FIXTURE, 'train.py'), 'utf8'));
    const remaining = (JSON.parse(result.stdout) as { findings: { ruleId: string; file: string }[] }).findings;
    assert.ok(!remaining.some((f) => f.file === 'requirements.txt' && f.ruleId === 'dependency-unpinned' && JSON.stringify(f).includes('requests')));
  });
});

describe('mlready rules and explain', () => {
  it('lists every rule', async () => {
    const { stdout, code } = await runCli(['rules', '--format', 'json']);
    assert.equal(code, 0);
    const ids = (JSON.parse(stdout) as { id: string }[]).map((r) => r.id);
    assert.ok(ids.includes('remote-data-unpinned') && ids.includes('unused-suppression'));
  });

  it('explains a rule and suggests a near id for a typo', async () => {
    const ok = await runCli(['explain', 'random-state-unset']);
    assert.equal(ok.code, 0);
    assert.match(ok.stdout, /## Why is this bad\?/);
    const typo = await runCli(['explain', 'random-state-unsett']);
    assert.equal(typo.code, 2);
    assert.match(typo.stderr, /did you mean 'random-state-unset'/);
  });
});

// End-to-end runs over a tree of hostile inputs: every bad file is skipped or tolerated with a reason, good files still lint.
import assert from 'node:assert/strict';
import { existsSync, mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import type { Io } from '../../src/cli/io';
import { main } from '../../src/cli/main';
import { NodeFileSystem } from '../../src/node/node-fs';
import { SettingsResolver } from '../../src/engine/config/resolve';
import type { ResolvedConfig, RuleSetting } from '../../src/engine/config/types';
import { InProcessExecutor } from '../../src/engine/executor';
import { runLint, type LintRun } from '../../src/engine/linter';
import { RULES } from '../../src/engine/rules/index';
import { VERSION } from '../../src/engine/version';
import { pythonParser } from '../helpers/python';

const GOOD = 'from sklearn.ensemble import RandomForestClassifier\nm = RandomForestClassifier()\n';
const NOTEBOOK = JSON.stringify(
  { cells: [{ cell_type: 'code', source: ['from sklearn.cluster import KMeans\n', 'km = KMeans()\n'], execution_count: 1, outputs: [] }], metadata: {}, nbformat: 4, nbformat_minor: 5 },
  null,
  1,
);

let root = '';
let badConfigRoot = '';

function write(base: string, rel: string, content: string | Uint8Array): void {
  const path = join(base, rel);
  mkdirSync(dirname(path), { recursive: true });
  writeFileSync(path, content);
}

before(() => {
  root = mkdtempSync(join(tmpdir(), 'mlready-bad-inputs-')).split('\\').join('/');
  write(root, '.git/HEAD', 'ref: refs/heads/main\n');
  // Only random-state-unset is on, so rules added later cannot change what these tests see.
  const only = (severity: string): string => `rules:\n${[...RULES.keys()].map((id) => `  ${id}: ${id === 'random-state-unset' ? severity : 'off'}\n`).join('')}`;
  write(root, '.mlready.yaml', only('error'));
  write(root, 'configs/lenient.yaml', only('warning'));
  write(root, 'train.py', GOOD);
  write(root, 'notebooks/truncated.ipynb', NOTEBOOK.slice(0, Math.floor(NOTEBOOK.length / 2)));
  write(root, 'notebooks/ok.ipynb', NOTEBOOK);
  write(root, 'model.py', new Uint8Array([0x80, 0x04, 0x95, 0x00, 0x00, 0x00, 0x00, 0x7d, 0x94, 0x2e]));
  write(root, 'big.py', Buffer.alloc(50 * 1024 * 1024, 0x23));
  write(root, 'latin.py', Buffer.from('# caf\xe9\nx = 1\n', 'latin1'));
  write(root, 'configs/bad.yaml', 'stages:\n  train: [unclosed\n    cmd: python train.py\n');
  write(root, 'broken.py', 'def f(:\n    pass\n\nfrom sklearn.cluster import KMeans\nkm = KMeans()\n');
  mkdirSync(join(root, 'loop'));
  write(root, 'loop/inner.py', 'x = 1\n');
  symlinkSync('..', join(root, 'loop/up'));

  badConfigRoot = mkdtempSync(join(tmpdir(), 'mlready-bad-config-')).split('\\').join('/');
  write(badConfigRoot, '.mlready.yaml', 'profile: production\nrules:\n  random-state-unset: [warning\n');
  write(badConfigRoot, 'train.py', GOOD);
});

after(() => {
  rmSync(root, { recursive: true, force: true });
  rmSync(badConfigRoot, { recursive: true, force: true });
});

const EXPECTED_SKIPPED = [
  { file: 'big.py', reason: 'file is 50.0 MB, over the 5.0 MB limit for source files' },
  { file: 'configs/bad.yaml', reason: 'invalid YAML at line 2, column 11: Implicit keys of flow sequence pairs need to be on a single line' },
  { file: 'latin.py', reason: 'not valid UTF-8: mlready reads source and config files as UTF-8' },
  { file: 'loop/up/', reason: 'symbolic link loop: it points to a folder that contains it' },
  { file: 'model.py', reason: 'binary content (NUL bytes): not a text file' },
];
const TRUNCATED_REASON = /^not valid notebook JSON \(line \d+, column \d+: \S[^)]*\)$/;

describe('runLint over bad inputs', () => {
  let run: LintRun;

  before(async () => {
    const rules = new Map<string, RuleSetting>();
    for (const id of RULES.keys()) rules.set(id, { severity: id === 'random-state-unset' ? 'warning' : 'off' });
    const config: ResolvedConfig = { root, profile: 'production', preset: 'mlready:recommended', rules, ignore: [], overrides: [], warnings: [], sourceTexts: [] };
    run = await runLint({
      fs: new NodeFileSystem(),
      root,
      settings: new SettingsResolver(config, RULES),
      executor: new InProcessExecutor(await pythonParser()),
      version: VERSION,
    });
  });

  it('completes with no rule errors', () => {
    assert.deepEqual(run.ruleErrors, []);
  });

  it('lists every unreadable file in skipped with a clear reason, sorted by path', () => {
    const withoutNotebook = run.skipped.filter((s) => s.file !== 'notebooks/truncated.ipynb');
    assert.deepEqual(withoutNotebook, EXPECTED_SKIPPED);
    const notebook = run.skipped.find((s) => s.file === 'notebooks/truncated.ipynb');
    assert.ok(notebook, 'the truncated notebook is skipped');
    assert.match(notebook.reason, TRUNCATED_REASON);
    assert.deepEqual(
      run.skipped.map((s) => s.file),
      ['big.py', 'configs/bad.yaml', 'latin.py', 'loop/up/', 'model.py', 'notebooks/truncated.ipynb'],
    );
  });

  it('still reports the findings of the good files', () => {
    assert.deepEqual(
      run.findings.map((f) => `${f.file}${f.cell === undefined ? '' : `#${f.cell}`}:${f.range.start.line + 1}:${f.range.start.column + 1} ${f.ruleId} ${f.severity}`),
      ['broken.py:5:6 random-state-unset warning', 'notebooks/ok.ipynb#0:2:6 random-state-unset warning', 'train.py:2:5 random-state-unset warning'],
    );
  });

  it('lints a Python file with a syntax error through error recovery instead of skipping it', () => {
    assert.ok(!run.skipped.some((s) => s.file === 'broken.py'));
    assert.ok(run.texts.has('broken.py'));
  });

  it('skips invalid YAML with the place of the syntax error', () => {
    const entry = run.skipped.find((s) => s.file === 'configs/bad.yaml');
    assert.match(entry?.reason ?? '', /^invalid YAML at line \d+, column \d+: \S/);
    assert.deepEqual(run.findings.filter((f) => f.file === 'configs/bad.yaml'), []);
  });

  it('counts linted files: readable text files except the config itself', () => {
    // broken.py, configs/bad.yaml, configs/lenient.yaml, loop/inner.py, notebooks/ok.ipynb, notebooks/truncated.ipynb, train.py
    assert.equal(run.lintedFiles, 7);
    assert.ok(!run.texts.has('big.py'));
    assert.ok(!run.texts.has('model.py'));
    assert.ok(!run.texts.has('latin.py'));
  });
});

interface CapturedIo extends Io {
  readonly out: string[];
  readonly err: string[];
}

function fakeIo(): CapturedIo {
  const out: string[] = [];
  const err: string[] = [];
  return {
    out,
    err,
    stdout: (t) => {
      out.push(t);
    },
    stderr: (t) => {
      err.push(t);
    },
    stdoutColor: false,
    stderrIsTTY: false,
    progress: () => undefined,
    clearProgress: () => undefined,
  };
}

interface JsonReport {
  summary: { files: number; errors: number; warnings: number; infos: number; skipped: number };
  findings: { file: string; ruleId: string; severity: string; line: number; column: number; cell?: number }[];
  skipped: { file: string; reason: string }[];
}

describe('mlready check over bad inputs', () => {
  it('prints JSON listing the skipped files and exits 1 for an error finding', async () => {
    const io = fakeIo();
    const code = await main(['check', root, '--format', 'json', '--no-cache'], io);
    assert.equal(io.err.join(''), '');
    assert.equal(code, 1);
    const report = JSON.parse(io.out.join('')) as JsonReport;
    assert.deepEqual(
      report.skipped.filter((s) => s.file !== 'notebooks/truncated.ipynb'),
      EXPECTED_SKIPPED,
    );
    assert.match(report.skipped.find((s) => s.file === 'notebooks/truncated.ipynb')?.reason ?? '', TRUNCATED_REASON);
    assert.deepEqual(
      report.findings.map((f) => `${f.file}:${f.line}:${f.column} ${f.ruleId} ${f.severity}`),
      ['broken.py:5:6 random-state-unset error', 'notebooks/ok.ipynb:2:6 random-state-unset error', 'train.py:2:5 random-state-unset error'],
    );
    assert.deepEqual(report.summary, { ...report.summary, files: 7, errors: 3, warnings: 0, infos: 0, skipped: 6 });
    assert.equal(existsSync(join(root, '.mlready_cache')), false, '--no-cache writes no cache');
  });

  it('exits 0 when the findings are warnings only', async () => {
    const io = fakeIo();
    const code = await main(['check', root, '--format', 'json', '--no-cache', '--config', join(root, 'configs/lenient.yaml')], io);
    assert.equal(code, 0);
    const report = JSON.parse(io.out.join('')) as JsonReport;
    assert.deepEqual([report.summary.errors, report.summary.warnings, report.summary.skipped], [0, 3, 6]);
  });

  it('exits 1 with --max-warnings 0 when there are warnings', async () => {
    const io = fakeIo();
    const code = await main(['check', root, '-f', 'json', '--no-cache', '-c', join(root, 'configs/lenient.yaml'), '--max-warnings', '0'], io);
    assert.equal(code, 1);
    assert.equal(io.err.join(''), 'mlready: 3 warnings, more than --max-warnings 0.\n');
  });

  it('exits 2 on an invalid .mlready.yaml with file:line:col on stderr and nothing on stdout', async () => {
    const io = fakeIo();
    const code = await main(['check', badConfigRoot, '--format', 'json', '--no-cache'], io);
    assert.equal(code, 2);
    assert.deepEqual(io.out, []);
    const lines = io.err.join('').split('\n').filter((l) => l !== '');
    assert.match(lines[0] ?? '', new RegExp(`^${badConfigRoot.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}/\\.mlready\\.yaml:4:1: error: invalid YAML: `));
    assert.equal(lines[lines.length - 1], 'mlready: the config has errors; nothing was linted. Fix them and run again.');
  });

  it('exits 2 for a path that does not exist and for an unknown format', async () => {
    const missing = fakeIo();
    assert.equal(await main(['check', join(root, 'nope'), '--no-cache'], missing), 2);
    assert.equal(missing.err.join(''), `mlready: no such file or directory: ${join(root, 'nope')}\n`);
    const format = fakeIo();
    assert.equal(await main(['check', root, '--format', 'xml'], format), 2);
    assert.equal(format.err.join(''), "mlready: unknown format 'xml'; use one of: stylish, json, sarif, github, markdown\n");
    assert.deepEqual(format.out, []);
  });
});

// The readiness model on small fixture repos: evidence levels, blocking findings, attestations and the paper's scoring.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { loadConfig } from '../../src/engine/config/load';
import { SettingsResolver } from '../../src/engine/config/resolve';
import { InProcessExecutor } from '../../src/engine/executor';
import { MemoryFileSystem } from '../../src/engine/fs';
import { runLint } from '../../src/engine/linter';
import { readinessInput } from '../../src/engine/readiness/from-run';
import { attestationOf, attestedPoints, computeReadiness, READINESS_FACTS } from '../../src/engine/readiness/readiness';
import type { ReadinessItem, ReadinessReport } from '../../src/engine/readiness/types';
import { withTestReports, type ProjectModel } from '../../src/engine/project';
import { RULES } from '../../src/engine/rules/index';
import { pythonParser } from '../helpers/python';

const ROOT = '/repo';
const NOW = new Date('2026-11-25T12:00:00Z');

async function report(files: Readonly<Record<string, string>>, tracked?: readonly string[], reports?: NonNullable<ProjectModel['testReports']>): Promise<ReadinessReport> {
  const fs = new MemoryFileSystem(Object.fromEntries(Object.entries(files).map(([p, c]) => [`${ROOT}/${p}`, c])));
  const config = await loadConfig(fs, ROOT, RULES);
  const settings = new SettingsResolver(config, RULES);
  const run = await runLint({ fs, root: ROOT, settings, executor: new InProcessExecutor(await pythonParser()), version: 'test', extraFacts: READINESS_FACTS, git: tracked ? { tracked } : 'off' });
  const project = reports ? withTestReports(run.project, reports) : run.project;
  return computeReadiness(readinessInput({ ...run, project }, { settings, fs, root: ROOT, now: NOW, toolVersion: 'test' }));
}

function item(r: ReadinessReport, id: string): ReadinessItem {
  const found = r.sections.flatMap((s) => s.items).find((i) => i.id === id);
  assert.ok(found, `item ${id}`);
  return found;
}

const FEATURES = 'import pandas as pd\n\n\ndef add_ratio(df: pd.DataFrame) -> pd.DataFrame:\n    df = df.fillna(0)\n    return df.groupby("k").agg("mean")\n';
const MODEL = 'import torch\nfrom torch import nn\n\n\nclass Net(nn.Module):\n    def __init__(self):\n        super().__init__()\n        self.fc = nn.Linear(4, 1)\n\n    def forward(self, x):\n        out = self.fc(x)\n        assert torch.isfinite(out).all()\n        return out\n';
const TESTS = 'from pkg.features import add_ratio\nfrom pkg.model import Net\n\n\ndef test_ratio():\n    assert add_ratio\n\n\ndef test_net():\n    assert Net()\n';
const CI = 'name: ci\non: [push]\njobs:\n  test:\n    runs-on: ubuntu-latest\n    steps:\n      - uses: actions/checkout@v4\n      - run: pip install -r requirements.txt\n      - run: pytest -q\n';
const TESTED = {
  'pkg/__init__.py': '',
  'pkg/features.py': FEATURES,
  'pkg/model.py': MODEL,
  'tests/test_pkg.py': TESTS,
  'requirements.txt': 'pandas==2.2.2\ntorch==2.3.1\n',
};

describe('readiness model', () => {
  it('scores a bare repository zero in every section, capped by all four', async () => {
    const r = await report({ 'train.py': 'print("hi")\n' });
    assert.equal(r.evidence.value, 0);
    assert.deepEqual(r.evidence.cappedBy, ['data', 'model', 'infra', 'monitor']);
    assert.equal(r.evidence.band, 'More a research project than a production system.');
    assert.equal(r.sections.length, 5);
    assert.deepEqual(r.sections.map((s) => [s.id, s.max]), [['data', 7], ['model', 7], ['infra', 7], ['monitor', 7], ['debt', 9]]);
    assert.ok(r.sections.flatMap((s) => s.items).filter((i) => i.section !== 'debt').every((i) => i.level === 'none' && i.points === 0));
  });

  it('sees tests that reach feature and model code as present, and CI running them as automated', async () => {
    const local = await report(TESTED);
    assert.equal(item(local, 'data-7').level, 'present');
    assert.equal(item(local, 'data-7').evidencePoints, 0, 'present alone earns nothing without an attestation');
    assert.equal(item(local, 'infra-2').level, 'present');
    const ci = await report({ ...TESTED, '.github/workflows/ci.yml': CI });
    const data7 = item(ci, 'data-7');
    assert.equal(data7.level, 'automated');
    assert.equal(data7.evidencePoints, 1);
    assert.deepEqual(data7.evidence.map((e) => [e.level, e.file, e.line]), [['automated', '.github/workflows/ci.yml', 9], ['present', 'pkg/features.py', 4]]);
    assert.equal(item(ci, 'infra-2').evidencePoints, 1);
    // The model's NaN guard is there, but a unit test importing the model is not a system checking live numerics.
    assert.equal(item(ci, 'monitor-5').level, 'present');
    assert.equal(ci.sections.find((s) => s.id === 'data')?.evidenceScore, 1);
    assert.equal(ci.evidence.value, 0, 'the model and monitoring sections have nothing automated: they cap the score');
    assert.deepEqual(ci.evidence.cappedBy, ['model', 'monitor']);
  });

  it('takes recent coverage and passing JUnit results as observed, and ignores stale or failing ones', async () => {
    const day = 86_400_000;
    const coverage = (age: number) => ({ file: 'coverage.xml', mtimeMs: NOW.getTime() - age * day, files: new Map([['pkg/features.py', { covered: 3, total: 4 }]]) });
    const junit = (age: number, failures: number) => ({ file: 'junit.xml', mtimeMs: NOW.getTime() - age * day, tests: 2, failures, errors: 0, skipped: 0, files: ['tests/test_pkg.py'] });
    const fresh = await report(TESTED, undefined, { coverage: [coverage(2)], junit: [junit(1, 0)] });
    assert.equal(item(fresh, 'data-7').level, 'observed');
    assert.deepEqual(item(fresh, 'data-7').evidence.map((e) => e.text).slice(0, 2), ['coverage report covers 1 of 1 feature modules', 'test results: 2 tests passed']);
    assert.equal(item(fresh, 'data-7').evidencePoints, 1, 'observed earns the point even without CI');
    assert.equal(item(fresh, 'infra-2').level, 'observed', 'the JUnit results count for the model tests too');
    const stale = await report(TESTED, undefined, { coverage: [coverage(45)], junit: [junit(1, 1)] });
    assert.equal(item(stale, 'data-7').level, 'present');
    assert.equal(item(stale, 'infra-2').level, 'present');
  });

  it('takes CODEOWNERS as automated review only when a rule with an owner covers committed model code', async () => {
    const tracked = Object.keys(TESTED);
    const docsOnly = await report({ ...TESTED, '.github/CODEOWNERS': '# docs team\ndocs/ @org/docs\n' }, [...tracked, '.github/CODEOWNERS']);
    assert.equal(item(docsOnly, 'model-1').level, 'present');
    const unowned = await report({ ...TESTED, '.github/CODEOWNERS': 'pkg/ @org/ml\npkg/model.py\n' }, [...tracked, '.github/CODEOWNERS']);
    assert.equal(item(unowned, 'model-1').level, 'present', 'a later rule without owners takes the file back out of review');
    const owned = await report({ ...TESTED, '.github/CODEOWNERS': '*.md @org/docs\n/pkg/ @org/ml  # model code\n' }, [...tracked, '.github/CODEOWNERS']);
    assert.deepEqual(item(owned, 'model-1').evidence.filter((e) => e.level === 'automated').map((e) => [e.text, e.line]), [['CODEOWNERS requests review of `pkg/model.py` automatically', 2]]);
  });

  it('counts datasets and data modules as feature code', async () => {
    const r = await report({
      'data/__init__.py': '',
      'data/mnist.py': 'from torch.utils.data import Dataset\n\n\nclass Digits(Dataset):\n    def __getitem__(self, i):\n        return i\n',
      'tests/test_data.py': 'from data.mnist import Digits\n\n\ndef test_len():\n    assert Digits()\n',
      '.github/workflows/ci.yml': CI,
    });
    assert.equal(item(r, 'data-7').level, 'automated');
    assert.match(item(r, 'data-7').evidence[1]?.text ?? '', /^tests reach feature code `Digits` \(1 of 1 feature modules\)$/);
  });

  it('asks for all of the code: one untested module keeps the item at present, and its finding blocks it', async () => {
    const untested = { ...TESTED, 'pkg/more_features.py': FEATURES.replace('add_ratio', 'add_diff'), '.github/workflows/ci.yml': CI };
    const r = await report(untested);
    const data7 = item(r, 'data-7');
    assert.equal(data7.level, 'present', 'CI runs the tests, but not all feature code has one');
    assert.match(data7.evidence[0]?.text ?? '', /\(1 of 2 feature modules\)/);
    assert.deepEqual(data7.blocking.map((b) => [b.ruleId, b.file]), [['feature-code-untested', 'pkg/more_features.py']]);
    assert.equal(data7.evidencePoints, 0);
  });

  it('lets a blocking finding take the point of an automated item', async () => {
    const r = await report({ ...TESTED, '.github/workflows/ci.yml': CI, '.github/dependabot.yml': 'version: 2\nupdates: []\n', 'pkg/extra.py': 'import requests\n' });
    const monitor1 = item(r, 'monitor-1');
    assert.equal(monitor1.level, 'automated');
    assert.deepEqual(monitor1.blocking.map((b) => b.ruleId), ['import-undeclared-dependency']);
    assert.equal(monitor1.evidencePoints, 0);
    assert.equal(monitor1.points, 0);
  });

  it('counts attestations by the paper: half a point manual, one automated, none when expired or undated', async () => {
    const config = [
      '# team attestations',
      'readiness:',
      '  maxAgeDays: 90',
      '  attestations:',
      '    data-2: { status: done, by: ana, date: 2026-11-01 }',
      '    data-3: { status: done, how: automated, by: ana, date: 2026-11-01 }',
      '    data-4: { status: done, by: ana, date: 2026-01-01 }',
      '    data-6: { status: done, by: ana }',
      '    model-2: { status: not-applicable, date: 2026-11-01 }',
      '    model-4: { status: partial, date: 2026-11-01 }',
      '    bogus-9: { status: done, date: 2026-11-01 }',
      '',
    ].join('\n');
    const r = await report({ ...TESTED, '.github/workflows/ci.yml': CI, '.mlready.yaml': config });
    assert.equal(item(r, 'data-2').points, 0.5);
    assert.equal(item(r, 'data-3').points, 1);
    assert.equal(item(r, 'data-4').attestation?.expired, true);
    assert.equal(item(r, 'data-4').points, 0);
    assert.equal(item(r, 'data-6').attestation?.expired, true, 'an undated attestation cannot be checked for age');
    assert.equal(item(r, 'model-2').points, 1);
    assert.equal(item(r, 'model-4').points, 0);
    assert.deepEqual(r.unknownAttestations, ['bogus-9']);
    const data = r.sections.find((s) => s.id === 'data');
    assert.ok(data);
    assert.equal(data.evidenceScore, 1);
    assert.equal(data.score, 2.5);
    const model = r.sections.find((s) => s.id === 'model');
    assert.equal(model?.score, 1);
    // Evidence alone never moves with attestations.
    assert.equal(r.evidence.value, 0);
    // The final score is the minimum over the four sections, not their sum or mean.
    const sums = r.sections.filter((s) => s.id !== 'debt').map((s) => s.score);
    assert.equal(r.attested.value, Math.min(...sums));
    assert.ok(sums.some((s) => s > r.attested.value));
  });

  it('marks debt categories met only when their rules ran and nothing is open', async () => {
    const r = await report({ ...TESTED, '.mlready.yaml': 'rules:\n  hardcoded-secret: off\n' });
    assert.equal(item(r, 'debt-secrets').level, 'none');
    assert.match(item(r, 'debt-secrets').next, /Turn on the secrets rules/);
    const leaked = await report({ ...TESTED, 'pkg/keys.py': 'MISTRAL_API_KEY = "q8Zr3vLk2Xw9Tn4Bp7Yc1Hd6Jf5Gm0Sa"\n' });
    assert.equal(item(leaked, 'debt-secrets').points, 0);
    assert.equal(item(leaked, 'debt-secrets').blocking[0]?.ruleId, 'hardcoded-secret');
    const clean = await report(TESTED);
    assert.equal(item(clean, 'debt-secrets').level, 'observed');
    assert.equal(item(clean, 'debt-secrets').points, 1);
  });

  it('finds automation behind make targets, DVC stages and schedules', async () => {
    const r = await report({
      ...TESTED,
      'pkg/train.py': 'import numpy as np\nimport optuna\nfrom sklearn.dummy import DummyClassifier\nfrom pkg.model import Net\n\n\ndef main(x):\n    Net()\n    return np.isnan(x).sum()\n\n\nif __name__ == "__main__":\n    main(0)\n',
      Makefile: 'train:\n\tpython pkg/train.py\n',
      '.github/workflows/nightly.yml': 'on:\n  schedule:\n    - cron: "0 3 * * *"\njobs:\n  retrain:\n    runs-on: ubuntu-latest\n    steps:\n      - run: make train\n',
      '.github/dependabot.yml': 'version: 2\nupdates: []\n',
      'requirements.txt': 'pandas==2.2.2\ntorch==2.3.1\noptuna==3.6.1\nscikit-learn==1.5.0\nnumpy==1.26.4\n',
      'dvc.yaml': 'stages:\n  train:\n    cmd: python pkg/train.py\n    deps: [pkg/train.py]\n    metrics:\n      - metrics.json:\n          cache: false\n',
    });
    assert.equal(item(r, 'model-3').level, 'automated');
    assert.equal(item(r, 'model-5').level, 'automated');
    assert.equal(item(r, 'monitor-1').level, 'automated');
    assert.equal(item(r, 'monitor-1').evidencePoints, 1);
    assert.equal(item(r, 'infra-3').level, 'present');
    assert.equal(item(r, 'infra-4').level, 'present');
    const model3 = item(r, 'model-3').evidence.map((e) => e.text);
    assert.ok(model3.includes("DVC stage 'train' runs `pkg/train.py` (hyperparameter search)"), model3.join(' | '));
    const scheduled = item(r, 'monitor-4').evidence.map((e) => e.text);
    assert.deepEqual(scheduled, ["CI job 'retrain' (through `make train`) retrains on a schedule"]);
    // A NaN check in a pipeline step may be data cleaning: it is shown, but never earns the point by itself.
    assert.equal(item(r, 'monitor-5').level, 'present');
  });

  it('ages attestations against maxAgeDays and counts points by status', () => {
    const a = { item: 'data-2', status: 'done', date: '2026-08-28' } as const;
    assert.equal(attestationOf(a, NOW, 90)?.expired, false);
    assert.equal(attestationOf(a, NOW, 80)?.expired, true);
    assert.equal(attestationOf({ ...a, date: '28/08/2026' }, NOW, 90)?.expired, true);
    assert.equal(attestedPoints(attestationOf({ ...a, how: 'automated' }, NOW, 90)), 1);
    assert.equal(attestedPoints(attestationOf({ ...a, status: 'not-done' }, NOW, 90)), 0);
    assert.equal(attestedPoints(undefined), 0);
  });
});

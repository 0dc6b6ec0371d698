// Tests of feature-code-untested: data-frame transforms and transformers in modules no test reaches, in projects that have tests.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { fixtureTest } from '../helpers/fixtures';
import { lintProject } from '../helpers/project-rule-tester';

const run = async (files: Record<string, string>): Promise<string[]> =>
  (await lintProject({ 'feature-code-untested': {} }, files)).map((f) => `${f.file}:${String(f.range.start.line + 1)}:${String(f.range.start.column + 1)} ${f.message.split(',')[0] ?? ''}`);

const FEATURES = 'import pandas as pd\n\ndef make_features(df):\n    return df.groupby("id").agg({"x": "sum"})\n';
const TEST = (imports: string): string => `${imports}\n\ndef test_it():\n    assert True\n`;

describe('feature-code-untested', () => {
  it('reports a feature function no test reaches', async () => {
    const findings = await lintProject({ 'feature-code-untested': {} }, { 'pkg/fe.py': FEATURES, 'pkg/other.py': 'X = 1\n', 'tests/test_other.py': TEST('from pkg.other import X') });
    assert.deepEqual(findings.map((f) => `${f.file}:${String(f.range.start.line + 1)}:${String(f.range.start.column + 1)}`), ['pkg/fe.py:3:5']);
    assert.match(findings[0]?.message ?? '', /^make_features transforms data frames or arrays, but no test reaches pkg\/fe\.py: the tests \(tests\/test_other\.py\)/);
  });

  it('is quiet when a test reaches it', async () => {
    assert.deepEqual(await run({ 'pkg/fe.py': FEATURES, 'tests/test_fe.py': TEST('from pkg.fe import make_features') }), []);
    assert.deepEqual(await run({ 'pkg/fe.py': FEATURES, 'pkg/pipeline.py': 'from .fe import make_features\n', 'tests/test_pipe.py': TEST('import pkg.pipeline') }), []);
  });

  it('needs a data-frame operation: a function named like a feature builder that touches no frame is not feature code', async () => {
    assert.deepEqual(await run({ 'pkg/text.py': 'def clean_name(s):\n    return s.strip().lower()\n', 'tests/test_x.py': TEST('import os') }), []);
  });

  it('a module named for features holds feature code when its functions transform frames', async () => {
    const code = 'import pandas as pd\n\ndef daily(df):\n    df = df.dropna()\n    return df.sort_values("t")\n';
    assert.deepEqual(await run({ 'pkg/features.py': code, 'tests/test_x.py': TEST('import os') }), ['pkg/features.py:3:5 daily transforms data frames or arrays']);
    assert.deepEqual(await run({ 'pkg/report.py': code, 'tests/test_x.py': TEST('import os') }), []);
  });

  it('finds scikit-learn transformers', async () => {
    const code = 'from sklearn.base import BaseEstimator, TransformerMixin\n\nclass Clip(BaseEstimator, TransformerMixin):\n    def transform(self, X):\n        return X\n';
    assert.deepEqual(await run({ 'pkg/clip.py': code, 'tests/test_x.py': TEST('import os') }), ['pkg/clip.py:3:7 Clip is a scikit-learn transformer']);
  });

  it('is quiet without test functions, and for notebooks, scripts, prototype folders and templated code', async () => {
    assert.deepEqual(await run({ 'pkg/fe.py': FEATURES }), []);
    assert.deepEqual(await run({ 'scripts/fe.py': FEATURES, 'experiments/fe.py': FEATURES, '{{ cookiecutter.name }}/fe.py': FEATURES, 'tests/test_x.py': TEST('import os') }), []);
  });
});

describe('feature-code-untested: coverage reports', () => {
  const cobertura = (hits: number): string => `<?xml version="1.0" ?>\n<coverage version="7.4"><sources><source>/project</source></sources><packages><package name="pkg"><classes><class name="fe.py" filename="pkg/fe.py"><methods/><lines><line number="1" hits="${String(hits)}"/><line number="3" hits="${String(hits)}"/><line number="4" hits="0"/></lines></class></classes></package></packages></coverage>\n`;
  const files = { 'pkg/fe.py': FEATURES, 'pkg/other.py': 'X = 1\n', 'tests/test_other.py': TEST('from pkg.other import X') };

  it('a module the coverage report saw run counts as tested, though no test imports it', async () => {
    assert.deepEqual(await run({ ...files, 'coverage.xml': cobertura(1) }), []);
  });

  it('a module the report measured with no line run is reported with that evidence, the report related', async () => {
    const [finding] = await lintProject({ 'feature-code-untested': {} }, { ...files, 'coverage.xml': cobertura(0) });
    assert.match(finding?.message ?? '', /and coverage\.xml shows none of its 3 lines ran\./);
    assert.deepEqual(finding?.related?.map((r) => r.file), ['tests/test_other.py', 'coverage.xml']);
  });

  it('a malformed report is no evidence either way', async () => {
    assert.deepEqual(await run({ ...files, 'coverage.xml': '<coverage><packages>' }), ['pkg/fe.py:3:5 make_features transforms data frames or arrays']);
  });
});

fixtureTest('feature-code-untested');

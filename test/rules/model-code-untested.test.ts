// Tests of model-code-untested: model definitions in modules no test reaches, in projects that have tests.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { fixtureTest } from '../helpers/fixtures';
import { lintProject } from '../helpers/project-rule-tester';

const run = async (files: Record<string, string>): Promise<string[]> =>
  (await lintProject({ 'model-code-untested': {} }, files)).map((f) => `${f.file}:${String(f.range.start.line + 1)}:${String(f.range.start.column + 1)} ${f.message.split(',')[0] ?? ''}`);

const NET = 'import torch.nn as nn\n\nclass Net(nn.Module):\n    def forward(self, x):\n        return x\n';
const TEST = (imports: string): string => `${imports}\n\ndef test_it():\n    assert True\n`;

describe('model-code-untested', () => {
  it('reports the first model definition of a module no test imports, naming the test files', async () => {
    const findings = await lintProject({ 'model-code-untested': {} }, { 'pkg/__init__.py': '', 'pkg/net.py': NET, 'pkg/data.py': 'X = 1\n', 'tests/test_data.py': TEST('from pkg.data import X') });
    assert.deepEqual(findings.map((f) => `${f.file}:${String(f.range.start.line + 1)}:${String(f.range.start.column + 1)}`), ['pkg/net.py:3:7']);
    assert.match(findings[0]?.message ?? '', /^Net subclasses torch\.nn\.Module, but no test reaches pkg\/net\.py: the tests \(tests\/test_data\.py\) import neither it/);
    assert.deepEqual(findings[0]?.related?.map((r) => r.file), ['tests/test_data.py']);
  });

  it('is quiet when tests reach the module directly, transitively, or through a package __init__', async () => {
    assert.deepEqual(await run({ 'pkg/net.py': NET, 'tests/test_net.py': TEST('from pkg.net import Net') }), []);
    assert.deepEqual(await run({ 'pkg/net.py': NET, 'pkg/train.py': 'from pkg.net import Net\n', 'tests/test_train.py': TEST('import pkg.train') }), []);
    assert.deepEqual(await run({ 'pkg/__init__.py': 'from .net import Net\n', 'pkg/net.py': NET, 'pkg/util.py': 'X = 1\n', 'tests/test_util.py': TEST('from pkg.util import X') }), []);
  });

  it('counts a script the tests run by path, and a class the tests patch by name', async () => {
    assert.deepEqual(await run({ 'src/train.py': NET, 'tests/test_cli.py': TEST('import subprocess\nsubprocess.run(["python", "src/train.py"])') }), []);
    assert.deepEqual(await run({ 'pkg/net.py': NET, 'tests/test_x.py': TEST('from unittest import mock\nmock.patch("pkg.net.Net.forward")') }), []);
  });

  it('counts Hydra _target_ modules only when the tests reach code that instantiates configs', async () => {
    const files = { 'src/pkg/lit.py': NET, 'src/pkg/train.py': 'import hydra\nfrom hydra.utils import instantiate\n', 'configs/model/lit.yaml': '_target_: pkg.lit.Net\n', 'configs/train.yaml': 'defaults:\n  - model: lit\n' };
    assert.deepEqual(await run({ ...files, 'tests/test_train.py': TEST('from pkg.train import instantiate') }), []);
    assert.deepEqual(await run({ ...files, 'tests/test_other.py': TEST('import os') }), ['src/pkg/lit.py:3:7 Net subclasses torch.nn.Module']);
  });

  it('finds estimators, Keras models, builders and subclasses of the project\'s own models', async () => {
    const files = {
      'pkg/sk.py': 'from sklearn.base import BaseEstimator\n\nclass Rule(BaseEstimator):\n    def fit(self, X, y):\n        return self\n    def predict(self, X):\n        return X\n',
      'pkg/keras_model.py': 'import tensorflow as tf\n\nclass Tower(tf.keras.Model):\n    pass\n',
      'pkg/build.py': 'from tensorflow import keras\n\ndef build_model(n):\n    return keras.Sequential([])\n',
      'pkg/net.py': NET,
      'pkg/deep.py': 'from pkg.net import Net\n\nclass Deep(Net):\n    pass\n',
      'tests/test_net.py': TEST('from pkg.net import Net'),
    };
    assert.deepEqual(await run(files), [
      'pkg/build.py:3:5 build_model builds a model',
      'pkg/deep.py:3:7 Deep subclasses the model Net',
      'pkg/keras_model.py:3:7 Tower subclasses tensorflow.keras.Model',
      'pkg/sk.py:3:7 Rule is a scikit-learn estimator',
    ]);
  });

  it('judges only code under the root of a test suite: one vendored library\'s tests say nothing of the rest', async () => {
    assert.deepEqual(await run({ 'comp1/net.py': NET, 'comp2/lib/lib_test.py': TEST('import os') }), []);
    assert.deepEqual(await run({ 'pkg/net.py': NET, 'pkg/tests/test_x.py': TEST('import os'), 'other/net.py': NET }), ['pkg/net.py:3:7 Net subclasses torch.nn.Module']);
  });

  it('is quiet without any test function (tests-missing covers that), for loaders, scripts, notebooks and examples', async () => {
    assert.deepEqual(await run({ 'pkg/net.py': NET, 'tests/conftest.py': 'import pytest\n' }), []);
    const files = {
      'pkg/serve.py': 'import torch\n\ndef load_model(path):\n    return torch.load(path)\n',
      'scripts/net.py': NET,
      'examples/net.py': NET,
      'tests/test_x.py': TEST('import os'),
    };
    assert.deepEqual(await run(files), []);
  });
});

describe('model-code-untested: coverage reports', () => {
  const files = { 'pkg/__init__.py': '', 'pkg/net.py': NET, 'pkg/data.py': 'X = 1\n', 'tests/test_data.py': TEST('from pkg.data import X') };
  const json = (covered: number): string => JSON.stringify({ meta: { format: 2 }, files: { 'pkg/net.py': { summary: { covered_lines: covered, num_statements: 4 } } } });

  it('a coverage.py JSON report that saw the module run counts as a test', async () => {
    assert.deepEqual(await run({ ...files, 'coverage.json': json(2) }), []);
  });

  it('one that measured it and saw nothing run is named in the message', async () => {
    const [finding] = await lintProject({ 'model-code-untested': {} }, { ...files, 'coverage.json': json(0) });
    assert.match(finding?.message ?? '', /and coverage\.json shows none of its 4 lines ran\./);
  });
});

fixtureTest('model-code-untested');

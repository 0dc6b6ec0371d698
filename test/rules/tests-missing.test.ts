// Tests of tests-missing: ML code in a project whose test files collect no test functions.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { fixtureTest } from '../helpers/fixtures';
import { lintProject } from '../helpers/project-rule-tester';

const run = async (files: Record<string, string>): Promise<string[]> =>
  (await lintProject({ 'tests-missing': {} }, files)).map((f) => `${f.file}:${String(f.range.start.line + 1)}:${String(f.range.start.column + 1)} ${f.message.split(',')[0] ?? ''}${f.related ? ` <- ${f.related.map((r) => r.file).join(',')}` : ''}`);

const TRAIN = 'import torch\nfrom torch import optim\n\ndef main():\n    opt = optim.Adam(model.parameters())\n    loss.backward()\n\nif __name__ == "__main__":\n    main()\n';
const MODEL = 'import torch.nn as nn\n\nclass Net(nn.Module):\n    def forward(self, x):\n        return x\n';

describe('tests-missing', () => {
  it('anchors on the training entrypoint\'s main guard, with other untested ML code related', async () => {
    assert.deepEqual(await run({ 'src/train.py': TRAIN, 'src/model.py': MODEL }), ['src/train.py:8:1 src/train.py trains a model <- src/model.py']);
  });

  it('counts test functions, not files: test files without tests do not count', async () => {
    const files = { 'train.py': TRAIN, 'tests/__init__.py': '', 'tests/conftest.py': 'import pytest\n\n@pytest.fixture\ndef data():\n    return 1\n' };
    const [finding] = await lintProject({ 'tests-missing': {} }, files);
    assert.match(finding?.message ?? '', /the files named like tests \(tests\/__init__\.py, tests\/conftest\.py\) hold no test functions/);
  });

  it('is quiet with one pytest function, a Test* method or a unittest.TestCase method', async () => {
    assert.deepEqual(await run({ 'train.py': TRAIN, 'tests/test_train.py': 'def test_smoke():\n    assert True\n' }), []);
    assert.deepEqual(await run({ 'train.py': TRAIN, 'tests/test_model.py': 'class TestNet:\n    def test_forward(self):\n        pass\n' }), []);
    assert.deepEqual(await run({ 'train.py': TRAIN, 'test_model.py': 'import unittest\n\nclass ModelChecks(unittest.TestCase):\n    def test_shape(self):\n        pass\n' }), []);
  });

  it('does not count helpers named test* outside a test class, nor Test* classes with __init__', async () => {
    assert.equal((await run({ 'train.py': TRAIN, 'tests/test_x.py': 'class TestData:\n    def __init__(self):\n        pass\n    def test_a(self):\n        pass\n' })).length, 1);
    assert.equal((await run({ 'train.py': TRAIN, 'tests/test_x.py': 'def helper():\n    def test_inner():\n        pass\n' })).length, 1);
  });

  it('is quiet when ML code lives only in notebooks, examples, prototype folders or vendored code', async () => {
    const nb = JSON.stringify({ cells: [{ cell_type: 'code', metadata: {}, outputs: [], source: [TRAIN] }], metadata: { language_info: { name: 'python' } }, nbformat: 4, nbformat_minor: 5 });
    assert.deepEqual(await run({ 'train.ipynb': nb, 'examples/train.py': TRAIN, 'experiments/model.py': MODEL, 'third_party/net/model.py': MODEL }), []);
  });

  it('is quiet for a web app without training, model or feature code', async () => {
    assert.deepEqual(await run({ 'app.py': 'from flask import Flask\napp = Flask(__name__)\n' }), []);
  });

  it('is quiet when CI runs a test command or a smoke-test script', async () => {
    const workflow = (run: string): string => `on: push\njobs:\n  test:\n    runs-on: ubuntu-latest\n    steps:\n      - run: ${run}\n`;
    assert.deepEqual(await run({ 'train.py': TRAIN, '.github/workflows/ci.yml': workflow('python -m pytest --doctest-modules') }), []);
    assert.deepEqual(await run({ 'train.py': TRAIN, '.github/workflows/ci.yml': workflow('./run_python_examples.sh') }), []);
    assert.equal((await run({ 'train.py': TRAIN, '.github/workflows/ci.yml': workflow('pip install -r requirements.txt') })).length, 1);
  });

  it('falls back to model code when nothing trains', async () => {
    assert.deepEqual(await run({ 'pkg/model.py': MODEL, 'pkg/__init__.py': '' }), ['pkg/model.py:1:1 pkg/model.py defines model code (Net subclasses torch.nn.Module)']);
  });

  it('a script named for training that imports a framework trains, even without the training role', async () => {
    const script = 'import torch\nfrom model import GPT\nmodel = GPT()\nfor step in range(10):\n    loss = model(x)\n';
    assert.deepEqual(await run({ 'train.py': script, 'model.py': MODEL }), ['train.py:1:1 train.py trains a model <- model.py']);
  });
});

fixtureTest('tests-missing');

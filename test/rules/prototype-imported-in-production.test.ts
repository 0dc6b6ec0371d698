// Tests of prototype-imported-in-production: imports from prototype folders and sys.path edits in project code.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { fixtureTest } from '../helpers/fixtures';
import { lintProject } from '../helpers/project-rule-tester';

const run = async (files: Record<string, string>, options = {}): Promise<string[]> =>
  (await lintProject({ 'prototype-imported-in-production': options }, files)).map((f) => `${f.file}:${String(f.range.start.line + 1)}:${String(f.range.start.column + 1)}${f.related ? ` <- ${f.related.map((r) => r.file).join(',')}` : ''}`);

const HELPER = 'def score(x):\n    return x\n';

describe('prototype-imported-in-production', () => {
  it('reports package code importing from notebooks/, experiments/ and scratch/ at the imported name, with the module related', async () => {
    const files = { 'pkg/__init__.py': '', 'pkg/serve.py': 'from notebooks.helpers import score\nimport experiments.exp1\nfrom scratch import tmp\n', 'notebooks/helpers.py': HELPER, 'experiments/exp1.py': HELPER, 'scratch/tmp.py': HELPER };
    assert.deepEqual(await run(files), ['pkg/serve.py:1:31 <- notebooks/helpers.py', 'pkg/serve.py:2:8 <- experiments/exp1.py', 'pkg/serve.py:3:21 <- scratch/tmp.py']);
    const [finding] = await lintProject({ 'prototype-imported-in-production': {} }, { 'app.py': 'from sandbox.model import score\n', 'sandbox/model.py': HELPER });
    assert.match(finding?.message ?? '', /^app\.py imports sandbox\.model from the prototype folder sandbox\//);
  });

  it('is quiet for prototype code importing prototype code, tests, notebooks and examples', async () => {
    const nb = JSON.stringify({ cells: [{ cell_type: 'code', metadata: {}, outputs: [], source: ['from experiments.exp1 import score\n'] }], metadata: { language_info: { name: 'python' } }, nbformat: 4, nbformat_minor: 5 });
    const files = { 'experiments/exp1.py': HELPER, 'experiments/exp2.py': 'from experiments.exp1 import score\n', 'tests/test_exp.py': 'from experiments.exp1 import score\n', 'analysis.ipynb': nb, 'examples/demo.py': 'from experiments.exp1 import score\n' };
    assert.deepEqual(await run(files), []);
  });

  it('a module that merely shares a prototype word is not in a prototype folder', async () => {
    assert.deepEqual(await run({ 'pkg/experiments.py': HELPER, 'pkg/run.py': 'from pkg.experiments import score\n', 'pkg/__init__.py': '' }), []);
  });

  it('takes its folder list from the options', async () => {
    const files = { 'app.py': 'from research.model import score\n', 'research/model.py': HELPER };
    assert.deepEqual(await run(files), []);
    assert.deepEqual(await run(files, { prototypeFolders: ['research'] }), ['app.py:1:28 <- research/model.py']);
  });

  it('reports sys.path edits and site.addsitedir in project code and scripts', async () => {
    const files = {
      'pkg/__init__.py': 'import os, sys\nsys.path.append(os.path.dirname(__file__))\n',
      'scripts/run.py': 'import sys\nsys.path.insert(0, "..")\nsys.path[:0] = ["lib"]\n',
      'tools/site_setup.py': 'import site\nsite.addsitedir("vendor")\n',
    };
    assert.deepEqual(await run(files), ['pkg/__init__.py:2:1', 'scripts/run.py:2:1', 'scripts/run.py:3:1', 'tools/site_setup.py:2:1']);
  });

  it('is quiet for sys.path edits in tests, conftest.py, Sphinx conf.py, setup.py, notebooks and prototype folders', async () => {
    const edit = 'import sys\nsys.path.insert(0, "src")\n';
    assert.deepEqual(await run({ 'tests/conftest.py': edit, 'tests/test_a.py': edit, 'docs/conf.py': edit, 'setup.py': edit, 'experiments/try.py': edit }), []);
  });

  it('reading sys.path or mentioning it in a string is not an edit; os.chdir is not reported', async () => {
    assert.deepEqual(await run({ 'pkg/a.py': 'import os, sys\nprint(sys.path)\nx = "sys.path.append(1)"\nos.chdir("data")\n' }), []);
  });
});

fixtureTest('prototype-imported-in-production');

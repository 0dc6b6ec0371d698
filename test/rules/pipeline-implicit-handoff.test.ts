// Tests of pipeline-implicit-handoff: write/read edges between scripts and notebooks, and the pipelines that declare them.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { fixtureTest } from '../helpers/fixtures';
import { lintProject } from '../helpers/project-rule-tester';

const run = async (files: Record<string, string>): Promise<string[]> =>
  (await lintProject({ 'pipeline-implicit-handoff': {} }, files)).map(
    (f) => `${f.file}${f.cell === undefined ? '' : `#${String(f.cell)}`}:${String(f.range.start.line + 1)}:${String(f.range.start.column + 1)} <- ${(f.related ?? []).map((r) => `${r.file}:${String(r.range.start.line + 1)}`).join(',')}`,
  );

const WRITER = 'import pandas as pd\npd.read_csv("raw.csv").to_parquet("data/clean.parquet")\n';
const READER = 'import pandas as pd\n\ndf = pd.read_parquet("data/clean.parquet")\n';

describe('pipeline-implicit-handoff', () => {
  it('reports the read of a file another script writes, with the write as related location', async () => {
    assert.deepEqual(await run({ 'prepare.py': WRITER, 'train.py': READER }), ['train.py:3:22 <- prepare.py:2']);
  });

  it('matches paths written differently: ./, Path joins, ../ from a script folder, notebooks in their own folder', async () => {
    const files = {
      'scripts/prepare.py': 'import pandas as pd\nfrom pathlib import Path\nOUT = Path("data") / "clean.parquet"\npd.DataFrame().to_parquet(OUT)\n',
      'scripts/train.py': 'import pandas as pd\ndf = pd.read_parquet("../data/clean.parquet")\n',
      'notebooks/eda.ipynb': JSON.stringify({ cells: [{ cell_type: 'code', metadata: {}, outputs: [], source: ['import pandas as pd\n', 'pd.read_parquet("./../data/clean.parquet")'] }], metadata: { language_info: { name: 'python' } }, nbformat: 4, nbformat_minor: 5 }),
    };
    assert.deepEqual(await run(files), ['notebooks/eda.ipynb#0:2:17 <- scripts/prepare.py:4', 'scripts/train.py:2:22 <- scripts/prepare.py:4']);
  });

  it('is quiet for a script that reads back its own output, or one program split over imported modules', async () => {
    assert.deepEqual(await run({ 'train.py': 'import joblib\nfrom evaluate import check\njoblib.dump(m, "model.joblib")\ncheck()\n', 'evaluate.py': 'import joblib\ndef check():\n    return joblib.load("model.joblib")\n' }), []);
    assert.deepEqual(await run({ 'a.py': 'import pandas as pd\npd.DataFrame().to_csv("x.csv")\ndf = pd.read_csv("x.csv")\n' }), []);
  });

  it('is quiet for tests, inexact paths, temp files and source files', async () => {
    assert.deepEqual(await run({ 'prepare.py': WRITER, 'tests/test_clean.py': READER }), []);
    assert.deepEqual(await run({ 'prepare.py': 'import pandas as pd\npd.DataFrame().to_csv(f"out/{name}.csv")\n', 'train.py': 'import pandas as pd\npd.read_csv(f"out/{name}.csv")\n' }), []);
    assert.deepEqual(await run({ 'a.py': 'import numpy as np\nnp.save("/tmp/x.npy", 1)\n', 'b.py': 'import numpy as np\nnp.load("/tmp/x.npy")\n' }), []);
  });

  it('a DVC stage with the file in deps or outs, or a stage running both scripts, declares the step', async () => {
    const stage = (body: string): string => `stages:\n  s:\n    cmd: python other.py\n${body}`;
    assert.deepEqual(await run({ 'prepare.py': WRITER, 'train.py': READER, 'dvc.yaml': stage('    outs:\n      - data\n') }), []);
    assert.deepEqual(await run({ 'prepare.py': WRITER, 'train.py': READER, 'dvc.yaml': stage('    deps:\n      - data/clean.parquet\n') }), []);
    assert.deepEqual(await run({ 'prepare.py': WRITER, 'train.py': READER, 'dvc.yaml': 'stages:\n  all:\n    cmd:\n      - python prepare.py\n      - python train.py\n' }), []);
    assert.deepEqual(await run({ 'prepare.py': WRITER, 'train.py': READER, 'dvc.yaml': stage('    outs:\n      - models\n') }), ['train.py:3:22 <- prepare.py:2']);
  });

  it('a Makefile declares it by naming the file, running both in one recipe, or ordering the rules', async () => {
    assert.deepEqual(await run({ 'prepare.py': WRITER, 'train.py': READER, Makefile: 'data/clean.parquet:\n\tpython prepare.py\n' }), []);
    assert.deepEqual(await run({ 'prepare.py': WRITER, 'train.py': READER, Makefile: 'all:\n\tpython prepare.py && python train.py\n' }), []);
    assert.deepEqual(await run({ 'prepare.py': WRITER, 'train.py': READER, Makefile: 'prep:\n\tpython prepare.py\ntrain: prep\n\tpython -m train\n' }), []);
    assert.deepEqual(await run({ 'prepare.py': WRITER, 'train.py': READER, Makefile: 'prep:\n\tpython prepare.py\ntrain:\n\tpython -m train\n' }), ['train.py:3:22 <- prepare.py:2']);
  });

  it('a shell script, a CI job or an orchestrator that runs both declares it', async () => {
    assert.deepEqual(await run({ 'prepare.py': WRITER, 'train.py': READER, 'run.sh': '#!/bin/sh\nset -e\npython prepare.py\npython train.py\n' }), []);
    assert.deepEqual(await run({ 'prepare.py': WRITER, 'train.py': READER, '.github/workflows/train.yml': 'on: push\njobs:\n  train:\n    runs-on: ubuntu-latest\n    steps:\n      - run: python prepare.py\n      - run: python train.py\n' }), []);
    const flow = 'from prefect import flow\nimport prepare, train\n\n@flow\ndef nightly():\n    prepare.main()\n    train.main()\n';
    assert.deepEqual(await run({ 'prepare.py': WRITER, 'train.py': READER, 'flows/nightly.py': flow }), []);
    assert.deepEqual(await run({ 'prepare.py': WRITER, 'train.py': READER, 'flows/nightly.py': flow.replace('import prepare, train', 'import prepare').replace('    train.main()\n', '') }), ['train.py:3:22 <- prepare.py:2']);
  });

  it('stays quiet in projects whose pipeline lives in files it cannot read (Snakemake)', async () => {
    assert.deepEqual(await run({ 'prepare.py': WRITER, 'train.py': READER, Snakefile: 'rule all:\n    input: "data/clean.parquet"\n' }), []);
  });
});

fixtureTest('pipeline-implicit-handoff', [], 'jungle');
fixtureTest('pipeline-implicit-handoff', [], 'dvc');
fixtureTest('pipeline-implicit-handoff', [], 'make');
fixtureTest('pipeline-implicit-handoff', [], 'airflow');

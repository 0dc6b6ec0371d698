// Tests of data-validation-missing: datasets read with no schema, expectation suite or validation stage anywhere.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { fixtureTest } from '../helpers/fixtures';
import { lintProject } from '../helpers/project-rule-tester';

const run = async (files: Record<string, string>): Promise<string[]> =>
  (await lintProject({ 'data-validation-missing': {} }, files)).map((f) => `${f.file}:${String(f.range.start.line + 1)}:${String(f.range.start.column + 1)}${f.related ? ` <- ${f.related.map((r) => `${r.file}:${String(r.range.start.line + 1)}`).join(',')}` : ''}`);

const TRAIN = 'import pandas as pd\nfrom sklearn.linear_model import LogisticRegression\n\nif __name__ == "__main__":\n    df = pd.read_csv("data/train.csv")\n    LogisticRegression().fit(df[["x"]], df["y"])\n';
const PREP = 'import pandas as pd\ndf = pd.read_parquet("data/raw.parquet")\n';

describe('data-validation-missing', () => {
  it('anchors on the first read of a training entrypoint, other reads related', async () => {
    assert.deepEqual(await run({ 'prep.py': PREP, 'train.py': TRAIN }), ['train.py:5:22 <- prep.py:2']);
    const [finding] = await lintProject({ 'data-validation-missing': {} }, { 'train.py': TRAIN });
    assert.match(finding?.message ?? '', /^train\.py reads 'data\/train\.csv', but nothing in the project validates data/);
  });

  it('counts hub datasets and builtin file loaders', async () => {
    assert.deepEqual(await run({ 'load.py': 'from datasets import load_dataset\nds = load_dataset("imdb")\n' }), ['load.py:2:6']);
  });

  it('is quiet when any file validates: pandera, Great Expectations, pydantic records, frame assertions', async () => {
    assert.deepEqual(await run({ 'train.py': TRAIN, 'schema.py': 'import pandera as pa\nSCHEMA = pa.DataFrameSchema({})\n' }), []);
    assert.deepEqual(await run({ 'train.py': TRAIN, 'checks/ge.py': 'import great_expectations as gx\n' }), []);
    assert.deepEqual(await run({ 'train.py': TRAIN, 'records.py': 'from pydantic import BaseModel\n\nclass Row(BaseModel):\n    x: float\n' }), []);
    assert.deepEqual(await run({ 'train.py': `${TRAIN}    assert set(df.columns) == {"x", "y"}\n` }), []);
    assert.deepEqual(await run({ 'train.py': `${TRAIN}    assert not df.isnull().any().any()\n` }), []);
  });

  it('is quiet with an expectation suite, a TFDV schema or a validation stage', async () => {
    assert.deepEqual(await run({ 'train.py': TRAIN, 'great_expectations/expectations/train.json': '{}' }), []);
    assert.deepEqual(await run({ 'train.py': TRAIN, 'schema/schema.pbtxt': 'feature {}' }), []);
    assert.deepEqual(await run({ 'train.py': TRAIN, 'dvc.yaml': 'stages:\n  validate_data:\n    cmd: python check.py\n' }), []);
  });

  it('asserts on tensor shapes and asserts inside tests are not data validation', async () => {
    assert.deepEqual(await run({ 'train.py': `${TRAIN}    assert x.shape[0] == 3\n` }), ['train.py:5:22']);
    assert.deepEqual(await run({ 'train.py': TRAIN, 'tests/test_x.py': 'def test_x():\n    assert list(df.columns) == ["x"]\n' }), ['train.py:5:22']);
  });

  it('ignores model loads, config reads, notebooks, tests and examples', async () => {
    assert.deepEqual(await run({ 'serve.py': 'import joblib, json\nm = joblib.load("model.joblib")\ncfg = json.load(open("config.json"))\n' }), []);
    const nb = JSON.stringify({ cells: [{ cell_type: 'code', metadata: {}, outputs: [], source: [PREP] }], metadata: { language_info: { name: 'python' } }, nbformat: 4, nbformat_minor: 5 });
    assert.deepEqual(await run({ 'eda.ipynb': nb, 'tests/test_io.py': PREP, 'examples/demo.py': PREP }), []);
  });
});

fixtureTest('data-validation-missing');

// Tests of preprocessing-duplicated-train-serve: copies of feature code on the serving side, and what stays quiet.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { fixtureTest } from '../helpers/fixtures';
import { lintProject } from '../helpers/project-rule-tester';

const run = async (files: Record<string, string>, options: Record<string, number> = {}): Promise<string[]> =>
  (await lintProject({ 'preprocessing-duplicated-train-serve': options }, files)).map(
    (f) => `${f.file}:${String(f.range.start.line + 1)} ${f.message.startsWith('Computes') ? 'columns' : 'duplicate'} <- ${(f.related ?? []).map((r) => `${r.file}:${String(r.range.start.line + 1)}`).join(',')}`,
  );

const FEATURES = [
  'import numpy as np',
  'import pandas as pd',
  '',
  'def add_features(df):',
  '    df = df.copy()',
  '    df["age_years"] = df["age_days"] / 365',
  '    df["log_income"] = np.log1p(df["income"].clip(lower=0))',
  '    df["debt_ratio"] = df["debt"] / df["income"].clip(lower=1)',
  '    df["is_student"] = df["job"].isin(["student"]).astype(int)',
  '    return df',
  '',
].join('\n');
const TRAIN = 'import joblib\nfrom sklearn.linear_model import LogisticRegression\nfrom features import add_features\n\nif __name__ == "__main__":\n    df = add_features(load())\n    joblib.dump(LogisticRegression().fit(df, y), "m.joblib")\n';
const serving = (body: string): string => `import numpy as np\nimport pandas as pd\nfrom fastapi import FastAPI\n\napp = FastAPI()\n\n${body}`;
const COPY = 'def prep(frame):\n    frame = frame.copy()\n    frame["age_years"] = frame["age_days"] / 365\n    frame["log_income"] = np.log1p(frame["income"].clip(lower=0))\n    frame["debt_ratio"] = frame["debt"] / frame["income"].clip(lower=0)\n    frame["is_student"] = frame["job"].isin(["student"]).astype(int)\n    return frame\n';

describe('preprocessing-duplicated-train-serve', () => {
  it('reports a serving copy of a training function (renamed variables, a changed constant) at its first statement', async () => {
    assert.deepEqual(await run({ 'features.py': FEATURES, 'train.py': TRAIN, 'serve.py': serving(COPY) }), ['serve.py:8 duplicate <- features.py:5']);
  });

  it('is quiet when serving imports the shared function, or the copy lives in shared code', async () => {
    assert.deepEqual(await run({ 'features.py': FEATURES, 'train.py': TRAIN, 'serve.py': serving('from features import add_features\n') }), []);
    assert.deepEqual(await run({ 'features.py': `${FEATURES}\n${COPY}`, 'train.py': TRAIN, 'serve.py': serving('import features\n') }), []);
  });

  it('is quiet without a serving side, for short copies, and for copies that transform no data', async () => {
    assert.deepEqual(await run({ 'features.py': FEATURES, 'train.py': TRAIN, 'report.py': COPY }), []);
    assert.deepEqual(await run({ 'features.py': FEATURES, 'train.py': TRAIN, 'serve.py': serving(COPY) }, { minStatements: 8, minColumns: 5 }), []);
    const setup = 'def setup(name):\n    log = logging.getLogger(name)\n    log.setLevel(logging.INFO)\n    handler = logging.StreamHandler()\n    handler.setFormatter(logging.Formatter("%(message)s"))\n    log.addHandler(handler)\n    return log\n';
    assert.deepEqual(await run({ 'features.py': `import logging\n${setup}`, 'train.py': TRAIN, 'serve.py': serving(`import logging\n${setup}`) }), []);
  });

  it('reports serving code that computes the same derived columns differently', async () => {
    const inline = '@app.post("/score")\ndef score(payload: dict):\n    row = pd.DataFrame([payload])\n    row["age_years"] = row["age_days"] // 365\n    row["debt_ratio"] = row["debt"] / (row["income"] + 1)\n    return float(model.predict(row)[0])\n';
    assert.deepEqual(await run({ 'features.py': FEATURES, 'train.py': TRAIN, 'serve.py': serving(inline) }), ['serve.py:10 columns <- features.py:6']);
  });

  it('does not count prediction, label and id columns as features', async () => {
    const inline = '@app.post("/score")\ndef score(payload: dict):\n    row = pd.DataFrame([payload])\n    row["prediction"] = model.predict(row)\n    row["label"] = row["prediction"] > 0.5\n    row["id"] = payload["id"]\n    return row.to_dict()\n';
    const train = TRAIN.replace('    joblib.dump', '    df["prediction"] = 1\n    df["label"] = 0\n    df["id"] = 2\n    joblib.dump');
    assert.deepEqual(await run({ 'features.py': FEATURES, 'train.py': train, 'serve.py': serving(inline) }), []);
  });
});

fixtureTest('preprocessing-duplicated-train-serve', [], 'copied-function');
fixtureTest('preprocessing-duplicated-train-serve', [], 'inline-columns');

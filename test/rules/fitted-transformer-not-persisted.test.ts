// Tests of fitted-transformer-not-persisted: fitted objects training forgets to save while serving builds its own.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { fixtureTest } from '../helpers/fixtures';
import { lintProject } from '../helpers/project-rule-tester';

const run = async (files: Record<string, string>): Promise<string[]> =>
  (await lintProject({ 'fitted-transformer-not-persisted': {} }, files)).map(
    (f) => `${f.file}${f.cell === undefined ? '' : `#${String(f.cell)}`}:${String(f.range.start.line + 1)} <- ${(f.related ?? []).map((r) => `${r.file}:${String(r.range.start.line + 1)}`).join(',')}`,
  );

const train = (fitAndSave: string): string =>
  `import joblib\nimport pandas as pd\nfrom sklearn.linear_model import Ridge\nfrom sklearn.pipeline import Pipeline\nfrom sklearn.preprocessing import StandardScaler\n\ndef main():\n    df = pd.read_csv("d.csv")\n${fitAndSave}\n\nif __name__ == "__main__":\n    main()\n`;
const SERVE = 'from fastapi import FastAPI\nfrom sklearn.preprocessing import StandardScaler\n\napp = FastAPI()\nscaler = StandardScaler()\n';
const UNSAVED = '    scaler = StandardScaler()\n    X = scaler.fit_transform(df[["a", "b"]])\n    model = Ridge().fit(X, df["y"])\n    joblib.dump(model, "model.joblib")';

describe('fitted-transformer-not-persisted', () => {
  it('reports the training fit of a scaler that is never saved when serving builds its own', async () => {
    assert.deepEqual(await run({ 'train.py': train(UNSAVED), 'serve.py': SERVE }), ['train.py:10 <- serve.py:5']);
  });

  it('is quiet when the fitted object is dumped, put in a saved Pipeline, kept on an object, or returned', async () => {
    const dumped = `${UNSAVED}\n    joblib.dump(scaler, "scaler.joblib")`;
    const pipeline = '    scaler = StandardScaler()\n    scaler.fit(df[["a"]])\n    joblib.dump(Pipeline([("s", scaler), ("m", Ridge())]), "p.joblib")';
    const attribute = '    scaler = StandardScaler()\n    scaler.fit(df[["a"]])\n    model = Ridge()\n    model.scaler_ = scaler';
    const returned = '    scaler = StandardScaler()\n    scaler.fit(df[["a"]])\n    return scaler';
    for (const body of [dumped, pipeline, attribute, returned]) assert.deepEqual(await run({ 'train.py': train(body), 'serve.py': SERVE }), [], body);
  });

  it('is quiet when serving loads what training saved instead of building one, or there is no serving code', async () => {
    assert.deepEqual(await run({ 'train.py': train(UNSAVED), 'serve.py': 'import joblib\nfrom fastapi import FastAPI\napp = FastAPI()\nscaler = joblib.load("scaler.joblib")\n' }), []);
    assert.deepEqual(await run({ 'train.py': train(UNSAVED), 'report.py': 'from sklearn.preprocessing import StandardScaler\nStandardScaler()\n' }), []);
  });

  it('is quiet when the serving construction is in code training shares', async () => {
    const shared = 'from sklearn.preprocessing import StandardScaler\n\ndef make():\n    return StandardScaler()\n';
    const serve = 'from fastapi import FastAPI\nfrom common import make\napp = FastAPI()\n';
    assert.deepEqual(await run({ 'train.py': train(UNSAVED).replace('import joblib\n', 'import joblib\nimport common\n'), 'common.py': shared, 'serve.py': serve }), []);
  });

  it('follows Keras tokenizers fitted in a training notebook', async () => {
    const notebook = JSON.stringify({
      cells: [
        { cell_type: 'code', metadata: {}, outputs: [], source: ['from tensorflow.keras.preprocessing.text import Tokenizer\n', 'import pandas as pd'] },
        { cell_type: 'code', metadata: {}, outputs: [], source: ['texts = pd.read_csv("reviews.csv")["text"]\n', 'tok = Tokenizer(num_words=20000)\n', 'tok.fit_on_texts(texts)\n', 'model.fit(tok.texts_to_matrix(texts), y)'] },
      ],
      metadata: { language_info: { name: 'python' } },
      nbformat: 4,
      nbformat_minor: 5,
    });
    const serve = 'from flask import Flask\nfrom tensorflow.keras.preprocessing.text import Tokenizer\napp = Flask(__name__)\ntok = Tokenizer(num_words=20000)\n';
    assert.deepEqual(await run({ 'train.ipynb': notebook, 'app.py': serve }), ['train.ipynb#1:3 <- app.py:4']);
  });
});

fixtureTest('fitted-transformer-not-persisted');

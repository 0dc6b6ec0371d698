// Tests of the transformer analysis: which fits are found, and when a fitted object counts as saved or handed on.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { fitOutcome, transformerFacts, transformerFits } from '../../src/engine/analyses/transformers';
import { PythonAnalysis } from '../../src/engine/python/analysis';
import { pythonParser } from '../helpers/python';

const HEAD = 'import joblib\nfrom sklearn.preprocessing import StandardScaler\nfrom sklearn.decomposition import PCA\nfrom tokenizers import Tokenizer\n';

async function analyse(code: string): Promise<PythonAnalysis> {
  const text = HEAD + code;
  return new PythonAnalysis((await pythonParser()).parse(text), text, '');
}

async function outcomes(code: string): Promise<string[]> {
  const py = await analyse(code);
  return transformerFits(py).map((f) => `${f.variable ?? '-'}.${f.method}: ${fitOutcome(py, f)}`);
}

describe('transformerFits', () => {
  it('finds fits on variables and on constructions, with the class and whether it leaks statistics', async () => {
    const py = await analyse('s = StandardScaler()\ns.fit(X)\nZ = PCA(2).fit_transform(X)\nt = StandardScaler().fit(X)\nt.transform(X)\nmodel.fit(X)\n');
    assert.deepEqual(transformerFits(py).map((f) => `${f.variable ?? '-'} ${f.cls} ${String(f.leaky)}`), ['s sklearn.preprocessing.StandardScaler true', '- sklearn.decomposition.PCA true', 't sklearn.preprocessing.StandardScaler true']);
  });

  it('counts `train` only for tokenizers', async () => {
    const py = await analyse('tok = Tokenizer(model)\ntok.train(files)\nnet = Net()\nnet.train()\n');
    assert.deepEqual(transformerFits(py).map((f) => f.method), ['train']);
  });
});

describe('fitOutcome', () => {
  it('is kept when the object is only used through its own methods', async () => {
    assert.deepEqual(await outcomes('def f(X):\n    s = StandardScaler()\n    Xs = s.fit_transform(X)\n    return model.predict(s.transform(X))\n'), ['s.fit_transform: kept']);
  });

  it('escapes into calls, returns, attributes, containers and other scopes', async () => {
    assert.deepEqual(await outcomes('s = StandardScaler()\ns.fit(X)\njoblib.dump(s, "s.joblib")\n'), ['s.fit: escaped']);
    assert.deepEqual(await outcomes('def f(X):\n    s = StandardScaler()\n    s.fit(X)\n    return s\n'), ['s.fit: escaped']);
    assert.deepEqual(await outcomes('def f(X):\n    s = StandardScaler()\n    s.fit(X)\n    self.scaler = s\n'), ['s.fit: escaped']);
    assert.deepEqual(await outcomes('s = StandardScaler()\ns.fit(X)\nparts = {"scaler": s}\n'), ['s.fit: escaped']);
    assert.deepEqual(await outcomes('s = StandardScaler()\ns.fit(X)\ndef later():\n    save(s)\n'), ['s.fit: escaped']);
  });

  it("is saved through the object's own save method", async () => {
    assert.deepEqual(await outcomes('tok = Tokenizer(model)\ntok.train(files)\ntok.save("tok.json")\n'), ['tok.train: saved']);
  });

  it('ignores keyword arguments and attributes that share the name', async () => {
    assert.deepEqual(await outcomes('def f(X):\n    s = StandardScaler()\n    s.fit(X)\n    plot(s=3)\n    cfg.s = 1\n'), ['s.fit: kept']);
  });
});

describe('transformerFacts', () => {
  it('lists constructions and the fits nothing saves, or nothing for files without transformer libraries', async () => {
    const py = await analyse('s = StandardScaler()\ns.fit(X)\nkept = StandardScaler()\nkept.fit(X)\njoblib.dump(kept, "k")\n');
    const facts = transformerFacts(py, (range) => ({ range }));
    assert.deepEqual(facts?.unsaved.map((u) => u.variable), ['s']);
    assert.equal(facts.constructed.length, 2);
    const plain = new PythonAnalysis((await pythonParser()).parse('x = 1\n'), 'x = 1\n', '');
    assert.equal(transformerFacts(plain, (range) => ({ range })), undefined);
  });
});

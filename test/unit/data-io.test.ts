// Tests of the data read/write analysis: readers, writers, methods, open() modes, folding and unknown paths.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { dataAccesses } from '../../src/engine/analyses/data-io';
import { PythonAnalysis } from '../../src/engine/python/analysis';
import { pythonParser } from '../helpers/python';

async function accesses(code: string): Promise<string[]> {
  const py = new PythonAnalysis((await pythonParser()).parse(code), code, 'src');
  return dataAccesses(py).map((a) => `${a.mode} ${a.path}${a.exact ? '' : ' (inexact)'} via ${a.via} @${a.range.start.line + 1}`);
}

describe('dataAccesses', () => {
  it('finds reads and writes through readers, writers, methods and open()', async () => {
    const code = [
      'import pandas as pd, joblib, torch, numpy as np',
      'from pathlib import Path',
      'DATA = Path("data") / "raw"',
      'df = pd.read_csv(DATA / "train.csv")',
      'df.to_parquet("data/processed/train.parquet")',
      'joblib.dump(model, "models/model.joblib")',
      'torch.save(net.state_dict(), f"models/{name}.pt")',
      'np.save("features.npy", X)',
      'with open("metrics.json", "w") as f: pass',
      'with open("labels.txt") as f: pass',
      'cfg = open(path, "rb")',
      'weights = torch.load("models/net.pt")',
    ].join('\n');
    assert.deepEqual(await accesses(code), [
      'read data/raw/train.csv via pandas.read_csv @4',
      'write data/processed/train.parquet via to_parquet @5',
      'write models/model.joblib via joblib.dump @6',
      'write models/*.pt (inexact) via torch.save @7',
      'write features.npy via numpy.save @8',
      'write metrics.json via open @9',
      'read labels.txt via open @10',
      'read models/net.pt via torch.load @12',
    ]);
  });

  it('ignores open() of an unknown mode and methods that are not writers', async () => {
    assert.deepEqual(await accesses('f = open("a.txt", mode)\nx.save_fig("b.png")\nresult.to_dict()\n'), []);
  });
});

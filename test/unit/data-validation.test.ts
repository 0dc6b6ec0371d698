// Tests of the per-file validation evidence, dataset ingestion through dataset libraries, and import-path edits.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { remoteIngests, validationSites } from '../../src/engine/analyses/data-validation';
import { moduleOutline } from '../../src/engine/analyses/outline';
import { pathEdits } from '../../src/engine/analyses/path-edits';
import { PythonAnalysis } from '../../src/engine/python/analysis';
import { pythonParser } from '../helpers/python';

async function analyse(code: string, dir = 'scripts'): Promise<PythonAnalysis> {
  return new PythonAnalysis((await pythonParser()).parse(code), code, dir);
}

describe('validationSites', () => {
  it('finds validation libraries once each, record models and frame assertions', async () => {
    const code = [
      'import pandera as pa',
      'from pandera import Column',
      'import great_expectations as gx',
      'from pydantic import BaseModel',
      'class Row(BaseModel):',
      '    x: float',
      'assert set(df.columns) == {"x"}',
      'assert not df["x"].isna().any()',
      'assert x.shape == (3, 2)',
      '# assert df.columns is fine',
    ].join('\n');
    const py = await analyse(code);
    const sites = validationSites(py, moduleOutline(py), true);
    assert.deepEqual(sites.map((s) => `${s.via}@${String(s.range.start.line + 1)}:${String(s.range.start.column + 1)}`), [
      'pandera@1:8', 'great_expectations@3:8', 'pydantic model Row@5:7', 'assert on .columns@7:1', 'assert on .isna@8:1',
    ]);
    assert.deepEqual(validationSites(py, moduleOutline(py), false).map((s) => s.via), ['pandera', 'great_expectations', 'pydantic model Row']);
  });

  it('finds dataset library loads, with the dataset id when it is a constant', async () => {
    const code = 'from datasets import load_dataset\nimport kagglehub\nname = "imdb"\na = load_dataset(name)\nb = load_dataset(args.name)\nc = kagglehub.dataset_download("owner/data")\n';
    assert.deepEqual(remoteIngests(await analyse(code)).map((r) => `${r.via} ${r.dataset ?? '?'}@${String(r.range.start.line + 1)}`), [
      'datasets.load_dataset imdb@4', 'datasets.load_dataset ?@5', 'kagglehub.dataset_download owner/data@6',
    ]);
  });
});

describe('pathEdits', () => {
  it('finds sys.path calls, assignments and site.addsitedir, with folded and normalised targets', async () => {
    const code = [
      'import os, site, sys',
      'sys.path.insert(0, os.path.join(os.path.dirname(__file__), "..", "src"))',
      'sys.path.append(some_dir)',
      'sys.path[:0] = ["lib"]',
      'sys.path += ["more"]',
      'site.addsitedir("vendor")',
      'if sys.path == []: pass',
      'print("sys.path = x")',
    ].join('\n');
    assert.deepEqual(pathEdits(await analyse(code)).map((e) => `${e.via} ${e.target ?? '?'}@${String(e.range.start.line + 1)}`), [
      'sys.path.insert src@2', 'sys.path.append ?@3', 'sys.path assignment ?@4', 'sys.path assignment ?@5', 'site.addsitedir vendor@6',
    ]);
  });

  it('needs sys to be the sys module', async () => {
    assert.deepEqual(pathEdits(await analyse('sys = Thing()\nsys.path = []\nsys.path.append("x")\n')), []);
  });
});

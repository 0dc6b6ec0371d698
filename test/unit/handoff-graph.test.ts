// Tests of the write/read graph between scripts, pipeline declarations (Make, shell, orchestrators, Kedro) and train/serve sides.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { trainServeSides } from '../../src/engine/analyses/entrypoints';
import { findHandoffs, normalisePath, PipelineIndex, projectDataPath, referencesFile, referencesPath } from '../../src/engine/analyses/handoff-graph';
import { ImportGraph } from '../../src/engine/analyses/import-graph';
import { commandReferences, pipelineDeclarations } from '../../src/engine/analyses/pipeline-steps';
import type { DataAccessFact, FileFacts, ImportFact } from '../../src/engine/facts';
import { classifyPath } from '../../src/engine/file-kinds';
import type { InventoryEntry } from '../../src/engine/inventory';
import { emptyProject } from '../../src/engine/project';
import { SourceFile } from '../../src/engine/source-file';
import { pythonParser } from '../helpers/python';

const at = { start: { line: 0, column: 0 }, end: { line: 0, column: 1 } };
const io = (mode: 'read' | 'write', path: string, exact = true): DataAccessFact => ({ mode, path, exact, via: mode === 'read' ? 'pandas.read_csv' : 'to_csv', range: at });
const imp = (module: string): ImportFact => ({ module, level: 0, names: [], optional: false, typeCheckingOnly: false, range: at });
const entry = (path: string): InventoryEntry => ({ path, kind: classifyPath(path), size: 1 });

describe('projectDataPath', () => {
  it('resolves notebooks from their folder, scripts from the root unless they climb, and drops URLs and globs', () => {
    assert.equal(projectDataPath('../data/x.csv', 'notebooks/a.ipynb', true), 'data/x.csv');
    assert.equal(projectDataPath('./data/x.csv', 'src/a.py', false), 'data/x.csv');
    assert.equal(projectDataPath('../data/x.csv', 'src/a.py', false), 'data/x.csv');
    assert.equal(projectDataPath('data\\x.csv', 'a.py', false), 'data/x.csv');
    assert.equal(projectDataPath('/abs/./x.csv', 'a.py', false), '/abs/x.csv');
    assert.equal(projectDataPath('s3://b/x.csv', 'a.py', false), undefined);
    assert.equal(projectDataPath('out/*.csv', 'a.py', false), undefined);
    assert.equal(normalisePath('../../x'), '../../x');
  });
});

describe('findHandoffs', () => {
  const files = ['a.py', 'b.py', 'c.py', 'lib.py', 'tests/test_b.py'].map(entry);
  it('links a write in one file to a read in another, and leaves out tests, inexact paths and importers', () => {
    const facts = new Map<string, FileFacts>([
      ['a.py', { imports: [], dataIo: [io('write', 'x.csv'), io('write', 'y.csv', false), io('write', 'z.csv')] }],
      ['b.py', { imports: [], dataIo: [io('read', './x.csv'), io('read', 'y.csv'), io('read', 'x.csv')] }],
      ['c.py', { imports: [imp('lib')], dataIo: [io('read', 'z.csv')] }],
      ['lib.py', { imports: [imp('a')], dataIo: [] }],
      ['tests/test_b.py', { imports: [], dataIo: [io('read', 'x.csv')] }],
    ]);
    const graph = new ImportGraph(files, facts);
    const found = findHandoffs(facts, graph, (f) => f.startsWith('tests/'));
    assert.deepEqual(found.map((h) => `${h.writers.map((w) => w.file).join(',')} -> ${h.path} -> ${h.reader.file}`), ['a.py -> x.csv -> b.py']);
  });
});

describe('pipeline declarations', () => {
  it('reads scripts, modules and paths from command lines', () => {
    assert.deepEqual(commandReferences('cd src && python -m churn.train --out=models/m.pkl | tee log.txt'), { runs: ['module:churn.train'], paths: ['models/m.pkl', 'log.txt'] });
  });

  it('parses Makefile rules with expanded variables, prerequisites and recipes', () => {
    const text = 'DATA := data/interim\n.PHONY: all\nall: train\n$(DATA)/x.csv: prep.py\n\t@python prep.py --out $(DATA)/x.csv\ntrain: $(DATA)/x.csv\n\tpython train.py\n';
    const decl = pipelineDeclarations(new SourceFile('Makefile', 'makefile', text, {}));
    assert.deepEqual(decl?.steps.map((s) => `${s.name} <- ${s.needs.join(' ')} | ${s.runs.join(' ')} | ${s.paths.join(' ')}`), [
      'all <- train |  | ',
      'data/interim/x.csv <- prep.py | prep.py | data/interim/x.csv prep.py',
      'train <- data/interim/x.csv | train.py | data/interim/x.csv',
    ]);
  });

  it('reads Kedro catalogs and orchestrator modules; other files declare nothing', async () => {
    const catalog = pipelineDeclarations(new SourceFile('conf/base/catalog.yml', 'yaml', 'orders:\n  type: pandas.CSVDataset\n  filepath: data/01_raw/orders.csv\n', {}));
    assert.deepEqual(catalog?.steps[0]?.paths, ['data/01_raw/orders.csv']);
    const python = await pythonParser();
    const dag = 'from airflow.operators.bash import BashOperator\nBashOperator(task_id="a", bash_command="python jobs/a.py --in data/x.csv")\n';
    const decl = pipelineDeclarations(new SourceFile('dags/d.py', 'python', dag, { python }));
    assert.deepEqual([decl?.tool, decl?.steps[0]?.runs, decl?.steps[0]?.paths], ['airflow', ['jobs/a.py'], ['data/x.csv']]);
    assert.equal(pipelineDeclarations(new SourceFile('train.py', 'python', 'import pandas\n', { python })), undefined);
    assert.equal(pipelineDeclarations(new SourceFile('configs/train.yaml', 'yaml', 'lr: 1\n', {})), undefined);
  });

  it('matches script references and path words against project files', () => {
    assert.ok(referencesFile('module:churn.train', '', 'src/churn/train.py'));
    assert.ok(referencesFile('/opt/airflow/jobs/a.py', 'dags', 'jobs/a.py'));
    assert.ok(referencesFile('../scripts/a.py', 'pipelines', 'scripts/a.py'));
    assert.ok(!referencesFile('module:churn.train', '', 'src/churn/trainer.py'));
    assert.ok(referencesPath('data/prepared', '', 'data/prepared/train.csv'));
    assert.ok(!referencesPath('data/prep', '', 'data/prepared/train.csv'));
  });

  it('asks DVC stages and declarations whether they know an edge', () => {
    const make = { tool: 'make', steps: [{ name: 'prep', runs: ['a.py'], paths: [], needs: [] }, { name: 'train', runs: ['b.py'], paths: [], needs: ['prep'] }] };
    const index = new PipelineIndex(emptyProject(), new Map([['Makefile', make]]), new ImportGraph([], new Map()));
    assert.equal(index.declaredBy('x.csv', 'a.py', 'b.py'), 'make');
    assert.equal(index.declaredBy('x.csv', 'b.py', 'a.py'), undefined);
  });
});

describe('trainServeSides', () => {
  it('splits training-only from serving-only code; shared modules and tests belong to neither', () => {
    const files = ['train.py', 'serve.py', 'features.py', 'train_utils.py', 'api_utils.py', 'tests/test_api.py'].map(entry);
    const facts = new Map<string, FileFacts>([
      ['train.py', { imports: [imp('features'), imp('train_utils')], roles: ['training'] }],
      ['serve.py', { imports: [imp('features'), imp('api_utils')], roles: ['serving'] }],
      ['features.py', { imports: [], roles: ['library'] }],
      ['train_utils.py', { imports: [], roles: ['library'] }],
      ['api_utils.py', { imports: [], roles: ['library'] }],
      ['tests/test_api.py', { imports: [imp('serve')], roles: ['test'] }],
    ]);
    const sides = trainServeSides(facts, new ImportGraph(files, facts));
    assert.deepEqual([[...sides.trainingOnly].sort(), [...sides.servingOnly].sort()], [['train.py', 'train_utils.py'], ['api_utils.py', 'serve.py']]);
  });
});

// Tests for the DVC parsers: .dvc files, dvc.yaml pipelines, dvc.lock, .dvc/config and malformed input.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { TextDocument } from '../../../src/engine/text.js';
import type { Range } from '../../../src/engine/types.js';
import {
  parseDvcConfig, parseDvcFile, parseDvcLock, parseDvcPipeline, resolveDvcPath, type DvcStage,
} from '../../../src/engine/parsers/dvc.js';

const r = (line: number, column: number, endLine: number, endColumn: number): Range => ({
  start: { line, column },
  end: { line: endLine, column: endColumn },
});

const DVC_YAML = `stages:
  prepare:
    cmd: python src/prepare.py data/data.xml
    deps:
      - data/data.xml
      - src/prepare.py
    params:
      - prepare.seed
      - prepare.split
    outs:
      - data/prepared
  featurize:
    cmd: >-
      python src/featurization.py
      data/prepared data/features
    deps:
      - data/prepared
      - src/featurization.py
    params:
      - featurize
    outs:
      - data/features
  train:
    wdir: ..
    cmd:
      - python ml/src/train.py ml/data/features model.pkl
      - echo trained
    deps:
      - ml/data/features
      - ../shared/utils.py
    params:
      - train.seed
      - configs/train.yaml:
          - lr
          - epochs
      - extra.yaml:
    outs:
      - model.pkl:
          cache: false
          persist: true
    metrics:
      - eval/metrics.json:
          cache: false
    plots:
      - eval/prc.json
  sweep:
    foreach: \${models}
    do:
      cmd: python src/train.py --model \${item.name}
      outs:
        - models/\${item.name}.pkl
metrics:
  - dvclive/metrics.json
plots:
  - ROC:
      x: fpr
      y:
        eval/roc.json: tpr
`;

function stage(stages: readonly DvcStage[], name: string): DvcStage {
  const found = stages.find((s) => s.name === name);
  assert.ok(found, `no stage ${name}`);
  return found;
}

void describe('parseDvcPipeline', () => {
  const pipeline = parseDvcPipeline('ml/dvc.yaml', new TextDocument(DVC_YAML));

  void test('stages with commands, deps, outs and params, paths resolved from the dvc.yaml directory', () => {
    assert.deepEqual(pipeline.problems, []);
    assert.deepEqual(pipeline.stages.map((s) => s.name), ['prepare', 'featurize', 'train', 'sweep']);
    const prepare = stage(pipeline.stages, 'prepare');
    assert.deepEqual(prepare.range, r(1, 2, 1, 9));
    assert.deepEqual(prepare.cmd, [{ text: 'python src/prepare.py data/data.xml', range: r(2, 9, 2, 44) }]);
    assert.deepEqual(prepare.deps.map((d) => [d.path, d.resolved, d.range]), [
      ['data/data.xml', 'ml/data/data.xml', r(4, 8, 4, 21)],
      ['src/prepare.py', 'ml/src/prepare.py', r(5, 8, 5, 22)],
    ]);
    assert.deepEqual(prepare.params, [
      { file: 'params.yaml', resolvedFile: 'ml/params.yaml', key: 'prepare.seed', range: r(7, 8, 7, 20) },
      { file: 'params.yaml', resolvedFile: 'ml/params.yaml', key: 'prepare.split', range: r(8, 8, 8, 21) },
    ]);
    assert.equal(prepare.outs[0]?.resolved, 'ml/data/prepared');
    assert.equal(prepare.frozen, false);
  });

  void test('folded cmd is one command', () => {
    const featurize = stage(pipeline.stages, 'featurize');
    assert.deepEqual(featurize.cmd, [{ text: 'python src/featurization.py data/prepared data/features', range: r(13, 6, 14, 33) }]);
    assert.deepEqual(featurize.params.map((p) => p.key), ['featurize']);
  });

  void test('wdir, list cmd, out options, params files, metrics and plots', () => {
    const train = stage(pipeline.stages, 'train');
    assert.equal(train.wdir, '..');
    assert.deepEqual(train.cmd.map((c) => [c.text, c.range]), [
      ['python ml/src/train.py ml/data/features model.pkl', r(25, 8, 25, 57)],
      ['echo trained', r(26, 8, 26, 20)],
    ]);
    assert.deepEqual(train.deps.map((d) => [d.resolved, d.external]), [['ml/data/features', false], ['../shared/utils.py', true]]);
    const model = train.outs[0];
    assert.equal(model?.path, 'model.pkl');
    assert.equal(model.resolved, 'model.pkl');
    assert.equal(model.cache, false);
    assert.equal(model.persist, true);
    assert.deepEqual(model.pathRange, r(37, 8, 37, 17));
    assert.deepEqual(model.range, r(37, 8, 39, 23));
    assert.deepEqual(train.params.map((p) => [p.file, p.key, p.range]), [
      ['params.yaml', 'train.seed', r(31, 8, 31, 18)],
      ['configs/train.yaml', 'lr', r(33, 12, 33, 14)],
      ['configs/train.yaml', 'epochs', r(34, 12, 34, 18)],
      ['extra.yaml', undefined, r(35, 8, 35, 18)],
    ]);
    assert.equal(train.params[1]?.resolvedFile, 'configs/train.yaml');
    assert.deepEqual(train.metrics.map((m) => [m.resolved, m.cache]), [['eval/metrics.json', false]]);
    assert.deepEqual(train.plots.map((p) => p.resolved), ['eval/prc.json']);
  });

  void test('foreach stages are read from do:, unexpanded and marked templated', () => {
    const sweep = stage(pipeline.stages, 'sweep');
    assert.equal(sweep.generator, 'foreach');
    assert.equal(sweep.cmd[0]?.text, 'python src/train.py --model ${item.name}');
    assert.deepEqual(sweep.outs.map((o) => [o.path, o.templated]), [['models/${item.name}.pkl', true]]);
    const matrix = parseDvcPipeline('dvc.yaml', new TextDocument('stages:\n  train:\n    matrix:\n      model: [cnn, xgb]\n    cmd: ./train.py ${item.model}\n    outs:\n      - ${item.model}.pkl\n'));
    assert.equal(matrix.stages[0]?.generator, 'matrix');
    assert.equal(matrix.stages[0].outs[0]?.templated, true);
  });

  void test('top-level metrics and plots', () => {
    assert.deepEqual(pipeline.metrics.map((m) => m.resolved), ['ml/dvclive/metrics.json']);
    assert.deepEqual(pipeline.plots.map((p) => [p.resolved, p.pathRange]), [['ml/eval/roc.json', r(57, 8, 57, 21)]]);
  });

  void test('malformed dvc.yaml: problems, no throw', () => {
    const tabbed = parseDvcPipeline('dvc.yaml', new TextDocument('stages:\n\ttrain:\n    cmd: python train.py\n'));
    assert.ok(tabbed.problems.some((p) => p.range.start.line === 1));
    const unclosed = parseDvcPipeline('dvc.yaml', new TextDocument('stages:\n  train:\n    outs: [model.pkl, {metrics.json: {cache: false}\n'));
    assert.ok(unclosed.problems.length > 0);
    const garbage = parseDvcPipeline('dvc.yaml', new TextDocument('\u0000\u0001\u00ff PK\u0003\u0004 : - [ {'));
    assert.ok(garbage.problems.length > 0);
    assert.deepEqual(garbage.stages, []);
    const wrongShapes = parseDvcPipeline('dvc.yaml', new TextDocument('stages:\n  a: 1\n  b:\n    outs: model.pkl\n    deps: [1, {}, null]\n'));
    assert.deepEqual(wrongShapes.stages.map((s) => [s.name, s.outs.length]), [['a', 0], ['b', 0]]);
  });
});

const DVC_LOCK = `schema: '2.0'
stages:
  prepare:
    cmd: python src/prepare.py data/data.xml
    deps:
    - path: data/data.xml
      hash: md5
      md5: 22a1a2931c8370d3aeedd7183606fd7f
      size: 14445097
    params:
      params.yaml:
        prepare.seed: 20170428
        prepare.split: 0.2
    outs:
    - path: data/prepared
      hash: md5
      md5: 153aad06d376b6595932470e459ef42a.dir
      size: 8437363
      nfiles: 2
  train:
    cmd: python ml/src/train.py
    outs:
    - path: model.pkl
      md5: 0f9e3a1b2c4d5e6f7a8b9c0d1e2f3a4b
`;

void describe('parseDvcLock', () => {
  void test('stages with hashes and recorded params', () => {
    const lock = parseDvcLock('ml/dvc.lock', new TextDocument(DVC_LOCK), new Map([['train', '..']]));
    assert.deepEqual(lock.problems, []);
    assert.equal(lock.schema, '2.0');
    const [prepare, train] = lock.stages;
    assert.equal(prepare?.name, 'prepare');
    const dep = prepare.deps[0];
    assert.equal(dep?.resolved, 'ml/data/data.xml');
    assert.equal(dep.md5, '22a1a2931c8370d3aeedd7183606fd7f');
    assert.equal(dep.hashAlgorithm, 'md5');
    assert.equal(dep.size, 14445097);
    assert.deepEqual(dep.range, r(5, 6, 8, 20));
    assert.deepEqual(dep.pathRange, r(5, 12, 5, 25));
    assert.equal(prepare.outs[0]?.isDirectory, true);
    assert.equal(prepare.outs[0].nfiles, 2);
    assert.deepEqual(prepare.params.map((p) => [p.file, p.key, p.value, p.range]), [
      ['params.yaml', 'prepare.seed', 20170428, r(11, 8, 11, 20)],
      ['params.yaml', 'prepare.split', 0.2, r(12, 8, 12, 21)],
    ]);
    assert.equal(train?.outs[0]?.resolved, 'model.pkl');
    assert.equal(train.outs[0].isDirectory, undefined);
  });

  void test('DVC 1 lock files without schema: stages at the top level', () => {
    const lock = parseDvcLock('dvc.lock', new TextDocument('train:\n  cmd: python train.py\n  outs:\n  - path: model.pkl\n    md5: abc\n'));
    assert.deepEqual(lock.stages.map((s) => [s.name, s.outs[0]?.md5]), [['train', 'abc']]);
  });

  void test('truncated lock: problem with a position', () => {
    const lock = parseDvcLock('dvc.lock', new TextDocument('schema: "2.0\nstages:\n  train:\n    outs:\n    - path: [model.pkl\n'));
    assert.ok(lock.problems.length > 0);
    assert.ok(lock.problems.every((p) => p.range.start.line >= 0));
  });
});

void describe('parseDvcFile', () => {
  void test('outs with DVC 3 hashes, directories, imports', () => {
    const text = 'outs:\n- md5: a304afb96060aad90176268345e10355.dir\n  size: 133\n  nfiles: 3\n  hash: md5\n  path: images\n';
    const file = parseDvcFile('data/images.dvc', new TextDocument(text));
    assert.deepEqual(file.problems, []);
    const out = file.outs[0];
    assert.equal(out?.path, 'images');
    assert.equal(out.resolved, 'data/images');
    assert.equal(out.isDirectory, true);
    assert.deepEqual(out.pathRange, r(5, 8, 5, 14));
    assert.deepEqual(out.range, r(1, 2, 5, 14));
    const imported = parseDvcFile('data.dvc', new TextDocument('md5: 1\nfrozen: true\ndeps:\n- path: get-started/data.xml\n  repo:\n    url: https://github.com/iterative/dataset-registry\n    rev_lock: f31f5c4cdae787b4bdeb97a717687d44667d9e62\nouts:\n- md5: 22a1\n  path: data.xml\n'));
    assert.equal(imported.frozen, true);
    assert.deepEqual(imported.deps[0]?.repo, { url: 'https://github.com/iterative/dataset-registry', revLock: 'f31f5c4cdae787b4bdeb97a717687d44667d9e62' });
    const url = parseDvcFile('raw.dvc', new TextDocument('deps:\n- path: s3://bucket/raw.csv\n  etag: abc\nouts:\n- path: raw.csv\n'));
    assert.deepEqual(url.deps.map((d) => [d.resolved, d.external, d.md5]), [['s3://bucket/raw.csv', true, 'abc']]);
  });

  void test('malformed .dvc: problem and empty outs', () => {
    const file = parseDvcFile('x.dvc', new TextDocument('outs:\n- md5: 1\n\tpath: x\n'));
    assert.ok(file.problems.length > 0);
    assert.equal(parseDvcFile('x.dvc', new TextDocument('')).outs.length, 0);
  });
});

const DVC_CONFIG = `[core]
    remote = storage
    autostage = true
['remote "storage"']
    url = s3://mybucket/dvcstore   # team bucket
    region = eu-west-1
[remote "scratch"]
    url = "/mnt/scratch/dvc"
; local overrides live in config.local
`;

void describe('parseDvcConfig', () => {
  void test('remotes, default remote and sections', () => {
    const config = parseDvcConfig('.dvc/config', DVC_CONFIG);
    assert.deepEqual(config.problems, []);
    assert.deepEqual(config.defaultRemote, { name: 'storage', range: r(1, 13, 1, 20) });
    assert.deepEqual(config.remotes.map((x) => [x.name, x.url, x.range, x.urlRange]), [
      ['storage', 's3://mybucket/dvcstore', r(3, 0, 3, 20), r(4, 10, 4, 32)],
      ['scratch', '/mnt/scratch/dvc', r(6, 0, 6, 18), r(7, 10, 7, 28)],
    ]);
    assert.equal(config.remotes[0]?.options.get('region'), 'eu-west-1');
    assert.deepEqual(config.sections.map((s) => [s.kind, s.subName]), [['core', undefined], ['remote', 'storage'], ['remote', 'scratch']]);
  });

  void test('bad lines are problems', () => {
    const config = parseDvcConfig('.dvc/config', new TextDocument('url = x\n[core]\nthis is not an option\n\u0000\u0001'));
    assert.deepEqual(config.problems.map((p) => p.range.start.line), [0, 2, 3]);
    assert.equal(config.defaultRemote, undefined);
  });
});

void describe('resolveDvcPath', () => {
  void test('normalises and flags external paths', () => {
    assert.deepEqual(resolveDvcPath('ml', './data/../data/raw/'), { resolved: 'ml/data/raw', external: false });
    assert.deepEqual(resolveDvcPath('', '../outside.csv'), { resolved: '../outside.csv', external: true });
    assert.deepEqual(resolveDvcPath('a/b', '..\\c.csv'), { resolved: 'a/c.csv', external: false });
    assert.deepEqual(resolveDvcPath('a', '/abs/x'), { resolved: '/abs/x', external: true });
    assert.deepEqual(resolveDvcPath('a', 'remote://storage/x'), { resolved: 'remote://storage/x', external: true });
  });
});

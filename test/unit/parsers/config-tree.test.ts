// Tests for the config tree: YAML (Hydra, params, anchors, multi-document), JSON, TOML, helpers and bad input.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { TextDocument } from '../../../src/engine/text.js';
import type { Range } from '../../../src/engine/types.js';
import {
  getPath, mapGet, parseJsonConfig, parseTomlConfig, parseYamlConfig, scalarText, walkLeaves,
  type ConfigNode, type ConfigParseResult,
} from '../../../src/engine/parsers/config-tree.js';

const r = (line: number, column: number, endLine: number, endColumn: number): Range => ({
  start: { line, column },
  end: { line: endLine, column: endColumn },
});

const yaml = (text: string): ConfigParseResult => parseYamlConfig(new TextDocument(text));
const json = (text: string, comments = false): ConfigParseResult => parseJsonConfig(new TextDocument(text), { comments });
const toml = (text: string): ConfigParseResult => parseTomlConfig(new TextDocument(text));

function at(root: ConfigNode | undefined, ...path: (string | number)[]): ConfigNode {
  const node = getPath(root, path);
  assert.ok(node, `nothing at ${path.join('.')}`);
  return node;
}

function leaves(root: ConfigNode | undefined, followAliases = false): string[] {
  const out: string[] = [];
  walkLeaves(root, (path, node) => out.push(`${path.join('.')}=${String(node.value)}`), { followAliases });
  return out;
}

const HYDRA = `# conf/config.yaml
defaults:
  - model: resnet
  - dataset: imagenet
  - override hydra/launcher: joblib
  - _self_

experiment_name: baseline
seed: 42
model:
  name: resnet50
  lr: 0.001
  layers: [64, 128, 256]
trainer:
  max_epochs: 10
  lr: \${model.lr}
  ckpt_dir: \${oc.env:HOME}/checkpoints
  precision: "16-mixed"
paths:
  data: /data/imagenet
  out: \${hydra:runtime.output_dir}
`;

const PARAMS = `prepare:
  split: 0.20
  seed: 20170428
featurize:
  max_features: 200
  ngrams: 2
train:
  seed: 20170428
  n_est: 50
  min_split: 0.01
`;

void describe('parseYamlConfig', () => {
  void test('Hydra config: defaults list, interpolations as strings, exact ranges', () => {
    const { root, problems, documents } = yaml(HYDRA);
    assert.deepEqual(problems, []);
    assert.equal(documents.length, 1);
    const lr = at(root, 'trainer', 'lr');
    assert.equal(lr.kind, 'scalar');
    assert.equal(lr.value, '${model.lr}');
    assert.deepEqual(lr.range, r(15, 6, 15, 17));
    assert.deepEqual(lr.keyRange, r(15, 2, 15, 4));
    assert.equal(scalarText(at(root, 'trainer', 'ckpt_dir')), '${oc.env:HOME}/checkpoints');
    assert.deepEqual(at(root, 'model', 'layers', 1).range, r(12, 15, 12, 18));
    assert.equal(scalarText(at(root, 'model', 'layers', '2')), '256');
    const precision = at(root, 'trainer', 'precision');
    assert.deepEqual(precision.range, r(17, 13, 17, 23));
    assert.equal(precision.kind === 'scalar' && precision.style, 'double-quoted');
    assert.deepEqual(at(root, 'model').range, r(10, 2, 12, 24));
    assert.deepEqual(at(root, 'model').keyRange, r(9, 0, 9, 5));
    const defaults = at(root, 'defaults');
    assert.equal(defaults.kind === 'list' && defaults.children.length, 4);
    assert.equal(scalarText(mapGet(at(root, 'defaults', 2), 'override hydra/launcher')), 'joblib');
    assert.deepEqual(at(root, 'defaults', 3).range, r(5, 4, 5, 10));
    const seed = at(root, 'seed');
    assert.equal(seed.kind === 'scalar' && seed.value, 42);
    assert.ok(leaves(root).includes('trainer.lr=${model.lr}'));
    assert.ok(leaves(root).includes('defaults.0.model=resnet'));
    assert.equal(getPath(root, ['model', 'missing']), undefined);
    assert.equal(getPath(root, ['seed', 'x']), undefined);
  });

  void test('params.yaml: numbers keep their type', () => {
    const { root, problems } = yaml(PARAMS);
    assert.deepEqual(problems, []);
    const split = at(root, 'prepare', 'split');
    assert.deepEqual(split.kind === 'scalar' && split.value, 0.2);
    assert.deepEqual(split.range, r(1, 9, 1, 13));
    assert.equal(leaves(root).length, 7);
    assert.equal(leaves(root)[6], 'train.min_split=0.01');
  });

  void test('YAML 1.2 core schema: on/yes/dates stay strings, null values are null scalars', () => {
    const { root } = yaml('on: push\nflag: yes\nwhen: 2024-01-01\nempty:\n');
    assert.equal(mapGet(root, 'on')?.kind, 'scalar');
    assert.equal(scalarText(mapGet(root, 'flag')), 'yes');
    assert.equal(scalarText(mapGet(root, 'when')), '2024-01-01');
    const empty = at(root, 'empty');
    assert.equal(empty.kind === 'scalar' && empty.value, null);
    assert.deepEqual(empty.keyRange, r(3, 0, 3, 5));
  });

  void test('anchors, aliases and merge keys', () => {
    const text = 'base: &base\n  lr: 0.1\n  batch: 32\nsmall:\n  <<: *base\n  batch: 8\ncopy: *base\n';
    const { root, problems } = yaml(text);
    assert.deepEqual(problems, []);
    assert.equal(scalarText(at(root, 'small', 'batch')), '8');
    const mergedLr = at(root, 'small', 'lr');
    assert.deepEqual(mergedLr.range, r(1, 6, 1, 9), 'merged values keep the range of their definition');
    const small = at(root, 'small');
    assert.deepEqual(small.kind === 'map' && small.children.map((e) => [e.key, e.merged === true]), [['lr', true], ['batch', false]]);
    const copy = at(root, 'copy');
    assert.deepEqual(copy.alias, { name: 'base', targetRange: r(1, 2, 2, 11) });
    assert.deepEqual(copy.range, r(6, 6, 6, 11));
    assert.deepEqual(copy.keyRange, r(6, 0, 6, 4));
    assert.equal(scalarText(at(root, 'copy', 'batch')), '32');
    assert.deepEqual(leaves(root), ['base.lr=0.1', 'base.batch=32', 'small.batch=8']);
    assert.deepEqual(leaves(root, true), ['base.lr=0.1', 'base.batch=32', 'small.lr=0.1', 'small.batch=8', 'copy.lr=0.1', 'copy.batch=32']);
  });

  void test('nested aliases (billion laughs) stay linear; following them is capped', () => {
    const names = 'abcdefghi'.split('');
    const text = names.map((n, i) => `${n}: &${n} [${Array.from({ length: 10 }, () => (i === 0 ? 'lol' : `*${names[i - 1] ?? ''}`)).join(', ')}]`).join('\n');
    const { root, problems } = yaml(text);
    assert.deepEqual(problems, []);
    assert.equal(leaves(root).length, 10);
    assert.equal(leaves(root, true).length < 100_000, true);
  });

  void test('unknown and self-referencing aliases become null scalars with problems', () => {
    const { root, problems } = yaml('a: &a [ *a ]\nb: *nope\n');
    assert.deepEqual(problems.map((p) => p.range), [r(0, 8, 0, 10), r(1, 3, 1, 8)]);
    const b = at(root, 'b');
    assert.equal(b.kind === 'scalar' && b.value, null);
  });

  void test('custom tags are kept on the node', () => {
    const { root } = yaml('script: !reference [.setup, script]\n');
    assert.equal(at(root, 'script').tag, '!reference');
  });

  void test('multi-document streams: every document, root is the first', () => {
    const { root, documents, problems } = yaml('kind: A\n---\nkind: B\n...\n---\n');
    assert.deepEqual(problems, []);
    assert.equal(documents.length, 3);
    assert.equal(scalarText(mapGet(root, 'kind')), 'A');
    assert.equal(scalarText(mapGet(documents[1], 'kind')), 'B');
    assert.deepEqual(mapGet(documents[1], 'kind')?.range, r(2, 6, 2, 7));
    assert.equal(yaml('# only a comment\n').root, undefined);
    assert.equal(yaml('').documents.length, 0);
  });

  void test('duplicate keys are a problem; lookups take the last', () => {
    const { root, problems } = yaml('lr: 0.1\nlr: 0.2\n');
    assert.equal(problems.length, 1);
    assert.deepEqual(problems[0]?.range.start, { line: 1, column: 0 });
    assert.equal(scalarText(mapGet(root, 'lr')), '0.2');
  });

  void test('malformed YAML never throws and reports positions', () => {
    const tabs = yaml('model:\n\tlr: 0.1\n');
    assert.ok(tabs.problems.some((p) => p.range.start.line === 1 && /tab/i.test(p.message)));
    const unclosed = yaml('model: {lr: 0.1, layers: [1, 2\nseed: 1\n');
    assert.ok(unclosed.problems.length > 0);
    assert.ok(unclosed.problems.every((p) => p.range.start.line <= 2));
    const garbage = yaml('\u0000\u0001\u00ff\ufffd PK\u0003\u0004 : : - [ {\n\u0089PNG\r\n');
    assert.ok(garbage.problems.length > 0);
    const deep = yaml('['.repeat(5000));
    assert.equal(deep.root, undefined);
    assert.deepEqual(deep.problems[0]?.range, r(0, 0, 0, 1));
    const deepBlock = yaml(Array.from({ length: 600 }, (_, i) => `${'  '.repeat(i)}k:`).join('\n'));
    assert.equal(deepBlock.problems.length, 1);
  });
});

const CONFIG_JSON = `{
  "model": {
    "name": "bert-base-uncased",
    "lr": 3e-5,
    "layers": [12, 768]
  },
  "fp16": true,
  "output_dir": null,
  "tag": "caf\\u00e9 \\"v2\\""
}
`;

void describe('parseJsonConfig', () => {
  void test('values and exact ranges', () => {
    const { root, problems, documents } = json(CONFIG_JSON);
    assert.deepEqual(problems, []);
    assert.equal(documents.length, 1);
    assert.deepEqual(root?.range, r(0, 0, 9, 1));
    const lr = at(root, 'model', 'lr');
    assert.deepEqual(lr.kind === 'scalar' && lr.value, 3e-5);
    assert.deepEqual(lr.range, r(3, 10, 3, 14));
    assert.deepEqual(lr.keyRange, r(3, 4, 3, 8));
    assert.deepEqual(at(root, 'model', 'layers', 1).range, r(4, 19, 4, 22));
    assert.deepEqual(at(root, 'model').range, r(1, 11, 5, 3));
    assert.equal(scalarText(at(root, 'model', 'name')), 'bert-base-uncased');
    assert.equal(scalarText(at(root, 'fp16')), 'true');
    assert.equal(scalarText(at(root, 'tag')), 'café "v2"');
    const out = at(root, 'output_dir');
    assert.equal(out.kind === 'scalar' && out.value, null);
  });

  void test('comments and trailing commas: problems in JSON, accepted in JSONC', () => {
    const text = '{\n  // settings\n  "a": [1, 2,],\n  /* b */ "b": 1,\n}';
    const strict = json(text);
    assert.deepEqual(strict.problems.map((p) => [p.message, p.range]), [
      ['Comments are not allowed in JSON', r(1, 2, 1, 13)],
      ['Trailing commas are not allowed in JSON', r(2, 12, 2, 13)],
      ['Comments are not allowed in JSON', r(3, 2, 3, 9)],
      ['Trailing commas are not allowed in JSON', r(3, 16, 3, 17)],
    ]);
    assert.equal(scalarText(at(strict.root, 'b')), '1');
    assert.deepEqual(json(text, true).problems, []);
  });

  void test('duplicate keys are reported; lookups take the last', () => {
    const { root, problems } = json('{"lr": 1, "lr": 2}');
    assert.deepEqual(problems.map((p) => p.range), [r(0, 10, 0, 14)]);
    assert.equal(scalarText(mapGet(root, 'lr')), '2');
  });

  void test('invalid JSON: a problem with a position and the tree read so far', () => {
    const unclosed = json('{\n  "a": [1, 2\n');
    assert.equal(unclosed.problems.length, 1);
    assert.deepEqual(unclosed.problems[0]?.range, r(2, 0, 2, 0));
    assert.equal(scalarText(at(unclosed.root, 'a', 1)), '2');
    const single = json("{'a': 1}");
    assert.deepEqual(single.problems[0]?.range, r(0, 1, 0, 2));
    assert.deepEqual(json('{"a": tru}').problems[0]?.range, r(0, 6, 0, 7));
    assert.deepEqual(json('{"a": "line\nbreak"}').problems[0]?.range, r(0, 6, 0, 7));
    assert.deepEqual(json('{"a": 1} x').problems[0]?.message, 'Unexpected text after the JSON value');
    assert.deepEqual(json('{"a" 1}').problems[0]?.range, r(0, 5, 0, 6));
    assert.deepEqual(json('"\\x"').problems[0]?.range, r(0, 1, 0, 2));
    assert.equal(json('').problems.length, 1);
    assert.equal(json('\uFEFF{"a": 1}').problems.length, 0);
    assert.ok(json('\u0000\u0001\u00ff PK\u0003\u0004').problems.length > 0);
    assert.equal(json('['.repeat(100000)).problems[0]?.message, 'Nesting too deep');
  });
});

const PYPROJECT = `[project]
name = "mlproj"
dependencies = ["numpy>=1.24", "torch==2.2.0"]

[tool.hydra]
config_path = 'conf'
job.chdir = true

[[tool.mlready.rules]]
id = "a"

[[tool.mlready.rules]]
id = "b"
`;

void describe('parseTomlConfig', () => {
  void test('tables, dotted keys, arrays of tables, exact ranges', () => {
    const { root, problems } = toml(PYPROJECT);
    assert.deepEqual(problems, []);
    assert.equal(scalarText(at(root, 'project', 'name')), 'mlproj');
    assert.deepEqual(at(root, 'project', 'name').range, r(1, 7, 1, 15));
    assert.deepEqual(at(root, 'project', 'name').keyRange, r(1, 0, 1, 4));
    assert.deepEqual(at(root, 'project', 'dependencies', 1).range, r(2, 31, 2, 45));
    const path = at(root, 'tool', 'hydra', 'config_path');
    assert.equal(path.kind === 'scalar' && path.style, 'single-quoted');
    assert.equal(scalarText(at(root, 'tool', 'hydra', 'job', 'chdir')), 'true');
    assert.deepEqual(at(root, 'tool', 'hydra').range, r(4, 0, 6, 16));
    const rules = at(root, 'tool', 'mlready', 'rules');
    assert.equal(rules.kind === 'list' && rules.children.length, 2);
    assert.equal(scalarText(at(root, 'tool', 'mlready', 'rules', 1, 'id')), 'b');
    assert.deepEqual(at(root, 'tool', 'mlready', 'rules', 1).range, r(11, 0, 12, 8));
    assert.deepEqual(leaves(root).slice(0, 3), ['project.name=mlproj', 'project.dependencies.0=numpy>=1.24', 'project.dependencies.1=torch==2.2.0']);
  });

  void test('truncated TOML: a problem at the error, and the tables before it', () => {
    const { root, problems } = toml('[project]\nname = "x"\n[tool.x]\nkey = [1, 2');
    assert.equal(problems.length, 1);
    assert.equal(problems[0]?.range.start.line, 3);
    assert.equal(scalarText(at(root, 'project', 'name')), 'x');
    const dup = toml('a = 1\na = 2\n');
    assert.deepEqual(dup.problems[0]?.range, r(1, 0, 1, 1));
    assert.equal(scalarText(mapGet(dup.root, 'a')), '1');
    const unterminated = toml('name = "abc\n');
    assert.equal(unterminated.problems.length, 1);
    assert.equal(unterminated.problems[0]?.range.start.line, 0);
  });

  void test('garbage and deep nesting never throw', () => {
    assert.ok(toml('\u0000\u0001\u00ff PK\u0003\u0004 = = [[').problems.length > 0);
    assert.equal(toml(`a = ${'['.repeat(5000)}`).problems.length, 1);
  });
});

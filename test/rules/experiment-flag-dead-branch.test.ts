// Tests of experiment-flag-dead-branch: constant tests, flags set once and never changed, and the fix that deletes dead code.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { applyFixes } from '../../src/engine/fixes';
import { fixtureTest } from '../helpers/fixtures';
import { lintProject } from '../helpers/project-rule-tester';
import { pythonParser } from '../helpers/python';

const RULE = 'experiment-flag-dead-branch';
const run = async (files: Record<string, string>): Promise<string[]> =>
  (await lintProject({ [RULE]: {} }, files)).map(
    (f) => `${f.file}${f.cell === undefined ? '' : `#${String(f.cell)}`}:${String(f.range.start.line + 1)}-${String(f.range.end.line + 1)} ${f.message.split(':')[0] ?? ''}${f.related ? ` <- ${f.related.map((r) => `${r.file}:${String(r.range.start.line + 1)}`).join(',')}` : ''}`,
  );

/** Applies every fix to `train.py` and checks the dead code is gone and the result still parses. */
async function fixed(code: string): Promise<string> {
  const findings = await lintProject({ [RULE]: {} }, { 'train.py': code });
  const { text } = applyFixes(code, findings.flatMap((f) => (f.fix ? [f.fix] : [])));
  assert.equal((await pythonParser()).parse(text).hasSyntaxError, false, 'the fixed code no longer parses');
  assert.deepEqual((await lintProject({ [RULE]: {} }, { 'train.py': text })).filter((f) => f.fix), [], 'the fix did not clear its finding');
  return text;
}

describe('experiment-flag-dead-branch: constant tests', () => {
  it('reports if False, if 0, while False and the else of if True, as unnecessary code', async () => {
    const code = 'x = 1\nif False:\n    x = 2\nif 0:\n    x = 3\nwhile False:\n    x = 4\nif True:\n    x = 5\nelse:\n    x = 6\n';
    assert.deepEqual(await run({ 'a.py': code }), ['a.py:2-3 `if False', 'a.py:4-5 `if 0', 'a.py:6-7 `while False', 'a.py:10-11 `if True']);
    const findings = await lintProject({ [RULE]: {} }, { 'a.py': code });
    assert.ok(findings.every((f) => f.tags?.includes('unnecessary')));
  });

  it('the unsafe fix deletes whole dead blocks and dead else/elif clauses', async () => {
    assert.equal(await fixed('x = 1\nif False:\n    x = 2\n    y = 3\nprint(x)\n'), 'x = 1\nprint(x)\n');
    assert.equal(await fixed('if ok:\n    a()\nelif False:\n    b()\nelse:\n    c()\n'), 'if ok:\n    a()\nelse:\n    c()\n');
    assert.equal(await fixed('def f():\n    if True:\n        return 1\n    else:  # old path\n        return 2\n'), 'def f():\n    if True:\n        return 1\n');
  });

  it('offers no fix where deleting lines would break the code', async () => {
    const findings = await lintProject({ [RULE]: {} }, { 'a.py': 'def f():\n    if False:\n        g()\n\nif False: h()\nelse:\n    k()\n' });
    assert.deepEqual(findings.map((f) => [f.range.start.line + 1, f.fix === undefined]), [[2, true], [5, true]]);
  });

  it('leaves the idioms alone: if False: yield, type-checking imports, while True, if True without else', async () => {
    const code = 'def gen():\n    if False:\n        yield\n\nif False:\n    from typing import List\n\nwhile True:\n    break\nif True:\n    pass\nif TYPE_CHECKING:\n    import x\n';
    assert.deepEqual(await run({ 'a.py': code }), []);
    assert.deepEqual(await run({ 'third_party/lib/a.py': 'if False:\n    x = 1\n' }), []);
  });

  it('reports constant tests in notebook cells, in cell coordinates, without a fix', async () => {
    const nb = JSON.stringify({ cells: [{ cell_type: 'markdown', metadata: {}, source: ['# EDA'] }, { cell_type: 'code', metadata: {}, outputs: [], source: ['if 0:\n', '    slow_plot()\n'] }], metadata: { language_info: { name: 'python' } }, nbformat: 4, nbformat_minor: 5 });
    const findings = await lintProject({ [RULE]: {} }, { 'eda.ipynb': nb });
    assert.deepEqual(findings.map((f) => [f.cell, f.range.start.line, f.fix === undefined]), [[1, 0, true]]);
  });
});

describe('experiment-flag-dead-branch: flags', () => {
  it('reports the dead side of a test on a module flag set once, with the assignment related', async () => {
    const code = 'USE_AUGMENT = False\nDEBUG = True\n\ndef train():\n    if USE_AUGMENT:\n        augment()\n    if not DEBUG:\n        quiet()\n    else:\n        verbose()\n';
    assert.deepEqual(await run({ 'train.py': code }), ['train.py:5-6 `if USE_AUGMENT <- train.py:1', 'train.py:7-8 `if not DEBUG <- train.py:2']);
  });

  it('reads comparisons with booleans', async () => {
    const code = 'use_all = True\nif use_all == True:\n    a()\nelse:\n    b()\nif use_all is False:\n    c()\n';
    assert.deepEqual(await run({ 'prep.py': code }), ['prep.py:4-5 `if use_all == True <- prep.py:1', 'prep.py:6-7 `if use_all is False <- prep.py:1']);
  });

  it('follows flags imported from a constants module, and their attribute form', async () => {
    const files = { 'constants.py': 'USE_V2_LOSS = False\n', 'train.py': 'import constants\nfrom constants import USE_V2_LOSS\nif USE_V2_LOSS:\n    a()\nif constants.USE_V2_LOSS:\n    b()\n' };
    assert.deepEqual(await run(files), ['train.py:3-4 `if USE_V2_LOSS <- constants.py:1', 'train.py:5-6 `if constants.USE_V2_LOSS <- constants.py:1']);
  });

  it('is quiet when the flag can change: reassigned, global, set from another file, patched, or globals rewritten', async () => {
    const test = 'if USE_X:\n    a()\n';
    assert.deepEqual(await run({ 'a.py': `USE_X = False\nUSE_X = parse_args().x\n${test}` }), []);
    assert.deepEqual(await run({ 'a.py': `USE_X = False\ndef enable():\n    global USE_X\n    USE_X = True\n${test}` }), []);
    assert.deepEqual(await run({ 'a.py': `USE_X = False\n${test}`, 'cli.py': 'import a\na.USE_X = True\n' }), []);
    assert.deepEqual(await run({ 'a.py': `USE_X = False\n${test}`, 'tests/test_a.py': 'def test_x(monkeypatch):\n    monkeypatch.setattr("a.USE_X", True)\n' }), []);
    assert.deepEqual(await run({ 'train.py': `USE_X = False\nexec(open("configurator.py").read())\n${test}` }), []);
    assert.deepEqual(await run({ 'train.py': `USE_X = False\nglobals().update(vars(args))\n${test}` }), []);
    assert.deepEqual(await run({ 'config.py': 'USE_X = False\n', 'config_dev.py': 'from config import *\nUSE_X = True\n', 'train.py': `from config import USE_X\n${test}` }), []);
  });

  it('is quiet when a local or parameter of the same name hides the flag, and for names that are not flags', async () => {
    assert.deepEqual(await run({ 'a.py': 'DEBUG = False\ndef f(DEBUG=True):\n    if DEBUG:\n        a()\n' }), []);
    assert.deepEqual(await run({ 'a.py': 'calc_recall = False\ndef calc_recall(x):\n    return x\nif calc_recall:\n    a()\n' }), []);
    assert.deepEqual(await run({ 'a.py': 'N_LAYERS = 0\nif N_LAYERS:\n    a()\n' }), []);
    assert.deepEqual(await run({ 'train.py': 'from config import DEBUG\nDEBUG = True\nif DEBUG:\n    a()\n', 'config.py': 'DEBUG = False\n' }), []);
  });

  it('flags in notebooks are capped at info: a notebook toggle is flipped by hand', async () => {
    const nb = JSON.stringify({ cells: [{ cell_type: 'code', metadata: {}, outputs: [], source: ['full = True\n', 'if full:\n', '    a()\n', 'else:\n', '    b()\n'] }], metadata: { language_info: { name: 'python' } }, nbformat: 4, nbformat_minor: 5 });
    const findings = await lintProject({ [RULE]: {} }, { 'nb.ipynb': nb });
    assert.deepEqual(findings.map((f) => [f.cell, f.range.start.line + 1, f.severity]), [[0, 4, 'info']]);
  });
});

describe('experiment-flag-dead-branch: config flags', () => {
  const CONFIGS = { 'configs/base.yaml': 'train:\n  augment: false\n  shuffle: true\n', 'configs/large.yaml': 'train:\n  augment: false\n  shuffle: false\n' };
  const LOAD = 'import argparse, yaml\np = argparse.ArgumentParser()\np.add_argument("--config", default="configs/base.yaml")\ncfg = yaml.safe_load(open(p.parse_args().config))\n';

  it('reports a branch on a flag every config the program can load sets alike, with the configs as evidence', async () => {
    const code = `${LOAD}if cfg["train"]["augment"]:\n    augment()\nif cfg["train"]["shuffle"]:\n    shuffle()\n`;
    assert.deepEqual(await run({ ...CONFIGS, 'train.py': code }), ['train.py:5-6 `if cfg["train"]["augment"] <- configs/base.yaml:2,configs/large.yaml:2']);
    const [finding] = await lintProject({ [RULE]: {} }, { ...CONFIGS, 'train.py': code });
    assert.match(finding?.message ?? '', /train\.augment is false in configs\/base\.yaml and configs\/large\.yaml, and no code or other config sets it otherwise/);
    assert.deepEqual(finding?.tags, ['unnecessary']);
  });

  it('reads negations, comparisons with booleans, elif and get with a default; a true flag kills the branches after it', async () => {
    const configs = { 'params.yaml': 'debug: false\nlog: true\n' };
    const load = 'import yaml\ncfg = yaml.safe_load(open("params.yaml"))\n';
    assert.deepEqual(await run({ ...configs, 'a.py': `${load}if not cfg["debug"]:\n    a()\nelse:\n    b()\n` }), ['a.py:5-6 `if not cfg["debug"] <- params.yaml:1']);
    assert.deepEqual(await run({ ...configs, 'a.py': `${load}if x:\n    a()\nelif cfg["log"] is False:\n    b()\n` }), ['a.py:5-6 `elif cfg["log"] is False <- params.yaml:2']);
    assert.deepEqual(await run({ ...configs, 'a.py': `${load}if cfg.get("debug", False):\n    a()\n` }), ['a.py:3-4 `if cfg.get("debug", False) <- params.yaml:1']);
  });

  it('is quiet when the value can change: another config, a sweep, code that writes it, DVC params, Hydra, or a key no config sets', async () => {
    const test = 'if cfg["train"]["augment"]:\n    augment()\n';
    assert.deepEqual(await run({ ...CONFIGS, 'configs/sweep.yaml': 'parameters:\n  augment:\n    values: [true, false]\n', 'train.py': `${LOAD}${test}` }), []);
    assert.deepEqual(await run({ ...CONFIGS, 'configs/aug.yaml': 'train:\n  augment: true\n', 'train.py': `${LOAD}${test}` }), []);
    assert.deepEqual(await run({ ...CONFIGS, 'train.py': `${LOAD}cfg["train"]["augment"] = args.augment\n${test}` }), []);
    assert.deepEqual(await run({ ...CONFIGS, 'train.py': `${LOAD}apply_overrides(cfg)\n${test}` }), []);
    const dvc = 'stages:\n  train:\n    cmd: python train.py\n    params:\n      - train.augment\n';
    assert.deepEqual(await run({ 'params.yaml': 'train:\n  augment: false\n', 'dvc.yaml': dvc, 'train.py': `import yaml\ncfg = yaml.safe_load(open("params.yaml"))\n${test}` }), []);
    const hydra = { 'conf/config.yaml': 'defaults:\n  - _self_\ntrain:\n  augment: false\n', 'train.py': 'import hydra\n@hydra.main(config_path="conf", config_name="config")\ndef main(cfg):\n    if cfg.train.augment:\n        augment()\n' };
    assert.deepEqual(await run(hydra), []);
    assert.deepEqual(await run({ 'params.yaml': 'lr: 1\n', 'a.py': 'import yaml\ncfg = yaml.safe_load(open("params.yaml"))\nif cfg.get("amp"):\n    a()\n' }), []);
  });

  it('a flag only some configs set needs a default that agrees with them', async () => {
    const configs = { 'configs/base.yaml': 'amp: false\n', 'configs/large.yaml': 'lr: 1\n' };
    const load = 'import argparse, yaml\np = argparse.ArgumentParser()\np.add_argument("--config", default="configs/base.yaml")\ncfg = yaml.safe_load(open(p.parse_args().config))\n';
    assert.deepEqual(await run({ ...configs, 'a.py': `${load}if cfg.get("amp", False):\n    a()\n` }), ['a.py:5-6 `if cfg.get("amp", False) <- configs/base.yaml:1']);
    assert.deepEqual(await run({ ...configs, 'a.py': `${load}if cfg.get("amp", True):\n    a()\n` }), []);
    assert.deepEqual(await run({ ...configs, 'a.py': `${load}if cfg["amp"]:\n    a()\n` }), []);
  });
});

fixtureTest(RULE);

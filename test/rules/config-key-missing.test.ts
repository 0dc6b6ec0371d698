// Tests of config-key-missing: key paths read without a default from configs the code loads, where no config file defines them.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { SettingsResolver } from '../../src/engine/config/resolve';
import type { ResolvedConfig, RuleSetting } from '../../src/engine/config/types';
import { applyFixes } from '../../src/engine/fixes';
import { MemoryFileSystem, OverlayFileSystem } from '../../src/engine/fs';
import { RULES } from '../../src/engine/rules/index';
import { Workspace } from '../../src/engine/workspace';
import { fixtureTest } from '../helpers/fixtures';
import { lintProject } from '../helpers/project-rule-tester';
import { pythonParser } from '../helpers/python';

const RULE = 'config-key-missing';

/** Findings as `file:line:column key [-> suggestion]`. */
async function run(files: Record<string, string>): Promise<string[]> {
  return (await lintProject({ [RULE]: {} }, files)).map((f) => {
    const key = /defines no '([^']+)'/.exec(f.message)?.[1] ?? '?';
    const suggestion = /did you mean '([^']+)'/.exec(f.message)?.[1];
    return `${f.file}${f.cell === undefined ? '' : `#${String(f.cell)}`}:${String(f.range.start.line + 1)}:${String(f.range.start.column + 1)} ${key}${suggestion === undefined ? '' : ` -> ${suggestion}`}`;
  });
}

const PARAMS = 'prepare:\n  split: 0.2\n  seed: 20170428\ntrain:\n  seed: 20170428\n  n_estimators: 50\n  min_split: 0.01\n';
const HYDRA = {
  'conf/config.yaml': 'defaults:\n  - _self_\n  - model: mlp\n  - trainer: default\n  - experiment: null\n\nseed: 1\n',
  'conf/model/mlp.yaml': 'hidden: 64\nlayers: 2\n',
  'conf/model/cnn.yaml': 'channels: 32\nlayers: 4\n',
  'conf/trainer/default.yaml': 'max_epochs: 10\n',
  'conf/experiment/big.yaml': '# @package _global_\nmodel:\n  hidden: 512\nuse_amp: true\n',
};
const hydraMain = (body: string): string => `import hydra\nfrom omegaconf import DictConfig\n\n@hydra.main(version_base=None, config_path="../conf", config_name="config")\ndef main(cfg: DictConfig) -> None:\n${body}`;

describe('config-key-missing: reads that no config defines', () => {
  it('reports a misspelt key of params.yaml read through a sub-dict, with a did-you-mean rename', async () => {
    const code = 'import yaml\n\nparams = yaml.safe_load(open("params.yaml"))["train"]\nn_est = params["n_estimator"]\nseed = params["seed"]\n';
    assert.deepEqual(await run({ 'params.yaml': PARAMS, 'src/train.py': code }), ['src/train.py:4:17 n_estimator -> n_estimators']);
  });

  it('reports a missing top-level key and a key missing under an existing one, read from `with open(...) as f`', async () => {
    const code = 'import yaml\n\nwith open("params.yaml") as f:\n    cfg = yaml.safe_load(f)\nprint(cfg["evaluate"]["metric"], cfg["prepare"]["folds"])\n';
    assert.deepEqual(await run({ 'params.yaml': PARAMS, 'train.py': code }), ['train.py:5:12 evaluate', 'train.py:5:50 folds']);
  });

  it('reads OmegaConf attributes and getattr without a default', async () => {
    const files = { 'configs/model.yaml': 'model:\n  dropout: 0.1\n  depth: 4\n', 'train.py': 'from omegaconf import OmegaConf\n\ncfg = OmegaConf.load("configs/model.yaml")\nprint(cfg.model.dropuot, getattr(cfg.model, "width"), cfg.model.depth)\n' };
    assert.deepEqual(await run(files), ['train.py:4:17 dropuot -> dropout', 'train.py:4:46 width']);
    const [finding] = await lintProject({ [RULE]: {} }, files);
    assert.match(finding?.message ?? '', /ConfigAttributeError/);
    assert.deepEqual(finding?.related?.map((r) => `${r.file}:${String(r.range.start.line + 1)}`), ['configs/model.yaml:1']);
  });

  it('composes a Hydra tree over every option of its groups, at the groups\' keys and @package _global_', async () => {
    const body = '    print(cfg.model.hidden, cfg.model.channels, cfg.use_amp, cfg.seed)\n    print(cfg.model.dropout, cfg.trainer.max_epoch, cfg.sed)\n';
    assert.deepEqual(await run({ ...HYDRA, 'src/train.py': hydraMain(body) }), ['src/train.py:7:21 dropout', 'src/train.py:7:42 max_epoch -> max_epochs', 'src/train.py:7:57 sed -> seed']);
  });

  it('follows the config into a function of the same file that every call passes it to', async () => {
    const code = 'import yaml\n\ndef build(name, cfg):\n    return cfg["max_dept"]\n\ndef main():\n    cfg = yaml.safe_load(open("configs/train.yaml"))\n    build("gbm", cfg)\n';
    assert.deepEqual(await run({ 'configs/train.yaml': 'max_depth: 3\n', 'train.py': code }), ['train.py:4:17 max_dept -> max_depth']);
  });

  it('takes a --config default together with the configs beside it: a key any of them defines is not missing', async () => {
    const code = 'import argparse, yaml\n\np = argparse.ArgumentParser()\np.add_argument("--config", default="configs/base.yaml")\nargs = p.parse_args()\ncfg = yaml.safe_load(open(args.config))\nprint(cfg["lr"], cfg["warmup"], cfg["schedule"])\n';
    const files = { 'configs/base.yaml': 'lr: 0.1\n', 'configs/long.yaml': 'lr: 0.1\nwarmup: 100\n', 'train.py': code };
    assert.deepEqual(await run(files), ['train.py:7:38 schedule']);
    const [finding] = await lintProject({ [RULE]: {} }, files);
    assert.match(finding?.message ?? '', /configs\/base\.yaml \(the --config default\) and 1 other config in configs\//);
  });

  it('reads dvc.api.params_show() as every params file of the pipeline', async () => {
    const dvc = 'stages:\n  train:\n    cmd: python train.py\n    params:\n      - train.seed\n      - params/extra.yaml:\n          - lr\n';
    const code = 'import dvc.api\n\nparams = dvc.api.params_show()\nprint(params["train"]["seed"], params["lr"], params["train"]["sed"])\n';
    assert.deepEqual(await run({ 'params.yaml': PARAMS, 'params/extra.yaml': 'lr: 0.1\n', 'dvc.yaml': dvc, 'train.py': code }), ['train.py:4:63 sed -> seed']);
  });

  it('reports in notebook cells, in cell coordinates', async () => {
    const nb = JSON.stringify({ cells: [{ cell_type: 'code', metadata: {}, outputs: [], source: ['import yaml\n', 'cfg = yaml.safe_load(open("params.yaml"))\n'] }, { cell_type: 'code', metadata: {}, outputs: [], source: ['cfg["train"]["n_estimator"]\n'] }], metadata: {}, nbformat: 4, nbformat_minor: 5 });
    assert.deepEqual(await run({ 'params.yaml': PARAMS, 'eda.ipynb': nb }), ['eda.ipynb#1:1:15 n_estimator -> n_estimators']);
  });

  it('the rename fix reads the near key, and the finding is gone', async () => {
    const code = 'import yaml\n\nparams = yaml.safe_load(open("params.yaml"))["train"]\nn_est = params["n_estimator"]\n';
    const findings = await lintProject({ [RULE]: {} }, { 'params.yaml': PARAMS, 'train.py': code });
    assert.equal(findings[0]?.fix?.safety, 'unsafe');
    const { text } = applyFixes(code, findings.flatMap((f) => (f.fix ? [f.fix] : [])));
    assert.equal(text, code.replace('"n_estimator"', '"n_estimators"'));
    assert.equal((await pythonParser()).parse(text).hasSyntaxError, false);
    assert.deepEqual(await run({ 'params.yaml': PARAMS, 'train.py': text }), []);
  });

  it('offers no fix when several keys are near', async () => {
    const findings = await lintProject({ [RULE]: {} }, { 'params.yaml': 'seed_a: 1\nseed_b: 2\n', 'train.py': 'import yaml\ncfg = yaml.safe_load(open("params.yaml"))\ncfg["seed_c"]\n' });
    assert.equal(findings.length, 1);
    assert.equal(findings[0]?.fix, undefined);
  });
});

describe('config-key-missing: reads a naive rule gets wrong', () => {
  const load = 'import yaml\ncfg = yaml.safe_load(open("params.yaml"))\n';
  const quiet = async (code: string, extra: Record<string, string> = {}): Promise<void> => {
    assert.deepEqual(await run({ 'params.yaml': PARAMS, ...extra, 'train.py': code }), [], code);
  };

  it('keys read with a default, or checked first', async () => {
    await quiet(`${load}cfg.get("evaluate", {})\ncfg["train"].get("lr", 0.1)\ncfg.get("metric")\n`);
    await quiet(`${load}if "evaluate" in cfg:\n    print(cfg["evaluate"])\n`);
    await quiet(`${load}try:\n    lr = cfg["train"]["lr"]\nexcept KeyError:\n    lr = 0.1\n`);
    await quiet('from omegaconf import OmegaConf\ncfg = OmegaConf.load("params.yaml")\nOmegaConf.select(cfg, "train.lr", default=0.1)\ngetattr(cfg.train, "lr", 0.1)\nif hasattr(cfg, "evaluate"):\n    cfg.evaluate\n');
  });

  it('keys the code writes, merges or may add through a call it does not show', async () => {
    await quiet(`${load}cfg["train"]["lr"] = 0.1\nprint(cfg["train"]["lr"])\n`);
    await quiet(`${load}cfg.update(overrides)\nprint(cfg["evaluate"])\n`);
    await quiet(`${load}cfg.setdefault("evaluate", {})\nprint(cfg["evaluate"])\n`);
    await quiet(`${load}add_defaults(cfg)\nprint(cfg["evaluate"])\n`);
    await quiet('from omegaconf import OmegaConf\ncfg = OmegaConf.load("params.yaml")\ncfg = OmegaConf.merge(cfg, OmegaConf.from_cli())\nprint(cfg.evaluate)\n');
  });

  it('names that are not the loaded object where they are read', async () => {
    await quiet(`${load}cfg = {"evaluate": 1}\nprint(cfg["evaluate"])\n`);
    await quiet(`${load}def f(cfg):\n    return cfg["evaluate"]\n`);
    await quiet(`import yaml\ndef train(params):\n    return params["evaluate"]\n`);
  });

  it('configs it cannot see in full: another file, a path it cannot fold, interpolations, nulls, lists, custom tags', async () => {
    await quiet('import yaml, sys\ncfg = yaml.safe_load(open(sys.argv[1]))\ncfg["evaluate"]\n');
    await quiet('import yaml\ncfg = yaml.safe_load(open("/etc/app/params.yaml"))\ncfg["evaluate"]\n');
    await quiet('import yaml\ncfg = yaml.safe_load(open("setup.yaml"))\ncfg["evaluate"]\n', { 'setup.yaml': 'a: 1\n' });
    await quiet('from omegaconf import OmegaConf\ncfg = OmegaConf.load("configs/a.yaml")\nprint(cfg.model.depth, cfg.data.path, cfg.layers[0].dim)\n', { 'configs/a.yaml': 'base:\n  depth: 1\nmodel: ${base}\ndata: null\nlayers:\n  - width: 1\n' });
  });

  it('YAML merge keys and anchors define keys', async () => {
    await quiet('import yaml\ncfg = yaml.safe_load(open("configs/a.yaml"))\ncfg["small"]["lr"]\n', { 'configs/a.yaml': 'base: &base\n  lr: 0.1\nsmall:\n  <<: *base\n  depth: 2\n' });
  });

  it('attribute access on a plain dict is not a key read', async () => {
    await quiet(`${load}print(cfg.train)\n`);
  });

  it('a followed function another module imports may be called with another config', async () => {
    const code = 'import yaml\n\ndef build(cfg):\n    return cfg["max_dept"]\n\ndef main():\n    cfg = yaml.safe_load(open("configs/train.yaml"))\n    build(cfg)\n';
    assert.deepEqual(await run({ 'configs/train.yaml': 'max_depth: 3\n', 'train.py': code, 'serve.py': 'from train import build\n' }), []);
  });

  it('Hydra trees it cannot follow: a git-ignored optional config, ConfigStore schemas, package overrides, search paths', async () => {
    const body = '    print(cfg.model.dropout)\n';
    const withDefaults = (extra: string): Record<string, string> => ({ ...HYDRA, 'conf/config.yaml': `defaults:\n  - _self_\n  - model: mlp\n${extra}\nseed: 1\n`, 'src/train.py': hydraMain(body) });
    assert.deepEqual(await run(withDefaults('  - optional local: default\n')), []);
    assert.deepEqual(await run(withDefaults('  - model@backup: cnn\n')), []);
    assert.deepEqual(await run({ ...withDefaults(''), 'conf/config.yaml': 'defaults:\n  - model: mlp\nhydra:\n  searchpath:\n    - pkg://other.conf\n' }), []);
    assert.deepEqual(await run({ ...withDefaults(''), 'src/schema.py': 'from hydra.core.config_store import ConfigStore\n' }), []);
    assert.deepEqual(await run({ ...HYDRA, 'src/train.py': hydraMain('    print(cfg.hydra.run.dir, cfg.get("dropout"))\n') }), []);
  });

  it('Hydra struct mode: handing the config to other code does not add keys, so reads stay checked', async () => {
    assert.deepEqual(await run({ ...HYDRA, 'src/train.py': hydraMain('    setup(cfg)\n    print(cfg.model.dropout)\n') }), ['src/train.py:7:21 dropout']);
    assert.deepEqual(await run({ ...HYDRA, 'src/train.py': `from omegaconf import open_dict\n${hydraMain('    with open_dict(cfg):\n        cfg.model.dropout = 0.1\n    print(cfg.model.dropout)\n')}` }), []);
  });
});

describe('config-key-missing in the editor', () => {
  it('a key added to the config clears the finding without a rescan', async () => {
    const rules = new Map<string, RuleSetting>([...RULES.keys()].map((id) => [id, { severity: id === RULE ? 'warning' : 'off' }]));
    const config: ResolvedConfig = { root: '/p', profile: 'production', preset: 'mlready:recommended', rules, ignore: [], overrides: [], warnings: [], sourceTexts: [] };
    const overlay = new OverlayFileSystem(new MemoryFileSystem({ '/p/params.yaml': 'train:\n  seed: 1\n', '/p/train.py': 'import yaml\ncfg = yaml.safe_load(open("params.yaml"))\nprint(cfg["train"]["lr"])\n' }));
    const ws = new Workspace({ fs: overlay, root: '/p', settings: new SettingsResolver(config, RULES), python: await pythonParser(), git: 'off' });
    await ws.scan();
    assert.equal(ws.findings('train.py').length, 1);
    overlay.set('/p/params.yaml', 'train:\n  seed: 1\n  lr: 0.1\n');
    assert.deepEqual([...(await ws.update('params.yaml'))], ['train.py']);
    assert.deepEqual(ws.findings('train.py'), []);
  });
});

fixtureTest(RULE, [], 'dvc');
fixtureTest(RULE, [], 'hydra');

// Tests of the config-read analysis: which objects a file loads from config files, and what it reads, guards, writes and hands on.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { configReads, type ConfigReads } from '../../src/engine/analyses/config-reads';
import { SourceFile } from '../../src/engine/source-file';
import { pythonParser } from '../helpers/python';

async function analyse(code: string, path = 'src/train.py'): Promise<ConfigReads | undefined> {
  const py = new SourceFile(path, 'python', code, { python: await pythonParser() }).python;
  assert.ok(py);
  return configReads(py, path.includes('/') ? path.slice(0, path.lastIndexOf('/')) : '');
}

const summary = (r: ConfigReads | undefined): { sources?: string[]; reads?: string[] } => ({
  sources: r?.sources.map((s) => `${s.loader} ${s.variable} ${s.files.join('|')}${s.option === undefined ? '' : ` ${s.option}`}`),
  reads: r?.reads.map((x) => `${x.path.join('.')}@${String(x.from)}${x.via === undefined ? '' : ` via ${x.via}`}`),
});

describe('config reads: sources', () => {
  it('finds loads of YAML, JSON, TOML and OmegaConf files, from the root and from the file\'s folder', async () => {
    const code = 'import json, yaml, toml, tomllib\nfrom pathlib import Path\nfrom omegaconf import OmegaConf\na = yaml.safe_load(open("params.yaml"))\nb = json.load(open(Path(__file__).parent / "cfg.json"))\nc = toml.load("conf/x.toml")\nwith open("conf/y.toml", "rb") as f:\n    d = tomllib.load(f)\ne = OmegaConf.load("conf/z.yaml")\nf2 = OmegaConf.create(yaml.safe_load(Path("conf/w.yaml").read_text()))\n';
    assert.deepEqual(summary(await analyse(code)), {
      sources: ['yaml a params.yaml|src/params.yaml', 'json b src/cfg.json|src/src/cfg.json', 'toml c conf/x.toml|src/conf/x.toml', 'toml d conf/y.toml|src/conf/y.toml', 'omegaconf e conf/z.yaml|src/conf/z.yaml', 'omegaconf f2 conf/w.yaml|src/conf/w.yaml'],
      reads: [],
    });
  });

  it('follows an argparse option default, @hydra.main and dvc.api.params_show', async () => {
    const code = 'import argparse, hydra, yaml, dvc.api\np = argparse.ArgumentParser()\np.add_argument("-c", "--config-file", default="configs/base.yaml")\nargs = p.parse_args()\ncfg = yaml.safe_load(open(args.config_file))\nparams = dvc.api.params_show()\n@hydra.main(config_path="../conf", config_name="train")\ndef main(c):\n    pass\n';
    assert.deepEqual(summary(await analyse(code)).sources, ['yaml cfg configs/base.yaml|src/configs/base.yaml --config-file', 'dvc params ', 'hydra c conf/train.yaml']);
  });

  it('skips files that load nothing, paths it cannot fold, and params_show of another revision', async () => {
    assert.equal(await analyse('x = 1\n'), undefined);
    assert.equal(await analyse('import yaml, sys\ncfg = yaml.safe_load(open(sys.argv[1]))\n'), undefined);
    assert.equal(await analyse('import dvc.api\np = dvc.api.params_show(rev="v1")\n'), undefined);
    assert.equal(await analyse('import hydra\n@hydra.main(config_path=None, config_name="x")\ndef main(c):\n    pass\n'), undefined);
  });
});

describe('config reads: uses', () => {
  it('reads subscripts, aliases of sub-objects, and functions of the file every call passes the object to', async () => {
    const code = 'import yaml\nparams = yaml.safe_load(open("params.yaml"))["train"]\nseed = params["seed"]\nopt = params["optim"]\nprint(opt["lr"])\n\ndef build(p):\n    return p["depth"]\n\nbuild(params)\n';
    assert.deepEqual(summary(await analyse(code)).reads, ['train@0', 'train.seed@1', 'train.optim@1', 'train.optim.lr@2', 'train.depth@1 via build']);
  });

  it('records guards, writes and hand-offs instead of reads', async () => {
    const code = 'import yaml\ncfg = yaml.safe_load(open("p.yaml"))\ncfg.get("a", 1)\nif "b" in cfg:\n    pass\ncfg["c"]["d"] = 1\ncfg.setdefault("e", 2)\ndel cfg["f"]\nprepare(cfg["g"])\nprint(cfg["h"])\nlog.info(cfg["i"])\ntry:\n    cfg["j"]\nexcept KeyError:\n    pass\n';
    const found = await analyse(code);
    const source = found?.sources[0];
    assert.ok(source);
    assert.deepEqual(source.guarded, ['a', 'b']);
    assert.deepEqual(source.written, [['c', 'd'], ['e'], ['f']]);
    assert.deepEqual(source.escaped, [['g']]);
    assert.deepEqual(found.reads.map((r) => r.path.join('.')), ['g', 'h', 'i']);
  });

  it('gives up on a name bound twice, and on uses a parameter of the same name hides', async () => {
    assert.deepEqual((await analyse('import yaml\ncfg = yaml.safe_load(open("p.yaml"))\ncfg = {}\ncfg["x"]\n'))?.sources[0]?.written, [[]]);
    assert.deepEqual((await analyse('import yaml\ncfg = yaml.safe_load(open("p.yaml"))\ndef f(cfg):\n    return cfg["x"]\nlambda cfg: cfg["y"]\n'))?.reads, []);
  });

  it('records the `if` tests of flags with their dead code', async () => {
    const code = 'import yaml\ncfg = yaml.safe_load(open("p.yaml"))\nif not cfg["a"]:\n    x()\nelif cfg["b"] == False:\n    y()\nif cfg.get("c", True):\n    z()\nif cfg:\n    w()\n';
    const tests = (await analyse(code))?.tests.map((t) => `${t.keyword} ${t.path.join('.')} ${String(t.negated)} ${String(t.fallback)} ${String(t.whenFalse.range.start.line + 1)}`);
    assert.deepEqual(tests, ['if a true undefined 3', 'elif b true undefined 5', 'if c false true 7']);
  });
});

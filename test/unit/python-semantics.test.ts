// Tests of the Python semantics layer: import tables, name qualification, string/path folding, call arguments, file roles.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { Node } from 'web-tree-sitter';
import { PythonAnalysis } from '../../src/engine/python/analysis';
import { callArguments, type FoldedString } from '../../src/engine/python/fold';
import type { ImportBinding } from '../../src/engine/python/imports';
import { classifyPython, type FileRole } from '../../src/engine/python/roles';
import { pythonParser } from '../helpers/python';

async function analyse(code: string, fileDir = ''): Promise<PythonAnalysis> {
  const parser = await pythonParser();
  return new PythonAnalysis(parser.parse(code), code, fileDir);
}

/** The right-hand side of the last `x = ...` assignment. */
function valueOfX(a: PythonAnalysis): Node {
  const assignments = a.parsed.nodes('assignment').filter((n) => n.childForFieldName('left')?.text === 'x');
  const right = assignments[assignments.length - 1]?.childForFieldName('right');
  assert.ok(right, 'the code has no `x = ...` assignment');
  return right;
}

/** Folds the value of the last `x = ...` in the code. */
async function foldX(code: string, fileDir = ''): Promise<FoldedString | undefined> {
  const a = await analyse(code, fileDir);
  return a.fold(valueOfX(a));
}

/** Bindings without ranges, for compact comparisons. */
function bindings(a: PythonAnalysis): Omit<ImportBinding, 'range'>[] {
  return a.imports.bindings.map((b) => ({ local: b.local, qualified: b.qualified, module: b.module, level: b.level, optional: b.optional, typeCheckingOnly: b.typeCheckingOnly }));
}

const plain = { optional: false, typeCheckingOnly: false };

describe('ImportTable', () => {
  it('binds `import a.b` to its first name and `import a.b as c` to the full module', async () => {
    const a = await analyse('import os.path\nimport numpy as np\nimport torch.nn.functional as F\n');
    assert.deepEqual(bindings(a), [
      { local: 'os', qualified: 'os', module: 'os.path', level: 0, ...plain },
      { local: 'np', qualified: 'numpy', module: 'numpy', level: 0, ...plain },
      { local: 'F', qualified: 'torch.nn.functional', module: 'torch.nn.functional', level: 0, ...plain },
    ]);
    assert.equal(a.imports.resolveName('np'), 'numpy');
    assert.equal(a.imports.resolveName('F'), 'torch.nn.functional');
    assert.equal(a.imports.resolveName('torch'), undefined);
  });

  it('records several names of one import statement with their ranges', async () => {
    const a = await analyse('import os, sys as system\n');
    assert.deepEqual(
      a.imports.bindings.map((b) => [b.local, b.qualified, b.range.start.column, b.range.end.column]),
      [
        ['os', 'os', 7, 9],
        ['system', 'sys', 11, 24],
      ],
    );
  });

  it('qualifies `from a import b as c` and plain `from a.b import c`', async () => {
    const a = await analyse('from pandas import read_csv as rc, DataFrame\nfrom sklearn.model_selection import train_test_split\n');
    assert.deepEqual(bindings(a), [
      { local: 'rc', qualified: 'pandas.read_csv', module: 'pandas', level: 0, ...plain },
      { local: 'DataFrame', qualified: 'pandas.DataFrame', module: 'pandas', level: 0, ...plain },
      { local: 'train_test_split', qualified: 'sklearn.model_selection.train_test_split', module: 'sklearn.model_selection', level: 0, ...plain },
    ]);
  });

  it('keeps the dots and level of relative imports', async () => {
    const a = await analyse('from . import utils\nfrom .data import load as ld\nfrom ..pkg.sub import thing\nfrom ... import top\n');
    assert.deepEqual(
      a.imports.bindings.map((b) => [b.local, b.qualified, b.module, b.level]),
      [
        ['utils', '.utils', '.', 1],
        ['ld', '.data.load', '.data', 1],
        ['thing', '..pkg.sub.thing', '..pkg.sub', 2],
        ['top', '...top', '...', 3],
      ],
    );
    assert.deepEqual(a.imports.topLevelModules(), [], 'relative imports are not top-level modules');
  });

  it('records a wildcard import as the local name *', async () => {
    const a = await analyse('from os.path import *\nfrom .helpers import *\n');
    assert.deepEqual(
      a.imports.bindings.map((b) => [b.local, b.qualified, b.module, b.level]),
      [
        ['*', 'os.path.*', 'os.path', 0],
        ['*', '.helpers.*', '.helpers', 1],
      ],
    );
  });

  it('marks imports in a try body with an ImportError handler as optional, and only those', async () => {
    const code = [
      'try:',
      '    import ujson as json',
      'except ImportError:',
      '    import json',
      'try:',
      '    import torch',
      'except (ModuleNotFoundError, OSError):',
      '    torch = None',
      'try:',
      '    import wandb',
      'except:',
      '    wandb = None',
      'try:',
      '    import mlflow',
      'except ValueError:',
      '    pass',
      'try:',
      '    import comet_ml',
      'except Exception as e:',
      '    pass',
      '',
    ].join('\n');
    const a = await analyse(code);
    assert.deepEqual(
      a.imports.bindings.map((b) => [b.local, b.optional]),
      [
        ['json', true],
        ['json', false],
        ['torch', true],
        ['wandb', true],
        ['mlflow', false],
        ['comet_ml', true],
      ],
    );
  });

  it('marks imports under `if TYPE_CHECKING:` (bare or typing.) as type-checking only', async () => {
    const code = 'from typing import TYPE_CHECKING\nimport typing\nif TYPE_CHECKING:\n    import pandas as pd\nif typing.TYPE_CHECKING:\n    from torch import Tensor\nif DEBUG:\n    import pdb\n';
    const a = await analyse(code);
    assert.deepEqual(
      a.imports.bindings.map((b) => [b.local, b.typeCheckingOnly]),
      [
        ['TYPE_CHECKING', false],
        ['typing', false],
        ['pd', true],
        ['Tensor', true],
        ['pdb', false],
      ],
    );
  });

  it('does not mark imports in the else branch of `if TYPE_CHECKING:` as type-checking only', async () => {
    const a = await analyse('if TYPE_CHECKING:\n    from a import X\nelse:\n    import numpy\n');
    assert.deepEqual(
      a.imports.bindings.map((b) => [b.local, b.typeCheckingOnly]),
      [
        ['X', true],
        ['numpy', false],
      ],
    );
  });

  it('includes function-local imports, sorted by position', async () => {
    const a = await analyse('def main():\n    import torch\n    from transformers import AutoModel\n    return AutoModel\nimport os\n');
    assert.deepEqual(
      a.imports.bindings.map((b) => [b.local, b.qualified, b.range.start.line]),
      [
        ['torch', 'torch', 1],
        ['AutoModel', 'transformers.AutoModel', 2],
        ['os', 'os', 4],
      ],
    );
  });

  it('lists top-level modules once each and answers importsFrom for submodules only', async () => {
    const a = await analyse('import sklearn.ensemble\nfrom sklearn.model_selection import KFold\nimport pandas as pd\nfrom . import x\nimport sklearnx\n');
    assert.deepEqual(a.imports.topLevelModules(), ['pandas', 'sklearn', 'sklearnx']);
    assert.equal(a.imports.importsFrom('sklearn'), true);
    assert.equal(a.imports.importsFrom('sklearn.model_selection'), true);
    assert.equal(a.imports.importsFrom('sklearn.tree'), false);
    assert.equal(a.imports.importsFrom('torch'), false);
    assert.equal(a.imports.importsFrom('pand'), false);
  });

  it('resolves a local name to its first binding', async () => {
    const a = await analyse('import numpy as np\nimport jax.numpy as np\n');
    assert.equal(a.imports.resolveName('np'), 'numpy');
  });
});

describe('qualify and resolved calls', () => {
  it('qualifies attribute chains through their imported root', async () => {
    const code = 'import pandas as pd\nimport os.path\nfrom torch import hub\nimport numpy\npd.read_csv("a")\nos.path.join("a", "b")\nhub.load("x")\nlocal.read_csv("a")\npd.DataFrame().to_csv("b")\nnumpy.random.default_rng(0).normal()\nprint(1)\n';
    const a = await analyse(code);
    assert.deepEqual(
      a.calls.map((c) => [c.node.childForFieldName('function')?.text, c.qualified ?? null, c.shortName ?? null]),
      [
        ['pd.read_csv', 'pandas.read_csv', 'read_csv'],
        ['os.path.join', 'os.path.join', 'join'],
        ['hub.load', 'torch.hub.load', 'load'],
        ['local.read_csv', null, 'read_csv'],
        ['pd.DataFrame().to_csv', null, 'to_csv'],
        ['pd.DataFrame', 'pandas.DataFrame', 'DataFrame'],
        ['numpy.random.default_rng(0).normal', null, 'normal'],
        ['numpy.random.default_rng', 'numpy.random.default_rng', 'default_rng'],
        ['print', null, 'print'],
      ],
    );
  });

  it('qualify returns undefined for a subscript or call in the chain', async () => {
    const a = await analyse('import torch\nx = torch.models["a"].load\n');
    assert.equal(a.imports.qualify(valueOfX(a)), undefined);
    const b = await analyse('import torch\nx = torch.nn.Linear\n');
    assert.equal(b.imports.qualify(valueOfX(b)), 'torch.nn.Linear');
  });

  it('callsTo matches exact qualified names only', async () => {
    const a = await analyse('import pandas as pd\npd.read_csv("a")\npd.read_csv_extra("b")\nread_csv("c")\n');
    assert.deepEqual(
      a.callsTo(new Set(['pandas.read_csv'])).map((c) => c.node.text),
      ['pd.read_csv("a")'],
    );
  });

  it('detects both spellings of the main guard', async () => {
    assert.equal((await analyse('if __name__ == "__main__":\n    main()\n')).hasMainGuard, true);
    assert.equal((await analyse("if '__main__' == __name__:\n    main()\n")).hasMainGuard, true);
    assert.equal((await analyse('if __name__ == "main":\n    main()\n')).hasMainGuard, false);
    assert.equal((await analyse('main()\n')).hasMainGuard, false);
  });
});

describe('foldString', () => {
  it('folds plain, unicode-prefixed and triple-quoted literals', async () => {
    assert.deepEqual(await foldX('x = "data/train.csv"\n'), { value: 'data/train.csv', exact: true });
    assert.deepEqual(await foldX("x = u'abc'\n"), { value: 'abc', exact: true });
    assert.deepEqual(await foldX('x = """a\nb"""\n'), { value: 'a\nb', exact: true });
  });

  it('interprets escapes in normal strings and keeps them in raw strings', async () => {
    assert.deepEqual(await foldX('x = "a\\tb\\nc\\\\d\\x41\\u00e9\\"q"\n'), { value: 'a\tb\nc\\dAé"q', exact: true });
    assert.deepEqual(await foldX('x = r"C:\\new\\table"\n'), { value: 'C:\\new\\table', exact: true });
    assert.deepEqual(await foldX('x = "line\\\ncontinued"\n'), { value: 'linecontinued', exact: true });
  });

  it('does not fold bytes literals', async () => {
    assert.equal(await foldX('x = b"data.csv"\n'), undefined);
    assert.equal(await foldX('x = rb"data.csv"\n'), undefined);
  });

  it('joins implicit concatenation, including f-string parts', async () => {
    assert.deepEqual(await foldX('x = "data/" "raw/" "a.csv"\n'), { value: 'data/raw/a.csv', exact: true });
    assert.deepEqual(await foldX('x = ("s3://bucket/"\n     f"{split}.csv")\n'), { value: 's3://bucket/*.csv', exact: false });
  });

  it('folds f-strings: constant parts exactly, unknown parts as *', async () => {
    assert.deepEqual(await foldX('NAME = "train"\nx = f"data/{NAME}.csv"\n'), { value: 'data/train.csv', exact: true });
    assert.deepEqual(await foldX('x = f"data/{split}.csv"\n'), { value: 'data/*.csv', exact: false });
    assert.deepEqual(await foldX('x = f"{a}/{b}"\n'), { value: '*/*', exact: false });
    assert.deepEqual(await foldX('N = "v1"\nx = f"{N:>10}"\n'), { value: '*', exact: false }, 'a format spec makes the part unknown');
    assert.deepEqual(await foldX('x = f"{a!r}"\n'), { value: '*', exact: false });
  });

  it('unescapes doubled braces in f-strings', async () => {
    assert.deepEqual(await foldX('x = f"a{{b}}c"\n'), { value: 'a{b}c', exact: true });
  });

  it('folds + on strings and gives up on unknown operands', async () => {
    assert.deepEqual(await foldX('x = "data/" + "a.csv"\n'), { value: 'data/a.csv', exact: true });
    assert.deepEqual(await foldX('BASE = "s3://b"\nx = BASE + "/k/" + f"{d}.csv"\n'), { value: 's3://b/k/*.csv', exact: false });
    assert.equal(await foldX('x = "data/" + name\n'), undefined);
    assert.equal(await foldX('x = "a" + 1\n'), undefined);
    assert.equal(await foldX('x = "a" * 3\n'), undefined);
  });

  it('folds os.path.join, with an absolute part restarting the path', async () => {
    assert.deepEqual(await foldX('import os\nx = os.path.join("data", "raw", "a.csv")\n'), { value: 'data/raw/a.csv', exact: true });
    assert.deepEqual(await foldX('import os\nx = os.path.join("data/", "a.csv")\n'), { value: 'data/a.csv', exact: true });
    assert.deepEqual(await foldX('import os\nx = os.path.join("data", "/abs/a.csv")\n'), { value: '/abs/a.csv', exact: true });
    assert.deepEqual(await foldX('from os.path import join\nx = join("a", f"{b}")\n'), { value: 'a/*', exact: false });
    assert.equal(await foldX('import os\nx = os.path.join("data", name)\n'), undefined);
    assert.equal(await foldX('import os\nx = os.path.join(*parts)\n'), undefined);
    assert.equal(await foldX('x = os.path.join("a", "b")\n'), undefined, 'os is not imported: not os.path.join');
  });

  it('folds pathlib: Path(...) / parts and Path(...).joinpath(...)', async () => {
    assert.deepEqual(await foldX('from pathlib import Path\nx = Path("data") / "raw" / "a.csv"\n'), { value: 'data/raw/a.csv', exact: true });
    assert.deepEqual(await foldX('import pathlib\nx = pathlib.Path("data", "raw")\n'), { value: 'data/raw', exact: true });
    assert.deepEqual(await foldX('from pathlib import Path\nx = Path("data").joinpath("a", "b.csv")\n'), { value: 'data/a/b.csv', exact: true });
    assert.deepEqual(await foldX('from pathlib import Path\nx = str(Path("~/data").expanduser() / "a")\n'), { value: '~/data/a', exact: true });
    assert.equal(await foldX('from pathlib import Path\nx = Path() / "a"\n'), undefined);
    assert.equal(await foldX('x = Path("data") / "a"\n'), undefined, 'Path is not imported from pathlib');
  });

  it('folds a name to the last assignment before its use', async () => {
    assert.deepEqual(await foldX('DATA = "data"\nRAW = DATA + "/raw"\nx = RAW\n'), { value: 'data/raw', exact: true });
    assert.deepEqual(await foldX('DATA = "a"\nDATA = "b"\nx = DATA\n'), { value: 'b', exact: true });
    assert.deepEqual(await foldX('DATA = "a"\nx = DATA\nDATA = "b"\n'), { value: 'a', exact: true }, 'a later assignment does not count');
    assert.deepEqual(await foldX('URL: str = "s3://b/k"\nx = URL\n'), { value: 's3://b/k', exact: true }, 'annotated assignment');
  });

  it('keeps function-local bindings inside their function', async () => {
    assert.equal(await foldX('def f():\n    DATA = "a"\nx = DATA\n'), undefined);
    assert.deepEqual(await foldX('DATA = "module"\ndef f():\n    DATA = "local"\n    x = DATA\n'), { value: 'local', exact: true });
    assert.deepEqual(await foldX('DATA = "module"\ndef f():\n    x = DATA\n'), { value: 'module', exact: true });
    assert.deepEqual(await foldX('def f():\n    x = DATA\nDATA = "defined later"\n'), { value: 'defined later', exact: true }, 'a function may read a constant defined further down');
    assert.equal(await foldX('def f():\n    x = DATA\nDATA = "a"\nDATA = "b"\n'), undefined, 'but not one bound twice');
  });

  it('does not fold a name an augmented assignment changed', async () => {
    const folded = await foldX('URL = "https://h/"\nURL += "main/d.csv"\nx = URL\n');
    assert.notDeepEqual(folded, { value: 'https://h/', exact: true });
  });

  it('does not fold a name shadowed by a parameter or loop target', async () => {
    assert.equal(await foldX('DATA = "m"\ndef f(DATA):\n    x = DATA\n'), undefined);
    assert.equal(await foldX('DATA = "m"\nfor DATA in items:\n    x = DATA\n'), undefined);
  });

  it('folds Path(__file__).parent relative to the file directory', async () => {
    const code = 'from pathlib import Path\nx = Path(__file__).parent / "data" / "a.csv"\n';
    assert.deepEqual(await foldX(code, 'src/pkg'), { value: 'src/pkg/data/a.csv', exact: true });
    assert.deepEqual(await foldX('from pathlib import Path\nx = Path(__file__).resolve().parent.parent / "data"\n', 'src/pkg'), { value: 'src/data', exact: true });
    assert.deepEqual(await foldX(code, ''), { value: './data/a.csv', exact: true });
    assert.deepEqual(await foldX('import os\nx = os.path.join(os.path.dirname(os.path.abspath(__file__)), "a.csv")\n', 'src'), { value: 'src/a.csv', exact: true });
  });

  it('folds str.format with placeholders as *', async () => {
    assert.deepEqual(await foldX('x = "data/{}/{split}.csv".format(a, split=b)\n'), { value: 'data/*/*.csv', exact: false });
    assert.deepEqual(await foldX('x = "data.csv".format()\n'), { value: 'data.csv', exact: true });
    assert.equal(await foldX('x = name.format(1)\n'), undefined);
  });

  it('keeps escaped braces of str.format literal', async () => {
    assert.deepEqual(await foldX('x = "{{a}}-{}".format(1)\n'), { value: '{a}-*', exact: false });
  });

  it('returns undefined for expressions that are not strings', async () => {
    assert.equal(await foldX('x = 42\n'), undefined);
    assert.equal(await foldX('x = load()\n'), undefined);
    assert.equal(await foldX('x = unknown_name\n'), undefined);
    assert.equal(await foldX('x = cfg.path\n'), undefined);
  });

  it('stops at the recursion limit instead of looping on self-referential constants', async () => {
    assert.equal(await foldX('A = B\nB = A\nx = A\n'), undefined);
  });
});

describe('callArguments', () => {
  async function argsOf(code: string): Promise<{ positional: string[]; keywords: [string, string][]; hasSplat: boolean }> {
    const a = await analyse(code);
    const call = a.parsed.nodes('call')[0];
    assert.ok(call);
    const args = callArguments(call);
    return { positional: args.positional.map((n) => n.text), keywords: [...args.keywords].map(([k, v]) => [k, v.text]), hasSplat: args.hasSplat };
  }

  it('separates positional and keyword arguments and skips comments', async () => {
    assert.deepEqual(await argsOf('f(a, "b",  # why\n  k=1, other=g(2))\n'), {
      positional: ['a', '"b"'],
      keywords: [
        ['k', '1'],
        ['other', 'g(2)'],
      ],
      hasSplat: false,
    });
  });

  it('flags *args and **kwargs splats without listing them', async () => {
    assert.deepEqual(await argsOf('f(a, *rest, k=1, **kw)\n'), { positional: ['a'], keywords: [['k', '1']], hasSplat: true });
    assert.deepEqual(await argsOf('f(**params)\n'), { positional: [], keywords: [], hasSplat: true });
  });

  it('treats a lone generator argument as one positional', async () => {
    assert.deepEqual(await argsOf('sum(x for x in y)\n'), { positional: ['(x for x in y)'], keywords: [], hasSplat: false });
  });

  it('gives an empty list for an empty call', async () => {
    assert.deepEqual(await argsOf('f()\n'), { positional: [], keywords: [], hasSplat: false });
  });
});

describe('classifyPython', () => {
  async function roles(path: string, code: string, isNotebook = false): Promise<FileRole[]> {
    return [...classifyPython(path, await analyse(code), isNotebook)].sort();
  }

  it('a script with a main guard that calls .fit on a training library is training', async () => {
    const code = 'from sklearn.ensemble import RandomForestClassifier\ndef main():\n    m = RandomForestClassifier()\n    m.fit(X, y)\nif __name__ == "__main__":\n    main()\n';
    assert.deepEqual(await roles('scripts/run_experiment.py', code), ['training']);
  });

  it('.fit without a main guard or a training file name is not training', async () => {
    const code = 'from sklearn.preprocessing import StandardScaler\ndef scale(X):\n    return StandardScaler().fit(X)\n';
    assert.deepEqual(await roles('pkg/features.py', code), ['library']);
  });

  it('a training file name with a training library is a training entrypoint when it runs as a program', async () => {
    assert.deepEqual(await roles('train_model.py', 'import xgboost as xgb\n'), ['training'], 'a top-level script');
    assert.deepEqual(await roles('src/train_model.py', 'import xgboost as xgb\nif __name__ == "__main__":\n    pass\n'), ['training']);
    assert.deepEqual(await roles('src/pkg/trainer.py', 'import xgboost as xgb\n'), ['library'], 'a module of a package defines training code but is not a run');
    assert.deepEqual(await roles('train_model.py', 'import os\n'), ['library'], 'a training name alone is not enough');
  });

  it('a FastAPI app is serving, whatever its name', async () => {
    const code = 'from fastapi import FastAPI\napp = FastAPI()\n@app.post("/predict")\ndef predict(x: dict):\n    return model.predict(x)\n';
    assert.deepEqual(await roles('service/main.py', code), ['serving']);
  });

  it('a file named like a server is serving without serving imports', async () => {
    assert.deepEqual(await roles('deploy/inference_server.py', 'import json\n'), ['serving']);
  });

  it('a pipeline file is pipeline', async () => {
    assert.deepEqual(await roles('dags/etl.py', 'from airflow import DAG\n'), ['pipeline']);
  });

  it('tests are tests only, by file name or folder', async () => {
    const training = 'from sklearn.ensemble import RandomForestClassifier\nif __name__ == "__main__":\n    RandomForestClassifier().fit(X, y)\n';
    assert.deepEqual(await roles('tests/test_train.py', training), ['test']);
    assert.deepEqual(await roles('pkg/model_test.py', training), ['test']);
    assert.deepEqual(await roles('conftest.py', 'import pytest\n'), ['test']);
    assert.deepEqual(await roles('test/helpers.py', 'import os\n'), ['test']);
    assert.deepEqual(await roles('src/testing_utils.py', 'import os\n'), ['library']);
  });

  it('a module without a main guard and no other role is a library; a plain script is not', async () => {
    assert.deepEqual(await roles('pkg/utils.py', 'def helper():\n    return 1\n'), ['library']);
    assert.deepEqual(await roles('scripts/report.py', 'if __name__ == "__main__":\n    print(1)\n'), []);
  });

  it('a notebook that fits a model is a training notebook, never a library', async () => {
    const code = 'from sklearn.linear_model import LogisticRegression\nclf = LogisticRegression()\nclf.fit(X, y)\n';
    assert.deepEqual(await roles('notebooks/explore.ipynb', code, true), ['notebook', 'training']);
    assert.deepEqual(await roles('notebooks/eda.ipynb', 'import pandas as pd\ndf = pd.read_csv("a.csv")\n', true), ['notebook']);
  });

  it('without an analysis only path-based roles apply', () => {
    assert.deepEqual([...classifyPython('tests/test_a.py', undefined, false)], ['test']);
    assert.deepEqual([...classifyPython('nb.ipynb', undefined, true)], ['notebook']);
    assert.deepEqual([...classifyPython('pkg/a.py', undefined, false)], []);
  });
});

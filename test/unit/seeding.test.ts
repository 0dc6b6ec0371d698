// Unit tests of the randomness model: which calls draw, which seed, which helpers are opaque, which files train.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { SourceFile } from '../../src/engine/source-file';
import { classifyPath } from '../../src/engine/file-kinds';
import { isOpaqueSeedHelper, isTrainingEntrypoint, isUnseededGenerator, randomUses, seededLibraries, seedsOf } from '../../src/engine/python/seeding';
import { pythonParser } from '../helpers/python';

async function analyse(code: string, path = 'train.py'): Promise<SourceFile> {
  return new SourceFile(path, classifyPath(path), code, { python: await pythonParser() });
}

describe('seededLibraries', () => {
  it('knows each library seeder and the ones that seed everything', async () => {
    const cases: [string, string[]][] = [
      ['import random\nrandom.seed(1)\n', ['random']],
      ['import numpy as np\nnp.random.seed(1)\n', ['numpy']],
      ['import numpy as np\nrng = np.random.default_rng(7)\n', ['numpy']],
      ['import numpy as np\nrng = np.random.default_rng()\n', []],
      ['import torch\ntorch.cuda.manual_seed_all(1)\n', ['torch']],
      ['import tensorflow as tf\ntf.random.set_seed(1)\n', ['tensorflow']],
      ['from tensorflow import keras\nkeras.utils.set_random_seed(1)\n', ['numpy', 'random', 'tensorflow', 'torch']],
      ['import pytorch_lightning as pl\npl.seed_everything(1)\n', ['numpy', 'random', 'tensorflow', 'torch']],
      ['from transformers import set_seed\nset_seed(1)\n', ['numpy', 'random', 'tensorflow', 'torch']],
      ['from accelerate.utils import set_seed\nset_seed(1)\n', ['numpy', 'random', 'tensorflow', 'torch']],
      ['from myproj.utils import fix_all_seeds\nfix_all_seeds(1)\n', ['numpy', 'random', 'tensorflow', 'torch']],
      ['import torch\ntorch.seed()\nprint(torch.initial_seed())\n', []],
      ['import numpy as np\nss = np.random.SeedSequence(1)\n', []],
      ['g = torch.Generator()\ng.manual_seed(0)\nenv.seed(0)\n', []],
    ];
    for (const [code, expected] of cases) {
      const py = (await analyse(code)).python;
      assert.ok(py);
      assert.deepEqual([...seededLibraries(py)].sort(), expected, code);
    }
  });

  it('a Hugging Face trainer seeds in its constructor', async () => {
    const py = (await analyse('from transformers import Trainer\nt = Trainer(model=m)\n')).python;
    assert.ok(py);
    assert.equal(seedsOf(py.calls[0] ?? assert.fail()).length, 4);
  });
});

describe('randomUses', () => {
  it('names the library of each draw, in document order', async () => {
    const py = (await analyse('import random, torch\nimport numpy as np\nrandom.shuffle(x)\nnp.random.rand(3)\nm = torch.nn.Linear(2, 2)\nz = torch.zeros(3)\n')).python;
    assert.ok(py);
    assert.deepEqual(randomUses(py).map((u) => u.library), ['random', 'numpy', 'torch']);
  });

  it('does not count draws given their own seed or generator', async () => {
    const py = (await analyse('import tensorflow as tf\nimport torch\na = tf.random.normal([2], seed=1)\nb = torch.randn(2, generator=g)\nc = torch.nn.init.zeros_(w)\n')).python;
    assert.ok(py);
    assert.deepEqual(randomUses(py), []);
  });

  it('standalone Keras is seeded by NumPy, random or TensorFlow; tf.keras only by TensorFlow', async () => {
    const standalone = (await analyse('from keras.layers import Dense\nd = Dense(3)\n')).python;
    const tfKeras = (await analyse('import tensorflow as tf\nd = tf.keras.layers.Dense(3)\n')).python;
    assert.ok(standalone && tfKeras);
    assert.deepEqual([...(randomUses(standalone)[0]?.seededBy ?? [])].sort(), ['numpy', 'random', 'tensorflow']);
    assert.deepEqual(randomUses(tfKeras)[0]?.seededBy, ['tensorflow']);
  });

  it('an unseeded generator stays unseeded whatever the global seed', async () => {
    const py = (await analyse('import numpy as np\nnp.random.seed(0)\nrng = np.random.default_rng()\n')).python;
    assert.ok(py);
    const [use] = randomUses(py);
    assert.ok(use && isUnseededGenerator(use.call));
  });
});

describe('isOpaqueSeedHelper', () => {
  it('is true for imported project helpers only', async () => {
    const py = (await analyse('from utils import set_seeds\nimport lightning as L\ndef seed_here(s):\n    pass\nset_seeds(1)\nL.seed_everything(1)\nseed_here(1)\n')).python;
    assert.ok(py);
    const defined = new Set(['seed_here']);
    assert.deepEqual(py.calls.map((c) => isOpaqueSeedHelper(c, defined)), [true, false, false]);
  });
});

describe('isTrainingEntrypoint', () => {
  it('adds torch and Keras training the role classifier misses, never tests or library modules', async () => {
    const torchLoop = 'import torch\nopt = torch.optim.SGD(p, lr=0.1)\nloss.backward()\n';
    const keras = 'import tensorflow as tf\nmodel.compile(loss="mse")\nmodel.fit(X, y)\n';
    const cases: [string, string, boolean][] = [
      [torchLoop, 'train.py', true],
      [`${torchLoop}if __name__ == "__main__":\n    main()\n`, 'run.py', true],
      [torchLoop, 'pkg/engine.py', false],
      [torchLoop, 'tests/test_loop.py', false],
      [keras, 'fit_model.py', true],
      ['import torch\nx = torch.randn(3)\n', 'train.py', false],
    ];
    for (const [code, path, expected] of cases) {
      const file = await analyse(code, path);
      assert.ok(file.python);
      assert.equal(isTrainingEntrypoint(path, file.roles, file.python), expected, `${path}: ${code}`);
    }
  });
});

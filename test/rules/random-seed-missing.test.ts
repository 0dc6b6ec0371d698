// Tests of random-seed-missing: training entrypoints that draw random numbers from a library they never seed.
import rule from '../../src/engine/rules/reproducibility/random-seed-missing';
import { fixtureTest } from '../helpers/fixtures';
import { ruleTester } from '../helpers/rule-tester';

const TORCH_LOOP = 'import torch\nmodel = torch.nn.Linear(4, 1)\nopt = torch.optim.SGD(model.parameters(), lr=0.1)\nloss = model(x).sum()\nloss.backward()\n';

ruleTester(rule, {
  valid: [
    { name: 'seeded with torch.manual_seed', code: `${TORCH_LOOP}torch.manual_seed(0)\n` },
    { name: 'Lightning seed_everything seeds every library', code: 'import lightning as L\nimport numpy as np\nimport torch\nL.seed_everything(42)\nx = np.random.rand(3)\nm = torch.nn.Linear(3, 1)\nm(x).sum().backward()\n' },
    { name: 'a project helper named like a seeder (its body is in another file)', code: `from utils.repro import set_seed\nset_seed(1)\n${TORCH_LOOP}` },
    { name: 'a helper defined in the file', code: `def fix_all_seeds(s):\n    torch.manual_seed(s)\n\n${TORCH_LOOP}` },
    { name: 'a seeded default_rng counts for NumPy', code: 'import numpy as np\nfrom sklearn.linear_model import SGDClassifier\nrng = np.random.default_rng(7)\nidx = np.random.permutation(10)\nSGDClassifier(random_state=0).fit(X, y)\n' },
    { name: 'library module (no entrypoint) is not checked', filename: 'src/models.py', code: 'import torch\nclass Net(torch.nn.Module):\n    def __init__(self):\n        self.fc = torch.nn.Linear(3, 1)\n' },
    { name: 'tests are not entrypoints', filename: 'tests/test_train.py', code: TORCH_LOOP },
    { name: 'the Hugging Face Trainer seeds itself (set_seed(args.seed) in its constructor)', code: 'import torch\nfrom transformers import Trainer\nfrom torch.utils.data import DataLoader\ndl = DataLoader(ds, shuffle=True)\ntrainer = Trainer(model=model, args=args)\ntrainer.train()\nloss.backward()\n' },
    { name: 'sklearn estimators seeded per call draw nothing global', code: 'from sklearn.ensemble import RandomForestClassifier\nfrom sklearn.model_selection import train_test_split\na, b = train_test_split(X, random_state=1)\nRandomForestClassifier(random_state=1).fit(X, y)\n' },
    { name: 'reading torch.initial_seed() is not seeding, and nothing random is drawn', code: 'import torch\nprint(torch.initial_seed())\nopt = torch.optim.SGD(params, lr=0.1)\nloss.backward()\n' },
    { name: 'standalone Keras is seeded by NumPy (Keras 2 draws its seeds from it)', code: 'import numpy as np\nnp.random.seed(3)\nfrom keras.models import Sequential\nfrom keras.layers import Dense\nm = Sequential([Dense(4)])\nm.compile("adam", "mse")\nm.fit(X, y)\n' },
    { name: 'a DataLoader that does not shuffle draws nothing', code: 'import torch\nfrom torch.utils.data import DataLoader\ndl = DataLoader(ds, shuffle=False, num_workers=2)\nopt = torch.optim.Adam(params)\nloss.backward()\n' },
    { name: 'sklearn alone is left to random-state-unset, which reports each call with a fix', code: 'from sklearn.model_selection import train_test_split\nfrom sklearn.ensemble import RandomForestClassifier\nXtr, Xte = train_test_split(X)\nRandomForestClassifier().fit(Xtr, y)\n' },
    { name: 'a sklearn .fit() before any compile() is not Keras training', code: 'import numpy as np\nimport tensorflow as tf\nfrom sklearn.linear_model import LinearRegression\nnp.random.seed(1)\nLinearRegression().fit(X, y)\nlayer = tf.keras.layers.Flatten()\n' },
  ],
  invalid: [
    {
      name: 'torch layers and no seed',
      code: TORCH_LOOP,
      errors: [{ messageId: 'unseeded', line: 2, column: 9 }],
    },
    {
      name: 'NumPy seeded, torch not: only torch is named',
      code: `import numpy as np\nnp.random.seed(0)\nnoise = np.random.randn(3)\n${TORCH_LOOP}`,
      errors: [{ messageId: 'unseeded', line: 5 }],
    },
    {
      name: 'default_rng() without a seed, even with a global seed',
      code: 'import numpy as np\nimport torch\nnp.random.seed(0)\ntorch.manual_seed(0)\nrng = np.random.default_rng()\nopt = torch.optim.SGD(params, lr=0.1)\nloss.backward()\n',
      errors: [{ messageId: 'unseeded', line: 5, column: 7 }],
    },
    {
      name: 'tf.keras training is seeded by TensorFlow only, reported at fit()',
      filename: 'train_keras.py',
      code: 'import numpy as np\nimport tensorflow as tf\nnp.random.seed(1)\nmodel = build()\nmodel.compile(optimizer="adam", loss=tf.keras.losses.MeanSquaredError())\nmodel.fit(X, y, epochs=3)\n',
      errors: [{ messageId: 'unseeded', line: 6 }],
    },
    {
      name: 'Python random in a shuffled notebook training cell',
      filename: 'explore.ipynb',
      code: JSON.stringify({ cells: [
        { cell_type: 'code', source: 'import random\nimport torch\n', outputs: [] },
        { cell_type: 'code', source: 'torch.manual_seed(0)\nrandom.shuffle(rows)\nopt = torch.optim.Adam(m.parameters())\nloss.backward()\n', outputs: [] },
      ], metadata: {}, nbformat: 4, nbformat_minor: 5 }),
      errors: [{ messageId: 'unseeded', line: 2, cell: 1 }],
    },
    {
      name: 'sklearn without random_state joins another unseeded draw (NumPy and PyTorch named, first draw reported)',
      code: `from sklearn.model_selection import train_test_split\nXtr, Xte = train_test_split(X)\n${TORCH_LOOP}`,
      errors: [{ messageId: 'unseeded', line: 2 }],
    },
    {
      name: 'a seed argument that is parsed but never used',
      code: `import argparse\np = argparse.ArgumentParser()\np.add_argument("--seed", type=int, default=1)\nargs = p.parse_args()\n${TORCH_LOOP}`,
      errors: [{ messageId: 'unseeded', line: 6 }],
    },
  ],
});

fixtureTest('random-seed-missing');

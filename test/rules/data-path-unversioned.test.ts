// Tests of data-path-unversioned: reads of local data and model files that DVC, Git LFS and Git do not version.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import rule from '../../src/engine/rules/data/data-path-unversioned';
import { fixtureTest } from '../helpers/fixtures';
import { lintProject } from '../helpers/project-rule-tester';
import { ruleTester } from '../helpers/rule-tester';

/** Any DVC metadata makes the project one that versions data, so the rule judges reads even without Git information. */
const DVC = { 'data/raw.dvc': 'outs:\n- md5: 0c9d0a1b2c3d4e5f60718293a4b5c6d7.dir\n  nfiles: 3\n  path: raw\n' };
const LFS = { '.gitattributes': '*.pkl filter=lfs diff=lfs merge=lfs -text\nmodels/** filter=lfs diff=lfs merge=lfs -text\n' };
const notebook = (...cells: string[]): string =>
  JSON.stringify({ cells: cells.map((source) => ({ cell_type: 'code', execution_count: null, metadata: {}, outputs: [], source })), metadata: { language_info: { name: 'python' } }, nbformat: 4, nbformat_minor: 5 });

ruleTester(rule, {
  valid: [
    { name: 'a file inside a DVC-tracked folder', code: 'import pandas as pd\ndf = pd.read_csv("data/raw/customers.csv")\n', files: DVC },
    { name: 'the DVC-tracked folder itself', code: 'from datasets import load_from_disk\nds = load_from_disk("./data/raw")\n', files: DVC },
    { name: 'a .dvc file next to the data', code: 'import pandas as pd\ndf = pd.read_parquet("data/events.parquet")\n', files: { 'data/events.parquet.dvc': 'outs:\n- md5: 1d2e3f\n  path: events.parquet\n' } },
    {
      name: 'a dvc.yaml stage output, and a foreach output with ${item}',
      code: 'import pandas as pd\na = pd.read_parquet("data/processed/train.parquet")\nb = pd.read_parquet("data/features/test/x.parquet")\n',
      files: { 'dvc.yaml': 'stages:\n  prepare:\n    cmd: python prepare.py\n    outs:\n      - data/processed/train.parquet\n  featurize:\n    foreach: [train, test]\n    do:\n      cmd: python featurize.py ${item}\n      outs:\n        - data/features/${item}\n' },
    },
    { name: 'an LFS pattern', code: 'import joblib\nm = joblib.load("artifacts/model.pkl")\n', files: LFS },
    { name: 'an LFS folder pattern', code: 'import torch\nm = torch.load("models/best.pt")\n', files: LFS },
    { name: 'written earlier in the same file', code: 'import pandas as pd\ndf.to_csv("data/clean.csv")\nclean = pd.read_csv("data/clean.csv")\n', files: DVC },
    { name: 'np.save adds .npy itself', code: 'import numpy as np\nnp.save("cache_x", x)\nx = np.load("cache_x.npy")\n', files: DVC },
    {
      name: 'downloaded when missing, then read',
      code: 'import os\nimport urllib.request\nimport pandas as pd\nPATH = "data/external/iris.csv"\nif not os.path.exists(PATH):\n    urllib.request.urlretrieve(URL, PATH)\ndf = pd.read_csv(PATH)\n',
      files: DVC,
    },
    {
      name: 'extracted into a folder above the read path',
      code: 'import tarfile\nimport pandas as pd\nwith tarfile.open(tgz) as t:\n    t.extractall(path="datasets")\ndf = pd.read_csv("datasets/housing/housing.csv")\n',
      files: DVC,
    },
    { name: 'a path from arguments is not guessed at', code: 'import pandas as pd\ndf = pd.read_csv(args.train_path)\n', files: DVC },
    { name: 'absolute, home, URL and glob paths are other rules\' business', code: 'import pandas as pd\nimport polars as pl\na = pd.read_csv("/mnt/shared/x.csv")\nb = pd.read_csv("~/x.csv")\nc = pd.read_csv("s3://b/x.csv")\nd = pl.scan_parquet("data/part-*.parquet")\n', files: DVC },
    { name: 'a path that leaves the project', code: 'import pandas as pd\ndf = pd.read_csv("../shared/x.csv")\n', files: DVC },
    { name: 'open() for writing, and open() of a non-data file', code: 'import json\nwith open("data/out.pkl", "wb") as f:\n    f.write(b)\ncfg = json.load(open("config.json"))\n', files: DVC },
    { name: 'test files read their own fixtures', filename: 'tests/test_features.py', code: 'import pandas as pd\ndf = pd.read_csv("tests/fixtures/sample.csv")\n', files: DVC },
    { name: 'no Git information and no DVC or LFS: nothing to compare with', code: 'import pandas as pd\ndf = pd.read_csv("data/train.csv")\n' },
    { name: 'no Git information, but the file is in the working tree and may be committed', code: 'import pandas as pd\ndf = pd.read_csv("data/lookup.csv")\n', files: { ...DVC, 'data/lookup.csv': 'a,b\n1,2\n' } },
    { name: 'a checkpoint read back from a run-output folder', code: 'import torch\nckpt = torch.load("checkpoints/last.ckpt")\nout = torch.load("out/ckpt.pt")\n', files: DVC },
    { name: 'a notebook reads ../data relative to its own folder', filename: 'notebooks/eda.ipynb', code: notebook('import pandas as pd\n', 'df = pd.read_csv("../data/raw/customers.csv")\n'), files: DVC },
    { name: 'Path(__file__).parent joins from the file\'s folder', filename: 'src/churn/data.py', code: 'from pathlib import Path\nimport pandas as pd\nHERE = Path(__file__).parent\ndf = pd.read_csv(HERE / "regions.csv")\n', files: { ...DVC, 'src/churn/regions.csv.dvc': 'outs:\n- md5: 9a\n  path: regions.csv\n' } },
  ],
  invalid: [
    {
      name: 'a read DVC does not cover in a project that uses DVC',
      code: 'import pandas as pd\ndf = pd.read_parquet("data/external/extra.parquet")\n',
      files: DVC,
      errors: [{ messageId: 'unversioned', line: 2, column: 22 }],
    },
    {
      name: 'a sibling with a common prefix is not inside the DVC folder',
      code: 'import pandas as pd\ndf = pd.read_csv("data/raw_extra.csv")\n',
      files: DVC,
      errors: [{ messageId: 'unversioned', line: 2, column: 18 }],
    },
    {
      name: 'open(..., "rb") of a pickle, and torch/numpy/joblib loads',
      code: 'import pickle\nimport joblib\nimport numpy as np\nimport torch\nwith open("models/encoder.pkl", "rb") as f:\n    enc = pickle.load(f)\nemb = np.load("data/emb.npy")\nm = joblib.load(filename="data/model.joblib")\nw = torch.load("weights/resnet.pt", map_location="cpu")\n',
      files: DVC,
      errors: [
        { messageId: 'unversioned', line: 5, column: 11 },
        { messageId: 'unversioned', line: 7, column: 15 },
        { messageId: 'unversioned', line: 8, column: 26 },
        { messageId: 'unversioned', line: 9, column: 16 },
      ],
    },
    {
      name: 'np.memmap reads in mode r (third argument), writes in w+',
      code: 'import numpy as np\nout = np.memmap("data/new.bin", np.float32, "w+", shape=(3,))\ntrain = np.memmap("data/train.bin", np.uint16, "r")\n',
      files: DVC,
      errors: [{ messageId: 'unversioned', line: 3, column: 19 }],
    },
    {
      name: 'printing or logging a path does not make the file',
      code: 'import logging\nimport pandas as pd\nlog = logging.getLogger()\nPATH = "data/holdout.csv"\nlog.info(PATH)\nprint(PATH)\ndf = pd.read_csv(PATH)\n',
      files: LFS,
      errors: [{ messageId: 'unversioned', line: 7, column: 18 }],
    },
    {
      name: 'a notebook, reported in its cell',
      filename: 'notebooks/eda.ipynb',
      code: notebook('import pandas as pd\n', 'df = pd.read_csv("../data/interim/joined.csv")\n'),
      files: DVC,
      errors: [{ messageId: 'unversioned', line: 1, column: 18, cell: 1 }],
    },
  ],
});

describe('data-path-unversioned with Git tracking', () => {
  const files = {
    'train.py': 'import pandas as pd\nsmall = pd.read_csv("data/lookup.csv")\nbig = pd.read_csv("data/big.csv")\nnew = pd.read_csv("data/new.csv")\nmissing = pd.read_csv("data/raw/train.csv")\n',
    'data/lookup.csv': 'a,b\n1,2\n',
    'data/big.csv': 'x\n'.repeat(600_000),
    'data/new.csv': 'a\n',
  };
  const tracked = ['train.py', 'data/lookup.csv', 'data/big.csv'];

  it('a small tracked file is fine; a large one, an uncommitted one and a missing one are not', async () => {
    const findings = await lintProject({ 'data-path-unversioned': { maxTrackedMb: 1 } }, files, { tracked });
    assert.deepEqual(findings.map((f) => `${f.file}:${f.range.start.line + 1} ${f.subject} ${/plain Git/.test(f.message) ? 'large' : 'unversioned'}`), [
      'train.py:3 path data/big.csv large',
      'train.py:4 path data/new.csv unversioned',
      'train.py:5 path data/raw/train.csv unversioned',
    ]);
  });

  it('an empty index (nothing committed yet) is no evidence: the rule stays quiet', async () => {
    assert.deepEqual(await lintProject({ 'data-path-unversioned': {} }, files, { tracked: [] }), []);
  });
});

fixtureTest('data-path-unversioned');

// Tests of absolute-local-path: paths that exist on one machine only, in code, notebooks, configs and shell scripts.
import assert from 'node:assert/strict';
import { it } from 'node:test';
import rule, { findLocalPath } from '../../src/engine/rules/reproducibility/absolute-local-path';
import { fixtureTest } from '../helpers/fixtures';
import { ruleTester } from '../helpers/rule-tester';

ruleTester(rule, {
  valid: [
    { name: 'container and platform layouts', code: 'import pandas as pd\na = pd.read_csv("/app/data/train.csv")\nb = "/opt/ml/input/data/train"\nc = "/kaggle/input/titanic/train.csv"\nd = "/workspace/out"\ne = "/data/raw.parquet"\nf = "/tmp/cache"\n' },
    { name: 'tool conventions under ~ resolve on every machine', code: 'cfg = "~/.kaggle/kaggle.json"\ncache = "~/.cache/huggingface"\n' },
    { name: 'the Colab Drive mount point itself', code: 'from google.colab import drive\ndrive.mount("/content/drive")\nsample = "/content/sample_data/mnist_test.csv"\n' },
    { name: 'docstrings and help texts describe paths', code: 'def load(path):\n    """Loads e.g. /home/alice/data/train.csv."""\n    return path\nparser.add_argument("--data", help="for example /home/alice/data")\n' },
    { name: 'URLs are not local paths', code: 'url = "https://example.com/home/alice/file.csv"\nbucket = "s3://bucket/Users/alice/x"\n' },
    { name: 'home paths built from the user name', code: 'import os\np = f"/home/{os.environ[\'USER\']}/data"\nq = "/home/" + user + "/data"\nr = "/home/$USER/data"\n' },
    { name: 'GitHub runners and Jupyter Docker stacks have fixed homes', code: 'a = "/home/runner/work/repo"\nb = "/home/jovyan/work"\n' },
    { name: 'regexes and Windows-like text that is not a path', code: 'import re\ndrive = re.compile(r"^[A-Za-z]:\\\\")\nratio = "16:9"\nt = "a:/"\n' },
    { name: 'escape sequences after a colon, and Windows system folders', code: 'print("Top K:\\t%d" % k)\ncuda_home = "C:\\\\Program Files\\\\NVIDIA GPU Computing Toolkit\\\\CUDA"\ncudnn = "C:\\\\NVIDIA\\\\cuda\\\\include\\\\cudnn.h"\n' },
    { name: 'test files feed path functions sample paths', filename: 'tests/test_paths.py', code: 'assert norm("/home/alice/x") == "/home/alice/x"\n' },
    { name: 'comments are not code', code: '# data lives in /home/alice/data on my laptop\nx = 1\n' },
    { name: 'docker-compose: container-side paths', filename: 'docker-compose.yml', code: 'services:\n  app:\n    working_dir: /home/devel/project\n    volumes:\n      - ../:/home/devel/project\n' },
    { name: 'shell: shebang and comments', filename: 'run.sh', code: '#!/usr/bin/env bash\n# copy to /home/alice/backup when done\npython train.py --data ./data\n' },
  ],
  invalid: [
    {
      name: 'a home folder in code',
      code: 'import pandas as pd\ndf = pd.read_csv("/home/alice/projects/churn/data.csv")\n',
      errors: [{ messageId: 'localPath', line: 2, column: 18 }],
    },
    {
      name: 'macOS home, Windows drive (raw and escaped), mounted disks',
      code: 'a = "/Users/bob/Desktop/x.csv"\nb = r"C:\\Users\\bob\\data"\nc = "D:\\\\datasets\\\\imgs"\nd = "/mnt/c/Users/bob/data"\ne = "/media/bob/USB/data"\nf = "/Volumes/External/data"\n',
      errors: [
        { messageId: 'localPath', line: 1 },
        { messageId: 'localPath', line: 2 },
        { messageId: 'localPath', line: 3 },
        { messageId: 'localPath', line: 4 },
        { messageId: 'localPath', line: 5 },
        { messageId: 'localPath', line: 6 },
      ],
    },
    {
      name: 'a Colab Drive folder and a personal folder under ~',
      code: 'root = "/content/drive/MyDrive/thesis/data"\nraw = "~/Downloads/train.csv"\n',
      errors: [
        { messageId: 'localPath', line: 1 },
        { messageId: 'localPath', line: 2 },
      ],
    },
    {
      name: 'inside a command line and an f-string',
      code: 'import os\nos.system("python prep.py --out /home/alice/out")\nsplit = "train"\np = f"/home/alice/data/{split}.csv"\n',
      errors: [
        { messageId: 'localPath', line: 2 },
        { messageId: 'localPath', line: 4 },
      ],
    },
    {
      name: 'a notebook cell',
      filename: 'eda.ipynb',
      code: JSON.stringify({ cells: [
        { cell_type: 'markdown', source: 'Data is in /home/alice/data', metadata: {} },
        { cell_type: 'code', source: 'import pandas as pd\ndf = pd.read_csv("C:/Users/alice/Documents/data.csv")\n', outputs: [{ output_type: 'stream', name: 'stdout', text: '/home/alice/x' }], metadata: {} },
      ], metadata: {}, nbformat: 4, nbformat_minor: 5 }),
      errors: [{ messageId: 'localPath', line: 2, cell: 1 }],
    },
    {
      name: 'a YAML config value',
      filename: 'configs/train.yaml',
      code: 'data:\n  root: /home/alice/datasets/cifar\n  # root: /home/bob/other\n  batch_size: 64\n',
      errors: [{ messageId: 'localPath', line: 2, column: 9 }],
    },
    {
      name: 'an exported conda environment with its prefix',
      filename: 'environment.yml',
      code: 'name: ml\ndependencies:\n  - numpy=1.26.4\nprefix: /home/alice/miniconda3/envs/ml\n',
      errors: [{ messageId: 'localPath', line: 4 }],
    },
    {
      name: 'a shell script',
      filename: 'scripts/train.sh',
      code: '#!/bin/bash\nDATA=/media/alice/ssd/imagenet\npython train.py --data "$DATA" --out /home/alice/runs  # keep\n',
      errors: [
        { messageId: 'localPath', line: 2, column: 6 },
        { messageId: 'localPath', line: 3, column: 38 },
      ],
    },
    {
      name: 'docker-compose: the host side of a volume',
      filename: 'docker-compose.yml',
      code: 'services:\n  app:\n    volumes:\n      - /home/alice/data:/data\n',
      errors: [{ messageId: 'localPath', line: 4 }],
    },
  ],
});

it('findLocalPath names the path up to a quote or a space', () => {
  assert.equal(findLocalPath('cp /home/alice/a.csv ./b')?.path, '/home/alice/a.csv');
  assert.equal(findLocalPath('file:///Users/bob/x.txt')?.path, '/Users/bob/x.txt');
  assert.equal(findLocalPath('/home/'), undefined);
});

fixtureTest('absolute-local-path');

// Tests of import-undeclared-dependency: imports no manifest declares, and the many imports that need no declaration.
import rule from '../../src/engine/rules/dependencies/import-undeclared-dependency';
import { fixtureTest } from '../helpers/fixtures';
import { ruleTester } from '../helpers/rule-tester';

/** A one-cell-per-source Python notebook. */
const notebook = (...cells: string[]): string =>
  JSON.stringify({ cells: cells.map((source) => ({ cell_type: 'code', execution_count: null, metadata: {}, outputs: [], source })), metadata: { language_info: { name: 'python' } }, nbformat: 4, nbformat_minor: 5 });

const REQS = { 'requirements.txt': 'pandas==2.2.2\nscikit-learn==1.4.2\nopencv-python-headless==4.9.0.80\nPyYAML==6.0.1\n' };

ruleTester(rule, {
  valid: [
    { name: 'standard library, including modules later Pythons removed', code: 'import os, json\nimport distutils.util\nfrom __future__ import annotations\nimport tomllib\n', files: REQS },
    { name: 'import names that differ from their distribution', code: 'import sklearn\nfrom sklearn.svm import SVC\nimport cv2\nimport yaml\nimport pandas as pd\n', files: REQS },
    { name: 'conda names and pip section of an environment', code: 'import torch\nimport xgboost\nimport PIL.Image\n', files: { 'environment.yml': 'dependencies:\n  - pytorch=2.1\n  - py-xgboost=2.0.3\n  - pip:\n    - pillow==10.3.0\n' } },
    { name: 'dev groups count as declarations', filename: 'tests/test_model.py', code: 'import pytest\n', files: { 'pyproject.toml': '[project]\nname = "churn"\ndependencies = []\n\n[dependency-groups]\ndev = ["pytest>=8"]\n' } },
    { name: 'first-party package, src layout and sibling module', filename: 'scripts/train.py', code: 'import churn\nfrom churn.features import build\nimport helpers\nfrom . import local\n', files: { ...REQS, 'src/churn/__init__.py': '', 'src/churn/features.py': '', 'scripts/helpers.py': '' } },
    { name: 'the project itself by its declared name', code: 'import churn_model\n', files: { 'pyproject.toml': '[project]\nname = "churn-model"\ndependencies = ["pandas"]\n' } },
    { name: 'optional imports', code: 'try:\n    import wandb\nexcept ImportError:\n    wandb = None\nfrom typing import TYPE_CHECKING\nif TYPE_CHECKING:\n    import boto3\nif find_spec("mlflow"):\n    import mlflow\nif _SH_AVAILABLE:\n    import sh\n', files: REQS },
    { name: 'an import in a branch that never runs', code: 'if False:\n    from imblearn.over_sampling import SMOTE\n', files: REQS },
    { name: 'no manifest at all: nothing to compare with', code: 'import numpy\nimport torch\n' },
    { name: 'a setup.py holds the declarations, unread', filename: 'src/pkg/model.py', code: 'import torch\n', files: { 'setup.py': 'from setuptools import setup\nsetup(install_requires=["torch"])\n', 'setup.cfg': '[flake8]\nmax-line-length = 99\n', 'src/pkg/__init__.py': '' } },
    { name: 'setup.py itself runs with build requirements', filename: 'setup.py', code: 'from setuptools import setup\nimport versioneer\n', files: REQS },
    { name: 'a notebook that installs what it imports', filename: 'explore.ipynb', code: notebook('%pip install -q jiwer "umap-learn>=0.5"\n!pip install git+https://github.com/openai/whisper.git', 'import jiwer\nimport umap\nimport whisper\n'), files: REQS },
    { name: 'notebook hosts and IPython in a notebook', filename: 'colab.ipynb', code: notebook('from google.colab import drive\nfrom IPython.display import display\nimport kaggle_secrets'), files: REQS },
    { name: 'a notebook that clones a repository imports its modules', filename: 'demo.ipynb', code: notebook('!git clone https://github.com/o/tool\nimport tool_utils'), files: REQS },
    { name: 'generated protobuf modules', code: 'import person_pb2\n', files: REQS },
    { name: 'configured ignoreModules', code: 'import internal_sdk.client\n', files: REQS, options: { ignoreModules: ['internal_sdk'] } },
    { name: 'files of a project template', filename: '{{ cookiecutter.module_name }}/config.py', code: 'import loguru\n', files: REQS },
    { name: 'a local module reached through sys.path', filename: 'code/train/train.py', code: 'import sys\nsys.path.append("../lib")\nimport feature_utils\n', files: { ...REQS, 'code/lib/feature_utils.py': '' } },
  ],
  invalid: [
    {
      name: 'a transitive dependency is not a declaration',
      code: 'import numpy as np\nimport pandas as pd\n',
      files: REQS,
      errors: [{ messageId: 'undeclared', line: 1, column: 8 }],
    },
    {
      name: 'from-imports point at the module, once per distribution per file',
      code: 'from matplotlib import pyplot as plt\nfrom matplotlib.colors import Normalize\nfrom dateutil import parser\n',
      files: REQS,
      errors: [
        { messageId: 'undeclared', line: 1, column: 6 },
        { messageId: 'undeclared', line: 3, column: 6 },
      ],
    },
    {
      name: 'namespace packages by their full name',
      code: 'from google.cloud import storage\nfrom google.cloud import bigquery\n',
      files: { 'requirements.txt': 'google-cloud-storage==2.16.0\n' },
      errors: [{ messageId: 'undeclared', line: 2, column: 6 }],
    },
    {
      name: 'an unknown module is reported with its guessed distribution',
      code: 'import rootutils\n',
      files: REQS,
      errors: [{ messageId: 'undeclaredGuess', line: 1, column: 8 }],
    },
    {
      name: 'a script folder named like a distribution does not shadow it',
      filename: 'scripts/transformers/run.py',
      code: 'import transformers\n',
      files: { 'scripts/transformers/requirements.txt': 'datasets==2.19.0\n', 'scripts/transformers/utils.py': '' },
      errors: [{ messageId: 'undeclared', line: 1 }],
    },
    {
      name: 'a notebook import is reported in its cell',
      filename: 'eda.ipynb',
      code: notebook('import pandas as pd', 'import seaborn as sns\nsns.set()'),
      files: REQS,
      errors: [{ messageId: 'undeclared', line: 1, column: 8, cell: 1 }],
    },
    {
      name: 'an import guarded by something else than availability',
      code: 'import sys\nif sys.platform == "win32":\n    import win32api\n',
      files: REQS,
      errors: [{ messageId: 'undeclared', line: 3, column: 12 }],
    },
  ],
});

fixtureTest('import-undeclared-dependency');

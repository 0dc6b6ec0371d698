// Tests of remote-data-unpinned: hub loads without revision, branch URLs, unversioned URLs and object-store paths.
import rule from '../../src/engine/rules/data/remote-data-unpinned';
import { fixtureTest } from '../helpers/fixtures';
import { ruleTester } from '../helpers/rule-tester';

const SHA = '3f6a1c2b9d8e7f60516273849a0b1c2d3e4f5a6b';

ruleTester(rule, {
  valid: [
    { name: 'dataset with a revision', code: `from datasets import load_dataset\nds = load_dataset("imdb", revision="${SHA}")\n` },
    { name: 'builtin csv loader reads local files', code: 'from datasets import load_dataset\nds = load_dataset("csv", data_files="data/train.csv")\n' },
    { name: 'a local folder that exists in the project', code: 'from datasets import load_dataset\nds = load_dataset("corpora/reviews")\n', files: { 'corpora/reviews/train.jsonl': '{}' } },
    { name: 'model from a local path', code: 'from transformers import AutoModel\nm = AutoModel.from_pretrained("./checkpoints/best")\n' },
    { name: 'model from a usual output folder', code: 'from transformers import AutoModel\nm = AutoModel.from_pretrained("outputs/run1")\n' },
    { name: 'model id from a variable is unknown', code: 'from transformers import AutoModel\nm = AutoModel.from_pretrained(args.model_name)\n' },
    { name: 'pinned model', code: `from transformers import AutoTokenizer\nt = AutoTokenizer.from_pretrained("bert-base-uncased", revision="${SHA}")\n` },
    { name: 'a local class with from_pretrained', code: 'from .model import Net\nm = Net.from_pretrained("gpt2")\n' },
    { name: 'torch hub with a tag', code: 'import torch\nm = torch.hub.load("pytorch/vision:v0.16.0", "resnet18")\n' },
    { name: 'torch hub from a local dir', code: 'import torch\nm = torch.hub.load("hubconf_dir", "net", source="local")\n' },
    { name: 'URL pinned to a commit', code: `import pandas as pd\ndf = pd.read_csv("https://raw.githubusercontent.com/o/r/${SHA}/d.csv")\n` },
    { name: 'URL pinned to a release tag', code: 'import pandas as pd\ndf = pd.read_csv("https://raw.githubusercontent.com/o/r/v1.2.0/d.csv")\n' },
    { name: 'local file', code: 'import pandas as pd\ndf = pd.read_csv("data/raw/train.csv")\n' },
    { name: 'download verified with hashlib in the same function', code: 'import hashlib\nimport urllib.request\ndef fetch(dst):\n    urllib.request.urlretrieve("https://example.org/data.csv", dst)\n    assert hashlib.sha256(open(dst, "rb").read()).hexdigest() == EXPECTED\n' },
    { name: 'keras get_file with a hash', code: 'from tensorflow.keras.utils import get_file\np = get_file("d.zip", "https://example.org/d.zip", file_hash="abc123")\n' },
    { name: 'S3 object with a version id', code: 'import pandas as pd\ndf = pd.read_parquet("s3://bucket/train.parquet?versionId=3HL4kqtJlcpXroDTDmJ")\n' },
    { name: 'an f-string whose unknown part may be the version', code: 'import pandas as pd\ndf = pd.read_csv(f"https://example.org/data/{VERSION}/train.csv")\n' },
    { name: 'kaggle dataset with a version', code: 'import kagglehub\np = kagglehub.dataset_download("owner/ds/versions/3")\n' },
    { name: 'requests to an API is not a data read', code: 'import requests\nr = requests.get("https://api.example.org/v1/predict")\n' },
  ],
  invalid: [
    {
      name: 'hub dataset without revision',
      code: 'from datasets import load_dataset\nds = load_dataset("imdb", split="train")\n',
      errors: [{ messageId: 'hubNoRevision', line: 2, column: 6 }],
    },
    {
      name: 'model id through a module constant',
      code: 'from transformers import AutoModelForSequenceClassification as M\nMODEL = "distilbert-base-uncased"\nm = M.from_pretrained(MODEL, num_labels=2)\n',
      errors: [{ messageId: 'hubNoRevision', line: 3 }],
    },
    {
      name: 'hf_hub_download and snapshot_download',
      code: 'from huggingface_hub import hf_hub_download, snapshot_download\np = hf_hub_download("org/model", "model.safetensors")\nq = snapshot_download(repo_id="org/data", repo_type="dataset")\n',
      errors: [
        { messageId: 'hubNoRevision', line: 2 },
        { messageId: 'hubNoRevision', line: 3 },
      ],
    },
    {
      name: 'torch hub without tag and on main',
      code: 'import torch\na = torch.hub.load("pytorch/vision", "resnet18")\nb = torch.hub.load("pytorch/vision:main", "resnet50")\n',
      errors: [
        { messageId: 'torchHubNoRef', line: 2 },
        { messageId: 'mutableRef', line: 3 },
      ],
    },
    {
      name: 'CSV from a branch URL, built with os.path.join-free concatenation',
      code: 'import pandas as pd\nBASE = "https://raw.githubusercontent.com/org/repo/master/"\ndf = pd.read_csv(BASE + "data/train.csv")\n',
      errors: [{ messageId: 'mutableRef', line: 3, column: 18 }],
    },
    {
      name: 'f-string with a mutable ref in its known part',
      code: 'import pandas as pd\ndf = pd.read_csv(f"https://huggingface.co/datasets/o/d/resolve/main/{name}.csv")\n',
      errors: [{ messageId: 'mutableRef', line: 2 }],
    },
    {
      name: 'unversioned URL read straight into a data frame',
      code: 'import pandas as pd\ndf = pd.read_csv("https://archive.ics.uci.edu/ml/machine-learning-databases/iris/iris.data")\n',
      errors: [{ messageId: 'unversionedUrl', line: 2 }],
    },
    {
      name: 'download without checksum',
      code: 'from urllib.request import urlretrieve\nurlretrieve("https://example.org/weights.bin", "w.bin")\n',
      errors: [{ messageId: 'unversionedUrl', line: 2 }],
    },
    {
      name: 'object store path',
      code: 'import pandas as pd\ndf = pd.read_parquet("s3://ml-data/churn/train.parquet")\n',
      errors: [{ messageId: 'objectStoreUnversioned', line: 2 }],
    },
    {
      name: 'kaggle without a version',
      code: 'import kagglehub\np = kagglehub.model_download("google/gemma/pyTorch/2b")\n',
      errors: [{ messageId: 'kaggleNoVersion', line: 2 }],
    },
  ],
});

fixtureTest('remote-data-unpinned');

// Tests of remote-data-unpinned: hub loads without revision, branch URLs, unversioned URLs and object-store paths.
import rule from '../../src/engine/rules/data/remote-data-unpinned';
import { fixtureTest } from '../helpers/fixtures';
import { ruleTester } from '../helpers/rule-tester';

const SHA = '3f6a1c2b9d8e7f60516273849a0b1c2d3e4f5a6b';

/** A one-cell-per-source Python notebook. */
const notebook = (...cells: string[]): string =>
  JSON.stringify({ cells: cells.map((source) => ({ cell_type: 'code', execution_count: null, metadata: {}, outputs: [], source })), metadata: { language_info: { name: 'python' } }, nbformat: 4, nbformat_minor: 5 });

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
    { name: 'a release number in the path or the file name names a version', code: 'import urllib.request\nurllib.request.urlretrieve("https://ai.example.edu/data/aclImdb_v1.tar.gz", "a.tgz")\nurllib.request.urlretrieve("https://example.org/XNLI/XNLI-1.0.zip", "x.zip")\nurllib.request.urlretrieve("https://object.example.org/OPUS-MultiUN/v1/moses/en-es.txt.zip", "e.zip")\n' },
    { name: 'GitHub release asset read in Python', code: 'import pandas as pd\ndf = pd.read_csv("https://github.com/o/r/releases/download/v2/d.csv")\n' },
    // Shell downloads: what a naive grep for wget/curl would get wrong.
    { name: 'shell: download verified with sha256sum -c later in the script', filename: 'scripts/get_data.sh', code: 'wget -q https://example.org/data/train.csv\nwget -q https://example.org/data/test.csv\nsha256sum -c data.sha256\n' },
    { name: 'shell: echo <hash> | sha256sum --check', filename: 'get.sh', code: 'curl -LO https://example.org/d.zip\necho "9f86d0818  d.zip" | sha256sum --check\n' },
    { name: 'shell: curl to an API, a health check, a POST', filename: 'smoke.sh', code: 'curl -fsS http://localhost:8080/health\ncurl -X POST -H "Content-Type: application/json" -d @req.json https://api.example.org/v1/predict\ncurl https://api.example.org/v1/models\n' },
    { name: 'shell: installers piped to sh are tools, not data', filename: 'setup.sh', code: 'curl -sSL https://install.python-poetry.org | python3 -\nwget https://repo.anaconda.com/miniconda/Miniconda3-latest-Linux-x86_64.sh\n' },
    { name: 'shell: GitHub release asset and commit-pinned raw URL', filename: 'get.sh', code: `wget https://github.com/o/r/releases/download/v1.2/data.zip\ncurl -O https://raw.githubusercontent.com/o/r/${SHA}/d.csv\n` },
    { name: 'shell: a variable may hold the version', filename: 'get.sh', code: 'wget "https://example.org/data/$VERSION/train.csv"\n' },
    { name: 'shell: a variable assigned twice is no longer exact', filename: 'get.sh', code: 'URL=https://example.org/v1/train.csv\nif [ "$NEW" ]; then URL=https://example.org/v2/train.csv; fi\nwget "$URL"\n' },
    { name: 'shell: a loop variable is not the value assigned before the loop', filename: 'get.sh', code: 'F=https://example.org/a.csv\nfor F in $(cat urls.txt); do\n  wget "$F"\ndone\n' },
    { name: 'shell: upload to S3 is not a download; s3api with a version id', filename: 'sync.sh', code: 'aws s3 sync data/ s3://bucket/data/\naws s3api get-object --bucket b --key train.csv --version-id 3HL4kqtJ train.csv\n' },
    { name: 'shell: kaggle dataset with a version, hub download with a revision', filename: 'get.sh', code: `kaggle datasets download owner/ds/versions/4 -p data\nhuggingface-cli download org/model --revision ${SHA}\n` },
    { name: 'shell: heredoc bodies and comments are not commands', filename: 'doc.sh', code: '# wget https://example.org/a.csv\ncat <<EOF\nwget https://example.org/a.csv\nEOF\n' },
    { name: 'make: checksum in the same recipe', filename: 'Makefile', code: 'data:\n\twget -O data/raw.csv https://example.org/raw.csv\n\tsha256sum -c data/raw.csv.sha256\n' },
    { name: 'make: a define block is a variable, not a recipe', filename: 'Makefile', code: 'define FETCH\n\twget https://example.org/raw.csv\nendef\n' },
    { name: 'dvc.yaml: dvc import-url is versioned by DVC', filename: 'dvc.yaml', code: 'stages:\n  get:\n    cmd: dvc import-url https://example.org/raw.csv data/raw.csv\n' },
    { name: 'ci: a python step is not shell', filename: '.github/workflows/data.yml', code: 'on: push\njobs:\n  a:\n    runs-on: ubuntu-latest\n    steps:\n      - shell: python\n        run: print("wget https://example.org/raw.csv")\n' },
    { name: 'notebook: !wget of a GitHub release asset', filename: 'nb.ipynb', code: notebook('!wget https://github.com/o/r/releases/download/0.1/data_v0.1.zip\n') },
    { name: 'notebook: IPython {expr} may hold the version', filename: 'nb.ipynb', code: notebook('base = get_base()\n', '!wget {base}/train.csv\n') },
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
    {
      name: 'shell: wget from a branch, over a continued line',
      filename: 'scripts/download_data.sh',
      code: 'set -e\nwget -q -O "$DEST/telco.csv" \\\n  "https://raw.githubusercontent.com/acme/bench/master/telco.csv"\n',
      errors: [{ messageId: 'mutableRef', line: 3, column: 3 }],
    },
    {
      name: 'shell: a URL built from script variables; a hub file whose name is unknown',
      filename: 'dev/download_starter_pack.sh',
      code: 'BASE_URL="https://huggingface.co/datasets/acme/pack/resolve/main/"\ndownload() {\n  local FILE_URL="${BASE_URL}$1?download=true"\n  curl -s -L -o "$2" "$FILE_URL"\n}\nMIRROR=https://example.org/pack\nwget "$MIRROR/train.bin"\n',
      errors: [
        { messageId: 'mutableRef', line: 4, column: 22 },
        { messageId: 'unversionedUrl', line: 7, column: 6 },
      ],
    },
    {
      name: 'an API version is not the data\'s version',
      filename: 'get.sh',
      code: 'wget "https://storage.example.com/v0/b/bucket/o/SST-2.zip?alt=media"\ncurl -o d.csv https://example.org/api/v1/export.csv\n',
      errors: [
        { messageId: 'unversionedUrl', line: 1, column: 6 },
        { messageId: 'unversionedUrl', line: 2, column: 15 },
      ],
    },
    {
      name: 'shell: a checksum before the download does not verify it',
      filename: 'get.sh',
      code: 'sha256sum -c old.sha256\ncurl -L -o data/iris.data https://archive.ics.uci.edu/ml/machine-learning-databases/iris/iris.data\n',
      errors: [{ messageId: 'unversionedUrl', line: 2, column: 27 }],
    },
    {
      name: 'shell: object stores, kaggle and hub without versions',
      filename: 'get.sh',
      code: 'gsutil -m cp -r gs://ml-data/churn/ data/\naws s3 cp s3://ml-data/train.parquet data/ && echo ok\nkaggle datasets download -d owner/ds --unzip\nhuggingface-cli download org/model\n',
      errors: [
        { messageId: 'objectStoreUnversioned', line: 1, column: 17 },
        { messageId: 'objectStoreUnversioned', line: 2, column: 11 },
        { messageId: 'kaggleCliNoVersion', line: 3, column: 29 },
        { messageId: 'hubCliNoRevision', line: 4, column: 26 },
      ],
    },
    {
      name: 'make: recipe download; a checksum in another target does not count',
      filename: 'Makefile',
      code: 'DATA_URL = https://example.org/raw.csv\n.PHONY: data verify\ndata:\n\t@curl -sSL -o data/raw.csv https://example.org/raw.csv\nverify:\n\tsha256sum -c data/raw.csv.sha256\n',
      errors: [{ messageId: 'unversionedUrl', line: 4, column: 29 }],
    },
    {
      name: 'make: an unknown bucket cannot hold a version',
      filename: 'Makefile',
      code: 'sync_data_down:\n\taws s3 sync s3://$(BUCKET)/data/ data/\n',
      errors: [{ messageId: 'objectStoreUnversioned', line: 2, column: 14 }],
    },
    {
      name: 'dvc.yaml: a stage that downloads its input',
      filename: 'dvc.yaml',
      code: 'stages:\n  download:\n    cmd: wget -O data/raw.zip https://example.org/exports/raw.zip\n    outs:\n      - data/raw.zip\n',
      errors: [{ messageId: 'unversionedUrl', line: 3, column: 31 }],
    },
    {
      name: 'ci: a run step downloading test data from a branch',
      filename: '.github/workflows/ci.yml',
      code: 'on: push\njobs:\n  test:\n    runs-on: ubuntu-latest\n    steps:\n      - name: Fetch fixtures\n        run: |\n          mkdir -p data\n          curl -sSLo data/sample.csv https://raw.githubusercontent.com/acme/fixtures/main/sample.csv\n',
      errors: [{ messageId: 'mutableRef', line: 9, column: 38 }],
    },
    {
      name: 'notebook: !wget and a %%bash cell, reported in cell coordinates',
      filename: 'explore.ipynb',
      code: notebook('import pandas as pd\n!wget -q https://example.org/data/train.csv\n', '%%bash\ncurl -O https://huggingface.co/datasets/o/d/resolve/main/test.csv\n'),
      errors: [
        { messageId: 'unversionedUrl', line: 2, column: 10, cell: 0 },
        { messageId: 'mutableRef', line: 2, column: 9, cell: 1 },
      ],
    },
  ],
});

fixtureTest('remote-data-unpinned');

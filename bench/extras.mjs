// Non-Python corpus files: nbformat-4 notebooks, Hydra/DVC YAML, requirements, pyproject, CI workflow, .gitignore.
import { NOUNS, ADJS, COLS, VERBS } from './prng.mjs';
import { Ctx, notebookBlock } from './py-file.mjs';

/** nbformat stores sources as line arrays that keep their trailing newlines, except the last line. */
function srcLines(text) {
  const lines = text.split('\n');
  return lines.map((l, i) => (i < lines.length - 1 ? `${l}\n` : l)).filter((l) => l !== '');
}

function fakePng(r) {
  const n = r.int(2000, 24000);
  const buf = Buffer.alloc(n);
  buf.set([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
  for (let i = 8; i < n; i++) buf[i] = (r.next() * 256) | 0;
  return buf.toString('base64') + '\n';
}

function htmlTable(r, cols) {
  const rows = [];
  rows.push('<div>\n', '<table border="1" class="dataframe">\n', '  <thead>\n', '    <tr style="text-align: right;">\n', '      <th></th>\n');
  for (const c of cols) rows.push(`      <th>${c}</th>\n`);
  rows.push('    </tr>\n', '  </thead>\n', '  <tbody>\n');
  for (let i = 0; i < 5; i++) {
    rows.push('    <tr>\n', `      <th>${i}</th>\n`);
    for (let j = 0; j < cols.length; j++) rows.push(`      <td>${r.float(0, 1000, 2)}</td>\n`);
    rows.push('    </tr>\n');
  }
  rows.push('  </tbody>\n', '</table>\n', '</div>');
  return rows;
}

const MAGICS = ['%matplotlib inline', '%load_ext autoreload\n%autoreload 2', '!pip install xgboost==1.7.6 lightgbm', '!pip install -q shap', '%config InlineBackend.figure_format = "retina"', '!nvidia-smi'];
const LOOKS = ['df.head()', 'df.describe().T', 'df.shape', 'df["label"].value_counts(normalize=True)', 'df.isna().mean().sort_values(ascending=False).head(20)', 'df.dtypes'];

export function buildNotebook(r, title) {
  const ctx = new Ctx('notebook', null, new Set());
  ctx.imp('import logging');
  ctx.imp('import pandas as pd');
  const cells = [];
  let count = 0;
  let cellNo = 0;
  const id = () => `${(cellNo++).toString(16).padStart(4, '0')}${r.int(0x1000, 0xffff).toString(16)}`;
  // Some notebooks were saved half-run: later cells keep execution_count null.
  const executedUntil = r.chance(0.7) ? Infinity : r.int(3, 20);
  const code = (text, outputs = []) => {
    const ran = cells.length < executedUntil;
    const n = ran ? (count += r.chance(0.15) ? r.int(2, 9) : 1) : null;
    for (const o of outputs) if (o.output_type === 'execute_result') o.execution_count = n;
    cells.push({ cell_type: 'code', execution_count: n, id: id(), metadata: {}, outputs: ran ? outputs : [], source: srcLines(text) });
  };
  const md = (text) => cells.push({ cell_type: 'markdown', id: id(), metadata: {}, source: srcLines(text) });

  md(`# ${title}\n\nExploration notebook: ${r.pick(VERBS)} the ${r.pick(ADJS)} ${r.pick(NOUNS)} data and try a first model.`);
  const magics = r.sample(MAGICS, r.int(0, 3));
  const body = [];
  const n = r.int(6, 40);
  for (let i = 0; i < n; i++) {
    const k = r.int(0, 9);
    if (k < 2) body.push(['md', `## ${r.pick(VERBS)} ${r.pick(NOUNS)}s\n\n- check ${r.pick(COLS)} for leakage\n- compare against the ${r.pick(ADJS)} baseline`]);
    else if (k < 5) body.push(['look', r.pick(LOOKS)]);
    else body.push(['block', notebookBlock(r, ctx), ctx.exports[ctx.exports.length - 1]]);
  }
  code([ctx.header(), '', 'logger = logging.getLogger(__name__)'].join('\n'));
  if (magics.length > 0) code(magics.join('\n'), magics.some((m) => m.startsWith('!pip')) ? [{ name: 'stdout', output_type: 'stream', text: ['Requirement already satisfied: numpy in /opt/conda/lib/python3.10/site-packages (1.26.2)\n', 'Successfully installed shap-0.44.0\n'] }] : []);
  code('df = pd.read_csv("data/raw/train.csv")\ndf.head()', [{ data: { 'text/html': htmlTable(r, r.sample(COLS, 6)), 'text/plain': ['   a  b\n', '0  1  2'] }, execution_count: null, metadata: {}, output_type: 'execute_result' }]);
  for (const [kind, text, fn] of body) {
    if (kind === 'md') md(text);
    else if (kind === 'look') code(text, [{ data: { 'text/plain': [`${r.int(1000, 999999)} rows x ${r.int(5, 80)} columns`] }, execution_count: null, metadata: {}, output_type: 'execute_result' }]);
    else {
      const timed = r.chance(0.15) ? '%%time\n' : '';
      const call = fn && /^[a-z]/.test(fn) ? `\n\nresult = ${fn}(df)` : '';
      const outs = [];
      if (r.chance(0.3)) outs.push({ name: 'stdout', output_type: 'stream', text: Array.from({ length: r.int(1, 12) }, (_, e) => `epoch ${e} loss ${r.float(0, 2, 4)}\n`) });
      if (r.chance(0.2)) outs.push({ data: { 'image/png': fakePng(r), 'text/plain': ['<Figure size 640x480 with 1 Axes>'] }, metadata: {}, output_type: 'display_data' });
      if (r.chance(0.04)) outs.push({ ename: 'KeyError', evalue: `'${r.pick(COLS)}'`, output_type: 'error', traceback: ['\u001b[0;31mKeyError\u001b[0m                                  Traceback (most recent call last)', `\u001b[0;31mKeyError\u001b[0m: '${r.pick(COLS)}'`] });
      code(timed + text + call, outs);
    }
  }
  const nb = {
    cells,
    metadata: {
      kernelspec: { display_name: 'Python 3 (ipykernel)', language: 'python', name: 'python3' },
      language_info: { codemirror_mode: { name: 'ipython', version: 3 }, file_extension: '.py', mimetype: 'text/x-python', name: 'python', nbconvert_exporter: 'python', pygments_lexer: 'ipython3', version: '3.10.12' },
    },
    nbformat: 4,
    nbformat_minor: 5,
  };
  return JSON.stringify(nb, null, 1) + '\n';
}

const ind = (n) => '  '.repeat(n);
function yamlList(items, depth) {
  return items.map((i) => `${ind(depth)}- ${i}`).join('\n');
}

/** One Hydra config-group file; `group` decides the shape. */
export function buildHydraYaml(r, group, pkg) {
  const noun = r.pick(NOUNS);
  const cols = r.sample(COLS, r.int(4, 14));
  switch (group) {
    case 'model':
      return r.chance(0.5)
        ? `_target_: sklearn.ensemble.${r.pick(['RandomForestClassifier', 'GradientBoostingClassifier', 'ExtraTreesClassifier'])}\nn_estimators: ${r.pick([100, 300, 500])}\nmax_depth: ${r.int(3, 20)}\nmin_samples_leaf: ${r.int(1, 10)}\n${r.chance(0.6) ? 'random_state: ${seed}\n' : ''}n_jobs: -1\n`
        : `_target_: ${pkg}.models.torch.${noun}_net.${noun[0].toUpperCase()}${noun.slice(1)}Net\nin_dim: ${r.pick([64, 128, 256])}\nhidden: ${r.pick([256, 512])}\ndropout: ${r.pick(['0.1', '0.2'])}\noptimizer:\n  _target_: torch.optim.AdamW\n  lr: ${r.pick(['0.001', '0.0003'])}\n  weight_decay: 0.01\nscheduler:\n  _target_: torch.optim.lr_scheduler.CosineAnnealingLR\n  T_max: ${r.int(10, 100)}\nloss:\n  _target_: torch.nn.CrossEntropyLoss\n  label_smoothing: ${r.pick(['0.0', '0.1'])}\n`;
    case 'data':
      return `name: ${noun}s_${r.pick(ADJS)}\npath: ${r.pick(['data/processed', 's3://acme-ml-lake', '${oc.env:DATA_DIR}'])}/${noun}s.parquet\nformat: parquet\ntarget: ${r.pick(['label', 'target'])}\nfeatures:\n${yamlList(cols, 1)}\ncategorical:\n${yamlList(r.sample(cols, 2), 1)}\nsplit:\n  test_size: 0.2\n  valid_size: 0.1\n  ${r.chance(0.5) ? 'seed: ${seed}' : 'shuffle: true'}\nloader:\n  batch_size: ${r.pick([32, 64, 256])}\n  num_workers: ${r.int(0, 8)}\n  pin_memory: true\n`;
    case 'trainer':
      return `max_epochs: ${r.int(5, 100)}\naccelerator: ${r.pick(['gpu', 'cpu', 'auto'])}\ndevices: ${r.int(1, 8)}\nprecision: ${r.pick(['16-mixed', '32', 'bf16-mixed'])}\ngradient_clip_val: 1.0\nlog_every_n_steps: 50\ncallbacks:\n  - _target_: lightning.pytorch.callbacks.EarlyStopping\n    monitor: val_loss\n    patience: ${r.int(2, 10)}\n  - _target_: lightning.pytorch.callbacks.ModelCheckpoint\n    dirpath: checkpoints/\n    save_top_k: ${r.int(1, 3)}\nlogger:\n  _target_: lightning.pytorch.loggers.MLFlowLogger\n  tracking_uri: ${r.pick(['http://mlflow.internal:5000', 'file:./mlruns'])}\n`;
    case 'experiment':
      return `# @package _global_\ndefaults:\n  - override /model: ${r.pick(ADJS)}\n  - override /data: ${noun}s\n\ntags:\n${yamlList(r.sample(['baseline', 'ablation', noun, 'v2', 'sweep', 'prod-candidate'], 3), 1)}\nseed: ${r.int(0, 9999)}\nmodel:\n  hidden: ${r.pick([128, 256, 512])}\ntrainer:\n  max_epochs: ${r.int(5, 60)}\nhydra:\n  sweeper:\n    params:\n      model.dropout: choice(0.1, 0.2, 0.3)\n      data.loader.batch_size: choice(32, 64, 128)\n`;
    default:
      return `host: 0.0.0.0\nport: ${r.int(8000, 9000)}\nworkers: ${r.int(1, 8)}\nmodel_path: ${r.pick(['models/model.joblib', 's3://acme-models/prod/model.joblib'])}\nthresholds:\n${cols.slice(0, 4).map((c) => `  ${c}: ${r.float(0, 1, 2)}`).join('\n')}\n`;
  }
}

/** `choices` maps each config group to the option files that exist, so the defaults list always resolves. */
export function buildHydraRoot(r, name, choices) {
  return `defaults:\n${yamlList(Object.entries(choices).map(([g, opts]) => `${g}: ${r.pick(opts)}`), 1)}\n  - _self_\n\nseed: ${r.pick([0, 42, 1234])}\nexperiment_name: ${name}_${r.pick(ADJS)}\npaths:\n  data_dir: \${oc.env:DATA_DIR,data}\n  output_dir: outputs/\${now:%Y-%m-%d}/\${now:%H-%M-%S}\nmlflow:\n  tracking_uri: http://mlflow.internal:5000\n  experiment: ${name}\nhydra:\n  run:\n    dir: \${paths.output_dir}\n  job:\n    chdir: true\n`;
}

export function buildParamsYaml(r) {
  const cols = r.sample(COLS, r.int(5, 15));
  return `featurize:\n  max_features: ${r.pick([100, 500, 2000])}\n  ngrams: ${r.int(1, 3)}\n  columns:\n${yamlList(cols, 2)}\nprepare:\n  split: ${r.pick(['0.2', '0.25'])}\n  seed: ${r.int(0, 100)}\ntrain:\n  n_est: ${r.pick([50, 100, 300])}\n  min_split: ${r.int(2, 10)}\n  lr: ${r.pick(['0.01', '0.001'])}\n  epochs: ${r.int(5, 50)}\nevaluate:\n  metrics:\n  - roc_auc\n  - f1\n  - precision_at_k\n`;
}

export function buildMiscFiles(r, services) {
  const reqs = ['pandas==2.1.4', 'numpy>=1.24', 'scikit-learn==1.3.2', 'torch==2.1.2', 'fastapi', 'flask>=2.3', 'pydantic<3', 'pyyaml', 'joblib', 'matplotlib', 'hydra-core==1.3.2', 'mlflow', 'xgboost', 'uvicorn[standard]', 'pyarrow>=14', 's3fs', 'lightning==2.1.3', 'dvc[s3]'];
  const files = {
    'requirements.txt': reqs.join('\n') + '\n',
    'requirements-dev.txt': '-r requirements.txt\npytest==7.4.3\npytest-cov\nruff==0.1.9\nmypy\nipykernel\njupyterlab\n',
    'pyproject.toml': `[build-system]\nrequires = ["setuptools>=68", "wheel"]\nbuild-backend = "setuptools.build_meta"\n\n[project]\nname = "acme-ml-monorepo"\nversion = "0.${r.int(1, 30)}.0"\nrequires-python = ">=3.10"\ndependencies = [\n${reqs.slice(0, 10).map((d) => `  "${d}",`).join('\n')}\n]\n\n[tool.setuptools.packages.find]\nwhere = [${services.slice(0, 4).map((s) => `"services/${s.dir}/src"`).join(', ')}]\n\n[tool.ruff]\nline-length = 120\n\n[tool.pytest.ini_options]\ntestpaths = ["services"]\naddopts = "-q"\n`,
    '.gitignore': '__pycache__/\n*.pyc\n.venv/\n.ipynb_checkpoints/\n/data/raw/\n/models/\nmlruns/\noutputs/\n.env\n',
    '.github/workflows/ci.yml': `name: ci\non:\n  push:\n    branches: [main]\n  pull_request:\njobs:\n  test:\n    runs-on: ubuntu-latest\n    strategy:\n      matrix:\n        python-version: ["3.10", "3.11"]\n    steps:\n      - uses: actions/checkout@v4\n      - uses: actions/setup-python@v5\n        with:\n          python-version: \${{ matrix.python-version }}\n      - run: pip install -r requirements.txt -r requirements-dev.txt\n      - run: dvc pull || true\n      - run: pytest\n`,
    'dvc.yaml': 'stages:\n' + services.slice(0, 6).map((s) => ['prepare', 'featurize', 'train', 'evaluate'].map((st) => `  ${s.pkg}_${st}:\n    cmd: python -m ${s.pkg}.cli.${st} --config services/${s.dir}/params.yaml\n    deps:\n      - services/${s.dir}/src/${s.pkg}\n      - data/raw/${s.pkg}.csv\n    params:\n      - services/${s.dir}/params.yaml:\n          - ${st === 'evaluate' ? 'evaluate' : st === 'train' ? 'train' : 'prepare'}\n    outs:\n      - data/${st}/${s.pkg}\n${st === 'evaluate' ? `    metrics:\n      - reports/${s.pkg}/metrics.json:\n          cache: false\n` : ''}`).join('')).join(''),
  };
  for (const s of services.slice(0, 4)) files[`services/${s.dir}/requirements.txt`] = r.sample(reqs, r.int(4, 10)).join('\n') + '\n';
  return files;
}

// More Python blocks (utils, eval, tests, procedural filler) and the assembly of whole modules with sorted, grouped imports.
import { NOUNS, VERBS, ADJS, COLS, snake, camel } from './prng.mjs';
import * as B from './py-blocks.mjs';

const I1 = '    ';
const q = (s) => `"${s}"`;
const ind = (n) => '    '.repeat(n);
const STDLIB = new Set(['__future__', 'argparse', 'logging', 'os', 'json', 'time', 'random', 'hashlib', 'functools', 'contextlib', 'dataclasses', 'typing', 'pathlib', 'pickle', 'collections', 'itertools']);

export class Ctx {
  constructor(category, framework, firstPartyRoots) {
    this.category = category;
    this.framework = framework;
    this.firstPartyRoots = firstPartyRoots;
    this.imports = new Set();
    this.froms = new Map();
    this.names = new Set();
    this.exports = [];
    this.importedNames = [];
    this.fixtures = [];
    this.preamble = [];
    this.footer = '';
  }
  imp(line) { this.imports.add(line); }
  from(mod, name) {
    if (!this.froms.has(mod)) this.froms.set(mod, new Set());
    this.froms.get(mod).add(name);
  }
  importFrom(mod, names) {
    for (const n of names) { this.from(mod, n); this.names.add(n); this.importedNames.push(n); }
  }
  unique(name) {
    let n = name;
    for (let i = 2; this.names.has(n); i++) n = /^[A-Z]/.test(name) ? `${name}V${i}` : `${name}_v${i}`;
    this.names.add(n);
    return n;
  }
  export(name) { this.exports.push(name); }
  /** isort-style groups: stdlib, third party, first party; deterministic because everything is sorted. */
  header() {
    const plain = [[], [], []];
    const froms = [[], [], []];
    const top = (m) => m.replace(/^import /, '').split(/[ .]/)[0];
    const group = (m) => (STDLIB.has(m) ? 0 : this.firstPartyRoots.has(m) || m === '' ? 2 : 1);
    for (const line of this.imports) plain[group(top(line))].push(line);
    for (const [mod, names] of this.froms) froms[group(top(mod))].push(`from ${mod} import ${[...names].sort().join(', ')}`);
    return [0, 1, 2].map((g) => [...plain[g].sort(), ...froms[g].sort()]).filter((g) => g.length > 0).map((g) => g.join('\n')).join('\n\n');
  }
}

const UTILS = [
  (r, ctx) => { ctx.imp('import os'); const n = ctx.unique(snake('get', r.pick(NOUNS), 'setting')); return [`def ${n}(name: str, default: str | None = None) -> str:`, `${I1}value = os.environ.get(name, default)`, `${I1}if value is None:`, `${ind(2)}raise RuntimeError(f"missing setting {name}")`, `${I1}return value`]; },
  (r, ctx) => { ctx.imp('import time'); ctx.from('contextlib', 'contextmanager'); const n = ctx.unique(snake('timed', r.pick(VERBS))); return ['@contextmanager', `def ${n}(label: str):`, `${I1}start = time.perf_counter()`, `${I1}try:`, `${ind(2)}yield`, `${I1}finally:`, `${ind(2)}logger.info("%s took %.2fs", label, time.perf_counter() - start)`]; },
  (r, ctx) => { ctx.imp('import yaml'); const n = ctx.unique(snake('load', r.pick(NOUNS), 'config')); return [`def ${n}(path: str = ${q(`conf/${r.pick(['params', 'config', 'train'])}.yaml`)}) -> dict:`, `${I1}with open(path, encoding="utf-8") as fh:`, `${ind(2)}cfg = yaml.safe_load(fh) or {}`, `${I1}cfg.setdefault("seed", ${r.int(0, 99)})`, `${I1}return cfg`]; },
  (r, ctx) => { ctx.imp('import random'); ctx.imp('import numpy as np'); const n = ctx.unique('seed_everything'); return [`def ${n}(seed: int = ${r.pick([0, 42, 2024])}) -> None:`, `${I1}random.seed(seed)`, `${I1}np.random.seed(seed)`]; },
  (r, ctx) => { ctx.from('typing', 'Iterable'); ctx.from('typing', 'Iterator'); const n = ctx.unique(snake('chunked', r.pick(NOUNS) + 's')); return [`def ${n}(items: Iterable, size: int = ${r.pick([100, 500, 1000])}) -> Iterator[list]:`, `${I1}batch: list = []`, `${I1}for item in items:`, `${ind(2)}batch.append(item)`, `${ind(2)}if len(batch) >= size:`, `${ind(3)}yield batch`, `${ind(3)}batch = []`, `${I1}if batch:`, `${ind(2)}yield batch`]; },
  (r, ctx) => { ctx.imp('import time'); ctx.imp('import functools'); const n = ctx.unique(snake('retry', r.pick(['on_error', 'with_backoff', 'request']))); return [`def ${n}(attempts: int = ${r.int(2, 6)}, delay: float = ${r.pick(['0.5', '1.0', '2.0'])}):`, `${I1}def decorator(fn):`, `${ind(2)}@functools.wraps(fn)`, `${ind(2)}def wrapper(*args, **kwargs):`, `${ind(3)}for attempt in range(attempts):`, `${ind(4)}try:`, `${ind(5)}return fn(*args, **kwargs)`, `${ind(4)}except Exception:  # noqa: BLE001`, `${ind(5)}logger.warning("attempt %d of %s failed", attempt + 1, fn.__name__)`, `${ind(5)}time.sleep(delay * 2**attempt)`, `${ind(3)}raise RuntimeError(f"{fn.__name__} failed after {attempts} attempts")`, '', `${ind(2)}return wrapper`, '', `${I1}return decorator`]; },
  (r, ctx) => { ctx.imp('import hashlib'); const n = ctx.unique(snake('file', r.pick(['md5', 'sha256', 'digest']))); return [`def ${n}(path: str, block_size: int = 1 << 20) -> str:`, `${I1}digest = hashlib.${r.pick(['md5', 'sha256'])}()`, `${I1}with open(path, "rb") as fh:`, `${ind(2)}for block in iter(lambda: fh.read(block_size), b""):`, `${ind(3)}digest.update(block)`, `${I1}return digest.hexdigest()`]; },
  (r, ctx) => { ctx.imp('import json'); ctx.from('pathlib', 'Path'); const n = ctx.unique(snake('save', r.pick(NOUNS), r.pick(['metrics', 'report', 'summary']))); return [`def ${n}(payload: dict, out_dir: str = ${q(`reports/${r.pick(NOUNS)}`)}) -> Path:`, `${I1}out = Path(out_dir)`, `${I1}out.mkdir(parents=True, exist_ok=True)`, `${I1}target = out / ${q(`${r.pick(ADJS)}.json`)}`, `${I1}target.write_text(json.dumps(payload, indent=2, sort_keys=True))`, `${I1}return target`]; },
];

function utilBlock(r, ctx) {
  const lines = r.pick(UTILS)(r, ctx);
  ctx.export(lines.find((l) => l.startsWith('def ')).slice(4).split('(')[0]);
  return lines.join('\n');
}

function dataclassBlock(r, ctx) {
  ctx.from('dataclasses', 'dataclass');
  const noun = r.pick(NOUNS);
  const cls = ctx.unique(camel(snake(noun, r.pick(['config', 'settings', 'params']))));
  const lines = ['@dataclass', `class ${cls}:`, `${I1}data_path: str = ${q(`data/processed/${noun}s.parquet`)}`];
  for (const f of r.sample(['batch_size: int = 64', 'epochs: int = 10', 'lr: float = 0.001', 'seed: int = 42', 'n_estimators: int = 200', 'max_depth: int = 8', 'test_size: float = 0.2', 'num_workers: int = 4', 'target: str = "label"', 'experiment: str = "baseline"'], r.int(3, 8))) lines.push(I1 + f);
  ctx.export(cls);
  return lines.join('\n');
}

function evalBlock(r, ctx) {
  const noun = r.pick(NOUNS);
  const name = ctx.unique(snake('evaluate', noun, 'model'));
  ctx.imp('import os'); ctx.imp('import json'); ctx.imp('import matplotlib.pyplot as plt');
  for (const m of ['accuracy_score', 'precision_score', 'recall_score', 'roc_auc_score']) ctx.from('sklearn.metrics', m);
  ctx.export(name);
  return [
    `def ${name}(model, X_test, y_test, output_dir: str = ${q(`reports/${noun}`)}) -> dict[str, float]:`,
    `${I1}preds = model.predict(X_test)`, `${I1}proba = model.predict_proba(X_test)[:, 1]`,
    `${I1}metrics = {`, `${ind(2)}"accuracy": accuracy_score(y_test, preds),`, `${ind(2)}"precision": precision_score(y_test, preds, zero_division=0),`,
    `${ind(2)}"recall": recall_score(y_test, preds),`, `${ind(2)}"roc_auc": roc_auc_score(y_test, proba),`, `${I1}}`,
    `${I1}os.makedirs(output_dir, exist_ok=True)`, `${I1}fig, ax = plt.subplots(figsize=(${r.int(4, 10)}, ${r.int(3, 6)}))`,
    `${I1}ax.hist(proba, bins=${r.pick([20, 50, 100])})`, `${I1}ax.set_title("${noun} score distribution")`,
    `${I1}fig.savefig(os.path.join(output_dir, "scores.png"), dpi=120)`, `${I1}plt.close(fig)`,
    `${I1}with open(os.path.join(output_dir, "metrics.json"), "w") as fh:`, `${ind(2)}json.dump(metrics, fh, indent=2)`, `${I1}return metrics`,
  ].join('\n');
}

/** Procedural record-processing function of random length and nesting: the bulk of the big files, like real glue code. */
function procBlock(r, ctx) {
  // A third are private helpers, as in real modules.
  const name = ctx.unique((r.chance(0.3) ? '_' : '') + snake(r.pick(VERBS), r.pick(ADJS), r.pick(NOUNS) + 's'));
  const col = () => q(r.pick(COLS));
  const simple = [
    () => [`value = row.get(${col()}, ${r.int(0, 100)})`],
    () => [`value = float(value or 0) * ${r.float(0.1, 3, 2)}`],
    () => { const c = col(); return [`counts[${c}] = counts.get(${c}, 0) + 1`]; },
    () => [`row[${q(`${r.pick(COLS)}_norm`)}] = value / (threshold + 1e-6)`],
    () => [`results.append({**row, "bucket": int(value // ${r.int(2, 50)})})`],
    () => [`logger.debug("%s=%s", key, row.get(key))`],
    () => [`tags = [t.strip().lower() for t in str(row.get("tags", "")).split(",") if t]`, `row["tags"] = sorted(set(tags))`],
    () => [`label = f"{row.get(key)}-{value:.${r.int(1, 4)}f}"`, `row["label"] = label`],
  ];
  const stmts = (depth, n) => {
    const out = [];
    for (let i = 0; i < n; i++) {
      const k = depth < 3 ? r.int(0, 9) : 0;
      if (k === 7) { out.push(`if value > threshold * ${r.float(0.5, 2, 2)}:`, ...stmts(depth + 1, r.int(1, 3)).map((l) => I1 + l)); if (r.chance(0.5)) out.push('else:', ...stmts(depth + 1, r.int(1, 2)).map((l) => I1 + l)); }
      else if (k === 8) { out.push(`for col in (${col()}, ${col()}):`, `${I1}row[col] = row.get(col) or ${r.int(0, 9)}`, ...stmts(depth + 1, r.int(0, 2)).map((l) => I1 + l)); }
      else if (k === 9) { const c = col(); out.push('try:', `${I1}value = float(row[${c}])`, 'except (KeyError, TypeError, ValueError):', `${I1}value = ${r.float(0, 1, 2)}`, `${I1}counts["errors"] = counts.get("errors", 0) + 1`); }
      else out.push(...r.pick(simple)());
    }
    return out;
  };
  const body = stmts(1, r.int(3, 14)).map((l) => ind(2) + l);
  ctx.export(name);
  return [
    `def ${name}(records: list[dict], threshold: float = ${r.float(0, 1, 2)}, key: str = ${col()}) -> list[dict]:`,
    `${I1}"""${camel(r.pick(VERBS))} ${r.pick(NOUNS)} records whose score crosses the threshold."""`,
    `${I1}results: list[dict] = []`, `${I1}counts: dict[str, int] = {}`, `${I1}value = 0.0`,
    `${I1}for row in records:`, ...body,
    `${I1}logger.info("processed %d records (%s)", len(records), counts)`, `${I1}return results`,
  ].join('\n');
}

function glueBlock(r, ctx) {
  const noun = r.pick(NOUNS);
  const name = ctx.unique(snake('run', noun, 'pipeline'));
  ctx.imp('import yaml');
  const steps = [...ctx.importedNames, ...ctx.exports].filter((n) => /^[a-z]/.test(n) && !n.startsWith('run_')).slice(-5);
  ctx.export(name);
  return [
    `def ${name}(config_path: str = ${q(r.pick(['params.yaml', 'conf/config.yaml']))}):`,
    `${I1}with open(config_path) as fh:`, `${I1}${I1}params = yaml.safe_load(fh)`,
    `${I1}data = params[${q(r.pick(['data', 'dataset', 'input']))}]["path"]`,
    ...steps.map((s) => `${I1}data = ${s}(data)`),
    `${I1}logger.info("pipeline ${noun} finished")`, `${I1}return data`,
  ].join('\n');
}

function fixtureBlock(r, ctx) {
  ctx.imp('import pytest'); ctx.imp('import pandas as pd');
  const name = ctx.unique(snake('sample', r.pick(NOUNS) + 's'));
  ctx.fixtures.push(name);
  const cols = r.sample(COLS, r.int(3, 7)).map((c) => `${ind(3)}${q(c)}: [${Array.from({ length: 4 }, () => (r.chance(0.1) ? 'None' : r.float(0, 100, r.int(0, 2)))).join(', ')}],`);
  return ['@pytest.fixture', `def ${name}() -> pd.DataFrame:`, `${I1}return pd.DataFrame(`, `${ind(2)}{`, ...cols, `${ind(2)}}`, `${I1})`].join('\n');
}

function testBlock(r, ctx) {
  if (ctx.fixtures.length === 0 || r.chance(0.25)) {
    ctx.imp('import pytest');
    const name = ctx.unique(snake('test', r.pick(VERBS), r.pick(NOUNS), 'thresholds'));
    return ['@pytest.mark.parametrize("threshold,expected", [' + Array.from({ length: r.int(2, 5) }, (_, i) => `(${(i * 0.2).toFixed(1)}, ${4 - i})`).join(', ') + '])', `def ${name}(threshold, expected):`, `${I1}values = [0.1, 0.3, 0.5, 0.7, 0.9]`, `${I1}assert sum(v > threshold for v in values) >= expected - 1`].join('\n');
  }
  const fx = r.pick(ctx.fixtures);
  const target = ctx.importedNames.length > 0 ? r.pick(ctx.importedNames) : null;
  const name = ctx.unique(snake('test', target ?? r.pick(VERBS), r.pick(['returns_frame', 'keeps_rows', 'handles_missing', 'is_deterministic'])));
  const call = target && /^[a-z]/.test(target) ? `${target}(${fx})` : `${fx}.copy()`;
  return [`def ${name}(${fx}):`, `${I1}out = ${call}`, `${I1}assert out is not None`, `${I1}assert len(out) == len(${fx})`].join('\n');
}

/** Which blocks each kind of module is made of, by weight. */
const MIX = {
  data: [[5, B.loadBlock], [1, B.featureBlock], [1, utilBlock], [2, procBlock], [0.5, dataclassBlock]],
  features: [[6, B.featureBlock], [2, procBlock], [0.5, B.loadBlock], [0.5, utilBlock]],
  sklearn: [[4, B.trainBlock], [2, B.cvBlock], [1, B.featureBlock], [1, procBlock], [1, evalBlock]],
  torch: [[3, B.torchModuleBlock], [1.5, B.datasetBlock], [2, B.loopBlock], [1, procBlock]],
  train: [[2, B.trainBlock], [1, B.cvBlock], [2, B.loopBlock], [1, B.torchModuleBlock], [1, dataclassBlock], [1, procBlock]],
  eval: [[4, evalBlock], [1, B.cvBlock], [2, procBlock]],
  serving: [[5, B.handlerBlock], [1, procBlock], [0.5, utilBlock]],
  cli: [[2, glueBlock], [3, procBlock], [1, B.loadBlock], [1, utilBlock]],
  utils: [[5, utilBlock], [3, procBlock], [1, dataclassBlock]],
  pipeline: [[2, glueBlock], [2, B.loadBlock], [2, B.featureBlock], [1, B.trainBlock], [2, procBlock]],
  test: [[1, fixtureBlock], [4, testBlock]],
};
export const CATEGORIES = Object.keys(MIX);

/** Builds one module; `size` is a byte target, or a line target for the ~2,000-line giants. */
export function buildModule(r, { category, module, firstParty, firstPartyRoots, targetBytes, targetLines }) {
  const framework = category === 'serving' ? r.pick(['fastapi', 'fastapi', 'flask']) : null;
  const ctx = new Ctx(category, framework, firstPartyRoots);
  for (const { mod, names } of firstParty) ctx.importFrom(mod, names);
  const blocks = [];
  if (category !== 'test') ctx.imp('import logging');
  if (framework === 'fastapi') { ctx.from('fastapi', 'FastAPI'); ctx.from('fastapi', 'HTTPException'); ctx.from('pydantic', 'BaseModel'); ctx.preamble.push(`app = FastAPI(title=${q(module)})`); }
  if (framework === 'flask') { ctx.from('flask', 'Flask'); ctx.from('flask', 'jsonify'); ctx.from('flask', 'request'); ctx.preamble.push('app = Flask(__name__)'); }
  if (framework) {
    ctx.imp('import os');
    const load = r.chance(0.7) ? 'joblib.load(os.environ.get("MODEL_PATH", "models/model.joblib"))' : 'pickle.load(open("models/model.pkl", "rb"))';
    ctx.imp(load.startsWith('joblib') ? 'import joblib' : 'import pickle');
    ctx.preamble.push(`MODEL_VERSION = os.environ.get("MODEL_VERSION", "${r.int(2021, 2024)}.${r.int(1, 12)}.${r.int(0, 9)}")`, `MODEL = ${load}`);
  }
  if (category === 'test') blocks.push(fixtureBlock(r, ctx));
  if (category === 'cli') blocks.push(B.argparseBlock(r, ctx));
  let bytes = 0;
  let lines = 0;
  while (blocks.length < 2 || (targetLines ? lines < targetLines : bytes < targetBytes)) {
    const b = r.weighted(MIX[category])(r, ctx);
    blocks.push(b);
    bytes += b.length + 3;
    lines += b.split('\n').length + 2;
  }
  if (category === 'cli') blocks.push(B.mainBlock(r, ctx));
  const doc = `"""${module}: ${r.pick(VERBS)} ${r.pick(ADJS)} ${r.pick(NOUNS)} ${category} helpers."""`;
  const future = r.chance(0.4) ? 'from __future__ import annotations\n\n' : '';
  const top = [];
  if (category !== 'test') top.push('logger = logging.getLogger(__name__)');
  top.push(...ctx.preamble);
  // PEP 8 spacing: one blank line after the docstring and imports, two around top-level definitions.
  const parts = [`${doc}\n\n${future}${ctx.header()}\n`];
  if (top.length > 0) parts.push(`${top.join('\n')}\n`);
  parts.push(`${blocks.join('\n\n\n')}\n`);
  if (ctx.footer) parts.push(`${ctx.footer}\n`);
  return { text: parts.join('\n\n'), exports: ctx.exports };
}

/** Code cells for notebooks, reusing the module blocks so notebooks look like the package they prototype. */
export function notebookBlock(r, ctx) {
  return r.weighted([[3, B.loadBlock], [3, B.featureBlock], [2, B.trainBlock], [1, B.cvBlock], [1, evalBlock], [1, B.torchModuleBlock], [1, procBlock]])(r, ctx);
}

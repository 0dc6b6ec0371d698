// Python code blocks (functions and classes) for the benchmark corpus; each block registers the imports it uses so every file stays valid Python.
import { NOUNS, VERBS, ADJS, COLS, snake, camel } from './prng.mjs';

const I1 = '    ';
const I2 = '        ';
const I3 = '            ';
const q = (s) => `"${s}"`;

function dataPath(r, noun) {
  const ext = r.weighted([[5, 'csv'], [4, 'parquet'], [1, 'json']]);
  const kind = r.weighted([[6, 'local'], [2, 's3'], [1, 'gs'], [1, 'https'], [1, 'abs']]);
  const file = `${noun}s_${r.int(2019, 2024)}.${ext}`;
  const path = {
    local: `${r.pick(['data/raw', 'data/processed', '../data', 'data/interim'])}/${file}`,
    s3: `s3://acme-ml-${r.pick(['raw', 'lake', 'features'])}/${noun}s/dt=2023-${String(r.int(1, 12)).padStart(2, '0')}-01/${file}`,
    gs: `gs://acme-${r.pick(['warehouse', 'exports'])}/${noun}/${file}`,
    https: `https://storage.example.com/datasets/${file}`,
    abs: `/${r.pick(['home/alice', 'home/bob', 'mnt/data', 'Users/carol/Downloads'])}/${file}`,
  }[kind];
  return { ext, path };
}

export function loadBlock(r, ctx) {
  const noun = r.pick(NOUNS);
  const name = ctx.unique(snake(r.pick(['load', 'read', 'fetch']), r.pick(ADJS), `${noun}s`));
  const { ext, path } = dataPath(r, noun);
  ctx.imp('import pandas as pd');
  const reader = ext === 'csv' ? `pd.read_csv(path, sep=",", low_memory=False)` : ext === 'parquet' ? 'pd.read_parquet(path)' : 'pd.read_json(path, lines=True)';
  const cols = r.sample(COLS, r.int(2, 5));
  const lines = [
    `def ${name}(path: str = ${q(path)}, columns: list[str] | None = None) -> pd.DataFrame:`,
    `${I1}"""Load the ${noun} table and coerce the column types."""`,
    `${I1}df = ${reader}`,
    `${I1}if columns is not None:`,
    `${I2}df = df[columns]`,
  ];
  for (const c of cols) {
    if (c.endsWith('_at')) lines.push(`${I1}df[${q(c)}] = pd.to_datetime(df[${q(c)}], errors="coerce")`);
    else if (c.endsWith('_id')) lines.push(`${I1}df = df.dropna(subset=[${q(c)}]).astype({${q(c)}: "int64"})`);
    else lines.push(`${I1}df[${q(c)}] = pd.to_numeric(df[${q(c)}], errors="coerce").fillna(${r.int(0, 1)})`);
  }
  if (r.chance(0.5)) lines.push(`${I1}df = df.drop_duplicates().reset_index(drop=True)`);
  lines.push(`${I1}logger.info("loaded %d rows from %s", len(df), path)`, `${I1}return df`);
  ctx.export(name);
  return lines.join('\n');
}

const FEATURE_LINES = [
  (r, c, c2, g) => [`out[${q(`${c}_log`)}] = np.log1p(out[${q(c)}].clip(lower=0))`],
  (r, c) => [`out[${q(`${c}_z`)}] = (out[${q(c)}] - out[${q(c)}].mean()) / (out[${q(c)}].std() + 1e-9)`],
  (r, c, c2, g) => { const w = r.pick([3, 7, 14, 28]); return [`out[${q(`${c}_rolling_${w}`)}] = out.groupby(${q(g)})[${q(c)}].transform(lambda s: s.rolling(${w}, min_periods=1).mean())`]; },
  (r, c, c2, g) => { const k = r.int(1, 7); return [`out[${q(`${c}_lag_${k}`)}] = out.groupby(${q(g)})[${q(c)}].shift(${k})`]; },
  (r, c) => [`out[${q(`${c}_bucket`)}] = pd.cut(out[${q(c)}], bins=${r.int(4, 20)}, labels=False)`],
  (r, c) => [`out[${q(c)}] = out[${q(c)}].fillna(out[${q(c)}].median())`],
  (r, c, c2) => [`out[${q(`${c}_per_${c2}`)}] = out[${q(c)}] / out[${q(c2)}].replace(0, np.nan)`],
  (r, c) => [`out[${q(`${c}_is_missing`)}] = out[${q(c)}].isna().astype("int8")`],
  (r, c, c2, g) => [`stats = out.groupby(${q(g)})[${q(c)}].agg(["mean", "max", "count"]).add_prefix(${q(`${g}_${c}_`)}).reset_index()`, `out = out.merge(stats, on=${q(g)}, how="left")`],
  (r, c) => [`out[${q(`${c}_dow`)}] = pd.to_datetime(out["created_at"]).dt.dayofweek`],
  (r, c, c2) => [`for col in [${q(c)}, ${q(c2)}]:`, `${I1}out[f"{col}_sq"] = out[col] ** 2`, `${I1}out[f"{col}_clipped"] = out[col].clip(out[col].quantile(0.01), out[col].quantile(0.99))`],
  (r, c, c2, g) => [`out = pd.get_dummies(out, columns=[${q(g)}], prefix=${q(g)}, dummy_na=True)`],
  (r, c) => [`out[${q(`${c}_flag`)}] = np.where(out[${q(c)}] > ${r.float(0, 100, 1)}, 1, 0)`],
];

export function featureBlock(r, ctx) {
  const noun = r.pick(NOUNS);
  const name = ctx.unique(snake(r.pick(['add', 'build', 'make', 'compute']), noun, r.pick(['features', 'signals', 'aggregates', 'stats'])));
  ctx.imp('import pandas as pd');
  ctx.imp('import numpy as np');
  const lines = [
    `def ${name}(df: pd.DataFrame, window: int = ${r.pick([7, 14, 30])}) -> pd.DataFrame:`,
    `${I1}"""Derive ${noun}-level features; returns a copy so callers keep the raw frame."""`,
    `${I1}out = df.copy()`,
  ];
  const n = r.int(3, 9);
  for (let i = 0; i < n; i++) {
    const [c, c2, g] = r.sample(COLS, 3);
    for (const l of r.pick(FEATURE_LINES)(r, c, c2, g)) lines.push(I1 + l);
  }
  lines.push(`${I1}return out`);
  ctx.export(name);
  return lines.join('\n');
}

const ESTIMATORS = [
  ['RandomForestClassifier', 'sklearn.ensemble', (r) => `n_estimators=${r.pick([100, 200, 500])}, max_depth=${r.int(4, 16)}, n_jobs=-1`],
  ['GradientBoostingClassifier', 'sklearn.ensemble', (r) => `learning_rate=${r.pick(['0.05', '0.1'])}, n_estimators=${r.pick([100, 300])}, subsample=0.8`],
  ['LogisticRegression', 'sklearn.linear_model', (r) => `C=${r.float(0.1, 2, 2)}, max_iter=1000`],
  ['ExtraTreesClassifier', 'sklearn.ensemble', (r) => `n_estimators=${r.pick([200, 400])}, min_samples_leaf=${r.int(1, 5)}`],
  ['HistGradientBoostingClassifier', 'sklearn.ensemble', (r) => `max_iter=${r.pick([100, 200])}, learning_rate=0.1`],
  ['MLPClassifier', 'sklearn.neural_network', () => 'hidden_layer_sizes=(128, 64), max_iter=200, early_stopping=True'],
  ['SGDClassifier', 'sklearn.linear_model', () => 'loss="log_loss", alpha=1e-4'],
];
const rs = (r) => (r.chance(0.55) ? `, random_state=${r.pick([0, 42, 1234, 7])}` : '');

export function trainBlock(r, ctx) {
  const noun = r.pick(NOUNS);
  const name = ctx.unique(snake('train', noun, r.pick(['model', 'classifier', 'baseline'])));
  const [est, mod, args] = r.pick(ESTIMATORS);
  ctx.imp('import pandas as pd');
  ctx.from(mod, est);
  ctx.from('sklearn.model_selection', 'train_test_split');
  ctx.from('sklearn.metrics', 'roc_auc_score');
  ctx.imp('import joblib');
  const lines = [
    `def ${name}(df: pd.DataFrame, target: str = ${q(r.pick(['label', 'target', 'is_churn', 'y']))}, test_size: float = ${r.pick(['0.2', '0.25', '0.1'])}):`,
    `${I1}X = df.drop(columns=[target])`,
    `${I1}y = df[target]`,
    `${I1}X_train, X_test, y_train, y_test = train_test_split(X, y, test_size=test_size${rs(r)}${r.chance(0.4) ? ', stratify=y' : ''})`,
    `${I1}model = ${est}(${args(r)}${rs(r)})`,
    `${I1}model.fit(X_train, y_train)`,
    `${I1}preds = model.predict_proba(X_test)[:, 1]`,
    `${I1}auc = roc_auc_score(y_test, preds)`,
    `${I1}logger.info("${noun} ${est} auc=%.4f", auc)`,
  ];
  if (r.chance(0.6)) lines.push(`${I1}joblib.dump(model, ${q(`${r.pick(['models', 'artifacts', '/tmp'])}/${noun}_${est.toLowerCase()}.joblib`)})`);
  lines.push(`${I1}return model, auc`);
  ctx.export(name);
  return lines.join('\n');
}

export function cvBlock(r, ctx) {
  const noun = r.pick(NOUNS);
  const name = ctx.unique(snake('cross_validate', noun, r.pick(['model', 'ranker', 'scorer'])));
  const splitter = r.pick(['KFold', 'StratifiedKFold', 'ShuffleSplit', 'GroupKFold']);
  const sargs = splitter === 'GroupKFold' ? 'n_splits=n_splits' : splitter === 'ShuffleSplit' ? `n_splits=n_splits, test_size=0.2${rs(r)}` : `n_splits=n_splits, shuffle=True${rs(r)}`;
  const [est, mod, args] = r.pick(ESTIMATORS);
  ctx.from('sklearn.model_selection', splitter);
  ctx.from(mod, est);
  ctx.from('sklearn.metrics', 'f1_score');
  ctx.imp('import numpy as np');
  ctx.export(name);
  return [
    `def ${name}(X, y, groups=None, n_splits: int = ${r.pick([3, 5, 10])}) -> float:`,
    `${I1}cv = ${splitter}(${sargs})`,
    `${I1}scores: list[float] = []`,
    `${I1}for fold, (train_idx, valid_idx) in enumerate(cv.split(X, y, groups)):`,
    `${I2}model = ${est}(${args(r)}${rs(r)})`,
    `${I2}model.fit(X.iloc[train_idx], y.iloc[train_idx])`,
    `${I2}scores.append(f1_score(y.iloc[valid_idx], model.predict(X.iloc[valid_idx]), average="${r.pick(['macro', 'binary', 'weighted'])}"))`,
    `${I2}logger.debug("fold %d f1=%.3f", fold, scores[-1])`,
    `${I1}return float(np.mean(scores))`,
  ].join('\n');
}

export function torchModuleBlock(r, ctx) {
  const noun = r.pick(NOUNS);
  const cls = ctx.unique(camel(snake(noun, r.pick(['encoder', 'classifier', 'tower', 'net', 'regressor']))));
  ctx.imp('import torch');
  ctx.from('torch', 'nn');
  const layers = [];
  const depth = r.int(2, 5);
  for (let i = 0; i < depth; i++) {
    const inDim = i === 0 ? 'in_dim' : 'hidden';
    layers.push(`${I3}nn.Linear(${inDim}, hidden),`, `${I3}nn.${r.pick(['ReLU', 'GELU', 'SiLU'])}(),`);
    if (r.chance(0.5)) layers.push(`${I3}nn.${r.pick(['LayerNorm(hidden)', 'BatchNorm1d(hidden)', 'Dropout(dropout)'])},`);
  }
  layers.push(`${I3}nn.Linear(hidden, out_dim),`);
  ctx.export(cls);
  return [
    `class ${cls}(nn.Module):`,
    `${I1}"""${depth}-layer MLP over ${noun} features."""`,
    '',
    `${I1}def __init__(self, in_dim: int = ${r.pick([32, 64, 128, 256])}, hidden: int = ${r.pick([128, 256, 512])}, out_dim: int = ${r.int(1, 10)}, dropout: float = ${r.pick(['0.1', '0.2', '0.3'])}) -> None:`,
    `${I2}super().__init__()`,
    `${I2}self.net = nn.Sequential(`,
    ...layers,
    `${I2})`,
    '',
    `${I1}def forward(self, x: torch.Tensor) -> torch.Tensor:`,
    `${I2}return self.net(x)`,
  ].join('\n');
}

export function datasetBlock(r, ctx) {
  const noun = r.pick(NOUNS);
  const cls = ctx.unique(camel(snake(noun, 'dataset')));
  ctx.imp('import torch');
  ctx.imp('import pandas as pd');
  ctx.from('torch.utils.data', 'Dataset');
  ctx.export(cls);
  return [
    `class ${cls}(Dataset):`,
    `${I1}def __init__(self, frame: pd.DataFrame, feature_cols: list[str], target_col: str = "label") -> None:`,
    `${I2}self.x = torch.tensor(frame[feature_cols].values, dtype=torch.float32)`,
    `${I2}self.y = torch.tensor(frame[target_col].values, dtype=torch.${r.pick(['long', 'float32'])})`,
    '',
    `${I1}def __len__(self) -> int:`,
    `${I2}return len(self.y)`,
    '',
    `${I1}def __getitem__(self, idx: int):`,
    `${I2}return self.x[idx], self.y[idx]`,
  ].join('\n');
}

export function loopBlock(r, ctx) {
  const noun = r.pick(NOUNS);
  const name = ctx.unique(snake('fit', noun, r.pick(['model', 'encoder', 'network'])));
  ctx.imp('import torch');
  ctx.from('torch', 'nn');
  ctx.from('torch.utils.data', 'DataLoader');
  const lines = [`def ${name}(model: nn.Module, train_ds, epochs: int = ${r.int(3, 50)}, lr: float = ${r.pick(['1e-3', '3e-4', '5e-4'])}, device: str = ${q(r.pick(['cuda', 'cpu', 'cuda:0']))}):`];
  if (r.chance(0.45)) lines.push(`${I1}torch.manual_seed(${r.pick([0, 42, 1337])})`);
  lines.push(
    `${I1}loader = DataLoader(train_ds, batch_size=${r.pick([32, 64, 128, 256])}, shuffle=True, num_workers=${r.int(0, 8)})`,
    `${I1}optimizer = torch.optim.${r.pick(['AdamW', 'Adam', 'SGD'])}(model.parameters(), lr=lr)`,
    `${I1}criterion = nn.${r.pick(['CrossEntropyLoss', 'BCEWithLogitsLoss', 'MSELoss'])}()`,
    `${I1}model.to(device)`,
    `${I1}for epoch in range(epochs):`,
    `${I2}model.train()`,
    `${I2}total = 0.0`,
    `${I2}for xb, yb in loader:`,
    `${I3}xb, yb = xb.to(device), yb.to(device)`,
    `${I3}optimizer.zero_grad()`,
    `${I3}loss = criterion(model(xb), yb)`,
    `${I3}loss.backward()`,
  );
  if (r.chance(0.3)) lines.push(`${I3}torch.nn.utils.clip_grad_norm_(model.parameters(), ${r.pick(['1.0', '5.0'])})`);
  lines.push(`${I3}optimizer.step()`, `${I3}total += loss.item()`, `${I2}logger.info("epoch %d loss %.4f", epoch, total / max(1, len(loader)))`);
  if (r.chance(0.6)) lines.push(`${I1}torch.save(model.state_dict(), ${q(`checkpoints/${noun}_${r.int(1, 9)}.pt`)})`);
  lines.push(`${I1}return model`);
  ctx.export(name);
  return lines.join('\n');
}

export function handlerBlock(r, ctx) {
  const noun = r.pick(NOUNS);
  const verb = r.pick(['predict', 'score', 'rank', 'recommend', 'classify']);
  const name = ctx.unique(snake(verb, noun));
  const route = `/v${r.int(1, 3)}/${noun}s/${verb}`;
  ctx.imp('import pandas as pd');
  if (ctx.framework === 'flask') {
    return [
      `@app.route(${q(route)}, methods=["POST"])`,
      `def ${name}():`,
      `${I1}payload = request.get_json(force=True)`,
      `${I1}frame = pd.DataFrame([payload.get("features", {})])`,
      `${I1}score = float(MODEL.predict(frame)[0])`,
      `${I1}logger.info("${verb} ${noun} %s -> %.3f", payload.get("id"), score)`,
      `${I1}return jsonify({"score": score, "version": MODEL_VERSION})`,
    ].join('\n');
  }
  const req = ctx.unique(camel(snake(noun, verb, 'request')));
  return [
    `class ${req}(BaseModel):`,
    `${I1}${noun}_id: int`,
    `${I1}features: dict[str, float] = {}`,
    '',
    '',
    `@app.post(${q(route)})`,
    `async def ${name}(request: ${req}) -> dict:`,
    `${I1}frame = pd.DataFrame([request.features])`,
    `${I1}try:`,
    `${I2}score = float(MODEL.predict_proba(frame)[0, 1])`,
    `${I1}except Exception as exc:`,
    `${I2}logger.exception("${verb} failed")`,
    `${I2}raise HTTPException(status_code=500, detail=str(exc)) from exc`,
    `${I1}return {"${noun}_id": request.${noun}_id, "score": score, "version": MODEL_VERSION}`,
  ].join('\n');
}

export function argparseBlock(r, ctx) {
  ctx.imp('import argparse');
  const noun = r.pick(NOUNS);
  const lines = [
    'def parse_args(argv: list[str] | None = None) -> argparse.Namespace:',
    `${I1}parser = argparse.ArgumentParser(description=${q(`${r.pick(VERBS)} the ${noun} ${r.pick(['model', 'dataset', 'features'])}`)})`,
    `${I1}parser.add_argument("--input", default=${q(dataPath(r, noun).path)})`,
    `${I1}parser.add_argument("--output", default=${q(`artifacts/${noun}`)})`,
  ];
  for (const opt of r.sample(['epochs', 'batch-size', 'seed', 'n-jobs', 'limit', 'folds'], r.int(1, 4))) {
    lines.push(`${I1}parser.add_argument(${q(`--${opt}`)}, type=int, default=${r.int(1, 256)})`);
  }
  if (r.chance(0.5)) lines.push(`${I1}parser.add_argument("--lr", type=float, default=${r.pick(['0.001', '0.01'])})`);
  lines.push(`${I1}parser.add_argument("--dry-run", action="store_true")`, `${I1}return parser.parse_args(argv)`);
  return lines.join('\n');
}

/** main() that chains whatever this module imported from siblings, the way real glue scripts do. */
export function mainBlock(r, ctx) {
  const calls = ctx.importedNames.filter((n) => /^[a-z]/.test(n)).slice(0, 4);
  const lines = ['def main() -> None:', `${I1}args = parse_args()`, `${I1}logging.basicConfig(level=logging.INFO)`, `${I1}result = args.input`];
  for (const c of calls) lines.push(`${I1}result = ${c}(result)`);
  lines.push(`${I1}if not args.dry_run:`, `${I2}logger.info("writing %s", args.output)`);
  ctx.footer = 'if __name__ == "__main__":\n    main()';
  return lines.join('\n');
}

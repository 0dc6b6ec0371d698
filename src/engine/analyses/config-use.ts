// What a Python file does with configuration: key names it mentions, config files it names, hard-coded hyperparameters.
import type { Node } from 'web-tree-sitter';
import { nodeRange } from '../parsers/python.js';
import type { PythonAnalysis } from '../python/analysis.js';
import { forEachIdentifier } from '../python/identifiers.js';
import { callsWithKeyword } from '../python/keyword-calls.js';
import type { Range } from '../types.js';

/** A hyperparameter given a literal value in code. */
export interface HyperparamUse {
  /** Canonical name (`lr` for `learning_rate`, `LR`, `--learning-rate`). */
  readonly name: string;
  /** The name as written. */
  readonly written: string;
  /** The literal as written (`1e-3`, `32`). */
  readonly value: string;
  /** `argument`: a keyword argument of a call; `argparse`: an `add_argument` default; `constant`: a module-level UPPER_CASE constant. */
  readonly source: 'argument' | 'argparse' | 'constant';
  /** The called function, for arguments (`RandomForestClassifier`, `optim.Adam`). */
  readonly callee?: string;
  readonly range: Range;
  /** The notebook cell, once facts map the range into it. */
  readonly cell?: number;
}

export interface ConfigUse {
  /** Config key names (from the project's config files) that appear anywhere in the file's text. */
  readonly names: readonly string[];
  /** String literals that name config files or Hydra config locations (`configs/train.yaml`, `conf`, `train`). */
  readonly refs: readonly string[];
  /** True when the file reads configs wholesale (`**cfg`, `.items()`, `setattr`, `vars(`; Hydra `instantiate` is handled by `_target_`): keys may be used without their names appearing. */
  readonly dynamic: boolean;
  readonly hyperparams: readonly HyperparamUse[];
  /** Canonical hyperparameters the file reads from an object (`args.lr`, `cfg["epochs"]`, `config.batch_size`). */
  readonly reads: readonly string[];
}

/** Canonical hyperparameter names and the spellings that mean them. */
const SYNONYMS: Readonly<Record<string, readonly string[]>> = {
  lr: ['lr', 'learning_rate', 'learningrate', 'base_lr', 'init_lr', 'initial_lr', 'eta'],
  epochs: ['epochs', 'num_epochs', 'n_epochs', 'max_epochs', 'nb_epoch', 'epoch_count'],
  batch_size: ['batch_size', 'batchsize', 'bs', 'train_batch_size', 'per_device_train_batch_size'],
  n_estimators: ['n_estimators', 'num_estimators', 'num_trees', 'n_trees', 'num_boost_round', 'num_iterations'],
  max_depth: ['max_depth', 'depth'],
  dropout: ['dropout', 'dropout_rate', 'drop_rate', 'dropout_prob', 'hidden_dropout_prob', 'p_dropout'],
  weight_decay: ['weight_decay', 'wd', 'l2', 'l2_reg', 'reg_lambda', 'lambda_l2'],
  momentum: ['momentum'],
  hidden_size: ['hidden_size', 'hidden_dim', 'hidden_units', 'n_hidden', 'd_model', 'embed_dim', 'embedding_dim'],
  num_layers: ['num_layers', 'n_layers', 'nlayers', 'n_layer', 'num_hidden_layers'],
  num_heads: ['num_heads', 'n_heads', 'nhead', 'n_head', 'num_attention_heads'],
  warmup_steps: ['warmup_steps', 'num_warmup_steps', 'warmup'],
  gamma: ['gamma'],
  min_samples_leaf: ['min_samples_leaf', 'min_child_samples', 'min_data_in_leaf'],
  min_samples_split: ['min_samples_split'],
  num_leaves: ['num_leaves', 'max_leaves'],
  subsample: ['subsample', 'bagging_fraction'],
  colsample_bytree: ['colsample_bytree', 'feature_fraction'],
  alpha: ['alpha', 'reg_alpha'],
  test_size: ['test_size', 'val_size', 'validation_split', 'valid_size', 'test_split'],
  k_folds: ['n_splits', 'k_folds', 'num_folds', 'n_folds', 'folds'],
  patience: ['patience', 'early_stopping_patience', 'early_stopping_rounds'],
  grad_clip: ['grad_clip', 'max_grad_norm', 'clip_grad_norm', 'gradient_clip_val'],
  gradient_accumulation_steps: ['gradient_accumulation_steps', 'accumulate_grad_batches', 'grad_accum_steps'],
  max_seq_length: ['max_seq_length', 'max_length', 'max_len', 'block_size', 'seq_len'],
  n_components: ['n_components'],
  n_clusters: ['n_clusters', 'num_clusters'],
  n_neighbors: ['n_neighbors', 'k_neighbors'],
  temperature: ['temperature'],
};

const CANONICAL: ReadonlyMap<string, string> = new Map(Object.entries(SYNONYMS).flatMap(([canonical, names]) => names.map((n) => [n, canonical] as const)));

/** The canonical hyperparameter a written name stands for, if it is one (`--learning-rate`, `LEARNING_RATE`). */
export function canonicalHyperparameter(written: string): string | undefined {
  const key = written.replace(/^-+/, '').replace(/-/g, '_').toLowerCase();
  return CANONICAL.get(key);
}

const NUMBER = /^-?(\d[\d_]*(\.\d*)?|\.\d+)([eE][-+]?\d+)?$/;
const HYPERPARAM_KEYWORD = new RegExp(`\\b(${[...CANONICAL.keys()].join('|')})\\s*=\\s*-?[\\d.]`, 'i');
const CONFIG_EXTENSIONS = ['.yml', '.yaml', '.json', '.toml'];
const HYPERPARAM_WORD = new RegExp(`\\b(?:${[...CANONICAL.keys()].join('|')})\\b`, 'gi');
const DYNAMIC = /\*\*\s*[A-Za-z_][\w.]*|\.items\(\)|\.keys\(\)|\bsetattr\(|\bvars\(|to_container\(|\basdict\(|\.to_dict\(\)/;

/** Extracts a file's configuration use. `keyNames` are the key names of the project's config files. */
export function configUse(py: PythonAnalysis, keyNames: ReadonlySet<string>): ConfigUse {
  const names = new Set<string>();
  if (keyNames.size > 0) forEachIdentifier(py.text, keyNames, (name) => names.add(name));
  const refs = new Set<string>();
  // The scan tries up to 200 characters after every quote: run it only when a config extension occurs at all.
  if (CONFIG_EXTENSIONS.some((ext) => py.text.includes(ext))) for (const m of py.text.matchAll(/["']([^"'\n]{1,200}\.(?:ya?ml|json|toml))["']/g)) if (m[1]) refs.add(m[1]);
  const hyperparams: HyperparamUse[] = [];
  // Most files pass no hyperparameter by keyword and name no config: skip resolving their calls' arguments.
  const mayPassHyperparams = HYPERPARAM_KEYWORD.test(py.text);
  const mayNameConfig = /config_(path|name|dir)|add_argument/.test(py.text);
  // Only calls with a keyword named like a hyperparameter can pass one: found from the names, not every call's arguments.
  const withHyperparamKeyword = mayPassHyperparams || mayNameConfig ? callsWithKeyword(py.parsed, HYPERPARAM_WORD, (name) => canonicalHyperparameter(name) !== undefined) : undefined;
  for (const call of mayPassHyperparams || mayNameConfig ? py.calls : []) {
    if (call.shortName === 'main' || call.shortName === 'compose' || call.shortName === 'initialize') {
      for (const kw of ['config_path', 'config_name', 'config_dir']) {
        const value = call.args.keywords.get(kw);
        const folded = value ? py.fold(value) : undefined;
        if (folded?.exact) refs.add(folded.value);
      }
    }
    if (call.shortName === 'add_argument') {
      const flag = call.args.positional.find((n) => n.type === 'string' && /^['"]--/.test(n.text));
      const name = flag ? flag.text.slice(1, -1) : undefined;
      const canonical = name !== undefined ? canonicalHyperparameter(name) : undefined;
      const value = call.args.keywords.get('default');
      if (name !== undefined && canonical !== undefined && value && NUMBER.test(value.text)) {
        hyperparams.push({ name: canonical, written: name, value: value.text, source: 'argparse', range: nodeRange(value) });
      }
      continue;
    }
    if (!withHyperparamKeyword?.has(call.node.id) || call.args.keywords.size === 0) continue;
    for (const [keyword, value] of call.args.keywords) {
      const canonical = canonicalHyperparameter(keyword);
      if (canonical === undefined || !isNumber(value)) continue;
      hyperparams.push({ name: canonical, written: keyword, value: value.text, source: 'argument', callee: calleeText(call.node), range: nodeRange(value) });
    }
  }
  for (const assignment of py.parsed.nodes('assignment')) {
    // Only an UPPER_CASE target can match: reading the first character spares a WASM call for `text` per assignment.
    const first = py.text.charCodeAt(assignment.startIndex);
    if (first < 65 || first > 90) continue;
    const m = /^([A-Z][A-Z0-9_]*)\s*(?::[^=\n]*)?=\s*(-?[\d.][\w.+-]*)\s*$/.exec(assignment.text);
    if (!m?.[1] || !m[2] || !NUMBER.test(m[2]) || assignment.parent?.parent?.type !== 'module') continue;
    const canonical = canonicalHyperparameter(m[1]);
    if (canonical !== undefined) hyperparams.push({ name: canonical, written: m[1], value: m[2], source: 'constant', range: nodeRange(assignment) });
  }
  const reads = new Set<string>();
  for (const m of py.text.matchAll(/\.\s*([A-Za-z_]\w*)|\[\s*["']([A-Za-z_]\w*)["']\s*\]/g)) {
    // An identifier has no dashes to normalise: a lower-case lookup is canonicalHyperparameter's whole work here.
    const canonical = CANONICAL.get((m[1] ?? m[2] ?? '').toLowerCase());
    if (canonical !== undefined) reads.add(canonical);
  }
  return { names: [...names].sort(), refs: [...refs].sort(), dynamic: DYNAMIC.test(py.text), hyperparams, reads: [...reads].sort() };
}

function isNumber(node: Node): boolean {
  return (node.type === 'integer' || node.type === 'float' || (node.type === 'unary_operator' && /^-\s*[\d.]/.test(node.text))) && NUMBER.test(node.text.replace(/\s+/g, ''));
}

function calleeText(call: Node): string | undefined {
  const fn = call.childForFieldName('function');
  return fn ? fn.text.replace(/\s+/g, '') : undefined;
}

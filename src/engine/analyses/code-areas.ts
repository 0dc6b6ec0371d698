// Which area of a repo a path lies in by folder convention: prototype work, examples and docs, vendored code, tests.

/** Folders that hold prototype work by convention; configurable where rules use them. */
export const PROTOTYPE_FOLDERS: readonly string[] = ['notebooks', 'notebook', 'experiments', 'experimental', 'scratch', 'sandbox', 'playground', 'drafts', 'draft', 'prototypes', 'prototype'];

/** Folders whose code is shown or measured, not shipped: nobody expects unit tests of it. */
const AUXILIARY = new Set(['examples', 'example', 'demos', 'demo', 'tutorials', 'tutorial', 'docs', 'doc', 'benchmarks', 'benchmark', 'bench', 'scripts', 'tools', 'site', 'paper']);
/** Folders holding someone else's code, copied in. */
const VENDORED = new Set(['third_party', 'thirdparty', 'third-party', 'vendor', 'vendored', 'external', 'externals', 'extern', 'contrib', 'submodules']);

function folders(path: string): string[] {
  return path.toLowerCase().split('/').slice(0, -1);
}

/** True when a folder of the path is one of the prototype folders (compared case-insensitively). */
export function inFolders(path: string, names: readonly string[]): boolean {
  const wanted = new Set(names.map((n) => n.toLowerCase()));
  return folders(path).some((f) => wanted.has(f));
}

/** The first prototype folder of a path, as written. */
export function prototypeFolderOf(path: string, names: readonly string[]): string | undefined {
  const wanted = new Set(names.map((n) => n.toLowerCase()));
  return path.split('/').slice(0, -1).find((f) => wanted.has(f.toLowerCase()));
}

/** Examples, docs, benchmarks, scripts and tools: code around a project rather than of it. */
export function isAuxiliary(path: string): boolean {
  return folders(path).some((f) => AUXILIARY.has(f));
}

export function isVendored(path: string): boolean {
  return folders(path).some((f) => VENDORED.has(f));
}

/** Templated code (cookiecutter, copier) is not Python until it is rendered. */
export function isTemplated(path: string): boolean {
  return /\{\{|\{%/.test(path);
}

const ML_FRAMEWORKS = /^(torch|tensorflow|keras|sklearn|xgboost|lightgbm|catboost|jax|flax|transformers|pytorch_lightning|lightning|timm|setfit|sentence_transformers|implicit|statsmodels)(\.|$)/;

/** True when a module imports an ML framework (absolute imports of torch, sklearn, xgboost...). */
export function importsMlFramework(imports: readonly { readonly module: string; readonly level: number }[]): boolean {
  return imports.some((i) => i.level === 0 && ML_FRAMEWORKS.test(i.module));
}

/**
 * True for a training script: the `training` role, or a file named for training (`train.py`, `train_v4.py`,
 * `finetune_bert.py`) that imports an ML framework, even when it drives the optimiser through a model method.
 */
export function isTrainingScript(path: string, roles: readonly string[], imports: readonly { readonly module: string; readonly level: number }[]): boolean {
  if (roles.includes('training')) return true;
  const name = path.slice(path.lastIndexOf('/') + 1);
  return /(^|[_-])(train|training|finetune|fine_tune|pretrain)([_.-]|$)/i.test(name) && importsMlFramework(imports);
}

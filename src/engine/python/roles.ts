// Classifies a Python file or notebook by the job it does in an ML repo: training, serving, test, pipeline step.
import { baseName } from '../file-kinds.js';
import type { PythonAnalysis } from './analysis.js';

export type FileRole = 'training' | 'serving' | 'test' | 'notebook' | 'pipeline' | 'library';

const SERVING_MODULES = ['fastapi', 'flask', 'bentoml', 'ray.serve', 'litserve', 'starlette', 'sanic', 'aiohttp.web', 'kserve', 'torchserve', 'ts.torch_handler', 'gradio', 'streamlit', 'mlflow.pyfunc', 'seldon_core', 'tornado.web'];
const PIPELINE_MODULES = ['airflow', 'prefect', 'kedro', 'dagster', 'luigi', 'zenml', 'metaflow', 'kfp', 'flytekit', 'dvc.api'];
/** Method names that train a model. `fit` alone is too common (scalers fit too), so a training file needs more. */
const TRAINING_CALLS = new Set(['fit', 'train', 'fit_generator', 'train_on_batch', 'backward', 'partial_fit']);
const TRAINING_MODULES = ['torch.optim', 'pytorch_lightning', 'lightning', 'transformers.Trainer', 'keras', 'tensorflow.keras', 'xgboost', 'lightgbm', 'catboost', 'sklearn'];

/** Decides the roles of a Python text from its path, its imports and its calls. Several roles may apply. */
export function classifyPython(path: string, analysis: PythonAnalysis | undefined, isNotebook: boolean): ReadonlySet<FileRole> {
  const roles = new Set<FileRole>();
  const base = baseName(path).toLowerCase();
  const segments = path.toLowerCase().split('/');
  if (isNotebook) roles.add('notebook');
  if (/^test_.*\.py$|_test\.py$|^conftest\.py$/.test(base) || segments.slice(0, -1).some((s) => s === 'tests' || s === 'test')) {
    roles.add('test');
    return roles;
  }
  if (!analysis) return roles;
  const imports = analysis.imports;
  if (SERVING_MODULES.some((m) => imports.importsFrom(m)) || /^(serve|serving|app|api|server|handler|predictor|inference_server)\.py$/.test(base)) {
    roles.add('serving');
  }
  if (PIPELINE_MODULES.some((m) => imports.importsFrom(m))) roles.add('pipeline');
  const trains = analysis.calls.some((c) => c.shortName !== undefined && TRAINING_CALLS.has(c.shortName) && c.isMethod);
  // `from torch import optim` imports module `torch`; its qualified name `torch.optim` is what identifies it.
  const trainingLibrary = imports.bindings.some((b) => TRAINING_MODULES.some((m) => b.level === 0 && (b.qualified === m || b.qualified.startsWith(`${m}.`) || b.module === m || b.module.startsWith(`${m}.`))));
  const trainingName = /(^|_)(train|training|fit|finetune|fine_tune|pretrain)(_|\.|$)/.test(base);
  // A training *entrypoint* runs as a program: a `__main__` guard, a notebook, or a script outside any package
  // folder. A `trainer.py` inside a library package defines training code but is not a run.
  const entrypoint = analysis.hasMainGuard || isNotebook || segments.length === 1 || segments.slice(0, -1).some((s) => s === 'scripts' || s === 'bin' || s === 'tools');
  if (trainingLibrary && (trains || trainingName) && entrypoint) roles.add('training');
  if (roles.size === 0 || (roles.size === 1 && roles.has('notebook'))) {
    if (!analysis.hasMainGuard && !isNotebook) roles.add('library');
  }
  return roles;
}

// The readiness checklist: the ML Test Score's 28 tests in our own words, and the debt section built from rule categories.
import type { Category } from '../types.js';
import type { ReadinessItem, SectionId } from './types.js';

/** What an item is, before the repository is looked at: the report's item without evidence, findings or points. */
export type ItemSpec = Pick<ReadinessItem, 'id' | 'section' | 'number' | 'title' | 'description' | 'kind' | 'rules' | 'next'>;

export const SECTION_TITLES: Readonly<Record<SectionId, string>> = {
  data: 'Data and features',
  model: 'Model development',
  infra: 'ML infrastructure',
  monitor: 'Monitoring',
  debt: 'Hidden technical debt',
};

type Spec = Omit<ItemSpec, 'id' | 'section' | 'number'>;

function section(id: Exclude<SectionId, 'debt'>, specs: readonly Spec[]): ItemSpec[] {
  return specs.map((s, i) => ({ ...s, id: `${id}-${String(i + 1)}`, section: id, number: i + 1 }));
}

/** Breck et al., "The ML Test Score" (2017): four sections of seven tests, reworded. */
export const SCORED_ITEMS: readonly ItemSpec[] = [
  ...section('data', [
    {
      title: 'Feature expectations are written down as a schema',
      description: 'The expected types, ranges and distributions of the input data live in a schema that data is checked against, not only in people\'s heads.',
      kind: 'evidence',
      rules: ['data-validation-missing'],
      next: 'Describe the input data with pandera, Great Expectations, pydantic or a TFDV schema, and check each load against it.',
    },
    {
      title: 'Every feature earns its place',
      description: 'Each feature was shown to help the model (ablation, importance analysis), so none is kept out of habit.',
      kind: 'manual',
      rules: [],
      next: 'Run a feature-importance or ablation study, share the result, and attest it.',
    },
    {
      title: 'No feature costs more than it brings',
      description: 'The latency, memory and upstream dependencies each feature adds were weighed against what it adds to quality.',
      kind: 'manual',
      rules: [],
      next: 'Review what each feature costs to compute and serve, and attest the review.',
    },
    {
      title: 'Features meet meta-level requirements',
      description: 'Features that must not be used (personal data, protected attributes, sources without a licence) are listed and kept out by a check.',
      kind: 'manual',
      rules: [],
      next: 'Write down the banned features and enforce the list in a schema or test; attest the review.',
    },
    {
      title: 'The data pipeline has privacy controls',
      description: 'Access to personal data is controlled and audited, and no credentials sit in code, configs or notebook outputs.',
      kind: 'partial',
      rules: ['hardcoded-secret'],
      next: 'Move credentials to a secret store and attest the access controls of the data pipeline.',
    },
    {
      title: 'New features can be added quickly',
      description: 'Proposing, building and shipping a new feature takes days, not months.',
      kind: 'manual',
      rules: [],
      next: 'Measure how long the last new feature took from idea to production, and attest it.',
    },
    {
      title: 'All feature code is tested',
      description: 'The code that builds features for training and for serving is covered by tests that run.',
      kind: 'evidence',
      rules: ['feature-code-untested', 'tests-missing'],
      next: 'Add unit tests that import the feature modules, and run them in CI.',
    },
  ]),
  ...section('model', [
    {
      title: 'Model specs are reviewed and checked in',
      description: 'The code and configuration that define a model are under version control and go through review.',
      kind: 'partial',
      rules: ['dvc-metadata-not-committed', 'notebook-in-pipeline'],
      next: 'Commit model code and configs, require review for them (for example with CODEOWNERS), and attest the review practice.',
    },
    {
      title: 'Offline metrics track online impact',
      description: 'The metrics used to pick a model offline were shown to move with the product metrics it affects, and no leakage inflates them.',
      kind: 'manual',
      rules: ['preprocessing-fit-before-split'],
      next: 'Fit preprocessing after the split, compare offline metrics with an online experiment, and attest the result.',
    },
    {
      title: 'Hyperparameters are tuned',
      description: 'Hyperparameters come from a search (grid, random, Bayesian), not from a first guess.',
      kind: 'partial',
      rules: ['hyperparameter-literal-bypasses-config'],
      next: 'Search hyperparameters with Optuna, Ray Tune or scikit-learn\'s search classes, and keep them in config.',
    },
    {
      title: 'The cost of model staleness is known',
      description: 'The team knows how fast quality drops as the model ages, so retraining is scheduled for a reason.',
      kind: 'manual',
      rules: [],
      next: 'Evaluate an older model on recent data, decide a retraining interval, and attest it.',
    },
    {
      title: 'A simpler model is not better',
      description: 'The model is compared against a simple baseline (a constant, a linear model) and beats it.',
      kind: 'partial',
      rules: [],
      next: 'Evaluate a baseline model (for example scikit-learn\'s DummyClassifier) next to the real one.',
    },
    {
      title: 'Quality holds on important slices',
      description: 'Quality is measured per important segment of the data, not only on average.',
      kind: 'partial',
      rules: [],
      next: 'Report metrics per slice (for example with Fairlearn\'s MetricFrame or TFMA), and attest the review.',
    },
    {
      title: 'The model was checked for inclusion',
      description: 'The model was tested for unfair behaviour towards groups of users.',
      kind: 'partial',
      rules: [],
      next: 'Measure fairness metrics (Fairlearn, AIF360) and attest the review.',
    },
  ]),
  ...section('infra', [
    {
      title: 'Training is reproducible',
      description: 'Training twice on the same data gives the same model: seeds set, dependencies locked, data versioned, notebooks run in order.',
      kind: 'partial',
      rules: [
        'random-seed-missing', 'random-state-unset', 'torch-nondeterminism', 'dependency-unpinned', 'lockfile-missing-or-stale',
        'remote-data-unpinned', 'data-path-unversioned', 'notebook-out-of-order-execution', 'notebook-hidden-state', 'absolute-local-path',
      ],
      next: 'Set seeds, lock dependencies, version the data, and run the pipeline from a clean checkout (for example `dvc repro` in CI).',
    },
    {
      title: 'Model code is unit tested',
      description: 'The code that defines and trains models has tests: it builds, the loss goes down, a checkpoint restores.',
      kind: 'evidence',
      rules: ['model-code-untested', 'tests-missing'],
      next: 'Add tests that build the model and run a training step on a tiny batch, and run them in CI.',
    },
    {
      title: 'The whole pipeline is integration tested',
      description: 'A test runs the pipeline end to end, from raw data to a served prediction, on a small sample.',
      kind: 'evidence',
      rules: ['pipeline-implicit-handoff', 'notebook-in-pipeline', 'ci-does-not-run-tests'],
      next: 'Declare the pipeline\'s steps (DVC, Make) and run it on a sample dataset in CI.',
    },
    {
      title: 'Model quality is checked before serving',
      description: 'A new model must pass a quality gate (fixed thresholds, comparison with the current model) before it serves.',
      kind: 'partial',
      rules: [],
      next: 'Record metrics in the pipeline (DVC metrics) and fail CI when they fall below a threshold or the current model.',
    },
    {
      title: 'The model can be debugged one example at a time',
      description: 'Someone can feed a single example through the model and look at what happens inside.',
      kind: 'partial',
      rules: [],
      next: 'Add a test or script that runs one example through training and serving code, and attest it.',
    },
    {
      title: 'Models are canaried before serving',
      description: 'A new model first serves a small share of traffic, and the serving system is checked to load it.',
      kind: 'partial',
      rules: [],
      next: 'Deploy new models behind a traffic split (Argo Rollouts, KServe, Seldon), and attest the process.',
    },
    {
      title: 'Serving models can be rolled back',
      description: 'A previous model version can be put back quickly and safely.',
      kind: 'partial',
      rules: ['large-artifact-in-git'],
      next: 'Version model artifacts in a registry or DVC and pin the served version, then attest a rollback drill.',
    },
  ]),
  ...section('monitor', [
    {
      title: 'Dependency changes raise a flag',
      description: 'The team hears about changes to the code libraries and upstream data the model depends on.',
      kind: 'partial',
      rules: ['import-undeclared-dependency'],
      next: 'Enable Dependabot or Renovate for the dependencies, and attest how upstream data changes are announced.',
    },
    {
      title: 'Data invariants hold in training and serving',
      description: 'The same checks of the input data run on training data and on live requests.',
      kind: 'evidence',
      rules: ['serving-input-unvalidated', 'data-validation-missing'],
      next: 'Validate serving requests with the same schema the training data is checked against.',
    },
    {
      title: 'Training and serving features do not skew',
      description: 'Features are computed by the same code in training and serving, with the same fitted preprocessing.',
      kind: 'partial',
      rules: ['preprocessing-duplicated-train-serve', 'fitted-transformer-not-persisted'],
      next: 'Share one feature module between training and serving, persist fitted transformers with the model, and monitor skew.',
    },
    {
      title: 'Models are not too stale',
      description: 'Retraining runs on a schedule, and an alert fires when the served model gets too old.',
      kind: 'partial',
      rules: [],
      next: 'Schedule retraining (a CI cron or an orchestrator schedule) and alert on the model\'s age.',
    },
    {
      title: 'Models are numerically stable',
      description: 'NaN and infinite values in training or predictions are caught, not silently served.',
      kind: 'partial',
      rules: [],
      next: 'Check for NaN and infinity in losses and predictions (for example `torch.isfinite`, `np.isfinite`) and alert on them.',
    },
    {
      title: 'Computing performance has not regressed',
      description: 'Training speed, serving latency, throughput and memory are measured, and regressions are caught.',
      kind: 'partial',
      rules: [],
      next: 'Add benchmarks (pytest-benchmark, Locust) to CI and alert on latency.',
    },
    {
      title: 'Prediction quality has not regressed',
      description: 'Live prediction quality is monitored and alerts fire when it drops.',
      kind: 'partial',
      rules: [],
      next: 'Log predictions and monitor their quality with a tool such as Evidently, whylogs or NannyML.',
    },
  ]),
];

/** The debt section's items: one per rule category, met when no warning or error finding of the category is open. */
export const DEBT_CATEGORIES: readonly { readonly category: Category; readonly title: string; readonly description: string; readonly next: string }[] = [
  { category: 'data', title: 'Data dependencies are pinned', description: 'Every dataset and model the code loads is versioned or checksummed.', next: 'Version data with DVC or LFS, pin hub revisions and verify downloads.' },
  { category: 'dependencies', title: 'Dependencies are declared and locked', description: 'Manifests declare what the code imports, pin it, and a fresh lockfile matches them.', next: 'Declare every import, pin versions and refresh the lockfile.' },
  { category: 'reproducibility', title: 'Runs are reproducible', description: 'Random seeds are set and no absolute local paths tie the code to one machine.', next: 'Seed every random source and use paths relative to the project.' },
  { category: 'configuration', title: 'Configuration is not sprawling', description: 'Config keys are used, defined once, and hyperparameters live in config.', next: 'Delete unused keys, define each value once, and read hyperparameters from config.' },
  { category: 'glue-code', title: 'No glue code or pipeline jungles', description: 'Pipeline steps are declared, experiments do not leak into production, no dead flags or copied files.', next: 'Declare steps in DVC or Make, remove dead branches and stale copies.' },
  { category: 'skew', title: 'No training/serving skew', description: 'Preprocessing is shared and persisted, fitted after the split, and serving validates its input.', next: 'Share preprocessing, persist fitted transformers, validate requests.' },
  { category: 'testing', title: 'Tests and validation exist and run', description: 'Feature and model code are tested, data is validated, CI runs the tests.', next: 'Test feature and model code, validate data, and run both in CI.' },
  { category: 'notebooks', title: 'Notebooks are not pipelines', description: 'Notebooks run top to bottom, commit no large outputs, and no pipeline executes them.', next: 'Restart and run notebooks in order, clear outputs, move pipeline code to modules.' },
  { category: 'secrets', title: 'No secrets in the repository', description: 'No credentials in code, configs, notebooks or tracked .env files.', next: 'Move credentials to a secret store and rotate the exposed ones.' },
];

/** Every item id a team may attest, in report order. */
export const ITEM_IDS: readonly string[] = [...SCORED_ITEMS.map((i) => i.id), ...DEBT_CATEGORIES.map((c) => `debt-${c.category}`)];

/** The paper's interpretation of a final score, reworded. */
export function band(score: number): string {
  if (score <= 0) return 'More a research project than a production system.';
  if (score <= 1) return 'Not untested, but serious holes in reliability are likely.';
  if (score <= 2) return 'A first pass at production readiness; more investment is needed.';
  if (score <= 3) return 'Reasonably tested and monitored; more of it could be automated.';
  if (score <= 5) return 'Strong automated testing and monitoring, fit for a critical system.';
  return 'Exceptional automated testing and monitoring.';
}

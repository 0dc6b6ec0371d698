// Per-item probes: what the repository shows for each ML Test Score item, as evidence with a level and a place.
import ignore from 'ignore';
import { isTemplated, isVendored } from '../analyses/code-areas.js';
import type { ImportGraph } from '../analyses/import-graph.js';
import { testSuite, type TestSuite } from '../analyses/test-reach.js';
import { trainServeSides } from '../analyses/entrypoints.js';
import { baseName } from '../file-kinds.js';
import type { FileFacts, ImportFact } from '../facts.js';
import type { CoverageReport, JunitReport } from '../parsers/test-reports.js';
import type { ProjectModel } from '../project.js';
import { automation, commandEvidence, type Automation, type AutomatedCommand } from './automation.js';
import type { ReadinessInput } from './input.js';
import type { EvidenceRef } from './types.js';

/** A machine result older than this is history, not evidence of the current state. */
export const RESULT_MAX_AGE_DAYS = 30;
/** Files larger than this are not searched by the text probes. */
const MAX_PROBE_BYTES = 1_000_000;
/** At most this many evidence entries per item are kept (the first ones in path order). */
const MAX_EVIDENCE = 6;

export interface ProbeContext {
  readonly input: ReadinessInput;
  readonly project: ProjectModel;
  readonly facts: ReadonlyMap<string, FileFacts>;
  readonly graph: ImportGraph;
  readonly suite: TestSuite;
  readonly auto: Automation;
  /** Project-relative paths of every file in the inventory. */
  readonly paths: ReadonlySet<string>;
  readonly training: ReadonlySet<string>;
  readonly serving: ReadonlySet<string>;
}

export type Probe = (ctx: ProbeContext) => Promise<EvidenceRef[]> | EvidenceRef[];

export function probeContext(input: ReadinessInput, graph: ImportGraph): ProbeContext {
  const { project, facts } = input;
  const suite = testSuite(project.files, facts, graph, input.configs);
  const sides = trainServeSides(facts, graph);
  return {
    input,
    project,
    facts,
    graph,
    suite,
    auto: automation(project, facts, graph, suite),
    paths: new Set(project.files.map((f) => f.path)),
    training: graph.reachableFrom(sides.trainingEntries),
    serving: graph.reachableFrom(sides.servingEntries),
  };
}

const own = (path: string): boolean => !isVendored(path) && !isTemplated(path);
const isTestFile = (ctx: ProbeContext, path: string): boolean => ctx.facts.get(path)?.roles?.includes('test') === true || ctx.facts.get(path)?.outline?.roles.includes('test') === true;

/** Where a file is, for evidence: 1-based line, notebook cell when there is one. */
function at(file: string, range: { readonly start: { readonly line: number } } | undefined, cell?: number): Pick<EvidenceRef, 'file' | 'line' | 'cell'> {
  return { file, ...(range ? { line: range.start.line + 1 } : {}), ...(cell === undefined ? {} : { cell }) };
}

/** Imports that match, in path order, outside vendored and templated code. */
function importSites(ctx: ProbeContext, match: (fact: ImportFact) => string | undefined): { file: string; fact: ImportFact; what: string }[] {
  const out: { file: string; fact: ImportFact; what: string }[] = [];
  for (const [file, fileFacts] of [...ctx.facts].sort(([a], [b]) => (a < b ? -1 : 1))) {
    if (!own(file)) continue;
    for (const fact of fileFacts.imports) {
      if (fact.level !== 0) continue;
      const what = match(fact);
      if (what !== undefined) out.push({ file, fact, what });
    }
  }
  return out;
}

const moduleIs = (fact: ImportFact, ...modules: string[]): boolean => modules.some((m) => fact.module === m || fact.module.startsWith(`${m}.`));
const importsName = (fact: ImportFact, module: string, names: readonly string[]): boolean =>
  (fact.module === module && names.some((n) => fact.names.includes(n))) || names.some((n) => fact.module === `${module}.${n}`);

/** Turns import sites into evidence: present where imported, automated where a machine runs the file. */
function fromSites(ctx: ProbeContext, sites: readonly { file: string; fact: ImportFact; what: string }[], automatedWhat: string): EvidenceRef[] {
  const out: EvidenceRef[] = [];
  const seen = new Set<string>();
  for (const site of sites) {
    if (seen.has(site.file)) continue;
    seen.add(site.file);
    out.push({ level: 'present', text: site.what, ...at(site.file, site.fact.range, site.fact.cell) });
    const command = ctx.auto.via(site.file);
    if (command) out.push(automatedRef(command, site.file, automatedWhat));
  }
  return out;
}

function automatedRef(command: AutomatedCommand, file: string, what: string): EvidenceRef {
  return commandEvidence(command, `runs ${file === '' ? 'it' : `\`${file}\``}${what === '' ? '' : ` (${what})`}`);
}

/** Files whose text matches, among candidates, with the first matching line. */
async function textSites(ctx: ProbeContext, candidates: readonly string[], pattern: RegExp, limit = 3): Promise<{ file: string; line: number; text: string }[]> {
  const out: { file: string; line: number; text: string }[] = [];
  const sizes = new Map(ctx.project.files.map((f) => [f.path, f.size]));
  for (const file of [...candidates].sort()) {
    if (out.length >= limit) break;
    if ((sizes.get(file) ?? 0) > MAX_PROBE_BYTES || !own(file)) continue;
    const text = await ctx.input.readText(file);
    if (text === undefined) continue;
    const match = pattern.exec(text);
    if (!match) continue;
    const line = text.slice(0, match.index).split('\n').length;
    out.push({ file, line, text: match[0].trim() });
  }
  return out;
}

/** Code that tests reach, as evidence for the feature- and model-code items. */
function testedCode(ctx: ProbeContext, pick: (facts: FileFacts) => readonly { readonly name: string; readonly range: { readonly start: { readonly line: number } }; readonly cell?: number }[], noun: string): EvidenceRef[] {
  const modules = [...ctx.facts]
    .filter(([file, f]) => own(file) && !isTestFile(ctx, file) && pick(f).length > 0)
    .map(([file]) => file)
    .sort();
  if (modules.length === 0) return [];
  const coverage = freshCoverage(ctx);
  const covered = (m: string): boolean => coverage.some((r) => (r.files.get(m)?.covered ?? 0) > 0);
  const tested = modules.filter((m) => ctx.suite.reached.has(m) || covered(m));
  const out: EvidenceRef[] = [];
  for (const file of tested) {
    const first = pick(ctx.facts.get(file) as FileFacts)[0];
    out.push({ level: 'present', text: `tests reach ${noun} code \`${first?.name ?? baseName(file)}\` (${String(tested.length)} of ${String(modules.length)} ${noun} modules)`, ...at(file, first?.range, first?.cell) });
  }
  // The item asks for all of it: a CI run or a result counts only once every module has a test.
  if (tested.length < modules.length) return out;
  if (ctx.auto.testRun) out.push(commandEvidence(ctx.auto.testRun, 'runs the tests'));
  for (const report of coverage) {
    const seen = modules.filter((m) => (report.files.get(m)?.covered ?? 0) > 0);
    if (seen.length > 0) out.push({ level: 'observed', text: `coverage report covers ${String(seen.length)} of ${String(modules.length)} ${noun} modules`, file: report.file });
  }
  const suiteFiles = new Set(ctx.suite.files.map((f) => f.path));
  // A report that names its test files must name ours; one that names none (some runners omit them) is taken as ours.
  const junit = freshJunit(ctx).find((r) => r.tests > 0 && r.failures === 0 && r.errors === 0 && (r.files.length === 0 || r.files.some((f) => suiteFiles.has(f))));
  if (junit) out.push({ level: 'observed', text: `test results: ${String(junit.tests)} tests passed`, file: junit.file });
  return out;
}

const fresh = (ctx: ProbeContext, mtimeMs: number | undefined): boolean => mtimeMs !== undefined && ctx.input.now.getTime() - mtimeMs <= RESULT_MAX_AGE_DAYS * 86_400_000;
const freshCoverage = (ctx: ProbeContext): CoverageReport[] => (ctx.project.testReports?.coverage ?? []).filter((r) => fresh(ctx, r.mtimeMs));
const freshJunit = (ctx: ProbeContext): JunitReport[] => (ctx.project.testReports?.junit ?? []).filter((r) => fresh(ctx, r.mtimeMs));

const DATA_BASES = new Set([
  'torch.utils.data.Dataset', 'torch.utils.data.IterableDataset', 'torch.utils.data.dataset.Dataset', 'lightning.LightningDataModule', 'lightning.pytorch.LightningDataModule',
  'pytorch_lightning.LightningDataModule', 'tensorflow.keras.utils.Sequence', 'keras.utils.Sequence', 'keras.utils.PyDataset',
]);
const HPO_MODULES = ['optuna', 'ray.tune', 'hyperopt', 'keras_tuner', 'kerastuner', 'skopt', 'nevergrad', 'ax', 'syne_tune', 'bayes_opt', 'flaml'];
const SEARCH_CLASSES = ['GridSearchCV', 'RandomizedSearchCV', 'HalvingGridSearchCV', 'HalvingRandomSearchCV'];
const MONITORING_MODULES = ['evidently', 'whylogs', 'nannyml', 'alibi_detect', 'deepchecks', 'prometheus_client', 'arize', 'fiddler'];
const SECRET_SCANNERS = /\b(gitleaks|trufflehog|detect-secrets|ggshield|git-secrets)\b/;
const NUMERIC_GUARD = /\b(?:torch|np|numpy|tf|jnp|math)\.(?:isnan|isinf|isfinite|nan_to_num)\b|\bdetect_anomaly\b|\bcheck_numerics\b|\bTerminateOnNaN\b|\bdetect_anomalous_params\b/;
const CANARY = /^\s*(?:canary:|canaryTrafficPercent:|kind:\s*Rollout\b|trafficPercent:|traffic:\s*\d)/m;

/** The probes of the scored items, by item id. Items without a probe can only be attested. */
export const PROBES: Readonly<Record<string, Probe>> = {
  'data-1': (ctx) => {
    const out: EvidenceRef[] = [];
    for (const [file, f] of [...ctx.facts].sort(([a], [b]) => (a < b ? -1 : 1))) {
      const site = f.outline?.validation[0];
      if (!site || !own(file)) continue;
      out.push({ level: 'present', text: `data validated with ${site.via}`, ...at(file, site.range, site.cell) });
      const command = ctx.auto.via(file);
      if (command) out.push(automatedRef(command, file, 'validates data'));
    }
    return out;
  },
  'data-2': async (ctx) => {
    const out = fromSites(
      ctx,
      importSites(ctx, (f) => (moduleIs(f, 'shap', 'lime', 'eli5') ? `feature attribution with ${f.module}` : importsName(f, 'sklearn.inspection', ['permutation_importance']) ? 'permutation importance' : undefined)),
      'feature importance',
    );
    const models = [...ctx.facts].filter(([file, f]) => !isTestFile(ctx, file) && f.imports.some((i) => moduleIs(i, 'sklearn', 'xgboost', 'lightgbm', 'catboost'))).map(([file]) => file);
    for (const site of (await textSites(ctx, models, /\.feature_importances?_?\b|\.get_score\(|\.feature_importance\(/)).slice(0, 2)) {
      out.push({ level: 'present', text: `feature importances are computed (${site.text})`, file: site.file, line: site.line });
    }
    return out;
  },
  'data-5': async (ctx) => {
    const out: EvidenceRef[] = [];
    const configs = ['.pre-commit-config.yaml', '.gitleaks.toml', '.secrets.baseline'].filter((p) => ctx.paths.has(p));
    for (const site of await textSites(ctx, configs, SECRET_SCANNERS)) out.push({ level: 'present', text: `secret scanning configured (${site.text})`, file: site.file, line: site.line });
    for (const c of ctx.auto.commands) if (c.via === 'ci' && SECRET_SCANNERS.test(c.text)) out.push(commandEvidence(c, 'scans for secrets'));
    return out;
  },
  // Deep-learning projects keep their feature code in datasets and data modules (per-example transforms).
  'data-7': (ctx) => testedCode(ctx, (f) => [...(f.outline?.features ?? []), ...(f.outline?.classes.filter((c) => c.bases.some((b) => DATA_BASES.has(b))) ?? [])], 'feature'),
  'model-1': async (ctx) => {
    const out: EvidenceRef[] = [];
    const tracked = ctx.project.git?.tracked;
    // The spec of a model is its definition (a network, an estimator class) or the training script that builds it.
    const specs = [...ctx.facts]
      .filter(([file, f]) => own(file) && !isTestFile(ctx, file) && ((f.outline?.models.length ?? 0) > 0 || (f.roles ?? f.outline?.roles ?? []).includes('training')))
      .map(([file]) => file)
      .sort();
    const hasModel = (file: string): number => ((ctx.facts.get(file)?.outline?.models.length ?? 0) > 0 ? 0 : /train/i.test(baseName(file)) ? 1 : 2);
    const committed = tracked ? specs.filter((m) => tracked.has(m)).sort((a, b) => hasModel(a) - hasModel(b)) : [];
    const first = committed[0];
    if (first !== undefined) {
      const model = ctx.facts.get(first)?.outline?.models[0];
      out.push({ level: 'present', text: `model code is committed (${String(committed.length)} ${committed.length === 1 ? 'file' : 'files'})`, ...at(first, model?.range, model?.cell) });
    }
    const owners = ['CODEOWNERS', '.github/CODEOWNERS', 'docs/CODEOWNERS', '.gitlab/CODEOWNERS'].find((p) => ctx.paths.has(p));
    const text = owners === undefined || first === undefined ? undefined : await ctx.input.readText(owners);
    // Only a rule with an owner that covers model code requests a review of it (a CODEOWNERS for docs/ does not).
    const owned = text === undefined ? undefined : ownedBy(text, committed);
    if (owners !== undefined && owned !== undefined) out.push({ level: 'automated', text: `CODEOWNERS requests review of \`${owned.file}\` automatically`, file: owners, line: owned.line });
    return out;
  },
  'model-3': async (ctx) => {
    const out = fromSites(
      ctx,
      importSites(ctx, (f) => (moduleIs(f, ...HPO_MODULES) ? `hyperparameter search with ${f.module}` : importsName(f, 'sklearn.model_selection', SEARCH_CLASSES) ? 'hyperparameter search with scikit-learn' : undefined)),
      'hyperparameter search',
    );
    // Hydra sweepers and W&B sweeps declare the search in config rather than code.
    const configs = ctx.project.files.filter((f) => (f.kind === 'yaml' || f.kind === 'json') && /(^|\/)[^/]*(sweep|hparams?|hpo|tun(e|ing)|search)[^/]*(\/|\.(ya?ml|json)$)/i.test(f.path)).map((f) => f.path);
    for (const site of (await textSites(ctx, configs, /^\s*(?:-\s*override\s+\/hydra\/sweeper:\s*\w+|_target_:\s*hydra_plugins\.\S+|method:\s*(?:bayes|grid|random)\s*$)/m)).slice(0, 2)) {
      out.push({ level: 'present', text: `a hyperparameter sweep in config (${site.text})`, file: site.file, line: site.line });
    }
    return out;
  },
  'model-5': (ctx) => fromSites(ctx, importSites(ctx, (f) => (moduleIs(f, 'sklearn.dummy') || importsName(f, 'sklearn', ['dummy']) ? 'a baseline model (sklearn.dummy)' : undefined)), 'baseline'),
  'model-6': (ctx) =>
    fromSites(ctx, importSites(ctx, (f) => (importsName(f, 'fairlearn.metrics', ['MetricFrame']) ? 'metrics per slice (MetricFrame)' : moduleIs(f, 'tensorflow_model_analysis') ? 'sliced evaluation (TFMA)' : undefined)), 'sliced evaluation'),
  'model-7': (ctx) => fromSites(ctx, importSites(ctx, (f) => (moduleIs(f, 'fairlearn', 'aif360') ? `fairness metrics with ${f.module.split('.')[0] ?? f.module}` : undefined)), 'fairness check'),
  'infra-1': (ctx) => {
    const out: EvidenceRef[] = [];
    for (const lock of ctx.project.locks.slice(0, 2)) out.push({ level: 'present', text: 'dependencies are locked', file: lock.file });
    for (const lock of ctx.project.dvc.locks.slice(0, 2)) out.push({ level: 'present', text: 'DVC records the pipeline\'s inputs and outputs', file: lock.file });
    for (const c of ctx.auto.commands) if (c.via === 'ci' && /\bdvc\s+(repro|exp\s+run)\b/.test(c.text)) out.push(commandEvidence(c, 'reruns the pipeline from a clean checkout'));
    return out;
  },
  'infra-2': (ctx) => testedCode(ctx, (f) => f.outline?.models ?? [], 'model'),
  'infra-3': (ctx) => {
    const out: EvidenceRef[] = [];
    for (const pipeline of ctx.project.dvc.pipelines) if (pipeline.stages.length > 0) out.push({ level: 'present', text: `DVC pipeline with ${String(pipeline.stages.length)} stages`, file: pipeline.file, line: (pipeline.stages[0]?.range.start.line ?? 0) + 1 });
    const integration = ctx.suite.files.filter((f) => /(^|\/)(integration|e2e|end_to_end|system)(_tests?)?(\/|_|\.py$)/.test(f.path) && f.tests > 0);
    for (const f of integration.slice(0, 2)) out.push({ level: 'present', text: `integration tests (${String(f.tests)})`, file: f.path });
    for (const c of ctx.auto.commands) {
      if (c.via !== 'ci') continue;
      if (/\bdvc\s+(repro|exp\s+run)\b/.test(c.text)) out.push(commandEvidence(c, 'runs the whole pipeline'));
      else if (integration.length > 0 && c === ctx.auto.testRun) out.push(commandEvidence(c, 'runs the integration tests'));
      else if (/\bpytest\b.*\s-m\s+['"]?integration/.test(c.text)) out.push(commandEvidence(c, 'runs the integration tests'));
    }
    return out;
  },
  'infra-4': (ctx) => {
    const out: EvidenceRef[] = [];
    for (const pipeline of ctx.project.dvc.pipelines) {
      const metrics = [...pipeline.metrics, ...pipeline.stages.flatMap((s) => s.metrics)];
      if (metrics.length > 0) out.push({ level: 'present', text: `the pipeline records metrics (${metrics.map((m) => m.path).slice(0, 3).join(', ')})`, file: pipeline.file });
    }
    const jobs = new Set<string>();
    for (const c of ctx.auto.commands) {
      if (c.via !== 'ci' || jobs.has(`${c.file}\u0000${c.owner}`) || !/\bdvc\s+(metrics|exp|plots)\s+diff\b/.test(c.text)) continue;
      jobs.add(`${c.file}\u0000${c.owner}`);
      out.push(commandEvidence(c, 'compares the new model\'s metrics with the previous one'));
    }
    return out;
  },
  'infra-6': async (ctx) => {
    const yaml = ctx.project.files.filter((f) => f.kind === 'yaml' && /(^|\/)(k8s|kubernetes|deploy|deployment|manifests|charts|helm|serving|infra)\//i.test(f.path)).map((f) => f.path);
    return (await textSites(ctx, yaml, CANARY)).map((s) => ({ level: 'present' as const, text: `traffic split in a deployment manifest (${s.text})`, file: s.file, line: s.line }));
  },
  'infra-7': async (ctx) => {
    const out: EvidenceRef[] = [];
    for (const site of await textSites(ctx, ctx.project.dvc.pipelines.map((p) => p.file), /^\s+type:\s*model\s*$/m)) out.push({ level: 'present', text: 'a model declared as a versioned DVC artifact', file: site.file, line: site.line });
    out.push(...fromSites(ctx, importSites(ctx, (f) => (moduleIs(f, 'mlflow') && /register|registry|client|tracking/i.test([f.module, ...f.names].join(' ')) ? 'a model registry (MLflow)' : undefined)), 'model registration'));
    for (const file of ctx.project.dvc.files) {
      const model = file.outs.find((o) => /(^|\/)models?(\/|$)|\.(pt|pth|pkl|joblib|onnx|h5|safetensors|ckpt)$/.test(o.path));
      if (model) out.push({ level: 'present', text: `model artifact versioned with DVC (${model.path})`, file: file.file });
    }
    for (const pipeline of ctx.project.dvc.pipelines) {
      const model = pipeline.stages.flatMap((s) => s.outs).find((o) => /(^|\/)models?(\/|$)|\.(pt|pth|pkl|joblib|onnx|h5|safetensors|ckpt)$/.test(o.path));
      if (model && ctx.project.dvc.locks.length > 0) out.push({ level: 'present', text: `model artifact versioned by the DVC pipeline (${model.path})`, file: pipeline.file });
    }
    return out;
  },
  'monitor-1': (ctx) =>
    ['.github/dependabot.yml', '.github/dependabot.yaml', 'renovate.json', 'renovate.json5', '.github/renovate.json', '.renovaterc', '.renovaterc.json']
      .filter((p) => ctx.paths.has(p))
      .map((p) => ({ level: 'automated' as const, text: `${p.includes('dependabot') ? 'Dependabot' : 'Renovate'} proposes dependency updates`, file: p })),
  'monitor-2': (ctx) => {
    const validating = [...ctx.facts].filter(([file, f]) => own(file) && !isTestFile(ctx, file) && (f.outline?.validation.length ?? 0) > 0).map(([file]) => file).sort();
    const serving = validating.filter((f) => ctx.serving.has(f));
    const training = validating.filter((f) => ctx.training.has(f));
    const out: EvidenceRef[] = [];
    for (const file of serving.slice(0, 2)) {
      const site = ctx.facts.get(file)?.outline?.validation[0];
      out.push({ level: 'present', text: `serving validates input with ${site?.via ?? 'a schema'}`, ...at(file, site?.range, site?.cell) });
    }
    if (serving.length === 0) return out;
    for (const file of training.slice(0, 2)) {
      const site = ctx.facts.get(file)?.outline?.validation[0];
      out.push({ level: 'present', text: `training validates data with ${site?.via ?? 'a schema'}`, ...at(file, site?.range, site?.cell) });
      const command = ctx.auto.via(file);
      if (command) out.push(automatedRef(command, file, 'validates training data'));
    }
    return out;
  },
  'monitor-3': (ctx) => {
    const shared = [...ctx.facts].filter(([file, f]) => own(file) && (f.outline?.features.length ?? 0) > 0 && ctx.training.has(file) && ctx.serving.has(file)).map(([file]) => file).sort();
    return shared.slice(0, 3).map((file) => {
      const first = ctx.facts.get(file)?.outline?.features[0];
      return { level: 'present' as const, text: `training and serving share feature code \`${first?.name ?? baseName(file)}\``, ...at(file, first?.range, first?.cell) };
    });
  },
  'monitor-4': (ctx) => {
    const out: EvidenceRef[] = [];
    for (const c of ctx.auto.commands) {
      if (!c.scheduled) continue;
      const trains = /\bdvc\s+(repro|exp\s+run)\b/.test(c.text) || ctx.auto.scripts(c).some((file) => ctx.facts.get(file)?.roles?.includes('training') === true);
      if (trains) out.push(commandEvidence(c, 'retrains on a schedule'));
    }
    return out;
  },
  // Present at most: an `np.isnan` in a pipeline step is as often data cleaning as a guard on the model's numerics,
  // and the item asks for monitoring of live training and serving, which a repository cannot show.
  'monitor-5': async (ctx) => {
    const candidates = [...ctx.facts].filter(([file, f]) => !isTestFile(ctx, file) && (ctx.training.has(file) || ctx.serving.has(file) || (f.outline?.models.length ?? 0) > 0)).map(([file]) => file);
    return (await textSites(ctx, candidates, NUMERIC_GUARD)).map((site) => ({ level: 'present' as const, text: `checks for NaN or infinity (${site.text})`, file: site.file, line: site.line }));
  },
  'monitor-6': async (ctx) => {
    const out: EvidenceRef[] = [];
    const benchmarks = await textSites(ctx, ctx.suite.files.map((f) => f.path), /^\s*def test\w*\([^)]*\bbenchmark\b/m);
    for (const site of benchmarks.slice(0, 2)) out.push({ level: 'present', text: 'a pytest-benchmark test', file: site.file, line: site.line });
    if (benchmarks.length > 0 && ctx.auto.testRun) out.push(commandEvidence(ctx.auto.testRun, 'runs the benchmarks with the tests'));
    for (const p of ['locustfile.py', 'asv.conf.json']) if (ctx.paths.has(p)) out.push({ level: 'present', text: p === 'asv.conf.json' ? 'airspeed velocity benchmarks' : 'a Locust load test', file: p });
    return out;
  },
  'monitor-7': (ctx) =>
    importSites(ctx, (f) => (moduleIs(f, ...MONITORING_MODULES) ? `monitoring with ${f.module.split('.')[0] ?? f.module}` : undefined))
      .filter((s) => !isTestFile(ctx, s.file))
      .filter((s, i, all) => all.findIndex((o) => o.file === s.file) === i)
      .map((s) => ({ level: 'present' as const, text: s.what, ...at(s.file, s.fact.range, s.fact.cell) })),
};

/** The first of `files` a CODEOWNERS rule with at least one owner covers, with the rule's 1-based line (the last matching rule wins, as on GitHub). */
function ownedBy(text: string, files: readonly string[]): { file: string; line: number } | undefined {
  const rules = text.split(/\r?\n/).flatMap((raw, i) => {
    const [pattern, ...owners] = raw.replace(/(^|\s)#.*$/, '').trim().split(/\s+/);
    return pattern === undefined || pattern === '' ? [] : [{ matcher: ignore().add(pattern), owned: owners.length > 0, line: i + 1 }];
  });
  for (const file of files) {
    const rule = [...rules].reverse().find((r) => r.matcher.ignores(file));
    if (rule?.owned) return { file, line: rule.line };
  }
  return undefined;
}

/** Keeps the strongest evidence first and caps the list. */
export function rankEvidence(evidence: readonly EvidenceRef[]): EvidenceRef[] {
  const order = { observed: 0, automated: 1, present: 2 } as const;
  const seen = new Set<string>();
  const unique = evidence.filter((e) => {
    const key = `${e.level}\u0000${e.text}\u0000${e.file}\u0000${String(e.line)}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
  return unique.sort((a, b) => order[a.level] - order[b.level]).slice(0, MAX_EVIDENCE);
}

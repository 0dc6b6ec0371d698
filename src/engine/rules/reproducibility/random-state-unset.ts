// random-state-unset: scikit-learn estimators and splitters that draw random numbers but get no random_state.
import type { Node } from 'web-tree-sitter';
import { headRange } from '../../parsers/python.js';
import type { PythonAnalysis, ResolvedCall } from '../../python/analysis.js';
import { seededLibraries } from '../../python/seeding.js';
import { defineRule } from '../../rule.js';
import type { TextEdit } from '../../types.js';

const messages = {
  unset: '{name}() uses randomness but gets no random_state: results change from run to run. Pass random_state=<seed>.',
  unsetShuffle: '{name}(shuffle=True) gets no random_state: the folds change from run to run. Pass random_state=<seed>.',
  unsetGlobalSeed: "{name}() gets no random_state, so it draws from NumPy's global generator: the file's global seed reaches it only while every draw before it stays the same. Pass random_state=<seed>.",
} as const;

type Id = keyof typeof messages;

/**
 * When a callable only draws random numbers under some arguments, the rule checks those. `always`: it
 * always does (trees, forests, boosting, shufflers, random projections...). The conditions come from the
 * scikit-learn API reference of each class.
 */
type When =
  | { readonly kind: 'always' }
  | { readonly kind: 'shuffle-true' }
  | { readonly kind: 'shuffle-default-true' }
  | { readonly kind: 'arg-in'; readonly arg: string; readonly values: readonly string[]; readonly defaultRandom: boolean };

const ALWAYS: When = { kind: 'always' };
const SPLITTERS_WITH_SHUFFLE_FLAG = ['KFold', 'StratifiedKFold', 'StratifiedGroupKFold'];

function table(): Map<string, When> {
  const m = new Map<string, When>();
  const add = (module: string, names: readonly string[], when: When = ALWAYS): void => {
    for (const n of names) {
      m.set(`sklearn.${module}.${n}`, when);
    }
  };
  add('model_selection', ['ShuffleSplit', 'StratifiedShuffleSplit', 'GroupShuffleSplit', 'RepeatedKFold', 'RepeatedStratifiedKFold', 'RandomizedSearchCV', 'HalvingRandomSearchCV', 'permutation_test_score']);
  add('model_selection', ['train_test_split'], { kind: 'shuffle-default-true' });
  add('model_selection', [...SPLITTERS_WITH_SHUFFLE_FLAG, 'learning_curve'], { kind: 'shuffle-true' });
  add('ensemble', ['RandomForestClassifier', 'RandomForestRegressor', 'ExtraTreesClassifier', 'ExtraTreesRegressor', 'GradientBoostingClassifier', 'GradientBoostingRegressor', 'AdaBoostClassifier', 'AdaBoostRegressor', 'BaggingClassifier', 'BaggingRegressor', 'IsolationForest', 'RandomTreesEmbedding']);
  // Histogram boosting only draws random numbers for early stopping (on by default above 10,000 rows) and binning
  // subsamples: without the data size the rule cannot know, so it speaks only when early stopping is asked for.
  add('ensemble', ['HistGradientBoostingClassifier', 'HistGradientBoostingRegressor'], { kind: 'arg-in', arg: 'early_stopping', values: ['True'], defaultRandom: false });
  add('tree', ['DecisionTreeClassifier', 'DecisionTreeRegressor', 'ExtraTreeClassifier', 'ExtraTreeRegressor']);
  add('linear_model', ['SGDClassifier', 'SGDRegressor', 'SGDOneClassSVM', 'Perceptron', 'PassiveAggressiveClassifier', 'PassiveAggressiveRegressor', 'RANSACRegressor', 'TheilSenRegressor']);
  add('linear_model', ['LogisticRegression'], { kind: 'arg-in', arg: 'solver', values: ['sag', 'saga', 'liblinear'], defaultRandom: false });
  add('linear_model', ['Lasso', 'ElasticNet', 'LassoCV', 'ElasticNetCV', 'MultiTaskLasso', 'MultiTaskElasticNet'], { kind: 'arg-in', arg: 'selection', values: ['random'], defaultRandom: false });
  add('linear_model', ['Ridge'], { kind: 'arg-in', arg: 'solver', values: ['sag', 'saga'], defaultRandom: false });
  add('svm', ['LinearSVC', 'LinearSVR']);
  add('svm', ['SVC', 'NuSVC'], { kind: 'arg-in', arg: 'probability', values: ['True'], defaultRandom: false });
  add('neural_network', ['MLPClassifier', 'MLPRegressor', 'BernoulliRBM']);
  add('cluster', ['KMeans', 'MiniBatchKMeans', 'BisectingKMeans', 'SpectralClustering', 'SpectralBiclustering', 'SpectralCoclustering']);
  add('mixture', ['GaussianMixture', 'BayesianGaussianMixture']);
  add('decomposition', ['FastICA', 'LatentDirichletAllocation', 'MiniBatchDictionaryLearning', 'DictionaryLearning', 'SparsePCA', 'MiniBatchSparsePCA', 'FactorAnalysis']);
  add('decomposition', ['TruncatedSVD'], { kind: 'arg-in', arg: 'algorithm', values: ['randomized'], defaultRandom: true });
  add('decomposition', ['PCA'], { kind: 'arg-in', arg: 'svd_solver', values: ['randomized', 'arpack'], defaultRandom: false });
  add('decomposition', ['NMF'], { kind: 'arg-in', arg: 'init', values: ['random', 'nndsvdar'], defaultRandom: false });
  add('manifold', ['TSNE', 'MDS', 'SpectralEmbedding']);
  add('random_projection', ['GaussianRandomProjection', 'SparseRandomProjection']);
  add('kernel_approximation', ['RBFSampler', 'Nystroem', 'SkewedChi2Sampler', 'PolynomialCountSketch']);
  add('impute', ['IterativeImputer'], { kind: 'arg-in', arg: 'sample_posterior', values: ['True'], defaultRandom: false });
  add('feature_selection', ['mutual_info_classif', 'mutual_info_regression']);
  add('inspection', ['permutation_importance']);
  add('utils', ['shuffle', 'resample']);
  add('datasets', ['make_classification', 'make_regression', 'make_blobs', 'make_moons', 'make_circles', 'make_friedman1', 'make_sparse_uncorrelated', 'make_swiss_roll', 'make_s_curve', 'make_multilabel_classification', 'make_gaussian_quantiles', 'make_hastie_10_2', 'make_low_rank_matrix', 'make_spd_matrix']);
  for (const n of ['RandomOverSampler', 'SMOTE', 'ADASYN', 'BorderlineSMOTE', 'SVMSMOTE', 'SMOTENC', 'SMOTEN', 'KMeansSMOTE']) m.set(`imblearn.over_sampling.${n}`, ALWAYS);
  for (const n of ['RandomUnderSampler', 'ClusterCentroids']) m.set(`imblearn.under_sampling.${n}`, ALWAYS);
  return m;
}

export default defineRule<Id>({
  id: 'random-state-unset',
  category: 'reproducibility',
  defaultSeverity: 'warning',
  profileSeverity: { prototype: 'info' },
  status: 'stable',
  description: 'Finds scikit-learn (and imbalanced-learn) estimators, splitters and generators that draw random numbers but are given no random_state.',
  messages,
  fix: 'unsafe',
  options: {
    seed: { type: 'string', default: '42', description: "What the unsafe fix passes as random_state: a number or a name of the project's seed constant." },
  },
  references: [
    { title: 'scikit-learn docs: Controlling randomness', url: 'https://scikit-learn.org/stable/common_pitfalls.html#controlling-randomness' },
    { title: 'Zhang, Cruz, van Deursen, Code Smells for Machine Learning Applications (CAIN 2022): Randomness Uncontrolled' },
  ],
  fileKinds: ['python', 'notebook'],
  check(ctx) {
    const py = ctx.file.python;
    if (!py?.imports.bindings.some((b) => b.module.startsWith('sklearn') || b.module.startsWith('imblearn'))) return;
    // A global NumPy seed makes the run repeatable but fragile (sklearn's pitfalls guide): the message says so.
    const globallySeeded = seededLibraries(py).has('numpy');
    for (const call of py.calls) {
      const verdict = unseededVerdict(call);
      if (!verdict || seededByEnsemble(py, call)) continue;
      const name = call.qualified?.split('.').pop() ?? 'call';
      const seed = String(ctx.options.seed);
      const argList = call.node.childForFieldName('arguments');
      const fix = argList?.type === 'argument_list' ? insertKeyword(argList, `random_state=${seed}`, py.text) : undefined;
      ctx.report({
        messageId: globallySeeded ? 'unsetGlobalSeed' : verdict === 'shuffle' ? 'unsetShuffle' : 'unset',
        data: { name },
        range: headRange(call.node, py.text),
        subject: `${name} random_state`,
        ...(fix ? { fix: { description: `Pass random_state=${seed}`, safety: 'unsafe' as const, edits: [fix] } } : {}),
      });
    }
  },
});

const RANDOM_CALLABLES: ReadonlyMap<string, When> = table();

function unseededVerdict(call: ResolvedCall): 'yes' | 'shuffle' | undefined {
  const when = call.qualified === undefined ? undefined : RANDOM_CALLABLES.get(call.qualified);
  if (!when || call.args.hasSplat || call.args.keywords.has('random_state')) return undefined;
  return drawsRandom(call, when);
}

/** Bagging and boosting ensembles set the random_state of the estimator they are given from their own. */
const SEEDING_ENSEMBLE = /^(sklearn|imblearn)\.ensemble\.(Bagging|AdaBoost|BalancedBagging|EasyEnsemble|RUSBoost)\w*$/;

function seededByEnsemble(py: PythonAnalysis, call: ResolvedCall): boolean {
  // The name test first: node ends cost a call into tree-sitter each, and most files build no ensemble at all.
  return py.calls.some((outer) => SEEDING_ENSEMBLE.test(outer.qualified ?? '') && outer.node.startIndex < call.node.startIndex && call.node.endIndex <= outer.node.endIndex
    && outer.args.keywords.has('random_state'));
}

/** True for a scikit-learn or imbalanced-learn call that draws from NumPy's global generator (no random_state). */
export function drawsFromNumpyGlobal(py: PythonAnalysis, call: ResolvedCall): boolean {
  return unseededVerdict(call) !== undefined && !seededByEnsemble(py, call);
}

function drawsRandom(call: ResolvedCall, when: When): 'yes' | 'shuffle' | undefined {
  const kw = call.args.keywords;
  switch (when.kind) {
    case 'always':
      return 'yes';
    case 'shuffle-true':
      return kw.get('shuffle')?.text === 'True' ? 'shuffle' : undefined;
    case 'shuffle-default-true': {
      const shuffle = kw.get('shuffle');
      return shuffle === undefined || shuffle.text === 'True' ? 'yes' : undefined;
    }
    case 'arg-in': {
      const value = kw.get(when.arg);
      if (!value) return when.defaultRandom ? 'yes' : undefined;
      const text = value.text.replace(/^['"]|['"]$/g, '');
      return when.values.includes(text) ? 'yes' : undefined;
    }
  }
}

/**
 * Inserts `keyword` as the last argument: `, kw` after the last argument on its line, or on a line of its own
 * (with the last argument's indentation) when the call spreads over lines. A trailing comma moves after it.
 */
function insertKeyword(argList: Node, keyword: string, text: string): TextEdit {
  const args = argList.namedChildren.filter((c): c is Node => c !== null && c.type !== 'comment');
  const last = args[args.length - 1];
  if (!last) {
    const at = { line: argList.endPosition.row, column: argList.endPosition.column - 1 };
    return { range: { start: at, end: at }, newText: keyword };
  }
  const at = { line: last.endPosition.row, column: last.endPosition.column };
  if (last.endPosition.row === argList.endPosition.row) return { range: { start: at, end: at }, newText: `, ${keyword}` };
  const lineStart = text.lastIndexOf('\n', last.startIndex - 1) + 1;
  const indent = /^[ \t]*/.exec(text.slice(lineStart, last.startIndex))?.[0] ?? '';
  return { range: { start: at, end: at }, newText: `,\n${indent}${keyword}` };
}

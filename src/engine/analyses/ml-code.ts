// Which module-level definitions are model code (networks, estimators, model builders) and which are feature code.
import { baseName } from '../file-kinds.js';
import type { PythonAnalysis } from '../python/analysis.js';
import type { Range } from '../types.js';
import type { Definition, ModuleOutline } from './outline.js';

/** A definition the analysis classified, with the evidence a message can show. */
export interface MlDefinition {
  readonly name: string;
  readonly range: Range;
  /** Short evidence: `subclasses torch.nn.Module`, `builds a model`, `transforms data frames`. */
  readonly why: string;
}

export interface MlCode {
  readonly models: readonly MlDefinition[];
  readonly features: readonly MlDefinition[];
}

/** Base classes that make a class a model: networks, Lightning modules, Keras models, estimators. */
const MODEL_BASES = new Set([
  'torch.nn.Module', 'torch.nn.modules.module.Module', 'pytorch_lightning.LightningModule', 'pytorch_lightning.core.LightningModule',
  'lightning.LightningModule', 'lightning.pytorch.LightningModule', 'lightning.pytorch.core.LightningModule', 'lightning.pytorch.core.module.LightningModule',
  'tensorflow.keras.Model', 'tensorflow.keras.models.Model', 'tensorflow.keras.layers.Layer', 'tensorflow.Module', 'keras.Model', 'keras.models.Model',
  'keras.layers.Layer', 'flax.linen.Module', 'equinox.Module', 'haiku.Module', 'transformers.PreTrainedModel', 'transformers.modeling_utils.PreTrainedModel',
  'sklearn.base.ClassifierMixin', 'sklearn.base.RegressorMixin', 'sklearn.base.ClusterMixin',
]);
const TRANSFORMER_BASES = new Set(['sklearn.base.TransformerMixin', 'sklearn.base.OneToOneFeatureMixin', 'sklearn.base.ClassNamePrefixFeaturesOutMixin']);
const ML_FRAMEWORKS = ['torch', 'tensorflow', 'keras', 'sklearn', 'xgboost', 'lightgbm', 'catboost', 'jax', 'flax', 'transformers', 'pytorch_lightning', 'lightning', 'timm'];

/** `build_model`, `create_network`, `make_classifier`, `get_model`; loading a saved model is not defining one. */
const BUILDER_NAME = /^(build|create|make|get|define|construct|init|setup)_?([a-z0-9]+_)*(model|net|network|classifier|regressor|estimator|pipeline|backbone)s?$/i;
/** Function names that say the function derives features or prepares data. */
const FEATURE_NAME = /(^|_)(features?|featurize|featurise|featurization|preprocess\w*|transform\w*|engineer\w*|encode\w*|normali[sz]e\w*|impute\w*|clean\w*|aggregate\w*|extract_\w+)(_|$)/i;
/** Module names that hold feature or preprocessing code by convention. */
const FEATURE_MODULE = /^(features?|feature_\w+|\w+_features?|featurize|featurise|featurization|preprocess\w*|preprocessor|transforms?|fe|data_prep\w*|prepare_data|process_data|processing|cleaning|encoders?|encoding)\.py$/i;
/** Methods that only data frames (pandas, polars) have, so a call to one transforms tabular data. */
const FRAME_METHODS = new Set([
  'groupby', 'group_by', 'merge', 'fillna', 'dropna', 'astype', 'get_dummies', 'pivot_table', 'pivot', 'value_counts', 'reset_index', 'set_index',
  'sort_values', 'rolling', 'with_columns', 'agg', 'qcut', 'melt', 'explode', 'drop_duplicates', 'isna', 'isnull', 'notna', 'fit_transform',
  'interpolate', 'resample', 'pct_change', 'unstack', 'nunique',
]);
const FRAME_MODULES = ['pandas.', 'numpy.', 'polars.', 'sklearn.preprocessing.', 'sklearn.feature_extraction.', 'sklearn.impute.', 'scipy.stats.', 'category_encoders.'];

/** Classifies a module's definitions as model code and feature code. */
export function mlCode(py: PythonAnalysis, outline: ModuleOutline, path: string): MlCode {
  const models: MlDefinition[] = [];
  const features: MlDefinition[] = [];
  const modelNames = new Set<string>();
  const usesFramework = ML_FRAMEWORKS.some((m) => py.imports.importsFrom(m));
  const frameCalls = py.calls.filter((c) => (c.qualified !== undefined && FRAME_MODULES.some((m) => c.qualified?.startsWith(m))) || (c.isMethod && c.shortName !== undefined && FRAME_METHODS.has(c.shortName))).map((c) => c.node.startIndex);
  const frameOps = (d: Definition): number => frameCalls.filter((at) => at >= d.start && at < d.end).length;
  const featureModule = FEATURE_MODULE.test(baseName(path)) || /(^|\/)features?\//i.test(path);
  for (const d of outline.definitions) {
    if (d.kind === 'class') {
      const modelBase = d.bases.find((b) => MODEL_BASES.has(b) || modelNames.has(b));
      const estimator = d.bases.includes('sklearn.base.BaseEstimator');
      const transformer = d.bases.some((b) => TRANSFORMER_BASES.has(b)) || (estimator && d.methods.includes('transform'));
      if (transformer) features.push({ name: d.name, range: d.range, why: 'is a scikit-learn transformer' });
      else if (modelBase !== undefined) {
        modelNames.add(d.name);
        models.push({ name: d.name, range: d.range, why: `subclasses ${modelBase}` });
      } else if (estimator && (d.methods.includes('predict') || d.methods.includes('fit'))) {
        modelNames.add(d.name);
        models.push({ name: d.name, range: d.range, why: 'is a scikit-learn estimator' });
      }
      continue;
    }
    if (usesFramework && BUILDER_NAME.test(d.name) && !/^load/i.test(d.name)) {
      models.push({ name: d.name, range: d.range, why: 'builds a model' });
      continue;
    }
    const ops = frameOps(d);
    if ((FEATURE_NAME.test(d.name) && ops >= 1) || (featureModule && ops >= 2)) features.push({ name: d.name, range: d.range, why: 'transforms data frames or arrays' });
  }
  return { models, features };
}

// Random-number generators in Python ML code: which libraries a file draws from, which it seeds, and whether it trains.
import type { Node } from 'web-tree-sitter';
import { baseName } from '../file-kinds.js';
import type { PythonAnalysis, ResolvedCall } from './analysis.js';
import type { FileRole } from './roles.js';

/** The global generators a training script draws from; each is seeded on its own. */
export type RngLibrary = 'random' | 'numpy' | 'torch' | 'tensorflow';

export const RNG_LIBRARIES: readonly RngLibrary[] = ['random', 'numpy', 'torch', 'tensorflow'];
const ALL: readonly RngLibrary[] = RNG_LIBRARIES;

/** A call that draws from a library's global generator. */
export interface RandomUse {
  readonly library: RngLibrary;
  readonly call: ResolvedCall;
  /** The seeds that reach this draw; usually the library's own. */
  readonly seededBy: readonly RngLibrary[];
}

/**
 * Standalone Keras seeds its weights, dropout and shuffling from NumPy (Keras 2) or Python's random (Keras 3) when
 * no TensorFlow seed is set, so any of the three seeds it; `tf.keras` in TensorFlow 2 needs the TensorFlow seed.
 */
const STANDALONE_KERAS_SEEDS: readonly RngLibrary[] = ['tensorflow', 'numpy', 'random'];

const PY_RANDOM_DRAWS = new Set([
  'random', 'randint', 'randrange', 'choice', 'choices', 'shuffle', 'sample', 'uniform', 'gauss', 'normalvariate', 'triangular',
  'betavariate', 'expovariate', 'gammavariate', 'lognormvariate', 'vonmisesvariate', 'paretovariate', 'weibullvariate',
  'getrandbits', 'randbytes', 'binomialvariate',
]);
/** numpy.random names that build or manage generators rather than draw from the global one. */
const NUMPY_NON_DRAWS = new Set(['seed', 'default_rng', 'RandomState', 'Generator', 'SeedSequence', 'get_state', 'set_state', 'BitGenerator', 'PCG64', 'PCG64DXSM', 'MT19937', 'Philox', 'SFC64', 'bit_generator']);
const TORCH_DRAWS = new Set(['rand', 'randn', 'randint', 'randperm', 'rand_like', 'randn_like', 'randint_like', 'normal', 'bernoulli', 'multinomial', 'poisson']);
/** torch.nn modules whose parameters start random, or that drop units at random while training. */
const TORCH_RANDOM_MODULES = new Set([
  'Linear', 'Bilinear', 'LazyLinear', 'Conv1d', 'Conv2d', 'Conv3d', 'ConvTranspose1d', 'ConvTranspose2d', 'ConvTranspose3d',
  'LazyConv1d', 'LazyConv2d', 'LazyConv3d', 'Embedding', 'EmbeddingBag', 'RNN', 'LSTM', 'GRU', 'RNNCell', 'LSTMCell', 'GRUCell',
  'MultiheadAttention', 'Transformer', 'TransformerEncoderLayer', 'TransformerDecoderLayer', 'Dropout', 'Dropout1d',
  'Dropout2d', 'Dropout3d', 'AlphaDropout', 'FeatureAlphaDropout',
]);
/** torch.nn.init functions that are deterministic (constants, identities) and draw nothing. */
const TORCH_INIT_CONSTANT = new Set(['calculate_gain', 'constant_', 'zeros_', 'ones_', 'eye_', 'dirac_']);
const TORCHVISION_RANDOM = new Set(['ColorJitter', 'RandAugment', 'AutoAugment', 'TrivialAugmentWide', 'AugMix', 'GaussianBlur', 'ElasticTransform']);
const TF_DRAWS = new Set(['normal', 'uniform', 'shuffle', 'categorical', 'truncated_normal', 'gamma', 'poisson']);
const KERAS_RANDOM_LAYERS = new Set([
  'Dense', 'Conv1D', 'Conv2D', 'Conv3D', 'Conv1DTranspose', 'Conv2DTranspose', 'Conv3DTranspose', 'SeparableConv1D', 'SeparableConv2D',
  'DepthwiseConv2D', 'Embedding', 'LSTM', 'GRU', 'SimpleRNN', 'Dropout', 'SpatialDropout1D', 'SpatialDropout2D', 'SpatialDropout3D',
  'GaussianNoise', 'GaussianDropout', 'AlphaDropout', 'MultiHeadAttention',
]);
const KERAS_FITS = new Set(['fit', 'fit_generator', 'train_on_batch']);
/** Trainers that call set_seed(args.seed) in their constructor (HF Trainer and its subclasses, SetFit). */
const SELF_SEEDING_TRAINER_LIBS = ['transformers', 'setfit', 'trl', 'sentence_transformers'];
const LIGHTNING_LIBS = ['lightning', 'pytorch_lightning', 'lightning_fabric'];
/** Roots whose seed-named functions are not seeders (`torch.seed()` reseeds at random, `initial_seed` reads). */
const RNG_MODULE_ROOTS = new Set(['random', 'numpy', 'torch', 'tensorflow', 'keras', 'jax', 'sklearn']);

const under = (q: string, roots: readonly string[]): boolean => roots.some((r) => q === r || q.startsWith(`${r}.`));
const last = (q: string): string => q.slice(q.lastIndexOf('.') + 1);
const isFalsy = (node: Node | undefined): boolean => node !== undefined && /^(False|None|0)$/.test(node.text);
const seedArg = (call: ResolvedCall): Node | undefined => call.args.positional[0] ?? call.args.keywords.get('seed') ?? call.args.keywords.get('x');

/** Libraries a call seeds, when it is a seeding call. */
export function seedsOf(call: ResolvedCall): readonly RngLibrary[] {
  const q = call.qualified;
  const name = call.shortName ?? '';
  if (q === undefined) {
    // `fabric.seed_everything(42)` and calls of helpers defined in this file or brought in by `import *`.
    if (call.isMethod) return /^(seed_everything|set_seed|set_random_seed|seed_all|set_seeds|fix_seed|fix_seeds)$/.test(name) ? ALL : [];
    return isSeederName(name) ? ALL : [];
  }
  switch (q) {
    case 'random.seed':
      return ['random'];
    case 'random.Random':
      return seedArg(call) && !isFalsy(seedArg(call)) ? ['random'] : [];
    case 'numpy.random.seed':
      return ['numpy'];
    case 'numpy.random.default_rng':
    case 'numpy.random.RandomState':
      return seedArg(call) && !isFalsy(seedArg(call)) ? ['numpy'] : [];
    case 'torch.manual_seed':
    case 'torch.random.manual_seed':
    case 'torch.cuda.manual_seed':
    case 'torch.cuda.manual_seed_all':
      return ['torch'];
    case 'tensorflow.random.set_seed':
    case 'tensorflow.set_random_seed':
    case 'tensorflow.random.set_random_seed':
    case 'tensorflow.compat.v1.set_random_seed':
      return ['tensorflow'];
    case 'keras.utils.set_random_seed':
    case 'tensorflow.keras.utils.set_random_seed':
      return ALL;
    default:
      break;
  }
  if (under(q, LIGHTNING_LIBS) && name === 'seed_everything') return ALL;
  if (under(q, ['transformers', 'accelerate']) && (name === 'set_seed' || name === 'enable_full_determinism')) return ALL;
  if (under(q, SELF_SEEDING_TRAINER_LIBS) && /Trainer$/.test(name)) return ALL;
  const root = q.split('.')[0] ?? q;
  // A helper imported from the project (or a third-party helper such as mmengine's set_random_seed): its body is
  // in another file, so its name is taken at its word.
  if (!RNG_MODULE_ROOTS.has(root) && !under(q, LIGHTNING_LIBS) && isSeederName(name)) return ALL;
  return [];
}

/**
 * A call to a seeding helper whose body this file cannot see: imported from another module (or by `import *`), not
 * one of the known library seeders. Such helpers often set the cuDNN switches as well.
 */
export function isOpaqueSeedHelper(call: ResolvedCall, definedHere: ReadonlySet<string>): boolean {
  const name = call.shortName ?? '';
  if (!isSeederName(name)) return false;
  const q = call.qualified;
  if (q === undefined) return !call.isMethod && !definedHere.has(name);
  const root = q.split('.')[0] ?? q;
  return !RNG_MODULE_ROOTS.has(root) && !under(q, [...LIGHTNING_LIBS, 'transformers', 'accelerate', ...SELF_SEEDING_TRAINER_LIBS]);
}

function isSeederName(name: string): boolean {
  return /seed/i.test(name) && !/^(initial_seed|get_seed|get_rng_state|SeedSequence|seed)$/.test(name) && !/^(get|read|load)_/.test(name);
}

/** Every library this file seeds somewhere (a presence check: the order of seeding and drawing is not judged). */
export function seededLibraries(py: PythonAnalysis): Set<RngLibrary> {
  const seeded = new Set<RngLibrary>();
  for (const call of py.calls) for (const lib of seedsOf(call)) seeded.add(lib);
  return seeded;
}

/** The library a call draws from when it draws from a global generator without its own seed. */
export function drawsFrom(call: ResolvedCall, usesKeras: boolean): RngLibrary | undefined {
  const q = call.qualified;
  if (q === undefined) return usesKeras && call.isMethod && KERAS_FITS.has(call.shortName ?? '') ? 'tensorflow' : undefined;
  const name = last(q);
  if (q.startsWith('random.')) return PY_RANDOM_DRAWS.has(name) || (name === 'Random' && !seedArg(call)) ? 'random' : undefined;
  if (q.startsWith('numpy.random.')) {
    if (name === 'default_rng' || name === 'RandomState') return !seedArg(call) || isFalsy(seedArg(call)) ? 'numpy' : undefined;
    return q.split('.').length === 3 && !NUMPY_NON_DRAWS.has(name) ? 'numpy' : undefined;
  }
  if (q.startsWith('torch.')) return torchDraw(call, q, name) ? 'torch' : undefined;
  if (q.startsWith('torchvision.transforms.')) return name.startsWith('Random') || TORCHVISION_RANDOM.has(name) ? 'torch' : undefined;
  if (q.startsWith('tensorflow.random.')) return TF_DRAWS.has(name) && !call.args.keywords.has('seed') ? 'tensorflow' : undefined;
  if (/^(tensorflow\.)?keras\.layers\./.test(q)) return KERAS_RANDOM_LAYERS.has(name) || name.startsWith('Random') ? 'tensorflow' : undefined;
  return undefined;
}

function torchDraw(call: ResolvedCall, q: string, name: string): boolean {
  // Names first: the arguments are parsed (a WASM walk) only for the few calls that may draw.
  let draws: boolean;
  if (q === `torch.${name}`) draws = TORCH_DRAWS.has(name);
  else if (q.startsWith('torch.nn.init.')) draws = !TORCH_INIT_CONSTANT.has(name);
  else if (q === `torch.nn.${name}`) draws = TORCH_RANDOM_MODULES.has(name);
  else if (q.startsWith('torch.nn.functional.')) draws = /dropout/.test(name) && !isFalsy(call.args.keywords.get('training'));
  else if (q === 'torch.utils.data.DataLoader') draws = shuffles(call);
  else draws = q === 'torch.utils.data.random_split' || /^torch\.utils\.data\.(RandomSampler|WeightedRandomSampler|SubsetRandomSampler)$/.test(q);
  return draws && !call.args.keywords.has('generator');
}

/** `shuffle=` given and not literally off: `shuffle=is_train` shuffles the training split. */
export function shuffles(call: ResolvedCall): boolean {
  const shuffle = call.args.keywords.get('shuffle');
  if (shuffle !== undefined) return !isFalsy(shuffle);
  return /RandomSampler/.test(call.args.keywords.get('sampler')?.text ?? '');
}

/** A generator built without a seed (`default_rng()`, `RandomState()`, `random.Random()`): no global seed reaches it. */
export function isUnseededGenerator(call: ResolvedCall): boolean {
  const q = call.qualified;
  if (q !== 'numpy.random.default_rng' && q !== 'numpy.random.RandomState' && q !== 'random.Random') return false;
  const arg = seedArg(call);
  return arg === undefined || isFalsy(arg);
}

/** Every draw from a global generator, in document order. */
export function randomUses(py: PythonAnalysis): RandomUse[] {
  const kerasCalls = py.calls.filter((c) => c.qualified !== undefined && /^(tensorflow\.)?keras\./.test(c.qualified));
  const standalone = kerasCalls.some((c) => c.qualified?.startsWith('keras.') === true);
  // Keras trains with `model.compile(...)` then `model.fit(...)`; a `.fit()` before any `.compile()` is sklearn's.
  const compiledAt = kerasCalls.length > 0 ? py.calls.find((c) => c.isMethod && c.qualified === undefined && c.shortName === 'compile')?.node.startIndex : undefined;
  const uses: RandomUse[] = [];
  for (const call of py.calls) {
    const library = drawsFrom(call, compiledAt !== undefined && call.node.startIndex > compiledAt);
    if (!library) continue;
    const keras = library === 'tensorflow' && call.qualified?.startsWith('tensorflow.random.') !== true;
    uses.push({ library, call, seededBy: keras && standalone ? STANDALONE_KERAS_SEEDS : [library] });
  }
  return uses;
}

const TRAINING_NAME = /(^|_)(train|training|finetune|fine_tune|pretrain|fit)(_|\.|$)/;

/** The calls that show PyTorch training: an optimizer, a backward pass, a Lightning or Hugging Face trainer. */
export function torchTrainingCalls(py: PythonAnalysis): ResolvedCall[] {
  if (!py.imports.importsFrom('torch') && !LIGHTNING_LIBS.some((l) => py.imports.importsFrom(l)) && !py.imports.importsFrom('transformers')) return [];
  return py.calls.filter((c) => {
    const q = c.qualified;
    if (q === undefined) return c.isMethod && c.shortName === 'backward' && py.imports.importsFrom('torch');
    if (q.startsWith('torch.optim.') && !q.startsWith('torch.optim.lr_scheduler') && /^[A-Z]/.test(last(q))) return true;
    return (under(q, LIGHTNING_LIBS) || under(q, ['transformers'])) && /^(Trainer|Seq2SeqTrainer)$/.test(last(q));
  });
}

/** Keras training: `model.compile(...)` and `model.fit(...)` in a file that imports TensorFlow or Keras. */
function trainsKeras(py: PythonAnalysis): boolean {
  if (!py.imports.importsFrom('tensorflow') && !py.imports.importsFrom('keras')) return false;
  const methods = new Set(py.calls.filter((c) => c.isMethod && c.qualified === undefined).map((c) => c.shortName));
  return methods.has('compile') && (methods.has('fit') || methods.has('fit_generator'));
}

/**
 * A file that trains a model when it runs. The role classifier's 'training', plus training it misses when a file
 * imports only `torch` or `tensorflow`: a script, notebook or train-named file that builds a torch optimizer, calls
 * backward(), or compiles and fits a Keras model.
 */
export function isTrainingEntrypoint(path: string, roles: ReadonlySet<FileRole>, py: PythonAnalysis): boolean {
  if (roles.has('test')) return false;
  if (roles.has('training')) return true;
  const entry = roles.has('notebook') || py.hasMainGuard || TRAINING_NAME.test(baseName(path).toLowerCase());
  return entry && (torchTrainingCalls(py).length > 0 || trainsKeras(py));
}

// random-seed-missing: a training script or notebook draws random numbers from a library it never seeds.
import { headRange } from '../../parsers/python.js';
import { isTrainingEntrypoint, isUnseededGenerator, randomUses, RNG_LIBRARIES, seededLibraries, type RandomUse, type RngLibrary } from '../../python/seeding.js';
import { defineRule } from '../../rule.js';
import { drawsFromNumpyGlobal } from './random-state-unset.js';

const messages = {
  unseeded: 'Random numbers are drawn here from {libraries}, which this training {kind} never seeds: every run trains a different model. Seed once at start-up: {hint}.',
} as const;

type Id = keyof typeof messages;

const LABELS: Readonly<Record<RngLibrary, string>> = { random: "Python's random module", numpy: 'NumPy', torch: 'PyTorch', tensorflow: 'TensorFlow/Keras' };
const HINTS: Readonly<Record<RngLibrary, string>> = {
  random: 'random.seed(SEED)',
  numpy: 'np.random.seed(SEED) or rng = np.random.default_rng(SEED)',
  torch: 'torch.manual_seed(SEED)',
  tensorflow: 'keras.utils.set_random_seed(SEED) or tf.random.set_seed(SEED)',
};

export default defineRule<Id>({
  id: 'random-seed-missing',
  category: 'reproducibility',
  defaultSeverity: 'warning',
  profileSeverity: { prototype: 'info' },
  status: 'stable',
  description: 'Finds training scripts and notebooks that draw random numbers (NumPy, random, PyTorch, TensorFlow/Keras, unseeded scikit-learn) from a library they never seed.',
  messages,
  references: [
    { title: 'Zhang, Cruz, van Deursen, Code Smells for Machine Learning Applications (CAIN 2022): Randomness Uncontrolled' },
    { title: 'PyTorch docs: Reproducibility', url: 'https://pytorch.org/docs/stable/notes/randomness.html' },
    { title: 'Breck et al., The ML Test Score (2017): Infra 1, training is reproducible' },
  ],
  fileKinds: ['python', 'notebook'],
  check(ctx) {
    const py = ctx.file.python;
    if (!py || !isTrainingEntrypoint(ctx.file.path, ctx.file.roles, py)) return;
    const seeded = seededLibraries(py);
    const isUnseeded = (u: RandomUse): boolean => !u.seededBy.some((lib) => seeded.has(lib)) || isUnseededGenerator(u.call);
    const unseeded = randomUses(py).filter(isUnseeded);
    // scikit-learn callables without random_state draw from NumPy's global generator too, but random-state-unset
    // reports each of them with a fix: alone they do not make a finding here, only join one.
    if (unseeded.length === 0) return;
    for (const call of py.calls) {
      const use: RandomUse = { library: 'numpy', call, seededBy: ['numpy'] };
      if (drawsFromNumpyGlobal(py, call) && isUnseeded(use)) unseeded.push(use);
    }
    const libraries = RNG_LIBRARIES.filter((lib) => unseeded.some((u) => u.library === lib));
    const first = unseeded.reduce((a, b) => (b.call.node.startIndex < a.call.node.startIndex ? b : a));
    ctx.report({
      messageId: 'unseeded',
      data: {
        libraries: joinWords(libraries.map((l) => LABELS[l])),
        kind: ctx.file.kind === 'notebook' ? 'notebook' : 'script',
        hint: seedHint(libraries, py.imports.importsFrom('lightning') || py.imports.importsFrom('pytorch_lightning'), py.imports.importsFrom('transformers')),
      },
      range: headRange(first.call.node, py.text),
      subject: `unseeded ${libraries.join(',')}`,
    });
  },
});

/** One call that seeds everything when the file already uses a library that offers it, else one call per library. */
function seedHint(libraries: readonly RngLibrary[], lightning: boolean, transformers: boolean): string {
  if (libraries.length > 1 && lightning) return 'L.seed_everything(SEED)';
  if (libraries.length > 1 && transformers) return 'transformers.set_seed(SEED)';
  if (libraries.length > 1 && libraries.includes('tensorflow')) return 'keras.utils.set_random_seed(SEED)';
  return libraries.map((l) => HINTS[l]).join('; ');
}

function joinWords(words: readonly string[]): string {
  if (words.length <= 1) return words.join('');
  return `${words.slice(0, -1).join(', ')} and ${words[words.length - 1] ?? ''}`;
}

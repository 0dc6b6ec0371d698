// torch-nondeterminism: PyTorch training on GPU without deterministic kernels, and worker DataLoaders nothing seeds.
import { headRange } from '../../parsers/python.js';
import type { PythonAnalysis, ResolvedCall } from '../../python/analysis.js';
import { isOpaqueSeedHelper, isTrainingEntrypoint, seededLibraries, shuffles, torchTrainingCalls } from '../../python/seeding.js';
import { defineRule } from '../../rule.js';

const messages = {
  nondeterministic: 'PyTorch training without deterministic kernels: on GPU, cuDNN and CUDA pick nondeterministic algorithms, so two runs with the same seed still differ. Call torch.use_deterministic_algorithms(True) (with CUBLAS_WORKSPACE_CONFIG=:4096:8), or set torch.backends.cudnn.deterministic = True and benchmark = False{lightning}.',
  loaderUnseeded: 'DataLoader shuffles across worker processes, and nothing seeds it: the batch order and every worker\'s random augmentations change from run to run. Pass generator=torch.Generator().manual_seed(SEED) and worker_init_fn=seed_worker, or call torch.manual_seed(SEED) first.',
} as const;

type Id = keyof typeof messages;

export default defineRule<Id>({
  id: 'torch-nondeterminism',
  category: 'reproducibility',
  defaultSeverity: 'info',
  status: 'stable',
  description: 'Finds PyTorch training that runs on GPU without deterministic algorithms, and shuffling multi-worker DataLoaders with no seed, generator or worker_init_fn.',
  messages,
  references: [
    { title: 'PyTorch docs: Reproducibility', url: 'https://pytorch.org/docs/stable/notes/randomness.html' },
    { title: 'Zhang, Cruz, van Deursen, Code Smells for Machine Learning Applications (CAIN 2022): Deterministic Algorithm Option Not Used' },
  ],
  fileKinds: ['python', 'notebook'],
  check(ctx) {
    const py = ctx.file.python;
    if (!py || !isTrainingEntrypoint(ctx.file.path, ctx.file.roles, py)) return;
    const training = torchTrainingCalls(py);
    const first = training[0];
    if (!first) return;
    // `Trainer(**cfg.trainer)` may pass deterministic=True from a config file the rule does not read.
    const configured = training.some((c) => /Trainer$/.test(c.qualified ?? '') && c.args.hasSplat);
    if (!configured && runsOnGpu(py, training) && !asksForDeterminism(py)) {
      const lightning = training.some((c) => /^(lightning|pytorch_lightning)\./.test(c.qualified ?? ''));
      ctx.report({
        messageId: 'nondeterministic',
        data: { lightning: lightning ? ' (Lightning: Trainer(deterministic=True))' : '' },
        range: headRange(first.node, py.text),
        subject: 'torch deterministic algorithms',
      });
    }
    // A global torch seed also seeds the sampler and the workers (PyTorch derives each worker's seed from it, and
    // seeds NumPy and random in workers since 1.9), so a loader is only unreproducible when nothing seeds torch.
    if (seededLibraries(py).has('torch')) return;
    for (const call of py.calls) {
      if (call.qualified !== 'torch.utils.data.DataLoader' || !unseededWorkers(call)) continue;
      ctx.report({ messageId: 'loaderUnseeded', range: headRange(call.node, py.text), subject: `DataLoader(${call.args.positional[0]?.text ?? call.args.keywords.get('dataset')?.text ?? ''})` });
    }
  },
});

/** Shuffles (or samples at random) with workers, and gets neither a generator nor a worker_init_fn. */
function unseededWorkers(call: ResolvedCall): boolean {
  const kw = call.args.keywords;
  if (call.args.hasSplat || kw.has('generator') || kw.has('worker_init_fn') || !shuffles(call)) return false;
  const workers = kw.get('num_workers');
  // `num_workers=args.workers` is configured, and configured worker counts are almost never 0.
  return workers !== undefined && !/^0$/.test(workers.text);
}

/** A Lightning or Hugging Face trainer picks a GPU when there is one; a plain loop says so with `cuda`. */
function runsOnGpu(py: PythonAnalysis, training: readonly ResolvedCall[]): boolean {
  if (training.some((c) => /Trainer$/.test(c.qualified ?? ''))) return true;
  return /\bcuda\b|\bgpus?\b|\baccelerator\b/i.test(py.text);
}

/**
 * Any of the switches that make kernels deterministic, set to anything but a literal off: a value read from config
 * means the author chose. `deterministic=` on any call covers Lightning's Trainer, accelerate's set_seed, mmengine
 * and project helpers; a call named like `set_deterministic` is a project helper.
 */
function asksForDeterminism(py: PythonAnalysis): boolean {
  const off = (text: string | undefined): boolean => text === undefined || /^(False|None|0)$/.test(text);
  const definedHere = new Set([...py.text.matchAll(/^[ \t]*(?:async[ \t]+)?def[ \t]+(\w+)/gm)].map((m) => m[1] ?? ''));
  for (const call of py.calls) {
    // A project's seed_everything() usually sets cudnn.deterministic too; its body is in a file this rule cannot read.
    if (isOpaqueSeedHelper(call, definedHere)) return true;
    if (call.qualified === 'torch.use_deterministic_algorithms') {
      if (!off((call.args.positional[0] ?? call.args.keywords.get('mode'))?.text)) return true;
      continue;
    }
    if (/determinis/i.test(call.shortName ?? '') && !/^(are|is|get)_/.test(call.shortName ?? '')) return true;
    const flag = call.args.keywords.get('deterministic') ?? call.args.keywords.get('full_determinism');
    if (flag && !off(flag.text)) return true;
  }
  // `cudnn.deterministic = True` or `setattr(torch.backends.cudnn, "deterministic", True)`.
  const cudnnFlag = (name: string, value: string): RegExp => new RegExp(`cudnn(?:\\.${name}\\s*=\\s*|\\s*,\\s*['"]${name}['"]\\s*,\\s*)${value}`);
  const text = py.text;
  if (cudnnFlag('enabled', 'False\\b').test(text)) return true;
  const deterministic = cudnnFlag('deterministic', '(?!False\\b|None\\b|0\\b)\\S').test(text);
  const benchmarkOn = cudnnFlag('benchmark', 'True\\b').test(text) && !cudnnFlag('benchmark', 'False\\b').test(text);
  return deterministic && !benchmarkOn;
}

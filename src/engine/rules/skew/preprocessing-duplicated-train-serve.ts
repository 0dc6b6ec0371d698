// preprocessing-duplicated-train-serve: feature logic written once for training and again for serving, instead of one shared function.
import type { CellCodeUnit } from '../../analyses/code-units.js';
import { trainServeSides } from '../../analyses/entrypoints.js';
import { defineProjectRule } from '../../rule.js';
import type { Range } from '../../types.js';

const messages = {
  duplicate: 'These {count} statements repeat the preprocessing of {other} (training side): two copies of feature logic drift apart, and serving then computes features differently from training. Move it into one function that training and serving both import.',
  columns: 'Computes the feature columns {columns}, which {other} (training side) also compute: two implementations of one feature drift apart (training/serving skew). Compute them in one function that training and serving both import.',
} as const;

/** Columns every pipeline writes that are not features: predictions, labels and ids. */
const NOT_FEATURES = /^(preds?|predictions?|predicted(_\w+)?|scores?|probas?|probabilit(y|ies)|labels?|targets?|y|y_pred|id|index|output|result)$/i;
const MIN_RUN_TOKENS = 30;
const MIN_RUN_TRANSFORMS = 2;

interface Placed {
  readonly file: string;
  readonly unit: CellCodeUnit;
}

export default defineProjectRule<keyof typeof messages>({
  id: 'preprocessing-duplicated-train-serve',
  category: 'skew',
  defaultSeverity: 'warning',
  status: 'preview',
  description: 'Finds preprocessing that serving-only code implements again (near-identical statements, or the same derived feature columns) instead of importing the function training uses.',
  messages,
  options: {
    minStatements: { type: 'number', default: 5, description: 'Fewest consecutive statements a copied block must have to be reported.' },
    minColumns: { type: 'number', default: 2, description: 'Fewest derived columns both sides must compute to be reported.' },
  },
  references: [
    { title: 'Google, Rules of Machine Learning: rule 32, re-use code between your training pipeline and your serving pipeline', url: 'https://developers.google.com/machine-learning/guides/rules-of-ml' },
    { title: 'Breck et al., The ML Test Score (2017): Data 7 and Monitor 3, training and serving features compute the same values' },
  ],
  fileKinds: [],
  scope: 'project',
  usesFacts: true,
  facts: ['roles', 'codeUnits'],
  checkProject(ctx) {
    const python = new Map([...ctx.facts].filter(([path]) => path.endsWith('.py') || path.endsWith('.ipynb')));
    const sides = trainServeSides(python, ctx.importGraph());
    if (sides.servingOnly.size === 0 || sides.trainingOnly.size === 0) return;
    const place = (file: string): Placed[] => (python.get(file)?.codeUnits ?? []).map((unit) => ({ file, unit }));
    const training = [...sides.trainingOnly].sort().flatMap(place);
    const byHash = new Map<number, { at: Placed; index: number }[]>();
    for (const t of training) {
      t.unit.hashes.forEach((hash, index) => {
        const list = byHash.get(hash) ?? [];
        list.push({ at: t, index });
        byHash.set(hash, list);
      });
    }
    const minStatements = Math.max(2, Number(ctx.options.minStatements));
    const minColumns = Math.max(1, Number(ctx.options.minColumns));
    for (const s of [...sides.servingOnly].sort().flatMap(place)) {
      const run = longestRun(s.unit, byHash);
      if (run && run.matches >= minStatements && run.matches >= 0.8 * run.length && substantive(s.unit, run.start, run.length)) {
        ctx.report({
          messageId: 'duplicate',
          data: { count: run.length, other: describe(run.other) },
          ...anchor(s, run.start),
          subject: `${s.file}:${s.unit.name} repeats ${run.other.file}:${run.other.unit.name}`,
          related: [{ ...anchor(run.other, run.otherStart), message: `the training-side copy (${describe(run.other)})` }],
        });
        continue;
      }
      const mine = featureColumns(s.unit);
      if (mine.size < minColumns) continue;
      const matches = training.flatMap((t) => {
        const shared = [...featureColumns(t.unit).keys()].filter((c) => mine.has(c));
        return shared.length > 0 ? [{ t, shared }] : [];
      });
      const shared = [...new Set(matches.flatMap((m) => m.shared))].sort((a, b) => (mine.get(a) ?? 0) - (mine.get(b) ?? 0));
      if (shared.length < minColumns) continue;
      const quoted = (columns: readonly string[]): string => columns.map((c) => `'${c}'`).join(', ');
      ctx.report({
        messageId: 'columns',
        data: { columns: quoted(shared), other: matches.slice(0, 3).map((m) => describe(m.t)).join(' and ') },
        ...anchor(s, mine.get(shared[0] ?? '') ?? 0),
        subject: `${s.file}:${s.unit.name} recomputes ${shared.join(',')}`,
        related: matches.slice(0, 3).map((m) => ({ ...anchor(m.t, m.t.unit.columns.find((c) => c.column === m.shared[0])?.index ?? 0), message: `the training side computes ${quoted(m.shared)} here` })),
      });
    }
  },
});

/**
 * The best-matching block: statements of `unit` that a training unit also holds in the same order. One differing
 * statement at a time is bridged (a constant moved into a name, a tweaked line): it is a copy that drifted.
 */
function longestRun(unit: CellCodeUnit, byHash: ReadonlyMap<number, readonly { at: Placed; index: number }[]>): { start: number; length: number; matches: number; other: Placed; otherStart: number } | undefined {
  let best: { start: number; length: number; matches: number; other: Placed; otherStart: number } | undefined;
  unit.hashes.forEach((hash, i) => {
    for (const { at, index } of byHash.get(hash) ?? []) {
      // Only blocks that start here: the statements before differ (or this is the first).
      if (i > 0 && index > 0 && unit.hashes[i - 1] === at.unit.hashes[index - 1]) continue;
      let matches = 0;
      let length = 0;
      let misses = 0;
      for (let k = 0; i + k < unit.hashes.length && index + k < at.unit.hashes.length; k++) {
        if (unit.hashes[i + k] === at.unit.hashes[index + k]) {
          matches++;
          length = k + 1;
          misses = 0;
        } else if (++misses > 1) break;
      }
      if (!best || matches > best.matches) best = { start: i, length, matches, other: at, otherStart: index };
    }
  });
  return best;
}

/** A copied block counts when it is real work: enough tokens, and several statements that transform data. */
function substantive(unit: CellCodeUnit, start: number, length: number): boolean {
  let tokens = 0;
  for (let i = start; i < start + length; i++) tokens += unit.tokens[i] ?? 0;
  const transforms = unit.transforms.filter((i) => i >= start && i < start + length).length;
  return tokens >= MIN_RUN_TOKENS && transforms >= MIN_RUN_TRANSFORMS;
}

/** Derived columns a unit writes (not predictions, labels or ids), with the first statement writing each. */
function featureColumns(unit: CellCodeUnit): Map<string, number> {
  const out = new Map<string, number>();
  for (const c of unit.columns) if (!NOT_FEATURES.test(c.column) && !out.has(c.column)) out.set(c.column, c.index);
  return out;
}

function describe(p: Placed): string {
  return p.unit.name === '<module>' ? `the top-level code of ${p.file}` : `${p.unit.name}() in ${p.file}`;
}

function rangeAt(unit: CellCodeUnit, index: number): Range {
  const line = unit.lines[index] ?? 0;
  return { start: { line, column: unit.indents[index] ?? 0 }, end: { line, column: unit.ends[index] ?? 0 } };
}

function anchor(p: Placed, index: number): { file: string; range: Range; cell?: number } {
  const cell = p.unit.cells?.[index];
  return { file: p.file, range: rangeAt(p.unit, index), ...(cell === undefined ? {} : { cell }) };
}

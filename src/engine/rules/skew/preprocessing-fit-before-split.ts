// preprocessing-fit-before-split: a scaler/imputer/selector fitted on data that is split (or cross-validated) afterwards, so held-out rows leak.
import type { Node } from 'web-tree-sitter';
import { enclosingScope, transformerFits, type TransformerFit } from '../../analyses/transformers.js';
import { headRange } from '../../parsers/python.js';
import type { PythonAnalysis, ResolvedCall } from '../../python/analysis.js';
import { defineRule } from '../../rule.js';
import type { RelatedLocation } from '../../types.js';

const messages = {
  split: "{cls} is fitted on data that {splitter} splits afterwards: statistics of the held-out rows leak into training, and the test score is optimistic. Split first and fit on the training part only, or put {cls} in a Pipeline.",
  crossValidated: "{cls} is fitted on data that {splitter} cross-validates afterwards: every validation fold's statistics leak into the folds it is scored against. Put {cls} in a Pipeline so each fold fits its own.",
} as const;

const MS = 'sklearn.model_selection';
const SPLIT_FUNCTIONS = new Set([`${MS}.train_test_split`]);
/** Functions that cross-validate an estimator: the data is their second argument (or `X`). */
const CV_FUNCTIONS = new Set(['cross_val_score', 'cross_validate', 'cross_val_predict', 'learning_curve', 'validation_curve', 'permutation_test_score'].map((n) => `${MS}.${n}`));
const SPLITTERS = new Set(['KFold', 'StratifiedKFold', 'GroupKFold', 'StratifiedGroupKFold', 'ShuffleSplit', 'StratifiedShuffleSplit', 'GroupShuffleSplit', 'RepeatedKFold', 'RepeatedStratifiedKFold', 'TimeSeriesSplit', 'LeaveOneOut', 'LeavePOut', 'LeaveOneGroupOut', 'LeavePGroupsOut'].map((n) => `${MS}.${n}`));
const SEARCHES = new Set(['GridSearchCV', 'RandomizedSearchCV', 'HalvingGridSearchCV', 'HalvingRandomSearchCV'].map((n) => `${MS}.${n}`));
const NAME = /(?<![.\w])[A-Za-z_]\w*/g;

interface Split {
  readonly call: ResolvedCall;
  readonly name: string;
  readonly cv: boolean;
  readonly data: readonly Node[];
}

export default defineRule<keyof typeof messages>({
  id: 'preprocessing-fit-before-split',
  category: 'skew',
  defaultSeverity: 'warning',
  status: 'stable',
  description: 'Finds scalers, imputers, vectorizers, decompositions and feature selectors fitted on data that is split or cross-validated afterwards in the same function or notebook, which leaks the held-out rows into training.',
  messages,
  references: [
    { title: 'scikit-learn documentation, Common pitfalls: data leakage', url: 'https://scikit-learn.org/stable/common_pitfalls.html#data-leakage' },
    { title: 'Yang et al., Data Leakage in Notebooks: Static Detection and Better Processes (ASE 2022)' },
  ],
  fileKinds: ['python', 'notebook'],
  check(ctx) {
    const py = ctx.file.python;
    if (!py?.imports.importsFrom('sklearn')) return;
    const splits = findSplits(py);
    if (splits.length === 0) return;
    const fits = transformerFits(py).filter((f) => f.leaky && (f.method === 'fit' || f.method === 'fit_transform'));
    const reported = new Set<TransformerFit>();
    const fromSplit = fitsOnSplitParts(fits, splits);
    for (const { fit, split } of leaks(py, fits, splits)) {
      if (reported.has(fit)) continue;
      reported.add(fit);
      const splitRange = headRange(split.call.node, py.text);
      const nb = ctx.file.kind === 'notebook' ? ctx.file.notebook : undefined;
      const mapped = nb ? nb.map.rangeToCell(splitRange) : { range: splitRange };
      const related: RelatedLocation[] = mapped ? [{ file: ctx.file.path, ...mapped, message: `the data is ${split.cv ? 'cross-validated' : 'split'} here` }] : [];
      const cls = fit.cls.slice(fit.cls.lastIndexOf('.') + 1);
      ctx.report({
        messageId: split.cv ? 'crossValidated' : 'split',
        data: { cls, splitter: split.name },
        // Scaling a training split before cross-validating it leaks only between folds: worth knowing, rarely decisive.
        ...(split.cv && fromSplit.has(fit) ? { maxSeverity: 'info' as const } : {}),
        range: fit.range,
        subject: `${cls}.${fit.method} before ${split.name}`,
        related,
      });
    }
  },
});

/** Splits and cross-validations, with the arguments that carry the data. */
function findSplits(py: PythonAnalysis): Split[] {
  const out: Split[] = [];
  for (const call of py.calls) {
    const q = call.qualified;
    const short = q?.slice(q.lastIndexOf('.') + 1) ?? call.shortName ?? '';
    if (q !== undefined && SPLIT_FUNCTIONS.has(q)) out.push({ call, name: short, cv: false, data: call.args.positional });
    else if (q !== undefined && CV_FUNCTIONS.has(q)) out.push({ call, name: short, cv: true, data: [call.args.positional[1] ?? call.args.keywords.get('X')].filter((n): n is Node => n !== undefined) });
    else if (call.isMethod && (call.shortName === 'split' || call.shortName === 'fit')) {
      const cls = receiverClass(py, call);
      if (cls === undefined) continue;
      const isSplitter = call.shortName === 'split' && SPLITTERS.has(cls);
      const isSearch = call.shortName === 'fit' && SEARCHES.has(cls);
      if (isSplitter || isSearch) out.push({ call, name: cls.slice(cls.lastIndexOf('.') + 1), cv: true, data: call.args.positional.slice(0, 1) });
    }
  }
  return out;
}

/**
 * Fits whose data is already a training part: a name an earlier `train_test_split` returned, or a name that says
 * so (`X_train`, `train_df`: data sets split by slicing or shipped pre-split).
 */
function fitsOnSplitParts(fits: readonly TransformerFit[], splits: readonly Split[]): Set<TransformerFit> {
  const parts = new Set<string>();
  for (const split of splits) {
    if (split.cv) continue;
    const assignment = split.call.node.parent?.type === 'assignment' ? split.call.node.parent : undefined;
    for (const name of assignment?.childForFieldName('left')?.text.match(NAME) ?? []) parts.add(name);
  }
  return new Set(fits.filter((f) => (f.call.args.positional[0]?.text.match(NAME) ?? []).some((n) => parts.has(n) || /train/i.test(n))));
}

/** The class of a method call's receiver: `KFold(5).split(X)`, or `cv.split(X)` with `cv = KFold(5)`. */
function receiverClass(py: PythonAnalysis, call: ResolvedCall): string | undefined {
  const receiver = call.node.childForFieldName('function')?.childForFieldName('object');
  if (!receiver) return undefined;
  const value = receiver.type === 'identifier' ? py.bindings.lookup(receiver.text, call.node.startIndex) : receiver;
  const fn = value?.type === 'call' ? value.childForFieldName('function') : undefined;
  return fn ? py.imports.qualify(fn) : undefined;
}

/**
 * Follows the output of each fit through the assignments of its function (or notebook) in source order: the result of
 * `fit_transform`, of `transform` on a fitted object, and anything assigned from them is tainted. A split or
 * cross-validation of tainted data, after the fit, leaks. Fitting on a split's training part is clean, because
 * the split comes first; a Pipeline handed to `cross_val_score` is clean, because nothing outside it is fitted.
 */
function leaks(py: PythonAnalysis, fits: readonly TransformerFit[], splits: readonly Split[]): { fit: TransformerFit; split: Split }[] {
  const out: { fit: TransformerFit; split: Split }[] = [];
  const scopes = new Map<number, { start: number; end: number }>();
  for (const fit of fits) {
    const scope = enclosingScope(py, fit.call.node.startIndex);
    scopes.set(scope.start, scope);
  }
  for (const scope of scopes.values()) {
    const inScope = (node: Node): boolean => enclosingScope(py, node.startIndex).start === scope.start;
    const events: { at: number; run: () => void }[] = [];
    const fitted = new Map<string, TransformerFit>();
    const tainted = new Map<string, ReadonlySet<TransformerFit>>();
    /** The fits whose output an expression carries. */
    const taintOf = (node: Node): Set<TransformerFit> => {
      const out = new Set(fits.filter((f) => f.method === 'fit_transform' && f.call.node.startIndex >= node.startIndex && f.call.node.endIndex <= node.endIndex));
      for (const [variable, fit] of fitted) if (new RegExp(`(?<![.\\w])${variable}\\s*\\.\\s*transform\\s*\\(`).test(node.text)) out.add(fit);
      for (const name of node.text.match(NAME) ?? []) for (const fit of tainted.get(name) ?? []) out.add(fit);
      return out;
    };
    for (const fit of fits) {
      if (fit.variable === undefined || !inScope(fit.call.node)) continue;
      const variable = fit.variable;
      events.push({ at: fit.call.node.startIndex, run: () => fitted.set(variable, fit) });
    }
    for (const a of [...py.parsed.nodes('assignment'), ...py.parsed.nodes('augmented_assignment')]) {
      if (!inScope(a)) continue;
      events.push({
        at: a.endIndex,
        run: () => {
          const left = a.childForFieldName('left');
          const right = a.childForFieldName('right');
          if (!left || !right) return;
          const carried = taintOf(right);
          const plain = left.type === 'identifier' || left.type === 'pattern_list' || left.type === 'tuple_pattern';
          // `df["x"] = scaler.fit_transform(...)` taints the frame; assigning clean data to a column does not clean it.
          const base = left.type === 'subscript' ? /^[A-Za-z_]\w*/.exec(left.text)?.[0] : undefined;
          const targets = plain ? (left.text.match(NAME) ?? []) : base === undefined ? [] : [base];
          for (const t of targets) {
            if (carried.size > 0) tainted.set(t, plain ? carried : new Set([...(tainted.get(t) ?? []), ...carried]));
            else if (plain && a.type === 'assignment') tainted.delete(t);
          }
        },
      });
    }
    for (const split of splits) {
      if (!inScope(split.call.node)) continue;
      events.push({
        at: split.call.node.startIndex,
        run: () => {
          for (const arg of split.data) {
            for (const fit of taintOf(arg)) if (fit.call.node.startIndex < split.call.node.startIndex) out.push({ fit, split });
          }
        },
      });
    }
    events.sort((a, b) => a.at - b.at);
    for (const e of events) e.run();
  }
  return out;
}

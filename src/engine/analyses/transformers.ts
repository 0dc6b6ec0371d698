// Fitted preprocessing objects (scalers, encoders, vectorizers, tokenizers): where they are built, fitted and saved.
import type { Node } from 'web-tree-sitter';
import { headRange } from '../parsers/python.js';
import type { PythonAnalysis, ResolvedCall } from '../python/analysis.js';
import { logicalLines, type LogicalLine } from '../python/tokens.js';
import type { Range } from '../types.js';

/** What a class learns in `fit`: `leaky` when it learns statistics of the rows (a scaler's mean), not only a vocabulary of categories. */
export interface TransformerClass {
  readonly leaky: boolean;
}

function table(): Map<string, TransformerClass> {
  const m = new Map<string, TransformerClass>();
  const add = (module: string, names: readonly string[], leaky: boolean): void => {
    for (const n of names) m.set(`${module}.${n}`, { leaky });
  };
  add('sklearn.preprocessing', ['StandardScaler', 'MinMaxScaler', 'MaxAbsScaler', 'RobustScaler', 'QuantileTransformer', 'PowerTransformer', 'KBinsDiscretizer', 'SplineTransformer', 'TargetEncoder'], true);
  // Category encoders learn which categories exist, not statistics of the rows: fitting them on all data leaks nothing useful.
  add('sklearn.preprocessing', ['OneHotEncoder', 'OrdinalEncoder', 'LabelEncoder', 'LabelBinarizer', 'MultiLabelBinarizer'], false);
  add('sklearn.feature_extraction.text', ['TfidfVectorizer', 'TfidfTransformer'], true);
  add('sklearn.feature_extraction.text', ['CountVectorizer'], false);
  add('sklearn.feature_extraction', ['DictVectorizer'], false);
  add('sklearn.impute', ['SimpleImputer', 'KNNImputer', 'IterativeImputer'], true);
  add('sklearn.decomposition', ['PCA', 'TruncatedSVD', 'KernelPCA', 'IncrementalPCA', 'FastICA', 'NMF', 'FactorAnalysis', 'LatentDirichletAllocation'], true);
  add('sklearn.feature_selection', ['SelectKBest', 'SelectPercentile', 'VarianceThreshold', 'RFE', 'RFECV', 'SelectFromModel', 'GenericUnivariateSelect', 'SequentialFeatureSelector', 'SelectFpr', 'SelectFdr', 'SelectFwe'], true);
  add('category_encoders', ['TargetEncoder', 'CatBoostEncoder', 'LeaveOneOutEncoder', 'WOEEncoder', 'JamesSteinEncoder', 'MEstimateEncoder', 'GLMMEncoder', 'CountEncoder', 'QuantileEncoder'], true);
  add('category_encoders', ['OneHotEncoder', 'OrdinalEncoder', 'BinaryEncoder', 'HashingEncoder', 'BaseNEncoder', 'SumEncoder', 'HelmertEncoder', 'BackwardDifferenceEncoder', 'PolynomialEncoder'], false);
  for (const keras of ['tensorflow.keras.preprocessing.text', 'keras.preprocessing.text', 'keras.src.legacy.preprocessing.text']) add(keras, ['Tokenizer'], false);
  add('tokenizers', ['Tokenizer', 'ByteLevelBPETokenizer', 'CharBPETokenizer', 'SentencePieceBPETokenizer', 'BertWordPieceTokenizer', 'SentencePieceUnigramTokenizer'], false);
  return m;
}

const CLASSES: ReadonlyMap<string, TransformerClass> = table();

/** The transformer class a qualified callee names, if it is one. */
export function transformerClass(qualified: string | undefined): TransformerClass | undefined {
  return qualified === undefined ? undefined : CLASSES.get(qualified);
}

/** Methods that fit a transformer; Keras tokenizers fit on texts, Hugging Face tokenizers train. */
const FIT_METHODS = new Set(['fit', 'fit_transform', 'fit_on_texts', 'train', 'train_from_iterator']);
/** Methods that write a fitted object to disk by themselves. */
const SAVE_METHODS = new Set(['save', 'save_model', 'save_pretrained', 'to_json', 'to_str']);

/** A `fit` of a transformer held in a plain variable, or built in the same expression. */
export interface TransformerFit {
  /** Qualified class name (`sklearn.preprocessing.StandardScaler`). */
  readonly cls: string;
  readonly leaky: boolean;
  readonly method: string;
  /** The variable the fitted object lives in; undefined for `StandardScaler().fit_transform(X)`. */
  readonly variable?: string;
  readonly call: ResolvedCall;
  /** The head of the call, in the file's Python text. */
  readonly range: Range;
}

/** Every fit of a known transformer, in document order. */
export function transformerFits(py: PythonAnalysis): TransformerFit[] {
  const out: TransformerFit[] = [];
  for (const call of py.calls) {
    if (!call.isMethod || call.shortName === undefined || !FIT_METHODS.has(call.shortName)) continue;
    const receiver = call.node.childForFieldName('function')?.childForFieldName('object');
    if (!receiver) continue;
    let cls: string | undefined;
    let variable: string | undefined;
    if (receiver.type === 'call') {
      cls = constructedClass(py, receiver);
      // `s = StandardScaler().fit(X)`: fit returns the object itself, so `s` holds the fitted transformer.
      const parent = call.node.parent;
      const target = parent?.type === 'assignment' && call.shortName === 'fit' ? parent.childForFieldName('left') : undefined;
      if (target?.type === 'identifier') variable = target.text;
    } else if (receiver.type === 'identifier') {
      variable = receiver.text;
      const value = py.bindings.lookup(variable, call.node.startIndex);
      cls = value ? constructedClass(py, value) : undefined;
    }
    const known = cls === undefined ? undefined : CLASSES.get(cls);
    if (cls === undefined || !known) continue;
    // `train` only fits a tokenizer; on anything else it is a model's training loop.
    if ((call.shortName === 'train' || call.shortName === 'train_from_iterator') && !cls.startsWith('tokenizers.')) continue;
    out.push({ cls, leaky: known.leaky, method: call.shortName, ...(variable === undefined ? {} : { variable }), call, range: headRange(call.node, py.text) });
  }
  return out;
}

/** The class an expression constructs: `Cls(...)`, or `Cls(...).fit(...)` (fit returns the object itself). */
export function constructedClass(py: PythonAnalysis, node: Node): string | undefined {
  if (node.type !== 'call') return undefined;
  const fn = node.childForFieldName('function');
  if (!fn) return undefined;
  const qualified = py.imports.qualify(fn);
  if (qualified !== undefined && CLASSES.has(qualified)) return qualified;
  if (fn.type === 'attribute' && fn.childForFieldName('attribute')?.text === 'fit') {
    const inner = fn.childForFieldName('object');
    return inner ? constructedClass(py, inner) : undefined;
  }
  return undefined;
}

/** Constructions of known transformer classes, with the range of the call's head. */
export function transformerConstructions(py: PythonAnalysis): { cls: string; range: Range }[] {
  return py.calls.flatMap((c) => (c.qualified !== undefined && CLASSES.has(c.qualified) ? [{ cls: c.qualified, range: headRange(c.node, py.text) }] : []));
}

/**
 * What happens to a fitted object after its fit: `saved` when it is written by its own save method, `escaped` when it
 * leaves the variable (an argument of any call such as `joblib.dump`, a `Pipeline` step, a return value, an attribute
 * or container element, a notebook's displayed value): it may be saved with something else, so the caller stays quiet.
 * `kept` when it is only ever fitted and used through its own methods: nothing can have saved it.
 */
export function fitOutcome(py: PythonAnalysis, fit: TransformerFit, lines: readonly LogicalLine[] = logicalLines(py.text)): 'saved' | 'escaped' | 'kept' {
  const variable = fit.variable;
  if (variable === undefined) return 'escaped';
  const scope = enclosingScope(py, fit.call.node.startIndex);
  let saved = false;
  for (const line of lines) {
    if (line.start < scope.start || line.start >= scope.end) continue;
    const tokens = line.tokens;
    const assignAt = depthZeroAssignment(tokens);
    for (let i = 0; i < tokens.length; i++) {
      const t = tokens[i];
      if (t?.kind !== 'name' || t.text !== variable) continue;
      const previous = tokens[i - 1]?.text;
      const next = tokens[i + 1]?.text;
      // An attribute of something else, a keyword argument's name, an assignment target, a loop variable.
      if (previous === '.' || (next === '=' && (previous === '(' || previous === ',') && assignAt !== i + 1)) continue;
      if ((assignAt !== -1 && i < assignAt) || tokens[0]?.text === 'for' || tokens[0]?.text === 'del') continue;
      if (next !== '.') return 'escaped';
      if (SAVE_METHODS.has(tokens[i + 2]?.text ?? '')) saved = true;
    }
  }
  return saved ? 'saved' : 'kept';
}

/** The body of the innermost function holding an offset, or the whole module. */
export function enclosingScope(py: PythonAnalysis, offset: number): { start: number; end: number } {
  let best = { start: 0, end: py.text.length };
  // Definitions come in pre-order, so the last one holding the offset is the innermost.
  for (const fn of py.parsed.nodes('function_definition')) if (fn.startIndex <= offset && offset < fn.endIndex) best = { start: fn.startIndex, end: fn.endIndex };
  return best;
}

function depthZeroAssignment(tokens: LogicalLine['tokens']): number {
  let depth = 0;
  for (let i = 0; i < tokens.length; i++) {
    const text = tokens[i]?.text;
    if (text === '(' || text === '[' || text === '{') depth++;
    else if (text === ')' || text === ']' || text === '}') depth--;
    else if (depth === 0 && (text === '=' || text === ':=')) return i;
  }
  return -1;
}

/** A position in a file: in its cell for notebooks. */
export interface PlacedRange {
  readonly range: Range;
  readonly cell?: number;
}

/** What project rules need to know of a file's transformers; plain data. */
export interface TransformerFacts {
  /** Fits whose object is only ever used through its own methods: nothing saves it. */
  readonly unsaved: readonly (PlacedRange & { readonly cls: string; readonly variable: string })[];
  /** Every construction of a transformer class. */
  readonly constructed: readonly (PlacedRange & { readonly cls: string })[];
}

const TRANSFORMER_ROOTS = ['sklearn', 'category_encoders', 'keras', 'tensorflow', 'tokenizers'];

/** The transformer facts of a file; `place` maps a range of the Python text into the file (notebook cells). */
export function transformerFacts(py: PythonAnalysis, place: (range: Range) => PlacedRange | undefined): TransformerFacts | undefined {
  if (!TRANSFORMER_ROOTS.some((m) => py.imports.importsFrom(m))) return undefined;
  const constructed = transformerConstructions(py).flatMap((c) => {
    const placed = place(c.range);
    return placed ? [{ ...placed, cls: c.cls }] : [];
  });
  if (constructed.length === 0) return undefined;
  const lines = logicalLines(py.text);
  const unsaved = transformerFits(py).flatMap((fit) => {
    const placed = fit.variable !== undefined && fitOutcome(py, fit, lines) === 'kept' ? place(fit.range) : undefined;
    return placed && fit.variable !== undefined ? [{ ...placed, cls: fit.cls, variable: fit.variable }] : [];
  });
  return { unsaved, constructed };
}

// serving-input-unvalidated: a web handler hands raw request data (a dict, request.json) to the model without schema validation.
import type { Node } from 'web-tree-sitter';
import { nodeRange } from '../../parsers/python.js';
import type { PythonAnalysis, ResolvedCall } from '../../python/analysis.js';
import { defineRule } from '../../rule.js';
import type { Range } from '../../types.js';

const messages = {
  raw: "{handler}() passes raw request data ({source}) to the model without schema validation: a missing field, a wrong type or a renamed column reaches {sink}() unchecked, and serving inputs drift from what training saw. Validate it first: a pydantic model (a typed FastAPI body) or a pandera schema shared with training.",
  dictBody: "{handler}() takes its body as a plain dict ({source}) and passes it to {sink}() unchecked: the framework validates nothing for a dict. Declare a pydantic model for the body so missing fields and wrong types are rejected (a 422) before they reach the model.",
} as const;

const WEB_MODULES = ['flask', 'fastapi', 'starlette', 'sanic', 'aiohttp', 'quart', 'bentoml', 'ray', 'kserve', 'litserve', 'tornado'];
const REQUEST_TYPES = new Set(['fastapi.Request', 'fastapi.requests.Request', 'starlette.requests.Request', 'sanic.Request', 'sanic.request.Request', 'aiohttp.web.Request', 'quart.Request']);
const ROUTE_DECORATOR = /^@\s*[\w.]+\s*\.\s*(route|get|post|put|patch|api_route|websocket|api|endpoint)\s*\(/;
/** Handler methods of class-based servers: Ray Serve and KServe deployments, Flask views, LitServe APIs. */
const HANDLER_METHODS = new Set(['__call__', 'predict', 'post', 'put', 'decode_request']);
const SERVING_CLASS = /@\s*(serve\.deployment|bentoml\.service)|\(\s*[^)]*\b(MethodView|Resource|RequestHandler|HTTPEndpoint|LitAPI)\b/;
const SINKS = new Set(['predict', 'predict_proba', 'predict_log_proba', 'decision_function', 'generate', 'forward', 'infer', 'encode_batch']);
const SINK_FUNCTION = /^(predict\w*|infer\w*|inference|score|classify|run_model|run_inference|make_predictions?|get_predictions?)$/i;
const MODEL_NAME = /^(model|clf|classifier|regressor|pipeline|pipe|estimator|predictor|net|learner)$/i;
const VALIDATING_MODULES = /^(pydantic|marshmallow|pandera|jsonschema|fastjsonschema|cerberus|voluptuous|schema|great_expectations|dacite|cattrs|attrs|msgspec)\b/;
const VALIDATING_METHODS = new Set(['validate', 'model_validate', 'parse_obj', 'parse_raw', 'validate_python', 'validate_json', 'is_valid', 'model_validate_json']);
const VALIDATING_NAME = /valid|schema|sanitiz|check_(input|payload|request)|parse_(input|payload|request)/i;
const DICT_ANNOTATION = /^(dict|Dict|typing\.Dict|Any|typing\.Any|(List|list|typing\.List)\[\s*(dict|Dict|Any)\b)/;

export default defineRule<keyof typeof messages>({
  id: 'serving-input-unvalidated',
  category: 'skew',
  defaultSeverity: 'warning',
  profileSeverity: { prototype: 'info' },
  status: 'stable',
  description: 'Finds web handlers (Flask, FastAPI, Starlette, Ray Serve, KServe, BentoML, aiohttp, Sanic) that read raw request data and pass it to a model without validating it against a schema.',
  messages,
  references: [
    { title: 'Breck et al., The ML Test Score (2017): Data 1 (a schema for features) and Monitor 2 (serving inputs are checked against it)' },
    { title: 'FastAPI documentation: Request body', url: 'https://fastapi.tiangolo.com/tutorial/body/' },
  ],
  fileKinds: ['python'],
  check(ctx) {
    const py = ctx.file.python;
    if (!py || !ctx.file.roles.has('serving') || !WEB_MODULES.some((m) => py.imports.importsFrom(m))) return;
    const flaskRequest = py.imports.bindings.filter((b) => b.qualified === 'flask.request' || b.qualified === 'quart.request').map((b) => b.local);
    const localSinks = new Set(py.parsed.nodes('function_definition').filter((fn) => hasSink(py, fn)).flatMap((fn) => fn.childForFieldName('name')?.text ?? []));
    for (const fn of handlers(py)) {
      const name = fn.childForFieldName('name')?.text ?? 'handler';
      const sources = rawSources(py, fn, flaskRequest, (start, end) => ({ start: ctx.file.doc.positionAt(start), end: ctx.file.doc.positionAt(end) }));
      if (!sources.some((s) => !s.typedField)) continue;
      const tainted = taintedNames(py, fn, sources);
      const carries = (node: Node): boolean => sources.some((s) => s.pattern.test(node.text)) || (node.text.match(/(?<![.\w])[A-Za-z_]\w*/g) ?? []).some((n) => tainted.has(n));
      const calls = within(py.calls, fn);
      if (calls.some((c) => isValidation(py, c.node, c.qualified, c.shortName) && argsOf(c.node).some(carries))) continue;
      const sink = calls.find((c) => isSinkCall(c.node, c.shortName, c.isMethod, localSinks) && argsOf(c.node).some(carries));
      if (!sink) continue;
      const first = sources.find((s) => !s.typedField);
      if (!first) continue;
      ctx.report({
        messageId: first.dictParam ? 'dictBody' : 'raw',
        data: { handler: name, source: first.text, sink: sink.shortName ?? 'the model' },
        range: first.range,
        subject: `${name} ${first.text}`,
      });
    }
  },
});

interface RawSource {
  readonly text: string;
  readonly range: Range;
  /** Matches expressions that read this source again. */
  readonly pattern: RegExp;
  readonly dictParam: boolean;
  /** One named field converted to a number on the spot (`float(request.form["age"])`): parsed by hand, but checked. */
  readonly typedField: boolean;
}

const TYPED_FIELD = /(?<![\w.])(?:float|int|Decimal)\s*\(\s*$/;
const FIELD_ACCESS = /^\s*(?:\[\s*(['"])[^'"]*\1\s*\]|\.\s*get\s*\(\s*(['"])[^'"]*\2\s*\))\s*\)/;

/** Route functions (decorated with `@app.post(...)` and the like) and handler methods of serving classes. */
function handlers(py: PythonAnalysis): Node[] {
  const out: Node[] = [];
  for (const decorator of py.parsed.nodes('decorator')) {
    const fn = decorator.parent?.childForFieldName('definition');
    if (fn?.type === 'function_definition' && ROUTE_DECORATOR.test(decorator.text) && !out.some((o) => o.id === fn.id)) out.push(fn);
  }
  for (const cls of py.parsed.nodes('class_definition')) {
    const start = cls.parent?.type === 'decorated_definition' ? cls.parent.startIndex : cls.startIndex;
    const header = py.text.slice(start, cls.childForFieldName('body')?.startIndex ?? cls.startIndex);
    // KServe models subclass `Model`, a name too common to trust without the import.
    if (!SERVING_CLASS.test(header) && !(py.imports.importsFrom('kserve') && /\(\s*[^)]*\bModel\b/.test(header))) continue;
    for (const fn of py.parsed.nodes('function_definition')) {
      const name = fn.childForFieldName('name')?.text ?? '';
      if (fn.startIndex > cls.startIndex && fn.endIndex <= cls.endIndex && HANDLER_METHODS.has(name) && !out.some((o) => o.id === fn.id)) out.push(fn);
    }
  }
  return out;
}

/** Where a handler reads request data without a schema: `request.json`, `await request.json()`, a `dict` body. */
function rawSources(py: PythonAnalysis, fn: Node, flaskRequest: readonly string[], offsetRange: (start: number, end: number) => Range): RawSource[] {
  const out: RawSource[] = [];
  const text = py.text;
  const addMatches = (local: string, members: string): void => {
    const pattern = new RegExp(`(?<![.\\w])${local}\\s*\\.\\s*(?:${members})\\b(?:\\s*\\(\\s*\\))?`, 'g');
    for (const m of text.slice(fn.startIndex, fn.endIndex).matchAll(pattern)) {
      const start = fn.startIndex + m.index;
      const end = start + m[0].length;
      const typedField = TYPED_FIELD.test(text.slice(Math.max(0, start - 16), start)) && FIELD_ACCESS.test(text.slice(end, end + 80));
      out.push({ text: m[0].replace(/\s+/g, ''), range: offsetRange(start, end), pattern: new RegExp(pattern.source), dictParam: false, typedField });
    }
  };
  for (const local of flaskRequest) addMatches(local, 'get_json|json|form|args|values|data|get_data');
  const decorators = fn.parent?.type === 'decorated_definition' ? fn.parent.text.slice(0, fn.startIndex - fn.parent.startIndex) : '';
  // BentoML's `@svc.api(input=JSON())` without a pydantic_model hands the handler a plain dict.
  const rawJsonApi = /\.api\s*\([^)]*\binput\s*=\s*(?:[\w.]+\.)?JSON\(\s*\)/.test(decorators);
  for (const param of fn.childForFieldName('parameters')?.namedChildren ?? []) {
    const m = param ? /^\*{0,2}([A-Za-z_]\w*)\s*(?::\s*([^=]+?))?\s*(?:=.*)?$/s.exec(param.text) : null;
    const local = m?.[1];
    if (!param || local === undefined || local === 'self') continue;
    const annotation = m?.[2]?.trim();
    const qualified = annotation === undefined ? undefined : (py.imports.qualifyText(annotation) ?? annotation);
    if ((qualified !== undefined && REQUEST_TYPES.has(qualified)) || (annotation === undefined && /^(request|req)$/.test(local) && flaskRequest.length === 0)) {
      addMatches(local, 'json|form|body|get_json|text|data|POST|GET');
    } else if (rawJsonApi && !out.some((o) => o.dictParam)) {
      out.push({ text: local, range: nodeRange(param), pattern: new RegExp(`(?<![.\\w])${local}(?![\\w])`), dictParam: true, typedField: false });
    } else if (annotation !== undefined && DICT_ANNOTATION.test(annotation) && (/fastapi|bentoml|litserve|serve/.test(decorators) || /\.(post|put|patch|api_route|api)\s*\(/.test(decorators) || fn.childForFieldName('name')?.text === 'predict')) {
      out.push({ text: `${local}: ${annotation}`, range: nodeRange(param), pattern: new RegExp(`(?<![.\\w])${local}(?![\\w])`), dictParam: true, typedField: false });
    }
  }
  return out.sort((a, b) => a.range.start.line - b.range.start.line || a.range.start.column - b.range.start.column);
}

/** Names assigned (directly or through other names) from a raw source inside the handler. */
function taintedNames(py: PythonAnalysis, fn: Node, sources: readonly RawSource[]): Set<string> {
  const tainted = new Set<string>();
  for (const s of sources) if (s.dictParam) tainted.add(/^\w+/.exec(s.text)?.[0] ?? '');
  const assignments = py.parsed.nodes('assignment').filter(inside(fn));
  for (const a of assignments) {
    const right = a.childForFieldName('right');
    const left = a.childForFieldName('left');
    if (!right || !left) continue;
    const fromRaw = sources.some((s) => s.pattern.test(right.text)) || (right.text.match(/(?<![.\w])[A-Za-z_]\w*/g) ?? []).some((n) => tainted.has(n));
    if (!fromRaw) continue;
    const targets = left.type === 'subscript' || left.type === 'attribute' ? [/^[A-Za-z_]\w*/.exec(left.text)?.[0] ?? ''] : (left.text.match(/(?<![.\w])[A-Za-z_]\w*/g) ?? []);
    for (const t of targets) if (t !== '' && t !== 'self') tainted.add(t);
  }
  return tainted;
}

function argsOf(call: Node): Node[] {
  return (call.childForFieldName('arguments')?.namedChildren ?? []).filter((n): n is Node => n !== null);
}

/** Pydantic/marshmallow/pandera/jsonschema calls, `.validate(...)`, `Model(**data)`, or a helper named like a validator. */
function isValidation(py: PythonAnalysis, call: Node, qualified: string | undefined, shortName: string | undefined): boolean {
  if (qualified !== undefined && VALIDATING_MODULES.test(qualified)) return true;
  if (shortName !== undefined && (VALIDATING_METHODS.has(shortName) || VALIDATING_NAME.test(shortName))) return true;
  const callee = call.childForFieldName('function')?.text ?? '';
  // Marshmallow: `Schema().load(data)`; `json.load`, `joblib.load` and other imported loaders are not schemas.
  if (shortName === 'load' && (/schema/i.test(callee) || (qualified === undefined && py.imports.importsFrom('marshmallow')))) return true;
  // A class built from the splatted payload: a pydantic model or a dataclass checks its fields.
  return /^[A-Z]\w*$/.test(shortName ?? '') && argsOf(call).some((a) => a.type === 'dictionary_splat') && py.imports.resolveName(shortName ?? '') !== 'pandas.DataFrame';
}

function isSinkCall(call: Node, shortName: string | undefined, isMethod: boolean, localSinks: ReadonlySet<string>): boolean {
  if (shortName === undefined) return false;
  if (isMethod && SINKS.has(shortName)) return true;
  if (!isMethod && (localSinks.has(shortName) || SINK_FUNCTION.test(shortName) || MODEL_NAME.test(shortName))) return true;
  const callee = call.childForFieldName('function')?.text ?? '';
  // BentoML runners: `runner.predict.run(...)`.
  if (isMethod && /\.(predict\w*|forward|generate)\s*\.\s*(async_)?run$/.test(callee)) return true;
  return isMethod && /^self\.\w+$/.test(callee) && MODEL_NAME.test(shortName);
}

const NO_SINKS: ReadonlySet<string> = new Set();

/** True when a function calls a model directly (so a handler that passes it raw data reaches the model). */
function hasSink(py: PythonAnalysis, fn: Node): boolean {
  return within(py.calls, fn).some((c) => isSinkCall(c.node, c.shortName, c.isMethod, NO_SINKS));
}

/**
 * A test for nodes inside `fn`. Tree nodes nest or are disjoint, so a node that starts inside the function also
 * ends inside it: only the function's end is asked of tree-sitter, once, not every node's.
 */
function inside(fn: Node): (node: Node) => boolean {
  const start = fn.startIndex;
  const end = fn.endIndex;
  return (node) => node.startIndex >= start && node.startIndex < end;
}

/** The calls inside `fn` (the call that starts where it starts, if any, included). */
function within(calls: readonly ResolvedCall[], fn: Node): ResolvedCall[] {
  const test = inside(fn);
  return calls.filter((c) => test(c.node));
}

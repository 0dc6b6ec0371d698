// Where a Python file validates data (schema libraries, record models, frame assertions) and where it ingests datasets remotely.
import { headRange } from '../parsers/python.js';
import type { PythonAnalysis } from '../python/analysis.js';
import type { Range } from '../types.js';
import type { ModuleOutline } from './outline.js';

/** One piece of evidence that the project validates data. */
export interface ValidationSite {
  /** What validates: `pandera`, `great_expectations`, `pydantic model Record`, `assert on df.columns`. */
  readonly via: string;
  readonly range: Range;
}

/** A dataset loaded from a hub or a service rather than from a file path. */
export interface RemoteIngest {
  readonly via: string;
  /** The dataset id when it folds to a constant. */
  readonly dataset?: string;
  readonly range: Range;
}

/** Libraries whose only job is checking data against expectations or a schema. */
const VALIDATION_MODULES = [
  'pandera', 'great_expectations', 'gx', 'tensorflow_data_validation', 'deepchecks', 'evidently', 'whylogs', 'cerberus', 'voluptuous',
  'jsonschema', 'fastjsonschema', 'marshmallow', 'soda', 'frictionless', 'datacontract', 'pointblank', 'dataframely', 'patito', 'pandas_schema',
];
/** Record models: a subclass validates every record built from it. */
const RECORD_MODEL_BASES = new Set(['pydantic.BaseModel', 'pydantic.main.BaseModel', 'pydantic.v1.BaseModel', 'sqlmodel.SQLModel']);
/** Assertions that only make sense about a data frame's schema or content (`.shape` is left out: tensors have it too). */
const FRAME_ASSERT = /^[ \t]*assert\b[^\n]*\.(columns|dtypes?|isnull\(|isna\(|notnull\(|notna\(|duplicated\(|is_unique|between\(|nunique\(|value_counts\()/gm;

const REMOTE_LOADERS = new Map([
  ['datasets.load_dataset', 'path'],
  ['kagglehub.dataset_download', 'handle'],
  ['kagglehub.load_dataset', 'handle'],
  ['tensorflow_datasets.load', 'name'],
  ['openml.datasets.get_dataset', 'dataset_id'],
  ['sklearn.datasets.fetch_openml', 'name'],
]);

/** Evidence of data validation in a module; `frameAssertions` is false for test code, where asserts test the code. */
export function validationSites(py: PythonAnalysis, outline: ModuleOutline, frameAssertions: boolean): ValidationSite[] {
  const out: ValidationSite[] = [];
  const seen = new Set<string>();
  for (const b of py.imports.bindings) {
    if (b.level !== 0) continue;
    const top = VALIDATION_MODULES.find((m) => b.module === m || b.module.startsWith(`${m}.`));
    if (top === undefined || seen.has(top)) continue;
    seen.add(top);
    out.push({ via: top, range: b.range });
  }
  for (const d of outline.definitions) {
    const base = d.kind === 'class' ? d.bases.find((b) => RECORD_MODEL_BASES.has(b)) : undefined;
    if (base !== undefined) out.push({ via: `${base.split('.')[0] ?? base} model ${d.name}`, range: d.range });
  }
  if (frameAssertions) {
    for (const m of py.text.matchAll(FRAME_ASSERT)) {
      const start = m.index + (m[0].length - m[0].trimStart().length);
      const line = lineOf(py.text, start);
      out.push({ via: `assert on .${(m[1] ?? '').replace('(', '')}`, range: { start: { line, column: start - lineStart(py.text, start) }, end: { line, column: start - lineStart(py.text, start) + 6 } } });
    }
  }
  return out;
}

/** Datasets loaded through dataset libraries: hubs, services, and `load_dataset`'s builtin file loaders alike. */
export function remoteIngests(py: PythonAnalysis): RemoteIngest[] {
  const out: RemoteIngest[] = [];
  for (const call of py.calls) {
    const keyword = call.qualified === undefined ? undefined : REMOTE_LOADERS.get(call.qualified);
    if (keyword === undefined || call.qualified === undefined) continue;
    const arg = call.args.positional[0] ?? call.args.keywords.get(keyword);
    const folded = arg ? py.fold(arg) : undefined;
    const dataset = folded?.exact ? folded.value : undefined;
    out.push({ via: call.qualified, ...(dataset === undefined ? {} : { dataset }), range: headRange(call.node, py.text) });
  }
  return out;
}

function lineStart(text: string, offset: number): number {
  return text.lastIndexOf('\n', offset - 1) + 1;
}

function lineOf(text: string, offset: number): number {
  let line = 0;
  for (let i = text.indexOf('\n'); i !== -1 && i < offset; i = text.indexOf('\n', i + 1)) line++;
  return line;
}

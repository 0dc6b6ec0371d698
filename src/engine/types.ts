// Core data types of the engine: positions, findings, fixes and file kinds shared by every module.

/** A zero-based position. Columns count UTF-16 code units, as LSP and VS Code do. */
export interface Position {
  readonly line: number;
  readonly column: number;
}

/** A zero-based, end-exclusive range. */
export interface Range {
  readonly start: Position;
  readonly end: Position;
}

/** Severity as configured by a team. `off` disables a rule. */
export type Severity = 'off' | 'info' | 'warning' | 'error';
/** Severity of a reported finding: never `off`. */
export type FindingSeverity = Exclude<Severity, 'off'>;

export const SEVERITY_ORDER: Readonly<Record<Severity, number>> = { off: 0, info: 1, warning: 2, error: 3 };

/** Debt categories; each rule belongs to one. The readiness panel groups by them. */
export type Category =
  | 'data'
  | 'dependencies'
  | 'reproducibility'
  | 'configuration'
  | 'glue-code'
  | 'skew'
  | 'testing'
  | 'notebooks'
  | 'secrets'
  | 'meta';

export const CATEGORIES: readonly Category[] = [
  'data', 'dependencies', 'reproducibility', 'configuration', 'glue-code', 'skew', 'testing', 'notebooks', 'secrets', 'meta',
];

/**
 * What a file is to mlready. Decided from its path alone (see file-kinds.ts), so the inventory can
 * classify a tree without reading it.
 */
export type FileKind =
  | 'python'
  | 'notebook'
  | 'requirements'
  | 'pyproject'
  | 'setup-cfg'
  | 'conda-env'
  | 'pipfile'
  | 'lockfile'
  | 'dvc'
  | 'dvc-pipeline'
  | 'dvc-lock'
  | 'dvc-config'
  | 'gitattributes'
  | 'ci-workflow'
  | 'yaml'
  | 'json'
  | 'toml'
  | 'shell'
  | 'makefile'
  | 'dockerfile'
  | 'dotenv'
  | 'mlready-config'
  | 'data'
  | 'other';

/** A single text replacement. `cell` is set for edits inside a notebook code cell. */
export interface TextEdit {
  readonly range: Range;
  readonly newText: string;
  readonly cell?: number;
}

/** Ruff's fix safety: safe fixes keep behaviour and may be applied on save; unsafe ones need a person. */
export type FixSafety = 'safe' | 'unsafe';

export interface Fix {
  readonly description: string;
  readonly safety: FixSafety;
  readonly edits: readonly TextEdit[];
}

/** A location in another file (or elsewhere in this one) that explains a finding. */
export interface RelatedLocation {
  readonly file: string;
  readonly range: Range;
  readonly cell?: number;
  readonly message: string;
}

/** One finding, in the coordinates of its file (for notebooks: of its cell). */
export interface Finding {
  readonly ruleId: string;
  readonly category: Category;
  readonly severity: FindingSeverity;
  readonly message: string;
  /** Path relative to the project root, `/`-separated. */
  readonly file: string;
  readonly range: Range;
  /** Zero-based code-cell index for notebooks; then `range` is inside that cell. */
  readonly cell?: number;
  readonly fix?: Fix;
  readonly related?: readonly RelatedLocation[];
  /** `unnecessary` marks dead code, as the editor greys it out. */
  readonly tags?: readonly 'unnecessary'[];
  /** A short, position-free text that identifies the finding's subject, for baselines and SARIF. */
  readonly subject: string;
}

/** A file the run did not lint, and why. */
export interface SkippedFile {
  readonly file: string;
  readonly reason: string;
}

/** The empty range at the start of a file: where findings about a whole file (or a file without text) anchor. */
export const FILE_START: Range = { start: { line: 0, column: 0 }, end: { line: 0, column: 0 } };

export function comparePositions(a: Position, b: Position): number {
  return a.line - b.line || a.column - b.column;
}

/** Deterministic order: file, cell, line, column, rule id, message. */
export function compareFindings(a: Finding, b: Finding): number {
  if (a.file !== b.file) return a.file < b.file ? -1 : 1;
  const cellDiff = (a.cell ?? -1) - (b.cell ?? -1);
  if (cellDiff !== 0) return cellDiff;
  const pos = comparePositions(a.range.start, b.range.start);
  if (pos !== 0) return pos;
  if (a.ruleId !== b.ruleId) return a.ruleId < b.ruleId ? -1 : 1;
  return a.message < b.message ? -1 : a.message > b.message ? 1 : 0;
}

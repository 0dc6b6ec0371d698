// Runs the enabled rules over one file: parse once, share it between rules, map notebook positions to cells.
import type { FileSettings } from './config/resolve.js';
import { extractFacts, type FactKind, type FileFacts } from './facts.js';
import type { ProjectModel } from './project.js';
import { findingFromReport, resolveOptions, type Report, type Rule } from './rule.js';
import { SourceFile, UnreadableFileError } from './source-file.js';
import { parseSuppressions, type Suppression, type SuppressionProblem } from './suppressions.js';
import { TextDocument } from './text.js';
import { timed, type Timing } from './timing.js';
import type { Finding, FindingSeverity, Range, TextEdit } from './types.js';

/** Everything one file contributes to a run; plain data so it can cross threads and live in the cache. */
export interface FileLintResult {
  readonly path: string;
  /** Findings before suppressions and baseline. */
  readonly findings: readonly Finding[];
  readonly suppressions: readonly Suppression[];
  readonly suppressionProblems: readonly SuppressionProblem[];
  /** Set when the file could not be analysed; the run lists it as skipped. */
  readonly skipped?: string;
  /** Rules that threw on this file; the run reports them and goes on. */
  readonly ruleErrors: readonly { readonly ruleId: string; readonly message: string }[];
  /** What the file tells project rules, when they asked. */
  readonly facts?: FileFacts;
  /** Set when an executor that reads files itself could not read this one: the run lists it as skipped, unlinted. */
  readonly unreadable?: string;
}

/** Lints one file with the rules enabled for it. Never throws. */
export function lintSource(file: SourceFile, rules: readonly Rule[], settings: FileSettings, project: ProjectModel, wantFacts: readonly FactKind[] = [], timing?: Timing): FileLintResult {
  const findings: Finding[] = [];
  const ruleErrors: { ruleId: string; message: string }[] = [];
  let skipped: string | undefined = syntaxError(file);
  try {
    for (const rule of rules) {
      if (skipped !== undefined) break;
      const setting = settings.get(rule.id);
      const severity = setting?.severity ?? 'off';
      if (severity === 'off' || !rule.fileKinds.includes(file.kind)) continue;
      const options = resolveOptions(rule, setting?.options);
      const report = (r: Report<string>): void => {
        const finding = toFinding(file, rule, severity, r);
        if (finding) findings.push(finding);
      };
      try {
        const ctx = { file, project, options, report };
        if (timing) {
          timing.time(`rule:${rule.id}`, () => {
            rule.check(ctx);
          });
        } else rule.check(ctx);
      } catch (error) {
        if (error instanceof UnreadableFileError) throw error;
        ruleErrors.push({ ruleId: rule.id, message: error instanceof Error ? (error.stack ?? error.message) : String(error) });
      }
    }
  } catch (error) {
    if (!(error instanceof UnreadableFileError)) throw error;
    skipped = error.message;
    findings.length = 0;
  }
  let facts: FileFacts | undefined;
  if (skipped === undefined && wantFacts.length > 0) {
    try {
      facts = extractFacts(file, new Set(wantFacts), project, timing);
    } catch (error) {
      if (!(error instanceof UnreadableFileError)) throw error;
      skipped = error.message;
      findings.length = 0;
    }
  }
  const { suppressions, problems } = skipped === undefined ? timed(timing, 'parse:suppressions', () => collectSuppressions(file)) : { suppressions: [], problems: [] };
  return { path: file.path, findings, suppressions, suppressionProblems: problems, ruleErrors, ...(skipped === undefined ? {} : { skipped }), ...(facts ? { facts } : {}) };
}

/** Problems that only make a config file untidy, not unreadable. */
const TOLERATED = /^(Map keys must be unique|Duplicate key|Comments are not allowed|Trailing commas are not allowed)/;

/**
 * A YAML, JSON or TOML file that does not parse is skipped with the first syntax error's place: rules would
 * otherwise judge half a file. Tolerated problems (duplicate keys, JSON comments) do not skip it.
 */
function syntaxError(file: SourceFile): string | undefined {
  if (file.kind !== 'yaml' && file.kind !== 'json' && file.kind !== 'toml') return undefined;
  const problem = file.configTree?.problems.find((p) => !TOLERATED.test(p.message));
  if (!problem) return undefined;
  const format = file.kind === 'yaml' ? 'YAML' : file.kind === 'json' ? 'JSON' : 'TOML';
  const message = problem.message.split('\n')[0]?.replace(/ at line \d+, column \d+:?$/, '') ?? '';
  return `invalid ${format} at line ${problem.range.start.line + 1}, column ${problem.range.start.column + 1}: ${message}`;
}

function collectSuppressions(file: SourceFile): { suppressions: Suppression[]; problems: SuppressionProblem[] } {
  if (file.kind === 'json' || file.kind === 'data' || file.kind === 'other') return { suppressions: [], problems: [] };
  if (file.kind === 'notebook') {
    const suppressions: Suppression[] = [];
    const problems: SuppressionProblem[] = [];
    let notebook;
    try {
      notebook = file.notebook;
    } catch {
      return { suppressions, problems };
    }
    for (const cell of notebook?.notebook.cells ?? []) {
      if (cell.kind !== 'code') continue;
      const parsed = parseSuppressions(cell.source, cell.index);
      suppressions.push(...parsed.suppressions);
      problems.push(...parsed.problems);
    }
    return { suppressions, problems };
  }
  return parseSuppressions(file.text);
}

function toFinding(file: SourceFile, rule: Rule, configured: FindingSeverity, r: Report<string>): Finding | undefined {
  let range: Range = r.range;
  let cell = r.cell;
  let edits: readonly TextEdit[] | undefined = r.fix?.edits;
  const nb = file.kind === 'notebook' ? file.notebook : undefined;
  if (nb && cell === undefined) {
    const mapped = nb.map.rangeToCell(range);
    if (!mapped) return undefined;
    range = mapped.range;
    cell = mapped.cell;
    if (edits) {
      const mappedEdits: TextEdit[] = [];
      for (const edit of edits) {
        const m = nb.map.rangeToCell(edit.range);
        // A fix whose edit would cross a cell boundary is dropped; the finding stays.
        if (!m || m.cell !== cell) {
          edits = undefined;
          break;
        }
        mappedEdits.push({ range: m.range, newText: edit.newText, cell: m.cell });
      }
      if (edits) edits = mappedEdits;
    }
  }
  const inCell = cell;
  // The default subject is the finding's source line, normalised: only computed when the rule gives none.
  const subject = (): string => {
    const line = nb && inCell !== undefined ? new TextDocument(nb.notebook.cells[inCell]?.source ?? '').lineText(range.start.line) : file.doc.lineText(range.start.line);
    return line.trim().replace(/\s+/g, ' ');
  };
  return findingFromReport(rule, configured, r, { file: file.path, range, subject, ...(cell === undefined ? {} : { cell }), ...(edits ? { edits } : {}) });
}

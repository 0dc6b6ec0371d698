// From engine findings to LSP diagnostics: severity, rule id with its docs link, tags, related locations, and the document each belongs to.
import { DiagnosticSeverity, DiagnosticTag, type Diagnostic, type DiagnosticRelatedInformation, type Range as LspRange } from 'vscode-languageserver';
import type { ConfigProblem } from '../engine/config/types.js';
import { ruleDocsUrl } from '../engine/rule.js';
import type { Finding, FindingSeverity, Range } from '../engine/types.js';

/** The `source` of every diagnostic the server publishes. */
export const SOURCE = 'mlready';

/** Where a finding of a file (and notebook cell) is shown: a document URI and, for closed notebooks, a range mapping. */
export interface Target {
  readonly uri: string;
  /** Moves a range from the finding's coordinates into the document's (a closed notebook's JSON text). */
  readonly mapRange?: (range: Range, cell: number | undefined) => Range;
}

/** Resolves a project-relative file and notebook cell to the document its findings go to. */
export type Locate = (file: string, cell: number | undefined) => Target;

const SEVERITY: Readonly<Record<FindingSeverity, DiagnosticSeverity>> = {
  error: DiagnosticSeverity.Error,
  warning: DiagnosticSeverity.Warning,
  info: DiagnosticSeverity.Information,
};

export function toLspRange(range: Range): LspRange {
  return { start: { line: range.start.line, character: range.start.column }, end: { line: range.end.line, character: range.end.column } };
}

export function fromLspRange(range: LspRange): Range {
  return { start: { line: range.start.line, column: range.start.character }, end: { line: range.end.line, column: range.end.character } };
}

function place(target: Target, range: Range, cell: number | undefined): LspRange {
  return toLspRange(target.mapRange ? target.mapRange(range, cell) : range);
}

/** One finding as a diagnostic in `target`'s document. */
export function toDiagnostic(finding: Finding, target: Target, locate: Locate): Diagnostic {
  const diagnostic: Diagnostic = {
    range: place(target, finding.range, finding.cell),
    severity: SEVERITY[finding.severity],
    source: SOURCE,
    code: finding.ruleId,
    codeDescription: { href: ruleDocsUrl(finding.ruleId) },
    message: finding.message,
  };
  if (finding.tags?.includes('unnecessary')) diagnostic.tags = [DiagnosticTag.Unnecessary];
  if (finding.related && finding.related.length > 0) {
    diagnostic.relatedInformation = finding.related.map((r): DiagnosticRelatedInformation => {
      const where = locate(r.file, r.cell);
      return { location: { uri: where.uri, range: place(where, r.range, r.cell) }, message: r.message };
    });
  }
  return diagnostic;
}

/** The diagnostics of one file's findings, by the URI of the document (or notebook cell) each is shown in. */
export function diagnosticsByUri(file: string, findings: readonly Finding[], locate: Locate): Map<string, Diagnostic[]> {
  const out = new Map<string, Diagnostic[]>();
  for (const finding of findings) {
    const target = locate(file, finding.cell);
    const list = out.get(target.uri) ?? [];
    list.push(toDiagnostic(finding, target, locate));
    out.set(target.uri, list);
  }
  return out;
}

/** A config problem as a diagnostic in the config file; a problem without an end marks the rest of its line. */
export function configDiagnostic(problem: ConfigProblem, lineLength: (line: number) => number): Diagnostic {
  const endLine = problem.endLine ?? problem.line;
  const endColumn = problem.endColumn ?? Math.max(lineLength(problem.line), problem.column + 1);
  return {
    range: { start: { line: problem.line, character: problem.column }, end: { line: endLine, character: endColumn } },
    severity: problem.severity === 'error' ? DiagnosticSeverity.Error : DiagnosticSeverity.Warning,
    source: SOURCE,
    message: problem.message,
  };
}

// What every output format receives: the run's findings and what was skipped, with the tool's identity.
import type { RuleMeta } from '../rule.js';
import type { Finding, SkippedFile } from '../types.js';

export interface ReportInput {
  readonly findings: readonly Finding[];
  readonly skipped: readonly SkippedFile[];
  readonly lintedFiles: number;
  readonly suppressed: number;
  readonly baselined: number;
  readonly rules: ReadonlyMap<string, RuleMeta>;
  readonly toolVersion: string;
  /** Source text by file, for formats that quote lines; optional. */
  readonly texts?: ReadonlyMap<string, string>;
}

export interface SeverityCounts {
  readonly error: number;
  readonly warning: number;
  readonly info: number;
}

export function countSeverities(findings: readonly Finding[]): SeverityCounts {
  let error = 0;
  let warning = 0;
  let info = 0;
  for (const f of findings) {
    if (f.severity === 'error') error++;
    else if (f.severity === 'warning') warning++;
    else info++;
  }
  return { error, warning, info };
}

/** 1-based line and column of a finding, as people and CI annotations count. */
export function displayPosition(f: Finding): { line: number; column: number; endLine: number; endColumn: number } {
  return { line: f.range.start.line + 1, column: f.range.start.column + 1, endLine: f.range.end.line + 1, endColumn: f.range.end.column + 1 };
}

/** `file`, or `file#cell N` for notebooks, for human-readable output (cells counted from 1 there). */
export function displayLocation(f: Pick<Finding, 'file' | 'cell'>): string {
  return f.cell === undefined ? f.file : `${f.file} [cell ${f.cell + 1}]`;
}

// The JSON output: a stable, documented contract (docs/json-format.md) for CI and other tools.
import { ruleDocsUrl } from '../rule.js';
import type { Finding, TextEdit } from '../types.js';
import { countSeverities, type ReportInput } from './types.js';

export const JSON_FORMAT_VERSION = 1;

function edit(e: TextEdit): Record<string, unknown> {
  return {
    ...(e.cell === undefined ? {} : { cell: e.cell }),
    line: e.range.start.line + 1,
    column: e.range.start.column + 1,
    endLine: e.range.end.line + 1,
    endColumn: e.range.end.column + 1,
    newText: e.newText,
  };
}

/** One finding as the JSON contract describes it: positions 1-based, `cell` 0-based. */
export function findingToJson(f: Finding): Record<string, unknown> {
  return {
    ruleId: f.ruleId,
    category: f.category,
    severity: f.severity,
    message: f.message,
    file: f.file,
    ...(f.cell === undefined ? {} : { cell: f.cell }),
    line: f.range.start.line + 1,
    column: f.range.start.column + 1,
    endLine: f.range.end.line + 1,
    endColumn: f.range.end.column + 1,
    docs: ruleDocsUrl(f.ruleId),
    ...(f.fix ? { fix: { description: f.fix.description, safety: f.fix.safety, edits: f.fix.edits.map(edit) } } : {}),
    ...(f.related?.length
      ? { related: f.related.map((r) => ({ file: r.file, ...(r.cell === undefined ? {} : { cell: r.cell }), line: r.range.start.line + 1, column: r.range.start.column + 1, message: r.message })) }
      : {}),
  };
}

export function formatJson(input: ReportInput): string {
  const counts = countSeverities(input.findings);
  const doc = {
    version: JSON_FORMAT_VERSION,
    tool: { name: 'mlready', version: input.toolVersion },
    summary: {
      files: input.lintedFiles,
      errors: counts.error,
      warnings: counts.warning,
      infos: counts.info,
      suppressed: input.suppressed,
      baselined: input.baselined,
      skipped: input.skipped.length,
    },
    findings: input.findings.map(findingToJson),
    skipped: input.skipped.map((s) => ({ file: s.file, reason: s.reason })),
  };
  return `${JSON.stringify(doc, null, 2)}\n`;
}

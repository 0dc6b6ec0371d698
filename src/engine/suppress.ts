// Applies inline suppressions to a file's findings and reports unused and invalid suppressions.
import type { FileSettings } from './config/resolve.js';
import type { FileLintResult } from './lint-file.js';
import type { RuleMeta } from './rule.js';
import { formatMessage } from './rule.js';
import type { Suppression } from './suppressions.js';
import type { Finding, Range, TextEdit } from './types.js';

export interface SuppressionOutcome {
  readonly findings: Finding[];
  readonly suppressed: number;
}

/**
 * Drops findings silenced by a suppression with the same rule id on their line, the line above or file-wide,
 * and adds `unused-suppression` and `invalid-suppression` findings where those rules are enabled.
 */
export function applySuppressions(
  result: FileLintResult,
  settings: FileSettings,
  rules: ReadonlyMap<string, RuleMeta>,
): SuppressionOutcome {
  const used = new Set<string>();
  const kept: Finding[] = [];
  let suppressed = 0;
  for (const finding of result.findings) {
    const match = result.suppressions.findIndex(
      (s) => s.ruleIds.includes(finding.ruleId) && (s.scope === 'file' || (s.cell === finding.cell && s.lines.includes(finding.range.start.line))),
    );
    if (match === -1) kept.push(finding);
    else {
      used.add(`${match}\0${finding.ruleId}`);
      suppressed++;
    }
  }
  const enabled = (id: string): boolean => (settings.get(id)?.severity ?? 'off') !== 'off';
  const invalidMeta = rules.get('invalid-suppression');
  if (invalidMeta && enabled(invalidMeta.id)) {
    const severity = settings.get(invalidMeta.id)?.severity;
    const push = (message: string, range: Range, cell: number | undefined): void => {
      if (severity === undefined || severity === 'off') return;
      kept.push({ ruleId: invalidMeta.id, category: invalidMeta.category, severity, message, file: result.path, range, subject: message, ...(cell === undefined ? {} : { cell }) });
    };
    for (const p of result.suppressionProblems) push(p.message, p.range, p.cell);
    for (const s of result.suppressions) {
      for (const id of s.ruleIds) if (!rules.has(id)) push(`Suppression names unknown rule '${id}' (run 'mlready rules' for the list).`, s.range, s.cell);
    }
  }
  const unusedMeta = rules.get('unused-suppression');
  const unusedSeverity = unusedMeta ? settings.get(unusedMeta.id)?.severity : undefined;
  if (unusedMeta && unusedSeverity && unusedSeverity !== 'off') {
    result.suppressions.forEach((s, index) => {
      // Only rules that are on can be judged unused; a rule turned off for this path silences nothing by design.
      const unused = s.ruleIds.filter((id) => rules.has(id) && enabled(id) && !used.has(`${index}\0${id}`));
      if (unused.length === 0) return;
      const fix = removalEdit(s, unused, s.lineText);
      for (const ruleId of unused) {
        kept.push({
          ruleId: unusedMeta.id,
          category: unusedMeta.category,
          severity: unusedSeverity,
          message: formatMessage(unusedMeta.messages.unused ?? '', { ruleId }),
          file: result.path,
          range: s.range,
          subject: `suppression ${ruleId}`,
          fix: { description: unused.length === s.ruleIds.length ? 'Remove the suppression comment' : `Remove '${ruleId}' from the suppression`, safety: 'safe', edits: [fix] },
          tags: ['unnecessary'],
          ...(s.cell === undefined ? {} : { cell: s.cell }),
        });
      }
    });
  }
  return { findings: kept, suppressed };
}

/** Removes a whole suppression (its line when it stands alone) or just the unused ids from its list. */
function removalEdit(s: Suppression, unused: readonly string[], line: string): TextEdit {
  const cell = s.cell === undefined ? {} : { cell: s.cell };
  if (unused.length === s.ruleIds.length) {
    if (s.ownLine) return { range: { start: { line: s.range.start.line, column: 0 }, end: { line: s.range.start.line + 1, column: 0 } }, newText: '', ...cell };
    const before = line.slice(0, s.range.start.column);
    const start = before.trimEnd().length;
    return { range: { start: { line: s.range.start.line, column: start }, end: { line: s.range.start.line, column: line.length } }, newText: '', ...cell };
  }
  const comment = line.slice(s.range.start.column, s.range.end.column);
  const keep = s.ruleIds.filter((id) => !unused.includes(id));
  const rewritten = comment.replace(/\[[^\]]*\]/, `[${keep.join(', ')}]`);
  return { range: s.range, newText: rewritten, ...cell };
}

// Inline suppressions: `# mlready: ignore[rule-id] -- reason` on the line or the line above, or `ignore-file[...]`.
import type { Range } from './types.js';

export interface Suppression {
  readonly scope: 'line' | 'file';
  readonly ruleIds: readonly string[];
  readonly reason: string;
  /** The notebook cell, when the comment is in one. */
  readonly cell?: number;
  /** The lines whose findings it silences: its own line, and the next one when the comment stands alone. */
  readonly lines: readonly number[];
  /** The whole comment, from `#`. */
  readonly range: Range;
  /** Text of the line holds only this comment; removing the comment removes the line. */
  readonly ownLine: boolean;
  /** The whole source line, so a fix can be computed later without the file's text (cached runs). */
  readonly lineText: string;
}

/** A comment that looks like a suppression but is not a valid one. */
export interface SuppressionProblem {
  readonly message: string;
  readonly range: Range;
  readonly cell?: number;
}

const DIRECTIVE = /(^|\s)#\s*mlready\s*:\s*(ignore(?:-file)?)\b(.*)$/;
const BODY = /^\[([^\]]*)\]\s*(?:--\s*(.*))?$/;
const RULE_ID = /^[a-z][a-z0-9]*(-[a-z0-9]+)*$/;

/** Finds suppressions in a text whose comments start with `#`. */
export function parseSuppressions(text: string, cell?: number): { suppressions: Suppression[]; problems: SuppressionProblem[] } {
  const suppressions: Suppression[] = [];
  const problems: SuppressionProblem[] = [];
  if (!text.includes('mlready')) return { suppressions, problems };
  const lines = text.split(/\r?\n|\r/);
  lines.forEach((line, lineNo) => {
    if (!line.includes('mlready')) return;
    const match = DIRECTIVE.exec(line);
    if (!match) return;
    const hash = (match.index) + (match[1]?.length ?? 0);
    const range: Range = { start: { line: lineNo, column: hash }, end: { line: lineNo, column: line.trimEnd().length } };
    const kind = match[2] === 'ignore-file' ? 'file' : 'line';
    const body = /^\s*(.*?)\s*$/.exec(match[3] ?? '')?.[1] ?? '';
    const parsed = BODY.exec(body);
    const withCell = (p: Omit<SuppressionProblem, 'cell'>): SuppressionProblem => (cell === undefined ? p : { ...p, cell });
    if (!parsed) {
      problems.push(withCell({ message: `Malformed suppression: write '# mlready: ${match[2] ?? 'ignore'}[rule-id] -- reason'.`, range }));
      return;
    }
    const ids = (parsed[1] ?? '').split(',').map((s) => s.trim()).filter((s) => s.length > 0);
    const reason = (parsed[2] ?? '').trim();
    if (ids.length === 0) {
      problems.push(withCell({ message: 'Suppression names no rule: list the rule ids in the brackets.', range }));
      return;
    }
    const bad = ids.find((id) => !RULE_ID.test(id));
    if (bad !== undefined) {
      problems.push(withCell({ message: `'${bad}' is not a rule id (rule ids are kebab-case, e.g. remote-data-unpinned).`, range }));
      return;
    }
    if (reason === '') {
      problems.push(withCell({ message: `Suppression of ${ids.join(', ')} has no reason: add '-- why this is acceptable' so reviewers can judge it.`, range }));
      return;
    }
    const ownLine = line.slice(0, hash).trim() === '';
    const silenced = kind === 'file' ? [] : ownLine ? [lineNo, lineNo + 1] : [lineNo];
    suppressions.push({ scope: kind, ruleIds: ids, reason, lines: silenced, range, ownLine, lineText: line, ...(cell === undefined ? {} : { cell }) });
  });
  return { suppressions, problems };
}

/** The text of a suppression comment for a rule, as the editor's quick fix inserts it. */
export function suppressionComment(ruleId: string, reason: string): string {
  return `# mlready: ignore[${ruleId}] -- ${reason}`;
}

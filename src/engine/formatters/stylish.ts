// The default terminal output: findings grouped by file, aligned columns, a summary line, as ESLint's stylish.
import { countSeverities, displayPosition, type ReportInput } from './types.js';

export interface StylishOptions {
  readonly color: boolean;
  /** Only errors. */
  readonly quiet?: boolean;
}

const ANSI = { red: 31, yellow: 33, blue: 34, gray: 90, bold: 1, underline: 4, green: 32 } as const;

export function formatStylish(input: ReportInput, options: StylishOptions): string {
  const paint = (code: keyof typeof ANSI, s: string): string => (options.color ? `\u001b[${ANSI[code]}m${s}\u001b[0m` : s);
  const findings = options.quiet ? input.findings.filter((f) => f.severity === 'error') : input.findings;
  const out: string[] = [];
  let current = '';
  for (const f of findings) {
    if (f.file !== current) {
      if (current !== '') out.push('');
      current = f.file;
      out.push(paint('underline', f.file));
    }
    const pos = displayPosition(f);
    const where = `${f.cell === undefined ? '' : `cell ${f.cell + 1} `}${pos.line}:${pos.column}`;
    const sev = f.severity === 'error' ? paint('red', 'error  ') : f.severity === 'warning' ? paint('yellow', 'warning') : paint('blue', 'info   ');
    const fixable = f.fix ? (f.fix.safety === 'safe' ? ' [fixable]' : ' [unsafe fix]') : '';
    out.push(`  ${where.padEnd(12)} ${sev}  ${f.message}  ${paint('gray', f.ruleId + fixable)}`);
  }
  const counts = countSeverities(findings);
  const total = counts.error + counts.warning + counts.info;
  if (out.length) out.push('');
  const parts = [`${counts.error} error${counts.error === 1 ? '' : 's'}`, `${counts.warning} warning${counts.warning === 1 ? '' : 's'}`, `${counts.info} info`];
  const summary = total === 0 ? paint('green', `No problems found in ${input.lintedFiles} files.`) : `${paint('bold', `${total} problem${total === 1 ? '' : 's'}`)} (${parts.join(', ')}) in ${input.lintedFiles} files.`;
  out.push(summary);
  const safe = findings.filter((f) => f.fix?.safety === 'safe').length;
  if (safe > 0) out.push(`${safe} fixable with the \`--fix\` option.`);
  const extras: string[] = [];
  if (input.suppressed > 0) extras.push(`${input.suppressed} suppressed inline`);
  if (input.baselined > 0) extras.push(`${input.baselined} in the baseline`);
  if (input.skipped.length > 0) extras.push(`${input.skipped.length} file${input.skipped.length === 1 ? '' : 's'} skipped (see below)`);
  if (extras.length) out.push(paint('gray', `Not shown: ${extras.join(', ')}.`));
  if (input.skipped.length > 0) {
    out.push('', 'Skipped:');
    for (const s of input.skipped) out.push(`  ${s.file}: ${s.reason}`);
  }
  return `${out.join('\n')}\n`;
}

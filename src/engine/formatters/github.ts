// GitHub Actions workflow commands: each finding becomes an annotation on the pull request's diff.
import { displayPosition, type ReportInput } from './types.js';

/** Escapes data and property values as the workflow command syntax requires. */
function escapeData(s: string): string {
  return s.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
}

function escapeProperty(s: string): string {
  return escapeData(s).replace(/:/g, '%3A').replace(/,/g, '%2C');
}

export function formatGithub(input: ReportInput): string {
  const lines = input.findings.map((f) => {
    const level = f.severity === 'error' ? 'error' : f.severity === 'warning' ? 'warning' : 'notice';
    // Annotations cannot point into a notebook cell; they go on the notebook file and name the cell.
    const pos = f.cell === undefined ? displayPosition(f) : undefined;
    const props = [`file=${escapeProperty(f.file)}`];
    if (pos) props.push(`line=${pos.line}`, `endLine=${pos.endLine}`, `col=${pos.column}`, `endColumn=${pos.endColumn}`);
    props.push(`title=${escapeProperty(`mlready(${f.ruleId})`)}`);
    const where = f.cell === undefined ? '' : `cell ${f.cell + 1}, line ${f.range.start.line + 1}: `;
    return `::${level} ${props.join(',')}::${escapeData(where + f.message)}`;
  });
  return lines.length ? `${lines.join('\n')}\n` : '';
}

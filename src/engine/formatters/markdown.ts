// Markdown output for pull-request comments and wikis: a summary by category, then findings by file.
import { ruleDocsUrl } from '../rule.js';
import { CATEGORIES } from '../types.js';
import { countSeverities, displayLocation, type ReportInput } from './types.js';

function escape(text: string): string {
  return text.replace(/([\\`*_{}[\]<>|])/g, '\\$1');
}

export function formatMarkdown(input: ReportInput): string {
  const counts = countSeverities(input.findings);
  const out: string[] = ['# mlready report', ''];
  out.push(`${input.findings.length} finding${input.findings.length === 1 ? '' : 's'} in ${input.lintedFiles} files: ${counts.error} errors, ${counts.warning} warnings, ${counts.info} info.`, '');
  if (input.findings.length > 0) {
    out.push('| Category | Findings |', '| --- | ---: |');
    for (const category of CATEGORIES) {
      const n = input.findings.filter((f) => f.category === category).length;
      if (n > 0) out.push(`| ${category} | ${n} |`);
    }
    out.push('');
    let current = '';
    for (const f of input.findings) {
      if (f.file !== current) {
        current = f.file;
        out.push(`## \`${f.file}\``, '');
      }
      const where = displayLocation(f) === f.file ? `line ${f.range.start.line + 1}` : `${displayLocation(f).slice(f.file.length + 1)} line ${f.range.start.line + 1}`;
      out.push(`- **${f.severity}** ${where}: ${escape(f.message)} ([${f.ruleId}](${ruleDocsUrl(f.ruleId)}))`);
    }
    out.push('');
  }
  if (input.skipped.length > 0) {
    out.push('## Skipped files', '');
    for (const s of input.skipped) out.push(`- \`${s.file}\`: ${escape(s.reason)}`);
    out.push('');
  }
  return out.join('\n');
}

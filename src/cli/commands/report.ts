// `mlready report`: the readiness report (ML Test Score) as Markdown, HTML or JSON, and a CI gate on its score.
import { writeFileSync } from 'node:fs';
import { formatReadinessHtml } from '../../engine/readiness/format-html.js';
import { formatReadinessMarkdown } from '../../engine/readiness/format-markdown.js';
import { readinessInput } from '../../engine/readiness/from-run.js';
import { computeReadiness, READINESS_FACTS } from '../../engine/readiness/readiness.js';
import { joinTitles } from '../../engine/readiness/report-text.js';
import type { ReadinessReport } from '../../engine/readiness/types.js';
import { VERSION } from '../../engine/version.js';
import { UsageError, type ParsedArgs } from '../args.js';
import type { Io } from '../io.js';
import { runCheck } from '../run.js';
import { printConfigWarnings, printRuleErrors } from './check.js';

export const REPORT_FORMATS = ['md', 'html', 'json'] as const;

/** A score gate: a plain non-negative decimal, so `--min-score 2.5` works and `1e3`, `0x2` or `-1` are refused. */
function parseMinScore(value: string | true | undefined): number | undefined {
  if (value === undefined) return undefined;
  if (typeof value !== 'string' || !/^\d+(\.\d+)?$/.test(value)) throw new UsageError(`--min-score takes a number of at least 0 (such as 2 or 2.5), not '${String(value)}'`);
  return Number(value);
}

function render(format: string, report: ReadinessReport): string {
  switch (format) {
    case 'json':
      // The report's own key order is the documented one (docs/json-format.md).
      return `${JSON.stringify(report, null, 2)}\n`;
    case 'html':
      return formatReadinessHtml(report);
    default:
      return formatReadinessMarkdown(report);
  }
}

export async function reportCommand(args: ParsedArgs, io: Io): Promise<number> {
  const format = String(args.flags.get('--format') ?? 'md');
  if (!(REPORT_FORMATS as readonly string[]).includes(format)) throw new UsageError(`unknown report format '${format}'; use one of: ${REPORT_FORMATS.join(', ')}`);
  const minScore = parseMinScore(args.flags.get('--min-score'));
  if (args.positionals.length > 1) throw new UsageError('mlready report takes one project folder (the report covers the whole project)');
  const configFlag = args.flags.get('--config');
  // The baseline hides known findings from `check`; the readiness report counts all debt, baselined or not.
  const result = await runCheck({
    paths: args.positionals,
    useBaseline: false,
    cache: !args.flags.has('--no-cache'),
    extraFacts: READINESS_FACTS,
    wholeProject: true,
    ...(typeof configFlag === 'string' ? { configFile: configFlag } : {}),
    ...(io.stderrIsTTY ? { onProgress: io.progress } : {}),
  });
  io.clearProgress();
  printConfigWarnings(result.config, io);
  printRuleErrors(result, io);
  const { run, settings, root, fs } = result;
  const report = await computeReadiness(readinessInput(run, { settings, fs, root, now: new Date(), toolVersion: VERSION }));
  const output = render(format, report);
  const outFile = args.flags.get('--output-file');
  if (typeof outFile === 'string') writeFileSync(outFile, output);
  else io.stdout(output);
  if (minScore === undefined) return 0;
  const score = report.attested.value;
  const capped = joinTitles(report, report.attested.cappedBy);
  if (score < minScore) {
    io.stderr(`mlready: readiness score ${String(score)} (with attestations, capped by ${capped}) is below --min-score ${String(minScore)}.\n`);
    return 1;
  }
  io.stderr(`mlready: readiness score ${String(score)} (with attestations) meets --min-score ${String(minScore)}.\n`);
  return 0;
}

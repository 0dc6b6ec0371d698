// `mlready check`: lint, optionally fix, print in the chosen format, and exit 0, 1 or 2.
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { applyFixes } from '../../engine/fixes.js';
import { formatGithub } from '../../engine/formatters/github.js';
import { formatJson } from '../../engine/formatters/json.js';
import { formatMarkdown } from '../../engine/formatters/markdown.js';
import { formatSarif } from '../../engine/formatters/sarif.js';
import { formatStylish } from '../../engine/formatters/stylish.js';
import type { ReportInput } from '../../engine/formatters/types.js';
import { RULES } from '../../engine/rules/index.js';
import type { ResolvedConfig } from '../../engine/config/types.js';
import { formatTiming, phaseTimed, Timing } from '../../engine/timing.js';
import type { Fix } from '../../engine/types.js';
import { VERSION } from '../../engine/version.js';
import { UsageError, type ParsedArgs } from '../args.js';
import { planCheck, runCheck, type CliRun, type RunOptions } from '../run.js';
import type { Io } from '../io.js';

export const FORMATS = ['stylish', 'json', 'sarif', 'github', 'markdown'] as const;
const MAX_FIX_PASSES = 10;

export async function checkCommand(args: ParsedArgs, io: Io): Promise<number> {
  const format = String(args.flags.get('--format') ?? 'stylish');
  if (!(FORMATS as readonly string[]).includes(format)) throw new UsageError(`unknown format '${format}'; use one of: ${FORMATS.join(', ')}`);
  const maxWarningsFlag = args.flags.get('--max-warnings');
  const maxWarnings = maxWarningsFlag === undefined ? -1 : Number(maxWarningsFlag);
  if (!Number.isInteger(maxWarnings) || maxWarnings < -1) throw new UsageError('--max-warnings takes a whole number');
  const threadsFlag = args.flags.get('--threads');
  const threads = threadsFlag === undefined ? undefined : Number(threadsFlag);
  if (threads !== undefined && (!Number.isInteger(threads) || threads < 0)) throw new UsageError('--threads takes a whole number (0 = no worker threads)');
  const timing = args.flags.has('--timing') ? new Timing() : undefined;
  const options: RunOptions = {
    paths: args.positionals,
    useBaseline: !args.flags.has('--no-baseline'),
    cache: !args.flags.has('--no-cache'),
    ...(typeof args.flags.get('--config') === 'string' ? { configFile: String(args.flags.get('--config')) } : {}),
    ...(typeof args.flags.get('--baseline') === 'string' ? { baselineFile: String(args.flags.get('--baseline')) } : {}),
    ...(typeof args.flags.get('--cache-location') === 'string' ? { cacheLocation: String(args.flags.get('--cache-location')) } : {}),
    ...(threads === undefined ? {} : { threads }),
    ...(io.stderrIsTTY ? { onProgress: io.progress } : {}),
    ...(timing ? { timing } : {}),
    // Fixes compare the text that was linted with the file on disk: the main thread keeps the texts.
    ...(args.flags.has('--fix') || args.flags.has('--unsafe-fixes') ? { readFiles: false } : {}),
  };
  const fixing = args.flags.has('--fix') || args.flags.has('--unsafe-fixes');
  const quiet = args.flags.has('--quiet');
  const planned = await planCheck(options);
  // A run whose every input (files, config, options) equals a kept run's prints what that run printed.
  const variant = JSON.stringify([format, format === 'stylish' && io.stdoutColor, quiet]);
  const replayed = fixing ? undefined : planned.replay(variant);
  if (replayed) {
    printConfigWarnings(planned.config, io);
    emit(replayed.output, args, io, timing);
    return exitCode(replayed.errors, replayed.warnings, maxWarnings, io);
  }
  let result = await planned.run();
  io.clearProgress();
  printConfigWarnings(result.config, io);
  if (fixing) {
    // Later passes load the cache again: this pass's results go to disk first.
    planned.save();
    // Overlapping fixes wait for the next pass, after a re-lint of the fixed text (cached runs are cheap).
    for (let pass = 0; pass < MAX_FIX_PASSES; pass++) {
      if (applyFixesOnce(result, args.flags.has('--unsafe-fixes'), io) === 0) break;
      result = await runCheck(options);
    }
  }
  const { run } = result;
  printRuleErrors(result, io);
  const findings = quiet ? run.findings.filter((f) => f.severity === 'error') : run.findings;
  const input: ReportInput = { findings, skipped: run.skipped, lintedFiles: run.lintedFiles, suppressed: run.suppressed, baselined: run.baselined, rules: RULES, toolVersion: VERSION, texts: run.texts };
  const output = phaseTimed(timing, 'format output', () => render(format, input, io.stdoutColor));
  const errors = run.findings.filter((f) => f.severity === 'error').length;
  const warnings = run.findings.filter((f) => f.severity === 'warning').length;
  if (!fixing) {
    planned.keep(variant, run, { output, errors, warnings });
    planned.save();
  }
  emit(output, args, io, timing);
  return exitCode(errors, warnings, maxWarnings, io);
}

function emit(output: string, args: ParsedArgs, io: Io, timing: Timing | undefined): void {
  const outFile = args.flags.get('--output-file');
  phaseTimed(timing, 'write output', () => {
    if (typeof outFile === 'string') writeFileSync(outFile, output);
    else io.stdout(output);
  });
  if (timing) io.stderr(timingReport(timing));
}

function exitCode(errors: number, warnings: number, maxWarnings: number, io: Io): number {
  if (errors > 0) return 1;
  if (maxWarnings >= 0 && warnings > maxWarnings) {
    io.stderr(`mlready: ${warnings} warnings, more than --max-warnings ${maxWarnings}.\n`);
    return 1;
  }
  return 0;
}

function render(format: string, input: ReportInput, color: boolean): string {
  switch (format) {
    case 'json':
      return formatJson(input);
    case 'sarif':
      return formatSarif(input);
    case 'github':
      return formatGithub(input);
    case 'markdown':
      return formatMarkdown(input);
    default:
      return formatStylish(input, { color });
  }
}

/** The --timing report; with --fix, the sums cover every pass. */
function timingReport(timing: Timing): string {
  return `\nmlready --timing (ms; per-file work is summed over worker threads)\n\n${formatTiming(timing.toRecord())}Since process start: ${performance.now().toFixed(0)} ms\n`;
}

export function printConfigWarnings(config: ResolvedConfig, io: Io): void {
  for (const w of config.warnings) io.stderr(`${w.file}:${w.line + 1}:${w.column + 1}: warning: ${w.message}\n`);
}

export function printRuleErrors(result: CliRun, io: Io): void {
  for (const e of result.run.ruleErrors) io.stderr(`mlready: rule ${e.ruleId} failed on ${e.file}; its findings there are missing. Please report this:\n${e.message}\n`);
}

/**
 * Applies one pass of fixes, file by file. Notebooks are left to the editor: rewriting notebook JSON from
 * the CLI could reformat a file the user did not ask to reformat. A file changed on disk since it was read
 * is not written. Returns the number of files written.
 */
function applyFixesOnce(result: CliRun, unsafe: boolean, io: Io): number {
  const byFile = new Map<string, Fix[]>();
  for (const f of result.run.findings) {
    if (!f.fix || (f.fix.safety !== 'safe' && !unsafe) || f.cell !== undefined || f.file.endsWith('.ipynb')) continue;
    const list = byFile.get(f.file) ?? [];
    list.push(f.fix);
    byFile.set(f.file, list);
  }
  let written = 0;
  for (const [file, fixes] of byFile) {
    const path = join(result.root, file);
    const onDisk = readFileSync(path, 'utf8');
    const bom = onDisk.startsWith('\uFEFF') ? '\uFEFF' : '';
    // A file served from the cache was not read: its size and mtime match, so the disk text is what was linted.
    const original = result.run.texts.get(file) ?? onDisk.slice(bom.length);
    const { text } = applyFixes(original, fixes);
    if (text === original) continue;
    if (onDisk.slice(bom.length) !== original) {
      io.stderr(`mlready: ${file} changed on disk while linting; not fixed.\n`);
      continue;
    }
    writeFileSync(path, bom + text);
    written++;
  }
  return written;
}

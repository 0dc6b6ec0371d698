// The `mlready` command: dispatches subcommands and maps failures to exit codes (1 findings, 2 usage or config).
import { ConfigError, formatConfigProblem } from '../engine/config/types.js';
import { VERSION } from '../engine/version.js';
import { parseArgs, UsageError, type FlagSpec } from './args.js';
import { checkCommand } from './commands/check.js';
import { lspCommand } from './commands/lsp.js';
import { baselineCommand, explainCommand, initCommand, rulesCommand } from './commands/misc.js';
import { reportCommand } from './commands/report.js';
import { processIo, type Io } from './io.js';

const CHECK_FLAGS: FlagSpec = {
  withValue: new Set(['--format', '--max-warnings', '--config', '--baseline', '--cache-location', '--output-file', '--threads']),
  boolean: new Set(['--fix', '--unsafe-fixes', '--quiet', '--no-cache', '--no-baseline', '--timing']),
  aliases: new Map([['-f', '--format'], ['-c', '--config'], ['-o', '--output-file'], ['-q', '--quiet']]),
};

const SPECS = new Map<string, FlagSpec>([
  ['check', CHECK_FLAGS],
  ['report', { withValue: new Set(['--format', '--output-file', '--min-score', '--config']), boolean: new Set(['--no-cache']), aliases: new Map([['-f', '--format'], ['-o', '--output-file'], ['-c', '--config']]) }],
  ['baseline', { withValue: new Set(['--config', '--baseline']), boolean: new Set(['--no-cache']), aliases: new Map([['-c', '--config']]) }],
  ['rules', { withValue: new Set(['--format']), boolean: new Set() }],
  ['explain', { withValue: new Set(), boolean: new Set() }],
  ['init', { withValue: new Set(), boolean: new Set() }],
]);

const HELP = `mlready ${VERSION}: find hidden technical debt in ML repositories.

Usage:
  mlready check [paths...]     lint (the default command)
      -f, --format <f>         stylish (default), json, sarif, github, markdown
      --fix                    apply safe fixes; --unsafe-fixes applies unsafe ones too
      --max-warnings <n>       exit 1 when there are more than n warnings
      -c, --config <file>      use this config instead of the nearest .mlready.yaml
      --baseline <file>        report only findings not in this baseline; --no-baseline ignores it
      -q, --quiet              report errors only
      -o, --output-file <f>    write the report to a file
      --no-cache               do not read or write .mlready_cache/; --cache-location <dir> moves it
      --threads <n>            worker threads (0: none; default: by project size)
      --timing                 print where the time went (phases, parsing, rules, fact kinds) to stderr
  mlready report [path]        the readiness report (ML Test Score) of the project
      -f, --format <f>         md (default), html (one self-contained file), json
      -o, --output-file <f>    write the report to a file
      --min-score <n>          exit 1 when the score with attestations is below n (a CI gate)
      -c, --config <file>      use this config instead of the nearest .mlready.yaml
      --no-cache               do not read or write .mlready_cache/
  mlready rules [--format json]  list the rules
  mlready explain <rule-id>      show a rule's documentation
  mlready init [dir]             write a commented starter .mlready.yaml
  mlready baseline [paths...]    record today's findings in .mlready-baseline.json
  mlready lsp --stdio            run the language server (what the VS Code extension uses) for other editors

Exit codes: 0 no errors (and warnings within --max-warnings), 1 findings over the limit, 2 usage or config error.
'report' exits 0, or 1 when the score is below --min-score.
`;

export async function main(argv: readonly string[], io: Io = processIo()): Promise<number> {
  try {
    // The language server takes over stdin and stdout; its flags are the LSP launch conventions, not ours.
    if (argv[0] === 'lsp') return await lspCommand(argv.slice(1));
    const args = parseArgs(argv, SPECS);
    if (args.flags.has('--help') || args.command === 'help') {
      io.stdout(HELP);
      return 0;
    }
    switch (args.command) {
      case 'version':
        io.stdout(`${VERSION}\n`);
        return 0;
      case 'rules':
        return rulesCommand(args, io);
      case 'explain':
        return explainCommand(args, io);
      case 'init':
        return initCommand(args, io);
      case 'baseline':
        return await baselineCommand(args, io);
      case 'report':
        return await reportCommand(args, io);
      default:
        return await checkCommand(args, io);
    }
  } catch (error) {
    io.clearProgress();
    if (error instanceof ConfigError) {
      for (const p of error.problems) io.stderr(`${formatConfigProblem(p)}\n`);
      io.stderr('mlready: the config has errors; nothing was linted. Fix them and run again.\n');
      return 2;
    }
    if (error instanceof UsageError) {
      io.stderr(`mlready: ${error.message}\n`);
      return 2;
    }
    io.stderr(`mlready: internal error: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\nPlease report this with the command you ran.\n`);
    return 2;
  }
}

// A small argv parser for the `mlready` command: subcommand, flags with values, positional paths.
export interface ParsedArgs {
  readonly command: string;
  readonly positionals: readonly string[];
  readonly flags: ReadonlyMap<string, string | true>;
}

export class UsageError extends Error {}

export interface FlagSpec {
  /** Flags that take a value (`--format json` or `--format=json`). */
  readonly withValue: ReadonlySet<string>;
  /** Boolean flags. */
  readonly boolean: ReadonlySet<string>;
  readonly aliases?: ReadonlyMap<string, string>;
}

export const COMMANDS = ['check', 'report', 'rules', 'explain', 'init', 'baseline', 'help', 'version'] as const;

export function parseArgs(argv: readonly string[], specs: ReadonlyMap<string, FlagSpec>): ParsedArgs {
  const first = argv[0];
  const command = first !== undefined && (COMMANDS as readonly string[]).includes(first) ? first : first === '--help' || first === '-h' ? 'help' : first === '--version' || first === '-v' ? 'version' : 'check';
  const rest = first === command ? argv.slice(1) : argv;
  const spec = specs.get(command) ?? { withValue: new Set(), boolean: new Set() };
  const flags = new Map<string, string | true>();
  const positionals: string[] = [];
  for (let i = 0; i < rest.length; i++) {
    const arg = rest[i] ?? '';
    if (arg === '--') {
      positionals.push(...rest.slice(i + 1));
      break;
    }
    if (!arg.startsWith('-') || arg === '-') {
      positionals.push(arg);
      continue;
    }
    const eq = arg.indexOf('=');
    let name = eq === -1 ? arg : arg.slice(0, eq);
    name = spec.aliases?.get(name) ?? name;
    if (name === '--help' || name === '-h') {
      flags.set('--help', true);
      continue;
    }
    if (spec.withValue.has(name)) {
      const value = eq === -1 ? rest[++i] : arg.slice(eq + 1);
      if (value === undefined || value === '') throw new UsageError(`${name} needs a value`);
      flags.set(name, value);
    } else if (spec.boolean.has(name)) {
      if (eq !== -1) throw new UsageError(`${name} takes no value`);
      flags.set(name, true);
    } else {
      throw new UsageError(`unknown option '${name}' for 'mlready ${command}' (see 'mlready help')`);
    }
  }
  return { command, positionals, flags };
}

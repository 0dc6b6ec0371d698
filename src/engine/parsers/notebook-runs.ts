// Recognises commands that execute a Jupyter notebook: papermill, nbconvert --execute, jupyter execute, runipy, ipython x.ipynb.
import type { ShellWord } from './shell.js';

/** A simple command that runs a notebook's cells. */
export interface NotebookRun {
  /** How it runs: `papermill`, `jupyter nbconvert --execute`, `jupyter execute`, `runipy`, `ipython`, `jupytext --execute`. */
  readonly tool: string;
  /** The word that starts the command (after prefixes such as `poetry run`), for positions. */
  readonly head: ShellWord;
  /** The notebook argument, when one ends in `.ipynb`. */
  readonly notebook?: ShellWord;
}

const PREFIXES = new Set(['sudo', 'env', 'time', 'nohup', 'exec', 'command', 'xvfb-run', 'nice', 'timeout']);
/** Environment managers whose `run` runs the rest of the line. */
const RUNNERS = new Set(['poetry', 'uv', 'pipenv', 'pdm', 'hatch', 'rye', 'pixi', 'conda', 'mamba', 'micromamba']);
/** Options of those runners and prefixes that take a value. */
const VALUE_OPTIONS = new Set(['-n', '--name', '-p', '--prefix', '-e', '--env', '--environment', '--with', '--python', '--directory', '--project', '--group', '--extra', '-k', '-s', '--signal']);
const PROBES = new Set(['--help', '-h', '--version', '--help-all']);

const base = (value: string): string => value.slice(value.lastIndexOf('/') + 1);
const isNotebook = (w: ShellWord): boolean => /\.ipynb$/i.test(w.value);

/** Skips options (and the values of known value-taking ones) at the front. */
function skipOptions(words: readonly ShellWord[]): readonly ShellWord[] {
  let i = 0;
  while (i < words.length && (words[i]?.value.startsWith('-') ?? false) && words[i]?.value !== '-m') i += VALUE_OPTIONS.has(words[i]?.value ?? '') ? 2 : 1;
  return words.slice(i);
}

/** The command with `VAR=1`, `sudo`, `time`, `poetry run`, `conda run -n x`, `uvx`, `python -m` and the like taken off. */
function unwrap(words: readonly ShellWord[], depth = 0): readonly ShellWord[] {
  let rest = words;
  while (rest[0] && (/^[A-Za-z_]\w*=/.test(rest[0].value) || PREFIXES.has(base(rest[0].value)))) {
    rest = base(rest[0].value) === 'timeout' ? skipOptions(rest.slice(1)).slice(1) : skipOptions(rest.slice(1));
  }
  const head = rest[0];
  if (!head || depth > 3) return rest;
  const tool = base(head.value);
  if (RUNNERS.has(tool) && rest[1]?.value === 'run') return unwrap(skipOptions(rest.slice(2)), depth + 1);
  if (tool === 'uvx' || (tool === 'pipx' && rest[1]?.value === 'run')) return unwrap(skipOptions(rest.slice(tool === 'uvx' ? 1 : 2)), depth + 1);
  if (/^python[\d.]*$/.test(tool)) {
    const args = skipOptions(rest.slice(1));
    // `python -m papermill ...` runs the module as if it were the command.
    if (args[0]?.value === '-m' && args[1]) return args.slice(1);
  }
  return rest;
}

/**
 * The notebook run a simple command makes, if any. `jupyter nbconvert` counts only with `--execute` (or
 * `--ExecutePreprocessor.enabled=True`): converting to a script or to HTML runs nothing. Test runners that execute
 * notebooks (`pytest --nbval`, `--nbmake`, `treon`) are not runs in this sense; callers skip test contexts.
 */
export function notebookRun(words: readonly ShellWord[]): NotebookRun | undefined {
  const command = unwrap(words);
  const head = command[0];
  if (!head) return undefined;
  let tool = base(head.value);
  let args = command.slice(1);
  if (tool === 'jupyter' && args[0]) {
    tool = `jupyter-${args[0].value}`;
    args = args.slice(1);
  }
  if (args.some((a) => PROBES.has(a.value))) return undefined;
  const notebook = args.find(isNotebook);
  const run = (name: string): NotebookRun => ({ tool: name, head, ...(notebook ? { notebook } : {}) });
  switch (tool) {
    case 'papermill':
      return args.some((a) => a.value === '--prepare-only') ? undefined : run('papermill');
    case 'jupyter-nbconvert':
    case 'nbconvert': {
      const enabled = (a: ShellWord, i: number): boolean =>
        /^--ExecutePreprocessor\.enabled=(True|true|1)$/.test(a.value) || (a.value === '--ExecutePreprocessor.enabled' && /^(True|true|1)$/.test(args[i + 1]?.value ?? ''));
      const executes = args.some((a, i) => a.value === '--execute' || enabled(a, i));
      return executes ? run('jupyter nbconvert --execute') : undefined;
    }
    case 'jupyter-execute':
      return run('jupyter execute');
    case 'runipy':
      return run('runipy');
    case 'jupytext':
      return args.some((a) => a.value === '--execute') ? run('jupytext --execute') : undefined;
    case 'ipython':
    case 'ipython3': {
      const first = skipOptions(args)[0];
      return first && isNotebook(first) ? run('ipython') : undefined;
    }
    default:
      return undefined;
  }
}

/** Words from values known in Python (a folded `subprocess.run([...])` list), positioned at the call. */
export function wordsOf(values: readonly { value: string; exact: boolean }[], start: number, end: number): ShellWord[] {
  return values.map((v) => ({ value: v.value, exact: v.exact, start, end }));
}

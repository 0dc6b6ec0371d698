// Parses CI workflows (GitHub Actions, GitLab CI) into jobs, shell commands with exact ranges, actions and triggers.
import type { Range } from '../types.js';
import type { TextDocument } from '../text.js';
import { baseName } from '../file-kinds.js';
import type { ParseProblem } from './manifest-types.js';
import { getPath, mapGet, parseYamlConfig, scalarText, type ConfigNode } from './config-tree.js';

/** One command line of a script, with the range of its text on its own source line(s). */
export interface CiCommand {
  readonly text: string;
  readonly range: Range;
  /** The GitHub step name, or the GitLab script key (`before_script`, `script`, `after_script`). */
  readonly step?: string;
  /** The GitHub step's `shell:` when given (`python` means the lines are Python, not shell). */
  readonly shell?: string;
}

/** A GitHub action or reusable workflow: `actions/checkout@v4` is action `actions/checkout`, ref `v4`. */
export interface CiActionUse {
  readonly action: string;
  /** Missing for local actions (`./.github/actions/x`) and unpinned references. */
  readonly ref?: string;
  readonly range: Range;
}

/** A GitHub `on.schedule` entry; the range is the cron string as written, quotes included. */
export interface CiSchedule {
  readonly cron: string;
  readonly range: Range;
}

/** A job, with its shell commands in source order (GitLab: before_script, script, after_script). */
export interface CiJob {
  /** The job id (its key). */
  readonly name: string;
  /** GitHub's `name:`, when given. */
  readonly displayName?: string;
  /** The job's key. */
  readonly range: Range;
  /** `template` for GitLab hidden jobs (`.name`), `default` for GitLab's `default:` and global scripts. */
  readonly kind: 'job' | 'template' | 'default';
  /**
   * GitHub: the workflow's events (`push`, `schedule`, ...). GitLab: `only` refs, `rules[].if`
   * expressions, and `manual` for `when: manual`.
   */
  readonly triggers: readonly string[];
  readonly commands: readonly CiCommand[];
  readonly uses: readonly CiActionUse[];
  /** GitHub's job `if:`. */
  readonly condition?: string;
  /** GitHub `strategy.matrix` or GitLab `parallel.matrix`, as written. */
  readonly matrix?: ConfigNode;
}

/** A parsed workflow file. */
export interface CiWorkflow {
  readonly file: string;
  readonly system: 'github' | 'gitlab';
  /** GitHub: the events under `on:`. GitLab: `workflow.rules[].if` expressions. */
  readonly triggers: readonly string[];
  readonly jobs: readonly CiJob[];
  /** GitHub `on.schedule` crons. Always empty for GitLab, whose schedules live in the project settings. */
  readonly schedules: readonly CiSchedule[];
  readonly problems: readonly ParseProblem[];
}

const list = (node: ConfigNode | undefined): readonly ConfigNode[] => (node?.kind === 'list' ? node.children : node ? [node] : []);
const texts = (node: ConfigNode | undefined): string[] => list(node).flatMap((n) => scalarText(n) ?? []);

/**
 * Parses a workflow. A file whose name ends in `.gitlab-ci.yml` is GitLab CI, one under
 * `.github/workflows/` is GitHub Actions; any other file is GitLab CI unless it has a `jobs:` key.
 */
export function parseCiWorkflow(file: string, doc: TextDocument): CiWorkflow {
  const parsed = parseYamlConfig(doc);
  const roots = parsed.documents.filter((d) => d.kind === 'map');
  const githubPath = /(^|\/)\.github\/workflows\//.test(file);
  const looksGitlab = baseName(file).endsWith('.gitlab-ci.yml') || (!githubPath && roots.length > 0 && roots.every((r) => !mapGet(r, 'jobs')));
  const base = { file, problems: parsed.problems };
  if (!looksGitlab) {
    const root = roots[0];
    const on = mapGet(root, 'on');
    const triggers = on?.kind === 'map' ? on.children.map((e) => e.key) : texts(on);
    const schedules = list(mapGet(on, 'schedule')).flatMap((s) => {
      const cron = mapGet(s, 'cron');
      const text = scalarText(cron);
      return cron && text !== undefined ? [{ cron: text, range: cron.range }] : [];
    });
    const jobs = mapGet(root, 'jobs');
    return { ...base, system: 'github', triggers, schedules, jobs: jobs?.kind === 'map' ? jobs.children.map((e) => githubJob(doc, e.key, e.node, triggers)) : [] };
  }
  const jobs: CiJob[] = [];
  const triggers: string[] = [];
  for (const root of roots) {
    triggers.push(...list(getPath(root, ['workflow', 'rules'])).flatMap((r) => scalarText(mapGet(r, 'if')) ?? []));
    const globals = root.children.filter((e) => e.key === 'before_script' || e.key === 'after_script');
    const defaults = mapGet(root, 'default');
    if (defaults || globals.length > 0) {
      const node = defaults ?? globals[0]?.node;
      const scripts = [...globals.map((g) => gitlabScript(doc, g.key, g.node)), ...(defaults ? [gitlabScripts(doc, defaults)] : [])].flat();
      if (node) jobs.push({ name: 'default', range: node.keyRange ?? node.range, kind: 'default', triggers: [], commands: scripts, uses: [] });
    }
    for (const { key, node } of root.children) {
      if (GITLAB_RESERVED.has(key) || node.kind !== 'map') continue;
      const when = scalarText(mapGet(node, 'when'));
      const only = mapGet(node, 'only');
      const jobTriggers = [
        ...(only?.kind === 'map' ? texts(mapGet(only, 'refs')) : texts(only)),
        ...list(mapGet(node, 'rules')).flatMap((r) => scalarText(mapGet(r, 'if')) ?? []),
        ...(when === 'manual' ? ['manual'] : []),
      ];
      const matrix = getPath(node, ['parallel', 'matrix']);
      jobs.push({
        name: key, range: node.keyRange ?? node.range, kind: key.startsWith('.') ? 'template' : 'job', triggers: jobTriggers,
        commands: gitlabScripts(doc, node), uses: [], ...(matrix ? { matrix } : {}),
      });
    }
  }
  return { ...base, system: 'gitlab', triggers, schedules: [], jobs };
}

const GITLAB_RESERVED = new Set(['default', 'include', 'stages', 'variables', 'workflow', 'image', 'services', 'cache', 'before_script', 'after_script', 'types', 'spec']);

function gitlabScripts(doc: TextDocument, job: ConfigNode): CiCommand[] {
  return ['before_script', 'script', 'after_script'].flatMap((key) => gitlabScript(doc, key, mapGet(job, key)));
}

/** Script items may be nested lists (from anchors); `!reference [...]` items name other jobs' scripts and are skipped. */
function gitlabScript(doc: TextDocument, key: string, node: ConfigNode | undefined): CiCommand[] {
  if (!node || node.tag === '!reference') return [];
  if (node.kind === 'list') return node.children.flatMap((item) => gitlabScript(doc, key, item));
  return commandLines(doc, node).map((c) => ({ ...c, step: key }));
}

function githubJob(doc: TextDocument, name: string, job: ConfigNode, triggers: readonly string[]): CiJob {
  const commands: CiCommand[] = [];
  const uses: CiActionUse[] = [];
  const reusable = mapGet(job, 'uses');
  if (reusable) uses.push(...actionUse(reusable));
  for (const step of list(mapGet(job, 'steps'))) {
    const stepUses = mapGet(step, 'uses');
    if (stepUses) uses.push(...actionUse(stepUses));
    const stepName = scalarText(mapGet(step, 'name'));
    const shell = scalarText(mapGet(step, 'shell'));
    for (const line of commandLines(doc, mapGet(step, 'run'))) {
      commands.push({ ...line, ...(stepName !== undefined ? { step: stepName } : {}), ...(shell !== undefined ? { shell } : {}) });
    }
  }
  const displayName = scalarText(mapGet(job, 'name'));
  const condition = scalarText(mapGet(job, 'if'));
  const matrix = getPath(job, ['strategy', 'matrix']);
  return {
    name, range: job.keyRange ?? job.range, kind: 'job', triggers, commands, uses,
    ...(displayName !== undefined ? { displayName } : {}), ...(condition !== undefined ? { condition } : {}), ...(matrix ? { matrix } : {}),
  };
}

function actionUse(node: ConfigNode): CiActionUse[] {
  const text = scalarText(node);
  if (text === undefined) return [];
  const at = text.startsWith('docker://') ? -1 : text.lastIndexOf('@');
  return [at > 0 ? { action: text.slice(0, at), ref: text.slice(at + 1), range: node.range } : { action: text, range: node.range }];
}

/**
 * The command lines of a script scalar. Literal blocks (`|`) give one command per source line, with
 * `\`-continued lines joined, blank and `#` lines dropped and heredoc bodies skipped; folded blocks (`>`)
 * give one command per paragraph. Other scalars are one command ranged without their quotes. An alias
 * (`run: *script`) is read at its anchor, where the text is.
 */
export function commandLines(doc: TextDocument, node: ConfigNode | undefined): { text: string; range: Range }[] {
  if (node?.kind !== 'scalar' || node.value === null) return [];
  const range = node.alias?.targetRange ?? node.range;
  if (node.style !== 'block-literal' && node.style !== 'block-folded') {
    const text = String(node.value);
    if (text.includes('\n')) return text.split('\n').filter((l) => l.trim() !== '').map((l) => ({ text: l.trim(), range }));
    const quoted = node.style !== 'plain' && range.start.line === range.end.line;
    return [{ text, range: quoted ? { start: { line: range.start.line, column: range.start.column + 1 }, end: { line: range.end.line, column: range.end.column - 1 } } : range }];
  }
  const folded = node.style === 'block-folded';
  const out: { text: string; range: Range }[] = [];
  let parts: string[] = [];
  let first: Range | undefined;
  let heredoc: string | undefined;
  const flush = (): void => {
    if (first && parts.length > 0) out.push({ text: parts.join(' '), range: first });
    parts = [];
    first = undefined;
  };
  for (let line = range.start.line + 1; line <= range.end.line; line++) {
    const raw = doc.lineText(line);
    const text = raw.trim();
    if (heredoc !== undefined) {
      if (text === heredoc) heredoc = undefined;
      continue;
    }
    if (text === '' || (text.startsWith('#') && parts.length === 0)) {
      if (folded || text === '') flush();
      continue;
    }
    const column = raw.length - raw.trimStart().length;
    const continued = !folded && text.endsWith('\\');
    parts.push(continued ? text.slice(0, -1).trimEnd() : text);
    const end = { line, column: column + text.length };
    first = first ? { start: first.start, end } : { start: { line, column }, end };
    heredoc = /(?<!<)<<-?\s*(['"]?)([A-Za-z_]\w*)\1/.exec(text)?.[2];
    if (!folded && !continued) flush();
  }
  flush();
  return out;
}

/** A simple command inside a shell line, with offsets into that line. */
export interface ShellCommandSpan {
  readonly text: string;
  readonly start: number;
  readonly end: number;
}

const LEADING_KEYWORDS = /^(?:(?:if|then|else|elif|do|while|until|time|!|\{|\()\s+|\(\s*)*/;
const CLOSING_ONLY = /^(?:fi|done|esac|\}|\)|;;)$/;

/**
 * Splits a shell line into simple commands at `&&`, `||`, `;`, `|`, `|&` and background `&`, outside
 * quotes, escapes and `$(...)`/backticks; a `#` starting a word ends the line. Leading keywords (`if`,
 * `then`, `do`, `time`, `!`, `(`) are dropped, and so are bare `fi`/`done`/`}`.
 */
export function splitShellCommandSpans(line: string): ShellCommandSpan[] {
  const spans: ShellCommandSpan[] = [];
  let start = 0;
  let quote: string | undefined;
  let nesting = 0;
  const cut = (end: number, next: number): void => {
    const raw = line.slice(start, end);
    const lead = raw.length - raw.trimStart().length + (LEADING_KEYWORDS.exec(raw.trimStart())?.[0].length ?? 0);
    let text = raw.slice(lead).trim();
    // A `)` closing a subshell opened on an earlier command belongs to no command.
    while (text.endsWith(')') && text.split(')').length > text.split('(').length) text = text.slice(0, -1).trimEnd();
    if (text !== '' && !CLOSING_ONLY.test(text)) spans.push({ text, start: start + lead, end: start + lead + text.length });
    start = next;
  };
  let i = 0;
  for (; i < line.length; i++) {
    const c = line.charAt(i);
    // Backslashes escape outside quotes and inside double quotes; single quotes end only at the next `'`.
    if (c === '\\' && quote !== "'") { i++; continue; }
    if (quote !== undefined) {
      if (c === quote) quote = undefined;
      continue;
    }
    if (c === '"' || c === "'" || c === '`') { quote = c; continue; }
    if (c === '$' && line[i + 1] === '(') { nesting++; i++; continue; }
    if (c === ')' && nesting > 0) { nesting--; continue; }
    if (nesting > 0) continue;
    if (c === '#' && (i === 0 || /\s/.test(line.charAt(i - 1)))) break;
    const two = line.slice(i, i + 2);
    if (two === '&&' || two === '||' || two === '|&') { cut(i, i + 2); i++; }
    else if (c === ';' || c === '|') cut(i, i + 1);
    else if (c === '&' && !/[<>]/.test(line.charAt(i - 1)) && line[i + 1] !== '>') cut(i, i + 1);
  }
  cut(i, i);
  return spans;
}

/** {@link splitShellCommandSpans} without offsets. */
export function splitShellCommands(line: string): string[] {
  return splitShellCommandSpans(line).map((s) => s.text);
}

/** Words of a simple command with quotes removed; `VAR=1 cmd` assignments are kept as words. */
function words(command: string): string[] {
  return (command.match(/(?:[^\s'"]+|'[^']*'|"(?:[^"\\]|\\.)*")+/g) ?? []).map((w) => w.replace(/^['"]|['"]$/g, '').replace(/(['"])(.*?)\1/g, '$2'));
}

const PREFIXES = new Set(['sudo', 'env', 'time', 'exec', 'nohup', 'xvfb-run', 'command']);
const RUNNERS = new Set(['poetry', 'uv', 'pdm', 'pipenv', 'hatch', 'rye', 'pixi', 'conda', 'mamba', 'micromamba']);
const VALUE_OPTIONS = new Set(['-n', '--name', '-p', '--prefix', '--python', '--with', '--extra', '--group', '--package', '--env-file', '--directory', '--project', '-e', '--environment', '-C', '-f', '--file', '-W', '-X']);
const TASK_TOOLS = new Set(['make', 'just', 'task', 'invoke', 'inv']);
const TEST_TARGET = /^(?:tests?|unittests?|unit-tests?|pytest|coverage|cov|test[-_:][\w:-]+)$/;
const TASK_NAME = /^(?:[\w-]+:)?(?:tests?|unit-?tests?|test[-_:][\w:-]+|cov)$/;
const TEST_RUNNERS = new Set(['pytest', 'py.test', 'nose2', 'nosetests', 'ward']);
const NON_TEST_ENV = /^(?:lint|docs?|format|fmt|style|typing|types?|mypy|pyright|flake8|ruff|black|isort|pre-commit|build|release|publish|clean|dev)$/i;
const PROBES = new Set(['--version', '--help', '-h', '--collect-only', '--co']);

/** Drops options (and the values of known value-taking options) from the start of `rest`. */
function skipOptions(rest: string[]): string[] {
  let i = 0;
  while (i < rest.length && (rest[i]?.startsWith('-') ?? false) && rest[i] !== '-m') i += VALUE_OPTIONS.has(rest[i] ?? '') ? 2 : 1;
  return rest.slice(i);
}

function simpleRunsTests(tokens: string[], depth: number): boolean {
  let rest = tokens;
  while (rest[0] !== undefined && (/^\w+=/.test(rest[0]) || PREFIXES.has(rest[0]))) rest = skipOptions(rest.slice(1));
  const [head, ...args] = rest;
  if (head === undefined || depth > 4 || args.some((a) => PROBES.has(a))) return false;
  const tool = baseName(head);
  if (TEST_RUNNERS.has(tool)) return true;
  if (tool === 'tox' || tool === 'nox') {
    const at = args.findIndex((a) => a === '-e' || a === '-s' || a === '--session' || a === '--sessions' || a === '--env');
    const envs = at < 0 ? [] : (args[at + 1] ?? '').split(',');
    return envs.length === 0 || envs.some((e) => e !== '' && !NON_TEST_ENV.test(e));
  }
  if (TASK_TOOLS.has(tool)) return skipOptions(args).some((a) => TEST_TARGET.test(a));
  if (tool === 'hatch' && args[0] === 'test') return true;
  if (tool === 'coverage' && args[0] === 'run') return pythonRunsTests(skipOptions(args.slice(1)), depth);
  if (tool === 'uvx' || (tool === 'pipx' && args[0] === 'run')) return simpleRunsTests(skipOptions(tool === 'uvx' ? args : args.slice(1)), depth + 1);
  if (RUNNERS.has(tool)) {
    // `pdm test` and `rye test` run a project script or the built-in test command; `X run test` runs a task named so.
    if (args[0] !== 'run') return args[0] === 'test' && (tool === 'pdm' || tool === 'rye');
    const inner = skipOptions(args.slice(1));
    return TASK_NAME.test(inner[0] ?? '') || simpleRunsTests(inner, depth + 1);
  }
  if (/^(?:python[\d.]*|pypy[\d.]*|py)$/.test(tool)) return pythonRunsTests(skipOptions(args), depth);
  return false;
}

function pythonRunsTests(args: string[], depth: number): boolean {
  if (args[0] === '-m') {
    const module = args[1] ?? '';
    if (module === 'pytest' || module === 'unittest' || module === 'nose2' || module === 'nose') return true;
    return ['tox', 'nox', 'coverage', 'hatch'].includes(module) && simpleRunsTests([module, ...args.slice(2)], depth + 1);
  }
  const script = baseName(args[0] ?? '');
  return (script === 'setup.py' || script === 'manage.py') && args[1] === 'test';
}

/**
 * Whether a shell line runs a Python test suite. Conservative: true only for a known runner —
 * `pytest`/`py.test`/`nose2`/`nosetests`/`ward`, `python -m pytest|unittest|nose2`, `coverage run -m
 * pytest`, `tox`/`nox` (unless every selected env is lint, docs, typing or the like), `hatch test`,
 * `make`/`just`/`task`/`invoke` with a `test`-like target, `setup.py test`, `manage.py test` — also behind
 * `poetry|uv|pdm|pipenv|hatch|rye|pixi|conda run`, `uvx`, env assignments, `sudo`, `time`. A custom script
 * (`./run_tests.sh`) is not recognised, and `--version`/`--collect-only` probes do not count.
 */
export function runsTests(line: string): boolean {
  return splitShellCommands(line).some((command) => simpleRunsTests(words(command), 0));
}

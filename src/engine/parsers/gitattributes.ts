// Parses .gitattributes files: patterns, their attributes, and which paths Git LFS stores.
import { FILE_START, type Range } from '../types.js';
import type { TextDocument } from '../text.js';
import { dirName } from '../file-kinds.js';
import type { ParseProblem } from './manifest-types.js';

/** `true` for `attr` (set), `false` for `-attr` (unset), `null` for `!attr` (back to unspecified), a string for `attr=value`. */
export type GitAttributeValue = boolean | null | string;

/** One attribute of a line, as written (`-text` is `{ name: "text", value: false }`). */
export interface GitAttribute {
  readonly name: string;
  readonly value: GitAttributeValue;
  readonly range: Range;
}

/** A pattern line. */
export interface GitattributesEntry {
  /** The pattern with C-style quoting removed. */
  readonly pattern: string;
  readonly patternRange: Range;
  /** The line without surrounding blanks. */
  readonly range: Range;
  readonly attributes: readonly GitAttribute[];
  /**
   * True for patterns ending in `/`: they match directories only, and attributes never reach the files
   * inside, so the line has no effect (Git's advice is `dir/**`).
   */
  readonly matchesNothing: boolean;
}

/** A parsed `.gitattributes` with matchers bound to its directory. */
export interface Gitattributes {
  readonly file: string;
  /** The directory patterns are relative to: the file's directory, `''` at the project root. */
  readonly dir: string;
  /** Pattern lines in file order; macro definitions and rejected lines are not entries. */
  readonly entries: readonly GitattributesEntry[];
  /** `[attr]name ...` definitions, plus Git's built-in `binary`. */
  readonly macros: ReadonlyMap<string, readonly GitAttribute[]>;
  /** Entries whose attributes (macros expanded) set `filter=lfs`. */
  readonly lfsPatterns: readonly GitattributesEntry[];
  readonly problems: readonly ParseProblem[];
  /** The attributes this file alone gives a project-relative path (later lines win, as in Git). */
  attributesFor(projectRelativePath: string): ReadonlyMap<string, GitAttributeValue>;
  /** True when this file alone leaves `filter=lfs` on the project-relative path. */
  isLfsTracked(projectRelativePath: string): boolean;
}

const BUILTIN_MACROS: ReadonlyMap<string, readonly GitAttribute[]> = new Map([
  ['binary', ['diff', 'merge', 'text'].map((name) => ({ name, value: false, range: FILE_START }))],
]);

/**
 * Parses one `.gitattributes` file at project-relative path `file`. Pattern rules follow gitattributes(5):
 * a pattern without a slash matches the basename at any depth below the file's directory; one with a
 * slash is anchored to that directory (a leading `/` only anchors); `*`, `?` and `[...]` never match `/`;
 * `**` spans directories when it is a whole path segment. Negative patterns are forbidden by Git: they
 * are reported and ignored. Matching is case-sensitive, as Git is without `core.ignoreCase`.
 */
export function parseGitattributes(file: string, doc: TextDocument): Gitattributes {
  const dir = dirName(file);
  const entries: GitattributesEntry[] = [];
  const tests: ((relativePath: string) => boolean)[] = [];
  const macros = new Map(BUILTIN_MACROS);
  const problems: ParseProblem[] = [];
  for (let line = 0; line < doc.lineCount; line++) {
    const text = doc.lineText(line);
    const tokens = tokenize(text, line);
    const first = tokens[0];
    if (!first || (!first.quoted && first.text.startsWith('#'))) continue;
    if (first.error !== undefined) {
      problems.push({ message: first.error, range: first.range });
      continue;
    }
    const attributes = tokens.slice(1).map(toAttribute);
    if (!first.quoted && first.text.startsWith('[attr]')) {
      if (dir !== '') problems.push({ message: 'Macro attributes can only be defined in the top-level .gitattributes; Git ignores this one', range: first.range });
      else macros.set(first.text.slice('[attr]'.length), attributes);
      continue;
    }
    if (first.text.startsWith('!')) {
      problems.push({ message: 'Negative patterns are forbidden in .gitattributes; Git ignores this line', range: first.range });
      continue;
    }
    const matchesNothing = first.text.endsWith('/');
    entries.push({ pattern: first.text, patternRange: first.range, range: doc.lineRange(line), attributes, matchesNothing });
    tests.push(matchesNothing ? () => false : compileGitattributesPattern(first.text));
  }

  const attributesFor = (path: string): ReadonlyMap<string, GitAttributeValue> => {
    const state = new Map<string, GitAttributeValue>();
    const rel = relativeTo(dir, path);
    if (rel === undefined) return state;
    entries.forEach((entry, i) => { if (tests[i]?.(rel) === true) applyAttributes(state, entry.attributes, macros, 0); });
    return state;
  };
  const lfsPatterns = entries.filter((entry) => {
    const state = new Map<string, GitAttributeValue>();
    applyAttributes(state, entry.attributes, macros, 0);
    return state.get('filter') === 'lfs';
  });
  return {
    file, dir, entries, macros, problems, lfsPatterns, attributesFor,
    isLfsTracked: (path) => attributesFor(path).get('filter') === 'lfs',
  };
}

/**
 * Whether `filter=lfs` applies to a project-relative path, given every `.gitattributes` of the project:
 * deeper files override shallower ones and later lines override earlier ones, as in Git.
 */
export function isLfsTrackedBy(files: readonly Gitattributes[], path: string): boolean {
  const depth = (f: Gitattributes): number => (f.dir === '' ? 0 : f.dir.split('/').length);
  let filter: GitAttributeValue | undefined;
  for (const file of [...files].sort((a, b) => depth(a) - depth(b))) {
    const value = file.attributesFor(path).get('filter');
    if (value !== undefined) filter = value;
  }
  return filter === 'lfs';
}

function relativeTo(dir: string, path: string): string | undefined {
  if (dir === '') return path;
  return path.startsWith(`${dir}/`) ? path.slice(dir.length + 1) : undefined;
}

function applyAttributes(state: Map<string, GitAttributeValue>, attributes: readonly GitAttribute[], macros: ReadonlyMap<string, readonly GitAttribute[]>, depth: number): void {
  for (const attribute of attributes) {
    const macro = macros.get(attribute.name);
    // A macro expands only when set; depth stops macros that name each other.
    if (macro && attribute.value === true && depth < 8) applyAttributes(state, macro, macros, depth + 1);
    state.set(attribute.name, attribute.value);
  }
}

interface Token {
  readonly text: string;
  readonly range: Range;
  readonly quoted: boolean;
  readonly error?: string;
}

const C_ESCAPES: Readonly<Record<string, string>> = { a: '\x07', b: '\b', f: '\f', n: '\n', r: '\r', t: '\t', v: '\v', '"': '"', '\\': '\\' };

/** Splits a line on blanks; the first token may be a C-quoted pattern (`"a b/*.bin"`), as Git writes them. */
function tokenize(text: string, line: number): Token[] {
  const tokens: Token[] = [];
  const range = (start: number, end: number): Range => ({ start: { line, column: start }, end: { line, column: end } });
  let i = 0;
  while (i < text.length) {
    while (i < text.length && /\s/.test(text.charAt(i))) i++;
    if (i >= text.length) break;
    const start = i;
    if (tokens.length === 0 && text[i] === '"') {
      let value = '';
      for (i++; i < text.length && text[i] !== '"'; i++) {
        if (text[i] !== '\\') { value += text.charAt(i); continue; }
        const octal = /^[0-7]{3}/.exec(text.slice(i + 1))?.[0];
        if (octal !== undefined) { value += String.fromCharCode(parseInt(octal, 8)); i += 3; continue; }
        value += C_ESCAPES[text.charAt(i + 1)] ?? text.charAt(i + 1);
        i++;
      }
      if (i >= text.length) return [{ text: value, range: range(start, text.length), quoted: true, error: 'Unterminated quoted pattern' }];
      i++;
      tokens.push({ text: value, range: range(start, i), quoted: true });
      continue;
    }
    while (i < text.length && !/\s/.test(text.charAt(i))) i++;
    tokens.push({ text: text.slice(start, i), range: range(start, i), quoted: false });
  }
  return tokens;
}

function toAttribute(token: Token): GitAttribute {
  const { text, range } = token;
  if (text.startsWith('-')) return { name: text.slice(1), value: false, range };
  if (text.startsWith('!')) return { name: text.slice(1), value: null, range };
  const eq = text.indexOf('=');
  return eq < 0 ? { name: text, value: true, range } : { name: text.slice(0, eq), value: text.slice(eq + 1), range };
}

const POSIX_CLASSES: Readonly<Record<string, string>> = {
  alnum: 'a-zA-Z0-9', alpha: 'a-zA-Z', blank: ' \\t', digit: '0-9', lower: 'a-z', punct: '!-\\/:-@\\[-`{-~',
  space: '\\s', upper: 'A-Z', xdigit: '0-9a-fA-F',
};

function escapeRegex(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\/-]/g, '\\$&');
}

/** The index of the `]` closing a bracket expression opened at `open`, or -1 when it is a literal `[`. */
function classEnd(pattern: string, open: number): number {
  let j = open + 1;
  if (pattern[j] === '!' || pattern[j] === '^') j++;
  if (pattern[j] === ']') j++;
  while (j < pattern.length && pattern[j] !== ']') {
    const posix = pattern.startsWith('[:', j) ? pattern.indexOf(':]', j + 2) : -1;
    j = posix >= 0 ? posix + 2 : j + 1;
  }
  return j < pattern.length ? j : -1;
}

function classRegex(body: string): string {
  const negated = body.startsWith('!') || body.startsWith('^');
  let out = '';
  for (let i = negated ? 1 : 0; i < body.length; i++) {
    const c = body.charAt(i);
    const posix = body.startsWith('[:', i) ? /^\[:([a-z]+):\]/.exec(body.slice(i)) : null;
    if (posix?.[1] !== undefined) { out += POSIX_CLASSES[posix[1]] ?? ''; i += posix[0].length - 1; }
    else if (c === '\\' && i + 1 < body.length) out += escapeRegex(body.charAt(++i));
    else out += c === '-' && i > (negated ? 1 : 0) && i < body.length - 1 ? '-' : escapeRegex(c);
  }
  return negated ? `[^/${out}]` : `[${out}]`;
}

/**
 * Compiles a gitattributes pattern into a test on a path relative to the attributes file's directory
 * (`/`-separated, no leading slash). Exported for rules that reason about single patterns.
 */
export function compileGitattributesPattern(pattern: string): (relativePath: string) => boolean {
  const anchored = pattern.replace(/^\//, '');
  const hasSlash = anchored.includes('/');
  let re = '';
  for (let i = 0; i < anchored.length; i++) {
    const c = anchored.charAt(i);
    const segmentStart = i === 0 || anchored[i - 1] === '/';
    if (c === '*' && anchored[i + 1] === '*' && segmentStart && (anchored[i + 2] === '/' || i + 2 === anchored.length)) {
      re += anchored[i + 2] === '/' ? '(?:.*/)?' : '.*';
      i += 2;
    } else if (c === '*') {
      while (anchored[i + 1] === '*') i++;
      re += '[^/]*';
    } else if (c === '?') re += '[^/]';
    else if (c === '[' && classEnd(anchored, i) > 0) {
      const end = classEnd(anchored, i);
      re += classRegex(anchored.slice(i + 1, end));
      i = end;
    } else if (c === '\\' && i + 1 < anchored.length) re += escapeRegex(anchored.charAt(++i));
    else re += escapeRegex(c);
  }
  const regex = new RegExp(`^${re}$`);
  return hasSlash ? (path) => regex.test(path) : (path) => regex.test(path.slice(path.lastIndexOf('/') + 1));
}

// Shell text with positions: logical lines of scripts, Makefile recipes and notebook `!` lines, mapped back to the source.
import type { Position, Range } from '../types.js';
import type { ShellDialect } from './shell.js';

/** One logical command line (continuations joined) and the way back to the source positions of its text. */
export interface ShellLine {
  readonly text: string;
  readonly dialect: ShellDialect;
  /** The source range of `text.slice(start, end)`. */
  locate(start: number, end: number): Range;
}

/** Where a piece of a joined line came from: text offset `offset` is at source `line`, `column`. */
interface Segment {
  readonly offset: number;
  readonly line: number;
  readonly column: number;
}

function lineFromSegments(text: string, segments: readonly Segment[], dialect: ShellDialect): ShellLine {
  const position = (offset: number): Position => {
    let seg = segments[0] ?? { offset: 0, line: 0, column: 0 };
    for (const s of segments) if (s.offset <= offset) seg = s;
    return { line: seg.line, column: seg.column + offset - seg.offset };
  };
  return { text, dialect, locate: (start, end) => ({ start: position(start), end: position(Math.max(start, end)) }) };
}

const HEREDOC = /(?<!<)<<(-?)\s*(['"]?)([A-Za-z_][\w-]*)\2/;

/**
 * Logical lines of a shell script whose first line is source line `firstLine`: a trailing `\` joins the next
 * line (as the shell does, without the backslash-newline), heredoc bodies are skipped, and blank and
 * comment-only lines are dropped. Multi-line quoted strings are not followed: each physical line stands alone.
 */
export function scriptLines(source: string, firstLine = 0, dialect: ShellDialect = 'sh', firstColumn = 0): ShellLine[] {
  const lines = source.split('\n');
  const out: ShellLine[] = [];
  let heredoc: { word: string; strip: boolean } | undefined;
  let text = '';
  let segments: Segment[] = [];
  for (let i = 0; i < lines.length; i++) {
    const raw = (lines[i] ?? '').replace(/\r$/, '');
    const column = i === 0 ? firstColumn : 0;
    if (heredoc) {
      if ((heredoc.strip ? raw.replace(/^\t+/, '') : raw).trim() === heredoc.word) heredoc = undefined;
      continue;
    }
    if (text === '' && /^\s*(#|$)/.test(raw)) continue;
    const continued = /(^|[^\\])(\\\\)*\\$/.test(raw);
    segments.push({ offset: text.length, line: firstLine + i, column });
    text += continued ? raw.slice(0, -1) : raw;
    if (continued && i < lines.length - 1) continue;
    out.push(lineFromSegments(text, segments, dialect));
    const here = HEREDOC.exec(text);
    if (here?.[3] !== undefined) heredoc = { word: here[3], strip: here[1] === '-' };
    text = '';
    segments = [];
  }
  return out;
}

/** The recipe of one Makefile rule. */
export interface MakeRecipe {
  /** The targets as written before the `:`. */
  readonly target: string;
  /** The rule line (0-based). */
  readonly line: number;
  readonly lines: readonly ShellLine[];
}

const RULE_LINE = /^([^\t#=:][^=:]*?)\s*::?(?![=])\s*(?:[^;]*?)(;(.*))?$/;
const ASSIGNMENT = /^\s*(?:export\s+|override\s+)?[\w.-]+\s*(?:[:?+!]|::)?=/;

/**
 * Recipes of a Makefile: tab-indented lines after a rule line (and a `target: ; cmd` inline recipe), with
 * `\` continuations joined, the `@`, `-` and `+` prefixes dropped, and `define ... endef` bodies skipped.
 * Lines are in the `make` dialect: `$(VAR)` and `$$` are unknown until make runs.
 */
export function makefileRecipes(source: string): MakeRecipe[] {
  const lines = source.split('\n').map((l) => l.replace(/\r$/, ''));
  const recipes: { target: string; line: number; lines: ShellLine[] }[] = [];
  let current: { target: string; line: number; lines: ShellLine[] } | undefined;
  let inDefine = false;
  for (let i = 0; i < lines.length; i++) {
    const raw = lines[i] ?? '';
    if (inDefine) {
      if (/^\s*endef\b/.test(raw)) inDefine = false;
      continue;
    }
    if (raw.startsWith('\t') && current) {
      let text = '';
      const segments: Segment[] = [];
      let j = i;
      for (;;) {
        const physical = lines[j] ?? '';
        const body = j === i ? physical.slice(1) : physical.replace(/^\t/, '');
        const lead = j === i ? 1 + (/^[@+\-\s]*/.exec(body)?.[0].length ?? 0) : physical.length - body.length;
        const piece = physical.slice(lead);
        const continued = /(^|[^\\])(\\\\)*\\$/.test(piece);
        segments.push({ offset: text.length, line: j, column: lead });
        text += continued ? piece.slice(0, -1) : piece;
        if (!continued || j + 1 >= lines.length) break;
        j++;
      }
      i = j;
      if (text.trim() !== '' && !text.trimStart().startsWith('#')) current.lines.push(lineFromSegments(text, segments, 'make'));
      continue;
    }
    if (/^\s*define\b/.test(raw)) {
      inDefine = true;
      continue;
    }
    // Blank lines, comments and conditionals do not end a recipe; any other line does.
    if (/^\s*(#|$)/.test(raw) || /^\s*(ifeq|ifneq|ifdef|ifndef|else|endif)\b/.test(raw)) continue;
    current = undefined;
    if (ASSIGNMENT.test(raw)) continue;
    const rule = RULE_LINE.exec(raw);
    if (!rule?.[1]) continue;
    current = { target: rule[1].trim(), line: i, lines: [] };
    recipes.push(current);
    const inline = rule[3];
    if (inline !== undefined && inline.trim() !== '') {
      const column = raw.length - inline.length;
      current.lines.push(lineFromSegments(inline, [{ offset: 0, line: i, column }], 'make'));
    }
  }
  return recipes;
}

const SHELL_CELL_MAGICS = /^%%(bash|sh|script\s+(?:ba)?sh|system|sx)\b/;

/**
 * The shell lines of a notebook code cell: the body of a `%%bash`/`%%sh` cell, or `!cmd`, `!!cmd`,
 * `x = !cmd`, `%sx cmd` and `%system cmd` lines (IPython expands `{expr}` and `$name` in these).
 */
export function notebookShellLines(cellSource: string): ShellLine[] {
  const lines = cellSource.split('\n');
  if (SHELL_CELL_MAGICS.test(lines[0]?.trimStart() ?? '')) return scriptLines(lines.slice(1).join('\n'), 1);
  const out: ShellLine[] = [];
  for (let i = 0; i < lines.length; i++) {
    const raw = lines[i] ?? '';
    const escape = /^(\s*(?:[\w.]+\s*=\s*)?)(!!?|%(?:sx|system)\s)/.exec(raw);
    if (!escape || raw.slice(escape[0].length).startsWith('=')) continue;
    let j = i;
    while (j + 1 < lines.length && /\\\s*$/.test(lines[j] ?? '')) j++;
    const column = escape[0].length;
    const body = [raw.slice(column), ...lines.slice(i + 1, j + 1)].join('\n');
    out.push(...scriptLines(body, i, 'ipython', column));
    i = j;
  }
  return out;
}

/** A line of text from a YAML scalar or the like, whose words are found again by searching the source lines of `range`. */
export function searchedLine(text: string, range: Range, sourceLine: (line: number) => string, dialect: ShellDialect = 'sh'): ShellLine {
  return {
    text,
    dialect,
    locate(start, end) {
      const needle = text.slice(start, end);
      for (let line = range.start.line; line <= range.end.line && needle !== ''; line++) {
        const column = sourceLine(line).indexOf(needle, line === range.start.line ? range.start.column : 0);
        if (column !== -1) return { start: { line, column }, end: { line, column: column + needle.length } };
      }
      return { start: range.start, end: range.start.line === range.end.line ? range.end : range.start };
    },
  };
}


// Shell words: quotes and escapes removed, expansions marked unknown, and the variables a script assigns.

// The line readers live in shell-lines.ts; they are re-exported so `parsers/shell` stays the one entry point.
export { makefileRecipes, notebookShellLines, scriptLines, searchedLine, type MakeRecipe, type ShellLine } from './shell-lines.js';

/** Who expands the text before the shell sees it: nobody, make (`$(VAR)`), or IPython (`{expr}`). */
export type ShellDialect = 'sh' | 'make' | 'ipython';

/** A word of a simple command. */
export interface ShellWord {
  /** Quotes and escapes removed; every expansion (`$VAR`, `${...}`, `$(...)`, backticks, `{{ }}`) stands as `*`. */
  readonly value: string;
  /** Offsets of the word in the command text, quotes included. */
  readonly start: number;
  readonly end: number;
  /** False when some part of the word is only known at run time. */
  readonly exact: boolean;
}

/** A shell variable's value as far as it is known: unknown parts are `*`. */
export interface ShellValue {
  readonly value: string;
  readonly exact: boolean;
}

/**
 * Splits a simple command into words, removing quotes and escapes as the shell would. Expansions become
 * `*` and mark the word inexact; in the `make` dialect every `$` is make's, in the `ipython` dialect
 * `{expr}` is IPython's; `{{ ... }}` (Jinja, cookiecutter templates) is unknown in every dialect. In the `sh`
 * dialect, `$NAME` and `${NAME}` take their value from `vars` when it has them.
 */
export function shellWords(command: string, dialect: ShellDialect = 'sh', vars?: ReadonlyMap<string, ShellValue>): ShellWord[] {
  const words: ShellWord[] = [];
  let i = 0;
  const n = command.length;
  while (i < n) {
    while (i < n && /\s/.test(command.charAt(i))) i++;
    if (i >= n) break;
    const start = i;
    let value = '';
    let exact = true;
    let quote: '"' | "'" | undefined;
    // A word made only of template statements (`{% if x %}`) is control flow, not an argument.
    let statementsOnly = true;
    const unknown = (end: number, statement = false): void => {
      if (!statement) value += '*';
      statementsOnly &&= statement;
      exact = false;
      i = end;
    };
    while (i < n) {
      const c = command.charAt(i);
      // Expansions done before the shell runs (templates, make, IPython) ignore the shell's quotes.
      const template = c === '{' && (command[i + 1] === '{' || command[i + 1] === '%') ? (command[i + 1] === '{' ? '}}' : '%}') : undefined;
      if (template !== undefined) { unknown(command.indexOf(template, i) === -1 ? n : command.indexOf(template, i) + 2, template === '%}'); continue; }
      if (quote === undefined && /\s/.test(c)) break;
      statementsOnly = false;
      if (c === '{' && dialect === 'ipython') { unknown(closing(command, i + 1, '}')); continue; }
      if (c === '$' && i + 1 < n && (dialect !== 'sh' || quote !== "'")) {
        const name = dialect === 'sh' ? /^\$(?:([A-Za-z_]\w*)|\{([A-Za-z_]\w*)\})/.exec(command.slice(i)) : null;
        const known = name ? vars?.get(name[1] ?? name[2] ?? '') : undefined;
        if (name && known) {
          value += known.value;
          exact &&= known.exact;
          i += name[0].length;
        } else unknown(skipDollar(command, i, dialect));
        continue;
      }
      if (quote === "'") {
        if (c === "'") quote = undefined;
        else value += c;
        i++;
        continue;
      }
      if (c === '\\' && i + 1 < n) {
        const next = command.charAt(i + 1);
        value += quote === '"' && !'$`"\\\n'.includes(next) ? `\\${next}` : next;
        i += 2;
        continue;
      }
      if (c === '"' || (c === "'" && quote === undefined)) {
        quote = quote === c ? undefined : c;
        i++;
        continue;
      }
      if (c === '`') { unknown(closing(command, i + 1, '`')); continue; }
      value += c;
      i++;
    }
    if (!statementsOnly) words.push({ value, start, end: i, exact });
  }
  return words;
}

/** The end of a `$` expansion starting at `at`: `$(...)`, `${...}`, `$name`, `$1`, `$@`; make's `$$` too. */
function skipDollar(text: string, at: number, dialect: ShellDialect): number {
  const next = text.charAt(at + 1);
  if (next === '(') return matching(text, at + 1, '(', ')');
  if (next === '{') return matching(text, at + 1, '{', '}');
  if (dialect === 'make' && next === '$') return skipDollar(text, at + 1, 'sh');
  const name = /^[A-Za-z_]\w*|^[0-9@*#?$!-]/.exec(text.slice(at + 1))?.[0];
  return at + 1 + (name?.length ?? 0);
}

function matching(text: string, open: number, left: string, right: string): number {
  let depth = 0;
  for (let i = open; i < text.length; i++) {
    if (text[i] === left) depth++;
    else if (text[i] === right && --depth === 0) return i + 1;
  }
  return text.length;
}

function closing(text: string, from: number, char: string): number {
  const at = text.indexOf(char, from);
  return at === -1 ? text.length : at + 1;
}

const DECLARERS = new Set(['export', 'local', 'readonly', 'declare', 'typeset']);

/**
 * The variables a script assigns, in text order, for {@link shellWords}. Branches and loops are not followed,
 * so a name assigned twice keeps its last value but is no longer exact, and `for NAME in`, `read NAME` and
 * `unset NAME` make it unknown.
 */
export class ShellVariables {
  private readonly values = new Map<string, ShellValue>();

  get known(): ReadonlyMap<string, ShellValue> {
    return this.values;
  }

  /** Records what one simple command does to variables: `A=1 B=2`, `export A=1`, `local A`, `for A in`, `read A`. */
  update(words: readonly ShellWord[]): void {
    const [head, ...rest] = words;
    if (!head) return;
    const forget = (name: string): void => {
      if (/^[A-Za-z_]\w*$/.test(name)) this.values.set(name, { value: '*', exact: false });
    };
    if (head.value === 'for' || head.value === 'select') forget(rest[0]?.value ?? '');
    else if (head.value === 'read' || head.value === 'unset') for (const w of rest) forget(w.value);
    else if (DECLARERS.has(head.value)) {
      for (const w of rest) if (!this.assign(w)) forget(w.value);
    }
    // `A=1 cmd` sets A for cmd only: only a command made of assignments alone changes the script's variables.
    else if (words.every((w) => /^[A-Za-z_]\w*=/.test(w.value))) for (const w of words) this.assign(w);
  }

  private assign(word: ShellWord): boolean {
    const match = /^([A-Za-z_]\w*)=([\s\S]*)$/.exec(word.value);
    if (!match?.[1]) return false;
    const before = this.values.get(match[1]);
    this.values.set(match[1], { value: match[2] ?? '', exact: word.exact && before === undefined });
    return true;
  }
}

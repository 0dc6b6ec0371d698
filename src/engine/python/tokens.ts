// A small Python tokenizer over source text: logical lines of name, number, string and operator tokens, comments dropped.

/** One token; `start` is its offset in the text. */
export interface PyToken {
  readonly kind: 'name' | 'number' | 'string' | 'op';
  readonly text: string;
  readonly start: number;
}

/** A logical line: a simple statement or a compound statement's header, with bracketed continuations joined. */
export interface LogicalLine {
  /** 0-based line of the first token. */
  readonly line: number;
  /** Offset of the first token. */
  readonly start: number;
  readonly tokens: readonly PyToken[];
}

const STRING_PREFIXES = new Set(['r', 'u', 'b', 'f', 'br', 'rb', 'fr', 'rf']);
const OPERATORS = ['**=', '//=', '>>=', '<<=', '...', '==', '!=', '<=', '>=', '->', '**', '//', ':=', '+=', '-=', '*=', '/=', '%=', '&=', '|=', '^=', '@=', '<<', '>>'];
const NAME_START = /[A-Za-z_\u00c0-\uffff]/;
const NAME_PART = /[\w\u00c0-\uffff]/;

/**
 * Splits Python text into logical lines. Working on the text (not the tree) keeps a whole file to one linear
 * pass in JS, with no WASM calls; the grammar's corner cases (nested f-string quotes) only blur a line's tokens.
 */
export function logicalLines(text: string): LogicalLine[] {
  const out: LogicalLine[] = [];
  let tokens: PyToken[] = [];
  let firstLine = 0;
  let line = 0;
  let depth = 0;
  let i = 0;
  const n = text.length;
  const push = (kind: PyToken['kind'], start: number, end: number): void => {
    if (tokens.length === 0) firstLine = line;
    tokens.push({ kind, text: text.slice(start, end), start });
  };
  const flush = (): void => {
    const first = tokens[0];
    if (first) out.push({ line: firstLine, start: first.start, tokens });
    tokens = [];
  };
  while (i < n) {
    const c = text.charAt(i);
    if (c === '\n') {
      line++;
      i++;
      if (depth === 0) flush();
      continue;
    }
    if (c === ' ' || c === '\t' || c === '\r' || c === '\f') {
      i++;
      continue;
    }
    if (c === '\\' && (text.charAt(i + 1) === '\n' || text.startsWith('\r\n', i + 1))) {
      i += text.charAt(i + 1) === '\n' ? 2 : 3;
      line++;
      continue;
    }
    if (c === '#') {
      while (i < n && text.charAt(i) !== '\n') i++;
      continue;
    }
    if (c === '"' || c === "'") {
      const end = skipString(text, i);
      line += countNewlines(text, i, end);
      push('string', i, end);
      i = end;
      continue;
    }
    if (NAME_START.test(c)) {
      let j = i + 1;
      while (j < n && NAME_PART.test(text.charAt(j))) j++;
      const word = text.slice(i, j);
      const next = text.charAt(j);
      if ((next === '"' || next === "'") && STRING_PREFIXES.has(word.toLowerCase())) {
        const end = skipString(text, j);
        line += countNewlines(text, j, end);
        push('string', i, end);
        i = end;
        continue;
      }
      push('name', i, j);
      i = j;
      continue;
    }
    if (/[0-9]/.test(c) || (c === '.' && /[0-9]/.test(text.charAt(i + 1)))) {
      let j = i + 1;
      while (j < n && /[\w.]/.test(text.charAt(j))) {
        if (/[eE]/.test(text.charAt(j)) && /[+-]/.test(text.charAt(j + 1)) && !/^0[xX]/.test(text.slice(i, j))) j++;
        j++;
      }
      push('number', i, j);
      i = j;
      continue;
    }
    const op = OPERATORS.find((o) => text.startsWith(o, i)) ?? c;
    if (op === '(' || op === '[' || op === '{') depth++;
    else if ((op === ')' || op === ']' || op === '}') && depth > 0) depth--;
    push('op', i, i + op.length);
    i += op.length;
  }
  flush();
  return out;
}

/** The end offset of the string literal whose opening quote is at `at`. */
function skipString(text: string, at: number): number {
  const quote = text.charAt(at);
  const triple = text.startsWith(quote.repeat(3), at);
  const close = triple ? quote.repeat(3) : quote;
  let i = at + close.length;
  while (i < text.length) {
    const c = text.charAt(i);
    if (c === '\\') {
      i += 2;
      continue;
    }
    if (!triple && c === '\n') return i;
    if (text.startsWith(close, i)) return i + close.length;
    i++;
  }
  return text.length;
}

function countNewlines(text: string, from: number, to: number): number {
  let count = 0;
  for (let i = from; i < to; i++) if (text.charCodeAt(i) === 10) count++;
  return count;
}

/** The value of a string token without prefix and quotes (escapes left as written). */
export function stringTokenValue(token: string): string {
  const body = token.replace(/^[A-Za-z]*/, '');
  const quote = body.startsWith('"""') || body.startsWith("'''") ? body.slice(0, 3) : body.charAt(0);
  return body.slice(quote.length, body.endsWith(quote) && body.length >= 2 * quote.length ? body.length - quote.length : body.length);
}

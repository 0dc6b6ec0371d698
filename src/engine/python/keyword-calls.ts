// Which calls pass a keyword argument of a given name, found from the names' occurrences in the text, not by reading every call's arguments.
import type { Node } from 'web-tree-sitter';
import type { ParsedPython } from '../parsers/python.js';

/**
 * The ids of the call nodes that have a keyword argument whose name `wanted` accepts. `words` is a global regex of
 * whole words that every accepted name matches (`\b(lr|epochs)\b`, case-insensitive if the names are): each match
 * is looked up in the tree, so a file pays a few tree-sitter calls per occurrence instead of resolving the argument
 * list of every call. Matches that are not keyword names (attributes, strings, comments) are simply not calls' keywords.
 */
export function callsWithKeyword(parsed: ParsedPython, words: RegExp, wanted: (name: string) => boolean): Set<number> {
  const out = new Set<number>();
  const root = parsed.root;
  for (const m of parsed.text.matchAll(words)) {
    const name = root.descendantForIndex(m.index, m.index + m[0].length);
    if (!name || name.startIndex !== m.index || name.type !== 'identifier' || !wanted(name.text)) continue;
    const keyword = name.parent;
    if (keyword?.type !== 'keyword_argument' || keyword.startIndex !== name.startIndex) continue;
    const call: Node | null | undefined = keyword.parent?.parent;
    if (call?.type === 'call') out.add(call.id);
  }
  return out;
}

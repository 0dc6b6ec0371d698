// Python parsing through tree-sitter: the grammar is injected as WASM bytes and each file is walked once.
import { Language, Parser, type Node, type Tree } from 'web-tree-sitter';
import type { Range } from '../types.js';

/** The WASM binaries the Python parser needs; the host reads them from disk or a bundle. */
export interface PythonGrammarBinaries {
  readonly runtime: Uint8Array;
  readonly python: Uint8Array;
}

/** Node types a single pass collects, so rules never walk the tree themselves. */
const COLLECTED_TYPES = [
  'call',
  'import_statement',
  'import_from_statement',
  'assignment',
  'augmented_assignment',
  'if_statement',
  'function_definition',
  'class_definition',
  'comment',
  'string',
  'decorator',
  'with_statement',
] as const;

export type CollectedType = (typeof COLLECTED_TYPES)[number];

/** A parsed Python text: its tree and the nodes of interest, bucketed by type, in document order. */
export interface ParsedPython {
  readonly tree: Tree;
  readonly root: Node;
  readonly nodes: Readonly<Record<CollectedType, readonly Node[]>>;
  /** True when tree-sitter had to recover from a syntax error somewhere. */
  readonly hasSyntaxError: boolean;
}

/** A loaded tree-sitter Python parser. One per thread; parsing is synchronous once loaded. */
export class PythonParser {
  private constructor(
    private readonly parser: Parser,
    private readonly language: Language,
  ) {}

  /** Loads the runtime and the grammar. Call once per thread and share the instance. */
  static async load(binaries: PythonGrammarBinaries): Promise<PythonParser> {
    await Parser.init({ wasmBinary: binaries.runtime });
    const language = await Language.load(binaries.python);
    const parser = new Parser();
    parser.setLanguage(language);
    return new PythonParser(parser, language);
  }

  get grammar(): Language {
    return this.language;
  }

  parse(text: string): ParsedPython {
    const tree = this.parser.parse(text);
    if (!tree) throw new Error('tree-sitter returned no tree');
    const root = tree.rootNode;
    const buckets = Object.fromEntries(COLLECTED_TYPES.map((t) => [t, [] as Node[]])) as Record<CollectedType, Node[]>;
    // One call into WASM collects every node type we care about; walking node by node from JS costs far more.
    for (const node of root.descendantsOfType([...COLLECTED_TYPES])) {
      if (!node) continue;
      // A string inside a concatenated string or an f-string's format spec is reached through its parent.
      if (node.type === 'string' && node.parent?.type === 'concatenated_string') continue;
      buckets[node.type as CollectedType].push(node);
    }
    return { tree, root, nodes: buckets, hasSyntaxError: root.hasError };
  }
}

/** The range of a node in the coordinates of the text it was parsed from. */
export function nodeRange(node: Node): Range {
  return {
    start: { line: node.startPosition.row, column: node.startPosition.column },
    end: { line: node.endPosition.row, column: node.endPosition.column },
  };
}

/** The first line of a node only: a finding on a multi-line call should underline its head, not the whole block. */
export function headRange(node: Node, text: string): Range {
  const range = nodeRange(node);
  if (range.start.line === range.end.line) return range;
  const lineEnd = text.indexOf('\n', node.startIndex);
  const endColumn = (lineEnd === -1 ? text.length : lineEnd) - node.startIndex + range.start.column;
  return { start: range.start, end: { line: range.start.line, column: endColumn } };
}

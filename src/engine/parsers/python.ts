// Python parsing through tree-sitter: the grammar is injected as WASM bytes and each file is walked once.
import { Language, Parser, type Node, type Tree } from 'web-tree-sitter';
import type { Range } from '../types.js';

/** The WASM binaries the Python parser needs; the host reads them from disk or a bundle. */
export interface PythonGrammarBinaries {
  readonly runtime: Uint8Array;
  readonly python: Uint8Array;
}

/**
 * Node types collected in the single eager pass. One `descendantsOfType` walk costs about the same for one
 * type or fifteen (the tree traversal dominates, not the node count), so the pass takes every type the
 * rules ask for; a type outside this set costs a walk of its own.
 */
const EAGER_TYPES = [
  'call', 'import_statement', 'import_from_statement', 'assignment', 'augmented_assignment', 'if_statement',
  'function_definition', 'class_definition', 'decorator', 'with_statement', 'comment', 'string', 'try_statement',
  'concatenated_string', 'for_statement',
];
const EAGER = new Set(EAGER_TYPES);

/**
 * A parsed Python text. Nodes are collected by type with one call into WASM and shared by the rules,
 * which never walk the tree node by node from JS: every node crossing the WASM boundary is an allocation.
 */
export class ParsedPython {
  private readonly byType = new Map<string, Node[]>();
  private eagerDone = false;

  constructor(
    readonly tree: Tree,
    readonly text: string,
  ) {}

  get root(): Node {
    return this.tree.rootNode;
  }

  /** True when tree-sitter had to recover from a syntax error somewhere. */
  get hasSyntaxError(): boolean {
    return this.tree.rootNode.hasError;
  }

  /** Every node of a type, in document order. */
  nodes(type: string): readonly Node[] {
    if (EAGER.has(type) && !this.eagerDone) {
      this.eagerDone = true;
      for (const t of EAGER_TYPES) this.byType.set(t, []);
      let concatenatedEnd = -1;
      for (const node of this.tree.rootNode.descendantsOfType(EAGER_TYPES)) {
        if (!node) continue;
        const type = node.type;
        // A string inside an implicit concatenation is reached through its parent. Nodes come in pre-order,
        // so a range check replaces a WASM call to `parent` per string.
        if (type === 'concatenated_string') concatenatedEnd = node.endIndex;
        else if (type === 'string' && node.startIndex < concatenatedEnd) continue;
        this.byType.get(type)?.push(node);
      }
    }
    let found = this.byType.get(type);
    if (!found) {
      found = this.tree.rootNode.descendantsOfType(type).filter((n): n is Node => n !== null);
      this.byType.set(type, found);
    }
    return found;
  }

  private readonly endsByType = new Map<string, readonly number[]>();

  /**
   * The end offsets of `nodes(type)`, index for index. A node's end is a call into tree-sitter; several rules need
   * the ends of every string, so each is asked once per file.
   */
  ends(type: string): readonly number[] {
    let ends = this.endsByType.get(type);
    if (!ends) {
      ends = this.nodes(type).map((n) => n.endIndex);
      this.endsByType.set(type, ends);
    }
    return ends;
  }
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
    return new ParsedPython(tree, text);
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

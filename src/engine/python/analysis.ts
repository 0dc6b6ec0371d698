// The per-file Python analysis the rules share: tree, imports, constants, call resolution and the file's role.
import type { Node } from 'web-tree-sitter';
import type { ParsedPython } from '../parsers/python.js';
import { callArguments, foldString, ModuleConstants, type CallArguments, type FoldedString, type FoldContext } from './fold.js';
import { ImportTable } from './imports.js';

/** A call with its resolved callee, computed once per file. */
export interface ResolvedCall {
  readonly node: Node;
  /** Fully qualified callee (`pandas.read_csv`) when its root is an import; undefined otherwise. */
  readonly qualified?: string;
  /** The last name of the callee (`read_csv`, `fit`, `from_pretrained`), always set when it is a name or attribute. */
  readonly shortName?: string;
  readonly args: CallArguments;
}

export class PythonAnalysis {
  readonly imports: ImportTable;
  readonly constants: ModuleConstants;
  private readonly foldContext: FoldContext;
  private resolvedCalls?: readonly ResolvedCall[];

  constructor(
    readonly parsed: ParsedPython,
    readonly text: string,
    fileDir: string,
  ) {
    this.imports = new ImportTable(parsed);
    this.constants = new ModuleConstants(parsed.root, parsed.nodes.assignment);
    this.foldContext = { imports: this.imports, constants: this.constants, fileDir };
  }

  /** Every call in the file, in document order, with its callee resolved through imports. */
  get calls(): readonly ResolvedCall[] {
    this.resolvedCalls ??= this.parsed.nodes.call.map((node) => {
      const fn = node.childForFieldName('function');
      const qualified = fn ? this.imports.qualify(fn) : undefined;
      const shortName = fn?.type === 'identifier' ? fn.text : fn?.type === 'attribute' ? fn.childForFieldName('attribute')?.text : undefined;
      return { node, qualified, shortName, args: callArguments(node) };
    });
    return this.resolvedCalls;
  }

  /** Calls whose qualified callee is one of `names` or starts with one of `prefixes`. */
  callsTo(names: ReadonlySet<string>): ResolvedCall[] {
    return this.calls.filter((c) => c.qualified !== undefined && names.has(c.qualified));
  }

  fold(node: Node): FoldedString | undefined {
    return foldString(node, this.foldContext);
  }

  /** True when the module has an `if __name__ == "__main__":` guard. */
  get hasMainGuard(): boolean {
    return this.parsed.nodes.if_statement.some((n) => {
      const condition = n.childForFieldName('condition')?.text.replace(/\s+/g, '') ?? '';
      return /^__name__==['"]__main__['"]$/.test(condition) || /^['"]__main__['"]==__name__$/.test(condition);
    });
  }
}

/** The function definition that encloses a node, if any. */
export function enclosingFunction(node: Node): Node | undefined {
  for (let p = node.parent; p; p = p.parent) if (p.type === 'function_definition') return p;
  return undefined;
}

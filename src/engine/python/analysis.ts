// The per-file Python analysis the rules share: tree, imports, constants, call resolution and the file's role.
import type { Node } from 'web-tree-sitter';
import type { ParsedPython } from '../parsers/python.js';
import { Bindings, callArguments, foldString, type CallArguments, type FoldedString, type FoldContext } from './fold.js';
import { ImportTable } from './imports.js';
import { timed, type Timing } from '../timing.js';

/** A call with its resolved callee, computed once per file; the arguments are read on first use. */
export class ResolvedCall {
  private argsCache?: CallArguments;

  constructor(
    readonly node: Node,
    /** Fully qualified callee (`pandas.read_csv`) when its root is an import; undefined otherwise. */
    readonly qualified: string | undefined,
    /** The last name of the callee (`read_csv`, `fit`, `from_pretrained`) when the callee is a dotted name. */
    readonly shortName: string | undefined,
    /** True when the callee is `x.y`, not a bare name. */
    readonly isMethod: boolean,
  ) {}

  get args(): CallArguments {
    this.argsCache ??= callArguments(this.node);
    return this.argsCache;
  }
}

/** A dotted name followed by the call's `(`, matched at the call's start. */
const CALLEE_SOURCE = /([A-Za-z_][A-Za-z0-9_]*(?:\s*\.\s*[A-Za-z_][A-Za-z0-9_]*)*)\s*\(/.source;

export class PythonAnalysis {
  readonly imports: ImportTable;
  private bindingsCache?: Bindings;
  private resolvedCalls?: readonly ResolvedCall[];
  private mainGuardCache?: boolean;

  constructor(
    readonly parsed: ParsedPython,
    readonly text: string,
    private readonly fileDir: string,
    /** Times the shared analyses below (`--timing`), so that the first rule to ask is not charged for them. */
    private readonly timing?: Timing,
  ) {
    this.imports = new ImportTable(parsed);
  }

  /** Name bindings for folding, collected on first use (most files never fold anything). */
  get bindings(): Bindings {
    this.bindingsCache ??= timed(
      this.timing,
      'analysis:bindings',
      () =>
        new Bindings(this.text, {
          assignments: this.parsed.nodes('assignment'),
          augmented: this.parsed.nodes('augmented_assignment'),
          functions: this.parsed.nodes('function_definition'),
          loops: this.parsed.nodes('for_statement'),
        }),
    );
    return this.bindingsCache;
  }

  /** Every call in the file, in document order, with its callee resolved through imports. */
  get calls(): readonly ResolvedCall[] {
    this.resolvedCalls ??= timed(this.timing, 'analysis:calls', () => this.resolveCalls());
    return this.resolvedCalls;
  }

  private resolveCalls(): ResolvedCall[] {
    // A sticky regex per file: its lastIndex is state, so it is not shared at module level.
    const callee = new RegExp(CALLEE_SOURCE, 'y');
    const nodes = this.parsed.nodes('call');
    return nodes.map((node, i) => {
      // The callee is read from the source text (a dotted name right before `(`): no WASM round trip per
      // call. Calls are in pre-order, so when the next call starts at the same place (`f().g()`), the name
      // at the start belongs to that inner call, and this call's callee is not a plain dotted name.
      if (nodes[i + 1]?.startIndex === node.startIndex) {
        const fn = node.childForFieldName('function');
        const attribute = fn?.type === 'attribute' ? fn.childForFieldName('attribute')?.text : undefined;
        return new ResolvedCall(node, undefined, attribute, attribute !== undefined);
      }
      callee.lastIndex = node.startIndex;
      const calleeText = callee.exec(this.text)?.[1];
      if (calleeText === undefined) return new ResolvedCall(node, undefined, undefined, false);
      const dot = calleeText.lastIndexOf('.');
      const shortName = (dot === -1 ? calleeText : calleeText.slice(dot + 1)).trim();
      return new ResolvedCall(node, this.imports.qualifyText(calleeText), shortName, dot !== -1);
    });
  }

  /** Calls whose qualified callee is one of `names`. */
  callsTo(names: ReadonlySet<string>): ResolvedCall[] {
    return this.calls.filter((c) => c.qualified !== undefined && names.has(c.qualified));
  }

  fold(node: Node): FoldedString | undefined {
    const ctx: FoldContext = { imports: this.imports, bindings: this.bindings, fileDir: this.fileDir };
    return foldString(node, ctx);
  }

  /** True when the module has an `if __name__ == "__main__":` guard (several rules ask; the text is scanned once). */
  get hasMainGuard(): boolean {
    this.mainGuardCache ??= /^if\s+(__name__\s*==\s*['"]__main__['"]|['"]__main__['"]\s*==\s*__name__)\s*:/m.test(this.text);
    return this.mainGuardCache;
  }
}

/** The function definition that encloses a node, if any. */
export function enclosingFunction(node: Node): Node | undefined {
  for (let p = node.parent; p; p = p.parent) if (p.type === 'function_definition') return p;
  return undefined;
}

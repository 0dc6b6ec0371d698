// Import alias resolution: which fully qualified name a local Python name stands for.
import type { Node } from 'web-tree-sitter';
import type { ParsedPython } from '../parsers/python.js';
import { nodeRange } from '../parsers/python.js';
import type { Range } from '../types.js';

const DOTTED_NAME = /^[A-Za-z_][A-Za-z0-9_]*(\.[A-Za-z_][A-Za-z0-9_]*)*$/;

/** One imported name binding. */
export interface ImportBinding {
  /** The local name (`pd`, `rc`, `torch`). */
  readonly local: string;
  /** What it stands for (`pandas`, `pandas.read_csv`, `torch`). For relative imports: `.utils.load`. */
  readonly qualified: string;
  /** The imported module (`pandas`, `.utils`). */
  readonly module: string;
  /** Leading dots of a relative import; 0 for absolute. */
  readonly level: number;
  readonly range: Range;
  /** Inside `try:` with an `except ImportError` (or ModuleNotFoundError) handler: an optional dependency. */
  readonly optional: boolean;
  /** Inside `if TYPE_CHECKING:`: never imported at run time. */
  readonly typeCheckingOnly: boolean;
}

/** The import table of one file. Function-local imports are included: ML scripts import inside `main()`. */
export class ImportTable {
  readonly bindings: readonly ImportBinding[];
  private readonly byLocal = new Map<string, string>();

  constructor(parsed: ParsedPython) {
    const bindings: ImportBinding[] = [];
    // In a tree without syntax errors, a statement that starts a line at column 0 is the module's own child:
    // neither optional nor type-checking-only, which spares a walk up its parents (three WASM calls per import).
    const clean = !parsed.hasSyntaxError;
    for (const node of parsed.nodes('import_statement')) collectImport(node, bindings, clean);
    for (const node of parsed.nodes('import_from_statement')) collectFromImport(node, bindings, clean);
    bindings.sort((a, b) => a.range.start.line - b.range.start.line || a.range.start.column - b.range.start.column);
    this.bindings = bindings;
    for (const b of bindings) if (!this.byLocal.has(b.local)) this.byLocal.set(b.local, b.qualified);
  }

  /** The qualified name a local name was imported as, if it was. */
  resolveName(local: string): string | undefined {
    return this.byLocal.get(local);
  }

  /** Top-level module names imported with absolute imports (`pandas`, `sklearn`), once each. */
  topLevelModules(): string[] {
    const seen = new Set<string>();
    for (const b of this.bindings) if (b.level === 0) seen.add(b.module.split('.')[0] ?? b.module);
    return [...seen].sort();
  }

  /** True when any import comes from this module or a submodule of it. */
  importsFrom(module: string): boolean {
    return this.bindings.some((b) => b.level === 0 && (b.module === module || b.module.startsWith(`${module}.`)));
  }

  /**
   * The qualified name of an expression made of names and attributes (`pd.read_csv`, `torch.hub.load`),
   * or undefined when its root is not an imported name.
   */
  qualify(node: Node): string | undefined {
    return this.qualifyText(node.text);
  }

  /**
   * Qualifies a dotted name given as text (`pd.read_csv`). Working on the source text avoids a WASM
   * round trip per attribute, which matters when every call of a large file is resolved.
   */
  qualifyText(text: string): string | undefined {
    const compact = text.includes(' ') || text.includes('\n') ? text.replace(/\s+/g, '') : text;
    if (!DOTTED_NAME.test(compact)) return undefined;
    const dot = compact.indexOf('.');
    const head = dot === -1 ? compact : compact.slice(0, dot);
    const base = this.resolveName(head);
    return base === undefined ? undefined : dot === -1 ? base : base + compact.slice(dot);
  }
}

function collectImport(node: Node, out: ImportBinding[], clean: boolean): void {
  const flags = importContext(node, clean);
  for (const child of node.namedChildren) {
    if (!child) continue;
    if (child.type === 'dotted_name') {
      // `import os.path` binds `os`, and `os.path.join` then qualifies through it.
      const first = child.text.split('.')[0] ?? child.text;
      out.push({ local: first, qualified: first, module: child.text, level: 0, range: nodeRange(child), ...flags });
    } else if (child.type === 'aliased_import') {
      const name = child.childForFieldName('name');
      const alias = child.childForFieldName('alias');
      if (name && alias) out.push({ local: alias.text, qualified: name.text, module: name.text, level: 0, range: nodeRange(child), ...flags });
    }
  }
}

function collectFromImport(node: Node, out: ImportBinding[], clean: boolean): void {
  const moduleNode = node.childForFieldName('module_name');
  if (!moduleNode) return;
  const moduleText = moduleNode.text.replace(/\s+/g, '');
  const level = /^\.*/.exec(moduleText)?.[0].length ?? 0;
  const flags = importContext(node, clean);
  const prefix = moduleText.endsWith('.') ? moduleText : `${moduleText}.`;
  for (const child of node.childrenForFieldName('name')) {
    if (!child) continue;
    if (child.type === 'dotted_name') {
      out.push({ local: child.text, qualified: prefix + child.text, module: moduleText, level, range: nodeRange(child), ...flags });
    } else if (child.type === 'aliased_import') {
      const name = child.childForFieldName('name');
      const alias = child.childForFieldName('alias');
      if (name && alias) out.push({ local: alias.text, qualified: prefix + name.text, module: moduleText, level, range: nodeRange(child), ...flags });
    }
  }
  if (node.namedChildren.some((c) => c?.type === 'wildcard_import')) {
    out.push({ local: '*', qualified: `${prefix}*`, module: moduleText, level, range: nodeRange(node), ...flags });
  }
}

const TOP_LEVEL = { optional: false, typeCheckingOnly: false } as const;

function importContext(node: Node, clean: boolean): { optional: boolean; typeCheckingOnly: boolean } {
  if (clean && node.startPosition.column === 0) return TOP_LEVEL;
  let optional = false;
  let typeCheckingOnly = false;
  for (let p = node.parent; p; p = p.parent) {
    if (p.type === 'block' && p.parent?.type === 'try_statement' && p.parent.childForFieldName('body')?.id === p.id) {
      if (catchesImportError(p.parent)) optional = true;
    }
    if (p.type === 'block' && p.parent?.type === 'if_statement' && p.parent.childForFieldName('consequence')?.id === p.id) {
      const condition = p.parent.childForFieldName('condition')?.text ?? '';
      if (/^(typing\.)?TYPE_CHECKING$/.test(condition)) typeCheckingOnly = true;
    }
  }
  return { optional, typeCheckingOnly };
}

function catchesImportError(tryNode: Node): boolean {
  for (const clause of tryNode.namedChildren) {
    if (clause?.type !== 'except_clause') continue;
    const text = clause.namedChildren[0]?.type === 'block' ? '' : (clause.namedChildren[0]?.text ?? '');
    if (text === '' || /\b(ImportError|ModuleNotFoundError|Exception|BaseException)\b/.test(text)) return true;
  }
  return false;
}

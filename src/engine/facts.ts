// Facts a file contributes to project-level rules (imports today); plain data, cached with the file's results.
import type { SourceFile } from './source-file.js';
import type { Range } from './types.js';

export interface ImportFact {
  /** The imported module as written (`sklearn.model_selection`, `.utils`). */
  readonly module: string;
  /** Leading dots of a relative import; 0 for absolute. */
  readonly level: number;
  /** For `from m import a, b`: the imported names (which may be submodules); empty for `import m`. */
  readonly names: readonly string[];
  readonly optional: boolean;
  readonly typeCheckingOnly: boolean;
  readonly range: Range;
  readonly cell?: number;
}

export interface FileFacts {
  readonly imports: readonly ImportFact[];
}

/** Extracts the facts of a Python file or notebook; undefined for other kinds or non-Python notebooks. */
export function extractFacts(file: SourceFile): FileFacts | undefined {
  const py = file.python;
  if (!py) return undefined;
  const nb = file.kind === 'notebook' ? file.notebook : undefined;
  const byKey = new Map<string, { fact: ImportFact; names: string[] }>();
  for (const b of py.imports.bindings) {
    const key = `${b.module}\u0000${b.range.start.line}`;
    const prefix = b.module.endsWith('.') ? b.module : `${b.module}.`;
    const name = b.qualified.startsWith(prefix) && b.qualified !== b.module ? b.qualified.slice(prefix.length) : undefined;
    const existing = byKey.get(key);
    if (existing) {
      if (name !== undefined) existing.names.push(name);
      continue;
    }
    const mapped = nb ? nb.map.rangeToCell(b.range) : undefined;
    const names = name === undefined ? [] : [name];
    const fact: ImportFact = {
      module: b.module,
      level: b.level,
      names,
      optional: b.optional,
      typeCheckingOnly: b.typeCheckingOnly,
      range: mapped?.range ?? b.range,
      ...(mapped ? { cell: mapped.cell } : {}),
    };
    byKey.set(key, { fact, names });
  }
  return { imports: [...byKey.values()].map((v) => v.fact) };
}

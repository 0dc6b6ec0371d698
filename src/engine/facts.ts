// Facts a file contributes to project-level rules (imports today); plain data, cached with the file's results.
import type { SourceFile } from './source-file.js';
import type { Range } from './types.js';

export interface ImportFact {
  /** The imported module as written (`sklearn.model_selection`, `.utils`). */
  readonly module: string;
  /** Leading dots of a relative import; 0 for absolute. */
  readonly level: number;
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
  const seen = new Set<string>();
  const imports: ImportFact[] = [];
  for (const b of py.imports.bindings) {
    const key = `${b.module}\u0000${b.range.start.line}`;
    if (seen.has(key)) continue;
    seen.add(key);
    const mapped = nb ? nb.map.rangeToCell(b.range) : undefined;
    imports.push({
      module: b.module,
      level: b.level,
      optional: b.optional,
      typeCheckingOnly: b.typeCheckingOnly,
      range: mapped?.range ?? b.range,
      ...(mapped ? { cell: mapped.cell } : {}),
    });
  }
  return { imports };
}

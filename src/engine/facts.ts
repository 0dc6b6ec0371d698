// Facts a file contributes to project-level rules; plain data, cached with the file's results.
import { configUse, type ConfigUse } from './analyses/config-use.js';
import { dataAccesses, type DataAccess } from './analyses/data-io.js';
import { codeUnitFacts, type CellCodeUnit } from './analyses/code-units.js';
import { pipelineDeclarations, type PipelineDeclarations } from './analyses/pipeline-steps.js';
import { transformerFacts, type TransformerFacts } from './analyses/transformers.js';
import { fingerprint, type Fingerprint } from './analyses/fingerprint.js';
import { branchFacts, configReadFacts, outlineFacts, type BranchFacts, type ConfigReadFacts, type OutlineFacts } from './analyses/module-facts.js';
import type { ProjectModel } from './project.js';
import type { PythonAnalysis } from './python/analysis.js';
import type { SourceFile } from './source-file.js';
import { timed, type Timing } from './timing.js';
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

/** A constant-path read or write (see analyses/data-io.ts), positioned in its cell for notebooks. */
export interface DataAccessFact extends DataAccess {
  readonly cell?: number;
}

/** The kinds of facts project rules can ask for; `imports` always comes with the others. */
export type FactKind = 'imports' | 'dataIo' | 'configUse' | 'roles' | 'pipelineSteps' | 'codeUnits' | 'transformers' | 'outline' | 'fingerprint' | 'branches' | 'configReads';

export interface FileFacts {
  readonly imports: readonly ImportFact[];
  readonly dataIo?: readonly DataAccessFact[];
  /** Config key names the file mentions, config files it names, hard-coded hyperparameters; and the file's roles. */
  readonly configUse?: ConfigUse & { readonly roles: readonly string[] };
  /** The file's roles (training, serving, test...), sorted. */
  readonly roles?: readonly string[];
  /** Pipeline steps a Makefile, shell script, orchestrator module or data catalog declares; the only fact of non-Python files. */
  readonly pipelineSteps?: PipelineDeclarations;
  /** Normalised fingerprints of functions and module-level code. */
  readonly codeUnits?: readonly CellCodeUnit[];
  /** Preprocessing objects built, and fitted but never saved. */
  readonly transformers?: TransformerFacts;
  /** Definitions, test functions, model and feature code, data validation, import-path edits (analyses/module-facts.ts). */
  readonly outline?: OutlineFacts;
  /** A sketch of the file's normalised lines, to find near-copies. */
  readonly fingerprint?: Fingerprint;
  /** Constant branches, module-level boolean flags and the tests of them. */
  readonly branches?: BranchFacts;
  /** Config files the file loads itself, the key paths it reads from them and the `if` tests of their flags. */
  readonly configReads?: ConfigReadFacts;
}

/** Extracts the facts of a Python file or notebook (other files only give `pipelineSteps`); undefined when there are none. */
export function extractFacts(file: SourceFile, kinds: ReadonlySet<FactKind> = new Set(['imports']), project?: ProjectModel, timing?: Timing): FileFacts | undefined {
  const time = <T>(kind: FactKind, fn: () => T): T | undefined => (kinds.has(kind) ? timed(timing, `fact:${kind}`, fn) : undefined);
  const pipelineSteps = time('pipelineSteps', () => pipelineDeclarations(file));
  const py = file.python;
  if (!py) return pipelineSteps ? { imports: [], pipelineSteps } : undefined;
  const nb = file.kind === 'notebook' ? file.notebook : undefined;
  const config: FileFacts['configUse'] = time('configUse', () => {
    const use = configUse(py, new Set(project?.configKeyNames ?? []));
    const hyperparams = use.hyperparams.flatMap((h) => {
      if (!nb) return [h];
      const mapped = nb.map.rangeToCell(h.range);
      return mapped ? [{ ...h, range: mapped.range, cell: mapped.cell }] : [];
    });
    return { ...use, hyperparams, roles: [...file.roles].sort() };
  });
  const dataIo = time('dataIo', () =>
    dataAccesses(py).flatMap((a) => {
      if (!nb) return [a];
      const mapped = nb.map.rangeToCell(a.range);
      return mapped ? [{ ...a, range: mapped.range, cell: mapped.cell }] : [];
    }),
  );
  const imports = timed(timing, 'fact:imports', () => importFacts(py, nb));
  const roles = time('roles', () => [...file.roles].sort());
  const toCell = nb
    ? (line: number): { cell: number; line: number } | undefined => {
        const p = nb.map.toCell({ line, column: 0 });
        return p ? { cell: p.cell, line: p.position.line } : undefined;
      }
    : undefined;
  const units = time('codeUnits', () => codeUnitFacts(py, toCell));
  const transformers = time('transformers', () => transformerFacts(py, (range) => (nb ? nb.map.rangeToCell(range) : { range })));
  const outline = time('outline', () => outlineFacts(file, py));
  const print = time('fingerprint', () => fingerprint(py.text));
  const branches = time('branches', () => branchFacts(file, py));
  const reads = time('configReads', () => configReadFacts(file, py));
  return {
    imports,
    ...(dataIo ? { dataIo } : {}),
    ...(config ? { configUse: config } : {}),
    ...(roles ? { roles } : {}),
    ...(pipelineSteps ? { pipelineSteps } : {}),
    ...(units ? { codeUnits: units } : {}),
    ...(transformers ? { transformers } : {}),
    ...(outline ? { outline } : {}),
    ...(print ? { fingerprint: print } : {}),
    ...(branches ? { branches } : {}),
    ...(reads ? { configReads: reads } : {}),
  };
}

/** One fact per import statement and module, with the names `from` imports take from it. */
function importFacts(py: PythonAnalysis, nb: SourceFile['notebook']): ImportFact[] {
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
  return [...byKey.values()].map((v) => v.fact);
}

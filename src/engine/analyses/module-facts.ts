// The per-file facts of the testing and glue-code rules: outline, ML code, validation, path edits, branches; positions in notebook cells.
import type { SourceFile } from '../source-file.js';
import type { PythonAnalysis } from '../python/analysis.js';
import type { Range } from '../types.js';
import { configReads, type ConfigFlagTest, type ConfigKeyRead, type ConfigSource } from './config-reads.js';
import { analyseBranches, type ConstantBranch, type DeadCode, type FlagDefinition, type FlagTest } from './dead-branches.js';
import { remoteIngests, validationSites, type RemoteIngest, type ValidationSite } from './data-validation.js';
import { mlCode, type MlDefinition } from './ml-code.js';
import { moduleOutline } from './outline.js';
import { pathEdits, type PathEdit } from './path-edits.js';

/** A position in a file: for notebooks, in a code cell. */
export interface Placed {
  readonly range: Range;
  readonly cell?: number;
}

export interface OutlineFacts {
  /** The file's roles (training, serving, test, notebook, pipeline, library). */
  readonly roles: readonly string[];
  /** The `if __name__ == "__main__":` line of a `.py` file, when it has one. */
  readonly mainGuard?: Range;
  /** The first line of the file (for notebooks: of its first code cell), where file-level findings anchor. */
  readonly top?: Placed;
  /** Test functions pytest and unittest would collect in this file. */
  readonly tests: number;
  /** Module-level classes with their qualified bases, for inheritance across files. */
  readonly classes: readonly (Placed & { readonly name: string; readonly bases: readonly string[] })[];
  readonly models: readonly (MlDefinition & Placed)[];
  readonly features: readonly (MlDefinition & Placed)[];
  readonly validation: readonly (ValidationSite & Placed)[];
  readonly ingests: readonly (RemoteIngest & Placed)[];
  readonly pathEdits: readonly (PathEdit & Placed)[];
  /** In test files: strings that name project code (`src/train.py`, `pkg.models.Net`), as subprocess runs and patches do. */
  readonly codeRefs: readonly string[];
}

/** Dead code placed in its cell; a deletion range stays only when it lies in the same cell. */
export type PlacedDeadCode = DeadCode & Placed;

export interface BranchFacts {
  readonly constants: readonly (Omit<ConstantBranch, 'range' | 'deleteRange'> & PlacedDeadCode)[];
  readonly flags: readonly (FlagDefinition & Placed)[];
  readonly tests: readonly (Omit<FlagTest, 'whenFalse' | 'whenTrue'> & { readonly whenFalse: PlacedDeadCode; readonly whenTrue?: PlacedDeadCode })[];
  readonly rebinds: readonly string[];
  readonly dynamic: boolean;
}

/** Config objects a file loads and the keys it reads from them, placed in notebook cells (analyses/config-reads.ts). */
export interface ConfigReadFacts {
  readonly sources: readonly (ConfigSource & Placed)[];
  readonly reads: readonly (ConfigKeyRead & { readonly cell?: number })[];
  readonly tests: readonly (Omit<ConfigFlagTest, 'whenFalse' | 'whenTrue'> & { readonly whenFalse: PlacedDeadCode; readonly whenTrue?: PlacedDeadCode })[];
}

const CODE_REF = /^(?:[\w.-]+\/)*[\w.-]+\.py$|^[A-Za-z_]\w*(?:\.[A-Za-z_]\w*)+$/;
const MAX_CODE_REFS = 200;

/** Outline facts of a Python file or notebook. */
export function outlineFacts(file: SourceFile, py: PythonAnalysis): OutlineFacts {
  const place = placer(file);
  const outline = moduleOutline(py);
  const ml = mlCode(py, outline, file.path);
  const roles = [...file.roles].sort();
  const isTest = roles.includes('test');
  const codeRefs = new Set<string>();
  if (isTest) {
    for (const node of py.parsed.nodes('string')) {
      if (codeRefs.size >= MAX_CODE_REFS) break;
      const value = /^[a-zA-Z]*['"]{1,3}([^'"\n]*)['"]{1,3}$/.exec(node.text)?.[1]?.trim();
      if (value !== undefined && CODE_REF.test(value)) codeRefs.add(value);
    }
  }
  return {
    roles,
    ...(file.kind === 'notebook' ? {} : mainGuard(py)),
    ...topOf(py.text, place),
    tests: outline.testFunctions,
    classes: outline.definitions.flatMap((d) => (d.kind === 'class' ? placeAll([{ name: d.name, bases: d.bases, range: d.range }], place) : [])),
    models: placeAll(ml.models, place),
    features: placeAll(ml.features, place),
    validation: placeAll(validationSites(py, outline, !isTest), place),
    ingests: placeAll(remoteIngests(py), place),
    pathEdits: placeAll(pathEdits(py), place),
    codeRefs: [...codeRefs].sort(),
  };
}

/** Branch facts of a Python file or notebook. */
export function branchFacts(file: SourceFile, py: PythonAnalysis): BranchFacts {
  const place = placer(file);
  const analysis = analyseBranches(py);
  const dead = (d: DeadCode): PlacedDeadCode | undefined => placeDead(d, place);
  return {
    constants: analysis.constants.flatMap((c) => {
      const at = dead(c);
      return at ? [{ test: c.test, keyword: c.keyword, alwaysTrue: c.alwaysTrue, scope: c.scope, ...at }] : [];
    }),
    flags: placeAll(analysis.flags, place),
    tests: analysis.tests.flatMap((t) => {
      const whenFalse = dead(t.whenFalse);
      const whenTrue = t.whenTrue ? dead(t.whenTrue) : undefined;
      if (!whenFalse) return [];
      const test = { name: t.name, ...(t.qualified === undefined ? {} : { qualified: t.qualified }), local: t.local, negated: t.negated, test: t.test, keyword: t.keyword, scope: t.scope };
      return [{ ...test, whenFalse, ...(whenTrue ? { whenTrue } : {}) }];
    }),
    rebinds: analysis.rebinds,
    dynamic: analysis.dynamic,
  };
}

/** Config read facts of a Python file or notebook; undefined when it loads no config itself. */
export function configReadFacts(file: SourceFile, py: PythonAnalysis): ConfigReadFacts | undefined {
  const dir = file.path.includes('/') ? file.path.slice(0, file.path.lastIndexOf('/')) : '';
  const found = configReads(py, dir);
  if (!found) return undefined;
  const place = placer(file);
  const reads = found.reads.flatMap((r) => {
    const keys = r.keys.map(place);
    const cell = keys[0]?.cell;
    if (keys.some((k) => !k || k.cell !== cell)) return [];
    return [{ ...r, keys: keys.flatMap((k) => (k ? [k.range] : [])), ...(cell === undefined ? {} : { cell }) }];
  });
  const tests = found.tests.flatMap((t) => {
    const whenFalse = placeDead(t.whenFalse, place);
    const whenTrue = t.whenTrue ? placeDead(t.whenTrue, place) : undefined;
    return whenFalse ? [{ ...t, whenFalse, ...(whenTrue ? { whenTrue } : {}) }] : [];
  });
  return { sources: placeAll(found.sources, place), reads, tests };
}

type Place = (range: Range) => Placed | undefined;

/** Dead code placed in its cell; a deletion range stays only when it lies in the same cell. */
function placeDead(d: DeadCode, place: Place): PlacedDeadCode | undefined {
  const at = place(d.range);
  if (!at) return undefined;
  const deletion = d.deleteRange ? place(d.deleteRange) : undefined;
  return { ...at, ...(deletion && deletion.cell === at.cell ? { deleteRange: deletion.range } : {}) };
}

const MAIN_GUARD = /^if\s+(__name__\s*==\s*['"]__main__['"]|['"]__main__['"]\s*==\s*__name__)\s*:/m;

function mainGuard(py: PythonAnalysis): { mainGuard?: Range } {
  // The same test as hasMainGuard, which roles have usually run already: most files have no guard to place.
  if (!py.hasMainGuard) return {};
  const m = MAIN_GUARD.exec(py.text);
  if (!m) return {};
  const line = py.text.slice(0, m.index).split('\n').length - 1;
  return { mainGuard: { start: { line, column: 0 }, end: { line, column: m[0].length } } };
}

function topOf(text: string, place: Place): { top?: Placed } {
  const newline = text.indexOf('\n');
  const top = place({ start: { line: 0, column: 0 }, end: { line: 0, column: newline === -1 ? text.length : newline } });
  return top ? { top } : {};
}

function placer(file: SourceFile): Place {
  const nb = file.kind === 'notebook' ? file.notebook : undefined;
  if (!nb) return (range) => ({ range });
  return (range) => {
    const mapped = nb.map.rangeToCell(range);
    return mapped ? { range: mapped.range, cell: mapped.cell } : undefined;
  };
}

function placeAll<T extends { readonly range: Range }>(items: readonly T[], place: Place): (T & Placed)[] {
  return items.flatMap((item) => {
    const at = place(item.range);
    return at ? [{ ...item, range: at.range, ...(at.cell === undefined ? {} : { cell: at.cell }) }] : [];
  });
}

// The import graph between the project's own Python files and notebooks, built from per-file import facts.
import { dirName } from '../file-kinds.js';
import type { FileFacts } from '../facts.js';
import type { InventoryEntry } from '../inventory.js';

/** One resolved edge: `from` imports `to` (both project-relative paths). */
export interface ImportEdge {
  readonly from: string;
  readonly to: string;
  /** The module as written in the import. */
  readonly module: string;
  readonly line: number;
  readonly cell?: number;
}

/**
 * Resolves imports to project files the way Python would find them from the usual roots: the project root,
 * `src/`, every folder that holds a top-level package (a folder with `__init__.py` whose parent has none), and
 * the importing script's own folder (Python puts a script's folder first on `sys.path`). Folders without
 * `__init__.py` resolve as namespace packages. Imports that resolve to no project file are third-party or stdlib.
 */
export class ImportGraph {
  private readonly python = new Set<string>();
  /** Paths `p` with a `p.py` or with Python files somewhere below `p/`: no module resolves under any other. */
  private readonly containers = new Set<string>();
  private readonly roots: readonly string[];
  private readonly out = new Map<string, ImportEdge[]>();
  private readonly into = new Map<string, ImportEdge[]>();
  private readonly firstParty = new Set<string>();

  constructor(files: readonly InventoryEntry[], facts: ReadonlyMap<string, FileFacts>) {
    const packages = new Set<string>();
    for (const f of files) {
      if (f.kind !== 'python') continue;
      this.python.add(f.path);
      if (f.path.endsWith('/__init__.py')) packages.add(dirName(f.path));
      this.containers.add(f.path.replace(/\.py$/, ''));
      for (let dir = dirName(f.path); dir !== '' && !this.containers.has(dir); dir = dirName(dir)) this.containers.add(dir);
    }
    const roots = new Set<string>(['', 'src']);
    for (const pkg of packages) {
      const parent = dirName(pkg);
      if (!packages.has(parent)) roots.add(parent);
    }
    this.roots = [...roots].sort();
    // The first segment below each root a file lies under: the roots a path is under are among its folders.
    const addTop = (rest: string): void => {
      const top = rest.split('/')[0]?.replace(/\.py$/, '');
      if (top !== undefined && top !== '' && top !== '__init__') this.firstParty.add(top);
    };
    for (const path of this.python) {
      addTop(path);
      for (let dir = dirName(path); dir !== ''; dir = dirName(dir)) if (roots.has(dir)) addTop(path.slice(dir.length + 1));
    }
    for (const [path, fileFacts] of facts) {
      for (const fact of fileFacts.imports) {
        const targets = fact.level > 0 ? this.resolveRelative(path, fact.module, fact.level, fact.names) : this.resolveAbsolute(path, fact.module, fact.names);
        for (const to of targets) {
          if (to === path) continue;
          const edge: ImportEdge = { from: path, to, module: fact.module, line: fact.range.start.line, ...(fact.cell === undefined ? {} : { cell: fact.cell }) };
          push(this.out, path, edge);
          push(this.into, to, edge);
        }
      }
    }
  }

  /** Project files a file imports directly. */
  importsOf(path: string): readonly ImportEdge[] {
    return this.out.get(path) ?? [];
  }

  /** Project files that import a file directly. */
  importersOf(path: string): readonly ImportEdge[] {
    return this.into.get(path) ?? [];
  }

  /** Every project file reachable from the given files through imports (the files themselves included). */
  reachableFrom(starts: Iterable<string>): Set<string> {
    const seen = new Set<string>();
    const stack = [...starts];
    while (stack.length > 0) {
      const next = stack.pop();
      if (next === undefined || seen.has(next)) continue;
      seen.add(next);
      for (const edge of this.importsOf(next)) stack.push(edge.to);
    }
    return seen;
  }

  /** True when a top-level module name is the project's own (so an import of it is not a third-party one). */
  isFirstParty(topLevel: string): boolean {
    return this.firstParty.has(topLevel);
  }

  private readonly memo = new Map<string, string[]>();

  private resolveAbsolute(from: string, module: string, names: readonly string[]): string[] {
    // Resolution from the roots does not depend on the importing file: memoise it; only the script-folder
    // fallback does.
    const key = `${module}\u0000${names.join(',')}`;
    let found = this.memo.get(key);
    if (!found) {
      found = this.resolveFrom(this.roots, module, names);
      this.memo.set(key, found);
    }
    return found.length > 0 ? found : this.resolveFrom([dirName(from)], module, names);
  }

  private resolveFrom(bases: readonly string[], module: string, names: readonly string[]): string[] {
    const parts = module.split('.');
    for (const root of bases) {
      const base = (root === '' ? '' : `${root}/`) + parts.join('/');
      const found = this.moduleFile(base);
      if (found) return [found, ...this.submodules(base, names)];
      // A namespace package: `import a.b` where a/b/ holds modules but no __init__.py.
      const subs = this.submodules(base, names);
      if (subs.length > 0) return subs;
    }
    return [];
  }

  private resolveRelative(from: string, module: string, level: number, names: readonly string[]): string[] {
    let dir = dirName(from);
    for (let i = 1; i < level; i++) dir = dirName(dir);
    const rest = module.replace(/^\.+/, '');
    const base = [dir, ...(rest === '' ? [] : rest.split('.'))].filter((p) => p !== '').join('/');
    const found = rest === '' ? undefined : this.moduleFile(base);
    return [...(found ? [found] : []), ...this.submodules(base, names)];
  }

  private moduleFile(base: string): string | undefined {
    // Most lookups are of third-party modules under every root: one set lookup rules them out.
    if (!this.containers.has(base)) return undefined;
    if (this.python.has(`${base}.py`)) return `${base}.py`;
    if (this.python.has(`${base}/__init__.py`)) return `${base}/__init__.py`;
    return undefined;
  }

  /** `from pkg import mod`: names that are submodules of the package resolve to their files. */
  private submodules(base: string, names: readonly string[]): string[] {
    if (names.length === 0 || (base !== '' && !this.containers.has(base))) return [];
    return names.flatMap((n) => this.moduleFile(base === '' ? n : `${base}/${n}`) ?? []);
  }
}

function push<K, V>(map: Map<K, V[]>, key: K, value: V): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}

// Who owns which dependency declaration: sub-projects, libraries versus applications, declared names and first-party modules.
import { baseName, dirName, resolveRelative } from './file-kinds.js';
import type { DependencySpec, Manifest } from './parsers/manifest-types.js';
import { normalizePackageName } from './parsers/manifest-types.js';
import { pypiNameOfConda } from './python/distributions.js';
import type { ProjectModel } from './project.js';

/** How a rule should treat the project: told apart from the manifests, or as the team configured it. */
export type ProjectKindSetting = 'auto' | 'application' | 'library';

/** Files that make their folder a project of its own, whatever else is there. */
const DEFINING_FILES = new Set(['pyproject.toml', 'setup.py', 'setup.cfg', 'Pipfile']);

/** A path inside a project template (`{{ cookiecutter.repo_name }}/...`): its files are not real manifests or code. */
export function isTemplatedPath(path: string): boolean {
  return /\{\{|\{%|\$\{\{/.test(path);
}

/** The folders from `dir` up to the project root, nearest first. */
export function ancestorsOf(dir: string): string[] {
  const out = [dir];
  for (let d = dir; d !== ''; ) {
    d = dirName(d);
    out.push(d);
  }
  return out;
}

/** The name a declared dependency stands for on PyPI (conda names translated), normalised. */
export function declaredName(dep: DependencySpec, manifest: Manifest): string {
  // Conda specs are conda names; a conda file's `pip:` entries are PyPI names, but both share the manifest, so only
  // names conda spells differently are translated, which no PyPI distribution is named.
  return manifest.kind === 'conda-env' ? pypiNameOfConda(dep.name) : dep.normalizedName;
}

/**
 * What the dependency rules share about a project, computed once per project model: the sub-projects (folders that
 * hold their own declarations and code), library manifests, and where Python modules live.
 */
export class DependencyScope {
  /** Folders that are a project of their own: the root, folders with a defining file, and folders with a manifest and code. */
  readonly unitRoots: ReadonlySet<string>;
  /** Project-relative paths of every file. */
  readonly paths: ReadonlySet<string>;
  /** folder -> names importable from it: `x.py` files, `.so`/`.pyx` extensions, and sub-folders holding Python code. */
  private readonly modulesIn = new Map<string, Set<string>>();
  /** Folders with a Python file or notebook at or below them. */
  readonly codeDirs = new Set<string>();
  /** Folders that hold an `__init__.py`. */
  private readonly packages = new Set<string>();
  /** Every module or package name anywhere in the project, for imports made through `sys.path` tweaks. */
  private readonly anywhere = new Set<string>();
  private readonly manifests: readonly Manifest[];

  constructor(readonly project: ProjectModel) {
    this.manifests = project.manifests.filter((m) => !isTemplatedPath(m.file));
    const paths = new Set<string>();
    const codeDirs = this.codeDirs;
    const roots = new Set<string>(['']);
    for (const entry of project.files) {
      paths.add(entry.path);
      const dir = dirName(entry.path);
      const base = baseName(entry.path);
      if (DEFINING_FILES.has(base) && !isTemplatedPath(entry.path)) roots.add(dir);
      const module = /^([A-Za-z_][A-Za-z0-9_]*)(?:\.py|\.pyi|\.pyx|\.[\w.-]*\.(?:so|pyd)|\.so|\.pyd)$/.exec(base)?.[1];
      if (module === undefined && entry.kind !== 'notebook') continue;
      for (const d of ancestorsOf(dir)) codeDirs.add(d);
      if (module === undefined) continue;
      if (module === '__init__') this.packages.add(dir);
      else this.addModule(dir, module);
      // Every folder above a Python file is importable from its parent (a package or a namespace package).
      let child = dir;
      while (child !== '') {
        const parent = dirName(child);
        this.addModule(parent, baseName(child));
        child = parent;
      }
    }
    for (const m of this.manifests) {
      const dir = dirName(m.file);
      if (codeDirs.has(dir)) roots.add(dir);
    }
    this.unitRoots = roots;
    this.paths = paths;
  }

  private addModule(dir: string, name: string): void {
    this.anywhere.add(name);
    let set = this.modulesIn.get(dir);
    if (!set) {
      set = new Set();
      this.modulesIn.set(dir, set);
    }
    set.add(name);
  }

  /** The sub-project a file belongs to: the nearest folder at or above it that is a unit root. */
  unitOf(path: string): string {
    for (const d of ancestorsOf(dirName(path))) if (this.unitRoots.has(d)) return d;
    return '';
  }

  /** Manifests that are not templates. */
  get realManifests(): readonly Manifest[] {
    return this.manifests;
  }

  /**
   * True when the manifest declares a library's dependencies: a pyproject that builds a package, setup.cfg metadata,
   * a requirements file such a manifest reads (`dynamic` dependencies, `file:`), or a requirements file next to one
   * that only repeats what it declares (a mirror for `pip install -r`).
   */
  isLibraryManifest(manifest: Manifest, setting: ProjectKindSetting): boolean {
    if (setting !== 'auto') return setting === 'library';
    if (manifest.kind === 'pyproject' || manifest.kind === 'setup-cfg') return manifest.buildsPackage;
    if (manifest.kind !== 'requirements') return false;
    for (const lib of this.manifests) {
      if ((lib.kind !== 'pyproject' && lib.kind !== 'setup-cfg') || !lib.buildsPackage) continue;
      const libDir = dirName(lib.file);
      if (lib.includes.some((inc) => resolveRelative(libDir, inc.path) === manifest.file)) return true;
      if (libDir !== dirName(manifest.file)) continue;
      const declared = new Set(lib.dependencies.filter((d) => d.group === 'runtime').map((d) => d.normalizedName));
      const runtime = manifest.dependencies.filter((d) => d.group === 'runtime');
      if (declared.size > 0 && runtime.length > 0 && runtime.every((d) => declared.has(d.normalizedName))) return true;
    }
    return false;
  }

  private declaredCache?: ReadonlySet<string>;

  /** Every name any real manifest declares (all groups, conda names translated), plus the projects' own names. */
  get declaredNames(): ReadonlySet<string> {
    if (this.declaredCache) return this.declaredCache;
    const names = new Set<string>();
    for (const m of this.manifests) {
      for (const d of m.dependencies) names.add(declaredName(d, m));
      if (m.projectName !== undefined) names.add(normalizePackageName(m.projectName));
    }
    this.declaredCache = names;
    return names;
  }

  /**
   * The manifest to add a dependency of `path` to: at the nearest folder at or above the file that has one, a
   * `pyproject.toml` with dependencies, else `requirements.txt`, else another runtime manifest that is no lock.
   */
  nearestManifest(path: string): Manifest | undefined {
    const rank = (m: Manifest): number => (m.kind === 'pyproject' ? 0 : baseName(m.file) === 'requirements.txt' ? 1 : m.kind === 'conda-env' ? 2 : 3);
    for (const dir of ancestorsOf(dirName(path))) {
      const here = this.manifests.filter((m) => dirName(m.file) === dir && m.kind !== 'setup-cfg' && !isLockLike(m) && m.dependencies.some((d) => d.group === 'runtime'));
      const best = here.sort((a, b) => rank(a) - rank(b))[0];
      if (best) return best;
    }
    return undefined;
  }

  /**
   * Whether the declarations that cover a file can be read: walking up from the file, the first folder with any
   * declaration decides. A `setup.py` with no readable runtime manifest beside it declares what this engine does not read.
   */
  declarationsReadable(path: string): boolean {
    const own = dirName(path);
    let readable = this.readableMemo.get(own);
    if (readable === undefined) {
      readable = this.declarationsReadableFrom(own);
      this.readableMemo.set(own, readable);
    }
    return readable;
  }

  private readonly readableMemo = new Map<string, boolean>();

  private declarationsReadableFrom(own: string): boolean {
    for (const dir of ancestorsOf(own)) {
      const here = this.manifests.filter((m) => dirName(m.file) === dir);
      const runtime = here.some((m) => m.includes.length > 0 || m.dependencies.some((d) => d.group !== 'dev'));
      if (runtime) return true;
      if (this.paths.has(dir === '' ? 'setup.py' : `${dir}/setup.py`)) return false;
    }
    return this.manifests.length > 0;
  }

  /**
   * Whether `name` is importable as first-party code from a file at `path`: a module or package in the file's own
   * folder (the script's `sys.path[0]`), in a folder above it (`python -m` from the root, path tweaks), or in a
   * `src/` folder beside one of those. A folder above the file without `__init__.py` counts only for names not
   * known as distributions (`strict`), so `scripts/transformers/run.py` still imports the real `transformers`.
   * A name not known as a distribution is also first-party when a module of that name exists anywhere in the
   * project: scripts reach sibling folders through `sys.path.append('../lib')`.
   */
  isFirstParty(name: string, path: string, strict: boolean): boolean {
    if (!strict && this.anywhere.has(name)) return true;
    const own = dirName(path);
    // The answer depends on the folder only; every file of a folder asks it for each of its imports.
    const key = `${strict ? '1' : '0'}${own}\u0000${name}`;
    let known = this.firstPartyMemo.get(key);
    if (known === undefined) {
      known = this.firstPartyFrom(name, own, strict);
      this.firstPartyMemo.set(key, known);
    }
    return known;
  }

  private readonly firstPartyMemo = new Map<string, boolean>();

  private firstPartyFrom(name: string, own: string, strict: boolean): boolean {
    const ancestors = ancestorsOf(own);
    for (const dir of ancestors) {
      for (const root of [dir, dir === '' ? 'src' : `${dir}/src`]) {
        if (!this.modulesIn.get(root)?.has(name)) continue;
        const target = root === '' ? name : `${root}/${name}`;
        const enclosingNamespace = ancestors.includes(target) && !this.packages.has(target);
        if (!strict || !enclosingNamespace) return true;
      }
    }
    return false;
  }
}

const scopes = new WeakMap<ProjectModel, DependencyScope>();

/**
 * The scope of a project model, built on first use. File rules run once per file against the same model, so the
 * folder scans happen once per run (per worker thread) instead of once per file; the cache holds nothing else.
 */
export function dependencyScope(project: ProjectModel): DependencyScope {
  let scope = scopes.get(project);
  if (!scope) {
    scope = new DependencyScope(project);
    scopes.set(project, scope);
  }
  return scope;
}

/**
 * A manifest that records an environment rather than choices: generated by a lock tool, or named as a lock or a
 * freeze (`requirements-lock.txt`, `requirements.frozen.txt`).
 */
export function isLockLike(manifest: Manifest): boolean {
  return manifest.generatedLock || /(?:^|[-_.])(?:lock|locked|freeze|frozen)(?:[-_.]|$)/i.test(baseName(manifest.file));
}

/** Packages nobody declares by choice: a file that pins several of them was written by `pip freeze`. */
const TRANSITIVE_ONLY = new Set([
  'certifi', 'urllib3', 'idna', 'charset-normalizer', 'six', 'pyparsing', 'zipp', 'importlib-metadata', 'markupsafe',
  'wcwidth', 'decorator', 'cycler', 'kiwisolver', 'fonttools', 'threadpoolctl', 'pytz', 'tzdata', 'packaging',
  'typing-extensions', 'python-dateutil', 'pycparser', 'cffi', 'attrs', 'pyrsistent', 'traitlets', 'jedi', 'parso',
]);

/**
 * True for `pip freeze` output: a long requirements file pinned line by line that also pins packages nobody
 * declares by choice. It records an environment, not the project's choices, so it is not read for intent.
 */
export function looksFrozen(manifest: Manifest): boolean {
  if (manifest.kind !== 'requirements') return false;
  const deps = manifest.dependencies;
  if (deps.length < 20) return false;
  const pinned = deps.filter((d) => d.pinned).length;
  const transitive = deps.filter((d) => TRANSITIVE_ONLY.has(d.normalizedName)).length;
  return pinned >= deps.length * 0.9 && transitive >= 3;
}

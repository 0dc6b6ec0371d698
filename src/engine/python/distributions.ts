// Which distribution (the name a manifest declares) provides an imported module, and the reverse; bundled data, no installed packages read.
import { normalizePackageName } from '../parsers/manifest-types.js';
import { CONDA_NON_PYTHON, CONDA_TO_PYPI, SAME_NAME, TABLE, USED_WITHOUT_IMPORT, USED_WITHOUT_IMPORT_PREFIXES } from './distribution-names.js';

function parseTable(text: string): ReadonlyMap<string, readonly string[]> {
  const map = new Map<string, readonly string[]>();
  for (const module of SAME_NAME.split(/\s+/)) if (module !== '') map.set(module, [module.replace(/_/g, '-')]);
  for (const line of text.split('\n')) {
    const colon = line.indexOf(':');
    if (colon === -1) continue;
    map.set(line.slice(0, colon).trim(), line.slice(colon + 1).trim().split(/\s+/));
  }
  return map;
}

const MODULE_TO_DISTRIBUTIONS = parseTable(TABLE);

/** Normalised distribution -> the modules the table says it provides. */
const DISTRIBUTION_TO_MODULES: ReadonlyMap<string, readonly string[]> = (() => {
  const map = new Map<string, string[]>();
  for (const [module, dists] of MODULE_TO_DISTRIBUTIONS) {
    for (const dist of dists) {
      const key = normalizePackageName(dist);
      map.set(key, [...(map.get(key) ?? []), module]);
    }
  }
  return map;
})();

/**
 * Modules an environment provides without any manifest: notebook hosts (Colab, Kaggle), browser Pythons, and `pip`,
 * which every environment has. Importing them is never a missing dependency.
 */
const ENVIRONMENT_MODULES = ['google.colab', 'kaggle_secrets', 'kaggle_datasets', 'kaggle_web_client', 'js', 'pyodide', 'micropip', 'pip', '__main__', 'dbutils', 'pyspark.dbutils'];

/** True when `module` (dotted) is provided by the environment that runs the code. Notebooks always run under IPython. */
export function isEnvironmentModule(module: string, inNotebook: boolean): boolean {
  if (inNotebook && /^(IPython|ipykernel|ipywidgets)(\.|$)/.test(module)) return true;
  return ENVIRONMENT_MODULES.some((m) => module === m || module.startsWith(`${m}.`));
}

/** What provides an imported module: the table's distributions, or (`known: false`) its own name as a guess. */
export interface ModuleOwner {
  /** The module path the answer is for (`google.cloud.storage`, `sklearn`). */
  readonly module: string;
  /** Candidate distributions, the one to suggest first. */
  readonly distributions: readonly string[];
  readonly known: boolean;
}

/**
 * Namespace packages whose distributions are named after the module path (`google.cloud.storage` ->
 * `google-cloud-storage`), with the path depths that name a distribution, deepest first.
 */
const NAMESPACES: readonly (readonly [string, readonly number[]])[] = [
  ['google.cloud', [3]], ['azure', [3, 2]], ['backports', [2]], ['jaraco', [2]], ['zope', [2]], ['sphinxcontrib', [2]],
];

/** The distributions that may provide `qualified` (a dotted module or imported name): longest table prefix first. */
export function ownerOfModule(qualified: string): ModuleOwner {
  const parts = qualified.split('.');
  for (let n = parts.length; n >= 1; n--) {
    const prefix = parts.slice(0, n).join('.');
    const dists = MODULE_TO_DISTRIBUTIONS.get(prefix);
    if (dists) return { module: prefix, distributions: dists, known: true };
  }
  for (const [ns, depths] of NAMESPACES) {
    if (!qualified.startsWith(`${ns}.`)) continue;
    const paths = depths.filter((d) => parts.length >= d).map((d) => parts.slice(0, d).join('.'));
    const first = paths[0];
    if (first !== undefined) return { module: first, distributions: paths.map((p) => p.replace(/[._]/g, '-')), known: true };
  }
  const top = parts[0] ?? qualified;
  return { module: top, distributions: [top.replace(/_/g, '-')], known: false };
}

/**
 * A distribution name and the names it has without its packaging variants: `-cpu`, `-gpu`, `-headless`, `-nightly`,
 * `-cu12`, `-cuda11x` builds, `-python`/`-py` suffixes and `python-`/`py-`/`py` prefixes (`python-dateutil`,
 * conda's `py-xgboost`, `pyserial`). Each may be the module it provides.
 */
export function distributionBaseNames(name: string): string[] {
  const out = new Set<string>();
  let n = normalizePackageName(name);
  for (;;) {
    out.add(n);
    const stripped = n.replace(/-(?:cpu|gpu|headless|binary|nightly|wheel|cu\d+x?|cuda\d+x?|python|py)$/, '').replace(/^(?:python|py)-/, '');
    if (stripped === n || stripped === '') break;
    n = stripped;
  }
  for (const base of [...out]) if (/^py[a-z]{3,}$/.test(base)) out.add(base.slice(2));
  return [...out];
}

/** True when one of `declared` (normalised names) provides the module that `owner` describes. */
export function isDeclaredBy(owner: ModuleOwner, declared: ReadonlySet<string>): boolean {
  const wanted = new Set(owner.distributions.map(normalizePackageName));
  wanted.add(normalizePackageName(owner.module.replace(/\./g, '-')));
  for (const name of declared) if (distributionBaseNames(name).some((b) => wanted.has(b))) return true;
  return false;
}

/** The modules a declared distribution provides: the table's, its own name, and its name without packaging variants. */
export function modulesOfDistribution(name: string): string[] {
  const normalized = normalizePackageName(name);
  const modules = new Set(DISTRIBUTION_TO_MODULES.get(normalized) ?? []);
  for (const n of distributionBaseNames(normalized)) {
    modules.add(n.replace(/-/g, '_'));
    for (const [ns] of NAMESPACES) {
      const dashed = `${ns.replace(/\./g, '-')}-`;
      if (n.startsWith(dashed)) modules.add(`${ns}.${n.slice(dashed.length).replace(/-/g, '.')}`);
    }
  }
  return [...modules];
}

/** The PyPI name a conda package stands for (normalised); other names pass through normalised. */
export function pypiNameOfConda(name: string): string {
  const normalized = normalizePackageName(name);
  return CONDA_TO_PYPI.get(normalized) ?? normalized;
}

/** True for a distribution that is used without an `import` of its modules (see USED_WITHOUT_IMPORT). */
export function isUsedWithoutImport(name: string): boolean {
  const n = normalizePackageName(name);
  if (n === 'hydra-core') return false;
  return USED_WITHOUT_IMPORT.has(n) || n.endsWith('-stubs') || USED_WITHOUT_IMPORT_PREFIXES.some((p) => n.startsWith(p));
}

/** True for a conda package that provides no Python module. */
export function isCondaNonPython(name: string): boolean {
  const n = normalizePackageName(name);
  return CONDA_NON_PYTHON.has(n) || /^(?:lib|r-|cuda-|_)/.test(n);
}

// dependency-unused: an application declares a runtime dependency that none of its Python files or notebooks imports.
import { declaredName, dependencyScope, isLockLike, isTemplatedPath, looksFrozen, type ProjectKindSetting } from '../../dependency-scope.js';
import type { FileFacts } from '../../facts.js';
import { baseName, dirName } from '../../file-kinds.js';
import { normalizePackageName } from '../../parsers/manifest-types.js';
import { isCondaNonPython, isUsedWithoutImport, modulesOfDistribution } from '../../python/distributions.js';
import { defineProjectRule } from '../../rule.js';

const messages = {
  unused: "'{name}' is declared as a runtime dependency, but no Python file or notebook of the project imports '{module}': remove it, or move it to a dev group if it is a tool.",
} as const;

type Id = keyof typeof messages;

/** Below this share of Python files with facts (a run over a sub-folder), imports elsewhere are unknown: say nothing. */
const MIN_FACT_COVERAGE = 0.8;

export default defineProjectRule<Id>({
  id: 'dependency-unused',
  category: 'dependencies',
  defaultSeverity: 'info',
  status: 'stable',
  description: "Finds runtime dependencies of an application that no Python file or notebook of the project imports.",
  messages,
  references: [
    { title: 'Sculley et al., Hidden Technical Debt in Machine Learning Systems (NeurIPS 2015): underutilized dependencies' },
    { title: 'deptry: DEP002 unused dependencies', url: 'https://deptry.com/rules-violations/#unused-dependencies-dep002' },
  ],
  options: {
    projectKind: {
      type: 'string',
      default: 'auto',
      enum: ['auto', 'application', 'library'],
      description: 'auto: the dependencies of a pyproject.toml or setup.cfg that builds a package are a library\'s and not checked; application: check them too; library: check only requirements files, conda environments and Pipfiles that no library manifest reads.',
    },
    ignorePackages: {
      type: 'string[]',
      default: [],
      description: 'Distributions never to report (used through a plugin, a command line or a configuration file).',
    },
  },
  fileKinds: ['requirements', 'pyproject', 'conda-env', 'pipfile', 'setup-cfg'],
  scope: 'project',
  usesFacts: true,
  checkProject(ctx) {
    const scope = dependencyScope(ctx.project);
    const code = ctx.project.files.filter((f) => (f.kind === 'python' || f.kind === 'notebook') && !isTemplatedPath(f.path));
    const covered = code.filter((f) => ctx.facts.has(f.path)).length;
    if (code.length === 0 || covered < code.length * MIN_FACT_COVERAGE) return;
    const imported = importedModules(ctx.facts);
    const ignored = new Set((ctx.options.ignorePackages as readonly string[]).map(normalizePackageName));
    const kind = ctx.options.projectKind as ProjectKindSetting;
    const ownNames = new Set(scope.realManifests.flatMap((m) => (m.projectName === undefined ? [] : [normalizePackageName(m.projectName)])));
    for (const manifest of scope.realManifests) {
      if (isLockLike(manifest) || looksFrozen(manifest) || manifest.file.endsWith('.in') || !describesCodeHere(manifest.file, scope.codeDirs)) continue;
      const buildFile = manifest.kind === 'pyproject' || manifest.kind === 'setup-cfg';
      const library = kind === 'application' ? false : (kind === 'library' && buildFile) || scope.isLibraryManifest(manifest, 'auto');
      if (library) continue;
      for (const dep of manifest.dependencies) {
        if (dep.group !== 'runtime' || (dep.url !== undefined && !/^[a-z+]+:\/\//i.test(dep.url))) continue;
        const name = declaredName(dep, manifest);
        if (ignored.has(name) || ownNames.has(name) || isUsedWithoutImport(name)) continue;
        if (manifest.kind === 'conda-env' && isCondaNonPython(name)) continue;
        const modules = modulesOfDistribution(name);
        if (modules.some((m) => imported.has(m))) continue;
        ctx.report({
          messageId: 'unused',
          data: { name: dep.name, module: modules[0] ?? name },
          file: manifest.file,
          range: dep.range,
          subject: `package ${name}`,
        });
      }
    }
  },
});

/** Folders that conventionally hold a project's manifests away from its code. */
const MANIFEST_FOLDERS = /^(?:requirements|reqs|deps|dependencies|envs?|environments?|conda|docker|deploy(?:ment)?|ci|\.devcontainer|install|setup|configs?)$/i;

/**
 * A manifest in a folder with no Python below it declares the environment of code that is not in the repo
 * (a script folder that clones another project), unless the folder is where the project keeps its manifests.
 */
function describesCodeHere(file: string, codeDirs: ReadonlySet<string>): boolean {
  const dir = dirName(file);
  return dir === '' || codeDirs.has(dir) || MANIFEST_FOLDERS.test(baseName(dir));
}

/**
 * Every absolutely imported module of the project, with each of its dotted prefixes (`a.b.c` gives `a`, `a.b`,
 * `a.b.c`), and the names a `from` import takes from it, which may be submodules (`from google.cloud import storage`).
 */
function importedModules(facts: ReadonlyMap<string, FileFacts>): Set<string> {
  const modules = new Set<string>();
  for (const [path, fileFacts] of facts) {
    if (isTemplatedPath(path)) continue;
    for (const fact of fileFacts.imports) {
      if (fact.level > 0) continue;
      const parts = fact.module.split('.');
      for (let n = 1; n <= parts.length; n++) modules.add(parts.slice(0, n).join('.'));
      for (const name of fact.names) modules.add(`${fact.module}.${name}`);
    }
  }
  return modules;
}

// dependency-unpinned: an application's declared dependencies that let the installer pick whatever version is newest today.
import { dependencyScope, isTemplatedPath, type DependencyScope, type ProjectKindSetting } from '../../dependency-scope.js';
import { baseName, dirName, resolveRelative } from '../../file-kinds.js';
import type { DependencySpec, Manifest } from '../../parsers/manifest-types.js';
import { compareVersions, parseVersion } from '../../parsers/versions.js';
import { knownVersions, type KnownVersion, type ProjectModel } from '../../project.js';
import { defineRule, type RuleContext } from '../../rule.js';
import type { TextDocument } from '../../text.js';
import type { TextEdit } from '../../types.js';

const messages = {
  unpinned: "'{name}' is not pinned ({spec}): each install may get a different version. Pin it with =={example} or use a lockfile.",
  unpinnedKnown: "'{name}' is not pinned ({spec}), though {source} records version {version}: pin it to that version.",
  unpinnedNoLock: "'{name}' is not pinned ({spec}) and no lockfile covers this application's {file}: each install may differ. Commit a lock (uv lock, poetry lock, pdm lock) or pin it.",
  unpinnedConda: "'{name}' is not pinned to an exact version ({spec}): each environment build may differ. Pin it as {name}={example}.",
  unpinnedVcs: "'{name}' comes from a VCS URL without a commit: pin @<commit sha>.",
} as const;

type Id = keyof typeof messages;

/** Lockfiles that pin every dependency a pyproject.toml declares (PEP 751's `pylock.toml` included). */
const PYPROJECT_LOCK_RE = /^(?:poetry\.lock|uv\.lock|pdm\.lock|pylock(?:\.[^/]+)?\.toml)$/;

export default defineRule<Id>({
  id: 'dependency-unpinned',
  category: 'dependencies',
  defaultSeverity: 'warning',
  profileSeverity: { prototype: 'info' },
  status: 'stable',
  description: "Finds an application's dependencies (requirements files, conda environments, Pipfiles, pyproject.toml) that are not pinned to one version and not locked elsewhere.",
  messages,
  fix: 'safe',
  references: [
    { title: 'Sculley et al., Hidden Technical Debt in Machine Learning Systems (NeurIPS 2015): reproducibility debt' },
    { title: 'pip docs: Repeatable installs', url: 'https://pip.pypa.io/en/stable/topics/repeatable-installs/' },
    { title: 'Python Packaging User Guide: install_requires vs requirements files', url: 'https://packaging.python.org/en/latest/discussions/install-requires-vs-requirements/' },
  ],
  options: {
    projectKind: {
      type: 'string',
      default: 'auto',
      enum: ['auto', 'application', 'library'],
      description: 'auto: a pyproject.toml or setup.cfg that builds a package is a library, whose ranges are correct; application: pin everything; library: never report pyproject.toml, setup.cfg or requirements files.',
    },
  },
  fileKinds: ['requirements', 'conda-env', 'pipfile', 'pyproject', 'setup-cfg'],
  check(ctx) {
    const manifest = ctx.file.manifest;
    if (!manifest || manifest.generatedLock || isTemplatedPath(manifest.file)) return;
    // `.in` files are pip-compile inputs: loose by design, the compiled file is the pin.
    if (ctx.file.path.endsWith('.in')) return;
    const scope = dependencyScope(ctx.project);
    const kind = ctx.options.projectKind as ProjectKindSetting;
    if (manifest.kind !== 'conda-env' && manifest.kind !== 'pipfile' && scope.isLibraryManifest(manifest, kind)) return;
    if (manifest.kind === 'pipfile' && ctx.project.locks.some((l) => l.tool === 'pipenv' && dirName(l.file) === dirName(manifest.file))) return;
    if ((manifest.kind === 'pyproject' || manifest.kind === 'setup-cfg') && hasPyprojectLock(ctx.project, manifest.file)) return;
    const constrained = constrainedNames(manifest, ctx.project);
    for (const dep of manifest.dependencies) {
      if (dep.pinned || constrained.has(dep.normalizedName)) continue;
      if (manifest.kind === 'conda-env' && isCondaBookkeeping(dep)) continue;
      report(ctx, scope, manifest, dep);
    }
  },
});

/** A lock in the pyproject's folder, or above it (a uv workspace locks its members in the root `uv.lock`). */
function hasPyprojectLock(project: ProjectModel, file: string): boolean {
  const dir = dirName(file);
  return project.files.some((f) => {
    const d = dirName(f.path);
    return PYPROJECT_LOCK_RE.test(baseName(f.path)) && (d === dir || d === '' || dir.startsWith(`${d}/`));
  });
}

function report(ctx: RuleContext<Id>, scope: DependencyScope, manifest: Manifest, dep: DependencySpec): void {
  const dev = dep.group !== 'runtime';
  const common = { range: dep.range, subject: `package ${dep.normalizedName}`, ...(dev ? { maxSeverity: 'info' as const } : {}) };
  if (dep.url !== undefined) {
    if (/^(git|hg|svn|bzr)\+/.test(dep.url) || /\.git(@|$)/.test(dep.url)) ctx.report({ messageId: 'unpinnedVcs', data: { name: dep.name }, ...common });
    // Local paths and plain archive URLs are left alone: the first is part of the repo, the second names one file.
    return;
  }
  const spec = dep.specifier === '' || dep.specifier === '*' ? 'no version given' : dep.specifier;
  // Only versions recorded by the same sub-project count: a script folder's old pin is no advice for another folder.
  const unit = scope.unitOf(manifest.file);
  const versions = uniqueVersions(knownVersions(ctx.project, dep.name, manifest.file).filter((v) => scope.unitOf(v.source) === unit));
  if (manifest.kind === 'conda-env') {
    ctx.report({ messageId: 'unpinnedConda', data: { name: dep.name, spec, example: versions[0]?.version ?? '<version>' }, ...common });
    return;
  }
  const only = versions.length === 1 ? versions[0] : undefined;
  if (only && manifest.kind !== 'pipfile' && satisfiesSimply(dep.specifier, only.version)) {
    ctx.report({
      messageId: 'unpinnedKnown',
      data: { name: dep.name, spec, source: only.source, version: only.version },
      ...common,
      fix: { description: `Pin ${dep.name}==${only.version} (as ${only.source} records)`, safety: 'safe', edits: [pinEdit(dep, only.version, ctx.file.doc)] },
    });
    return;
  }
  const messageId = manifest.kind === 'pyproject' || manifest.kind === 'setup-cfg' ? 'unpinnedNoLock' : 'unpinned';
  ctx.report({ messageId, data: { name: dep.name, spec, example: '<version>', file: baseName(manifest.file) }, ...common });
}

/** Names pinned by a `-c constraints.txt` the file includes: pip installs exactly those versions. */
function constrainedNames(manifest: Manifest, project: ProjectModel): Set<string> {
  const names = new Set<string>();
  for (const include of manifest.includes) {
    if (include.kind !== 'constraints') continue;
    const target = resolveRelative(dirName(manifest.file), include.path);
    const constraints = project.manifests.find((m) => m.file === target);
    for (const dep of constraints?.dependencies ?? []) if (dep.pinned) names.add(dep.normalizedName);
  }
  return names;
}

/** conda environments list `python` and `pip` as tools of the environment; a major.minor pin is normal for them. */
function isCondaBookkeeping(dep: DependencySpec): boolean {
  if (dep.normalizedName === 'pip') return true;
  return dep.normalizedName === 'python' && dep.specifier !== '';
}

function uniqueVersions(found: readonly KnownVersion[]): KnownVersion[] {
  const seen = new Map<string, KnownVersion>();
  for (const f of found) if (!seen.has(f.version)) seen.set(f.version, f);
  return [...seen.values()];
}

/**
 * The fix must not change which versions are allowed in a way the author ruled out: only offer it when
 * the current specifier is empty or a plain lower bound the known version meets.
 */
function satisfiesSimply(specifier: string, version: string): boolean {
  const spec = specifier.replace(/\s+/g, '');
  if (spec === '') return true;
  const lower = parseVersion(/^>=([\d.]+)$/.exec(spec)?.[1] ?? '');
  const known = parseVersion(version);
  return lower !== undefined && known !== undefined && compareVersions(known, lower) >= 0;
}

function pinEdit(dep: DependencySpec, version: string, doc: TextDocument): TextEdit {
  if (dep.specifierRange) return { range: dep.specifierRange, newText: `==${version}` };
  // No specifier written: insert right after the name, or after its `[extras]`.
  let at = dep.nameRange.end;
  const line = doc.lineText(at.line);
  if (line[at.column] === '[') {
    const close = line.indexOf(']', at.column);
    if (close !== -1) at = { line: at.line, column: close + 1 };
  }
  return { range: { start: at, end: at }, newText: `==${version}` };
}

// dependency-unpinned: requirements and conda environments that let the installer pick whatever version is newest today.
import { dirName } from '../../file-kinds.js';
import type { DependencySpec, Manifest } from '../../parsers/manifest-types.js';
import { knownVersions, type ProjectModel } from '../../project.js';
import { defineRule, type RuleContext } from '../../rule.js';
import type { TextDocument } from '../../text.js';
import type { TextEdit } from '../../types.js';

const messages = {
  unpinned: "'{name}' is not pinned ({spec}): each install may get a different version. Pin it with =={example} or use a lockfile.",
  unpinnedKnown: "'{name}' is not pinned ({spec}), though {source} records version {version}: pin it to that version.",
  unpinnedConda: "'{name}' is not pinned to an exact version ({spec}): each environment build may differ. Pin it as {name}={example}.",
  unpinnedVcs: "'{name}' comes from a VCS URL without a commit: pin @<commit sha>.",
} as const;

type Id = keyof typeof messages;

export default defineRule<Id>({
  id: 'dependency-unpinned',
  category: 'dependencies',
  defaultSeverity: 'warning',
  profileSeverity: { prototype: 'info' },
  status: 'stable',
  description: 'Finds dependencies in requirements files and conda environments that are not pinned to one version and are not locked elsewhere.',
  messages,
  fix: 'safe',
  references: [
    { title: 'Sculley et al., Hidden Technical Debt in Machine Learning Systems (NeurIPS 2015): reproducibility debt' },
    { title: 'pip docs: Repeatable installs', url: 'https://pip.pypa.io/en/stable/topics/repeatable-installs/' },
  ],
  fileKinds: ['requirements', 'conda-env', 'pipfile'],
  check(ctx) {
    const manifest = ctx.file.manifest;
    if (!manifest || manifest.generatedLock) return;
    // `.in` files are pip-compile inputs: loose by design, the compiled file is the pin.
    if (ctx.file.path.endsWith('.in')) return;
    if (manifest.kind === 'pipfile' && ctx.project.locks.some((l) => l.tool === 'pipenv' && dirName(l.file) === dirName(manifest.file))) return;
    const constrained = constrainedNames(manifest, ctx.project);
    for (const dep of manifest.dependencies) {
      if (dep.pinned || constrained.has(dep.normalizedName)) continue;
      if (manifest.kind === 'conda-env' && isCondaBookkeeping(dep)) continue;
      report(ctx, manifest, dep);
    }
  },
});

function report(ctx: RuleContext<Id>, manifest: Manifest, dep: DependencySpec): void {
  const dev = dep.group !== 'runtime';
  const common = { range: dep.range, subject: `package ${dep.normalizedName}`, ...(dev ? { maxSeverity: 'info' as const } : {}) };
  if (dep.url !== undefined) {
    if (/^(git|hg|svn|bzr)\+/.test(dep.url) || /\.git(@|$)/.test(dep.url)) ctx.report({ messageId: 'unpinnedVcs', data: { name: dep.name }, ...common });
    // Local paths and plain archive URLs are left alone: the first is part of the repo, the second names one file.
    return;
  }
  const spec = dep.specifier === '' ? 'no version given' : dep.specifier;
  const versions = uniqueVersions(knownVersions(ctx.project, dep.name, manifest.file));
  if (manifest.kind === 'conda-env') {
    ctx.report({ messageId: 'unpinnedConda', data: { name: dep.name, spec, example: versions[0]?.version ?? '<version>' }, ...common });
    return;
  }
  const only = versions.length === 1 ? versions[0] : undefined;
  if (only && manifest.kind === 'requirements' && satisfiesSimply(dep.specifier, only.version)) {
    ctx.report({
      messageId: 'unpinnedKnown',
      data: { name: dep.name, spec, source: only.source, version: only.version },
      ...common,
      fix: { description: `Pin ${dep.name}==${only.version} (as ${only.source} records)`, safety: 'safe', edits: [pinEdit(dep, only.version, ctx.file.doc)] },
    });
    return;
  }
  ctx.report({ messageId: 'unpinned', data: { name: dep.name, spec, example: '<version>' }, ...common });
}

/** Names pinned by a `-c constraints.txt` the file includes: pip installs exactly those versions. */
function constrainedNames(manifest: Manifest, project: ProjectModel): Set<string> {
  const names = new Set<string>();
  const dir = dirName(manifest.file);
  for (const include of manifest.includes) {
    if (include.kind !== 'constraints') continue;
    const target = normalize(dir === '' ? include.path : `${dir}/${include.path}`);
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

function uniqueVersions(found: readonly { version: string; source: string }[]): { version: string; source: string }[] {
  const seen = new Map<string, { version: string; source: string }>();
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
  const lower = /^>=([\d.]+)$/.exec(spec)?.[1];
  return lower !== undefined && compareVersions(version, lower) >= 0;
}

function compareVersions(a: string, b: string): number {
  const pa = a.split('.').map((n) => parseInt(n, 10) || 0);
  const pb = b.split('.').map((n) => parseInt(n, 10) || 0);
  for (let i = 0; i < Math.max(pa.length, pb.length); i++) {
    const d = (pa[i] ?? 0) - (pb[i] ?? 0);
    if (d !== 0) return d;
  }
  return 0;
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

function normalize(path: string): string {
  const out: string[] = [];
  for (const part of path.split('/')) {
    if (part === '..') out.pop();
    else if (part !== '.' && part !== '') out.push(part);
  }
  return out.join('/');
}

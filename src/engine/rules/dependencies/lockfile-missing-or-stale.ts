// lockfile-missing-or-stale: a Poetry, uv, PDM or Pipenv application without its lockfile, or a lockfile older than its manifest.
import { dependencyScope, isTemplatedPath, type ProjectKindSetting } from '../../dependency-scope.js';
import { baseName, dirName } from '../../file-kinds.js';
import { pipfileHashes, poetryContentHashes } from '../../parsers/lock-hash.js';
import type { DependencySpec, LockedVersions, Manifest } from '../../parsers/manifest-types.js';
import { parseTomlTree, tomlGet, type TomlEntry } from '../../parsers/pyproject.js';
import type { ProjectModel } from '../../project.js';
import { defineRule, type RuleContext } from '../../rule.js';
import type { Range } from '../../types.js';

const messages = {
  missing: 'Dependencies are managed with {tool}, but no {lock} is committed for this application: every install resolves versions anew. Run `{command}` and commit {lock}.',
  untracked: '{lock} exists but Git does not track it: commit it so that every checkout installs the same versions.',
  staleHash: '{lock} no longer matches this file: its recorded hash is of an older {manifest}. Run `{command}` and commit the result.',
  staleMissing: "'{name}' is declared here but {lock} has no package for it: the lock is out of date. Run `{command}` and commit the result.",
} as const;

type Id = keyof typeof messages;
type Tool = 'poetry' | 'uv' | 'pdm' | 'pipenv';

const LOCK_OF: Readonly<Record<Tool, { lock: string; command: string; name: string }>> = {
  poetry: { lock: 'poetry.lock', command: 'poetry lock', name: 'Poetry' },
  uv: { lock: 'uv.lock', command: 'uv lock', name: 'uv' },
  pdm: { lock: 'pdm.lock', command: 'pdm lock', name: 'PDM' },
  pipenv: { lock: 'Pipfile.lock', command: 'pipenv lock', name: 'Pipenv' },
};

/** Any of these beside (or, for uv workspaces, above) the manifest pins its dependencies. */
const ANY_LOCK_RE = /^(?:poetry\.lock|uv\.lock|pdm\.lock|Pipfile\.lock|pylock(?:\.[^/]+)?\.toml)$/;

export default defineRule<Id>({
  id: 'lockfile-missing-or-stale',
  category: 'dependencies',
  defaultSeverity: 'warning',
  profileSeverity: { prototype: 'info' },
  status: 'stable',
  description: 'Finds Poetry, uv, PDM and Pipenv applications without a committed lockfile, and lockfiles that no longer match their manifest.',
  messages,
  references: [
    { title: 'Sculley et al., Hidden Technical Debt in Machine Learning Systems (NeurIPS 2015): reproducibility debt' },
    { title: 'Poetry docs: committing your poetry.lock file to version control', url: 'https://python-poetry.org/docs/basic-usage/#committing-your-poetrylock-file-to-version-control' },
    { title: 'uv docs: locking and syncing', url: 'https://docs.astral.sh/uv/concepts/projects/sync/' },
    { title: 'Pipenv docs: Pipfile.lock', url: 'https://pipenv.pypa.io/en/latest/pipfile.html' },
  ],
  options: {
    projectKind: {
      type: 'string',
      default: 'auto',
      enum: ['auto', 'application', 'library'],
      description: 'auto: a pyproject.toml that builds a package is a library and need not commit a lock; application: always ask for one; library: never ask (stale locks are still reported).',
    },
  },
  fileKinds: ['pyproject', 'pipfile'],
  check(ctx) {
    const manifest = ctx.file.manifest;
    if (!manifest || isTemplatedPath(manifest.file)) return;
    const tool = toolOf(manifest);
    if (!tool) return;
    const parsed = parseTomlTree(ctx.file.doc);
    if ('problem' in parsed) return;
    const anchor = anchorRange(ctx, parsed.root, tool, manifest);
    const { lock, command } = LOCK_OF[tool];
    const dir = dirName(manifest.file);
    const lockPath = dir === '' ? lock : `${dir}/${lock}`;
    const locked = ctx.project.locks.find((l) => l.file === lockPath) ?? (tool === 'uv' ? workspaceLock(ctx.project, dir) : undefined);
    if (locked) {
      checkStale(ctx, manifest, tool, locked, anchor);
      const tracked = ctx.project.git?.tracked;
      if (tracked && !tracked.has(locked.file) && isApplication(ctx, manifest)) ctx.report({ messageId: 'untracked', data: { lock: locked.file }, range: anchor, subject: `lockfile ${locked.file}` });
      return;
    }
    if (!isApplication(ctx, manifest) || manifest.dependencies.length === 0 || anyLockCovers(ctx.project, dir)) return;
    ctx.report({ messageId: 'missing', data: { tool: LOCK_OF[tool].name, lock, command }, range: anchor, subject: `lockfile ${lockPath}` });
  },
});

/** The tool that manages the manifest's dependencies. A pyproject only says so through its `[tool.*]` table or build backend. */
function toolOf(manifest: Manifest): Tool | undefined {
  if (manifest.kind === 'pipfile') return 'pipenv';
  if (manifest.kind !== 'pyproject') return undefined;
  for (const tool of ['poetry', 'uv', 'pdm'] as const) if (manifest.tools.includes(tool)) return tool;
  return undefined;
}

function isApplication(ctx: RuleContext<Id>, manifest: Manifest): boolean {
  if (manifest.kind === 'pipfile') return ctx.options.projectKind !== 'library';
  return !dependencyScope(ctx.project).isLibraryManifest(manifest, ctx.options.projectKind as ProjectKindSetting);
}

/** uv locks a workspace in one `uv.lock` at its root, above the members' pyproject.toml files. */
function workspaceLock(project: ProjectModel, dir: string): LockedVersions | undefined {
  return project.locks.find((l) => l.tool === 'uv' && (dirName(l.file) === '' || dir.startsWith(`${dirName(l.file)}/`)));
}

function anyLockCovers(project: ProjectModel, dir: string): boolean {
  return project.files.some((f) => ANY_LOCK_RE.test(baseName(f.path)) && (dirName(f.path) === dir || dir.startsWith(`${dirName(f.path)}/`) || dirName(f.path) === ''));
}

/** Staleness that can be proven: a recorded hash that none of the tool's hashing schemes reproduces, or a declared package the lock lacks. */
function checkStale(ctx: RuleContext<Id>, manifest: Manifest, tool: Tool, locked: LockedVersions, anchor: Range): void {
  const { command } = LOCK_OF[tool];
  const lock = locked.file;
  const missing = manifest.dependencies.find((d) => isLockable(d, manifest) && !locked.versions.has(d.normalizedName));
  let hashes: string[] | undefined;
  if (locked.contentHash !== undefined && (tool === 'poetry' || tool === 'pipenv') && locked.tool === tool) {
    hashes = tool === 'poetry' ? poetryContentHashes(ctx.file.text) : pipfileHashes(ctx.file.text);
  }
  const hashStale = hashes !== undefined && locked.contentHash !== undefined && !hashes.includes(locked.contentHash);
  if (missing) {
    ctx.report({ messageId: 'staleMissing', data: { name: missing.name, lock, command }, range: missing.range, subject: `lockfile ${lock}` });
  } else if (hashStale) {
    ctx.report({ messageId: 'staleHash', data: { lock, manifest: baseName(manifest.file), command }, range: anchor, subject: `lockfile ${lock}` });
  }
}

/**
 * Runtime dependencies every lock records whatever the platform: no environment marker (a lock may leave out what
 * its Python range excludes), no URL or path (locks may record those without a version), not the project itself.
 */
function isLockable(dep: DependencySpec, manifest: Manifest): boolean {
  if (dep.group !== 'runtime' || dep.marker !== undefined || dep.url !== undefined) return false;
  return manifest.projectName === undefined || dep.normalizedName !== manifest.projectName.toLowerCase().replace(/[-_.]+/g, '-');
}

/** The header that names the tool (`[tool.poetry]`, `[packages]`), else the first dependency, else the first line. */
function anchorRange(ctx: RuleContext<Id>, root: TomlEntry, tool: Tool, manifest: Manifest): Range {
  const doc = ctx.file.doc;
  const candidates = tool === 'pipenv'
    ? [tomlGet(root, 'packages'), tomlGet(root, 'dev-packages')]
    : [tomlGet(root, 'tool', tool), tomlGet(root, 'project', 'dependencies'), tomlGet(root, 'project')];
  for (const entry of candidates) {
    const start = entry?.range?.[0] ?? [...entry?.children.values() ?? []].find((c) => c.range)?.range?.[0];
    if (start !== undefined) return doc.lineRange(doc.positionAt(start).line);
  }
  return manifest.dependencies[0]?.range ?? doc.lineRange(0);
}

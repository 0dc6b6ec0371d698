// dependency-sources-conflict: two manifests of one project that cannot both be satisfied for a package.
import { declaredName, dependencyScope, isLockLike } from '../../dependency-scope.js';
import type { DependencySpec, Manifest } from '../../parsers/manifest-types.js';
import { satisfiesConda, satisfiesPep440, satisfiesPoetry } from '../../parsers/versions.js';
import { defineProjectRule } from '../../rule.js';
import type { RelatedLocation } from '../../types.js';

const messages = {
  pinsDiffer: "'{name}' is pinned to {version} here but to {otherVersion} in {other}: environments built from the two files differ. Make them agree, or generate one from the other.",
  excluded: "'{name}' is pinned to {version} in {other}, which this file's '{spec}' excludes: the two manifests cannot both be installed. Make them agree, or generate one from the other.",
  excludesHere: "'{name}' is pinned to {version} here, which {other} excludes with '{otherSpec}': the two manifests cannot both be installed. Make them agree, or generate one from the other.",
} as const;

type Id = keyof typeof messages;

interface Entry {
  readonly manifest: Manifest;
  readonly dep: DependencySpec;
}

export default defineProjectRule<Id>({
  id: 'dependency-sources-conflict',
  category: 'dependencies',
  defaultSeverity: 'warning',
  status: 'stable',
  description: 'Finds a package that two manifests of the same project pin to different versions, or that one pins to a version another excludes.',
  messages,
  references: [
    { title: 'Sculley et al., Hidden Technical Debt in Machine Learning Systems (NeurIPS 2015): configuration debt' },
    { title: 'mllint: dependency-management/single (one source of dependencies)', url: 'https://bvobart.github.io/mllint/docs/categories/dependency-management/' },
  ],
  fileKinds: ['requirements', 'pyproject', 'conda-env', 'pipfile', 'setup-cfg'],
  scope: 'project',
  usesFacts: false,
  checkProject(ctx) {
    const scope = dependencyScope(ctx.project);
    // name -> entries, per sub-project: folders with their own pyproject.toml (or setup.py, Pipfile, or a manifest beside code) are separate projects.
    const byUnit = new Map<string, Map<string, Entry[]>>();
    for (const manifest of scope.realManifests) {
      // A lock generated from another manifest is that manifest's lock: its drift is staleness, not a second source.
      if (isLockLike(manifest)) continue;
      const unit = scope.unitOf(manifest.file);
      const names = byUnit.get(unit) ?? new Map<string, Entry[]>();
      byUnit.set(unit, names);
      for (const dep of manifest.dependencies) {
        if (dep.marker !== undefined || dep.url !== undefined || dep.specifier.trim() === '' || dep.specifier.trim() === '*') continue;
        const name = declaredName(dep, manifest);
        names.set(name, [...(names.get(name) ?? []), { manifest, dep }]);
      }
    }
    for (const names of byUnit.values()) {
      for (const [name, entries] of names) {
        const sorted = [...entries].sort((a, b) => (a.manifest.file < b.manifest.file ? -1 : a.manifest.file > b.manifest.file ? 1 : 0));
        for (let j = 1; j < sorted.length; j++) {
          const here = sorted[j];
          if (!here) continue;
          const clashes = sorted.slice(0, j).filter((e) => e.manifest.file !== here.manifest.file && conflict(e, here));
          const first = clashes[0];
          if (!first) continue;
          const related: RelatedLocation[] = clashes.map((e) => ({ file: e.manifest.file, range: e.dep.range, message: `${name} ${e.dep.specifier} in ${e.manifest.file}` }));
          const base = { file: here.manifest.file, range: here.dep.range, subject: `package ${name}`, related };
          const data = { name: here.dep.name, other: first.manifest.file, spec: here.dep.specifier, otherSpec: first.dep.specifier };
          if (here.dep.pinnedVersion !== undefined && first.dep.pinnedVersion !== undefined) {
            ctx.report({ ...base, messageId: 'pinsDiffer', data: { ...data, version: here.dep.pinnedVersion, otherVersion: first.dep.pinnedVersion } });
          } else if (first.dep.pinnedVersion !== undefined) {
            ctx.report({ ...base, messageId: 'excluded', data: { ...data, version: first.dep.pinnedVersion } });
          } else {
            ctx.report({ ...base, messageId: 'excludesHere', data: { ...data, version: here.dep.pinnedVersion ?? '' } });
          }
        }
      }
    }
  },
});

/** Whether an exact version meets an entry's constraint in its manifest's own syntax; undefined when unreadable. */
function allows(entry: Entry, version: string): boolean | undefined {
  const spec = entry.dep.specifier;
  switch (entry.manifest.kind) {
    case 'conda-env':
      return satisfiesConda(version, spec);
    case 'pyproject':
    case 'pipfile':
      return satisfiesPoetry(version, spec);
    default:
      return satisfiesPep440(version, spec);
  }
}

/**
 * Two entries conflict when no version both allow can be named: an exact pin the other excludes, or two exact pins
 * neither of which meets both (`==1.12.1` and `==1.12.1+cu113` agree). Ranges against ranges are not judged.
 */
function conflict(a: Entry, b: Entry): boolean {
  const candidates = [a.dep.pinnedVersion, b.dep.pinnedVersion].filter((v): v is string => v !== undefined);
  if (candidates.length === 0) return false;
  let judged = false;
  for (const v of candidates) {
    const inA = allows(a, v);
    const inB = allows(b, v);
    if (inA === undefined || inB === undefined) return false;
    if (inA && inB) return false;
    judged = true;
  }
  return judged;
}

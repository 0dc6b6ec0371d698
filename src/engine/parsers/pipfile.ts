// Parses a Pipenv Pipfile ([packages] and [dev-packages]) into a Manifest with exact source ranges.
import type { TextDocument } from '../text.js';
import type { DependencySpec, Manifest, ParseProblem } from './manifest-types.js';
import type { DependencyContext } from './requirements.js';
import { parseTomlTree, tableDependency, tomlGet, tomlRange, type TomlEntry } from './pyproject.js';

function addSection(section: TomlEntry | undefined, ctx: DependencyContext, doc: TextDocument, deps: DependencySpec[], problems: ParseProblem[]): void {
  for (const [name, entry] of section?.children ?? []) {
    const node = entry.node;
    const isString = node?.type === 'TOMLValue' && node.kind === 'string';
    if (!isString && node?.type !== 'TOMLInlineTable' && !(node === undefined && entry.children.size > 0)) {
      problems.push({ message: `Expected a version string or a table for ${name}.`, range: tomlRange(doc, entry.range ?? [0, 0]) });
      continue;
    }
    // `{path = ".", editable = true}` installs the project itself; tableDependency leaves it out.
    const dep = tableDependency(name, entry, doc, ctx, 'pipenv');
    if (dep) deps.push(dep);
  }
}

/**
 * Parses a Pipfile. `[packages]` are runtime dependencies and `[dev-packages]` dev ones; a version of `"*"` is unpinned.
 * A TOML syntax error yields no dependencies and one problem; never throws.
 */
export function parsePipfile(file: string, doc: TextDocument): Manifest {
  const parsed = parseTomlTree(doc);
  const base = { kind: 'pipfile', file, includes: [], tools: ['pipenv'], buildsPackage: false, generatedLock: false } as const;
  if ('problem' in parsed) return { ...base, dependencies: [], problems: [parsed.problem] };
  const dependencies: DependencySpec[] = [];
  const problems: ParseProblem[] = [];
  addSection(tomlGet(parsed.root, 'packages'), { group: 'runtime' }, doc, dependencies, problems);
  addSection(tomlGet(parsed.root, 'dev-packages'), { group: 'dev', groupName: 'dev-packages' }, doc, dependencies, problems);
  return { ...base, dependencies, problems };
}

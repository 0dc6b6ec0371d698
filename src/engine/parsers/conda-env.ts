// Parses a conda environment.yml (conda specs and the nested `pip:` list) into a Manifest with exact source ranges.
import { isMap, isNode, isScalar, isSeq, parseDocument, type Scalar } from 'yaml';
import type { TextDocument } from '../text.js';
import { normalizePackageName, type DependencySpec, type Manifest, type ManifestTool } from './manifest-types.js';
import {
  fixedMap,
  groupFromPath,
  linearMap,
  parseRequirementLine,
  type OffsetMap,
  type RequirementSink,
} from './requirements.js';

type NodeRange = readonly [number, number, number];

/** Maps a YAML scalar's value to the document when it is written plainly or quoted without escapes. */
export function yamlScalarMap(node: { range?: NodeRange | null }, value: string, doc: TextDocument): OffsetMap {
  const [start, end] = node.range ?? [0, 0];
  const raw = doc.text.slice(start, end);
  if (raw === value) return linearMap(start);
  if (raw.slice(1, -1) === value && /^["']/.test(raw)) return linearMap(start + 1);
  return fixedMap(start, end);
}

/** A yaml error message without its position and code frame, which the problem's range already carries. */
export const yamlErrorMessage = (message: string): string => (message.split('\n')[0] ?? message).replace(/ at line \d+, column \d+:?$/, '');

/** The `[start, end)` offsets of a yaml node, or of the document start for anything else. */
export function yamlNodeOffsets(node: unknown): [number, number] {
  const range = isNode(node) ? node.range : undefined;
  return range ? [range[0], range[1]] : [0, 0];
}

const CONDA_NAME_RE = /[A-Za-z0-9_][A-Za-z0-9_.-]*/y;

/**
 * The exact version a conda match spec allows, if any. `==1.2.3`, `1.2.3` (space form) and `=1.2.3=build` are exact.
 * `=1.26` is a prefix match in conda, so a single `=` counts as exact only for a full `major.minor.patch` version.
 */
export function condaPinnedVersion(spec: string): string | undefined {
  const s = spec.trim();
  if (s.includes('*') || /[<>,|!~]/.test(s)) return undefined;
  const exact = /^==\s*([^\s=]+)(?:=\S+)?$/.exec(s) ?? /^([^\s=]+)(?:\s+\S+)?$/.exec(s);
  if (exact?.[1] !== undefined) return exact[1];
  const prefix = /^=\s*([^\s=]+)(=\S+)?$/.exec(s);
  if (prefix?.[1] === undefined) return undefined;
  return prefix[2] !== undefined || prefix[1].split('.').length >= 3 ? prefix[1] : undefined;
}

function condaDependency(node: Scalar, text: string, doc: TextDocument, sink: RequirementSink): void {
  const map = yamlScalarMap(node, text, doc);
  const channel = text.indexOf('::');
  const nameStart = channel === -1 ? text.length - text.trimStart().length : channel + 2;
  CONDA_NAME_RE.lastIndex = nameStart;
  const name = CONDA_NAME_RE.exec(text)?.[0];
  if (name === undefined) {
    sink.problems.push({ message: `Not a conda package spec: ${text}`, range: doc.rangeOf(map.start(0), map.end(text.length)) });
    return;
  }
  const nameEnd = nameStart + name.length;
  const specStart = nameEnd + (text.slice(nameEnd).length - text.slice(nameEnd).trimStart().length);
  const specEnd = text.trimEnd().length;
  const specifier = text.slice(specStart, specEnd);
  const pinnedVersion = condaPinnedVersion(specifier);
  const range = (s: number, e: number) => doc.rangeOf(map.start(s), map.end(e));
  const dep: DependencySpec = {
    name, normalizedName: normalizePackageName(name), specifier, extras: [], pinned: pinnedVersion !== undefined, pinnedVersion,
    group: sink.group, groupName: sink.groupName, hashed: false,
    range: range(0, specEnd), nameRange: range(nameStart, nameEnd), specifierRange: specifier === '' ? undefined : range(specStart, specEnd),
  };
  sink.dependencies.push(dep);
}

/**
 * Parses a conda environment file. Conda specs and `pip:` entries (read like requirements lines, so `-r` and
 * `--extra-index-url` work as they do for conda) become dependencies; YAML errors become problems. Never throws.
 */
export function parseCondaEnvironment(file: string, doc: TextDocument): Manifest {
  const sink: RequirementSink = { doc, ...groupFromPath(file), dependencies: [], includes: [], problems: [] };
  const tools: ManifestTool[] = ['conda'];
  const result = (): Manifest => ({
    kind: 'conda-env', file, dependencies: sink.dependencies, includes: sink.includes, problems: sink.problems,
    tools, buildsPackage: false, generatedLock: false,
  });
  const yamlDoc = parseDocument(doc.text, { uniqueKeys: false });
  for (const error of yamlDoc.errors) {
    sink.problems.push({ message: `YAML error: ${yamlErrorMessage(error.message)}`, range: doc.rangeOf(error.pos[0], error.pos[1]) });
  }
  const root = yamlDoc.contents;
  if (!isMap(root)) return result();
  const list = root.get('dependencies', true);
  if (list === undefined || (isScalar(list) && list.value === null)) return result();
  if (!isSeq(list)) {
    const [s, e] = yamlNodeOffsets(list);
    sink.problems.push({ message: '`dependencies` should be a list.', range: doc.rangeOf(s, e) });
    return result();
  }
  for (const item of list.items) {
    if (isScalar(item) && (typeof item.value === 'string' || typeof item.value === 'number')) {
      condaDependency(item, String(item.value), doc, sink);
      continue;
    }
    const pipList = isMap(item) ? item.get('pip', true) : undefined;
    if (isMap(item) && item.items.length === 1 && isSeq(pipList)) {
      if (!tools.includes('pip')) tools.push('pip');
      for (const pipItem of pipList.items) {
        if (isScalar(pipItem) && typeof pipItem.value === 'string') {
          parseRequirementLine(pipItem.value, yamlScalarMap(pipItem, pipItem.value, doc), sink);
        } else {
          const [s, e] = yamlNodeOffsets(pipItem);
          sink.problems.push({ message: 'Expected a pip requirement string.', range: doc.rangeOf(s, e) });
        }
      }
      continue;
    }
    const [s, e] = yamlNodeOffsets(item);
    sink.problems.push({ message: 'Expected a conda package spec or a `pip:` list.', range: doc.rangeOf(s, e) });
  }
  return result();
}

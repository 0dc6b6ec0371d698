// Parses pip requirements files and PEP 508 requirement strings into dependency specs with exact source ranges.
import type { TextDocument } from '../text.js';
import { normalizePackageName, type DependencyGroup, type DependencySpec, type Manifest, type ManifestInclude, type ParseProblem } from './manifest-types.js';

/** A PEP 508 requirement split into its parts. Offsets are relative to the parsed text. */
export interface ParsedRequirement {
  readonly name: string;
  readonly extras: readonly string[];
  /** The version constraint as written (without parentheses), or `''`. */
  readonly specifier: string;
  readonly marker?: string;
  readonly url?: string;
  readonly pinned: boolean;
  readonly pinnedVersion?: string;
  readonly nameStart: number;
  readonly nameEnd: number;
  readonly specStart?: number;
  readonly specEnd?: number;
  /** The requirement without surrounding whitespace. */
  readonly start: number;
  readonly end: number;
}

/** Maps offsets in a parsed string to document offsets: `start(i)` for a range start, `end(i)` for an exclusive end. */
export interface OffsetMap {
  start(i: number): number;
  end(i: number): number;
}

/** For text copied verbatim from the document at `base`. */
export function linearMap(base: number): OffsetMap {
  return { start: (i) => base + i, end: (i) => base + i };
}

/** For text whose characters cannot be traced (escaped strings): every range becomes the whole node. */
export function fixedMap(start: number, end: number): OffsetMap {
  return { start: () => start, end: () => end };
}

function shiftMap(map: OffsetMap, by: number): OffsetMap {
  return { start: (i) => map.start(i + by), end: (i) => map.end(i + by) };
}

const NAME_RE = /[A-Za-z0-9](?:[A-Za-z0-9._-]*[A-Za-z0-9])?/y;
const OP_RE = /(===|~=|==|!=|<=|>=|<|>)\s*/y;
const VERSION_RE = /[^\s,;()]+/y;
const WS_RE = /\s*/y;

function skipWs(text: string, i: number): number {
  WS_RE.lastIndex = i;
  WS_RE.exec(text);
  return WS_RE.lastIndex;
}

function matchAt(re: RegExp, text: string, i: number): string | undefined {
  re.lastIndex = i;
  return re.exec(text)?.[0];
}

interface Clauses { readonly pinnedVersion?: string; readonly start: number; readonly end: number; readonly next: number }

/** Reads `op version (, op version)*` from `i`; undefined when there is no clause or a clause is malformed. */
function readClauses(text: string, i: number): Clauses | undefined {
  const start = i;
  let pinnedVersion: string | undefined;
  let end = i;
  for (;;) {
    const op = matchAt(OP_RE, text, i);
    if (op === undefined) return undefined;
    const version = matchAt(VERSION_RE, text, i + op.length);
    if (version === undefined) return undefined;
    const exact = op.startsWith('===');
    // `${VAR}` is expanded by pip at install time, so the version is unknown here but not malformed.
    if (!exact && !/^[A-Za-z0-9._*+!-]+$/.test(version) && !version.includes('${')) return undefined;
    const literal = !version.includes('${') && (exact || (op.startsWith('==') && !version.includes('*')));
    if (literal) pinnedVersion ??= version;
    end = i + op.length + version.length;
    const after = skipWs(text, end);
    if (text[after] !== ',') return { pinnedVersion, start, end, next: after };
    i = skipWs(text, after + 1);
  }
}

/** Whether a bare specifier such as `==1.2`, `>=1,<2` or `*` allows exactly one version; undefined when malformed. */
export function analyzeSpecifier(spec: string): { pinned: boolean; pinnedVersion?: string } | undefined {
  const text = spec.trim();
  if (text === '' || text === '*') return { pinned: false };
  const clauses = readClauses(text, 0);
  if (clauses?.next !== text.length) return undefined;
  return { pinned: clauses.pinnedVersion !== undefined, pinnedVersion: clauses.pinnedVersion };
}

/** A git/hg commit id: 40 hex digits (64 for SHA-256 repositories). */
export function isCommitSha(ref: string): boolean {
  return /^(?:[0-9a-f]{40}|[0-9a-f]{64})$/i.test(ref);
}

/** The `@ref` of a VCS URL, telling it apart from the `user@` of the host part. */
export function vcsRef(url: string): string | undefined {
  const noFragment = url.split('#')[0] ?? '';
  const scheme = noFragment.indexOf('://');
  const rest = scheme === -1 ? noFragment : noFragment.slice(scheme + 3);
  const slash = rest.indexOf('/');
  const at = rest.lastIndexOf('@');
  return slash === -1 || at < slash ? undefined : rest.slice(at + 1);
}

/** A URL installs one exact thing only when it names a commit or carries an archive hash. */
export function isUrlPinned(url: string): boolean {
  if (/^(?:git|hg|svn|bzr)\+/i.test(url)) {
    const ref = vcsRef(url);
    return ref !== undefined && isCommitSha(ref);
  }
  const fragment = url.split('#')[1];
  return fragment !== undefined && /(?:^|&)sha(?:256|384|512)=[0-9a-f]+/i.test(fragment);
}

/** Parses one PEP 508 requirement (`name[extras] specifier ; marker` or `name @ url ; marker`). */
export function parseRequirementString(text: string): ParsedRequirement | undefined {
  const start = skipWs(text, 0);
  const name = matchAt(NAME_RE, text, start);
  if (name === undefined) return undefined;
  const nameEnd = start + name.length;
  let i = skipWs(text, nameEnd);
  let extras: string[] = [];
  if (text[i] === '[') {
    const close = text.indexOf(']', i);
    if (close === -1) return undefined;
    extras = text.slice(i + 1, close).split(',').map((e) => e.trim()).filter((e) => e !== '');
    if (!extras.every((e) => matchAt(NAME_RE, e, 0) === e)) return undefined;
    i = skipWs(text, close + 1);
  }
  let url: string | undefined;
  let clauses: Clauses | undefined;
  if (text[i] === '@') {
    const urlStart = skipWs(text, i + 1);
    url = matchAt(/\S+/y, text, urlStart);
    if (url === undefined) return undefined;
    i = skipWs(text, urlStart + url.length);
  } else if (i < text.length && text[i] !== ';') {
    const paren = text[i] === '(';
    const from = paren ? skipWs(text, i + 1) : i;
    clauses = readClauses(text, from);
    if (clauses === undefined) return undefined;
    i = clauses.next;
    if (paren) {
      if (text[i] !== ')') return undefined;
      i = skipWs(text, i + 1);
    }
  }
  let marker: string | undefined;
  if (i < text.length) {
    if (text[i] !== ';') return undefined;
    marker = text.slice(i + 1).trim();
    if (marker === '') return undefined;
  }
  return {
    name, extras, marker, url,
    specifier: clauses ? text.slice(clauses.start, clauses.end) : '',
    pinned: url !== undefined ? isUrlPinned(url) : clauses?.pinnedVersion !== undefined,
    pinnedVersion: clauses?.pinnedVersion,
    nameStart: start, nameEnd, specStart: clauses?.start, specEnd: clauses?.end,
    start, end: text.trimEnd().length,
  };
}

/** Where a dependency belongs and what else a parser knows about it. */
export interface DependencyContext {
  readonly group: DependencyGroup;
  readonly groupName?: string;
  readonly hashed?: boolean;
}

/** Builds a DependencySpec from a parsed requirement whose text sits in `doc` as described by `map`. */
export function toDependency(req: ParsedRequirement, doc: TextDocument, map: OffsetMap, ctx: DependencyContext): DependencySpec {
  const range = (s: number, e: number) => doc.rangeOf(map.start(s), map.end(e));
  return {
    name: req.name, normalizedName: normalizePackageName(req.name), specifier: req.specifier, extras: req.extras,
    marker: req.marker, url: req.url, pinned: req.pinned, pinnedVersion: req.pinnedVersion,
    group: ctx.group, groupName: ctx.groupName, hashed: ctx.hashed ?? false,
    range: range(req.start, req.end), nameRange: range(req.nameStart, req.nameEnd),
    specifierRange: req.specStart !== undefined && req.specEnd !== undefined ? range(req.specStart, req.specEnd) : undefined,
  };
}

const DEV_GROUP_NAMES = new Set([
  'dev', 'devel', 'develop', 'development', 'test', 'tests', 'testing', 'lint', 'linting', 'docs', 'doc',
  'documentation', 'typing', 'types', 'mypy', 'style', 'format', 'qa', 'ci', 'check', 'checks',
]);

/** Extras and groups with these names hold tools for developers, not what the code needs to run. */
export function isDevGroupName(name: string): boolean {
  return DEV_GROUP_NAMES.has(normalizePackageName(name));
}

/** 'dev' for files like `requirements-dev.txt`, `requirements/test.txt` or `docs/requirements.txt`, else 'runtime'. */
export function groupFromPath(file: string): { group: DependencyGroup; groupName?: string } {
  const parts = file.toLowerCase().split('/');
  const base = (parts.pop() ?? '').replace(/\.(txt|in|ya?ml)$/, '');
  const words = [...base.split(/[-_.]+/), ...(parts.pop() ?? '').split(/[-_.]+/)];
  const word = words.find(isDevGroupName);
  return word === undefined ? { group: 'runtime' } : { group: 'dev', groupName: word };
}

/** What parsing requirement lines collects; shared with the conda `pip:` section. */
export interface RequirementSink extends DependencyContext {
  readonly doc: TextDocument;
  readonly dependencies: DependencySpec[];
  readonly includes: ManifestInclude[];
  readonly problems: ParseProblem[];
}

interface Token { text: string; start: number; end: number }

const SHORT_OPTIONS: Readonly<Record<string, string>> = {
  '-r': '--requirement', '-c': '--constraint', '-e': '--editable', '-i': '--index-url', '-f': '--find-links',
};
const VALUE_OPTIONS = new Set([
  '--requirement', '--constraint', '--editable', '--index-url', '--extra-index-url', '--find-links', '--trusted-host',
  '--use-feature', '--only-binary', '--no-binary', '--hash', '--config-settings', '--global-option', '--install-option',
]);
const FLAG_OPTIONS = new Set(['--pre', '--no-index', '--prefer-binary', '--require-hashes']);
const ARCHIVE_RE = /\.(?:whl|tar\.gz|tgz|tar\.bz2|tar\.xz|zip)$/i;

function tokenize(text: string): Token[] {
  return [...text.matchAll(/\S+/g)].map((m) => ({ text: m[0], start: m.index, end: m.index + m[0].length }));
}

/** Name (and where it is in `ref`) of a URL or path requirement: `#egg=`, else a wheel/sdist file name, else a folder name. */
function nameOfReference(ref: string): { name: string; start: number; end: number } | undefined {
  const egg = /[#&]egg=([A-Za-z0-9._-]+)/.exec(ref);
  if (egg?.[1] !== undefined) return { name: egg[1], start: egg.index + 5, end: egg.index + 5 + egg[1].length };
  const path = ref.split(/[#?]/)[0] ?? '';
  const file = path.replace(/[\\/]+$/, '').split(/[\\/]/).pop() ?? '';
  const archive = /^([A-Za-z0-9][A-Za-z0-9._-]*?)-\d/.exec(file);
  const name = ARCHIVE_RE.test(file) ? archive?.[1] : /^[A-Za-z0-9][A-Za-z0-9._-]*$/.test(file) && !/:\/\//.test(path) ? file : undefined;
  return name === undefined || name === '.' || name === '..' ? undefined : { name, start: 0, end: ref.length };
}

const isUrl = (text: string) => /^[a-z][a-z0-9+.-]*:\/\//i.test(text) || /^(?:git|hg|svn|bzr)\+/i.test(text);
const isLocalPath = (text: string) => /^(?:\.{1,2}(?:[\\/[]|$)|[\\/~]|[A-Za-z]:[\\/])/.test(text) || ARCHIVE_RE.test(text);

function problem(sink: RequirementSink, map: OffsetMap, s: number, e: number, message: string): void {
  sink.problems.push({ message, range: sink.doc.rangeOf(map.start(s), map.end(e)) });
}

/** A URL or local path given instead of a PEP 508 requirement (also the value of `-e`). */
function addReference(text: string, map: OffsetMap, sink: RequirementSink, hashed: boolean): void {
  const ref = /^\S+/.exec(text)?.[0] ?? '';
  const markerAt = text.search(/\s;/);
  const found = nameOfReference(ref);
  if (found === undefined) {
    if (ref.startsWith('file:') || (!isUrl(ref) && isLocalPath(ref))) return; // the project itself, or a local tree with no telling name
    problem(sink, map, 0, ref.length, 'Cannot tell the package name of this URL; add `#egg=name` or write `name @ url`.');
    return;
  }
  const end = text.trimEnd().length;
  sink.dependencies.push(toDependency({
    name: found.name, extras: [], specifier: '', url: ref, pinned: isUrlPinned(ref),
    marker: markerAt === -1 ? undefined : text.slice(markerAt).replace(/^\s*;/, '').trim(),
    nameStart: found.start, nameEnd: found.end, start: 0, end,
  }, sink.doc, map, { group: sink.group, groupName: sink.groupName, hashed }));
}

function addRequirement(text: string, map: OffsetMap, sink: RequirementSink, hashed: boolean): void {
  const req = parseRequirementString(text);
  // `pkg-1.0.tar.gz` also reads as a PEP 508 name, so a path-like first word wins unless the line says `name @ url`.
  if (isUrl(text) || (req?.url === undefined && isLocalPath(/^\S*/.exec(text)?.[0] ?? ''))) {
    addReference(text, map, sink, hashed);
    return;
  }
  if (req) sink.dependencies.push(toDependency(req, sink.doc, map, { group: sink.group, groupName: sink.groupName, hashed }));
  else if (text.includes('${')) problem(sink, map, 0, text.length, 'Requirement depends on an environment variable and cannot be read.');
  else problem(sink, map, 0, text.length, `Not a valid requirement: ${text}`);
}

/** Parses one logical requirements line (comment already removed) whose text maps into the document through `map`. */
export function parseRequirementLine(text: string, map: OffsetMap, sink: RequirementSink): void {
  const tokens = tokenize(text);
  const firstOption = tokens.findIndex((t) => t.text.startsWith('-'));
  const reqTokens = firstOption === -1 ? tokens : tokens.slice(0, firstOption);
  let hashed = false;
  let editable: Token | undefined;
  for (let k = firstOption === -1 ? tokens.length : firstOption; k < tokens.length; k++) {
    const tok = tokens[k];
    if (tok === undefined) break;
    const eq = tok.text.indexOf('=');
    const long = tok.text.startsWith('--');
    const name = long ? (eq === -1 ? tok.text : tok.text.slice(0, eq)) : (SHORT_OPTIONS[tok.text.slice(0, 2)] ?? tok.text);
    const split = long ? eq + 1 : 2;
    if (FLAG_OPTIONS.has(name)) continue;
    if (!VALUE_OPTIONS.has(name)) {
      problem(sink, map, tok.start, tok.end, `Unknown pip option ${tok.text}`);
      continue;
    }
    const attached = (long ? eq !== -1 : tok.text.length > 2) ? { text: tok.text.slice(split), start: tok.start + split, end: tok.end } : undefined;
    const value = attached ?? tokens[++k];
    if (value === undefined || value.text === '') {
      problem(sink, map, tok.start, tok.end, `Option ${name} needs a value.`);
      continue;
    }
    if (name === '--hash') hashed = true;
    else if (name === '--editable') editable = value;
    else if (name === '--requirement' || name === '--constraint') {
      const kind = name === '--requirement' ? 'requirements' : 'constraints';
      sink.includes.push({ path: value.text, kind, range: sink.doc.rangeOf(map.start(value.start), map.end(value.end)) });
    }
  }
  // An editable local path is the project (or a sibling source tree) under development, not something to pin.
  if (editable && !isLocalPath(editable.text) && !editable.text.startsWith('file:')) {
    addReference(editable.text, shiftMap(map, editable.start), sink, hashed);
  }
  const first = reqTokens[0];
  const last = reqTokens[reqTokens.length - 1];
  if (first && last) addRequirement(text.slice(first.start, last.end), shiftMap(map, first.start), sink, hashed);
}

const GENERATOR_RE = /autogenerated by (?:pip-compile|uv)|\buv pip compile\b|\bpip-compile\b|\bpip-tools\b/i;

/** Parses a pip requirements (or constraints) file. Never throws; unreadable lines become problems. */
export function parseRequirements(file: string, doc: TextDocument): Manifest {
  const sink: RequirementSink = { doc, ...groupFromPath(file), dependencies: [], includes: [], problems: [] };
  let generatedHeader = false;
  let seenContent = false;
  let text = '';
  let offsets: number[] = [];
  for (let line = 0; line < doc.lineCount; line++) {
    const raw = doc.lineText(line);
    const base = doc.offsetAt({ line, column: 0 });
    const continues = raw.endsWith('\\') && !/^\s*#/.test(raw);
    const kept = continues ? raw.slice(0, -1) : raw;
    text += kept;
    for (let k = 0; k < kept.length; k++) offsets.push(base + k);
    if (continues && line < doc.lineCount - 1) continue;
    // pip strips comments only after joining continuation lines, and only a `#` at the start or after whitespace.
    const hash = /(?:^|\s)#/.exec(text);
    const content = hash === null ? text : text.slice(0, hash.index);
    // Only the header counts: a requirements.in may well mention pip-compile in a later comment.
    if (hash !== null && !seenContent && GENERATOR_RE.test(text.slice(hash.index))) generatedHeader = true;
    if (content.trim() !== '') seenContent = true;
    const map = offsets;
    const end = base + kept.length;
    parseRequirementLine(content, { start: (i) => map[i] ?? end, end: (i) => (i > 0 ? (map[i - 1] ?? end - 1) + 1 : map[0] ?? end) }, sink);
    text = '';
    offsets = [];
  }
  const deps = sink.dependencies;
  const allLocked = deps.length > 0 && deps.every((d) => d.pinned && d.hashed);
  return {
    kind: 'requirements', file, dependencies: deps, includes: sink.includes, problems: sink.problems,
    tools: ['pip'], buildsPackage: false, generatedLock: generatedHeader || allLocked,
  };
}

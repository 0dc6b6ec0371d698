// Coverage and test-result reports (Cobertura XML as coverage.py writes it, coverage.py JSON, JUnit XML), read as evidence of what the tests ran.

/** Line coverage per project file, from one coverage report. */
export interface CoverageReport {
  /** The report, project-relative. */
  readonly file: string;
  readonly mtimeMs?: number;
  /** By project-relative path of an existing file: lines run by the tests, and lines measured. */
  readonly files: ReadonlyMap<string, { readonly covered: number; readonly total: number }>;
}

/** Totals of one JUnit XML report. */
export interface JunitReport {
  readonly file: string;
  readonly mtimeMs?: number;
  readonly tests: number;
  readonly failures: number;
  readonly errors: number;
  readonly skipped: number;
  /** Project-relative test files named by the test cases' `file` or `classname` attributes, where they resolve. */
  readonly files: readonly string[];
}

/** What a candidate file turned out to be. */
export type ParsedTestReport =
  | { readonly kind: 'coverage'; readonly report: CoverageReport }
  | { readonly kind: 'junit'; readonly report: JunitReport }
  /** Well-formed, but another kind of file (an XML file that is no report). */
  | { readonly kind: 'other' }
  | { readonly kind: 'malformed'; readonly reason: string };

/** Resolving the paths a report names: the absolute project root and the project's files. */
export interface ReportPaths {
  readonly root: string;
  readonly files: ReadonlySet<string>;
}

/** Parses a report by its content: Cobertura `<coverage>`, JUnit `<testsuites>`/`<testsuite>`, coverage.py JSON. */
export function parseTestReport(file: string, text: string, paths: ReportPaths, mtimeMs?: number): ParsedTestReport {
  const stamp = mtimeMs === undefined ? {} : { mtimeMs };
  if (/\.json$/i.test(file)) return coverageJson(file, text, paths, stamp);
  const events: XmlEvent[] = [];
  const error = readXml(text, (e) => events.push(e));
  if (error !== undefined) return { kind: 'malformed', reason: error };
  const root = events.find((e): e is XmlOpen => e.type === 'open')?.name;
  if (root === 'coverage') return { kind: 'coverage', report: { file, ...stamp, files: coberturaFiles(events, paths) } };
  if (root === 'testsuites' || root === 'testsuite') return { kind: 'junit', report: { file, ...stamp, ...junitTotals(events, paths) } };
  return { kind: 'other' };
}

function coberturaFiles(events: readonly XmlEvent[], paths: ReportPaths): Map<string, { covered: number; total: number }> {
  const sources: string[] = [];
  const lines = new Map<string, Map<number, boolean>>();
  const stack: string[] = [];
  let text = '';
  let current: string | undefined;
  for (const e of events) {
    if (e.type === 'text') {
      text += e.text;
      continue;
    }
    if (e.type === 'close') {
      if (e.name === 'source') sources.push(text.trim());
      if (e.name === 'class') current = undefined;
      stack.pop();
      continue;
    }
    stack.push(e.name);
    text = '';
    if (e.name === 'class') current = e.attributes.get('filename');
    // Lines directly under a class; `<methods>` repeat them in some writers.
    if (e.name === 'line' && current !== undefined && stack[stack.length - 2] === 'lines' && stack[stack.length - 3] === 'class') {
      const number = Number(e.attributes.get('number'));
      const hits = Number(e.attributes.get('hits') ?? '0');
      if (Number.isInteger(number)) {
        const byLine = lines.get(current) ?? new Map<number, boolean>();
        byLine.set(number, (byLine.get(number) ?? false) || hits > 0);
        lines.set(current, byLine);
      }
    }
    if (e.selfClosing) stack.pop();
  }
  const out = new Map<string, { covered: number; total: number }>();
  for (const [name, byLine] of lines) {
    const path = resolveReported(name, sources, paths);
    if (path === undefined) continue;
    const before = out.get(path) ?? { covered: 0, total: 0 };
    out.set(path, { covered: before.covered + [...byLine.values()].filter(Boolean).length, total: before.total + byLine.size });
  }
  return out;
}

function coverageJson(file: string, text: string, paths: ReportPaths, stamp: { mtimeMs?: number }): ParsedTestReport {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (error) {
    return { kind: 'malformed', reason: error instanceof Error ? error.message : String(error) };
  }
  const files = isRecord(data) ? data.files : undefined;
  if (!isRecord(data) || !isRecord(data.meta) || !isRecord(files)) return { kind: 'other' };
  const out = new Map<string, { covered: number; total: number }>();
  for (const [name, entry] of Object.entries(files)) {
    const summary = isRecord(entry) ? entry.summary : undefined;
    const covered = isRecord(summary) ? summary.covered_lines : undefined;
    const total = isRecord(summary) ? summary.num_statements : undefined;
    if (typeof covered !== 'number' || typeof total !== 'number') return { kind: 'malformed', reason: `no summary line counts for ${name}` };
    const path = resolveReported(name, [], paths);
    if (path !== undefined) out.set(path, { covered, total });
  }
  return { kind: 'coverage', report: { file, ...stamp, files: out } };
}

function junitTotals(events: readonly XmlEvent[], paths: ReportPaths): Omit<JunitReport, 'file' | 'mtimeMs'> {
  const totals = { tests: 0, failures: 0, errors: 0, skipped: 0 };
  const suites = { tests: 0, failures: 0, errors: 0, skipped: 0 };
  const files = new Set<string>();
  let depth = 0;
  let suiteDepth = 0;
  let inCase: { status?: 'failures' | 'errors' | 'skipped' } | undefined;
  let caseDepth = -1;
  for (const e of events) {
    if (e.type === 'text') continue;
    if (e.type === 'close') {
      depth--;
      if (e.name === 'testsuite') suiteDepth--;
      if (depth === caseDepth) closeCase();
      continue;
    }
    if (e.name === 'testsuite') {
      // Suites nested in suites count their cases twice in their attributes: only the outermost are summed.
      if (suiteDepth === 0) for (const k of ['tests', 'failures', 'errors', 'skipped'] as const) suites[k] += Number(e.attributes.get(k)) || 0;
      suiteDepth++;
    } else if (e.name === 'testcase') {
      inCase = {};
      caseDepth = depth;
      totals.tests++;
      const path = caseFile(e.attributes, paths);
      if (path !== undefined) files.add(path);
    } else if (inCase && inCase.status === undefined) {
      if (e.name === 'failure') inCase.status = 'failures';
      else if (e.name === 'error') inCase.status = 'errors';
      else if (e.name === 'skipped') inCase.status = 'skipped';
    }
    depth++;
    if (e.selfClosing) {
      depth--;
      if (e.name === 'testsuite') suiteDepth--;
      if (depth === caseDepth) closeCase();
    }
  }
  function closeCase(): void {
    if (inCase?.status) totals[inCase.status]++;
    inCase = undefined;
    caseDepth = -1;
  }
  return { ...(totals.tests > 0 ? totals : suites), files: [...files].sort() };
}

/** The test file of a case: its `file` attribute, else its dotted `classname` (`tests.test_model.TestNet`) as a module path. */
function caseFile(attributes: ReadonlyMap<string, string>, paths: ReportPaths): string | undefined {
  const file = attributes.get('file');
  if (file !== undefined) return resolveReported(file, [], paths);
  const parts = (attributes.get('classname') ?? '').split('.').filter((p) => p !== '');
  for (let k = parts.length; k > 0; k--) {
    const found = resolveReported(`${parts.slice(0, k).join('/')}.py`, [], paths);
    if (found !== undefined) return found;
  }
  return undefined;
}

/**
 * A path as a report names it, as a project file: relative to a `<source>` root (under the project root, or a CI
 * machine's checkout whose tail matches), absolute under the project root, relative to it, or a unique path tail.
 */
export function resolveReported(name: string, sources: readonly string[], paths: ReportPaths): string | undefined {
  const clean = (p: string): string => p.replace(/\\/g, '/').replace(/\/+$/, '').replace(/^\.\//, '');
  const root = clean(paths.root);
  const file = clean(name);
  const candidates: string[] = [];
  const relative = (p: string): string | undefined => (p === root ? '' : p.startsWith(`${root}/`) ? p.slice(root.length + 1) : undefined);
  for (const raw of sources) {
    const source = clean(raw);
    const inRoot = source.startsWith('/') || /^[A-Za-z]:/.test(source) ? relative(source) : source;
    if (inRoot !== undefined) candidates.push(inRoot === '' ? file : `${inRoot}/${file}`);
    else {
      // A checkout on another machine (`/home/runner/work/repo/repo/src`): try its tails, longest first.
      const parts = source.split('/').filter((p) => p !== '');
      for (let k = 0; k < parts.length; k++) candidates.push(`${parts.slice(k).join('/')}/${file}`);
    }
  }
  candidates.push(relative(file) ?? file);
  const found = candidates.find((c) => paths.files.has(c));
  if (found !== undefined) return found;
  const tail = file.startsWith('/') ? undefined : file;
  const matches = tail === undefined ? [] : [...paths.files].filter((p) => p.endsWith(`/${tail}`));
  return matches.length === 1 ? matches[0] : undefined;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

interface XmlOpen {
  readonly type: 'open';
  readonly name: string;
  readonly attributes: ReadonlyMap<string, string>;
  readonly selfClosing: boolean;
}
type XmlEvent = XmlOpen | { readonly type: 'close'; readonly name: string } | { readonly type: 'text'; readonly text: string };

const TAG = /<(\/?)([A-Za-z_][\w:.-]*)((?:\s+[A-Za-z_][\w:.-]*\s*=\s*(?:"[^"<]*"|'[^'<]*'))*)\s*(\/?)>/y;
const ATTRIBUTE = /([A-Za-z_][\w:.-]*)\s*=\s*(?:"([^"]*)"|'([^']*)')/g;

/**
 * A small, non-validating XML reader for reports: elements, attributes, text, comments, CDATA, processing
 * instructions and a DOCTYPE (never expanded). Returns why the text is not well-formed, or undefined.
 */
function readXml(text: string, emit: (e: XmlEvent) => void): string | undefined {
  const open: string[] = [];
  let roots = 0;
  let at = text.startsWith('\uFEFF') ? 1 : 0;
  const where = (offset: number): string => `line ${text.slice(0, offset).split('\n').length}`;
  while (at < text.length) {
    const lt = text.indexOf('<', at);
    const chunk = text.slice(at, lt === -1 ? text.length : lt);
    if (chunk.trim() !== '') {
      if (open.length === 0) return `text outside the root element at ${where(at)}`;
      emit({ type: 'text', text: decodeEntities(chunk) });
    }
    if (lt === -1) break;
    const skip = (opener: string, closer: string): number | undefined => {
      if (!text.startsWith(opener, lt)) return undefined;
      const end = text.indexOf(closer, lt + opener.length);
      return end === -1 ? -1 : end + closer.length;
    };
    const cdata = skip('<![CDATA[', ']]>');
    if (cdata !== undefined && cdata !== -1) emit({ type: 'text', text: text.slice(lt + 9, cdata - 3) });
    const special = cdata ?? skip('<!--', '-->') ?? skip('<?', '?>') ?? (text.startsWith('<!', lt) ? skip('<!', text.indexOf('[', lt) !== -1 && text.indexOf('[', lt) < text.indexOf('>', lt) ? ']>' : '>') : undefined);
    if (special === -1) return `unterminated markup at ${where(lt)}`;
    if (special !== undefined) {
      at = special;
      continue;
    }
    TAG.lastIndex = lt;
    const m = TAG.exec(text);
    if (!m) return `malformed tag at ${where(lt)}`;
    const [, close, name = '', attributes = '', selfClosing] = m;
    if (close) {
      if (open.pop() !== name) return `unexpected </${name}> at ${where(lt)}`;
      emit({ type: 'close', name });
    } else {
      if (open.length === 0 && roots++ > 0) return `a second root element at ${where(lt)}`;
      const attrs = new Map<string, string>();
      for (const a of attributes.matchAll(ATTRIBUTE)) attrs.set(a[1] ?? '', decodeEntities(a[2] ?? a[3] ?? ''));
      emit({ type: 'open', name, attributes: attrs, selfClosing: selfClosing === '/' });
      if (selfClosing !== '/') open.push(name);
    }
    at = TAG.lastIndex;
  }
  if (open.length > 0) return `<${open[open.length - 1] ?? ''}> is never closed`;
  return roots === 0 ? 'no root element' : undefined;
}

function decodeEntities(text: string): string {
  return text.replace(/&(amp|lt|gt|quot|apos|#\d+|#x[0-9a-fA-F]+);/g, (_m, e: string) => {
    if (e.startsWith('#x')) return String.fromCodePoint(Math.min(parseInt(e.slice(2), 16), 0x10ffff));
    if (e.startsWith('#')) return String.fromCodePoint(Math.min(parseInt(e.slice(1), 10), 0x10ffff));
    return ({ amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" } as Readonly<Record<string, string>>)[e] ?? '';
  });
}

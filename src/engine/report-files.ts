// Finds the project's coverage and JUnit reports at well-known paths (usually git-ignored) and reads them through the injected file system.
import { baseName } from './file-kinds.js';
import { describeFsError, type FileSystem } from './fs.js';
import { fnv1a64 } from './hash.js';
import { decodeText, type InventoryEntry } from './inventory.js';
import { parseTestReport, type CoverageReport, type JunitReport } from './parsers/test-reports.js';
import type { SkippedFile } from './types.js';

/** The reports found, as the project model holds them. */
export interface TestReports {
  readonly coverage: readonly CoverageReport[];
  readonly junit: readonly JunitReport[];
}

/** Reports larger than this are skipped: coverage of a big monorepo fits well under it. */
export const MAX_REPORT_BYTES = 32 * 1024 * 1024;
const MAX_CANDIDATES = 64;
const MAX_DEPTH = 3;

const COVERAGE_FILES = ['coverage.xml', 'cov.xml', 'cobertura.xml', 'coverage.json', 'coverage/coverage.xml', 'coverage/cobertura.xml', 'coverage/coverage.json', 'reports/coverage.xml', 'reports/coverage.json', 'test-results/coverage.xml', 'build/coverage.xml'];
/** Folders whose XML files are JUnit results when their root element says so. */
const REPORT_DIRS = ['test-results', 'test-reports', 'reports', 'build/test-results'];
const REPORT_NAME = /^(coverage|cov|cobertura)\.(xml|json)$|^(junit|test-?results?|test-?report|pytest|results)[\w.-]*\.xml$/i;

/** True for a path where a report may be (so an editor re-reads reports when it changes). */
export function isTestReportPath(path: string): boolean {
  return COVERAGE_FILES.includes(path) || REPORT_NAME.test(baseName(path)) || (/\.xml$/i.test(path) && REPORT_DIRS.some((d) => path.startsWith(`${d}/`)));
}

/**
 * Reads the coverage (Cobertura XML, coverage.py JSON) and JUnit XML reports of a project. A report that is too large,
 * unreadable or malformed is skipped with a reason; `key` changes whenever a report's content does.
 */
export async function loadTestReports(fs: FileSystem, root: string, files: readonly InventoryEntry[]): Promise<{ reports: TestReports; skipped: SkippedFile[]; key: string }> {
  const candidates = new Set<string>(COVERAGE_FILES);
  for (const f of files) if (f.path.split('/').length <= MAX_DEPTH && REPORT_NAME.test(baseName(f.path))) candidates.add(f.path);
  for (const entry of await list(fs, root, '')) if (REPORT_NAME.test(entry)) candidates.add(entry);
  for (const dir of REPORT_DIRS) for (const path of await walk(fs, root, dir, 0)) candidates.add(path);
  const paths = { root, files: new Set(files.map((f) => f.path)) };
  const coverage: CoverageReport[] = [];
  const junit: JunitReport[] = [];
  const skipped: SkippedFile[] = [];
  const keys: string[] = [];
  for (const file of [...candidates].sort().slice(0, MAX_CANDIDATES)) {
    let size: number;
    let mtimeMs: number | undefined;
    try {
      const stat = await fs.stat(`${root}/${file}`);
      if (stat.kind !== 'file') continue;
      size = stat.size;
      mtimeMs = stat.mtimeMs;
    } catch {
      continue;
    }
    if (size > MAX_REPORT_BYTES) {
      skipped.push({ file, reason: `test report is ${(size / 1024 / 1024).toFixed(1)} MB, over the ${MAX_REPORT_BYTES / 1024 / 1024} MB limit` });
      continue;
    }
    let text: string;
    try {
      const decoded = decodeText(await fs.readFile(`${root}/${file}`));
      if (!decoded.ok) {
        skipped.push({ file, reason: `not read as a test report: ${decoded.reason}` });
        continue;
      }
      text = decoded.text;
    } catch (error) {
      skipped.push({ file, reason: `cannot read: ${describeFsError(error)}` });
      continue;
    }
    const parsed = parseTestReport(file, text, paths, mtimeMs);
    if (parsed.kind === 'malformed') skipped.push({ file, reason: `not read as a test report: ${parsed.reason}` });
    else if (parsed.kind === 'coverage') coverage.push(parsed.report);
    else if (parsed.kind === 'junit') junit.push(parsed.report);
    if (parsed.kind === 'coverage' || parsed.kind === 'junit') keys.push(`${file}:${fnv1a64(text)}`);
  }
  return { reports: { coverage, junit }, skipped, key: keys.join(',') };
}

async function list(fs: FileSystem, root: string, dir: string): Promise<string[]> {
  try {
    const entries = await fs.readDirectory(dir === '' ? root : `${root}/${dir}`);
    return entries.filter((e) => e.kind === 'file').map((e) => (dir === '' ? e.name : `${dir}/${e.name}`));
  } catch {
    // No such folder is the usual case; an unreadable one only means no reports from it.
    return [];
  }
}

/** XML files under a report folder, a few levels deep. */
async function walk(fs: FileSystem, root: string, dir: string, depth: number): Promise<string[]> {
  if (depth > MAX_DEPTH) return [];
  let entries: readonly { name: string; kind: string }[];
  try {
    entries = await fs.readDirectory(`${root}/${dir}`);
  } catch {
    return [];
  }
  const out: string[] = [];
  for (const e of entries) {
    const path = `${dir}/${e.name}`;
    if (e.kind === 'file' && /\.xml$/i.test(e.name)) out.push(path);
    else if (e.kind === 'directory' && out.length < MAX_CANDIDATES) out.push(...(await walk(fs, root, path, depth + 1)));
  }
  return out;
}

// Baselines: record today's findings so later runs report only new ones, keyed so that moved lines still match.
import type { Finding } from './types.js';

export interface BaselineEntry {
  readonly ruleId: string;
  readonly file: string;
  /** Position-free subject of the finding (a package, a URL, or the normalised source line). */
  readonly subject: string;
  readonly count: number;
}

export interface Baseline {
  readonly version: 1;
  readonly entries: readonly BaselineEntry[];
}

/** The key a finding is matched by: never the line, always the file, so one file's debt cannot hide another's. */
export function fingerprintKey(f: Pick<Finding, 'ruleId' | 'file' | 'subject'>): string {
  return `${f.ruleId}\u0000${f.file}\u0000${f.subject}`;
}

export function createBaseline(findings: readonly Finding[]): Baseline {
  const counts = new Map<string, BaselineEntry>();
  for (const f of findings) {
    const key = fingerprintKey(f);
    const entry = counts.get(key);
    counts.set(key, { ruleId: f.ruleId, file: f.file, subject: f.subject, count: (entry?.count ?? 0) + 1 });
  }
  const entries = [...counts.values()].sort((a, b) => (a.file !== b.file ? (a.file < b.file ? -1 : 1) : a.ruleId !== b.ruleId ? (a.ruleId < b.ruleId ? -1 : 1) : a.subject < b.subject ? -1 : a.subject > b.subject ? 1 : 0));
  return { version: 1, entries };
}

/** Serialised with one entry per line, so a baseline's diff in review shows exactly what changed. */
export function serializeBaseline(baseline: Baseline): string {
  const lines = baseline.entries.map((e) => `    ${JSON.stringify(e)}`);
  return `{\n  "version": 1,\n  "entries": [\n${lines.join(',\n')}${lines.length ? '\n' : ''}  ]\n}\n`;
}

/** Parses a baseline file; throws an Error that says what is wrong. */
export function parseBaseline(text: string): Baseline {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    throw new Error(`the baseline is not valid JSON (${error instanceof Error ? error.message : String(error)}); regenerate it with 'mlready baseline'`);
  }
  const obj = (typeof json === 'object' && json !== null ? json : {}) as { version?: unknown; entries?: unknown };
  if (obj.version !== 1 || !Array.isArray(obj.entries)) throw new Error("the baseline has no version 1 entries list; regenerate it with 'mlready baseline'");
  const entries: BaselineEntry[] = [];
  for (const raw of obj.entries as unknown[]) {
    const e = (typeof raw === 'object' && raw !== null ? raw : {}) as Partial<BaselineEntry>;
    if (typeof e.ruleId !== 'string' || typeof e.file !== 'string' || typeof e.subject !== 'string' || typeof e.count !== 'number') {
      throw new Error("a baseline entry lacks ruleId, file, subject or count; regenerate it with 'mlready baseline'");
    }
    entries.push({ ruleId: e.ruleId, file: e.file, subject: e.subject, count: e.count });
  }
  return { version: 1, entries };
}

/** Removes findings the baseline accounts for, up to each entry's count; the rest are new. */
export function filterByBaseline(findings: readonly Finding[], baseline: Baseline): { fresh: Finding[]; matched: number } {
  const remaining = new Map<string, number>();
  for (const e of baseline.entries) remaining.set(fingerprintKey(e), (remaining.get(fingerprintKey(e)) ?? 0) + e.count);
  const fresh: Finding[] = [];
  let matched = 0;
  for (const f of findings) {
    const key = fingerprintKey(f);
    const left = remaining.get(key) ?? 0;
    if (left > 0) {
      remaining.set(key, left - 1);
      matched++;
    } else fresh.push(f);
  }
  return { fresh, matched };
}

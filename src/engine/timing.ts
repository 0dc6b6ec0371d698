// Where a run's time goes (`mlready check --timing`): self times per rule, fact kind, parse step and phase.

/**
 * Timed sections, each keyed `<group>:<name>` (`rule:random-state-unset`, `fact:codeUnits`, `parse:tree-sitter`,
 * `project-rule:tests-missing`, `phase:inventory`). Plain data so that worker threads can send theirs back.
 */
export type TimingRecord = Readonly<Record<string, number>>;

/**
 * Accumulates self time per key: a section started inside another (a rule that triggers the parse) pauses the
 * outer one, so each millisecond is counted once and the sums add up. One per thread and run; never shared.
 */
export class Timing {
  private readonly totals = new Map<string, number>();
  private current: string | undefined;
  private since = 0;

  /** `now` is the clock in milliseconds: wall time by default; a profiling harness may pass a CPU-time clock. */
  constructor(private readonly now: () => number = () => performance.now()) {}

  /** Runs `fn`, charging its time (minus nested sections) to `key`. */
  time<T>(key: string, fn: () => T): T {
    const outer = this.current;
    const start = this.now();
    if (outer !== undefined) this.add(outer, start - this.since);
    this.current = key;
    this.since = start;
    try {
      return fn();
    } finally {
      const end = this.now();
      this.add(key, end - this.since);
      this.current = outer;
      this.since = end;
    }
  }

  /**
   * Runs `fn` and charges its whole wall time to `key`, sections inside it included: for the main thread's
   * phases, which are reported apart from the sections they contain.
   */
  wall<T>(key: string, fn: () => T): T {
    const start = this.now();
    try {
      return fn();
    } finally {
      this.add(key, this.now() - start);
    }
  }

  /** Charges `ms` measured elsewhere (an async phase, another thread's sums). */
  add(key: string, ms: number): void {
    this.totals.set(key, (this.totals.get(key) ?? 0) + ms);
  }

  merge(record: TimingRecord): void {
    for (const [key, ms] of Object.entries(record)) this.add(key, ms);
  }

  /** The sums so far; `reset` starts new ones (a worker sends one record per batch). */
  toRecord(reset = false): TimingRecord {
    const out = Object.fromEntries(this.totals);
    if (reset) this.totals.clear();
    return out;
  }
}

/** A main-thread phase's wall time when a Timing is given (see Timing.wall). */
export function phaseTimed<T>(timing: Timing | undefined, name: string, fn: () => T): T {
  return timing ? timing.wall(`phase:${name}`, fn) : fn();
}

/** Times `fn` when a Timing is given; otherwise just runs it, so untimed runs pay nothing. */
export function timed<T>(timing: Timing | undefined, key: string, fn: () => T): T {
  return timing ? timing.time(key, fn) : fn();
}

const GROUPS: readonly { readonly prefix: string; readonly title: string }[] = [
  { prefix: 'phase', title: 'Phase (main thread, wall time)' },
  { prefix: 'parse', title: 'Parsing (summed over workers)' },
  { prefix: 'analysis', title: 'Shared analysis (summed over workers)' },
  { prefix: 'rule', title: 'File rule (summed over workers)' },
  { prefix: 'fact', title: 'Fact kind (summed over workers)' },
  { prefix: 'project', title: 'Project rule' },
];

/**
 * The timing report, ESLint TIMING style: one table per group, slowest first, with each row's share of its group.
 * Keys of unknown groups go under "Other".
 */
export function formatTiming(record: TimingRecord): string {
  const groups = new Map<string, [string, number][]>();
  for (const [key, ms] of Object.entries(record)) {
    const colon = key.indexOf(':');
    const prefix = colon === -1 ? '' : key.slice(0, colon);
    const group = GROUPS.some((g) => g.prefix === prefix) ? prefix : 'other';
    const rows = groups.get(group) ?? [];
    rows.push([colon === -1 || group === 'other' ? key : key.slice(colon + 1), ms]);
    groups.set(group, rows);
  }
  const out: string[] = [];
  for (const { prefix, title } of [...GROUPS, { prefix: 'other', title: 'Other' }]) {
    const rows = groups.get(prefix);
    if (!rows) continue;
    rows.sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1));
    const total = rows.reduce((sum, [, ms]) => sum + ms, 0);
    const width = Math.max(title.length, '  total'.length, ...rows.map(([name]) => name.length + 2));
    out.push(`${title.padEnd(width)} | Time (ms) | Relative`, `${'-'.repeat(width)}-|----------:|--------:`);
    for (const [name, ms] of rows) out.push(`${`  ${name}`.padEnd(width)} | ${ms.toFixed(1).padStart(9)} | ${(total > 0 ? (100 * ms) / total : 0).toFixed(1).padStart(7)}%`);
    out.push(`${'  total'.padEnd(width)} | ${total.toFixed(1).padStart(9)} |`, '');
  }
  return out.join('\n');
}

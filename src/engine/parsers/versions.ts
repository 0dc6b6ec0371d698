// PEP 440 versions and specifiers, and conda match-spec versions: enough to tell whether a pinned version is allowed.

/** A parsed PEP 440 version; `undefined` fields are absent parts. */
export interface Version {
  readonly epoch: number;
  readonly release: readonly number[];
  /** Pre-release: phase rank (a=0, b=1, rc=2) and number. */
  readonly pre?: readonly [number, number];
  readonly post?: number;
  readonly dev?: number;
  readonly local?: string;
}

const VERSION_RE = /^v?(?:(\d+)!)?(\d+(?:\.\d+)*)(?:[-_.]?(a|b|c|rc|alpha|beta|pre|preview)[-_.]?(\d*))?(?:-(\d+)|[-_.]?(?:post|rev|r)[-_.]?(\d*))?(?:[-_.]?dev[-_.]?(\d*))?(?:\+([a-z0-9]+(?:[-_.][a-z0-9]+)*))?$/i;
const PRE_RANK: Readonly<Record<string, number>> = { a: 0, alpha: 0, b: 1, beta: 1, c: 2, rc: 2, pre: 2, preview: 2 };

/** Parses a PEP 440 version (normalising spellings such as `1.0-RC1`); undefined when it is not one. */
export function parseVersion(text: string): Version | undefined {
  const m = VERSION_RE.exec(text.trim());
  if (!m?.[2]) return undefined;
  const num = (s: string | undefined): number => (s === undefined || s === '' ? 0 : Number(s));
  const phase = m[3]?.toLowerCase();
  return {
    epoch: num(m[1]),
    release: m[2].split('.').map(Number),
    ...(phase !== undefined ? { pre: [PRE_RANK[phase] ?? 2, num(m[4])] as const } : {}),
    ...(m[5] !== undefined || m[6] !== undefined ? { post: num(m[5] ?? m[6]) } : {}),
    ...(m[7] !== undefined ? { dev: num(m[7]) } : {}),
    ...(m[8] !== undefined ? { local: m[8].toLowerCase().replace(/[-_]/g, '.') } : {}),
  };
}

function compareReleases(a: readonly number[], b: readonly number[]): number {
  for (let i = 0; i < Math.max(a.length, b.length); i++) {
    const d = (a[i] ?? 0) - (b[i] ?? 0);
    if (d !== 0) return d;
  }
  return 0;
}

/** PEP 440 ordering of public versions (local labels ignored): dev < pre < final < post. */
export function compareVersions(a: Version, b: Version): number {
  if (a.epoch !== b.epoch) return a.epoch - b.epoch;
  const release = compareReleases(a.release, b.release);
  if (release !== 0) return release;
  // A bare `.devN` sorts before every pre-release of the same release; no pre-release sorts after them all.
  const preKey = (v: Version): readonly [number, number] => v.pre ?? (v.post === undefined && v.dev !== undefined ? [-1, 0] : [3, 0]);
  const [pa, pb] = [preKey(a), preKey(b)];
  if (pa[0] !== pb[0]) return pa[0] - pb[0];
  if (pa[1] !== pb[1]) return pa[1] - pb[1];
  const post = (a.post ?? -1) - (b.post ?? -1);
  if (post !== 0) return post;
  return (a.dev ?? Infinity) - (b.dev ?? Infinity) || 0;
}

function prefixMatches(candidate: Version, prefix: readonly number[]): boolean {
  return prefix.every((n, i) => (candidate.release[i] ?? 0) === n);
}

/** Whether `version` meets one PEP 440 clause (`>=1.2`, `==1.*`, `~=2.1`); undefined when the clause cannot be read. */
function meetsClause(version: Version, raw: string, clause: string): boolean | undefined {
  const m = /^(~=|===|==|!=|<=|>=|<|>)\s*(.+)$/.exec(clause.trim());
  if (!m?.[1] || m[2] === undefined) return undefined;
  const op = m[1];
  const target = m[2].trim();
  if (op === '===') return raw.trim() === target;
  if (target.endsWith('.*')) {
    if (op !== '==' && op !== '!=') return undefined;
    const prefix = parseVersion(target.slice(0, -2));
    if (!prefix || prefix.pre || prefix.post !== undefined || prefix.dev !== undefined) return undefined;
    return prefixMatches(version, prefix.release) === (op === '==');
  }
  const t = parseVersion(target);
  if (!t) return undefined;
  const cmp = compareVersions(version, t);
  // `==1.12.1` admits `1.12.1+cu113`; `==1.12.1+cu113` admits only that local build.
  const equal = cmp === 0 && (t.local === undefined || t.local === version.local);
  switch (op) {
    case '==':
      return equal;
    case '!=':
      return !equal;
    case '<=':
      return cmp <= 0;
    case '>=':
      return cmp >= 0;
    case '<':
      return cmp < 0;
    case '>':
      return cmp > 0;
    default: {
      // `~=2.1.3` is `>=2.1.3, ==2.1.*`.
      if (t.release.length < 2) return undefined;
      return cmp >= 0 && prefixMatches(version, t.release.slice(0, -1));
    }
  }
}

/** Whether `version` is allowed by a PEP 440 specifier (`>=1,<2`); an empty specifier allows all. Undefined when unreadable. */
export function satisfiesPep440(version: string, specifier: string): boolean | undefined {
  const v = parseVersion(version);
  if (!v) return undefined;
  let result = true;
  for (const clause of specifier.split(',').map((c) => c.trim()).filter((c) => c !== '')) {
    const ok = meetsClause(v, version, clause);
    if (ok === undefined) return undefined;
    result &&= ok;
  }
  return result;
}

/**
 * Whether `version` is allowed by a conda version spec: `1.26.*`, `1.26*`, `=1.26` (a prefix), `==1.26.4`, a bare
 * `1.26.4`, comparisons joined by `,` (and) and `|` (or). A build string (`=py311_0`) is ignored. Undefined when unreadable.
 */
export function satisfiesConda(version: string, spec: string): boolean | undefined {
  const v = parseVersion(version);
  if (!v) return undefined;
  const text = spec.trim().split(/\s+/)[0] ?? '';
  if (text === '' || text === '*') return true;
  let any = false;
  for (const alternative of text.split('|')) {
    let all = true;
    for (const raw of alternative.split(',')) {
      const clause = raw.trim().replace(/^(=?[^=]+)=[^=*]*[A-Za-z_][^=]*$/, '$1');
      let ok: boolean | undefined;
      if (/^[<>!]=?|^==|^~=/.test(clause)) ok = meetsClause(v, version, clause);
      else {
        const body = clause.replace(/^=/, '');
        const prefix = clause.startsWith('=') || body.endsWith('*');
        const p = parseVersion(body.replace(/\.?\*$/, ''));
        if (!p) return undefined;
        ok = prefix ? prefixMatches(v, p.release) && (p.release.length > 0) : compareVersions(v, p) === 0;
      }
      if (ok === undefined) return undefined;
      all &&= ok;
    }
    any ||= all;
  }
  return any;
}

/** Poetry's `^1.2.3` and `~1.2.3` as PEP 440 bounds; undefined for anything else. */
function poetryRange(op: string, text: string): string | undefined {
  const v = parseVersion(text);
  if (!v) return undefined;
  const r = v.release;
  let upper: number[];
  if (op === '~') upper = r.length >= 2 ? [r[0] ?? 0, (r[1] ?? 0) + 1] : [(r[0] ?? 0) + 1];
  else {
    // The caret bumps the first non-zero component (`^0.2.3` is `<0.3.0`; `^0.0.3` is `<0.0.4`).
    const nonZero = r.findIndex((n) => n !== 0);
    const index = nonZero === -1 ? r.length - 1 : nonZero;
    upper = [...r.slice(0, index), (r[index] ?? 0) + 1];
  }
  return `>=${text},<${upper.join('.')}`;
}

/**
 * Whether `version` meets a Poetry constraint: `^1.2`, `~1.2`, a bare `1.2.3` (exact), `1.2.*`, `*`, PEP 440
 * clauses, `,` (and) and `||` (or). Undefined when unreadable.
 */
export function satisfiesPoetry(version: string, constraint: string): boolean | undefined {
  let any = false;
  for (const alternative of constraint.split('||')) {
    const clauses: string[] = [];
    for (const raw of alternative.split(',').map((c) => c.trim()).filter((c) => c !== '')) {
      const m = /^(\^|~(?!=))\s*(.+)$/.exec(raw);
      if (m?.[1] !== undefined && m[2] !== undefined) {
        const range = poetryRange(m[1], m[2]);
        if (range === undefined) return undefined;
        clauses.push(range);
      } else if (raw === '*') continue;
      else clauses.push(/^[\d]/.test(raw) ? `==${raw}` : raw);
    }
    const ok = satisfiesPep440(version, clauses.join(','));
    if (ok === undefined) return undefined;
    any ||= ok;
  }
  return any;
}

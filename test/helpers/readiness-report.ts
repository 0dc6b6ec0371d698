// Test helper: hand-made ReadinessReport objects with consistent sums and summaries, for the report formatters' tests.
import { band, DEBT_CATEGORIES, SCORED_ITEMS, SECTION_TITLES } from '../../src/engine/readiness/items';
import { SCORED_SECTIONS, type CategoryCount, type ReadinessItem, type ReadinessReport, type ScoreSummary, type SectionId, type SectionScore } from '../../src/engine/readiness/types';
import { CATEGORIES } from '../../src/engine/types';

/** An item of the real checklist with no evidence, no findings and no attestation, then `patch` on top. */
export function makeItem(id: string, patch: Partial<ReadinessItem> = {}): ReadinessItem {
  const spec = SCORED_ITEMS.find((s) => s.id === id);
  const debt = DEBT_CATEGORIES.find((c) => `debt-${c.category}` === id);
  if (!spec && !debt) throw new Error(`no readiness item ${id}`);
  const base: ReadinessItem = spec
    ? { id, section: spec.section, number: spec.number, title: spec.title, description: spec.description, kind: spec.kind, level: 'none', evidence: [], blocking: [], moreBlocking: 0, evidencePoints: 0, points: 0, next: spec.next, rules: spec.rules }
    : {
        id,
        section: 'debt',
        number: DEBT_CATEGORIES.findIndex((c) => `debt-${c.category}` === id) + 1,
        title: debt?.title ?? id,
        description: debt?.description ?? '',
        kind: 'evidence',
        level: 'none',
        evidence: [],
        blocking: [],
        moreBlocking: 0,
        evidencePoints: 1,
        points: 1,
        next: debt?.next ?? '',
        rules: [],
      };
  return { ...base, ...patch };
}

function summary(sections: readonly SectionScore[], pick: (s: SectionScore) => number): ScoreSummary {
  const scored = sections.filter((s) => s.id !== 'debt');
  const value = Math.min(...scored.map(pick));
  return { value, cappedBy: scored.filter((s) => pick(s) === value).map((s) => s.id), band: band(value) };
}

export interface ReportOptions {
  /** Items replacing the defaults of the same id. */
  readonly items?: readonly ReadinessItem[];
  readonly categories?: readonly CategoryCount[];
  readonly project?: string;
  readonly unknownAttestations?: readonly string[];
}

/** The full checklist (28 scored items, 9 debt items) with `items` patched in; sums, minimum and bands computed. */
export function makeReport(options: ReportOptions = {}): ReadinessReport {
  const patched = new Map((options.items ?? []).map((i) => [i.id, i]));
  const ids: SectionId[] = [...SCORED_SECTIONS, 'debt'];
  const sections: SectionScore[] = ids.map((id) => {
    const specs = id === 'debt' ? DEBT_CATEGORIES.map((c) => `debt-${c.category}`) : SCORED_ITEMS.filter((s) => s.section === id).map((s) => s.id);
    const items = specs.map((itemId) => patched.get(itemId) ?? makeItem(itemId));
    return { id, title: SECTION_TITLES[id], items, evidenceScore: items.reduce((n, i) => n + i.evidencePoints, 0), score: items.reduce((n, i) => n + i.points, 0), max: items.length };
  });
  const categories = options.categories ?? CATEGORIES.map((category) => ({ category, errors: 0, warnings: 0, infos: 0 }));
  const findings = categories.reduce((n, c) => ({ errors: n.errors + c.errors, warnings: n.warnings + c.warnings, infos: n.infos + c.infos }), { errors: 0, warnings: 0, infos: 0 });
  return {
    schemaVersion: 1,
    tool: { name: 'mlready', version: '0.1.0' },
    generatedAt: '2025-01-15T12:00:00.000Z',
    project: options.project ?? 'demo-project',
    scoring: 'ml-test-score-2017',
    maxAgeDays: 365,
    sections,
    evidence: summary(sections, (s) => s.evidenceScore),
    attested: summary(sections, (s) => s.score),
    categories,
    findings,
    unknownAttestations: options.unknownAttestations ?? [],
  };
}

// Builds the readiness report: evidence per item, blocking findings, attestations, section sums and the final score.
import { ImportGraph } from '../analyses/import-graph.js';
import type { Attestation } from '../config/types.js';
import type { FactKind } from '../facts.js';
import { RULES } from '../rules/index.js';
import { CATEGORIES, type Category, type Finding } from '../types.js';
import type { ReadinessInput } from './input.js';
import { band, DEBT_CATEGORIES, SCORED_ITEMS, SECTION_TITLES, ITEM_IDS } from './items.js';
import { PROBES, probeContext, rankEvidence } from './probes.js';
import {
  SCORED_SECTIONS,
  type BlockingFinding,
  type CategoryCount,
  type EvidenceLevel,
  type EvidenceRef,
  type ItemAttestation,
  type ReadinessItem,
  type ReadinessReport,
  type ScoreSummary,
  type SectionScore,
} from './types.js';

/** Fact kinds a lint run must extract for the readiness report. */
export const READINESS_FACTS: readonly FactKind[] = ['imports', 'outline', 'pipelineSteps', 'roles'];
/** Attestations older than this many days stop counting unless the config says otherwise. */
export const DEFAULT_MAX_AGE_DAYS = 365;
/** Blocking findings listed per item; the rest are counted. */
const MAX_BLOCKING = 5;
const DAY_MS = 86_400_000;

const LEVEL_RANK: Readonly<Record<EvidenceLevel, number>> = { none: 0, present: 1, automated: 2, observed: 3 };

export async function computeReadiness(input: ReadinessInput): Promise<ReadinessReport> {
  const graph = new ImportGraph(input.project.files, input.facts);
  const ctx = probeContext(input, graph);
  const maxAgeDays = input.readiness?.maxAgeDays ?? DEFAULT_MAX_AGE_DAYS;
  const attestations = new Map((input.readiness?.attestations ?? []).map((a) => [a.item, a]));
  const blocking = (rules: readonly string[]): Finding[] => input.findings.filter((f) => f.severity !== 'info' && rules.includes(f.ruleId));

  const scored: ReadinessItem[] = [];
  for (const spec of SCORED_ITEMS) {
    const probe = PROBES[spec.id];
    const evidence = rankEvidence(probe ? await probe(ctx) : []);
    const blockers = blocking(spec.rules);
    const found = evidence.reduce<EvidenceLevel>((best, e) => (LEVEL_RANK[e.level] > LEVEL_RANK[best] ? e.level : best), 'none');
    // A manual item is a judgement (are all features worth it?): artifacts inform it, only a person can settle it.
    const level = spec.kind === 'manual' && found !== 'none' ? 'present' : found;
    const evidencePoints = (level === 'automated' || level === 'observed') && blockers.length === 0 ? 1 : 0;
    const attestation = attestationOf(attestations.get(spec.id), input.now, maxAgeDays);
    scored.push({
      id: spec.id,
      section: spec.section,
      number: spec.number,
      title: spec.title,
      description: spec.description,
      kind: spec.kind,
      level,
      evidence,
      blocking: blockers.slice(0, MAX_BLOCKING).map(toBlocking),
      moreBlocking: Math.max(0, blockers.length - MAX_BLOCKING),
      ...(attestation ? { attestation } : {}),
      evidencePoints,
      points: Math.max(evidencePoints, attestedPoints(attestation)),
      next: spec.next,
      rules: spec.rules,
    });
  }

  const debt = DEBT_CATEGORIES.map((c, i): ReadinessItem => {
    const rules = [...RULES.values()].filter((r) => r.category === c.category).map((r) => r.id).sort();
    const enabled = rules.filter((r) => input.ruleEnabled(r));
    const blockers = input.findings.filter((f) => f.category === c.category && f.severity !== 'info');
    const checked = enabled.length > 0;
    const evidence: EvidenceRef[] = checked && blockers.length === 0 ? [{ level: 'observed', text: `${String(enabled.length)} of ${String(rules.length)} rules checked the project and found nothing open`, file: '.' }] : [];
    const met = checked && blockers.length === 0;
    return {
      id: `debt-${c.category}`,
      section: 'debt',
      number: i + 1,
      title: c.title,
      description: c.description,
      kind: 'evidence',
      level: met ? 'observed' : 'none',
      evidence,
      blocking: blockers.slice(0, MAX_BLOCKING).map(toBlocking),
      moreBlocking: Math.max(0, blockers.length - MAX_BLOCKING),
      evidencePoints: met ? 1 : 0,
      points: met ? 1 : 0,
      next: checked ? c.next : `Turn on the ${c.category} rules in .mlready.yaml to check this.`,
      rules,
    };
  });

  const sections: SectionScore[] = [...SCORED_SECTIONS, 'debt' as const].map((id) => {
    const items = id === 'debt' ? debt : scored.filter((i) => i.section === id);
    return { id, title: SECTION_TITLES[id], items, evidenceScore: sum(items.map((i) => i.evidencePoints)), score: sum(items.map((i) => i.points)), max: items.length };
  });
  const scoredSections = sections.filter((s) => s.id !== 'debt');
  return {
    schemaVersion: 1,
    tool: { name: 'mlready', version: input.toolVersion },
    generatedAt: input.now.toISOString(),
    project: input.projectName,
    scoring: 'ml-test-score-2017',
    maxAgeDays,
    sections,
    evidence: summary(scoredSections, (s) => s.evidenceScore),
    attested: summary(scoredSections, (s) => s.score),
    categories: categoryCounts(input.findings),
    findings: {
      errors: input.findings.filter((f) => f.severity === 'error').length,
      warnings: input.findings.filter((f) => f.severity === 'warning').length,
      infos: input.findings.filter((f) => f.severity === 'info').length,
    },
    unknownAttestations: [...attestations.keys()].filter((id) => !ITEM_IDS.includes(id)).sort(),
  };
}

/** The attestation as it counts today: expired when older than the limit, or when it has no valid date. */
export function attestationOf(attestation: Attestation | undefined, now: Date, maxAgeDays: number): ItemAttestation | undefined {
  if (!attestation) return undefined;
  const time = attestation.date !== undefined && /^\d{4}-\d{2}-\d{2}$/.test(attestation.date) ? Date.parse(`${attestation.date}T00:00:00Z`) : NaN;
  const expired = Number.isNaN(time) || now.getTime() - time > maxAgeDays * DAY_MS;
  return {
    status: attestation.status,
    how: attestation.how ?? 'manual',
    ...(attestation.by === undefined ? {} : { by: attestation.by }),
    ...(attestation.date === undefined ? {} : { date: attestation.date }),
    ...(attestation.note === undefined ? {} : { note: attestation.note }),
    expired,
  };
}

/** The paper's points for an attested item: half for a manual, documented test, one for an automated one. */
export function attestedPoints(attestation: ItemAttestation | undefined): number {
  if (!attestation || attestation.expired) return 0;
  if (attestation.status === 'not-applicable') return 1;
  if (attestation.status !== 'done') return 0;
  return attestation.how === 'automated' ? 1 : 0.5;
}

function summary(sections: readonly SectionScore[], value: (s: SectionScore) => number): ScoreSummary {
  const min = Math.min(...sections.map(value));
  return { value: min, cappedBy: sections.filter((s) => value(s) === min).map((s) => s.id), band: band(min) };
}

function categoryCounts(findings: readonly Finding[]): CategoryCount[] {
  return CATEGORIES.filter((c): c is Category => c !== 'meta').map((category) => {
    const of = findings.filter((f) => f.category === category);
    return { category, errors: of.filter((f) => f.severity === 'error').length, warnings: of.filter((f) => f.severity === 'warning').length, infos: of.filter((f) => f.severity === 'info').length };
  });
}

function toBlocking(f: Finding): BlockingFinding {
  return { ruleId: f.ruleId, severity: f.severity, message: f.message, file: f.file, line: f.range.start.line + 1, column: f.range.start.column + 1, ...(f.cell === undefined ? {} : { cell: f.cell }) };
}

const sum = (values: readonly number[]): number => values.reduce((a, b) => a + b, 0);

// The readiness report: ML Test Score items with the evidence a repository shows, attestations, blocking findings and scores.
import type { Category, FindingSeverity } from '../types.js';

/** The four sections of the ML Test Score, plus the hidden-debt section derived from this linter's findings. */
export type SectionId = 'data' | 'model' | 'infra' | 'monitor' | 'debt';
/** The four scored sections; the final score is the minimum over them. */
export const SCORED_SECTIONS: readonly Exclude<SectionId, 'debt'>[] = ['data', 'model', 'infra', 'monitor'];

/**
 * How far the repository itself shows an item: nothing; an artifact (a schema, a test); something that runs it
 * automatically (a CI step, a DVC stage, a scheduled job); a recent machine result of a run (JUnit, coverage).
 */
export type EvidenceLevel = 'none' | 'present' | 'automated' | 'observed';
export const EVIDENCE_LEVELS: readonly EvidenceLevel[] = ['none', 'present', 'automated', 'observed'];

/** What a repository can show for an item at best: all of it, part of it, or nothing (a person must attest). */
export type ItemKind = 'evidence' | 'partial' | 'manual';

/** One piece of evidence, with where it is. Lines and columns are 1-based; `cell` is 0-based for notebooks. */
export interface EvidenceRef {
  readonly level: Exclude<EvidenceLevel, 'none'>;
  /** What was found, in a short sentence ("pandera schema `RawSchema`", "CI step runs pytest"). */
  readonly text: string;
  /** Project-relative, `/`-separated. */
  readonly file: string;
  readonly line?: number;
  readonly cell?: number;
}

/** A finding that stands in the way of an item (warning or error level; info findings never block). */
export interface BlockingFinding {
  readonly ruleId: string;
  readonly severity: FindingSeverity;
  readonly message: string;
  readonly file: string;
  /** 1-based. */
  readonly line: number;
  readonly column: number;
  readonly cell?: number;
}

export type AttestationStatus = 'done' | 'partial' | 'not-done' | 'not-applicable';

/** A team's attestation of an item, as read from `.mlready.yaml`, with whether it still counts. */
export interface ItemAttestation {
  readonly status: AttestationStatus;
  /** `manual` earns half a point (the paper's "executed manually, documented"); `automated` a full point. */
  readonly how: 'manual' | 'automated';
  readonly by?: string;
  readonly date?: string;
  readonly note?: string;
  /** True when the attestation is older than `maxAgeDays` or has no date: then it earns nothing. */
  readonly expired: boolean;
}

export interface ReadinessItem {
  /** Stable id: `data-1` ... `monitor-7` for the ML Test Score; `debt-<category>` for the debt section. */
  readonly id: string;
  readonly section: SectionId;
  /** Position in its section, 1-based. */
  readonly number: number;
  readonly title: string;
  /** One or two sentences on what the item asks, in our own words. */
  readonly description: string;
  readonly kind: ItemKind;
  /** The highest level among the evidence. */
  readonly level: EvidenceLevel;
  readonly evidence: readonly EvidenceRef[];
  readonly blocking: readonly BlockingFinding[];
  /** Blocking findings beyond those listed (lists are capped). */
  readonly moreBlocking: number;
  readonly attestation?: ItemAttestation;
  /** Points from the repository alone: 1 when automated or observed and nothing blocks it, else 0. */
  readonly evidencePoints: number;
  /** Points with attestations counted too. */
  readonly points: number;
  /** What to do next, in one sentence. */
  readonly next: string;
  /** Rule ids whose findings block this item. */
  readonly rules: readonly string[];
}

export interface SectionScore {
  readonly id: SectionId;
  readonly title: string;
  readonly items: readonly ReadinessItem[];
  /** Sum of evidence points (max 7 for the scored sections). */
  readonly evidenceScore: number;
  /** Sum of points with attestations. */
  readonly score: number;
  readonly max: number;
}

/** Findings per debt category, for the chart. */
export interface CategoryCount {
  readonly category: Category;
  readonly errors: number;
  readonly warnings: number;
  readonly infos: number;
}

export interface ScoreSummary {
  /** Minimum over the four scored sections. */
  readonly value: number;
  /** The section(s) whose sum is that minimum. */
  readonly cappedBy: readonly SectionId[];
  /** The paper's interpretation of the score, in our words. */
  readonly band: string;
}

export interface ReadinessReport {
  /** Version of this JSON shape. */
  readonly schemaVersion: 1;
  readonly tool: { readonly name: 'mlready'; readonly version: string };
  /** ISO date-time the report was made. */
  readonly generatedAt: string;
  /** The project root's folder name. */
  readonly project: string;
  /** Scoring rules in force: the 2017 ML Test Score (0.5 manual, 1 automated, minimum over sections). */
  readonly scoring: 'ml-test-score-2017';
  /** Attestations older than this many days no longer count. */
  readonly maxAgeDays: number;
  readonly sections: readonly SectionScore[];
  /** From the repository alone. */
  readonly evidence: ScoreSummary;
  /** With the team's attestations. */
  readonly attested: ScoreSummary;
  readonly categories: readonly CategoryCount[];
  readonly findings: { readonly errors: number; readonly warnings: number; readonly infos: number };
  /** Attestations in the config for item ids that do not exist. */
  readonly unknownAttestations: readonly string[];
}

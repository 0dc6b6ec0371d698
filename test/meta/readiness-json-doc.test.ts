// Meta test: docs/json-format.md documents every field of the ReadinessReport type, no more, and every enumerated value.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { band } from '../../src/engine/readiness/items';
import {
  EVIDENCE_LEVELS,
  SCORED_SECTIONS,
  type AttestationStatus,
  type BlockingFinding,
  type CategoryCount,
  type EvidenceRef,
  type ItemAttestation,
  type ItemKind,
  type ReadinessItem,
  type ReadinessReport,
  type ScoreSummary,
  type SectionScore,
} from '../../src/engine/readiness/types';
import { CATEGORIES } from '../../src/engine/types';

/** The compiler checks each list against its type: a field added to or removed from types.ts fails to build here. */
type Fields<T> = Record<keyof T, true>;
const REPORT = { schemaVersion: true, tool: true, generatedAt: true, project: true, scoring: true, maxAgeDays: true, sections: true, evidence: true, attested: true, categories: true, findings: true, unknownAttestations: true } satisfies Fields<ReadinessReport>;
const TOOL = { name: true, version: true } satisfies Fields<ReadinessReport['tool']>;
const SECTION = { id: true, title: true, items: true, evidenceScore: true, score: true, max: true } satisfies Fields<SectionScore>;
const ITEM = { id: true, section: true, number: true, title: true, description: true, kind: true, level: true, evidence: true, blocking: true, moreBlocking: true, attestation: true, evidencePoints: true, points: true, next: true, rules: true } satisfies Fields<ReadinessItem>;
const EVIDENCE = { level: true, text: true, file: true, line: true, cell: true } satisfies Fields<EvidenceRef>;
const BLOCKING = { ruleId: true, severity: true, message: true, file: true, line: true, column: true, cell: true } satisfies Fields<BlockingFinding>;
const ATTESTATION = { status: true, how: true, by: true, date: true, note: true, expired: true } satisfies Fields<ItemAttestation>;
const SUMMARY = { value: true, cappedBy: true, band: true } satisfies Fields<ScoreSummary>;
const CATEGORY = { category: true, errors: true, warnings: true, infos: true } satisfies Fields<CategoryCount>;
const FINDINGS = { errors: true, warnings: true, infos: true } satisfies Fields<ReadinessReport['findings']>;
const STATUSES = { done: true, partial: true, 'not-done': true, 'not-applicable': true } satisfies Record<AttestationStatus, true>;
const KINDS = { evidence: true, partial: true, manual: true } satisfies Record<ItemKind, true>;

const TABLES: readonly [heading: string, fields: object][] = [
  ['The report', REPORT],
  ['`tool`', TOOL],
  ['A section (`sections[]`)', SECTION],
  ['An item (`sections[].items[]`)', ITEM],
  ['Evidence (`items[].evidence[]`)', EVIDENCE],
  ['A blocking finding (`items[].blocking[]`)', BLOCKING],
  ['An attestation (`items[].attestation`)', ATTESTATION],
  ['A score summary (`evidence`, `attested`)', SUMMARY],
  ['Findings per category (`categories[]`)', CATEGORY],
];

const doc = readFileSync(join(__dirname, '..', '..', 'docs', 'json-format.md'), 'utf8');
const readiness = doc.slice(doc.indexOf('\n## Readiness report\n'));

/** The `### heading`'s text up to the next heading. */
function part(heading: string): string {
  const start = readiness.indexOf(`\n### ${heading}\n`);
  assert.ok(start >= 0, `docs/json-format.md has "### ${heading}" under "## Readiness report"`);
  const end = readiness.indexOf('\n#', start + 1);
  return readiness.slice(start, end === -1 ? undefined : end);
}

/** The field names in the first column of a part's table. */
function documentedFields(text: string): string[] {
  return [...text.matchAll(/^\| `([A-Za-z]+)` \|/gm)].map((m) => m[1] ?? '');
}

describe('docs/json-format.md: the readiness report', () => {
  it('has a "Readiness report" section', () => {
    assert.ok(readiness.length > 100);
  });

  for (const [heading, fields] of TABLES) {
    it(`"${heading}" lists exactly the fields of the type, in the order the report is built`, () => {
      assert.deepEqual(documentedFields(part(heading)), Object.keys(fields));
    });
  }

  it('documents the findings counts, the levels, statuses, kinds, sections, categories and bands', () => {
    const reportRow = part('The report').split('\n').find((l) => l.startsWith('| `findings` |')) ?? '';
    for (const f of Object.keys(FINDINGS)) assert.ok(reportRow.includes(`\`${f}\``), `findings.${f}`);
    const levels = part('Evidence levels');
    for (const level of EVIDENCE_LEVELS) assert.ok(levels.includes(`| \`${level}\` |`), level);
    const attestation = part('An attestation (`items[].attestation`)');
    for (const s of Object.keys(STATUSES)) assert.ok(attestation.includes(`\`${s}\``), s);
    const item = part('An item (`sections[].items[]`)');
    for (const k of Object.keys(KINDS)) assert.ok(item.includes(`\`${k}\``), k);
    const section = part('A section (`sections[]`)');
    for (const id of [...SCORED_SECTIONS, 'debt']) assert.ok(section.includes(`\`${id}\``), id);
    const categories = part('Findings per category (`categories[]`)');
    for (const c of CATEGORIES.filter((k) => k !== 'meta')) assert.ok(categories.includes(`\`${c}\``), c);
    const bands = part('Bands');
    for (const score of [0, 0.5, 1.5, 2.5, 4, 6]) assert.ok(bands.includes(`| ${band(score)} |`), band(score));
  });

  it('the example is valid JSON with the report\'s keys in order', () => {
    const example = /```json\n([\s\S]+?)```/.exec(readiness)?.[1] ?? '';
    const parsed = JSON.parse(example) as Record<string, unknown>;
    assert.deepEqual(Object.keys(parsed), Object.keys(REPORT));
  });
});

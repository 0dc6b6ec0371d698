// SARIF 2.1.0 output for GitHub code scanning and other viewers: stable rule ids and partial fingerprints.
import { fingerprintKey } from '../baseline.js';
import { fnv1a64 } from '../hash.js';
import { ruleDocsUrl } from '../rule.js';
import type { Finding } from '../types.js';
import type { ReportInput } from './types.js';

const LEVEL = { error: 'error', warning: 'warning', info: 'note', off: 'none' } as const;

export function formatSarif(input: ReportInput): string {
  const ruleIds = [...new Set([...input.rules.keys()])].sort();
  const ruleIndex = new Map(ruleIds.map((id, i) => [id, i]));
  const occurrences = new Map<string, number>();
  const results = input.findings.map((f) => {
    const key = fingerprintKey(f);
    const n = occurrences.get(key) ?? 0;
    occurrences.set(key, n + 1);
    return result(f, ruleIndex.get(f.ruleId) ?? -1, `${fnv1a64(key)}:${n}`);
  });
  const log = {
    $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
    version: '2.1.0',
    runs: [
      {
        tool: {
          driver: {
            name: 'mlready',
            version: input.toolVersion,
            informationUri: 'https://github.com/mlready/mlready',
            rules: ruleIds.map((id) => {
              const meta = input.rules.get(id);
              return {
                id,
                name: id,
                shortDescription: { text: meta?.description ?? id },
                helpUri: ruleDocsUrl(id),
                defaultConfiguration: { level: LEVEL[meta?.defaultSeverity ?? 'warning'] },
                properties: { category: meta?.category ?? 'meta', status: meta?.status ?? 'stable', tags: ['ml', meta?.category ?? 'meta'] },
              };
            }),
          },
        },
        invocations: [
          {
            executionSuccessful: true,
            toolExecutionNotifications: input.skipped.map((s) => ({
              level: 'note',
              message: { text: `Skipped: ${s.reason}` },
              locations: [{ physicalLocation: { artifactLocation: { uri: encodeUri(s.file), uriBaseId: '%SRCROOT%' } } }],
            })),
          },
        ],
        columnKind: 'utf16CodeUnits',
        results,
      },
    ],
  };
  return `${JSON.stringify(log, null, 2)}\n`;
}

function result(f: Finding, ruleIndex: number, fingerprint: string): Record<string, unknown> {
  const artifactLocation = { uri: encodeUri(f.file), uriBaseId: '%SRCROOT%' };
  // SARIF has no notebook cells: point at the notebook file and name the cell in a logical location.
  const physicalLocation =
    f.cell === undefined
      ? { artifactLocation, region: { startLine: f.range.start.line + 1, startColumn: f.range.start.column + 1, endLine: f.range.end.line + 1, endColumn: f.range.end.column + 1 } }
      : { artifactLocation };
  return {
    ruleId: f.ruleId,
    ...(ruleIndex >= 0 ? { ruleIndex } : {}),
    level: LEVEL[f.severity],
    message: { text: f.cell === undefined ? f.message : `${f.message} (cell ${f.cell + 1}, line ${f.range.start.line + 1})` },
    locations: [
      {
        physicalLocation,
        ...(f.cell === undefined ? {} : { logicalLocations: [{ name: `cell ${f.cell + 1}`, kind: 'module' }] }),
      },
    ],
    partialFingerprints: { 'mlready/v1': fingerprint },
    ...(f.related?.length
      ? {
          relatedLocations: f.related.map((r, id) => ({
            id,
            message: { text: r.message },
            physicalLocation: { artifactLocation: { uri: encodeUri(r.file), uriBaseId: '%SRCROOT%' }, region: { startLine: r.range.start.line + 1, startColumn: r.range.start.column + 1 } },
          })),
        }
      : {}),
    ...(f.fix && f.cell === undefined
      ? {
          fixes: [
            {
              description: { text: f.fix.description },
              artifactChanges: [
                {
                  artifactLocation,
                  replacements: f.fix.edits.map((e) => ({
                    deletedRegion: { startLine: e.range.start.line + 1, startColumn: e.range.start.column + 1, endLine: e.range.end.line + 1, endColumn: e.range.end.column + 1 },
                    insertedContent: { text: e.newText },
                  })),
                },
              ],
            },
          ],
        }
      : {}),
  };
}

function encodeUri(path: string): string {
  return path.split('/').map(encodeURIComponent).join('/');
}

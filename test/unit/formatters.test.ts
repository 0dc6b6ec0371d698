// Tests of the output formats on hand-built findings: JSON contract, SARIF 2.1.0, GitHub annotations, stylish and markdown.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { formatGithub } from '../../src/engine/formatters/github';
import { formatJson } from '../../src/engine/formatters/json';
import { formatMarkdown } from '../../src/engine/formatters/markdown';
import { formatSarif } from '../../src/engine/formatters/sarif';
import { formatStylish } from '../../src/engine/formatters/stylish';
import { countSeverities, displayLocation, displayPosition, type ReportInput } from '../../src/engine/formatters/types';
import { ruleDocsUrl } from '../../src/engine/rule';
import { RULES } from '../../src/engine/rules/index';
import type { Finding, Range } from '../../src/engine/types';

const r = (line: number, column: number, endLine: number, endColumn: number): Range => ({ start: { line, column }, end: { line: endLine, column: endColumn } });

const PY_FIX: Finding = {
  ruleId: 'random-state-unset',
  category: 'reproducibility',
  severity: 'warning',
  message: 'RandomForestClassifier() uses randomness but gets no random_state.',
  file: 'src/train.py',
  range: r(9, 12, 9, 51),
  subject: 'clf = RandomForestClassifier()',
  fix: { description: 'Pass random_state=42', safety: 'unsafe', edits: [{ range: r(9, 50, 9, 50), newText: 'random_state=42' }] },
};

const URL_ERROR: Finding = {
  ruleId: 'remote-data-unpinned',
  category: 'data',
  severity: 'error',
  message: "Reads https://example.com/main/a.csv from the moving ref 'main'.",
  file: 'src/train.py',
  range: r(3, 21, 3, 25),
  subject: 'https://example.com/main/a.csv',
  related: [{ file: 'dvc.yaml', range: r(4, 6, 4, 10), message: 'the stage that uses it' }],
};

const NOTEBOOK_INFO: Finding = {
  ruleId: 'random-state-unset',
  category: 'reproducibility',
  severity: 'info',
  message: 'train_test_split() uses randomness.',
  file: 'notebooks/explore.ipynb',
  cell: 2,
  range: r(1, 5, 1, 22),
  subject: 'a, b = train_test_split(X)',
  fix: { description: 'Pass random_state=42', safety: 'unsafe', edits: [{ range: r(1, 21, 1, 21), newText: ', random_state=42', cell: 2 }] },
};

const DEP_A: Finding = {
  ruleId: 'dependency-unpinned',
  category: 'dependencies',
  severity: 'warning',
  message: "'numpy' is not pinned.",
  file: 'requirements.txt',
  range: r(0, 0, 0, 5),
  subject: 'numpy',
  fix: { description: 'Pin numpy==1.26.4', safety: 'safe', edits: [{ range: r(0, 5, 0, 5), newText: '==1.26.4' }] },
};

/** Same rule, file and subject as DEP_A on another line: a duplicate for fingerprints. */
const DEP_B: Finding = { ...DEP_A, range: r(4, 0, 4, 5) };

const FINDINGS: readonly Finding[] = [NOTEBOOK_INFO, DEP_A, DEP_B, URL_ERROR, PY_FIX];

function input(findings: readonly Finding[] = FINDINGS, extra: Partial<ReportInput> = {}): ReportInput {
  return {
    findings,
    skipped: [{ file: 'big.py', reason: 'file is 6.0 MB, over the 5.0 MB limit for source files' }],
    lintedFiles: 4,
    suppressed: 2,
    baselined: 1,
    rules: RULES,
    toolVersion: '9.9.9',
    ...extra,
  };
}

describe('formatter helpers', () => {
  it('counts severities and gives 1-based display positions', () => {
    assert.deepEqual(countSeverities(FINDINGS), { error: 1, warning: 3, info: 1 });
    assert.deepEqual(displayPosition(PY_FIX), { line: 10, column: 13, endLine: 10, endColumn: 52 });
    assert.equal(displayLocation(PY_FIX), 'src/train.py');
    assert.equal(displayLocation(NOTEBOOK_INFO), 'notebooks/explore.ipynb [cell 3]');
  });
});

describe('formatJson', () => {
  const doc = JSON.parse(formatJson(input())) as {
    version: number;
    tool: { name: string; version: string };
    summary: Record<string, number>;
    findings: Record<string, unknown>[];
    skipped: { file: string; reason: string }[];
  };

  it('has the documented top-level shape and summary counts', () => {
    assert.equal(doc.version, 1);
    assert.deepEqual(doc.tool, { name: 'mlready', version: '9.9.9' });
    assert.deepEqual(doc.summary, { files: 4, errors: 1, warnings: 3, infos: 1, suppressed: 2, baselined: 1, skipped: 1 });
    assert.deepEqual(doc.skipped, [{ file: 'big.py', reason: 'file is 6.0 MB, over the 5.0 MB limit for source files' }]);
    assert.equal(doc.findings.length, 5);
  });

  it('writes positions 1-based with the fix edits and docs link', () => {
    assert.deepEqual(doc.findings[4], {
      ruleId: 'random-state-unset',
      category: 'reproducibility',
      severity: 'warning',
      message: 'RandomForestClassifier() uses randomness but gets no random_state.',
      file: 'src/train.py',
      line: 10,
      column: 13,
      endLine: 10,
      endColumn: 52,
      docs: ruleDocsUrl('random-state-unset'),
      fix: { description: 'Pass random_state=42', safety: 'unsafe', edits: [{ line: 10, column: 51, endLine: 10, endColumn: 51, newText: 'random_state=42' }] },
    });
  });

  it('keeps notebook cells 0-based, in the finding and its edits', () => {
    const nb = doc.findings[0];
    assert.ok(nb);
    assert.deepEqual([nb.cell, nb.line, nb.column, nb.endLine, nb.endColumn], [2, 2, 6, 2, 23]);
    assert.deepEqual(nb.fix, { description: 'Pass random_state=42', safety: 'unsafe', edits: [{ cell: 2, line: 2, column: 22, endLine: 2, endColumn: 22, newText: ', random_state=42' }] });
  });

  it('lists related locations 1-based and leaves out empty optional fields', () => {
    const url = doc.findings[3];
    const dep = doc.findings[1];
    assert.ok(url && dep);
    assert.deepEqual(url.related, [{ file: 'dvc.yaml', line: 5, column: 7, message: 'the stage that uses it' }]);
    assert.equal('fix' in url, false);
    assert.equal('cell' in url, false);
    assert.equal('related' in dep, false);
  });

  it('ends with a newline and is stable', () => {
    const text = formatJson(input());
    assert.ok(text.endsWith('}\n'));
    assert.equal(text, formatJson(input()));
  });
});

interface SarifLog {
  $schema: string;
  version: string;
  runs: {
    tool: { driver: { name: string; version: string; rules: { id: string; helpUri: string; defaultConfiguration: { level: string }; properties: { category: string } }[] } };
    invocations: { executionSuccessful: boolean; toolExecutionNotifications: { level: string; message: { text: string }; locations: { physicalLocation: { artifactLocation: { uri: string } } }[] }[] }[];
    columnKind: string;
    results: {
      ruleId: string;
      ruleIndex?: number;
      level: string;
      message: { text: string };
      locations: { physicalLocation: { artifactLocation: { uri: string; uriBaseId: string }; region?: Record<string, number> }; logicalLocations?: { name: string; kind: string }[] }[];
      partialFingerprints: Record<string, string>;
      relatedLocations?: unknown[];
      fixes?: { description: { text: string }; artifactChanges: { replacements: { deletedRegion: Record<string, number>; insertedContent: { text: string } }[] }[] }[];
    }[];
  }[];
}

function sarif(i: ReportInput = input()): SarifLog {
  return JSON.parse(formatSarif(i)) as SarifLog;
}

describe('formatSarif', () => {
  const log = sarif();
  const run = log.runs[0];
  assert.ok(run);

  it('is SARIF 2.1.0 with its schema, tool identity and UTF-16 columns', () => {
    assert.equal(log.version, '2.1.0');
    assert.equal(log.$schema, 'https://json.schemastore.org/sarif-2.1.0.json');
    assert.equal(log.runs.length, 1);
    assert.equal(run.tool.driver.name, 'mlready');
    assert.equal(run.tool.driver.version, '9.9.9');
    assert.equal(run.columnKind, 'utf16CodeUnits');
  });

  it('lists every rule sorted by id, and every result points at its rule by index', () => {
    const ids = run.tool.driver.rules.map((rule) => rule.id);
    assert.deepEqual(ids, [...RULES.keys()].sort());
    assert.equal(run.results.length, 5);
    for (const result of run.results) {
      assert.ok(ids.includes(result.ruleId), result.ruleId);
      assert.equal(result.ruleIndex, ids.indexOf(result.ruleId));
      assert.equal(run.tool.driver.rules[result.ruleIndex ?? -1]?.id, result.ruleId);
    }
    const rule = run.tool.driver.rules.find((x) => x.id === 'remote-data-unpinned');
    assert.deepEqual([rule?.helpUri, rule?.defaultConfiguration.level, rule?.properties.category], [ruleDocsUrl('remote-data-unpinned'), 'warning', 'data']);
  });

  it('maps severities to levels and positions to 1-based regions', () => {
    assert.deepEqual(run.results.map((x) => x.level), ['note', 'warning', 'warning', 'error', 'warning']);
    const py = run.results[4];
    assert.ok(py);
    assert.deepEqual(py.locations[0]?.physicalLocation, {
      artifactLocation: { uri: 'src/train.py', uriBaseId: '%SRCROOT%' },
      region: { startLine: 10, startColumn: 13, endLine: 10, endColumn: 52 },
    });
    assert.deepEqual(py.fixes?.[0]?.artifactChanges[0]?.replacements, [
      { deletedRegion: { startLine: 10, startColumn: 51, endLine: 10, endColumn: 51 }, insertedContent: { text: 'random_state=42' } },
    ]);
    assert.equal(run.results[3]?.relatedLocations?.length, 1);
  });

  it('points a notebook result at the file with a logical cell location and no region', () => {
    const nb = run.results[0];
    assert.ok(nb);
    const location = nb.locations[0];
    assert.deepEqual(location?.physicalLocation, { artifactLocation: { uri: 'notebooks/explore.ipynb', uriBaseId: '%SRCROOT%' } });
    assert.deepEqual(location.logicalLocations, [{ name: 'cell 3', kind: 'module' }]);
    assert.equal(nb.message.text, 'train_test_split() uses randomness. (cell 3, line 2)');
    assert.equal(nb.fixes, undefined, 'cell edits cannot be expressed as SARIF fixes');
  });

  it('gives stable partial fingerprints, distinct for two findings with the same subject', () => {
    const again = sarif();
    const prints = run.results.map((x) => x.partialFingerprints['mlready/v1']);
    assert.deepEqual(again.runs[0]?.results.map((x) => x.partialFingerprints['mlready/v1']), prints);
    assert.equal(new Set(prints).size, prints.length);
    const [depA, depB] = [prints[1] ?? '', prints[2] ?? ''];
    assert.match(depA, /^[0-9a-f]{16}:0$/);
    assert.equal(depB, `${depA.slice(0, -2)}:1`, 'same key, next occurrence');
  });

  it('keeps fingerprints when a finding moves to another line', () => {
    const moved = sarif(input([{ ...PY_FIX, range: r(30, 12, 30, 51) }]));
    const original = sarif(input([PY_FIX]));
    assert.equal(moved.runs[0]?.results[0]?.partialFingerprints['mlready/v1'], original.runs[0]?.results[0]?.partialFingerprints['mlready/v1']);
  });

  it('reports skipped files as tool notifications and encodes URIs', () => {
    assert.deepEqual(run.invocations[0]?.toolExecutionNotifications, [
      { level: 'note', message: { text: 'Skipped: file is 6.0 MB, over the 5.0 MB limit for source files' }, locations: [{ physicalLocation: { artifactLocation: { uri: 'big.py', uriBaseId: '%SRCROOT%' } } }] },
    ]);
    const spaced = sarif(input([{ ...DEP_A, file: 'my dir/req #1.txt' }]));
    assert.equal(spaced.runs[0]?.results[0]?.locations[0]?.physicalLocation.artifactLocation.uri, 'my%20dir/req%20%231.txt');
  });

  it('omits ruleIndex for a rule that is not registered', () => {
    const unknown = sarif(input([{ ...DEP_A, ruleId: 'not-a-rule' }]));
    assert.equal(unknown.runs[0]?.results[0]?.ruleIndex, undefined);
  });
});

describe('formatGithub', () => {
  it('writes one workflow command per finding with 1-based positions', () => {
    const lines = formatGithub(input([URL_ERROR, DEP_A])).split('\n');
    assert.deepEqual(lines, [
      "::error file=src/train.py,line=4,endLine=4,col=22,endColumn=26,title=mlready(remote-data-unpinned)::Reads https://example.com/main/a.csv from the moving ref 'main'.",
      "::warning file=requirements.txt,line=1,endLine=1,col=1,endColumn=6,title=mlready(dependency-unpinned)::'numpy' is not pinned.",
      '',
    ]);
  });

  it('uses notice for info and names the cell of a notebook finding without positions', () => {
    assert.equal(
      formatGithub(input([NOTEBOOK_INFO])),
      '::notice file=notebooks/explore.ipynb,title=mlready(random-state-unset)::cell 3, line 2: train_test_split() uses randomness.\n',
    );
  });

  it('escapes %, CR and LF in data, and also : and , in properties', () => {
    const tricky: Finding = { ...DEP_A, file: 'a:b,c%d.txt', message: '100% sure\r\nsecond line: a, b' };
    assert.equal(
      formatGithub(input([tricky])),
      '::warning file=a%3Ab%2Cc%25d.txt,line=1,endLine=1,col=1,endColumn=6,title=mlready(dependency-unpinned)::100%25 sure%0D%0Asecond line: a, b\n',
    );
  });

  it('prints nothing for no findings', () => {
    assert.equal(formatGithub(input([])), '');
  });
});

describe('formatStylish', () => {
  it('groups by file, aligns columns and ends with the summary, without ANSI codes when color is off', () => {
    const text = formatStylish(input(), { color: false });
    assert.ok(!text.includes('\u001b['));
    assert.deepEqual(text.split('\n'), [
      'notebooks/explore.ipynb',
      '  cell 3 2:6   info     train_test_split() uses randomness.  random-state-unset [unsafe fix]',
      '',
      'requirements.txt',
      "  1:1          warning  'numpy' is not pinned.  dependency-unpinned [fixable]",
      "  5:1          warning  'numpy' is not pinned.  dependency-unpinned [fixable]",
      '',
      'src/train.py',
      "  4:22         error    Reads https://example.com/main/a.csv from the moving ref 'main'.  remote-data-unpinned",
      '  10:13        warning  RandomForestClassifier() uses randomness but gets no random_state.  random-state-unset [unsafe fix]',
      '',
      '5 problems (1 error, 3 warnings, 1 info) in 4 files.',
      '2 fixable with the `--fix` option.',
      'Not shown: 2 suppressed inline, 1 in the baseline, 1 file skipped (see below).',
      '',
      'Skipped:',
      '  big.py: file is 6.0 MB, over the 5.0 MB limit for source files',
      '',
    ]);
  });

  it('uses singular forms and a no-problems line', () => {
    assert.equal(formatStylish(input([], { skipped: [], suppressed: 0, baselined: 0 }), { color: false }), 'No problems found in 4 files.\n');
    const one = formatStylish(input([URL_ERROR], { skipped: [], suppressed: 0, baselined: 0 }), { color: false });
    assert.ok(one.endsWith('\n1 problem (1 error, 0 warnings, 0 info) in 4 files.\n'), one);
  });

  it('paints with ANSI codes when color is on', () => {
    const text = formatStylish(input([URL_ERROR]), { color: true });
    assert.ok(text.includes('\u001b[4msrc/train.py\u001b[0m'));
    assert.ok(text.includes('\u001b[31merror  \u001b[0m'));
    assert.ok(text.includes('\u001b[1m1 problem\u001b[0m (1 error, 0 warnings, 0 info) in 4 files.'));
  });

  it('shows errors only when quiet', () => {
    const text = formatStylish(input(FINDINGS, { skipped: [], suppressed: 0, baselined: 0 }), { color: false, quiet: true });
    assert.deepEqual(text.split('\n'), [
      'src/train.py',
      "  4:22         error    Reads https://example.com/main/a.csv from the moving ref 'main'.  remote-data-unpinned",
      '',
      '1 problem (1 error, 0 warnings, 0 info) in 4 files.',
      '',
    ]);
  });
});

describe('formatMarkdown', () => {
  it('writes a summary, a category table, findings by file and skipped files', () => {
    const text = formatMarkdown(input());
    assert.deepEqual(text.split('\n'), [
      '# mlready report',
      '',
      '5 findings in 4 files: 1 errors, 3 warnings, 1 info.',
      '',
      '| Category | Findings |',
      '| --- | ---: |',
      '| data | 1 |',
      '| dependencies | 2 |',
      '| reproducibility | 2 |',
      '',
      '## `notebooks/explore.ipynb`',
      '',
      `- **info** [cell 3] line 2: train\\_test\\_split() uses randomness. ([random-state-unset](${ruleDocsUrl('random-state-unset')}))`,
      // A heading right after a list item still starts a new block in CommonMark.
      '## `requirements.txt`',
      '',
      `- **warning** line 1: 'numpy' is not pinned. ([dependency-unpinned](${ruleDocsUrl('dependency-unpinned')}))`,
      `- **warning** line 5: 'numpy' is not pinned. ([dependency-unpinned](${ruleDocsUrl('dependency-unpinned')}))`,
      '## `src/train.py`',
      '',
      `- **error** line 4: Reads https://example.com/main/a.csv from the moving ref 'main'. ([remote-data-unpinned](${ruleDocsUrl('remote-data-unpinned')}))`,
      `- **warning** line 10: RandomForestClassifier() uses randomness but gets no random\\_state. ([random-state-unset](${ruleDocsUrl('random-state-unset')}))`,
      '',
      '## Skipped files',
      '',
      '- `big.py`: file is 6.0 MB, over the 5.0 MB limit for source files',
      '',
    ]);
  });

  it('escapes markdown in messages, including table pipes', () => {
    const text = formatMarkdown(input([{ ...DEP_A, message: 'a|b *c* <d> [e] `f`' }], { skipped: [] }));
    assert.ok(text.includes("- **warning** line 1: a\\|b \\*c\\* \\<d\\> \\[e\\] \\`f\\` ("), text);
  });

  it('writes only the summary for a clean run', () => {
    assert.equal(formatMarkdown(input([], { skipped: [] })), '# mlready report\n\n0 findings in 4 files: 0 errors, 0 warnings, 0 info.\n');
  });
});

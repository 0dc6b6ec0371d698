// Tests of inline suppressions (parsing, applying, unused and invalid ones) and of baselines (round trip, matching, counts).
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { createBaseline, filterByBaseline, fingerprintKey, parseBaseline, serializeBaseline, type Baseline } from '../../src/engine/baseline';
import { SettingsResolver, type FileSettings } from '../../src/engine/config/resolve';
import type { ResolvedConfig, RuleSetting } from '../../src/engine/config/types';
import { InProcessExecutor } from '../../src/engine/executor';
import { classifyPath } from '../../src/engine/file-kinds';
import { applyEdits } from '../../src/engine/fixes';
import { MemoryFileSystem } from '../../src/engine/fs';
import { lintSource } from '../../src/engine/lint-file';
import { runLint, type LintRun } from '../../src/engine/linter';
import { emptyProject } from '../../src/engine/project';
import { FILE_RULES, RULES } from '../../src/engine/rules/index';
import { SourceFile } from '../../src/engine/source-file';
import { applySuppressions, type SuppressionOutcome } from '../../src/engine/suppress';
import { parseSuppressions, suppressionComment } from '../../src/engine/suppressions';
import type { Finding, Severity } from '../../src/engine/types';
import { pythonParser } from '../helpers/python';

/** The rules these tests are written against; rules added later stay off so they cannot change the outcome. */
const ON = new Set(['random-state-unset', 'remote-data-unpinned', 'dependency-unpinned', 'unused-suppression', 'invalid-suppression']);

function settingsWith(overrides: Record<string, Severity> = {}): FileSettings {
  const map = new Map<string, RuleSetting>();
  for (const id of RULES.keys()) map.set(id, { severity: overrides[id] ?? (ON.has(id) ? 'warning' : 'off') });
  return map;
}

async function lintAndSuppress(code: string, settings: FileSettings = settingsWith(), path = 'train.py'): Promise<SuppressionOutcome> {
  const file = new SourceFile(path, classifyPath(path), code, { python: await pythonParser() });
  try {
    const result = lintSource(file, FILE_RULES, settings, emptyProject());
    assert.deepEqual(result.ruleErrors, []);
    return applySuppressions(result, settings, RULES);
  } finally {
    file.dispose();
  }
}

function brief(findings: readonly Finding[]): string[] {
  return findings.map((f) => `${f.cell === undefined ? '' : `#${f.cell} `}${f.range.start.line + 1}:${f.range.start.column + 1} ${f.ruleId}`);
}

const IMPORT = 'from sklearn.ensemble import RandomForestClassifier\n';

describe('parseSuppressions', () => {
  it('parses a trailing suppression that covers its own line', () => {
    const text = 'x = 1\nm = f()  # mlready: ignore[random-state-unset] -- seeded by the caller\n';
    assert.deepEqual(parseSuppressions(text), {
      suppressions: [
        {
          scope: 'line',
          ruleIds: ['random-state-unset'],
          reason: 'seeded by the caller',
          lines: [1],
          range: { start: { line: 1, column: 9 }, end: { line: 1, column: 70 } },
          ownLine: false,
          lineText: 'm = f()  # mlready: ignore[random-state-unset] -- seeded by the caller',
        },
      ],
      problems: [],
    });
  });

  it('parses a suppression on its own line as covering it and the next line', () => {
    const { suppressions, problems } = parseSuppressions('    # mlready: ignore[random-state-unset] -- demo only\n    m = f()\n');
    assert.deepEqual(problems, []);
    assert.deepEqual(
      suppressions.map((s) => ({ lines: s.lines, ownLine: s.ownLine, start: s.range.start })),
      [{ lines: [0, 1], ownLine: true, start: { line: 0, column: 4 } }],
    );
  });

  it('parses file-level suppressions with no lines', () => {
    const { suppressions } = parseSuppressions('"""Doc."""\n# mlready: ignore-file[remote-data-unpinned] -- a demo notebook\n');
    assert.deepEqual(
      suppressions.map((s) => [s.scope, s.ruleIds, s.lines, s.reason]),
      [['file', ['remote-data-unpinned'], [], 'a demo notebook']],
    );
  });

  it('parses several ids separated by commas, with loose spacing', () => {
    const { suppressions } = parseSuppressions('#mlready:ignore[ random-state-unset ,remote-data-unpinned ]--  both intended  \n');
    assert.deepEqual(
      suppressions.map((s) => [s.ruleIds, s.reason, s.range.end.column]),
      [[['random-state-unset', 'remote-data-unpinned'], 'both intended', 76]],
    );
  });

  it('reports a suppression without a reason as a problem, not a suppression', () => {
    assert.deepEqual(parseSuppressions('m = f()  # mlready: ignore[random-state-unset]\n'), {
      suppressions: [],
      problems: [
        {
          message: "Suppression of random-state-unset has no reason: add '-- why this is acceptable' so reviewers can judge it.",
          range: { start: { line: 0, column: 9 }, end: { line: 0, column: 46 } },
        },
      ],
    });
    assert.equal(parseSuppressions('# mlready: ignore[a-b] --   \n').problems[0]?.message, "Suppression of a-b has no reason: add '-- why this is acceptable' so reviewers can judge it.");
  });

  it('reports empty brackets, malformed bodies and ids that are not kebab-case', () => {
    const text = [
      '# mlready: ignore[] -- nothing',
      '# mlready: ignore random-state-unset -- no brackets',
      '# mlready: ignore-file',
      '# mlready: ignore[Random_State] -- caps',
      '# mlready: ignore[a, -b] -- bad second',
      '',
    ].join('\n');
    const { suppressions, problems } = parseSuppressions(text);
    assert.deepEqual(suppressions, []);
    assert.deepEqual(
      problems.map((p) => `${p.range.start.line}: ${p.message}`),
      [
        '0: Suppression names no rule: list the rule ids in the brackets.',
        "1: Malformed suppression: write '# mlready: ignore[rule-id] -- reason'.",
        "2: Malformed suppression: write '# mlready: ignore-file[rule-id] -- reason'.",
        "3: 'Random_State' is not a rule id (rule ids are kebab-case, e.g. remote-data-unpinned).",
        "4: '-b' is not a rule id (rule ids are kebab-case, e.g. remote-data-unpinned).",
      ],
    );
  });

  it('ignores text that is not a directive', () => {
    assert.deepEqual(parseSuppressions('x = 1  # mlready is great\ny = "#mlready: ignore[a] -- b"\n# mlready: ignored[a] -- b\n'), { suppressions: [], problems: [] });
    assert.deepEqual(parseSuppressions('nothing here\n'), { suppressions: [], problems: [] });
  });

  it('handles CRLF line endings', () => {
    const { suppressions } = parseSuppressions('a = 1\r\nb = f()  # mlready: ignore[random-state-unset] -- ok\r\n');
    assert.deepEqual(
      suppressions.map((s) => [s.lines, s.range.end.column, s.reason]),
      [[[1], 52, 'ok']],
    );
  });

  it('tags suppressions and problems with their notebook cell', () => {
    const { suppressions, problems } = parseSuppressions('# mlready: ignore[random-state-unset] -- demo\nkm = KMeans()\n# mlready: ignore[x]\n', 3);
    assert.deepEqual(suppressions.map((s) => [s.cell, s.lines]), [[3, [0, 1]]]);
    assert.deepEqual(problems.map((p) => p.cell), [3]);
  });

  it('suppressionComment writes the canonical form, which parses back', () => {
    const comment = suppressionComment('random-state-unset', 'seeded upstream');
    assert.equal(comment, '# mlready: ignore[random-state-unset] -- seeded upstream');
    assert.deepEqual(parseSuppressions(comment).suppressions.map((s) => [s.ruleIds, s.reason]), [[['random-state-unset'], 'seeded upstream']]);
  });
});

describe('applySuppressions', () => {
  it('without suppressions keeps every finding', async () => {
    const outcome = await lintAndSuppress(`${IMPORT}m = RandomForestClassifier()\n`);
    assert.deepEqual(brief(outcome.findings), ['2:5 random-state-unset']);
    assert.equal(outcome.suppressed, 0);
  });

  it('a trailing comment silences its own line only', async () => {
    const code = `${IMPORT}m = RandomForestClassifier()  # mlready: ignore[random-state-unset] -- seeded later\nn = RandomForestClassifier()\n`;
    const outcome = await lintAndSuppress(code);
    assert.deepEqual(brief(outcome.findings), ['3:5 random-state-unset']);
    assert.equal(outcome.suppressed, 1);
  });

  it('an own-line comment silences the next line, not the one after', async () => {
    const code = `${IMPORT}# mlready: ignore[random-state-unset] -- demo\nm = RandomForestClassifier()\nn = RandomForestClassifier()\n`;
    const outcome = await lintAndSuppress(code);
    assert.deepEqual(brief(outcome.findings), ['4:5 random-state-unset']);
    assert.equal(outcome.suppressed, 1);
  });

  it('a file-level suppression silences every finding of its rules', async () => {
    const code = `# mlready: ignore-file[random-state-unset] -- benchmark script\n${IMPORT}m = RandomForestClassifier()\nn = RandomForestClassifier()\n`;
    const outcome = await lintAndSuppress(code);
    assert.deepEqual(outcome.findings, []);
    assert.equal(outcome.suppressed, 2);
  });

  it('a suppression of another rule silences nothing and is reported unused', async () => {
    const code = `${IMPORT}m = RandomForestClassifier()  # mlready: ignore[remote-data-unpinned] -- wrong rule\n`;
    const outcome = await lintAndSuppress(code);
    assert.deepEqual(brief(outcome.findings), ['2:5 random-state-unset', '2:31 unused-suppression']);
  });

  it('reports an unused own-line suppression with a safe fix that removes the line', async () => {
    const code = `${IMPORT}# mlready: ignore[random-state-unset] -- stale\nm = RandomForestClassifier(random_state=0)\n`;
    const outcome = await lintAndSuppress(code);
    assert.equal(outcome.findings.length, 1);
    const unused = outcome.findings[0];
    assert.ok(unused);
    assert.deepEqual(
      { ruleId: unused.ruleId, message: unused.message, subject: unused.subject, tags: unused.tags, severity: unused.severity, category: unused.category },
      { ruleId: 'unused-suppression', message: "Suppression of 'random-state-unset' silences nothing here: remove it.", subject: 'suppression random-state-unset', tags: ['unnecessary'], severity: 'warning', category: 'meta' },
    );
    assert.deepEqual(unused.fix, {
      description: 'Remove the suppression comment',
      safety: 'safe',
      edits: [{ range: { start: { line: 1, column: 0 }, end: { line: 2, column: 0 } }, newText: '' }],
    });
    assert.equal(applyEdits(code, unused.fix.edits), `${IMPORT}m = RandomForestClassifier(random_state=0)\n`);
  });

  it('removes an unused trailing suppression with the whitespace before it', async () => {
    const code = `${IMPORT}m = RandomForestClassifier(random_state=0)  # mlready: ignore[random-state-unset] -- stale\n`;
    const outcome = await lintAndSuppress(code);
    const fix = outcome.findings[0]?.fix;
    assert.ok(fix);
    assert.equal(applyEdits(code, fix.edits), `${IMPORT}m = RandomForestClassifier(random_state=0)\n`);
  });

  it('removes only the unused id from a list of several', async () => {
    const code = `${IMPORT}m = RandomForestClassifier()  # mlready: ignore[random-state-unset, remote-data-unpinned] -- both\n`;
    const outcome = await lintAndSuppress(code);
    assert.deepEqual(brief(outcome.findings), ['2:31 unused-suppression']);
    assert.equal(outcome.suppressed, 1);
    const unused = outcome.findings[0];
    assert.ok(unused?.fix);
    assert.equal(unused.message, "Suppression of 'remote-data-unpinned' silences nothing here: remove it.");
    assert.equal(unused.fix.description, "Remove 'remote-data-unpinned' from the suppression");
    assert.equal(applyEdits(code, unused.fix.edits), `${IMPORT}m = RandomForestClassifier()  # mlready: ignore[random-state-unset] -- both\n`);
  });

  it('does not judge suppressions of rules that are off for the file', async () => {
    const code = `${IMPORT}x = 1  # mlready: ignore[remote-data-unpinned] -- intentionally off here\n`;
    const outcome = await lintAndSuppress(code, settingsWith({ 'remote-data-unpinned': 'off' }));
    assert.deepEqual(outcome.findings, []);
  });

  it('reports invalid suppressions and unknown rule ids through invalid-suppression', async () => {
    const code = `${IMPORT}m = RandomForestClassifier()  # mlready: ignore[random-state-unset]\nx = 1  # mlready: ignore[made-up-rule] -- typo\n`;
    const outcome = await lintAndSuppress(code, settingsWith({ 'invalid-suppression': 'error' }));
    assert.deepEqual(
      outcome.findings.map((f) => `${f.range.start.line + 1}:${f.range.start.column + 1} ${f.ruleId} ${f.severity}: ${f.message}`),
      [
        '2:5 random-state-unset warning: RandomForestClassifier() uses randomness but gets no random_state: results change from run to run. Pass random_state=<seed>.',
        "2:31 invalid-suppression error: Suppression of random-state-unset has no reason: add '-- why this is acceptable' so reviewers can judge it.",
        "3:8 invalid-suppression error: Suppression names unknown rule 'made-up-rule' (run 'mlready rules' for the list).",
      ],
    );
    assert.equal(outcome.suppressed, 0, 'a suppression without a reason silences nothing');
  });

  it('reports nothing about suppressions when the meta rules are off', async () => {
    const code = `${IMPORT}x = 1  # mlready: ignore[random-state-unset] -- stale\ny = 2  # mlready: ignore[nope]\n`;
    const outcome = await lintAndSuppress(code, settingsWith({ 'invalid-suppression': 'off', 'unused-suppression': 'off' }));
    assert.deepEqual(outcome.findings, []);
  });
});

function notebook(cells: { cell_type: string; source: string }[]): string {
  return JSON.stringify({ cells: cells.map((c) => ({ ...c, metadata: {}, ...(c.cell_type === 'code' ? { outputs: [], execution_count: null } : {}) })), metadata: {}, nbformat: 4, nbformat_minor: 5 });
}

function allWarningConfig(root: string): ResolvedConfig {
  const rules = new Map<string, RuleSetting>();
  for (const id of RULES.keys()) rules.set(id, { severity: ON.has(id) ? 'warning' : 'off' });
  return { root, profile: 'production', preset: 'mlready:recommended', rules, ignore: [], overrides: [], warnings: [], sourceTexts: [] };
}

async function lintMemory(files: Record<string, string>, baseline?: Baseline): Promise<LintRun> {
  const root = '/project';
  const fs = new MemoryFileSystem(Object.fromEntries(Object.entries(files).map(([p, t]) => [`${root}/${p}`, t])));
  return runLint({
    fs,
    root,
    settings: new SettingsResolver(allWarningConfig(root), RULES),
    executor: new InProcessExecutor(await pythonParser()),
    version: 'test',
    ...(baseline ? { baseline } : {}),
  });
}

describe('suppressions in a full run', () => {
  it('applies suppressions per notebook cell and never across cells', async () => {
    const nb = notebook([
      { cell_type: 'markdown', source: '# Clustering' },
      { cell_type: 'code', source: 'from sklearn.cluster import KMeans\n# mlready: ignore[random-state-unset] -- exploratory\nkm = KMeans()\n# mlready: ignore[random-state-unset] -- meant for the next cell' },
      { cell_type: 'code', source: 'km2 = KMeans()' },
      { cell_type: 'code', source: 'x = 1  # mlready: ignore[random-state-unset] -- stale' },
    ]);
    const run = await lintMemory({ 'explore.ipynb': nb });
    assert.deepEqual(run.ruleErrors, []);
    assert.deepEqual(brief(run.findings), ['#1 4:1 unused-suppression', '#2 1:7 random-state-unset', '#3 1:8 unused-suppression']);
    assert.equal(run.suppressed, 1);
    const stale = run.findings.find((f) => f.cell === 3);
    assert.deepEqual(stale?.fix?.edits, [{ range: { start: { line: 0, column: 5 }, end: { line: 0, column: 53 } }, newText: '', cell: 3 }]);
  });

  it('an ignore-file comment in a notebook cell silences the whole notebook', async () => {
    const nb = notebook([
      { cell_type: 'code', source: '# mlready: ignore-file[random-state-unset] -- teaching notebook\nfrom sklearn.cluster import KMeans' },
      { cell_type: 'code', source: 'km = KMeans()' },
    ]);
    const run = await lintMemory({ 'teach.ipynb': nb });
    assert.deepEqual(brief(run.findings), []);
    assert.equal(run.suppressed, 1);
  });

  it('counts suppressed findings over files', async () => {
    const run = await lintMemory({
      'a.py': `${IMPORT}m = RandomForestClassifier()  # mlready: ignore[random-state-unset] -- ok\n`,
      'b.py': `# mlready: ignore-file[random-state-unset] -- ok\n${IMPORT}m = RandomForestClassifier()\nn = RandomForestClassifier()\n`,
      'c.py': `${IMPORT}m = RandomForestClassifier()\n`,
    });
    assert.equal(run.suppressed, 3);
    assert.deepEqual(run.findings.map((f) => `${f.file}:${f.range.start.line + 1}`), ['c.py:2']);
  });
});

function finding(file: string, line: number, subject: string, ruleId = 'random-state-unset'): Finding {
  return {
    ruleId,
    category: 'reproducibility',
    severity: 'warning',
    message: 'msg',
    file,
    range: { start: { line, column: 4 }, end: { line, column: 10 } },
    subject,
  };
}

describe('baseline', () => {
  const findings = [
    finding('src/b.py', 3, 'm = RandomForestClassifier()'),
    finding('src/a.py', 1, 'km = KMeans()'),
    finding('src/b.py', 9, 'm = RandomForestClassifier()'),
    finding('requirements.txt', 0, 'numpy', 'dependency-unpinned'),
  ];

  it('creates sorted entries with counts per file, rule and subject', () => {
    assert.deepEqual(createBaseline(findings), {
      version: 1,
      entries: [
        { ruleId: 'dependency-unpinned', file: 'requirements.txt', subject: 'numpy', count: 1 },
        { ruleId: 'random-state-unset', file: 'src/a.py', subject: 'km = KMeans()', count: 1 },
        { ruleId: 'random-state-unset', file: 'src/b.py', subject: 'm = RandomForestClassifier()', count: 2 },
      ],
    });
  });

  it('serializes one entry per line and parses back to the same baseline', () => {
    const baseline = createBaseline(findings);
    const text = serializeBaseline(baseline);
    assert.equal(
      text,
      '{\n  "version": 1,\n  "entries": [\n' +
        '    {"ruleId":"dependency-unpinned","file":"requirements.txt","subject":"numpy","count":1},\n' +
        '    {"ruleId":"random-state-unset","file":"src/a.py","subject":"km = KMeans()","count":1},\n' +
        '    {"ruleId":"random-state-unset","file":"src/b.py","subject":"m = RandomForestClassifier()","count":2}\n' +
        '  ]\n}\n',
    );
    assert.deepEqual(parseBaseline(text), baseline);
    assert.equal(serializeBaseline(createBaseline([])), '{\n  "version": 1,\n  "entries": [\n  ]\n}\n');
    assert.deepEqual(parseBaseline(serializeBaseline(createBaseline([]))), { version: 1, entries: [] });
  });

  it('matches a finding whose line moved', () => {
    const baseline = createBaseline([finding('src/a.py', 1, 'km = KMeans()')]);
    assert.deepEqual(filterByBaseline([finding('src/a.py', 42, 'km = KMeans()')], baseline), { fresh: [], matched: 1 });
  });

  it('does not absorb an identical finding in another file', () => {
    const baseline = createBaseline([finding('src/a.py', 1, 'km = KMeans()')]);
    const moved = finding('src/other.py', 1, 'km = KMeans()');
    assert.deepEqual(filterByBaseline([moved], baseline), { fresh: [moved], matched: 0 });
  });

  it('does not absorb a finding of another rule with the same subject', () => {
    const baseline = createBaseline([finding('src/a.py', 1, 'x')]);
    const other = finding('src/a.py', 1, 'x', 'remote-data-unpinned');
    assert.deepEqual(filterByBaseline([other], baseline).fresh, [other]);
  });

  it('absorbs up to the recorded count: 2 recorded, 3 present leaves 1 fresh', () => {
    const baseline = createBaseline([finding('a.py', 1, 's'), finding('a.py', 2, 's')]);
    const present = [finding('a.py', 1, 's'), finding('a.py', 5, 's'), finding('a.py', 9, 's')];
    const { fresh, matched } = filterByBaseline(present, baseline);
    assert.equal(matched, 2);
    assert.deepEqual(fresh, [present[2]]);
  });

  it('sums duplicate entries of a hand-edited baseline', () => {
    const baseline: Baseline = {
      version: 1,
      entries: [
        { ruleId: 'random-state-unset', file: 'a.py', subject: 's', count: 1 },
        { ruleId: 'random-state-unset', file: 'a.py', subject: 's', count: 1 },
      ],
    };
    assert.equal(filterByBaseline([finding('a.py', 1, 's'), finding('a.py', 2, 's')], baseline).matched, 2);
  });

  it('keys fingerprints by rule, file and subject, never the line', () => {
    assert.equal(fingerprintKey(finding('a.py', 1, 's')), fingerprintKey(finding('a.py', 99, 's')));
    assert.notEqual(fingerprintKey(finding('a.py', 1, 's')), fingerprintKey(finding('b.py', 1, 's')));
    assert.equal(fingerprintKey(finding('a.py', 1, 's')), 'random-state-unset\u0000a.py\u0000s');
  });

  it('parseBaseline says what is wrong', () => {
    assert.throws(() => parseBaseline('{ not json'), (e: unknown) => e instanceof Error && /^the baseline is not valid JSON \(.+\); regenerate it with 'mlready baseline'$/.test(e.message));
    assert.throws(() => parseBaseline('{"version": 2, "entries": []}'), { message: "the baseline has no version 1 entries list; regenerate it with 'mlready baseline'" });
    assert.throws(() => parseBaseline('{"version": 1}'), { message: "the baseline has no version 1 entries list; regenerate it with 'mlready baseline'" });
    assert.throws(() => parseBaseline('[]'), { message: "the baseline has no version 1 entries list; regenerate it with 'mlready baseline'" });
    assert.throws(() => parseBaseline('{"version": 1, "entries": [{"ruleId": "a", "file": "b", "subject": "c"}]}'), {
      message: "a baseline entry lacks ruleId, file, subject or count; regenerate it with 'mlready baseline'",
    });
    assert.throws(() => parseBaseline('{"version": 1, "entries": [7]}'), {
      message: "a baseline entry lacks ruleId, file, subject or count; regenerate it with 'mlready baseline'",
    });
  });

  it('parseBaseline says what is wrong with null JSON values', () => {
    assert.throws(() => parseBaseline('null'), { message: "the baseline has no version 1 entries list; regenerate it with 'mlready baseline'" });
    assert.throws(() => parseBaseline('{"version": 1, "entries": [null]}'), {
      message: "a baseline entry lacks ruleId, file, subject or count; regenerate it with 'mlready baseline'",
    });
  });

  it('drops unknown fields of entries when parsing', () => {
    assert.deepEqual(parseBaseline('{"version": 1, "entries": [{"ruleId": "a", "file": "b", "subject": "c", "count": 2, "line": 7}]}'), {
      version: 1,
      entries: [{ ruleId: 'a', file: 'b', subject: 'c', count: 2 }],
    });
  });

  it('in a full run: moved findings stay baselined, new ones in other files are reported', async () => {
    const before = await lintMemory({ 'train.py': `${IMPORT}m = RandomForestClassifier()\n` });
    assert.equal(before.findings.length, 1);
    const baseline = parseBaseline(serializeBaseline(createBaseline(before.findings)));
    const after = await lintMemory(
      {
        'train.py': `${IMPORT}\n\n# a new comment moves the call down\nm = RandomForestClassifier()\n`,
        'other.py': `${IMPORT}m = RandomForestClassifier()\n`,
      },
      baseline,
    );
    assert.equal(after.baselined, 1);
    assert.deepEqual(after.findings.map((f) => `${f.file}:${f.range.start.line + 1}`), ['other.py:2']);
  });
});

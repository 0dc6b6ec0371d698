// Tests of the team config: validation with positions, loading with extends chains, presets, profiles and per-file resolution.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { loadConfig } from '../../src/engine/config/load';
import { presetRules } from '../../src/engine/config/presets';
import { globMatcher, SettingsResolver } from '../../src/engine/config/resolve';
import { ConfigError, formatConfigProblem, type ConfigOverride, type ConfigProblem, type ResolvedConfig, type RuleSetting } from '../../src/engine/config/types';
import { nearest, validateConfig } from '../../src/engine/config/validate';
import { MemoryFileSystem } from '../../src/engine/fs';
import type { RuleMeta } from '../../src/engine/rule';
import { RULES } from '../../src/engine/rules/index';
import type { Severity } from '../../src/engine/types';

const FILE = '/repo/.mlready.yaml';

function validate(text: string): ReturnType<typeof validateConfig> {
  return validateConfig(text, FILE, RULES);
}

/** Problems as `line:column severity message` (0-based), for compact comparisons. */
function brief(problems: readonly ConfigProblem[]): string[] {
  return problems.map((p) => `${p.line}:${p.column} ${p.severity} ${p.message}`);
}

function severities(rules: ReadonlyMap<string, RuleSetting>): Record<string, Severity> {
  return Object.fromEntries([...rules].map(([id, s]) => [id, s.severity]));
}

async function configError(promise: Promise<unknown>): Promise<ConfigError> {
  try {
    await promise;
  } catch (error) {
    assert.ok(error instanceof ConfigError, `expected a ConfigError, got ${String(error)}`);
    return error;
  }
  return assert.fail('expected a ConfigError');
}

function meta(id: string, defaultSeverity: Severity, status: 'stable' | 'preview' = 'stable', prototype?: Severity): RuleMeta {
  return {
    id,
    category: 'meta',
    defaultSeverity,
    status,
    description: `${id} test rule`,
    messages: { m: 'message' },
    references: [{ title: 'test' }],
    fileKinds: ['python'],
    ...(prototype ? { profileSeverity: { prototype } } : {}),
  };
}

/** A small registry with every combination the presets distinguish. */
const FAKE_RULES: ReadonlyMap<string, RuleMeta> = new Map(
  [
    meta('stable-warning', 'warning'),
    meta('stable-info', 'info'),
    meta('stable-off', 'off'),
    meta('preview-error', 'error', 'preview'),
    meta('proto-relaxed', 'warning', 'stable', 'info'),
    meta('proto-info-rule', 'info', 'stable', 'off'),
  ].map((m) => [m.id, m]),
);

// What the presets should give for the real registry, derived from each rule's declared metadata (the presets'
// own logic is tested on FAKE_RULES above, with hand-written expectations).
const RECOMMENDED: Record<string, Severity> = Object.fromEntries([...RULES.values()].map((m) => [m.id, m.status === 'preview' ? 'off' : m.defaultSeverity]));
const PROTOTYPE: Record<string, Severity> = Object.fromEntries(
  [...RULES.values()].map((m) => [m.id, m.status === 'preview' ? 'off' : (m.profileSeverity?.prototype ?? m.defaultSeverity)]),
);

describe('validateConfig', () => {
  it('accepts a full config and returns its data', () => {
    const text = [
      'extends: [mlready:strict, ./base.yaml]',
      'profile: prototype',
      'rules:',
      '  remote-data-unpinned: error',
      '  dependency-unpinned: off',
      '  unused-suppression: false',
      '  random-state-unset: [warning, { seed: SEED }]',
      'ignore:',
      '  - legacy/**',
      '  - "*.generated.py"',
      'overrides:',
      '  - files: ["notebooks/**"]',
      '    excludedFiles: notebooks/final/**',
      '    profile: production',
      '    rules:',
      '      random-state-unset: info',
      'baseline: .mlready-baseline.json',
      'readiness:',
      '  maxAgeDays: 90',
      '  attestations:',
      '    model-1: { status: done, how: automated, by: ana, date: 2024-05-01, note: reviewed }',
      '    infra-6:',
      '      status: not-applicable',
      '',
    ].join('\n');
    const { data, problems } = validate(text);
    assert.deepEqual(problems, []);
    assert.ok(data);
    assert.deepEqual(data.extends, ['mlready:strict', './base.yaml']);
    assert.equal(data.profile, 'prototype');
    assert.deepEqual([...data.rules], [
      ['remote-data-unpinned', { severity: 'error' }],
      ['dependency-unpinned', { severity: 'off' }],
      ['unused-suppression', { severity: 'off' }],
      ['random-state-unset', { severity: 'warning', options: { seed: 'SEED' } }],
    ]);
    assert.deepEqual(data.ignore, ['legacy/**', '*.generated.py']);
    assert.equal(data.overrides.length, 1);
    const override = data.overrides[0];
    assert.deepEqual(override?.files, ['notebooks/**']);
    assert.deepEqual(override.excludedFiles, ['notebooks/final/**']);
    assert.equal(override.profile, 'production');
    assert.deepEqual([...override.rules], [['random-state-unset', { severity: 'info' }]]);
    assert.equal(data.baseline, '.mlready-baseline.json');
    assert.deepEqual(data.readiness, {
      maxAgeDays: 90,
      attestations: [
        { item: 'model-1', status: 'done', how: 'automated', by: 'ana', date: '2024-05-01', note: 'reviewed' },
        { item: 'infra-6', status: 'not-applicable', by: undefined, date: undefined, note: undefined },
      ],
    });
  });

  it('treats an empty file or a comment-only file as an empty config', () => {
    for (const text of ['', '# nothing yet\n', '---\n']) {
      const { data, problems } = validate(text);
      assert.deepEqual(problems, [], JSON.stringify(text));
      assert.deepEqual(data, { extends: [], rules: new Map(), ignore: [], overrides: [] });
    }
  });

  it('reports a YAML syntax error at its 0-based line and column, with no data', () => {
    const { data, problems } = validate('profile: production\nrules:\n  a: b\n   c: d\n');
    assert.equal(data, undefined);
    assert.ok(problems.length >= 1);
    const first = problems[0];
    assert.ok(first);
    assert.equal(first.severity, 'error');
    assert.equal(first.file, FILE);
    assert.match(first.message, /^invalid YAML: /);
    assert.deepEqual([first.line, first.column], [2, 5]);
  });

  it('reports an unclosed flow sequence and duplicate keys as YAML errors', () => {
    assert.deepEqual(brief(validate('rules:\n  random-state-unset: [warning\n').problems), [
      '2:0 error invalid YAML: Flow sequence in block collection must be sufficiently indented and end with a ]',
    ]);
    assert.deepEqual(brief(validate('profile: prototype\nprofile: production\n').problems), ['1:0 error invalid YAML: Map keys must be unique']);
  });

  it('rejects a config that is not a mapping', () => {
    assert.deepEqual(brief(validate('- rules\n').problems), ['0:0 error the config must be a mapping of keys such as rules, extends, profile']);
  });

  it('reports an unknown top-level key at the key, as an error', () => {
    const { data, problems } = validate('profile: production\nrulez:\n  a: b\n');
    assert.equal(data, undefined);
    assert.deepEqual(problems, [
      {
        file: FILE,
        line: 1,
        column: 0,
        endLine: 1,
        endColumn: 5,
        message: "unknown key 'rulez'; expected one of: extends, profile, rules, ignore, overrides, baseline, readiness",
        severity: 'error',
      },
    ]);
  });

  it('warns about an unknown rule id with a "did you mean" hint and keeps the rest', () => {
    const { data, problems } = validate('rules:\n  random-state-unst: error\n  remote-data-unpinned: info\n  totally-different-thing: off\n');
    assert.deepEqual(brief(problems), [
      "1:2 warning unknown rule 'random-state-unst'; did you mean 'random-state-unset'? (run 'mlready rules' for the list)",
      "3:2 warning unknown rule 'totally-different-thing' (run 'mlready rules' for the list)",
    ]);
    assert.deepEqual([...(data?.rules ?? [])], [['remote-data-unpinned', { severity: 'info' }]]);
  });

  it('rejects a severity that is not off, info, warning or error', () => {
    assert.deepEqual(brief(validate('rules:\n  random-state-unset: loud\n').problems), [
      "1:22 error severity of 'random-state-unset' must be one of: off, info, warning, error",
    ]);
    assert.deepEqual(brief(validate('rules:\n  random-state-unset: 2\n').problems), [
      "1:22 error severity of 'random-state-unset' must be one of: off, info, warning, error",
    ]);
    assert.deepEqual(brief(validate('rules:\n  random-state-unset: [fatal]\n').problems), [
      "1:23 error severity of 'random-state-unset' must be one of: off, info, warning, error",
    ]);
  });

  it('checks [severity, {options}]: unknown options, wrong types, extra items and rules without options', () => {
    assert.deepEqual(brief(validate('rules:\n  random-state-unset: [warning, { sead: SEED }]\n').problems), [
      "1:34 error 'random-state-unset' has no option 'sead'; its options are: seed",
    ]);
    assert.deepEqual(brief(validate('rules:\n  random-state-unset: [warning, { seed: 7 }]\n').problems), [
      "1:40 error option 'seed' of 'random-state-unset' must be a string",
    ]);
    assert.deepEqual(brief(validate('rules:\n  random-state-unset: [warning, {seed: a}, 3]\n').problems), [
      "1:43 error write 'random-state-unset' as [severity, {options}]",
    ]);
    assert.deepEqual(brief(validate('rules:\n  random-state-unset: [warning, seed]\n').problems), [
      "1:32 error options of 'random-state-unset' must be a mapping",
    ]);
    assert.deepEqual(brief(validate('rules:\n  remote-data-unpinned: [error, { strict: true }]\n').problems), [
      "1:34 error 'remote-data-unpinned' takes no options",
    ]);
  });

  it('requires files in every override and checks override keys', () => {
    const { data, problems } = validate('overrides:\n  - rules:\n      random-state-unset: off\n  - files: tests/\n    rule: {}\n');
    assert.equal(data, undefined);
    assert.deepEqual(brief(problems), [
      '1:4 error an override needs files: a list of globs it applies to',
      "4:4 error unknown key 'rule' in an override; expected files, excludedFiles, profile, rules",
    ]);
    assert.deepEqual(brief(validate('overrides:\n  files: [a]\n').problems), ['1:2 error overrides must be a list of { files, rules } entries']);
    assert.deepEqual(brief(validate('overrides:\n  - files: [""]\n').problems), [
      '1:12 error each entry of files must be a non-empty string',
      '1:4 error an override needs files: a list of globs it applies to',
    ]);
  });

  it('checks profile, extends, ignore and baseline values', () => {
    assert.deepEqual(brief(validate('profile: research\n').problems), ['0:9 error profile must be one of: prototype, production']);
    assert.deepEqual(brief(validate('extends: {a: 1}\n').problems), ['0:9 error extends must be a string or a list of strings']);
    assert.deepEqual(brief(validate('ignore: [1]\n').problems), ['0:9 error each entry of ignore must be a non-empty string']);
    assert.deepEqual(brief(validate('baseline: 3\n').problems), ['0:10 error baseline must be a path to a baseline file, e.g. .mlready-baseline.json']);
  });

  it('checks readiness attestations and maxAgeDays', () => {
    const text = 'readiness:\n  maxAgeDays: -1\n  attestations:\n    model-1: { status: finished }\n    data-2: yes\n  owners: []\n';
    assert.deepEqual(brief(validate(text).problems), [
      '1:14 error maxAgeDays must be a positive number of days',
      "3:23 error attestation 'model-1' needs status: one of done, partial, not-done, not-applicable",
      "4:12 error attestation 'data-2' needs status: one of done, partial, not-done, not-applicable",
      "5:2 error unknown key 'owners' under readiness; expected attestations, maxAgeDays",
    ]);
    const fields = 'readiness:\n  attestations:\n    modle-1: { status: done }\n    infra-6: { status: done, how: sometimes, date: last week, reviewer: x }\n';
    assert.deepEqual(brief(validate(fields).problems), [
      "2:4 warning unknown readiness item 'modle-1'; did you mean 'model-1'? (items: data-1..7, model-1..7, infra-1..7, monitor-1..7)",
      "3:62 error unknown key 'reviewer' in attestation 'infra-6'; expected status, how, by, date, note",
      '3:34 error how must be manual or automated',
      '3:51 error date must be a date like 2026-11-25',
    ]);
    assert.deepEqual(brief(validate('readiness:\n  attestations: [a]\n').problems), ['1:16 error attestations must map item ids to { status, by, date, note }']);
    assert.deepEqual(brief(validate('readiness: yes\n').problems), ['0:11 error readiness must be a mapping with attestations']);
  });

  it('formats problems 1-based as file:line:col: severity: message', () => {
    assert.equal(formatConfigProblem({ file: FILE, line: 2, column: 4, message: 'bad', severity: 'error' }), '/repo/.mlready.yaml:3:5: error: bad');
    const error = new ConfigError([
      { file: 'a.yaml', line: 0, column: 0, message: 'one', severity: 'error' },
      { file: 'b.yaml', line: 9, column: 1, message: 'two', severity: 'warning' },
    ]);
    assert.equal(error.message, 'a.yaml:1:1: error: one\nb.yaml:10:2: warning: two');
    assert.equal(error.name, 'ConfigError');
  });

  it('nearest suggests close names only', () => {
    const ids = [...RULES.keys()];
    assert.equal(nearest('random-state-unst', ids), 'random-state-unset');
    assert.equal(nearest('dependency-unpined', ids), 'dependency-unpinned');
    assert.equal(nearest('xyz', ids), undefined);
  });
});

describe('loadConfig', () => {
  it('walks up from the start directory to the nearest .mlready.yaml and roots the project there', async () => {
    const fs = new MemoryFileSystem({
      '/repo/.mlready.yaml': 'rules:\n  random-state-unset: error\n',
      '/repo/src/pkg/model.py': 'x = 1\n',
      '/repo/other/.mlready.yml': 'rules:\n  random-state-unset: info\n',
      '/repo/other/deep/a.py': '',
    });
    const config = await loadConfig(fs, '/repo/src/pkg', RULES);
    assert.equal(config.file, '/repo/.mlready.yaml');
    assert.equal(config.root, '/repo');
    assert.equal(config.profile, 'production');
    assert.deepEqual(severities(config.rules), { ...RECOMMENDED, 'random-state-unset': 'error' });
    assert.deepEqual(config.sourceTexts, ['rules:\n  random-state-unset: error\n']);

    const nearer = await loadConfig(fs, '/repo/other/deep', RULES);
    assert.equal(nearer.file, '/repo/other/.mlready.yml');
    assert.equal(nearer.root, '/repo/other');
    assert.equal(nearer.rules.get('random-state-unset')?.severity, 'info');
  });

  it('without a config uses the recommended preset and a root found by project markers', async () => {
    const fs = new MemoryFileSystem({ '/work/proj/pyproject.toml': '[project]\nname = "p"\n', '/work/proj/src/a.py': '' });
    const config = await loadConfig(fs, '/work/proj/src', RULES);
    assert.equal(config.file, undefined);
    assert.equal(config.root, '/work/proj');
    assert.deepEqual(severities(config.rules), RECOMMENDED);
    assert.deepEqual(config.warnings, []);
    const bare = await loadConfig(new MemoryFileSystem({ '/x/y/a.py': '' }), '/x/y', RULES);
    assert.equal(bare.root, '/x/y', 'no markers: the start directory');
  });

  it('an explicit --config file keeps the marker-based root', async () => {
    const fs = new MemoryFileSystem({ '/repo/.git/HEAD': 'ref', '/repo/src/a.py': '', '/shared/ci.yaml': 'rules:\n  remote-data-unpinned: error\n' });
    const config = await loadConfig(fs, '/repo/src', RULES, '/shared/ci.yaml');
    assert.equal(config.file, '/shared/ci.yaml');
    assert.equal(config.root, '/repo');
    assert.equal(config.rules.get('remote-data-unpinned')?.severity, 'error');
  });

  it('extends a relative file: its rules come first, its ignore globs are rebased onto the root', async () => {
    const fs = new MemoryFileSystem({
      '/repo/.mlready.yaml': 'extends: ./configs/base.yaml\nrules:\n  random-state-unset: error\nignore: [build/]\n',
      '/repo/configs/base.yaml': 'rules:\n  random-state-unset: [info, { seed: SEED }]\n  remote-data-unpinned: off\nignore:\n  - data/\n  - /local.py\n',
    });
    const config = await loadConfig(fs, '/repo', RULES);
    assert.deepEqual(config.rules.get('random-state-unset'), { severity: 'error', options: { seed: 'SEED' } });
    assert.equal(config.rules.get('remote-data-unpinned')?.severity, 'off');
    assert.equal(config.rules.get('dependency-unpinned')?.severity, 'warning');
    assert.deepEqual(config.ignore, ['configs/data/', '/configs/local.py', 'build/']);
    assert.deepEqual(config.sourceTexts.length, 2);
  });

  it('keeps the globs of an extended file outside the project root unchanged', async () => {
    const fs = new MemoryFileSystem({
      '/repo/.mlready.yaml': 'extends: ../shared/base.yaml\n',
      '/shared/base.yaml': 'ignore: ["*.tmp.py"]\nprofile: prototype\n',
    });
    const config = await loadConfig(fs, '/repo', RULES);
    assert.deepEqual(config.ignore, ['*.tmp.py']);
    assert.equal(config.profile, 'prototype', 'the profile of a base applies when the config sets none');
  });

  it('rebases the override globs of an extended file like its ignore globs', async () => {
    const fs = new MemoryFileSystem({
      '/repo/.mlready.yaml': 'extends: ./configs/base.yaml\n',
      '/repo/configs/base.yaml': 'overrides:\n  - files: [tests/]\n    excludedFiles: [tests/slow/]\n    rules:\n      random-state-unset: off\n',
    });
    const config = await loadConfig(fs, '/repo', RULES);
    const override = config.overrides[0];
    assert.ok(override);
    assert.deepEqual(override.files, ['configs/tests/']);
    assert.deepEqual(override.excludedFiles, ['configs/tests/slow/']);
  });

  it('extends an npm package that ships .mlready.yaml, found in node_modules up the tree', async () => {
    const fs = new MemoryFileSystem({
      '/repo/.mlready.yaml': 'extends: "@team/mlready-config"\n',
      '/node_modules/@team/mlready-config/package.json': '{"name": "@team/mlready-config"}',
      '/node_modules/@team/mlready-config/.mlready.yaml': 'rules:\n  remote-data-unpinned: error\n',
    });
    const config = await loadConfig(fs, '/repo', RULES);
    assert.equal(config.rules.get('remote-data-unpinned')?.severity, 'error');
    assert.deepEqual(config.sourceTexts, ['extends: "@team/mlready-config"\n', 'rules:\n  remote-data-unpinned: error\n']);
  });

  it('extends an npm package through the "mlready" field of its package.json', async () => {
    const fs = new MemoryFileSystem({
      '/repo/.mlready.yaml': 'extends: ml-lint-config\n',
      '/repo/node_modules/ml-lint-config/package.json': '{"name": "ml-lint-config", "mlready": "./configs/strict.yaml"}',
      '/repo/node_modules/ml-lint-config/configs/strict.yaml': 'extends: mlready:strict\nrules:\n  dependency-unpinned: error\n',
      '/repo/node_modules/ml-lint-config/.mlready.yaml': 'rules:\n  dependency-unpinned: off\n',
    });
    const config = await loadConfig(fs, '/repo', RULES);
    assert.equal(config.rules.get('dependency-unpinned')?.severity, 'error', 'the package.json field wins over the conventional name');
  });

  it('applies presets: strict raises info rules, all enables preview rules, recommended keeps defaults', async () => {
    const load = (preset: string): Promise<ResolvedConfig> => loadConfig(new MemoryFileSystem({ '/r/.mlready.yaml': `extends: ${preset}\n` }), '/r', FAKE_RULES);
    assert.deepEqual(severities((await load('mlready:recommended')).rules), {
      'stable-warning': 'warning', 'stable-info': 'info', 'stable-off': 'off', 'preview-error': 'off', 'proto-relaxed': 'warning', 'proto-info-rule': 'info',
    });
    assert.deepEqual(severities((await load('mlready:strict')).rules), {
      'stable-warning': 'warning', 'stable-info': 'warning', 'stable-off': 'off', 'preview-error': 'off', 'proto-relaxed': 'warning', 'proto-info-rule': 'warning',
    });
    assert.deepEqual(severities((await load('mlready:all')).rules), {
      'stable-warning': 'warning', 'stable-info': 'info', 'stable-off': 'off', 'preview-error': 'error', 'proto-relaxed': 'warning', 'proto-info-rule': 'info',
    });
  });

  it('rejects an unknown preset at its position', async () => {
    const error = await configError(loadConfig(new MemoryFileSystem({ '/r/.mlready.yaml': 'extends:\n  - mlready:lax\n' }), '/r', RULES));
    assert.deepEqual(error.problems, [
      { file: '/r/.mlready.yaml', line: 1, column: 4, endLine: 1, endColumn: 15, message: "unknown preset 'mlready:lax'; presets are: mlready:recommended, mlready:strict, mlready:all", severity: 'error' },
    ]);
  });

  it('the prototype profile lowers random-state-unset and dependency-unpinned to info, unless set explicitly', async () => {
    const fs = new MemoryFileSystem({ '/r/.mlready.yaml': 'profile: prototype\n' });
    const config = await loadConfig(fs, '/r', RULES);
    assert.equal(config.profile, 'prototype');
    assert.deepEqual(severities(config.rules), PROTOTYPE);
    assert.equal(PROTOTYPE['random-state-unset'], 'info');
    assert.equal(PROTOTYPE['dependency-unpinned'], 'info');
    const explicit = await loadConfig(new MemoryFileSystem({ '/r/.mlready.yaml': 'profile: prototype\nrules:\n  random-state-unset: error\n' }), '/r', RULES);
    assert.equal(explicit.rules.get('random-state-unset')?.severity, 'error');
    assert.equal(explicit.rules.get('dependency-unpinned')?.severity, 'info');
  });

  it('the prototype profile applies on top of a preset', async () => {
    const config = await loadConfig(new MemoryFileSystem({ '/r/.mlready.yaml': 'extends: mlready:strict\nprofile: prototype\n' }), '/r', FAKE_RULES);
    assert.deepEqual(severities(config.rules), {
      'stable-warning': 'warning', 'stable-info': 'warning', 'stable-off': 'off', 'preview-error': 'off', 'proto-relaxed': 'info', 'proto-info-rule': 'off',
    });
  });

  it('rejects an extends cycle with a ConfigError in the file that closes it', async () => {
    const fs = new MemoryFileSystem({
      '/r/.mlready.yaml': 'extends: ./a.yaml\n',
      '/r/a.yaml': 'extends: ./b.yaml\n',
      '/r/b.yaml': 'rules: {}\nextends: ./a.yaml\n',
    });
    const error = await configError(loadConfig(fs, '/r', RULES));
    assert.deepEqual(error.problems, [
      { file: '/r/b.yaml', line: 1, column: 9, endLine: 1, endColumn: 17, message: "'./a.yaml' extends itself through a cycle", severity: 'error' },
    ]);
    const self = await configError(loadConfig(new MemoryFileSystem({ '/r/.mlready.yaml': 'extends: ./.mlready.yaml\n' }), '/r', RULES));
    assert.equal(self.problems[0]?.message, "'./.mlready.yaml' extends itself through a cycle");
  });

  it('rejects a missing extends target with its position', async () => {
    const fs = new MemoryFileSystem({ '/r/.mlready.yaml': 'profile: production\nextends:\n  - mlready:recommended\n  - ./missing.yaml\n' });
    const error = await configError(loadConfig(fs, '/r', RULES));
    assert.equal(error.problems.length, 1);
    const problem = error.problems[0];
    assert.ok(problem);
    assert.deepEqual([problem.file, problem.line, problem.column, problem.endLine, problem.endColumn, problem.severity], ['/r/.mlready.yaml', 3, 4, 3, 18, 'error']);
    assert.match(problem.message, /^cannot find '\.\/missing\.yaml' to extend: /);
    const pkg = await configError(loadConfig(new MemoryFileSystem({ '/r/.mlready.yaml': 'extends: no-such-package\n' }), '/r', RULES));
    assert.match(pkg.problems[0]?.message ?? '', /^cannot find 'no-such-package' to extend/);
    const empty = await configError(
      loadConfig(new MemoryFileSystem({ '/r/.mlready.yaml': 'extends: pkg\n', '/r/node_modules/pkg/index.js': '' }), '/r', RULES),
    );
    assert.match(empty.problems[0]?.message ?? '', /^cannot find 'pkg' to extend/, 'a package without a config');
  });

  it('points a missing extends target at the extends entry, not at an earlier mention in a comment', async () => {
    const fs = new MemoryFileSystem({ '/r/.mlready.yaml': '# we used to extend ./missing.yaml\nextends: ./missing.yaml\n' });
    const error = await configError(loadConfig(fs, '/r', RULES));
    assert.deepEqual(error.problems.map((p) => [p.line, p.column]), [[1, 9]]);
  });

  it('rejects extends nested more than 10 levels deep', async () => {
    const files: Record<string, string> = { '/r/.mlready.yaml': 'extends: ./c1.yaml\n' };
    for (let i = 1; i <= 12; i++) files[`/r/c${i}.yaml`] = i === 12 ? 'rules: {}\n' : `extends: ./c${i + 1}.yaml\n`;
    const error = await configError(loadConfig(new MemoryFileSystem(files), '/r', RULES));
    assert.deepEqual(
      error.problems.map((p) => [p.file, p.message]),
      [['/r/c10.yaml', 'extends is nested too deeply (more than 10 levels)']],
    );
  });

  it('reports errors of an extended file against that file, and collects warnings of every file', async () => {
    const broken = await configError(loadConfig(new MemoryFileSystem({ '/r/.mlready.yaml': 'extends: ./base.yaml\n', '/r/base.yaml': 'rules:\n  random-state-unset: loud\n' }), '/r', RULES));
    assert.deepEqual(broken.problems.map((p) => `${p.file}:${p.line}:${p.column}`), ['/r/base.yaml:1:22']);
    const warned = await loadConfig(
      new MemoryFileSystem({ '/r/.mlready.yaml': 'extends: ./base.yaml\nrules:\n  randm-state-unset: off\n', '/r/base.yaml': 'rules:\n  remote-data-unpined: off\n' }),
      '/r',
      RULES,
    );
    assert.deepEqual(
      warned.warnings.map((w) => `${w.file}:${w.line} ${w.severity}`),
      ['/r/.mlready.yaml:2 warning', '/r/base.yaml:1 warning'],
    );
  });

  it('takes baseline and readiness from the project config only', async () => {
    const fs = new MemoryFileSystem({
      '/r/.mlready.yaml': 'extends: ./base.yaml\nbaseline: own.json\n',
      '/r/base.yaml': 'baseline: base.json\nreadiness:\n  attestations:\n    x: { status: done }\n',
    });
    const config = await loadConfig(fs, '/r', RULES);
    assert.equal(config.baseline, 'own.json');
    assert.equal(config.readiness, undefined);
  });

  it('rejects a config that is not UTF-8 or cannot be read', async () => {
    const latin1 = await configError(loadConfig(new MemoryFileSystem({ '/r/.mlready.yaml': new Uint8Array([0x23, 0x20, 0xe9, 0x0a]) }), '/r', RULES));
    assert.deepEqual(error0(latin1), { file: '/r/.mlready.yaml', line: 0, column: 0, message: 'cannot read the config: it is not valid UTF-8', severity: 'error' });
    const missing = await configError(loadConfig(new MemoryFileSystem({ '/r/a.py': '' }), '/r', RULES, '/r/nope.yaml'));
    assert.equal(missing.problems[0]?.message, 'cannot read the config: no such file or directory');
  });
});

function error0(error: ConfigError): ConfigProblem | undefined {
  return error.problems[0];
}

describe('presetRules', () => {
  it('recommended: stable rules at defaults, preview rules off', () => {
    assert.deepEqual(severities(presetRules('mlready:recommended', FAKE_RULES, 'production')), {
      'stable-warning': 'warning', 'stable-info': 'info', 'stable-off': 'off', 'preview-error': 'off', 'proto-relaxed': 'warning', 'proto-info-rule': 'info',
    });
  });

  it('prototype profile never turns an off rule on', () => {
    const rules = new Map([['r', meta('r', 'off', 'stable', 'error')]]);
    assert.deepEqual(severities(presetRules('mlready:recommended', rules, 'prototype')), { r: 'off' });
    assert.deepEqual(severities(presetRules('mlready:all', FAKE_RULES, 'prototype')), {
      'stable-warning': 'warning', 'stable-info': 'info', 'stable-off': 'off', 'preview-error': 'error', 'proto-relaxed': 'info', 'proto-info-rule': 'off',
    });
  });

  it('on the real registry: recommended turns preview rules off, all turns them on, strict raises info', () => {
    assert.deepEqual(severities(presetRules('mlready:recommended', RULES, 'production')), RECOMMENDED);
    for (const m of RULES.values()) {
      assert.equal(presetRules('mlready:all', RULES, 'production').get(m.id)?.severity, m.defaultSeverity, m.id);
      const strict = presetRules('mlready:strict', RULES, 'production').get(m.id)?.severity;
      assert.equal(strict, m.status === 'preview' ? 'off' : m.defaultSeverity === 'info' ? 'warning' : m.defaultSeverity, m.id);
    }
  });
});

describe('globMatcher and SettingsResolver', () => {
  function config(overrides: readonly ConfigOverride[], extra: Partial<ResolvedConfig> = {}): ResolvedConfig {
    return { root: '/r', profile: 'production', preset: 'mlready:recommended', rules: presetRules('mlready:recommended', RULES, 'production'), ignore: [], overrides, warnings: [], sourceTexts: [], ...extra };
  }
  const override = (files: string[], rules: Record<string, RuleSetting>, more: Partial<ConfigOverride> = {}): ConfigOverride => ({
    files,
    excludedFiles: [],
    rules: new Map(Object.entries(rules)),
    ...more,
  });

  it('matches basename globs at any depth and slash globs from the root', () => {
    const base = globMatcher(['test_*.py']);
    assert.equal(base('test_a.py'), true);
    assert.equal(base('tests/unit/test_a.py'), true);
    assert.equal(base('tests/unit/a_test.py'), false);
    const anchored = globMatcher(['src/*.py']);
    assert.equal(anchored('src/a.py'), true);
    assert.equal(anchored('lib/src/a.py'), false);
    assert.equal(anchored('src/sub/a.py'), false);
    const dir = globMatcher(['notebooks/']);
    assert.equal(dir('notebooks/a.ipynb'), true);
    assert.equal(dir('notebooks/deep/b.ipynb'), true);
    assert.equal(dir('notebooks.py'), false);
    const named = globMatcher(['legacy']);
    assert.equal(named('pkg/legacy/old.py'), true, 'a bare name also matches a folder at any depth');
    assert.equal(globMatcher(['./scripts/*.py'])('scripts/run.py'), true);
    assert.equal(globMatcher(['/scripts/*.py'])('scripts/run.py'), true);
    assert.equal(globMatcher(['*.py'])('.hidden/a.py'), true, 'dot files match');
    assert.equal(globMatcher([])('anything'), false);
  });

  it('applies matching overrides in order, later ones winning, with options merged', () => {
    const resolver = new SettingsResolver(
      config([
        override(['tests/'], { 'random-state-unset': { severity: 'off' } }),
        override(['*.py'], { 'random-state-unset': { severity: 'error', options: { seed: 'SEED' } } }),
      ]),
      RULES,
    );
    assert.deepEqual(resolver.forFile('src/model.py').get('random-state-unset'), { severity: 'error', options: { seed: 'SEED' } });
    assert.deepEqual(resolver.forFile('tests/test_a.py').get('random-state-unset'), { severity: 'error', options: { seed: 'SEED' } });
    assert.equal(resolver.forFile('tests/data.yaml').get('random-state-unset')?.severity, 'off');
    assert.equal(resolver.forFile('README.md').get('random-state-unset')?.severity, 'warning');
  });

  it('skips overrides whose excludedFiles match', () => {
    const resolver = new SettingsResolver(config([override(['notebooks/'], { 'remote-data-unpinned': { severity: 'off' } }, { excludedFiles: ['notebooks/final/'] })]), RULES);
    assert.equal(resolver.forFile('notebooks/eda.ipynb').get('remote-data-unpinned')?.severity, 'off');
    assert.equal(resolver.forFile('notebooks/final/report.ipynb').get('remote-data-unpinned')?.severity, 'warning');
  });

  it('a profile override re-bases only the rules left at the profile default', () => {
    const rules = new Map(presetRules('mlready:recommended', RULES, 'production'));
    rules.set('dependency-unpinned', { severity: 'error' });
    const resolver = new SettingsResolver(config([override(['notebooks/'], {}, { profile: 'prototype' })], { rules }), RULES);
    const nb = resolver.forFile('notebooks/eda.ipynb');
    assert.equal(nb.get('random-state-unset')?.severity, 'info');
    assert.equal(nb.get('dependency-unpinned')?.severity, 'error', 'set by the team: kept');
    assert.equal(nb.get('remote-data-unpinned')?.severity, 'warning', 'no prototype severity');
    assert.equal(resolver.forFile('src/a.py').get('random-state-unset')?.severity, 'warning');
  });

  it('a production override in a prototype project raises relaxed rules back', () => {
    const resolver = new SettingsResolver(
      config([override(['src/serving/'], {}, { profile: 'production' })], { profile: 'prototype', rules: presetRules('mlready:recommended', RULES, 'prototype') }),
      RULES,
    );
    assert.equal(resolver.forFile('src/serving/app.py').get('random-state-unset')?.severity, 'warning');
    assert.equal(resolver.forFile('src/explore.py').get('random-state-unset')?.severity, 'info');
  });

  it('a profile override re-bases from the preset the config extends, not always from recommended', async () => {
    const fs = new MemoryFileSystem({ '/r/.mlready.yaml': 'extends: mlready:strict\noverrides:\n  - files: [notebooks/]\n    profile: prototype\n' });
    const resolver = new SettingsResolver(await loadConfig(fs, '/r', FAKE_RULES), FAKE_RULES);
    const prototypeProject = await loadConfig(new MemoryFileSystem({ '/r/.mlready.yaml': 'extends: mlready:strict\nprofile: prototype\n' }), '/r', FAKE_RULES);
    assert.deepEqual(severities(resolver.forFile('notebooks/a.ipynb')), severities(prototypeProject.rules));
  });

  it('shares one settings map between files that match the same overrides', () => {
    const base = config([override(['tests/'], { 'random-state-unset': { severity: 'off' } })]);
    const resolver = new SettingsResolver(base, RULES);
    assert.equal(resolver.forFile('tests/a.py'), resolver.forFile('tests/b.py'));
    assert.equal(resolver.forFile('src/a.py'), base.rules, 'no override: the config rules themselves');
    assert.notEqual(resolver.forFile('tests/a.py'), resolver.forFile('src/a.py'));
  });

  it('exposes the config ignore globs as a matcher', () => {
    const resolver = new SettingsResolver(config([], { ignore: ['legacy/', '*.gen.py', '/scripts/tmp_*.py'] }), RULES);
    assert.equal(resolver.ignored('legacy/'), true);
    assert.equal(resolver.ignored('legacy/old.py'), true);
    assert.equal(resolver.ignored('pkg/models.gen.py'), true);
    assert.equal(resolver.ignored('scripts/tmp_1.py'), true);
    assert.equal(resolver.ignored('pkg/scripts/tmp_1.py'), false);
    assert.equal(resolver.ignored('src/train.py'), false);
  });
});

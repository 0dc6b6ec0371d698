// A project of the language server: config reloads where the last valid config stays in force, personal excludes,
// the baseline, and which file changes need the config read again.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { MemoryFileSystem, OverlayFileSystem } from '../../src/engine/fs';
import { createBaseline, serializeBaseline } from '../../src/engine/baseline';
import { DEFAULT_SETTINGS } from '../../src/protocol';
import { Project } from '../../src/server/project';
import { pythonParser } from '../helpers/python';

const TRAIN = 'from sklearn.ensemble import RandomForestClassifier\nm = RandomForestClassifier()\n';

function project(files: Record<string, string>, exclude: string[] = []): { project: Project; overlay: OverlayFileSystem } {
  const overlay = new OverlayFileSystem(new MemoryFileSystem(files));
  return { project: new Project('/p', { ...DEFAULT_SETTINGS, exclude }, { fs: overlay, python: pythonParser }), overlay };
}

const rules = (p: Project, file: string): string[] => (p.workspace?.findings(file) ?? []).map((f) => f.ruleId);

describe('server project', () => {
  it('loads the config and lints the project', async () => {
    const { project: p } = project({ '/p/.mlready.yaml': 'extends: mlready:recommended\n', '/p/train.py': TRAIN });
    assert.deepEqual(await p.reload(p.folderSettings), { configValid: true, completed: true });
    assert.equal(p.configFile, '/p/.mlready.yaml');
    assert.equal(p.root, '/p');
    assert.ok(rules(p, 'train.py').includes('random-state-unset'));
  });

  it('keeps the last valid config in force while the edited one has errors, then applies the fix', async () => {
    const { project: p, overlay } = project({ '/p/.mlready.yaml': 'rules:\n  random-state-unset: warning\n', '/p/train.py': TRAIN });
    await p.reload(p.folderSettings);
    const before = p.workspace;
    overlay.set('/p/.mlready.yaml', 'rules:\n  random-state-unset: loud\n');
    assert.deepEqual(await p.reload(p.folderSettings), { configValid: false, completed: true });
    assert.equal(p.workspace, before, 'the previous lint state stays');
    assert.ok(rules(p, 'train.py').includes('random-state-unset'));
    const problem = p.configProblems[0];
    assert.equal(problem?.severity, 'error');
    assert.equal(problem.line, 1);
    overlay.set('/p/.mlready.yaml', 'rules:\n  random-state-unset: off\n');
    assert.equal((await p.reload(p.folderSettings)).configValid, true);
    assert.deepEqual(p.configProblems, []);
    assert.ok(!rules(p, 'train.py').includes('random-state-unset'));
  });

  it('starts with nothing linted when the config is invalid from the start, rooted at the config', async () => {
    const { project: p } = project({ '/p/.mlready.yaml': 'profile: staging\n', '/p/train.py': TRAIN });
    assert.equal((await p.reload(p.folderSettings)).configValid, false);
    assert.equal(p.workspace, undefined);
    assert.equal(p.root, '/p');
    assert.equal(p.configProblems.length, 1);
  });

  it('adds the personal excludes to the team ignores', async () => {
    const { project: p } = project({ '/p/.mlready.yaml': 'ignore: [legacy/**]\n', '/p/train.py': TRAIN, '/p/scratch/try.py': TRAIN, '/p/legacy/old.py': TRAIN }, ['scratch/**']);
    await p.reload(p.folderSettings);
    const files = p.workspace?.files() ?? [];
    assert.ok(files.includes('train.py'));
    assert.ok(!files.some((f) => f.startsWith('scratch/') || f.startsWith('legacy/')), files.join(', '));
    assert.equal(p.relative('/p/scratch/try.py'), undefined);
    assert.equal(p.relative('/p/.venv/lib/x.py'), undefined);
    assert.equal(p.relative('/elsewhere/x.py'), undefined);
    assert.equal(p.relative('/p/train.py'), 'train.py');
  });

  it('honours the baseline, and lints without it (with a warning on the config) when it is unreadable', async () => {
    const baseline = '{"version":1,"entries":[{"ruleId":"random-state-unset","file":"train.py","subject":"RandomForestClassifier random_state","count":1}]}';
    const { project: p, overlay } = project({ '/p/.mlready.yaml': 'baseline: base.json\n', '/p/base.json': baseline, '/p/train.py': TRAIN });
    await p.reload(p.folderSettings);
    assert.ok(!rules(p, 'train.py').includes('random-state-unset'));
    assert.ok(p.affectsConfig('/p/base.json'), 'a baseline change reloads');
    overlay.set('/p/base.json', '{ nope');
    await p.reload(p.folderSettings);
    assert.ok(rules(p, 'train.py').includes('random-state-unset'));
    assert.equal(p.configProblems[0]?.severity, 'warning');
    assert.match(p.configProblems[0].message, /base\.json/);
  });

  it('knows which changes need the config read again', async () => {
    const { project: p } = project({ '/p/.mlready.yaml': 'extends: [mlready:recommended, ./shared/base.yaml]\n', '/p/shared/base.yaml': 'rules: {}\n', '/p/train.py': TRAIN });
    await p.reload(p.folderSettings);
    assert.ok(p.affectsConfig('/p/.mlready.yaml'));
    assert.ok(p.affectsConfig('/.mlready.yml'), 'a config above the folder could become the nearest');
    assert.ok(p.affectsConfig('/p/shared/base.yaml'), 'a base the config extends');
    assert.ok(!p.affectsConfig('/p/sub/.mlready.yaml'), 'a config in a subfolder belongs to another project');
    assert.ok(!p.affectsConfig('/p/train.py'));
  });

  it('re-lints changed files and reports which findings changed', async () => {
    const { project: p, overlay } = project({ '/p/.mlready.yaml': 'extends: mlready:recommended\n', '/p/train.py': TRAIN });
    await p.reload(p.folderSettings);
    overlay.set('/p/train.py', TRAIN.replace('()', '(random_state=0)'));
    assert.deepEqual([...(await p.update(['/p/train.py', '/elsewhere/x.py']))], ['train.py']);
    assert.ok(!rules(p, 'train.py').includes('random-state-unset'));
  });

  it('builds the readiness report from its lint state, with baselined findings still blocking and attestations from the config', async () => {
    // Record today's findings as the baseline first: the editor then shows none of them, the report still counts them.
    const first = project({ '/p/train.py': TRAIN });
    await first.project.reload(first.project.folderSettings);
    const baseline = serializeBaseline(createBaseline(first.project.workspace?.view().findings ?? []));
    const { project: p, overlay } = project({
      '/p/.mlready.yaml': 'baseline: .mlready-baseline.json\nreadiness:\n  attestations:\n    data-2: { status: done, date: 2026-11-20 }\n',
      '/p/.mlready-baseline.json': baseline,
      '/p/train.py': TRAIN,
    });
    assert.equal(await p.readiness(), undefined, 'nothing before the first scan');
    await p.reload(p.folderSettings);
    const result = await p.readiness(new Date('2026-11-25T00:00:00Z'));
    assert.ok(result);
    assert.equal(result.root, '/p');
    assert.equal(result.configFile, '/p/.mlready.yaml');
    assert.equal(result.configErrors, 0);
    assert.deepEqual(rules(p, 'train.py'), [], 'baselined in the editor');
    const items = result.report.sections.flatMap((s) => s.items);
    assert.equal(items.find((i) => i.id === 'data-2')?.points, 0.5);
    assert.ok(items.find((i) => i.id === 'infra-1')?.blocking.some((b) => b.ruleId === 'random-state-unset'));
    overlay.set('/p/.mlready.yaml', 'readiness: [\n');
    await p.reload(p.folderSettings);
    assert.equal((await p.readiness())?.configErrors, 1, 'the last valid state is reported, with the config errors counted');
  });
});

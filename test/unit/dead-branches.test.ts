// Tests of the branch analysis (constant tests, flags, flag tests, rebinds) and of its facts in notebook cells.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { analyseBranches } from '../../src/engine/analyses/dead-branches';
import { branchFacts, outlineFacts } from '../../src/engine/analyses/module-facts';
import { PythonAnalysis } from '../../src/engine/python/analysis';
import { SourceFile } from '../../src/engine/source-file';
import { pythonParser } from '../helpers/python';

async function branches(code: string): Promise<ReturnType<typeof analyseBranches>> {
  return analyseBranches(new PythonAnalysis((await pythonParser()).parse(code), code, ''));
}

const span = (r: { start: { line: number }; end: { line: number } }): string => `${String(r.start.line + 1)}-${String(r.end.line + 1)}`;

describe('analyseBranches', () => {
  it('finds constant tests with the dead range, the scope and a deletion range where lines can go', async () => {
    const code = [
      'class Trainer:',
      '    def fit(self):',
      '        if False:',
      '            self.old()',
      '        step()',
      'if not True:',
      '    pass_me = 1',
      'elif 1:',
      '    a = 1',
      'else:',
      '    b = 2',
      'while 0:',
      '    c = 3',
    ].join('\n');
    const result = await branches(code);
    assert.deepEqual(result.constants.map((c) => [c.keyword, c.test, c.alwaysTrue, c.scope, span(c.range), c.deleteRange ? span(c.deleteRange) : '-']), [
      ['if', 'False', false, 'Trainer.fit', '3-4', '3-5'],
      ['if', 'not True', false, '<module>', '6-7', '-'],
      ['elif', '1', true, '<module>', '10-11', '10-12'],
      ['while', '0', false, '<module>', '12-13', '12-13'],
    ]);
  });

  it('finds module flags bound exactly once, and the tests that see them', async () => {
    const code = [
      'USE_A = False',
      'USE_B: bool = True',
      'USE_C = False',
      'USE_C = True',
      'def run(USE_A):',
      '    if USE_A:',
      '        a()',
      'if USE_A:',
      '    a()',
      'if USE_B is not True:',
      '    b()',
      'else:',
      '    c()',
      'if USE_C:',
      '    d()',
    ].join('\n');
    const result = await branches(code);
    assert.deepEqual(result.flags.map((f) => `${f.name}=${String(f.value)}@${String(f.range.start.line + 1)}`), ['USE_A=false@1', 'USE_B=true@2']);
    assert.deepEqual(result.tests.map((t) => [t.test, t.local, t.negated, span(t.whenFalse.range), t.whenTrue ? span(t.whenTrue.range) : '-']), [
      ['USE_A', true, false, '8-9', '-'],
      ['USE_B is not True', true, true, '10-11', '12-13'],
    ]);
  });

  it('records imported names qualified, but not ones the file rebinds nor blocks that only pass', async () => {
    const code = 'import flags\nfrom flags import DEBUG, FAST\nFAST = True\nif DEBUG:\n    a()\nif flags.VERBOSE:\n    b()\nif FAST:\n    c()\nif flags.QUIET:\n    pass\n';
    assert.deepEqual((await branches(code)).tests.map((t) => `${t.name}->${t.qualified ?? '-'}`), ['DEBUG->flags.DEBUG', 'flags.VERBOSE->flags.VERBOSE']);
  });

  it('collects rebinds and dynamic global rewrites', async () => {
    const result = await branches('import cfg\ncfg.DEBUG = True\nsetattr(cfg, "FAST", 1)\nmonkeypatch.setattr("pkg.cfg.SLOW", 0)\nexec(open("c.py").read())\n');
    assert.deepEqual(result.rebinds, ['DEBUG', 'FAST', 'SLOW']);
    assert.equal(result.dynamic, true);
    assert.equal((await branches('x = 1\n')).dynamic, false);
  });
});

describe('branch and outline facts', () => {
  it('place notebook findings in their cells, dropping deletion ranges that would cross cells', async () => {
    const nb = JSON.stringify({
      cells: [
        { cell_type: 'markdown', metadata: {}, source: ['# x'] },
        { cell_type: 'code', metadata: {}, outputs: [], source: ['FLAG = False\n', 'x = 1'] },
        { cell_type: 'code', metadata: {}, outputs: [], source: ['if FLAG:\n', '    x = 2\n', 'if False:\n', '    x = 3'] },
      ],
      metadata: { language_info: { name: 'python' } },
      nbformat: 4,
      nbformat_minor: 5,
    });
    const file = new SourceFile('nb.ipynb', 'notebook', nb, { python: await pythonParser() });
    const py = file.python;
    assert.ok(py);
    const facts = branchFacts(file, py);
    assert.deepEqual(facts.flags.map((f) => [f.name, f.cell, f.range.start.line]), [['FLAG', 1, 0]]);
    assert.deepEqual(facts.tests.map((t) => [t.whenFalse.cell, t.whenFalse.range.start.line]), [[2, 0]]);
    assert.deepEqual(facts.constants.map((c) => [c.cell, c.range.start.line, c.deleteRange ? span(c.deleteRange) : '-']), [[2, 2, '3-4']]);
    assert.deepEqual(outlineFacts(file, py).top, { cell: 1, range: { start: { line: 0, column: 0 }, end: { line: 0, column: 12 } } });
  });

  it('give a .py file its main guard, test count and code references of test files', async () => {
    const code = 'import subprocess\n\ndef test_cli():\n    subprocess.run(["python", "src/train.py", "-m", "pkg.serve"])\n\nif __name__ == "__main__":\n    test_cli()\n';
    const file = new SourceFile('tests/test_cli.py', 'python', code, { python: await pythonParser() });
    const py = file.python;
    assert.ok(py);
    const facts = outlineFacts(file, py);
    assert.deepEqual([facts.tests, facts.mainGuard?.start.line, facts.codeRefs], [1, 5, ['pkg.serve', 'src/train.py']]);
  });
});

// Meta tests over the rule registry: names, files, docs headings, tests, fixtures, schema and version stay in step.
import assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { configSchema } from '../../src/engine/config/schema';
import { FILE_RULES, RULES } from '../../src/engine/rules/index';
import { VERSION } from '../../src/engine/version';

const ROOT = join(__dirname, '..', '..');
const HEADINGS = ['What it does', 'Why is this bad?', 'Example', 'Use instead', 'Options', 'Fix safety', 'References'];

function ruleSourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? ruleSourceFiles(join(dir, e.name)) : e.name.endsWith('.ts') && e.name !== 'index.ts' ? [join(dir, e.name)] : []));
}

describe('rule registry', () => {
  it('every rule file under src/engine/rules is registered, and its id is its file name and its category its folder', () => {
    const files = ruleSourceFiles(join(ROOT, 'src', 'engine', 'rules')).map((f) => f.slice(join(ROOT, 'src', 'engine', 'rules').length + 1).split('\\').join('/'));
    const expected = [...RULES.values()].map((r) => `${r.category}/${r.id}.ts`).sort();
    assert.deepEqual(files.sort(), expected);
  });

  for (const rule of RULES.values()) {
    describe(rule.id, () => {
      it('has a kebab-case id, a description, messages and a reference', () => {
        assert.match(rule.id, /^[a-z]+(-[a-z0-9]+)+$/);
        assert.ok(rule.description.length > 20);
        assert.ok(Object.keys(rule.messages).length > 0);
        assert.ok(rule.references.length > 0);
        for (const template of Object.values<string>(rule.messages)) assert.ok(template.length > 0);
      });

      it('has a docs page with the fixed headings in order', () => {
        const path = join(ROOT, 'docs', 'rules', `${rule.id}.md`);
        assert.ok(existsSync(path), `missing ${path}`);
        const text = readFileSync(path, 'utf8');
        assert.ok(text.startsWith(`# ${rule.id}\n`), 'the page must start with "# <rule-id>"');
        const headings = [...text.matchAll(/^## (.+)$/gm)].map((m) => m[1]);
        assert.deepEqual(headings, HEADINGS);
        for (const option of Object.keys(rule.options ?? {})) assert.ok(text.includes(`\`${option}\``), `option ${option} is not documented`);
      });

      it('has a test file and, for per-file rules, fixtures', () => {
        assert.ok(existsSync(join(ROOT, 'test', 'rules', `${rule.id}.test.ts`)), 'missing test/rules/<id>.test.ts');
        const fixtures = join(ROOT, 'test', 'fixtures', 'rules', rule.id);
        assert.ok(existsSync(fixtures) && readdirSync(fixtures).length > 0, 'missing fixtures');
      });
    });
  }

  it('file rules declare the file kinds they check', () => {
    for (const rule of FILE_RULES) assert.ok(rule.fileKinds.length > 0, rule.id);
  });

  it('schema/mlready.schema.json is current (run npm run build to regenerate)', () => {
    const onDisk = readFileSync(join(ROOT, 'schema', 'mlready.schema.json'), 'utf8');
    assert.equal(onDisk, `${JSON.stringify(configSchema(RULES), null, 2)}\n`);
  });

  it('the engine version equals package.json', () => {
    const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { version: string };
    assert.equal(VERSION, pkg.version);
  });
});

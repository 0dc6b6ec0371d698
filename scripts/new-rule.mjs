// Scaffolds a rule: source, docs page, test file and a fixture folder (`npm run new-rule -- <id> <category>`).
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';

const CATEGORIES = ['data', 'dependencies', 'reproducibility', 'configuration', 'glue-code', 'skew', 'testing', 'notebooks', 'secrets', 'meta'];
const [id, category] = process.argv.slice(2);
if (!id || !/^[a-z]+(-[a-z0-9]+)+$/.test(id) || !CATEGORIES.includes(category ?? '')) {
  console.error(`usage: npm run new-rule -- <kebab-case-id> <category>\ncategories: ${CATEGORIES.join(', ')}`);
  process.exit(2);
}
const files = {
  [`src/engine/rules/${category}/${id}.ts`]: `// ${id}: <one line: the debt this rule finds>.
import { nodeRange } from '../../parsers/python.js';
import { defineRule } from '../../rule.js';

const messages = {
  found: '<what is wrong, and what to do instead>',
} as const;

export default defineRule<keyof typeof messages>({
  id: '${id}',
  category: '${category}',
  defaultSeverity: 'warning',
  status: 'preview',
  description: '<One sentence: what the rule finds.>',
  messages,
  references: [{ title: '<paper, tool or guideline>' }],
  fileKinds: ['python', 'notebook'],
  check(ctx) {
    const py = ctx.file.python;
    if (!py) return;
    for (const call of py.calls) {
      if (call.qualified !== '<module.function>') continue;
      ctx.report({ messageId: 'found', range: nodeRange(call.node) });
    }
  },
});
`,
  [`docs/rules/${id}.md`]: `# ${id}

Category: ${category} · Default: warning · Status: preview · Fix: none

## What it does

## Why is this bad?

## Example

## Use instead

## Options

None.

## Fix safety

No fix.

## References
`,
  [`test/rules/${id}.test.ts`]: `// Tests of ${id}.
import rule from '../../src/engine/rules/${category}/${id}';
import { fixtureTest } from '../helpers/fixtures';
import { ruleTester } from '../helpers/rule-tester';

ruleTester(rule, {
  valid: [],
  invalid: [],
});

fixtureTest('${id}');
`,
  [`test/fixtures/rules/${id}/example.py`]: `# A real-looking file: mark each line that must be reported with "# expect: ${id}".\n`,
};
for (const path of Object.keys(files)) {
  if (existsSync(path)) {
    console.error(`${path} exists already; nothing written`);
    process.exit(2);
  }
}
for (const [path, text] of Object.entries(files)) {
  mkdirSync(path.slice(0, path.lastIndexOf('/')), { recursive: true });
  writeFileSync(path, text);
  console.log(`wrote ${path}`);
}
console.log(`Now register the rule in src/engine/rules/index.ts, write its check, tests and docs, and run npm run build.`);

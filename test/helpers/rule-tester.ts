// An ESLint-style rule tester: valid and invalid cases, message ids with positions, fixes that must converge.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { applyFixes } from '../../src/engine/fixes';
import { classifyPath } from '../../src/engine/file-kinds';
import { lintSource } from '../../src/engine/lint-file';
import { buildProjectModel, PROJECT_METADATA_KINDS } from '../../src/engine/project';
import type { Rule, RuleOptions } from '../../src/engine/rule';
import { SourceFile } from '../../src/engine/source-file';
import type { Finding } from '../../src/engine/types';
import { pythonParser } from './python';

export interface ValidCase {
  readonly code: string;
  /** Project-relative file name; decides the file kind. Default `train.py`. */
  readonly filename?: string;
  /** Other files of the project (lockfiles, manifests, folders), path -> content. */
  readonly files?: Readonly<Record<string, string>>;
  readonly options?: RuleOptions;
  readonly name?: string;
}

export interface ExpectedError {
  readonly messageId: string;
  /** 1-based. */
  readonly line: number;
  readonly column?: number;
  /** Notebook cell, 0-based. */
  readonly cell?: number;
  readonly severity?: Finding['severity'];
}

export interface InvalidCase extends ValidCase {
  readonly errors: readonly ExpectedError[];
  /** The text after applying every fix (safe and unsafe). Required when the rule fixes; omit when no fix is offered. */
  readonly output?: string;
}

/** Runs one rule over one file of a small in-memory project. */
export async function runRule(rule: Rule, c: ValidCase): Promise<{ findings: Finding[]; messageIds: string[] }> {
  const filename = c.filename ?? 'train.py';
  const python = await pythonParser();
  const others = Object.entries(c.files ?? {});
  const metadata = [...others, [filename, c.code] as const]
    .filter(([p]) => PROJECT_METADATA_KINDS.has(classifyPath(p)))
    .map(([p, t]) => new SourceFile(p, classifyPath(p), t, {}));
  const inventory = [...others.map(([p, t]) => ({ path: p, kind: classifyPath(p), size: t.length })), { path: filename, kind: classifyPath(filename), size: c.code.length }];
  const project = buildProjectModel(inventory, metadata);
  const file = new SourceFile(filename, classifyPath(filename), c.code, { python });
  const settings = new Map([[rule.id, { severity: rule.defaultSeverity === 'off' ? ('warning' as const) : rule.defaultSeverity, ...(c.options ? { options: c.options } : {}) }]]);
  const result = lintSource(file, [rule], settings, project);
  if (result.ruleErrors.length > 0) throw new Error(`rule threw: ${result.ruleErrors.map((e) => e.message).join('\n')}`);
  if (result.skipped !== undefined) throw new Error(`file was skipped: ${result.skipped}`);
  const messageIds = result.findings.map((f) => messageIdOf(rule, f));
  return { findings: [...result.findings], messageIds };
}

/** Recovers the message id of a finding by matching its text against the rule's templates. */
function messageIdOf(rule: Rule, f: Finding): string {
  for (const [id, template] of Object.entries(rule.messages)) {
    const pattern = new RegExp(`^${template.replace(/[.*+?^${}()|[\]\\]/g, '\\$&').replace(/\\\{\w+\\\}/g, '[\\s\\S]*')}$`);
    if (pattern.test(f.message)) return id;
  }
  throw new Error(`finding message matches no message template of ${rule.id}: ${f.message}`);
}

export function ruleTester(rule: Rule, cases: { valid: readonly (ValidCase | string)[]; invalid: readonly InvalidCase[] }): void {
  const seen = new Set<string>();
  const key = (c: ValidCase): string => JSON.stringify([c.filename ?? 'train.py', c.code, c.files ?? {}, c.options ?? {}]);
  describe(`${rule.id} (rule tester)`, () => {
    cases.valid.forEach((raw, i) => {
      const c = typeof raw === 'string' ? { code: raw } : raw;
      it(`valid #${i + 1}${c.name ? `: ${c.name}` : ''}`, async () => {
        assert.ok(!seen.has(key(c)), 'duplicate test case');
        seen.add(key(c));
        const { findings } = await runRule(rule, c);
        assert.deepEqual(findings.map((f) => `${f.range.start.line + 1}:${f.range.start.column + 1} ${f.message}`), []);
      });
    });
    cases.invalid.forEach((c, i) => {
      it(`invalid #${i + 1}${c.name ? `: ${c.name}` : ''}`, async () => {
        assert.ok(!seen.has(key(c)), 'duplicate test case');
        seen.add(key(c));
        assert.ok(c.errors.length > 0, 'an invalid case needs at least one expected error');
        const { findings, messageIds } = await runRule(rule, c);
        const actual = findings.map((f, j) => ({
          messageId: messageIds[j],
          line: f.range.start.line + 1,
          ...(c.errors[j]?.column === undefined ? {} : { column: f.range.start.column + 1 }),
          ...(c.errors[j]?.cell === undefined ? {} : { cell: f.cell }),
          ...(c.errors[j]?.severity === undefined ? {} : { severity: f.severity }),
        }));
        assert.deepEqual(actual, c.errors.map((e) => ({ ...e })));
        for (const id of c.errors.map((e) => e.messageId)) assert.ok(id in rule.messages, `unknown message id ${id}`);
        const fixes = findings.flatMap((f) => (f.fix ? [f.fix] : []));
        if (fixes.length === 0) {
          assert.equal(c.output, undefined, 'output given but the rule offered no fix');
          return;
        }
        assert.ok(c.output !== undefined, 'the rule offered a fix: the case must give the expected output');
        const { text } = applyFixes(c.code, fixes);
        assert.equal(text, c.output);
        const after = await runRule(rule, { ...c, code: text });
        const fixedLines = new Set(findings.filter((f) => f.fix).map((f) => f.subject));
        assert.deepEqual(after.findings.filter((f) => fixedLines.has(f.subject)).map((f) => f.message), [], 'the fix did not clear its finding');
        if (classifyPath(c.filename ?? 'train.py') === 'python') {
          const parsed = (await pythonParser()).parse(text);
          const hadError = (await pythonParser()).parse(c.code).hasSyntaxError;
          assert.ok(hadError || !parsed.hasSyntaxError, 'the fixed code no longer parses');
        }
      });
    });
  });
}

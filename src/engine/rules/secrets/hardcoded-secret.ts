// hardcoded-secret: API keys, tokens, private keys and passwords written into code, notebook outputs, configs and scripts.
import type { Node } from 'web-tree-sitter';
import { getPath, walkLeaves, type ConfigNode, type KeyPath } from '../../parsers/config-tree.js';
import { findSecrets, maskSecret, secretByName, type SecretMatch } from '../../secret-patterns.js';
import { defineRule, type RuleContext } from '../../rule.js';
import type { TextDocument } from '../../text.js';
import type { FileKind, Range } from '../../types.js';

const messages = {
  token: '{label} {masked} is written into this file: anyone who can read the repository (or its history) can use it. Read it from an environment variable or a secret store, and rotate it.',
  named: "'{name}' holds a hard-coded {label} {masked}: anyone who can read the repository (or its history) can use it. Read it from an environment variable or a secret store, and rotate it.",
  urlPassword: 'The connection URL {url} carries its password in clear text. Read the password from an environment variable or a secret store, and rotate it.',
  output: '{label} {masked} is printed in the output of cell {cell}, and outputs are saved in the notebook. Clear the output, read the secret from an environment variable, and rotate it.',
  trackedEnv: '{label} {masked} is in {file}, which Git tracks: the key is in the repository history. Untrack the file (git rm --cached), list it in .gitignore, commit a .env.example without values, and rotate the key.',
} as const;

type Id = keyof typeof messages;

const CONFIG_KINDS: readonly FileKind[] = ['yaml', 'json', 'toml', 'ci-workflow', 'conda-env', 'dvc', 'dvc-pipeline', 'pyproject', 'pipfile'];
const LINE_KINDS: readonly FileKind[] = ['dotenv', 'shell', 'dvc-config', 'dockerfile', 'makefile'];
/** Where tests keep their inputs; secrets there are fakes unless they have a provider's exact format. */
const TEST_PATH = /(^|\/)(tests?|testing|__tests__|fixtures|testdata|test_data|mocks?)\/|(^|\/)(test_[^/]*|[^/]*_test\.[a-z]+|conftest\.py)$/i;
/** Cap on notebook output text scanned per cell: data-frame dumps can be megabytes and never hold keys in bulk. */
const MAX_OUTPUT_CHARS = 200_000;

export default defineRule<Id>({
  id: 'hardcoded-secret',
  category: 'secrets',
  defaultSeverity: 'error',
  status: 'stable',
  description: 'Finds credentials written into the repository: cloud, Hugging Face, W&B, OpenAI, Anthropic, GitHub, Slack and Kaggle keys, private keys, passwords in connection URLs, and random-looking values of secret-named settings.',
  messages,
  references: [
    { title: 'OWASP Top 10 Proactive Controls: C8 Protect Data Everywhere (secrets management)', url: 'https://owasp.org/www-project-proactive-controls/v3/en/c8-protect-data-everywhere' },
    { title: 'CWE-798: Use of Hard-coded Credentials', url: 'https://cwe.mitre.org/data/definitions/798.html' },
    { title: 'GitHub docs: Supported secret scanning patterns', url: 'https://docs.github.com/en/code-security/secret-scanning/introduction/supported-secret-scanning-patterns' },
  ],
  fileKinds: ['python', 'notebook', ...CONFIG_KINDS, ...LINE_KINDS],
  check(ctx) {
    const kind = ctx.file.kind;
    const tokensOnly = TEST_PATH.test(ctx.file.path) || ctx.file.roles.has('test');
    if (kind === 'python' || kind === 'notebook') {
      checkPython(ctx, tokensOnly);
      if (kind === 'notebook') checkOutputs(ctx);
    } else if (CONFIG_KINDS.includes(kind)) checkConfig(ctx, tokensOnly);
    else {
      // An untracked .env (or DVC's .dvc/config.local) is the recommended place for local keys; only a committed one
      // leaks. Without Git information the rule cannot tell, so it stays quiet.
      const localOnly = kind === 'dotenv' || ctx.file.path.endsWith('.dvc/config.local');
      if (localOnly && ctx.project.git?.tracked.has(ctx.file.path) !== true) return;
      checkLines(ctx, tokensOnly);
    }
  },
});

function report(ctx: RuleContext<Id>, match: Omit<SecretMatch, 'start' | 'end'>, range: Range, name?: string, cell?: number): void {
  const masked = maskSecret(match.value);
  if (cell !== undefined) {
    ctx.report({ messageId: 'output', data: { label: match.label, masked, cell: cell + 1 }, range, cell, subject: `${match.label} ${masked}` });
  } else if (match.redacted !== undefined) {
    ctx.report({ messageId: 'urlPassword', data: { url: match.redacted }, range, subject: `password ${match.redacted}` });
  } else if (ctx.file.kind === 'dotenv') {
    ctx.report({ messageId: 'trackedEnv', data: { label: match.label, masked, file: ctx.file.path }, range, subject: `${name ?? match.label} ${masked}` });
  } else if (name !== undefined) {
    ctx.report({ messageId: 'named', data: { name, label: match.label, masked }, range, subject: `${name} ${masked}` });
  } else {
    ctx.report({ messageId: 'token', data: { label: match.label, masked }, range, subject: `${match.label} ${masked}` });
  }
}

/** The name a Python string literal is given to, read from the text before it on its line. */
function pythonName(prefix: string): string | undefined {
  // `wandb.login(key="...")`, `huggingface_hub.login(token="...")`: the key is named by the service it logs into.
  const login = /\b(\w+)\.login\(\s*(key|token)\s*=\s*$/.exec(prefix);
  if (login) return `${login[1] ?? ''}.login(${login[2] ?? ''})`;
  const patterns = [
    /\[\s*(['"])([^'"]+)\1\s*\]\s*(?::[^=]*)?=\s*$/, // os.environ["KEY"] = / cfg["token"] =
    /(['"])([^'"]+)\1\s*:\s*$/, // {"api_key": ...}
    /(?:setdefault|getenv|get|putenv)\(\s*(['"])([^'"]+)\1\s*,\s*$/, // os.environ.setdefault("KEY", ...)
    /()([A-Za-z_][A-Za-z0-9_]*)\s*(?::\s*[^=]+)?=\s*$/, // name = / name: str = / f(name= ...
    /()([A-Za-z_][A-Za-z0-9_]*)\s*[!=]=\s*$/, // if token == ...
  ];
  for (const p of patterns) {
    const name = p.exec(prefix)?.[2];
    if (name !== undefined) return name;
  }
  return undefined;
}

const STRING_PARTS = /^([rRbBuUfF]{0,3})('''|"""|'|")([\s\S]*?)\2$/;

function checkPython(ctx: RuleContext<Id>, tokensOnly: boolean): void {
  const py = ctx.file.python;
  if (!py) return;
  const doc = ctx.file.pythonDoc;
  const text = py.text;
  const seen = new Set<number>();
  const scan = (node: Node, end: number, contentStart: number, content: string): void => {
    const start = node.startIndex;
    const found = findSecrets(content, { tokensOnly });
    for (const m of found) {
      // A docstring shows how a URL is written (`postgresql://user:pw@host`); a provider token there is still real.
      if (m.redacted !== undefined && node.parent?.type === 'expression_statement') continue;
      seen.add(contentStart + m.start);
      report(ctx, m, doc.rangeOf(contentStart + m.start, contentStart + m.end));
    }
    if (found.length > 0 || tokensOnly || content.length < 20 || content.length > 500) return;
    const lineStart = text.lastIndexOf('\n', start - 1) + 1;
    const name = pythonName(text.slice(lineStart, start));
    const named = name === undefined ? undefined : secretByName(name, content);
    if (named && name !== undefined) report(ctx, named, doc.rangeOf(start, end), name);
  };
  const stringEnds = py.parsed.ends('string');
  py.parsed.nodes('string').forEach((node, i) => {
    const end = stringEnds[i] ?? node.endIndex;
    const parts = STRING_PARTS.exec(text.slice(node.startIndex, end));
    if (!parts) return;
    const contentStart = node.startIndex + (parts[1]?.length ?? 0) + (parts[2]?.length ?? 0);
    scan(node, end, contentStart, parts[3] ?? '');
  });
  // Strings inside implicit concatenations (`"sk-" "abc..."` across lines) are scanned as one text.
  const concatenatedEnds = py.parsed.ends('concatenated_string');
  py.parsed.nodes('concatenated_string').forEach((node, i) => {
    scanTokens(ctx, doc, node.startIndex, text.slice(node.startIndex, concatenatedEnds[i] ?? node.endIndex), seen);
  });
  // A key commented out is still a key in the repository.
  const commentEnds = py.parsed.ends('comment');
  py.parsed.nodes('comment').forEach((node, i) => {
    scanTokens(ctx, doc, node.startIndex, text.slice(node.startIndex, commentEnds[i] ?? node.endIndex), seen, true);
  });
}

function scanTokens(ctx: RuleContext<Id>, doc: TextDocument, offset: number, text: string, seen: Set<number>, tokensOnly = false): void {
  for (const m of findSecrets(text, { tokensOnly })) {
    if (seen.has(offset + m.start)) continue;
    seen.add(offset + m.start);
    report(ctx, m, doc.rangeOf(offset + m.start, offset + m.end));
  }
}

/** Stream text and `text/plain` results of code cells: printed environments, `!cat .env`, echoed config. */
function checkOutputs(ctx: RuleContext<Id>): void {
  const nb = ctx.file.notebook;
  if (!nb) return;
  for (const cell of nb.notebook.cells) {
    if (cell.kind !== 'code' || cell.outputs.length === 0) continue;
    const text = cell.outputs.map(outputText).join('\n').slice(0, MAX_OUTPUT_CHARS);
    const firstLine = cell.source.split('\n')[0] ?? '';
    const range = { start: { line: 0, column: 0 }, end: { line: 0, column: firstLine.length } };
    const reported = new Set<string>();
    for (const m of findSecrets(text)) {
      if (reported.has(m.value)) continue;
      reported.add(m.value);
      report(ctx, m, range, undefined, cell.index);
    }
  }
}

function outputText(output: unknown): string {
  if (typeof output !== 'object' || output === null) return '';
  const o = output as { text?: unknown; data?: Record<string, unknown> };
  const join = (v: unknown): string => (typeof v === 'string' ? v : Array.isArray(v) ? v.filter((s): s is string => typeof s === 'string').join('') : '');
  return `${join(o.text)}\n${join(o.data?.['text/plain'])}`;
}

function checkConfig(ctx: RuleContext<Id>, tokensOnly: boolean): void {
  const tree = ctx.file.configTree;
  if (!tree) return;
  for (const root of tree.documents) {
    walkLeaves(root, (keyPath, node) => {
      if (typeof node.value !== 'string') return;
      const range = firstLine(ctx.file.doc, node.range);
      const found = findSecrets(node.value, { tokensOnly });
      for (const m of found) report(ctx, m, range, undefined);
      if (found.length > 0 || tokensOnly) return;
      const name = lastKey(keyPath);
      if (name === undefined) return;
      const named = secretByName(kaggleName(root, keyPath) ?? name, node.value);
      if (named) report(ctx, named, range, name);
    });
  }
}

/** `{"username": ..., "key": ...}` is a kaggle.json: its `key` is a Kaggle API key. */
function kaggleName(root: ConfigNode, keyPath: KeyPath): string | undefined {
  if (keyPath[keyPath.length - 1] !== 'key') return undefined;
  return getPath(root, [...keyPath.slice(0, -1), 'username']) ? 'kaggle_key' : undefined;
}

function lastKey(keyPath: KeyPath): string | undefined {
  for (let i = keyPath.length - 1; i >= 0; i--) if (typeof keyPath[i] === 'string') return keyPath[i] as string;
  return undefined;
}

function firstLine(doc: TextDocument, range: Range): Range {
  if (range.start.line === range.end.line) return range;
  return { start: range.start, end: { line: range.start.line, column: doc.lineText(range.start.line).length } };
}

const ASSIGNMENT = /^\s*(?:export\s+|ENV\s+|ARG\s+)?([A-Za-z_][A-Za-z0-9_.-]*)\s*(?:[?:+]?=|\s)\s*(['"]?)([^'"\s#]+)\2/;
const FLAG = /(?:^|\s)--?([A-Za-z][\w-]*)(?:=|\s+)(['"]?)([^\s'"]+)\2/g;

/** `.env`, shell scripts, Dockerfiles, Makefiles and `.dvc/config`: tokens anywhere, `KEY=value` and `--flag value` by name. */
function checkLines(ctx: RuleContext<Id>, tokensOnly: boolean): void {
  const doc = ctx.file.doc;
  for (let line = 0; line < doc.lineCount; line++) {
    const text = doc.lineText(line);
    const comment = /^\s*#/.test(text);
    const found = findSecrets(text, { tokensOnly: tokensOnly || comment });
    for (const m of found) report(ctx, m, { start: { line, column: m.start }, end: { line, column: m.end } });
    if (found.length > 0 || tokensOnly || comment) continue;
    const candidates: { name: string; value: string; at: number }[] = [];
    const a = ASSIGNMENT.exec(text);
    if (a?.[1] !== undefined && a[3] !== undefined) candidates.push({ name: a[1], value: a[3], at: text.indexOf(a[3], a[1].length) });
    if (ctx.file.kind === 'shell') for (const f of text.matchAll(FLAG)) if (f[1] !== undefined && f[3] !== undefined) candidates.push({ name: f[1], value: f[3], at: f.index + f[0].lastIndexOf(f[3]) });
    for (const c of candidates) {
      const named = secretByName(c.name, c.value);
      if (named) report(ctx, named, { start: { line, column: c.at }, end: { line, column: c.at + c.value.length } }, c.name);
    }
  }
}

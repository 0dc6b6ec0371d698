// absolute-local-path: paths that exist on one person's machine (home folders, drive letters, mounted disks, Colab Drive).
import type { Node } from 'web-tree-sitter';
import { walkLeaves } from '../../parsers/config-tree.js';
import { defineRule, type RuleContext } from '../../rule.js';
import type { FileKind, Range } from '../../types.js';

const messages = {
  localPath: "'{path}' is an absolute path {where}: it exists on one machine only, so this fails (or reads other data) anywhere else. Make it relative to the project root, or read it from config or an environment variable.",
} as const;

type Id = keyof typeof messages;

/** What precedes a path inside a string or a line: its start, a quote, a separator, `=`, or `file://`. */
const BOUNDARY = String.raw`(?<=^|[\s'"=(,;:]|file://)`;
const SEGMENT = String.raw`[A-Za-z0-9._-]+`;

/**
 * Machine-specific roots. Not here on purpose: container and platform layouts that are the same on every machine
 * the code targets (`/app`, `/workspace`, `/opt/ml`, `/data`, `/kaggle/input`, `/content` outside Drive, `/tmp`,
 * system folders), the users of the Jupyter Docker stacks and GitHub runners, and `~/` paths other than personal
 * folders: `~/.cache` or `~/.kaggle` follow a tool's convention and resolve on every machine.
 */
const ROOTS: readonly { readonly pattern: string; readonly where: string; readonly flags?: string }[] = [
  { pattern: String.raw`/home/(?!runner\b|jovyan\b)${SEGMENT}(?=/|$|['"\s])`, where: "in one user's home folder" },
  { pattern: String.raw`/Users/(?!Shared\b)${SEGMENT}(?=/|$|['"\s])`, where: "in one macOS user's home folder" },
  { pattern: String.raw`/media/${SEGMENT}/`, where: 'on a removable disk' },
  { pattern: String.raw`/mnt/${SEGMENT}(?=/|$|['"\s])`, where: 'on a disk mounted on one machine' },
  { pattern: String.raw`/Volumes/[^/'"\n]+/`, where: 'on a volume mounted on one Mac' },
  { pattern: String.raw`/content/drive/(?:My ?Drive|Shareddrives)/[^/'"\s]`, where: "in one user's Google Drive, as Colab mounts it" },
  // Two path characters at least, so `"Top K:\t%d"` is not a path; system and tool folders are like /usr and /opt.
  { pattern: String.raw`[A-Za-z]:(?:\\\\|\\|/)(?!(?:Program Files|ProgramData|Windows|NVIDIA|Python\d*|Anaconda\d*|Miniconda\d*|tools|msys64|cygwin\d*)\b)(?=[A-Za-z0-9_.$~-][A-Za-z0-9_.$~ -])`, where: 'on a Windows drive', flags: 'i' },
  { pattern: String.raw`~/(?:Downloads|Desktop|Documents|Dropbox|OneDrive|Google Drive|iCloud Drive|Pictures|Movies|Music|Videos)(?=/|$|['"\s])`, where: 'in one user\'s personal folders' },
];
const ROOT_RES = ROOTS.map((r) => ({ re: new RegExp(`${BOUNDARY}${r.pattern}`, r.flags), where: r.where }));
/** A cheap first test, so most strings cost one regex. */
const QUICK = /\/home\/|\/Users\/|\/media\/|\/mnt\/|\/Volumes\/|\/content\/drive\/|[A-Za-z]:[\\/]|~\//;
/** Keyword arguments that document rather than use a path (`help="e.g. /home/me/data"`). */
const DOC_KEYWORDS = new Set(['help', 'description', 'epilog', 'usage', 'metavar', 'example', 'examples', 'doc']);
const CONFIG_KINDS: readonly FileKind[] = ['yaml', 'json', 'toml', 'conda-env', 'dvc', 'dvc-pipeline'];
const TEST_PATH = /(^|\/)(tests?|testing|__tests__|fixtures|testdata|test_data)\/|(^|\/)(test_[^/]*|[^/]*_test\.py|conftest\.py)$/i;

/** The first machine-specific path in a text: its offset, the path (up to a quote or space) and what it is. */
export function findLocalPath(text: string): { index: number; path: string; where: string } | undefined {
  if (!QUICK.test(text)) return undefined;
  let best: { index: number; path: string; where: string } | undefined;
  for (const { re, where } of ROOT_RES) {
    const m = re.exec(text);
    if (!m || (best && best.index <= m.index)) continue;
    const path = /^[^'"\s,;]+/.exec(text.slice(m.index))?.[0] ?? m[0];
    best = { index: m.index, path, where };
  }
  return best;
}

export default defineRule<Id>({
  id: 'absolute-local-path',
  category: 'reproducibility',
  defaultSeverity: 'warning',
  profileSeverity: { prototype: 'info' },
  status: 'stable',
  description: "Finds absolute paths that only exist on one machine (home folders, Windows drives, mounted disks, a Colab user's Drive) in code, notebooks, configs and shell scripts.",
  messages,
  references: [
    { title: 'Julynter (Macedo et al.): notebooks should use relative paths' },
    { title: 'Pimentel et al., A Large-scale Study about Quality and Reproducibility of Jupyter Notebooks (MSR 2019)' },
    { title: 'Sculley et al., Hidden Technical Debt in Machine Learning Systems (NeurIPS 2015): configuration debt' },
  ],
  fileKinds: ['python', 'notebook', 'shell', ...CONFIG_KINDS],
  check(ctx) {
    // Tests feed path functions with sample paths on purpose.
    if (TEST_PATH.test(ctx.file.path) || ctx.file.roles.has('test')) return;
    if (ctx.file.kind === 'python' || ctx.file.kind === 'notebook') checkPython(ctx);
    else if (ctx.file.kind === 'shell') checkShell(ctx);
    else checkConfig(ctx);
  },
});

function report(ctx: RuleContext<Id>, found: { path: string; where: string }, range: Range): void {
  ctx.report({ messageId: 'localPath', data: { path: found.path, where: found.where }, range, subject: found.path });
}

function checkPython(ctx: RuleContext<Id>): void {
  const py = ctx.file.python;
  if (!py) return;
  const text = py.text;
  for (const type of ['string', 'concatenated_string']) {
    // Ends shared with the other rules that read every string: one tree-sitter call per string and file.
    const ends = py.parsed.ends(type);
    py.parsed.nodes(type).forEach((node, i) => {
      const end = ends[i] ?? node.endIndex;
      const found = findLocalPath(text.slice(node.startIndex, end));
      if (!found || isDocumentation(node)) return;
      report(ctx, found, ctx.file.pythonDoc.rangeOf(node.startIndex, end));
    });
  }
}

/** Docstrings and bare string statements, and the text of `help=` and friends, describe paths; they do not open them. */
function isDocumentation(node: Node): boolean {
  const parent = node.parent;
  if (!parent) return false;
  if (parent.type === 'expression_statement') return true;
  return parent.type === 'keyword_argument' && DOC_KEYWORDS.has(parent.childForFieldName('name')?.text ?? '');
}

function checkShell(ctx: RuleContext<Id>): void {
  const doc = ctx.file.doc;
  for (let line = 0; line < doc.lineCount; line++) {
    const text = doc.lineText(line);
    // Comments and the shebang (`#!/usr/bin/env bash`) are not paths the script uses.
    const code = text.replace(/(^|\s)#.*$/, '');
    const found = findLocalPath(code);
    if (found) report(ctx, found, { start: { line, column: found.index }, end: { line, column: found.index + found.path.length } });
  }
}

/** Compose files describe a container: only the host side of a volume is a path on the developer's machine. */
const COMPOSE_FILE = /(^|\/)(docker-)?compose(\.[\w-]+)?\.ya?ml$/;

function hostSide(keyPath: readonly (string | number)[], value: string): string | undefined {
  if (!keyPath.includes('volumes')) return undefined;
  if (keyPath[keyPath.length - 1] === 'source') return value;
  const drive = /^[A-Za-z]:[\\/]/.test(value) ? 2 : 0;
  const colon = value.indexOf(':', drive);
  return colon === -1 ? value : value.slice(0, colon);
}

function checkConfig(ctx: RuleContext<Id>): void {
  const tree = ctx.file.configTree;
  if (!tree) return;
  const compose = COMPOSE_FILE.test(ctx.file.path);
  for (const root of tree.documents) {
    walkLeaves(root, (keyPath, node) => {
      if (typeof node.value !== 'string') return;
      const text = compose ? hostSide(keyPath, node.value) : node.value;
      const found = text === undefined ? undefined : findLocalPath(text);
      if (!found) return;
      const r = node.range;
      const end = r.start.line === r.end.line ? r.end : { line: r.start.line, column: ctx.file.doc.lineText(r.start.line).length };
      report(ctx, found, { start: r.start, end });
    });
  }
}

// Code actions from the findings of the last lint: the rule's fix, "Ignore <rule> on this line", "Show documentation", and fix-all of safe fixes.
import { CodeActionKind, type CodeAction, type Diagnostic, type TextEdit as LspTextEdit, type WorkspaceEdit } from 'vscode-languageserver';
import { suppressionComment } from '../engine/suppressions.js';
import type { FileKind, Finding, TextEdit } from '../engine/types.js';
import { Commands, FIX_ALL_KIND } from '../protocol.js';
import { SOURCE, toLspRange } from './diagnostics.js';

/** The document a code action request is about, with what the actions need to know of it. */
export interface ActionDocument {
  readonly uri: string;
  readonly version: number;
  readonly kind: FileKind;
  /** The document's lines (a notebook cell's for a cell). */
  lineText(line: number): string;
  /** The document URI of a notebook cell for edits that name one; the document's own URI otherwise. */
  uriForCell(cell: number | undefined): string;
}

export interface ActionOptions {
  /** The client applies snippet edits (LSP 3.18 `snippetEditSupport`): the reason becomes a placeholder. */
  readonly snippets: boolean;
  /** The client runs `mlready.showRuleDocumentation` (our VS Code extension does; other editors do not). */
  readonly docsCommand: boolean;
  /** Requested kinds (`context.only`); everything when undefined. */
  readonly only?: readonly string[];
}

/** A `mlready: ignore[...]` comment already on a line: a new rule id joins its list. */
const EXISTING = /#\s*mlready\s*:\s*ignore\[([^\]]*)\]/;

function wants(only: readonly string[] | undefined, kind: string): boolean {
  return only === undefined || only.some((k) => kind === k || kind.startsWith(`${k}.`));
}

function sameRange(d: Diagnostic, f: Finding, doc: ActionDocument, cell: number | undefined): boolean {
  const r = toLspRange(f.range);
  return f.cell === cell && r.start.line === d.range.start.line && r.start.character === d.range.start.character && r.end.line === d.range.end.line && r.end.character === d.range.end.character && doc.uriForCell(f.cell) === doc.uri;
}

/** The findings behind the mlready diagnostics of a request. */
export function findingsFor(diagnostics: readonly Diagnostic[], findings: readonly Finding[], doc: ActionDocument, cell: number | undefined): Finding[] {
  const out: Finding[] = [];
  for (const d of diagnostics) {
    if (d.source !== SOURCE) continue;
    const match = findings.find((f) => f.ruleId === d.code && f.message === d.message && sameRange(d, f, doc, cell));
    if (match && !out.includes(match)) out.push(match);
  }
  return out;
}

function workspaceEdit(doc: ActionDocument, edits: readonly TextEdit[]): WorkspaceEdit {
  const byUri = new Map<string, LspTextEdit[]>();
  for (const e of edits) {
    const uri = doc.uriForCell(e.cell);
    const list = byUri.get(uri) ?? [];
    list.push({ range: toLspRange(e.range), newText: e.newText });
    byUri.set(uri, list);
  }
  // Versioned for the request's own document, so the editor refuses the edit if the text moved on meanwhile.
  return { documentChanges: [...byUri].map(([uri, list]) => ({ textDocument: { uri, version: uri === doc.uri ? doc.version : null }, edits: list })) };
}

/** The edit that adds a suppression with a reason for `finding` to its line, or undefined where comments cannot go. */
export function ignoreEdit(finding: Finding, doc: ActionDocument, snippets: boolean): WorkspaceEdit | undefined {
  if (doc.kind === 'json' || finding.category === 'meta') return undefined;
  const line = finding.range.start.line;
  const text = doc.lineText(line);
  const existing = EXISTING.exec(text);
  let edit: { range: ReturnType<typeof toLspRange>; newText: string; snippet: boolean };
  if (existing?.[1] !== undefined) {
    const close = existing.index + existing[0].length - 1;
    edit = { range: toLspRange({ start: { line, column: close }, end: { line, column: close } }), newText: `${existing[1].trim() === '' ? '' : ', '}${finding.ruleId}`, snippet: false };
  } else {
    const reason = snippets ? '${1:reason}' : 'reason';
    const comment = suppressionComment(finding.ruleId, reason);
    if (text.trimEnd().endsWith('\\')) {
      // A trailing comment would break a backslash continuation: put the comment on its own line above.
      const indent = /^\s*/.exec(text)?.[0] ?? '';
      edit = { range: toLspRange({ start: { line, column: 0 }, end: { line, column: 0 } }), newText: `${indent}${comment}\n`, snippet: snippets };
    } else {
      const end = text.trimEnd().length;
      edit = { range: toLspRange({ start: { line, column: end }, end: { line, column: text.length } }), newText: `  ${comment}`, snippet: snippets };
    }
  }
  const textEdit = edit.snippet ? { range: edit.range, snippet: { kind: 'snippet' as const, value: edit.newText } } : { range: edit.range, newText: edit.newText };
  return { documentChanges: [{ textDocument: { uri: doc.uri, version: doc.version }, edits: [textEdit] }] };
}

/** Quick fixes for the mlready diagnostics of a request, and the fix-all source action when asked for. */
export function codeActions(diagnostics: readonly Diagnostic[], findings: readonly Finding[], doc: ActionDocument, cell: number | undefined, options: ActionOptions): CodeAction[] {
  const actions: CodeAction[] = [];
  if (wants(options.only, CodeActionKind.QuickFix)) {
    for (const finding of findingsFor(diagnostics, findings, doc, cell)) {
      const diagnostic = diagnostics.find((d) => d.code === finding.ruleId && d.message === finding.message);
      const attach = diagnostic ? { diagnostics: [diagnostic] } : {};
      if (finding.fix) {
        const unsafe = finding.fix.safety === 'unsafe';
        actions.push({ title: `${finding.fix.description}${unsafe ? ' (unsafe fix: review it)' : ''}`, kind: CodeActionKind.QuickFix, isPreferred: !unsafe, edit: workspaceEdit(doc, finding.fix.edits), ...attach });
      }
      const ignore = ignoreEdit(finding, doc, options.snippets);
      if (ignore) actions.push({ title: `Ignore ${finding.ruleId} on this line`, kind: CodeActionKind.QuickFix, edit: ignore, ...attach });
      if (options.docsCommand) {
        const title = `Show documentation for ${finding.ruleId}`;
        actions.push({ title, kind: CodeActionKind.QuickFix, command: { title, command: Commands.showRuleDocumentation, arguments: [finding.ruleId] }, ...attach });
      }
    }
  }
  if (options.only !== undefined && wants(options.only, FIX_ALL_KIND)) {
    const fixAll = fixAllAction(findings.filter((f) => f.cell === cell), doc);
    if (fixAll) actions.push(fixAll);
  }
  return actions;
}

/** Every safe fix of the document whose edits do not overlap an earlier one (the rest wait for the next save). */
export function fixAllAction(findings: readonly Finding[], doc: ActionDocument): CodeAction | undefined {
  const taken: TextEdit[] = [];
  const overlaps = (a: TextEdit, b: TextEdit): boolean => !(comparePos(a.range.end, b.range.start) <= 0 || comparePos(b.range.end, a.range.start) <= 0) || (a.cell === b.cell && comparePos(a.range.start, b.range.start) === 0);
  for (const f of findings) {
    if (f.fix?.safety !== 'safe') continue;
    const edits = f.fix.edits;
    if (edits.some((e) => taken.some((t) => t.cell === e.cell && overlaps(e, t)))) continue;
    taken.push(...edits);
  }
  if (taken.length === 0) return undefined;
  return { title: 'Fix all safe mlready problems', kind: FIX_ALL_KIND, edit: workspaceEdit(doc, taken) };
}

function comparePos(a: { line: number; column: number }, b: { line: number; column: number }): number {
  return a.line - b.line || a.column - b.column;
}

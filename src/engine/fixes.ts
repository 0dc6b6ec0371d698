// Applies text edits to a document: sorted, non-overlapping, all or nothing per fix.
import { TextDocument } from './text.js';
import type { Fix, TextEdit } from './types.js';

/**
 * Applies the given fixes to `text`. A fix whose edits overlap an earlier accepted fix is left for the
 * next pass (ESLint's approach), so the caller re-lints and applies again until nothing changes.
 */
export function applyFixes(text: string, fixes: readonly Fix[]): { text: string; applied: number } {
  const doc = new TextDocument(text);
  const accepted: { start: number; end: number; newText: string }[] = [];
  let applied = 0;
  for (const fix of fixes) {
    const spans = fix.edits.map((e) => ({ start: doc.offsetAt(e.range.start), end: doc.offsetAt(e.range.end), newText: e.newText }));
    const overlaps = spans.some((s) => accepted.some((a) => s.start < a.end && a.start < s.end || (s.start === s.end && s.start === a.start)));
    if (overlaps) continue;
    accepted.push(...spans);
    applied++;
  }
  accepted.sort((a, b) => b.start - a.start || b.end - a.end);
  let out = text;
  for (const s of accepted) out = out.slice(0, s.start) + s.newText + out.slice(s.end);
  return { text: out, applied };
}

/** Applies edits of one fix, for tests and the editor. */
export function applyEdits(text: string, edits: readonly TextEdit[]): string {
  return applyFixes(text, [{ description: '', safety: 'safe', edits }]).text;
}

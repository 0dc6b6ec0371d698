// Writes or removes one attestation in `.mlready.yaml` text as a minimal edit, keeping every comment, key order and format.
import { isMap, isScalar, parseDocument, stringify, type Document, type Node as YamlNode, type Pair, type YAMLMap } from 'yaml';
import type { Attestation } from '../config/types.js';

export type AttestationFields = Omit<Attestation, 'item'>;

export class AttestationEditError extends Error {
  override readonly name = 'AttestationEditError';
}

const FIELD_ORDER = ['status', 'how', 'by', 'date', 'note'] as const;

/**
 * Returns the config text with `readiness.attestations.<item>` set to `fields`, or removed when `fields` is
 * undefined. Only the lines of that one item change (plus the `readiness:`/`attestations:` keys when they are
 * new), so the team's diff shows exactly the attestation. Throws AttestationEditError when the text is not valid
 * YAML or its `readiness` is not a mapping: the caller must not write anything then.
 */
export function setAttestation(text: string, item: string, fields: AttestationFields | undefined): string {
  const eol = text.includes('\r\n') ? '\r\n' : '\n';
  const doc = parse(text);
  const readiness = doc.get('readiness', true) as YamlNode | undefined;
  const result = readiness === undefined || isNull(readiness) ? addReadiness(text, doc, item, fields, eol) : editReadiness(text, readiness, item, fields, eol);
  verify(text, result, item, fields);
  return result;
}

function parse(text: string): Document {
  const doc = parseDocument(text, { keepSourceTokens: false });
  if (doc.errors.length > 0) throw new AttestationEditError(`.mlready.yaml is not valid YAML (${doc.errors[0]?.message.split('\n')[0] ?? 'parse error'}); fix it before attesting`);
  if (doc.contents !== null && !isMap(doc.contents)) throw new AttestationEditError('.mlready.yaml must be a mapping at the top level');
  return doc;
}

function isNull(node: YamlNode): boolean {
  return isScalar(node) && node.value === null;
}

/** A new `readiness:` block at the end of the file (or replacing an empty `readiness:`). */
function addReadiness(text: string, doc: Document, item: string, fields: AttestationFields | undefined, eol: string): string {
  if (!fields) return text;
  const block = ['readiness:', '  attestations:', ...itemLines(item, fields, '    ')].join(eol);
  const empty = doc.contents && isMap(doc.contents) ? (doc.contents.items as Pair<YamlNode, YamlNode | null>[]).find((p) => isScalar(p.key) && p.key.value === 'readiness') : undefined;
  if (empty?.key && isScalar(empty.key) && empty.key.range) {
    const start = lineStart(text, empty.key.range[0]);
    const end = lineEnd(text, empty.key.range[0]);
    return text.slice(0, start) + block + text.slice(end);
  }
  const body = text.length === 0 || text.endsWith('\n') ? text : text + eol;
  return `${body}${body.trim() === '' ? '' : eol}${block}${eol}`;
}

function editReadiness(text: string, readiness: YamlNode, item: string, fields: AttestationFields | undefined, eol: string): string {
  if (!isMap(readiness) || readiness.flow === true) throw new AttestationEditError('readiness in .mlready.yaml must be a block mapping to attest from the panel; edit it by hand');
  const attestations = readiness.get('attestations', true) as YamlNode | undefined;
  const readinessIndent = keyIndent(text, readiness) ?? '  ';
  if (attestations === undefined || isNull(attestations) || (isMap(attestations) && attestations.items.length === 0)) {
    if (!fields) return text;
    const lines = [`${readinessIndent}attestations:`, ...itemLines(item, fields, readinessIndent + readinessIndent)].join(eol);
    const pair = (readiness.items as Pair<YamlNode, YamlNode | null>[]).find((p) => isScalar(p.key) && p.key.value === 'attestations');
    if (pair?.key && isScalar(pair.key) && pair.key.range) return replaceLines(text, pair.key.range[0], (pair.value?.range?.[1] ?? pair.key.range[1]), lines);
    return insertAfter(text, readiness, lines, eol);
  }
  if (!isMap(attestations) || attestations.flow === true) throw new AttestationEditError('readiness.attestations in .mlready.yaml must be a block mapping to attest from the panel; edit it by hand');
  const indent = keyIndent(text, attestations) ?? readinessIndent + readinessIndent;
  const pairs = attestations.items as Pair<YamlNode, YamlNode | null>[];
  const existing = pairs.find((p) => isScalar(p.key) && String(p.key.value) === item);
  if (existing?.key && isScalar(existing.key) && existing.key.range) {
    const start = existing.key.range[0];
    const end = existing.value?.range?.[1] ?? existing.key.range[1];
    if (fields) {
      // A comment after the old value (`model-1: {status: done}  # why`) moves to the key line, not into the bin.
      const trailing = /^[ \t]*#.*/.exec(text.slice(end, lineEnd(text, end)))?.[0] ?? '';
      const lines = itemLines(item, fields, indent);
      lines[0] = `${lines[0] ?? ''}${trailing}`;
      return replaceLines(text, start, end, lines.join(eol));
    }
    if (pairs.length === 1) {
      // The last attestation goes: keep a valid, empty `attestations: {}` rather than a null the validator rejects.
      const key = (readiness.items as Pair<YamlNode, YamlNode | null>[]).find((p) => isScalar(p.key) && p.key.value === 'attestations')?.key as YamlNode;
      return replaceLines(text, key.range?.[0] ?? start, end, `${readinessIndent}attestations: {}`);
    }
    return removeLines(text, start, end);
  }
  if (!fields) return text;
  return insertAfter(text, attestations, itemLines(item, fields, indent).join(eol), eol);
}

function itemLines(item: string, fields: AttestationFields, indent: string): string[] {
  const lines = [`${indent}${scalar(item)}:`];
  for (const key of FIELD_ORDER) {
    const value = fields[key];
    if (value !== undefined && value !== '') lines.push(`${indent}  ${key}: ${scalar(value)}`);
  }
  return lines;
}

/** A scalar as YAML writes it on one line (quoted when it must be). */
function scalar(value: string): string {
  const out = stringify(value, { lineWidth: 0 }).trimEnd();
  // A block scalar (multi-line note) cannot sit on one line: fall back to a double-quoted string.
  return out.includes('\n') || out.startsWith('|') || out.startsWith('>') ? JSON.stringify(value) : out;
}

/** The indentation of a block map's first key, as written. */
function keyIndent(text: string, map: YAMLMap): string | undefined {
  const first = (map.items as Pair<YamlNode, YamlNode | null>[])[0]?.key;
  const offset = first && isScalar(first) ? first.range?.[0] : undefined;
  if (offset === undefined) return undefined;
  return text.slice(lineStart(text, offset), offset);
}

function lineStart(text: string, offset: number): number {
  return text.lastIndexOf('\n', offset - 1) + 1;
}

function lineEnd(text: string, offset: number): number {
  const end = text.indexOf('\n', offset);
  if (end === -1) return text.length;
  return text[end - 1] === '\r' ? end - 1 : end;
}

/** Replaces whole lines from the one holding `start` to the one holding the last character before `end`. */
function replaceLines(text: string, start: number, end: number, lines: string): string {
  const from = lineStart(text, start);
  const to = lineEnd(text, Math.max(start, lastContent(text, end)));
  return text.slice(0, from) + lines + text.slice(to);
}

function removeLines(text: string, start: number, end: number): string {
  const from = lineStart(text, start);
  let to = lineEnd(text, Math.max(start, lastContent(text, end)));
  if (text[to] === '\r') to++;
  if (text[to] === '\n') to++;
  return text.slice(0, from) + text.slice(to);
}

/** The offset of the last non-space character before `end` (a node's range may run into the next line). */
function lastContent(text: string, end: number): number {
  let i = end - 1;
  while (i > 0 && /\s/.test(text[i] ?? '')) i--;
  return i;
}

/** Inserts lines after the last line of a block map's content. */
function insertAfter(text: string, map: YAMLMap, lines: string, eol: string): string {
  const pairs = map.items as Pair<YamlNode, YamlNode | null>[];
  const last = pairs[pairs.length - 1];
  const end = last?.value?.range?.[1] ?? (last?.key)?.range?.[1] ?? map.range?.[1] ?? text.length;
  const at = lineEnd(text, lastContent(text, end));
  return `${text.slice(0, at)}${eol}${lines}${text.slice(at)}`;
}

/** The edit must change that one attestation and nothing else; otherwise nothing is written. */
function verify(before: string, after: string, item: string, fields: AttestationFields | undefined): void {
  const old = parse(before).toJS() as Record<string, unknown> | null;
  const now = parseDocument(after).toJS() as Record<string, unknown> | null;
  const expected = structuredClone(old ?? {});
  const readiness = (expected.readiness ??= {}) as Record<string, unknown>;
  const attestations = new Map(Object.entries((readiness.attestations ?? {}) as Record<string, unknown>));
  if (fields) attestations.set(item, Object.fromEntries(FIELD_ORDER.flatMap((k) => (fields[k] === undefined || fields[k] === '' ? [] : [[k, fields[k]]]))));
  else attestations.delete(item);
  readiness.attestations = Object.fromEntries(attestations);
  const actual = structuredClone(now ?? {});
  const actualReadiness = (actual.readiness ??= {}) as Record<string, unknown>;
  actualReadiness.attestations ??= {};
  if (JSON.stringify(normalise(actual)) !== JSON.stringify(normalise(expected))) {
    throw new AttestationEditError('could not edit .mlready.yaml without changing other content; edit the attestation by hand');
  }
}

function normalise(value: unknown): unknown {
  if (value instanceof Date) return value.toISOString().slice(0, 10);
  if (Array.isArray(value)) return value.map(normalise);
  if (value !== null && typeof value === 'object') {
    return Object.fromEntries(Object.entries(value as Record<string, unknown>).sort(([a], [b]) => (a < b ? -1 : 1)).map(([k, v]) => [k, normalise(v)]));
  }
  return value;
}

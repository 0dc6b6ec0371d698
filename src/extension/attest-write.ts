// Writes one attestation into `.mlready.yaml` only when that is safe: the file is as the report saw it, not dirty in
// an editor, and valid. The IO is injected, so the decision is tested without VS Code.
import { createHash } from 'node:crypto';
import { AttestationEditError, setAttestation, type AttestationFields } from '../engine/readiness/attest.js';
import type { AttestableStatus, ConfigStamp } from '../protocol.js';

export interface ConfigIo {
  /** The file's bytes, or undefined when it does not exist. */
  read(file: string): Promise<Uint8Array | undefined>;
  write(file: string, bytes: Uint8Array): Promise<void>;
  /** True when the file is open in an editor with unsaved changes. */
  isDirty(file: string): boolean;
}

export type WriteOutcome =
  | { readonly kind: 'written'; readonly created: boolean }
  | { readonly kind: 'unchanged' }
  /** Nothing was written; `refresh` when the panel shows an outdated report and must ask again. */
  | { readonly kind: 'refused'; readonly reason: string; readonly refresh: boolean };

export function sha256(bytes: Uint8Array): string {
  return createHash('sha256').update(bytes).digest('hex');
}

/** The stamp of a config file as it is now: its hash, or '' when it does not exist. */
export async function stampOf(io: ConfigIo, file: string): Promise<ConfigStamp> {
  const bytes = await io.read(file);
  return { file, hash: bytes === undefined ? '' : sha256(bytes) };
}

/** The last segment of a path, for messages. */
function baseName(file: string): string {
  return file.split(/[\\/]/).pop() ?? file;
}

/** The refusal while the config has errors (asked before any question, and again before writing). */
export function refuseInvalidConfig(file: string, configErrors: number): WriteOutcome | undefined {
  if (configErrors <= 0) return undefined;
  const errors = configErrors === 1 ? 'an error' : `${String(configErrors)} errors`;
  return { kind: 'refused', reason: `${baseName(file)} has ${errors}. Fix ${configErrors === 1 ? 'it' : 'them'} first (see the Problems panel): mlready does not rewrite a config it cannot read. Nothing was written.`, refresh: false };
}

export interface ConfigEdit {
  readonly stamp: ConfigStamp;
  /** Errors the server found in the config the report was made from. */
  readonly configErrors: number;
  /** The item's attestation, or undefined to revoke it. */
  readonly fields: AttestationFields | undefined;
  readonly item: string;
  /** The text a new config starts from (the commented starter config), when there is none yet. */
  readonly starter: () => Promise<string>;
}

/**
 * Sets or removes the item's attestation. Refuses, writing nothing, when the config has errors, has unsaved edits,
 * or changed on disk since the report (its hash differs from the stamp): the user's text is never overwritten.
 */
export async function writeAttestation(io: ConfigIo, edit: ConfigEdit): Promise<WriteOutcome> {
  const name = baseName(edit.stamp.file);
  const invalid = refuseInvalidConfig(edit.stamp.file, edit.configErrors);
  if (invalid) return invalid;
  if (io.isDirty(edit.stamp.file)) {
    return { kind: 'refused', reason: `${name} has unsaved changes in an editor. Save or revert them, then try again. Nothing was written.`, refresh: false };
  }
  const bytes = await io.read(edit.stamp.file);
  const hash = bytes === undefined ? '' : sha256(bytes);
  if (hash !== edit.stamp.hash) {
    const what = bytes === undefined ? 'was deleted' : edit.stamp.hash === '' ? 'was created' : 'changed on disk';
    return { kind: 'refused', reason: `${name} ${what} since this report was made. Nothing was written; the panel now shows the current state: check it and try again.`, refresh: true };
  }
  if (bytes === undefined && !edit.fields) return { kind: 'unchanged' };
  const text = bytes === undefined ? await edit.starter() : new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  let next: string;
  try {
    next = setAttestation(text, edit.item, edit.fields);
  } catch (error) {
    if (error instanceof AttestationEditError) return { kind: 'refused', reason: `${error.message}. Nothing was written.`, refresh: false };
    throw error;
  }
  if (bytes !== undefined && next === text) return { kind: 'unchanged' };
  await io.write(edit.stamp.file, new TextEncoder().encode(next));
  return { kind: 'written', created: bytes === undefined };
}

/** The five answers the attest prompt offers, and what each writes. */
export const ATTEST_CHOICES: readonly { readonly label: string; readonly detail: string; readonly status: AttestableStatus; readonly how: 'manual' | 'automated' }[] = [
  { label: 'Done — manual', detail: 'People run it by hand and it is documented: half a point.', status: 'done', how: 'manual' },
  { label: 'Done — automated', detail: 'A system outside this repository runs it on a schedule or on every change: a point.', status: 'done', how: 'automated' },
  { label: 'Partial', detail: 'Some of it is in place: no points yet, but the team knows where it stands.', status: 'partial', how: 'manual' },
  { label: 'Not applicable', detail: 'It does not apply to this system: it counts as met, so say why in the note.', status: 'not-applicable', how: 'manual' },
  { label: 'Not done', detail: 'Recorded as not done: no points.', status: 'not-done', how: 'manual' },
];

/** Today's local date as ISO `YYYY-MM-DD` (an attestation's date is the day a person vouched for it). */
export function isoDate(now: Date): string {
  const pad = (n: number): string => String(n).padStart(2, '0');
  return `${String(now.getFullYear())}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
}

/** The fields written for an answer; empty strings are left out. */
export function attestationFields(choice: { readonly status: AttestableStatus; readonly how: 'manual' | 'automated' }, by: string, note: string, now: Date): AttestationFields {
  return { status: choice.status, how: choice.how, date: isoDate(now), ...(by.trim() === '' ? {} : { by: by.trim() }), ...(note.trim() === '' ? {} : { note: note.trim() }) };
}

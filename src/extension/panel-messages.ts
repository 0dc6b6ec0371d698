// Validates what the readiness panel's webview sends: anything a page can post is untrusted until it passes here.
import { isAbsolute, relative, resolve, sep } from 'node:path';
import type { PanelToHost, PanelViewState } from '../protocol.js';

/** Longer strings are refused outright: no legitimate path, rule id or item id comes close. */
const MAX_STRING = 1024;
const MAX_LINE = 10_000_000;
const MAX_CELL = 100_000;
const RULE_ID = /^[a-z][a-z0-9]*(-[a-z0-9]+)*$/;
/** `data-1`, `monitor-7`, `debt-glue-code`. */
const ITEM_ID = /^[a-z]+(-[a-z0-9]+)+$/;

function record(raw: unknown): Record<string, unknown> | undefined {
  return typeof raw === 'object' && raw !== null && !Array.isArray(raw) ? (raw as Record<string, unknown>) : undefined;
}

function shortString(value: unknown, max = MAX_STRING): string | undefined {
  return typeof value === 'string' && value.length > 0 && value.length <= max ? value : undefined;
}

/** An optional integer within bounds: `undefined` when absent, `null` when present but invalid. */
function optionalInt(value: unknown, min: number, max: number): number | undefined | null {
  if (value === undefined) return undefined;
  return typeof value === 'number' && Number.isInteger(value) && value >= min && value <= max ? value : null;
}

/**
 * Whether `file` is a project-relative path as the engine writes them: `/`-separated, no leading slash, drive,
 * backslash, control character, or `.`/`..`/empty segment. Inside-the-root is checked again on the resolved path.
 */
export function isProjectRelative(file: string): boolean {
  if (file.length === 0 || file.length > MAX_STRING) return false;
  // Control characters (NUL first of all), backslashes and colons have no place in the engine's paths; a colon
  // would also let `C:` or `file:` through on some platforms.
  for (const c of file) if (c.charCodeAt(0) < 0x20 || c === '\x7f' || c === '\\' || c === ':') return false;
  if (file.startsWith('/') || file.startsWith('~')) return false;
  return file.split('/').every((seg) => seg !== '' && seg !== '.' && seg !== '..');
}

/**
 * The absolute path of a project-relative file, or undefined when it would leave `root`.
 * `root` is the project root the report was made for (absolute).
 */
export function resolveInsideRoot(root: string, file: string): string | undefined {
  if (!isAbsolute(root) || !isProjectRelative(file)) return undefined;
  const target = resolve(root, ...file.split('/'));
  const rel = relative(resolve(root), target);
  if (rel === '' || rel.startsWith(`..${sep}`) || rel === '..' || isAbsolute(rel)) return undefined;
  return target;
}

/** The message as the protocol defines it (extra fields dropped), or undefined when it is anything else. */
export function parsePanelMessage(raw: unknown): PanelToHost | undefined {
  const m = record(raw);
  if (!m) return undefined;
  switch (m.type) {
    case 'ready':
    case 'refresh':
    case 'generateReport':
      return { type: m.type };
    case 'openLocation': {
      const file = shortString(m.file);
      const line = optionalInt(m.line, 1, MAX_LINE);
      const cell = optionalInt(m.cell, 0, MAX_CELL);
      if (file === undefined || !isProjectRelative(file) || line === null || cell === null) return undefined;
      return { type: 'openLocation', file, ...(line === undefined ? {} : { line }), ...(cell === undefined ? {} : { cell }) };
    }
    case 'openRuleDocs': {
      const ruleId = shortString(m.ruleId, 100);
      return ruleId !== undefined && RULE_ID.test(ruleId) ? { type: 'openRuleDocs', ruleId } : undefined;
    }
    case 'attest':
    case 'revoke': {
      const item = shortString(m.item, 64);
      return item !== undefined && ITEM_ID.test(item) ? { type: m.type, item } : undefined;
    }
    default:
      return undefined;
  }
}

/**
 * The panel's saved state as the serializer hands it back (written by the webview, so untrusted too): the folder
 * is kept only when it is a string URI; the lists are capped.
 */
export function parseViewState(raw: unknown): PanelViewState | undefined {
  const s = record(raw);
  if (!s) return undefined;
  const expanded = Array.isArray(s.expanded) ? s.expanded.filter((e): e is string => typeof e === 'string' && e.length <= 100).slice(0, 200) : [];
  const scrollY = typeof s.scrollY === 'number' && Number.isFinite(s.scrollY) && s.scrollY >= 0 ? s.scrollY : 0;
  const folder = shortString(s.folder);
  return { expanded, scrollY, ...(folder === undefined ? {} : { folder }) };
}

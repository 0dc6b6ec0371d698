// HTML escaping for the self-contained readiness report: every string from the repository or the config passes here.

const ENTITIES: Readonly<Record<string, string>> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

/**
 * Escapes text for HTML element content and for quoted attribute values alike (both quote kinds are escaped), so a
 * file name or a note can never open a tag, close an attribute or start an entity.
 */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ENTITIES[c] ?? c);
}

// Everything a student wrote (file names, steps, messages quoting them) reaches the HTML through here.
const ENTITIES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ENTITIES[c]);
}

/** A path segment of a link (submission names come from file names). */
export function escapeUrlSegment(segment: string): string {
  return escapeHtml(encodeURIComponent(segment));
}

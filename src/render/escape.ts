// Escaping for HTML and XML text and attribute values. arXiv titles hold `<`, `&` and LaTeX,
// and we assume hostile ones (`<script>`), so every piece of data goes through here.

// XML 1.0 §2.2 forbids most C0 controls, lone surrogates and U+FFFE/FFFF; a feed reader
// rejects the whole document for one of them, so they are dropped rather than escaped.
const INVALID_XML_CHARS =
  // eslint-disable-next-line no-control-regex -- matching the forbidden controls is the point
  /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;
const SPECIAL = /[&<>"']/g;
const ENTITIES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

/** Text or attribute value (quoted or not) safe inside HTML and XML alike. */
export function escapeHtml(text: string): string {
  return text.replace(INVALID_XML_CHARS, '').replace(SPECIAL, (char) => ENTITIES[char]!);
}

export const escapeXml = escapeHtml;

/** RFC 822 date (RSS 2.0 pubDate) of an announcement day: midnight UTC of that day. */
export function formatRfc822Day(day: string): string {
  return new Date(`${day}T00:00:00Z`).toUTCString().replace('GMT', '+0000');
}

/** RFC 822 date of an ISO timestamp. */
export function formatRfc822(iso: string): string {
  return new Date(iso).toUTCString().replace('GMT', '+0000');
}

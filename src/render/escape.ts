// Escaping for HTML and XML text and attribute values. arXiv titles hold `<`, `&` and LaTeX,
// and we assume hostile ones (`<script>`), so every piece of data goes through here.

// XML 1.0 §2.2 forbids most C0 controls, lone surrogates and U+FFFE/FFFF; a feed reader
// rejects the whole document for one of them, so they are dropped rather than escaped.
const INVALID_XML_CHARS =
  // eslint-disable-next-line no-control-regex -- matching the forbidden controls is the point
  /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;
const SPECIAL = /[&<>"']/g;
// Either kind, in one scan: most text (an abstract, a name) has neither and is returned as it is.
// eslint-disable-next-line no-control-regex -- the forbidden controls, as above
const NEEDS_WORK = /[&<>"'\u0000-\u0008\u000B\u000C\u000E-\u001F\uD800-\uDFFF\uFFFE\uFFFF]/;
const ENTITIES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

/** Text or attribute value (quoted or not) safe inside HTML and XML alike. */
export function escapeHtml(text: string): string {
  if (!NEEDS_WORK.test(text)) return text;
  return text.replace(INVALID_XML_CHARS, '').replace(SPECIAL, (char) => ENTITIES[char]!);
}

export const escapeXml = escapeHtml;

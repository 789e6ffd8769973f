// Author names from the three shapes arXiv writes them in. Names are kept as written
// (TeX accents such as `V\'ictor` included); the matcher in src/curate normalises later.
import { decodeXml } from './entities.ts';
import { collapseWhitespace } from './xml.ts';

// Generational suffixes that arrive as their own comma piece: `John Smith, Jr., Jane Doe`.
const SUFFIX = /^(?:Jr\.?|Sr\.?|II|III|IV)$/i;
const AND_SEPARATOR = / and /;

/**
 * Splits the RSS `dc:creator` string (FORMATS.md §1: one comma-separated string,
 * affiliations appended in parentheses that may hold commas) into names.
 */
export function splitCreators(raw: string): string[] {
  const flat = collapseWhitespace(raw);
  if (flat === '') return [];
  const pieces = splitTopLevelCommas(flat) ?? splitTopLevelCommas(flat.replace(/[()]/g, ' ')) ?? [];
  const names: string[] = [];
  for (const piece of pieces) {
    for (const part of piece.replace(/^and /, '').split(AND_SEPARATOR)) {
      const name = part.trim();
      if (name === '') continue;
      const last = names.length - 1;
      if (SUFFIX.test(name) && last >= 0) names[last] = `${names[last]} ${name}`;
      else names.push(name);
    }
  }
  return names;
}

/**
 * Splits on commas outside parentheses and drops the parenthesised text (affiliations).
 * Returns undefined when the parentheses do not balance, so the caller can fall back.
 */
function splitTopLevelCommas(s: string): string[] | undefined {
  const pieces: string[] = [];
  let depth = 0;
  let current = '';
  for (const ch of s) {
    if (ch === '(') depth += 1;
    else if (ch === ')') {
      if (depth === 0) return undefined;
      depth -= 1;
    } else if (depth === 0) {
      if (ch === ',') {
        pieces.push(current);
        current = '';
      } else current += ch;
    }
  }
  if (depth !== 0) return undefined;
  pieces.push(current);
  return pieces.map((p) => collapseWhitespace(p));
}

export interface AuthorNameParts {
  keyname?: string;
  forenames?: string;
  suffix?: string;
}

/** OAI `arXiv` authors: "Forenames Keyname Suffix"; collaborations have only a keyname (FORMATS.md §4). */
export function buildAuthorName(parts: AuthorNameParts): string {
  return [parts.forenames, parts.keyname, parts.suffix]
    .filter((p): p is string => p !== undefined && p !== '')
    .join(' ');
}

const LINK_TEXT = /<a\b[^>]*>([\s\S]*?)<\/a>/gi;

/**
 * Legacy RDF `dc:creator` (FORMATS.md §2): after XML decoding it is HTML, one `<a>` per
 * author, plus free text such as "et al. (909 additional authors not shown)", which is dropped.
 * Without any link it is read like the RSS 2.0 string.
 */
export function extractLinkedNames(html: string): string[] {
  const names: string[] = [];
  for (const m of html.matchAll(LINK_TEXT)) {
    // The link text is HTML: strip any inner tags and decode its entities.
    const name = collapseWhitespace(decodeXml((m[1] ?? '').replace(/<[^>]*>/g, '')));
    if (name !== '') names.push(name);
  }
  if (names.length > 0) return names;
  const plain = html.replace(/\(\d+ additional authors? not shown\)/gi, '').replace(/\bet al\.?/gi, '');
  return splitCreators(plain);
}

// The TeX that arXiv metadata carries as written: math between `$…$` (and `$$…$$`, `\(…\)`,
// `\[…\]`), and text-mode accents and letters in names and titles (`G\'abor`, `Sch\"olkopf`,
// `Ko\v{c}isk\'y`, `S{\o}ren`). People read Unicode: text-mode TeX is decoded here (the accent
// commands of the LaTeX 2e manual, "Accents" and "Additional Latin letters", become Unicode
// combining marks, composed with NFC), and so are old font switches (`{\em x}`); math is left to the
// renderer (tex-html.ts for pages, tex-math.ts for plain text). Stored text is never
// changed: every output decodes as it renders. Pure, so any layer may import it.
import { LETTER_STYLES } from './tex-symbols.ts';

/** A run of text or of math. */
export interface TexSegment {
  math: boolean;
  /** For math, the source between the delimiters; for text, the text as written. */
  source: string;
  /** Display math (`$$…$$`, `\[…\]`). */
  display?: boolean;
}

// `$$…$$` before `$…$`; a `$` escaped as `\$` is text.
const MATH = /\$\$([^$]+?)\$\$|(?<!\\)\$((?:\\\$|[^$])+?)(?<!\\)\$|\\\(([\s\S]+?)\\\)|\\\[([\s\S]+?)\\\]/g;

// Prose between two stray dollars (an abstract's lone `$` pairs with the next formula's): four
// words in a row once commands are set aside, which no formula in arXiv metadata writes outside
// `\text{}`. Rendered as math it would be one unbreakable line of italic letters.
const PROSE = /(?:^|[\s(])[A-Za-z]{2,}[,.;:]?\s+[A-Za-z]{2,}[,.;:]?\s+[A-Za-z]{2,}[,.;:]?\s+[A-Za-z]{2,}/;
const COMMAND = /\\[A-Za-z]+\s*(?:\{[^{}]*\})?/g;

function isProse(source: string): boolean {
  return PROSE.test(source.replace(COMMAND, ' '));
}

/** Splits text into text and math runs; an unpaired `$` stays text, and so does prose between two. */
export function splitTex(text: string): TexSegment[] {
  if (!text.includes('$') && !text.includes('\\(') && !text.includes('\\[')) return [{ math: false, source: text }];
  const segments: TexSegment[] = [];
  let at = 0;
  for (const match of text.matchAll(MATH)) {
    const display = match[1] ?? match[4];
    const source = match[2] ?? match[3] ?? display ?? '';
    // A run over a blank line, or of prose, is two stray dollars, not math.
    if (source.trim() === '' || /\n\s*\n/.test(source) || isProse(source)) continue;
    if (match.index > at) segments.push({ math: false, source: text.slice(at, match.index) });
    segments.push({ math: true, source, ...(display !== undefined && { display: true }) });
    at = match.index + match[0].length;
  }
  if (at < text.length) segments.push({ math: false, source: text.slice(at) });
  return segments;
}

// Accent commands to Unicode combining marks.
const ACCENTS: Record<string, string> = {
  "'": '\u0301',
  '`': '\u0300',
  '^': '\u0302',
  '"': '\u0308',
  '~': '\u0303',
  '=': '\u0304',
  '.': '\u0307',
  u: '\u0306',
  v: '\u030C',
  H: '\u030B',
  c: '\u0327',
  k: '\u0328',
  r: '\u030A',
  d: '\u0323',
  b: '\u0331',
  t: '\u0361',
};
// Letters with no decomposition; `\i` and `\j` are the dotless letters accents sit on.
const LETTERS: Record<string, string> = {
  ss: 'ß',
  ae: 'æ',
  AE: 'Æ',
  oe: 'œ',
  OE: 'Œ',
  aa: 'å',
  AA: 'Å',
  o: 'ø',
  O: 'Ø',
  l: 'ł',
  L: 'Ł',
  i: 'ı',
  j: 'ȷ',
  dh: 'ð',
  DH: 'Ð',
  th: 'þ',
  TH: 'Þ',
  ng: 'ŋ',
  NG: 'Ŋ',
};

// An accent command, then its argument: `{x}`, `{\i}`, a bare letter or `\i` (`\'a`, `\' a`, `\'{a}`, `\v c`).
const ACCENT =
  /\\(['`^"~=.]|[uvHckrdbt](?![A-Za-z]))\s*(?:\{(\\[ij](?![A-Za-z])|[^{}\\]*)\}|(\\[ij](?![A-Za-z])\s?|[A-Za-z]))/g;
const LETTER = /\\(ss|ae|AE|oe|OE|aa|AA|o|O|l|L|i|j|dh|DH|th|TH|ng|NG)(?![A-Za-z])\s?/g;
// Characters TeX needs escaped in text (`\&` is `&`); escaped braces are set aside until groups are undone.
const ESCAPE = /\\([&%_#$])/g;
const OPEN = '\uE000';
const CLOSE = '\uE001';
// Old font switches (`{\em x}`, `{\bf x}`): the rest of their group reads as plain text.
const SWITCH =
  /\\(?:em|bf|it|rm|sl|sc|tt|sf|bfseries|itshape|mdseries|upshape|scshape|slshape|sffamily|ttfamily|rmfamily|normalfont)(?![A-Za-z])\s*/g;
// Letter styles in text (`{\cal C}`, `\mathbb{R}`), as their Unicode letters.
const LETTER_STYLE = /\\(cal|frak|mathcal|mathbb|mathfrak|mathscr)(?![A-Za-z])\s*(?:\{([^{}\\]*)\}|([^{}\\\s]*))/g;
// Font commands whose argument is just text.
const FONT = /\\(?:emph|textit|textbf|texttt|textsc|textrm|textsf|textsl|textup|textmd|underline)\s*(?=\{)/g;
// A group with no group inside; one after an unknown command (`\foo{x}`) is kept as written.
const GROUP = /(\\[A-Za-z]+\s*)?\{([^{}]*)\}/g;

function decodeAccent(whole: string, command: string, braced: string | undefined, bare: string | undefined): string {
  // A control word eats the space after it (`\'\i n` is "ín").
  let argument = (braced ?? bare ?? '').trim();
  if (argument === '') return whole;
  // An accent on a dotless i or j is written on the plain letter in Unicode (í, not ı́).
  if (/^\\[ij]$/.test(argument)) argument = argument.slice(1);
  // The mark goes after the first letter of the argument (`\t{oo}` ties the pair: o͡o).
  return argument.slice(0, 1) + ACCENTS[command]! + argument.slice(1);
}

function undoGroups(text: string): string {
  let previous: string;
  let current = text;
  do {
    previous = current;
    current = current.replace(GROUP, (_whole, command: string | undefined, inner: string) =>
      command === undefined ? inner : `${command}${OPEN}${inner}${CLOSE}`,
    );
  } while (current !== previous);
  return current;
}

/** Text-mode TeX to Unicode: accents, special letters, escapes, font commands, `~` and grouping braces. */
export function decodeTexText(text: string): string {
  if (!/[\\{}~]/.test(text)) return text;
  const decoded = text
    .replace(/\\\{/g, OPEN)
    .replace(/\\\}/g, CLOSE)
    .replace(ESCAPE, '$1')
    .replace(ACCENT, decodeAccent)
    .replace(LETTER, (_whole, name: string) => LETTERS[name]!)
    .replace(SWITCH, '')
    .replace(LETTER_STYLE, (_whole, name: string, braced: string | undefined, bare: string | undefined) =>
      [...(braced ?? bare ?? '')].map((char) => LETTER_STYLES[name]!.get(char) ?? char).join(''),
    )
    .replace(FONT, '')
    .replace(/\\\\/g, ' ');
  return undoGroups(decoded)
    .replace(/[{}]/g, '')
    .replace(/~/g, '\u00A0')
    .replaceAll(OPEN, '{')
    .replaceAll(CLOSE, '}')
    .normalize('NFC');
}

/** Text for the search index and the ranking's words: text runs decoded, math as written (tex-math.ts reads it). */
export function texToPlain(text: string): string {
  const segments = splitTex(text);
  if (segments.length === 1 && !segments[0]!.math) return decodeTexText(text);
  return segments
    .map((segment) => {
      if (!segment.math) return decodeTexText(segment.source);
      return segment.display ? `$$${segment.source}$$` : `$${segment.source}$`;
    })
    .join('');
}

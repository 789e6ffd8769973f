// TeX math as readable Unicode, for every output that cannot show MathML: the mail (both parts),
// feeds, the text digest, the terminal and a page's <title>. `$O(n \log n)$` reads "O(n log n)",
// `$\ell_1$` "ℓ₁", `$\mathbb{R}^d$` "ℝᵈ", `$\tilde{O}(\sqrt{T})$` "Õ(√T)". Table-driven
// (tex-symbols.ts); a formula with anything the tables do not know (a paper's own macro, an
// environment) keeps its source without the dollars rather than showing half a translation.
// No npm package fits: unicodeit (the one maintained) reads `\log` as `\l` + "og" ("łog"), breaks
// `n^{-1/2}`, knows no \frac, \text or \mathrm, and ships a proprietary UI dependency.
import { decodeTexText, splitTex } from './tex.ts';
import {
  ACCENT_MARKS,
  FUNCTIONS,
  IGNORED,
  LETTER_STYLES,
  STYLES,
  SUBSCRIPTS,
  SUPERSCRIPTS,
  SYMBOLS,
  TEXT_STYLES,
} from './tex-symbols.ts';

/** Thrown when a formula holds something the tables cannot say: made once, as a formula may fail often. */
const NOT_PLAIN = new Error('not plain');
// Groups nest this deep at most in a formula worth reading; deeper is someone's experiment.
const MAX_DEPTH = 32;
const WORD = /[A-Za-z]+/y;
const DIMENSION = /\s*-?[\d.]+\s*(?:mu|em|ex|pt)/y;
// A run that reads as one unit after a √ or in a fraction: letters, digits, marks, scripts.
const ATOM = /^[\p{L}\p{N}\p{M}.′∞]+$/u;
// What a named function is set apart from: `n\log n` reads "n log n", `(\log n)` "(log n)".
const AFTER_WORD = /[\p{L}\p{N}\p{M})\]′]$/u;
const NEGATED: Readonly<Record<string, string>> = { '=': '≠', '∈': '∉', '⊂': '⊄', '⊆': '⊈', '∼': '≁', '≡': '≢' };
const SIZED_DELIMITERS = new Set(['left', 'right', 'middle', 'bigl', 'bigr', 'Bigl', 'Bigr', 'biggl', 'biggr']);

interface Piece {
  text: string;
  /** A named function (`\log`): a word, set apart from a letter before it. */
  word?: boolean;
  /** `\cal`, `\frak`: the rest of the group in that letter style. */
  style?: ReadonlyMap<string, string>;
}

function fail(): never {
  throw NOT_PLAIN;
}

const wrap = (text: string): string => (ATOM.test(text) || /^\(.*\)$/.test(text) ? text : `(${text})`);

/** `^{-1}` as "⁻¹" where Unicode has every character's script form, else `^(…)`. */
function toScript(argument: string, table: ReadonlyMap<string, string>, mark: string): string {
  const chars = [...argument.replace(/\s+/g, '')];
  if (chars.length === 0) return '';
  if (chars.every((char) => table.has(char))) return chars.map((char) => table.get(char)!).join('');
  return chars.length === 1 ? `${mark}${chars[0]!}` : `${mark}(${chars.join('')})`;
}

/** Letters in a letter style (`\mathbb`, `\cal`); other characters as they are. */
function restyle(text: string, style: ReadonlyMap<string, string> | undefined): string {
  return style === undefined ? text : [...text].map((char) => style.get(char) ?? char).join('');
}

function createReader(source: string) {
  let at = 0;
  let depth = 0;

  const skipSpaces = (): void => {
    while (at < source.length && /\s/.test(source[at]!)) at++;
  };

  /** The raw source of a `{…}` argument (or one character), for text-mode arguments. */
  function readRaw(): string {
    skipSpaces();
    if (source[at] !== '{') return source[at++] ?? fail();
    let level = 0;
    const start = at + 1;
    for (; at < source.length; at++) {
      const char = source[at];
      if (char === '\\') at++;
      else if (char === '{') level++;
      else if (char === '}' && --level === 0) return source.slice(start, at++);
    }
    return fail();
  }

  function readArgument(): string {
    skipSpaces();
    const char = source[at];
    if (char === undefined || char === '}' || char === '^' || char === '_') return fail();
    return readPiece().text;
  }

  function readGroup(): string {
    if (++depth > MAX_DEPTH) fail();
    const text = readSequence(true);
    depth--;
    return text;
  }

  function readSequence(closed: boolean): string {
    let out = '';
    let style: ReadonlyMap<string, string> | undefined;
    while (at < source.length) {
      const char = source[at]!;
      if (char === '}') {
        if (!closed) fail();
        at++;
        return out;
      }
      if (char === '^' || char === '_') {
        at++;
        // A script belongs to what it follows, across any space written before it.
        out = out.trimEnd();
        out += char === '^' ? toScript(readArgument(), SUPERSCRIPTS, '^') : toScript(readArgument(), SUBSCRIPTS, '_');
        continue;
      }
      const piece = readPiece();
      if (piece.style !== undefined) style = piece.style;
      else if (piece.word && AFTER_WORD.test(out)) out += ` ${piece.text}`;
      else out += restyle(piece.text, style);
    }
    return closed ? fail() : out;
  }

  function readPiece(): Piece {
    const char = String.fromCodePoint(source.codePointAt(at)!);
    at += char.length;
    if (/\s/.test(char)) {
      skipSpaces();
      return { text: ' ' };
    }
    if (char === '{') return { text: readGroup() };
    if (char === '\\') return readCommand();
    if (char === "'") return { text: '′' };
    if (char === '~' || char === '&') return { text: ' ' };
    return { text: char };
  }

  function readCommand(): Piece {
    WORD.lastIndex = at;
    const name = WORD.exec(source)?.[0] ?? source[at] ?? fail();
    at += name.length;
    const symbol = SYMBOLS[name];
    if (symbol !== undefined) return { text: symbol };
    if (FUNCTIONS.has(name)) return { text: name, word: true };
    if (IGNORED.has(name)) {
      if (SIZED_DELIMITERS.has(name) && (skipSpaces(), source[at] === '.')) at++;
      return { text: '' };
    }
    if (name === 'cal' || name === 'frak') return { text: '', style: LETTER_STYLES[name]! };
    const letters = LETTER_STYLES[name];
    if (letters !== undefined) return { text: restyle(readArgument(), letters) };
    if (name === 'operatorname') {
      if (source[at] === '*') at++;
      return { text: readArgument(), word: true };
    }
    if (STYLES.has(name)) return { text: readArgument() };
    if (TEXT_STYLES.has(name)) return { text: decodeTexText(readRaw()) };
    const mark = ACCENT_MARKS[name];
    if (mark !== undefined) return { text: [...readArgument()].map((c) => (/\s/.test(c) ? c : c + mark)).join('') };
    return { text: readStructure(name) };
  }

  /** The commands with a shape of their own: roots, fractions, negations, links, spacing. */
  function readStructure(name: string): string {
    switch (name) {
      case 'sqrt': {
        skipSpaces();
        let index = '';
        if (source[at] === '[') {
          const end = source.indexOf(']', at);
          if (end < 0) fail();
          index = source.slice(at + 1, end).trim();
          at = end + 1;
        }
        const root =
          index === '' ? '√' : index === '3' ? '∛' : index === '4' ? '∜' : `${toScript(index, SUPERSCRIPTS, '')}√`;
        return `${root}${wrap(readArgument())}`;
      }
      case 'frac':
      case 'dfrac':
      case 'tfrac':
      case 'cfrac':
        return `${wrap(readArgument())}/${wrap(readArgument())}`;
      case 'binom':
        return `(${readArgument()} choose ${readArgument()})`;
      case 'not': {
        const negated = readArgument();
        return NEGATED[negated] ?? `${negated}\u0338`;
      }
      case 'overset':
      case 'underset':
      case 'stackrel':
        readArgument();
        return readArgument();
      case 'href':
        readRaw();
        return decodeTexText(readRaw());
      case 'unicode': {
        const code = /^(x[0-9a-fA-F]{1,6}|\d{1,7})$/.exec(readRaw().trim())?.[1] ?? fail();
        const point = code.startsWith('x') ? parseInt(code.slice(1), 16) : Number(code);
        return point <= 0x10ffff ? String.fromCodePoint(point) : fail();
      }
      case 'mathop':
      case 'mathrel':
      case 'mathbin':
      case 'mathord':
      case 'substack':
        return readArgument();
      case 'mkern':
      case 'kern':
      case 'mskip':
      case 'hskip':
        DIMENSION.lastIndex = at;
        at += DIMENSION.exec(source)?.[0].length ?? 0;
        return '';
      case 'hspace':
      case 'vspace':
      case 'phantom':
      case 'hphantom':
      case 'vphantom':
        readRaw();
        return '';
      default:
        return fail();
    }
  }

  return { read: () => readSequence(false) };
}

/** A formula's source (between the dollars) as Unicode text; undefined when the tables cannot say it all. */
export function mathToUnicode(source: string): string | undefined {
  try {
    return createReader(source)
      .read()
      .replace(/\s+/g, ' ')
      .replace(/([([{⟨]) | ([)\]}⟩])/g, '$1$2')
      .trim()
      .normalize('NFC');
  } catch (error) {
    if (error === NOT_PLAIN) return undefined;
    throw error;
  }
}

/**
 * TeX as people read it where HTML math cannot go: text-mode TeX decoded (accents, font
 * switches), each formula as Unicode, or its source without the dollars when it cannot be.
 */
export function texToUnicode(text: string): string {
  const segments = splitTex(text);
  if (segments.length === 1 && !segments[0]!.math) return decodeTexText(text);
  return segments
    .map((segment) =>
      segment.math ? (mathToUnicode(segment.source) ?? segment.source.trim()) : decodeTexText(segment.source),
    )
    .join('');
}

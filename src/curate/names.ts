// Pure author-name normalisation. arXiv gives names as the authors typed them: TeX
// accents, "Last, First", affiliations in parentheses, suffixes, all caps. Matching
// compares whole tokens, so all of that is folded away here, once.
import { decodeTexText } from '../text/tex.ts';
import { foldToAscii } from '../text/fold.ts';

/** A written name folded to lower-case ASCII. */
export interface NormalizedName {
  /** Whitespace-separated words, each split at hyphens and periods; a one-letter part is an initial. */
  words: string[][];
  /** Given-name tokens under the default split (see `splitName`). */
  given: string[];
  /** Surname key: the surname's parts joined, so `Le Cun`, `LeCun` and `Sohl-Dickstein` fold alike. */
  surname: string;
  /** Every part joined: compares whole names whatever the split (`samybengio`). */
  key: string;
}

/** One reading of a name: which trailing words form the surname. */
export interface NameSplit {
  surname: string;
  given: string[];
}

/** Generational suffixes, dropped wherever they stand (`Jr.`, `, III`). */
export const NAME_SUFFIXES: ReadonlySet<string> = new Set(['jr', 'sr', 'ii', 'iii', 'iv']);

// Lower-case particles that belong to the surname in a configured name ("Yann Le Cun").
const PARTICLES = new Set([
  'de',
  'da',
  'di',
  'du',
  'del',
  'della',
  'der',
  'den',
  'des',
  'la',
  'le',
  'van',
  'von',
  'ten',
  'ter',
  'dos',
  'das',
]);
// Written names put at most particle + two words in a surname ("Sohl Dickstein", "van der Maaten").
const MAX_SURNAME_WORDS = 3;

/** Folds one written name; see `NormalizedName`. */
export function normalizeName(raw: string): NormalizedName {
  const text = foldToAscii(decodeTexText(raw))
    .replace(/\([^)]*\)?|\[[^\]]*\]?/g, ' ') // affiliations
    .replace(/['’`ʼ]/g, '') // O'Brien -> obrien
    .replace(/[‐‑‒–—]/g, '-')
    .replace(/[^a-z.,\-\s]/g, ' ');
  const words = reorderLastFirst(text)
    .split(/\s+/)
    .map(splitWord)
    .filter((parts, i) => parts.length > 0 && !(i > 0 && parts.length === 1 && NAME_SUFFIXES.has(parts[0]!)));
  const { surname, given } = splitName(words);
  return { words, given, surname, key: words.flat().join('') };
}

/** "LeCun, Yann" -> "Yann LeCun"; "King, Jr." keeps its order (the suffix goes later). */
function reorderLastFirst(text: string): string {
  if (!text.includes(',')) return text;
  const pieces = text
    .split(',')
    .map((piece) => piece.trim())
    .filter((piece) => /[a-z]/.test(piece) && !NAME_SUFFIXES.has(piece.replace(/\./g, '')));
  return pieces.length === 2 ? `${pieces[1]} ${pieces[0]}` : pieces.join(' ');
}

/** "Y.-W." -> ["y", "w"]; "Sohl-Dickstein" -> ["sohl", "dickstein"]; "Th." -> ["t"] (an abbreviation is an initial). */
function splitWord(word: string): string[] {
  const parts: string[] = [];
  for (const piece of word.match(/[^.-]+\.?/g) ?? []) {
    const abbreviated = piece.endsWith('.');
    const letters = piece.replace(/[^a-z]/g, '');
    if (letters === '') continue;
    parts.push(abbreviated && !NAME_SUFFIXES.has(letters) ? letters[0]! : letters);
  }
  return parts;
}

const isFullWord = (parts: string[]): boolean => parts.every((part) => part.length > 1);

/**
 * The default split, used for configured names: the last word plus any particles
 * before it ("Yann Le Cun" -> surname `lecun`, given ["yann"]).
 */
export function splitName(words: string[][]): NameSplit {
  let first = words.length - 1;
  while (first > 1 && PARTICLES.has(words[first - 1]!.join(''))) first--;
  return toSplit(words, Math.max(first, 0));
}

/**
 * Every plausible split of a written name: the last one, two or three full words as
 * the surname, at least one given token left. "Yann Le Cun" gives `cun` and `lecun`;
 * "Quoc V. Le" gives only `le` (an initial is never part of a surname).
 */
export function listSplits(name: NormalizedName): NameSplit[] {
  const splits: NameSplit[] = [];
  const { words } = name;
  for (let first = words.length - 1; first >= 1 && words.length - first <= MAX_SURNAME_WORDS; first--) {
    if (!isFullWord(words[first]!)) break;
    splits.push(toSplit(words, first));
  }
  return splits;
}

// A hyphenated given name is one name ("Pieter-Jan" is not "Pieter"); hyphenated initials are several ("Y.-W.").
function toSplit(words: string[][], first: number): NameSplit {
  const given = words.slice(0, first).flatMap((word) => (isFullWord(word) ? [word.join('')] : word));
  return { surname: words.slice(first).flat().join(''), given };
}

// What a paper is to the ranker: the words of its title and abstract (unigrams and bigrams, as
// arxiv-sanity-lite's TfidfVectorizer(ngram_range=(1, 2), stop_words='english')), one term per
// author name, and the "second circle" fact (rank/circle.ts decides it). Pure.
import { texToPlain } from '../text/tex.ts';
import { foldToAscii } from '../text/fold.ts';
import { ABSTRACT_WORDS, ENGLISH_STOP_WORDS } from './stop-words.ts';

/** The text of a paper the ranker reads. */
export interface RankText {
  id: string;
  title: string;
  abstract: string;
  authors: readonly string[];
  /** The starred authors among its authors: none of them makes it a co-author of himself. */
  starred?: readonly { name: string }[];
}

/** The term every paper with an author in the second circle carries. */
export const CIRCLE_TERM = '~circle';
/** Author terms start with this, so "@yann lecun" never collides with a word. */
export const AUTHOR_PREFIX = '@';

const STOP = new Set([...ENGLISH_STOP_WORDS, ...ABSTRACT_WORDS]);

const WORD = /[\p{L}\p{N}]+(?:-[\p{L}\p{N}]+)*/gu;
const NUMBER = /^[\p{N}-]+$/u;

/** The words of a text: TeX decoded, accents folded, lower case, no stop words, no bare numbers. */
export function listWords(text: string): string[] {
  const plain = foldText(text);
  const words: string[] = [];
  if (!NON_ASCII.test(plain)) {
    scanAsciiWords(plain, words);
    return words;
  }
  for (const match of plain.matchAll(WORD)) {
    const word = match[0];
    if (word.length < 2 || STOP.has(word) || NUMBER.test(word)) continue;
    words.push(word);
  }
  return words;
}

const isAlphanumeric = (code: number): boolean => (code >= 97 && code <= 122) || (code >= 48 && code <= 57);

/**
 * What WORD finds in lower-case ASCII, [a-z0-9]+(-[a-z0-9]+)*, read character by character: most
 * abstracts are ASCII, and this is several times faster than a regular expression's matches.
 */
function scanAsciiWords(plain: string, words: string[]): void {
  const n = plain.length;
  let i = 0;
  while (i < n) {
    if (!isAlphanumeric(plain.charCodeAt(i))) {
      i++;
      continue;
    }
    const start = i;
    let letters = false;
    while (i < n) {
      const code = plain.charCodeAt(i);
      if (isAlphanumeric(code)) {
        if (code >= 97) letters = true;
        i++;
      } else if (code === 45 && i + 1 < n && isAlphanumeric(plain.charCodeAt(i + 1))) i++;
      else break;
    }
    if (i - start < 2 || !letters) continue;
    const word = plain.slice(start, i);
    if (!STOP.has(word)) words.push(word);
  }
}

// Most abstracts are plain ASCII: decoding and Unicode folding are skipped for them (a third of the time).
function foldText(text: string): string {
  const decoded = /[\\{}~$]/.test(text) ? texToPlain(text) : text;
  return NON_ASCII.test(decoded) ? foldToAscii(decoded) : decoded.toLowerCase();
}

// eslint-disable-next-line no-control-regex
const NON_ASCII = /[^\u0000-\u007f]/;

/** An author's term: the name folded to ASCII, lower case, single spaces. */
export function authorTerm(name: string): string {
  return (
    AUTHOR_PREFIX +
    foldText(name)
      .replace(/[.\s]+/g, ' ')
      .trim()
  );
}

/**
 * What a paper's terms are told to: each word (the visitor answers a number it knows the word by, or
 * -1), each pair of neighbouring words by those numbers (a bigram is never built as a string), and
 * each other term (authors, the circle fact).
 */
export interface TermVisitor {
  word(word: string): number;
  bigram(first: number, second: number): void;
  term(term: string): void;
}

/** The parts of a hyphenated word that are words themselves ("vision-language": vision, language). */
function splitCompound(word: string): string[] {
  return word.split('-').filter((part) => part.length >= 2 && !STOP.has(part) && !NUMBER.test(part));
}

/**
 * Visits a paper's terms: words and bigrams of title and abstract, its authors, and the circle fact
 * when it holds. A hyphenated word is a term of its own and its parts words like the others
 * ("vision-language model": vision-language, vision, language, vision language, language model):
 * bench/rank.ts found both better than either alone (precision@20 of topic readers 0.22 whole,
 * 0.25 split, 0.28 both).
 */
export function visitTerms(paper: RankText, inCircle: boolean, visit: TermVisitor): void {
  for (const text of [paper.title, paper.abstract]) {
    let previous = -1;
    for (const word of listWords(text)) {
      const parts = word.includes('-') ? splitCompound(word) : [word];
      if (parts[0] !== word) visit.word(word);
      for (const part of parts) {
        const current = visit.word(part);
        if (previous >= 0 && current >= 0) visit.bigram(previous, current);
        previous = current;
      }
    }
  }
  for (const name of paper.authors) visit.term(authorTerm(name));
  if (inCircle) visit.term(CIRCLE_TERM);
}

// What a paper is to the ranker: the words of its title and abstract (unigrams and bigrams, as
// arxiv-sanity-lite's TfidfVectorizer(ngram_range=(1, 2), stop_words='english')), one term per
// author name, and the "second circle" fact. Pure.
import { texToPlain } from '../text/tex.ts';
import { foldToAscii } from '../text/fold.ts';

/** The text of a paper the ranker reads. */
export interface RankText {
  id: string;
  title: string;
  abstract: string;
  authors: readonly string[];
}

/** The term every paper with an author in the second circle carries. */
export const CIRCLE_TERM = '~circle';
/** Author terms start with this, so "@yann lecun" never collides with a word. */
export const AUTHOR_PREFIX = '@';

// scikit-learn's English stop words, shortened to those that occur in abstracts.
const STOP = new Set(
  `a about above after again against all also am an and any are as at be because been before being below between
both but by can could did do does doing down during each few for from further had has have having he her here hers
him his how i if in into is it its itself just may me might more most must my no nor not now of off on once only or
other our ours out over own same she should so some such than that the their theirs them then there these they this
those through to too under until up upon very via was we were what when where which while who whom why will with
within without would you your show shows shown paper propose proposed present results result using use used based
new approach method methods well one two three however thus therefore furthermore moreover given provide provides`.split(
    /\s+/,
  ),
);

const WORD = /[\p{L}\p{N}]+(?:-[\p{L}\p{N}]+)*/gu;
// The same on ASCII text, several times faster than Unicode property classes.
const ASCII_WORD = /[a-z0-9]+(?:-[a-z0-9]+)*/g;
const NUMBER = /^\d+$/;

/** The words of a text: TeX decoded, accents folded, lower case, no stop words, no bare numbers. */
export function listWords(text: string): string[] {
  const plain = foldText(text);
  const words: string[] = [];
  for (const match of plain.matchAll(NON_ASCII.test(plain) ? WORD : ASCII_WORD)) {
    const word = match[0];
    if (word.length < 2 || STOP.has(word) || NUMBER.test(word)) continue;
    words.push(word);
  }
  return words;
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

/** What a paper's terms are told to: each word, each pair of neighbouring words, each other term. */
export interface TermVisitor {
  word(word: string): void;
  bigram(first: string, second: string): void;
  term(term: string): void;
}

/** Visits a paper's terms: words and bigrams of title and abstract, its authors, the circle fact. */
export function visitTerms(paper: RankText, circle: ReadonlySet<string> | undefined, visit: TermVisitor): void {
  for (const text of [paper.title, paper.abstract]) {
    const words = listWords(text);
    for (let i = 0; i < words.length; i++) {
      visit.word(words[i]!);
      if (i > 0) visit.bigram(words[i - 1]!, words[i]!);
    }
  }
  let inCircle = false;
  for (const name of paper.authors) {
    const term = authorTerm(name);
    visit.term(term);
    if (circle?.has(term)) inCircle = true;
  }
  if (inCircle) visit.term(CIRCLE_TERM);
}

/** Term counts of a paper (bigrams as "first second"). */
export function countTerms(paper: RankText, circle?: ReadonlySet<string>): Map<string, number> {
  const counts = new Map<string, number>();
  const add = (term: string) => counts.set(term, (counts.get(term) ?? 0) + 1);
  visitTerms(paper, circle, { word: add, term: add, bigram: (first, second) => add(`${first} ${second}`) });
  return counts;
}

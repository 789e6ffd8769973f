// A parsed query (text/query.ts) as one FTS5 MATCH expression on `papers_fts`
// (https://sqlite.org/fts5.html#full_text_query_syntax): the one meaning of a query, for search
// (over the whole index) and for watches and highlights (over a window's papers, scratch-index.ts).
// The index holds words as written (no stemmer), so a word is the OR of its forms
// (text/word-forms.ts): "transformer" is ("transformer" OR "transformers" …), never "transform".
// Every piece of user text is an FTS5 string, quoted: FTS5 never reads it as syntax (AND, NEAR, ^,
// column names), and tokenizes it as it tokenized the papers.
import { wordsOf, type Query, type QueryTerm } from '../../text/query.ts';
import { wordForms } from '../../text/word-forms.ts';
import { foldLetters } from '../../text/fold.ts';
import { categoryToken } from '../search-text.ts';

export type SearchSort = 'relevance' | 'date';

/** What to look for and where: the query, with the search page's filters. */
export interface SearchQuery {
  query: Query;
  /** Days the paper is filed under (its latest announcement), `YYYY-MM-DD`, inclusive. */
  from?: string;
  to?: string;
  starredOnly: boolean;
  sort: SearchSort;
}

/** How one query runs on `papers_fts`. */
export interface MatchPlan {
  /** The expression; none when the query asks for nothing (the starred papers alone). */
  match: string | undefined;
  /** Words and phrases bm25 weighs (its cost is per phrase and match). */
  weighed: number;
  /**
   * The words as a name (with the categories asked for, without what is left out), whose papers
   * rank first: a plain name finds its author. Its papers match `match` too.
   */
  tier: string | undefined;
}

/** Words of a name may stand apart by a middle name or initial: "Geoffrey E. Hinton". */
const NAME_SPAN = 2;
/** A longer query is not a name. */
const MAX_NAME_WORDS = 4;

/**
 * The plan of a query. `known` tells whether the index holds a word: forms it lacks are left out
 * of the expression (bm25 weighs every phrase of it for every match it ranks).
 */
export function planMatch(query: Query, known: (word: string) => boolean = () => true): MatchPlan {
  const weighed = query.include.filter((term) => term.field !== 'author').length;
  const match = compileQuery(query, known);
  const names = query.include.every((term) => term.field === 'any' && !term.prefix);
  const words = query.include.flatMap((term) => wordsOf(term.text));
  const tier =
    match !== undefined && names && words.length > 0 && words.length <= MAX_NAME_WORDS
      ? compileQuery({ ...query, include: [{ field: 'author', text: words.join(' '), prefix: false }] })
      : undefined;
  return { match, weighed, tier };
}

/**
 * The query as one expression: all it includes, none of what it leaves out; none if it includes
 * nothing. Forms of a word that `known` says no paper holds are left out (never the word itself).
 */
export function compileQuery(query: Query, known: (word: string) => boolean = () => true): string | undefined {
  const wanted = query.include.map((term) => compileTerm(term, known)).filter((part) => part !== undefined);
  if (query.categories.length > 0) wanted.push(categoriesOf(query.categories));
  if (wanted.length === 0) return undefined;
  const unwanted = query.exclude.map((term) => compileTerm(term, known)).filter((part) => part !== undefined);
  if (query.excludedCategories.length > 0) unwanted.push(categoriesOf(query.excludedCategories));
  const all = wanted.length === 1 ? wanted[0]! : wanted.map((part) => `(${part})`).join(' AND ');
  return unwanted.length === 0 ? all : `(${all}) NOT (${unwanted.join(' OR ')})`;
}

function categoriesOf(categories: readonly string[]): string {
  return `categories : (${categories.map((category) => quote(categoryToken(category))).join(' OR ')})`;
}

/**
 * A word in any of its forms; a phrase with its last word in any of its forms ("diffusion
 * policies"); a prefix as typed; a name's words close together in any order ("Hinton, Geoffrey"),
 * as written (`author:graves` is not Grave).
 */
function compileTerm(term: QueryTerm, known: (word: string) => boolean): string | undefined {
  const words = wordsOf(term.text);
  const last = words.pop();
  if (last === undefined) return undefined;
  if (term.field === 'author') {
    const parts = [...words.map(quote), quote(last) + (term.prefix ? ' *' : '')];
    return parts.length === 1 ? `authors : ${parts[0]}` : `authors : NEAR(${parts.join(' ')}, ${NAME_SPAN})`;
  }
  const phrases = term.prefix
    ? [`${quote([...words, last].join(' '))} *`]
    : wordForms(last)
        .filter((form, i) => i === 0 || known(form))
        .map((form) => quote([...words, form].join(' ')));
  const any = phrases.length === 1 ? phrases[0]! : `(${phrases.join(' OR ')})`;
  return term.field === 'title' ? `title : ${any}` : any;
}

/** An FTS5 string (a `"` inside is written twice); letters folded as the index folds them. */
function quote(text: string): string {
  return `"${foldLetters(text).replaceAll('"', '""')}"`;
}

// A parsed query as FTS5 MATCH expressions (https://sqlite.org/fts5.html#full_text_query_syntax).
// Every piece of user text is one FTS5 string, quoted: FTS5 tokenizes it (so `self-supervised`
// is the phrase "self supervised") and never reads it as syntax (AND, NEAR, *, ^, column names).
import { categoryToken, foldLetters } from '../search-text.ts';

export type SearchSort = 'relevance' | 'date';

/** What to look for; views/search-query.ts builds it from what the user typed. */
export interface SearchQuery {
  /** Words and quoted phrases, each to be found in the title, abstract or authors. */
  terms: string[];
  /** `title:` words and phrases. */
  titleTerms: string[];
  /** `author:` names, each one or more words found close together in the author list. */
  authors: string[];
  /** Any of these categories (`cs.CV`). */
  categories: string[];
  /** Days the paper is filed under (its latest announcement), `YYYY-MM-DD`, inclusive. */
  from?: string;
  to?: string;
  starredOnly: boolean;
  sort: SearchSort;
}

/** Where and how one query runs: its main table and expression, and filters from the other table. */
export interface MatchPlan {
  /** `papers_fts` when there are words, `names_fts` for names and categories alone, none for neither. */
  table: 'papers_fts' | 'names_fts' | undefined;
  match: string;
  /** On `names_fts`, when the main table is `papers_fts` and the query names authors. */
  names: string | undefined;
  /**
   * On `names_fts`: the words as a name (with the categories asked for), whose papers rank first:
   * a plain name finds its author. Its papers match `match` too (a name's words are in the authors).
   */
  tier: string | undefined;
}

/** Words of a name may stand apart by a middle name or initial: "Geoffrey E. Hinton". */
const NAME_SPAN = 2;
/** A longer query is not a name. */
const MAX_NAME_WORDS = 4;

export function planMatch(query: SearchQuery): MatchPlan {
  const categories =
    query.categories.length === 0
      ? undefined
      : `categories : (${query.categories.map((category) => quote(categoryToken(category))).join(' OR ')})`;
  const names = query.authors.length === 0 ? undefined : query.authors.map(nameExpression).join(' AND ');
  const text = [
    // No column filter: it makes bm25 40% slower, and the one other column holds category tokens
    // (`cscv`) no one types.
    ...query.terms.map(quote),
    ...query.titleTerms.map((term) => `title : ${quote(term)}`),
  ];
  if (text.length === 0) {
    const parts = [names, categories].filter((part) => part !== undefined);
    return {
      table: parts.length > 0 ? 'names_fts' : undefined,
      match: parts.join(' AND '),
      names: undefined,
      tier: undefined,
    };
  }
  const tier =
    query.authors.length === 0 && query.titleTerms.length === 0 && query.terms.length <= MAX_NAME_WORDS
      ? [nameExpression(query.terms.join(' ')), categories].filter(Boolean).join(' AND ')
      : undefined;
  return { table: 'papers_fts', match: [...text, categories].filter(Boolean).join(' AND '), names, tier };
}

/** A name in the author column: its words close together, in any order ("Hinton, Geoffrey"). */
function nameExpression(name: string): string {
  const words = name.split(/\s+/).filter(hasToken);
  if (words.length <= 1) return `authors : ${quote(words[0] ?? name)}`;
  return `authors : NEAR(${words.map(quote).join(' ')}, ${NAME_SPAN})`;
}

/** An FTS5 string (a `"` inside is written twice); letters folded as the index folds them. */
function quote(text: string): string {
  return `"${foldLetters(text).replaceAll('"', '""')}"`;
}

/** True if FTS5's tokenizer will find a token in `text` (letters or digits). */
export function hasToken(text: string): boolean {
  return /[\p{L}\p{N}]/u.test(text);
}

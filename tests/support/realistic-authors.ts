// Author lists of the realistic day: long collaborations, starred authors, namesakes and
// TeX-accented names, all added to the real lists of the records.
import type { PaperRecord } from '../../src/types.ts';
import {
  ACCENTED_ML_AUTHORS,
  CO_STARRED,
  HORVATH_AUTHORS,
  NAMESAKES,
  STARRED_FORMS,
  TEX_ACCENT,
  isReservedName,
  toTexAccents,
} from './realistic-names.ts';
import type { Random } from './seeded-random.ts';

/** Starred authors who signed real records of the OAI pages (0704.3359, 0705.2011). */
export const REAL_STARRED_NAMES: readonly string[] = ['Quoc Le', 'Alex Graves'];

export interface AuthorPlan {
  /** Papers that must carry a starred author, real ones included. */
  starred: number;
  /** Papers with 50 to 178 authors. */
  longLists: number;
  /** Distinct TeX-accented names in the whole day. */
  accentedNames: number;
}

export const LONGEST_LIST = 178;
export const SHORTEST_LONG_LIST = 50;

export const isStarredForm = (name: string): boolean =>
  STARRED_FORMS.includes(name) || REAL_STARRED_NAMES.includes(name) || name === CO_STARRED.add;

/**
 * Dresses the author lists in place. `pool` holds real names of other records to build the
 * long lists and to find more accented names from. Papers are taken from one shuffled queue,
 * so each gets one role, except the first starred paper, which is also a long list: a star
 * in a big collaboration is the case a matcher most easily misses.
 */
export function dressAuthors(papers: PaperRecord[], pool: readonly string[], plan: AuthorPlan, random: Random): void {
  const queue = random.shuffle(papers.filter((p) => !p.authors.some(isReservedName)));
  const take = (n: number): PaperRecord[] => {
    if (queue.length < n) throw new RangeError('too few papers for the author roles');
    return queue.splice(0, n);
  };
  const realStarred = papers.filter((p) => p.authors.some(isStarredForm)).length;
  const starred = take(Math.max(0, plan.starred - realStarred));
  const long = [...starred.slice(0, 1), ...take(plan.longLists - Math.min(1, starred.length))];
  fillLongLists(long, random.shuffle(pool.filter((n) => !isReservedName(n))), random);
  starred.forEach((paper, k) => addStarred(paper, STARRED_FORMS[k % STARRED_FORMS.length]!, random));
  for (const name of NAMESAKES) insertAuthor(take(1)[0]!, name, random);
  for (const group of HORVATH_AUTHORS) {
    const paper = take(1)[0]!;
    for (const name of group) insertAuthor(paper, name, random);
  }
  for (const name of ACCENTED_ML_AUTHORS) insertAuthor(take(1)[0]!, name, random);
  writeAccentsInTex(papers, pool, plan.accentedNames, () => take(1)[0]!, random);
}

function addStarred(paper: PaperRecord, form: string, random: Random): void {
  insertAuthor(paper, form, random);
  if (form === CO_STARRED.with) insertAuthor(paper, CO_STARRED.add, random);
}

/** Senior authors sign last: most insertions go to the end, the rest anywhere. */
function insertAuthor(paper: PaperRecord, name: string, random: Random): void {
  const at = random.chance(0.6) ? paper.authors.length : random.int(0, paper.authors.length);
  paper.authors.splice(at, 0, name);
}

/** One list of exactly 178 and one of exactly 50; the others in between, most near 50 as on arXiv. */
function fillLongLists(papers: readonly PaperRecord[], names: readonly string[], random: Random): void {
  const sizes = [LONGEST_LIST, SHORTEST_LONG_LIST];
  while (sizes.length < papers.length)
    sizes.push(SHORTEST_LONG_LIST + 1 + Math.floor(random.next() ** 2 * (LONGEST_LIST - SHORTEST_LONG_LIST - 1)));
  const shuffled = random.shuffle(sizes);
  let cursor = 0;
  papers.forEach((paper, i) => {
    const have = new Set(paper.authors);
    while (paper.authors.length < shuffled[i]!) {
      const name = names[cursor++ % names.length]!;
      if (have.has(name)) continue;
      paper.authors.push(name);
      have.add(name);
    }
  });
}

/**
 * Rewrites real Unicode-accented names in arXiv's TeX spelling (`Zdeborová` -> `Zdeborov\'a`)
 * until the day holds `target` distinct TeX-accented names: first names already in the day,
 * then names of other records, added to fresh papers.
 */
function writeAccentsInTex(
  papers: PaperRecord[],
  pool: readonly string[],
  target: number,
  nextPaper: () => PaperRecord,
  random: Random,
): void {
  const accented = new Set(papers.flatMap((p) => p.authors).filter((n) => TEX_ACCENT.test(n)));
  const rewrite = new Map<string, string>();
  const fromDay = papers.flatMap((p) => p.authors);
  const inDay = new Set(fromDay);
  for (const name of [...new Set([...fromDay, ...pool])]) {
    if (accented.size >= target) break;
    // eslint-disable-next-line no-control-regex -- any non-ASCII character
    const tex = /[^\x00-\x7f]/.test(name) ? toTexAccents(name) : undefined;
    if (tex === undefined || accented.has(tex) || isReservedName(name)) continue;
    accented.add(tex);
    if (inDay.has(name)) rewrite.set(name, tex);
    else insertAuthor(nextPaper(), tex, random);
  }
  if (accented.size < target) throw new RangeError(`only ${accented.size} accented names for ${target}`);
  for (const paper of papers) paper.authors = paper.authors.map((n) => rewrite.get(n) ?? n);
}

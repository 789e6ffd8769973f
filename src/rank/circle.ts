// The second circle: people who wrote a paper with a starred author. A shared paper ties them by
// 1/(its authors - 1), and papers of more than MAX_CIRCLE_AUTHORS authors not at all (a 178-author
// report makes no one a colleague); a paper is in the circle when its authors' ties to one starred
// author add up to MIN_TIE (bench/rank.ts measured what the circle adds from there). A starred
// author is never his own co-author, and a starred author's paper is in no circle: it is shown
// apart already, and as a positive it would teach the model that the circle's fact means a save
// whenever two starred authors share co-authors. Pure.
import { authorTerm, type RankText } from './features.ts';

/** A co-author of a starred author, as the store finds them on the starred author's papers. */
export interface CircleLink {
  /** The co-author's name as written. */
  coauthor: string;
  /** The starred author's name (as authors.json names them). */
  starred: string;
  /** Σ 1/(authors - 1) over the papers of at most MAX_CIRCLE_AUTHORS authors they wrote together. */
  tie: number;
}

/** Papers with more authors than this make no one a co-author (large collaborations). */
export const MAX_CIRCLE_AUTHORS = 20;
/** The tie from which a paper is in a starred author's circle: one paper of at most three authors, or two of five. */
export const MIN_TIE = 0.5;

/** How much one shared paper of `authors` authors ties two of them. */
export const tieOf = (authors: number): number => (authors > MAX_CIRCLE_AUTHORS || authors < 2 ? 0 : 1 / (authors - 1));

interface Tie {
  starred: string;
  tie: number;
}

/** Author term → the starred authors they wrote with, strongest tie first. */
export type Circle = ReadonlyMap<string, readonly Tie[]>;

export function buildCircle(links: readonly CircleLink[]): Map<string, Tie[]> {
  const circle = new Map<string, Map<string, number>>();
  for (const link of links) {
    const term = authorTerm(link.coauthor);
    let ties = circle.get(term);
    if (ties === undefined) circle.set(term, (ties = new Map<string, number>()));
    ties.set(link.starred, (ties.get(link.starred) ?? 0) + link.tie);
  }
  return new Map(
    [...circle].map(([term, ties]) => [
      term,
      [...ties].map(([starred, tie]) => ({ starred, tie })).sort((a, b) => b.tie - a.tie),
    ]),
  );
}

/** How strongly the paper's authors are tied to each starred author (none for a starred author's paper). */
export function measureTies(paper: RankText, circle: Circle): Map<string, number> {
  const strength = new Map<string, number>();
  if (circle.size === 0 || (paper.starred?.length ?? 0) > 0) return strength;
  for (const name of paper.authors)
    for (const tie of circle.get(authorTerm(name)) ?? [])
      strength.set(tie.starred, (strength.get(tie.starred) ?? 0) + tie.tie);
  return strength;
}

/** The starred authors whose circle this paper is in, strongest tie first. */
export function findCircle(paper: RankText, circle: Circle, minTie = MIN_TIE): string[] {
  return [...measureTies(paper, circle)]
    .filter(([, tie]) => tie >= minTie)
    .sort((a, b) => b[1] - a[1])
    .map(([starred]) => starred);
}

// What a realistic day holds, read back from its papers: the numbers tests assert and the
// ids of the papers that carry each hard case.
import type { AnnounceType, PaperRecord } from '../../src/types.ts';
import { isStarredForm, SHORTEST_LONG_LIST } from './realistic-authors.ts';
import { NAMESAKES, TEX_ACCENT } from './realistic-names.ts';
import { BROKEN_FORMULA } from './realistic-text.ts';

export interface RealisticDayFacts {
  count: number;
  announceTypes: Record<AnnounceType, number>;
  /** Titles containing `$`. */
  texTitles: number;
  /** Distinct author names with a TeX accent. */
  accentedNames: number;
  /** Papers with at least 50 authors. */
  longAuthorLists: number;
  maxAuthors: number;
  starredIds: string[];
  namesakeIds: string[];
  /** Papers with an author surnamed `Horv\'ath`. */
  horvathIds: string[];
  /** The paper whose title holds the unparsable formula. */
  brokenFormulaId: string;
  /** Titles with `<` or `&`, which renderers must escape. */
  markupTitleIds: string[];
}

export function describeRealisticDay(papers: readonly PaperRecord[]): RealisticDayFacts {
  const ids = (test: (p: PaperRecord) => boolean): string[] => papers.filter(test).map((p) => p.id);
  const announceTypes: Record<AnnounceType, number> = { new: 0, cross: 0, replace: 0, 'replace-cross': 0 };
  for (const p of papers) announceTypes[p.announceType ?? 'new'] += 1;
  return {
    count: papers.length,
    announceTypes,
    texTitles: papers.filter((p) => p.title.includes('$')).length,
    accentedNames: new Set(papers.flatMap((p) => p.authors).filter((n) => TEX_ACCENT.test(n))).size,
    longAuthorLists: papers.filter((p) => p.authors.length >= SHORTEST_LONG_LIST).length,
    maxAuthors: Math.max(...papers.map((p) => p.authors.length)),
    starredIds: ids((p) => p.authors.some(isStarredForm)),
    namesakeIds: ids((p) => p.authors.some((n) => NAMESAKES.includes(n))),
    horvathIds: ids((p) => p.authors.some((n) => n.includes("Horv\\'ath"))),
    brokenFormulaId: ids((p) => p.title.includes(BROKEN_FORMULA))[0] ?? '',
    markupTitleIds: ids((p) => /[<&]/.test(p.title)),
  };
}

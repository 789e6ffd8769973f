// The one module that names the digest's sections and says how each is shown; every renderer
// takes sections, headings and counts from the view it builds.
import { ANNOUNCE_TYPES, type AnnounceType } from '../types.ts';
import type { DigestCounts, PaperView, SectionId, SectionView } from './types.ts';

export const SECTION_HEADINGS: Readonly<Record<SectionId, string>> = {
  starred: 'Starred authors',
  new: 'New submissions',
  cross: 'Cross-lists',
  replace: 'Replacements',
  'replace-cross': 'Cross-list replacements',
};

// New submissions are grouped by primary category (few groups, so no line repeats it); cross-lists
// come from other fields and replacements were seen before: titles suffice there, folded for the latter.
const LAYOUTS: Readonly<Record<SectionId, Pick<SectionView, 'layout' | 'collapsed' | 'empty'>>> = {
  starred: { layout: 'full', collapsed: false, empty: 'No paper by a starred author on this day.' },
  new: { layout: 'grouped', collapsed: false },
  cross: { layout: 'titles', collapsed: false },
  replace: { layout: 'titles', collapsed: true },
  'replace-cross': { layout: 'titles', collapsed: true },
};

function section(id: SectionId, papers: PaperView[]): SectionView {
  return { id, heading: SECTION_HEADINGS[id], ...LAYOUTS[id], papers };
}

/** Starred papers first, then each announce type without the starred ones. */
export function buildSections(papers: readonly PaperView[]): SectionView[] {
  const starred = papers.filter((paper) => paper.starred.length > 0);
  const rest = papers.filter((paper) => paper.starred.length === 0);
  return [
    section('starred', starred),
    ...ANNOUNCE_TYPES.map((type) =>
      section(
        type,
        rest.filter((paper) => paper.announceType === type),
      ),
    ),
  ];
}

export function countPapers(papers: readonly PaperView[]): DigestCounts {
  const byType = new Map<AnnounceType, number>(ANNOUNCE_TYPES.map((type) => [type, 0]));
  const byCategory = new Map<string, number>();
  let starred = 0;
  for (const paper of papers) {
    byType.set(paper.announceType, byType.get(paper.announceType)! + 1);
    const primary = paper.categories[0] ?? '?';
    byCategory.set(primary, (byCategory.get(primary) ?? 0) + 1);
    if (paper.starred.length > 0) starred++;
  }
  return {
    total: papers.length,
    starred,
    byType: [...byType].map(([type, count]) => ({ type, count })),
    byCategory: [...byCategory]
      .sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))
      .map(([category, count]) => ({ category, count })),
  };
}

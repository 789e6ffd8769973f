// The one module that names the digest's sections, their anchors and headings, and says how each
// is shown; every renderer takes sections, headings and counts from the view it builds.
import { ANNOUNCE_TYPES, type AnnounceType } from '../types.ts';
import type { DigestCounts, GroupView, PaperView, SectionId, SectionView } from './types.ts';

export const SECTION_HEADINGS: Readonly<Record<SectionId, string>> = {
  starred: 'Starred authors',
  new: 'New submissions',
  cross: 'Cross-lists',
  replace: 'Replacements',
  'replace-cross': 'Cross-list replacements',
};

// Starred papers are read in full; replacements were seen before, so they start folded.
const SHOWN: Readonly<Record<SectionId, Pick<SectionView, 'collapsed' | 'abstractsOpen' | 'empty'>>> = {
  starred: { collapsed: false, abstractsOpen: true, empty: 'No paper by a starred author on this day.' },
  new: { collapsed: false, abstractsOpen: false },
  cross: { collapsed: false, abstractsOpen: false },
  replace: { collapsed: true, abstractsOpen: false },
  'replace-cross': { collapsed: true, abstractsOpen: false },
};

/** The anchor of a section's papers in one category: `new-stat.ML`. */
function groupId(section: SectionId, category: string): string {
  return `${section}-${category}`;
}

/**
 * The category a paper is listed in: the first of its categories (primary first) among `listed`,
 * as arXiv lists a cross-list under the category it was cross-listed to; its primary otherwise.
 */
function listingCategory(paper: PaperView, listed: readonly string[]): string {
  return paper.categories.find((category) => listed.includes(category)) ?? paper.categories[0] ?? '?';
}

function groupPapers(id: SectionId, papers: readonly PaperView[], listed: readonly string[]): GroupView[] {
  if (id === 'starred') return [];
  const groups = new Map<string, PaperView[]>();
  for (const paper of papers) {
    const category = listingCategory(paper, listed);
    const group = groups.get(category);
    if (group === undefined) groups.set(category, [paper]);
    else group.push(paper);
  }
  return [...groups]
    .sort((a, b) => b[1].length - a[1].length || a[0].localeCompare(b[0]))
    .map(([category, list]) => ({ id: groupId(id, category), category, papers: list }));
}

function section(id: SectionId, papers: PaperView[], listed: readonly string[]): SectionView {
  return { id, heading: SECTION_HEADINGS[id], ...SHOWN[id], papers, groups: groupPapers(id, papers, listed) };
}

/**
 * Starred papers first, then each announce type without the starred ones, each grouped by the
 * category (among `listed`) its papers are listed in. Every paper is in exactly one section.
 */
export function buildSections(papers: readonly PaperView[], listed: readonly string[]): SectionView[] {
  const starred = papers.filter((paper) => paper.starred.length > 0);
  const rest = papers.filter((paper) => paper.starred.length === 0);
  return [
    section('starred', starred, listed),
    ...ANNOUNCE_TYPES.map((type) =>
      section(
        type,
        rest.filter((paper) => paper.announceType === type),
        listed,
      ),
    ),
  ];
}

export function countPapers(papers: readonly PaperView[]): DigestCounts {
  const byType = new Map<AnnounceType, number>(ANNOUNCE_TYPES.map((type) => [type, 0]));
  let starred = 0;
  for (const paper of papers) {
    byType.set(paper.announceType, byType.get(paper.announceType)! + 1);
    if (paper.starred.length > 0) starred++;
  }
  return { total: papers.length, starred, byType: [...byType].map(([type, count]) => ({ type, count })) };
}

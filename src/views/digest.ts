// Pure: stored papers -> the view model every output renders.
import { ARXIV_ABS_BASE, arxivLabel, arxivLinks } from '../fetcher/arxiv-links.ts';
import type { DigestPaper } from '../types.ts';
import { buildSections, countPapers } from './sections.ts';
import type { DigestView, PaperView, SourceRef } from './types.ts';

/** Adds how the source names and links the paper. */
export function withSourceRef<T extends { id: string; version: number | null }>(paper: T): T & SourceRef {
  return { ...paper, label: arxivLabel(paper), links: arxivLinks(paper) };
}

export function buildDigestView(date: string, papers: readonly DigestPaper[]): DigestView {
  const views: PaperView[] = papers.map(withSourceRef);
  return { date, papers: views, sections: buildSections(views), counts: countPapers(views), linkBase: ARXIV_ABS_BASE };
}

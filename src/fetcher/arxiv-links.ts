// Where a paper lives on arXiv, and how arXiv names a version: the one place that knows the
// URLs (https://info.arxiv.org/help/arxiv_identifier_for_services.html), so renderers take
// links from the view model and never build them.

import { ARXIV_ABS_BASE } from './ids.ts';

/** `2611.01234v2`, or the bare id where the version is unknown (OAI metadata). */
export function versionedId(paper: { id: string; version: number | null }): string {
  return paper.version === null ? paper.id : `${paper.id}v${paper.version}`;
}

/** The abstract pages of the paper and of the announced version, and that version's PDF and HTML. */
export function arxivLinks(paper: { id: string; version: number | null }) {
  const id = versionedId(paper);
  return {
    abs: `${ARXIV_ABS_BASE}${paper.id}`,
    version: `${ARXIV_ABS_BASE}${id}`,
    pdf: `https://arxiv.org/pdf/${id}`,
    html: `https://arxiv.org/html/${id}`,
  };
}

/** `arXiv:2611.01234v2`, as arXiv writes a reference. */
export function arxivLabel(paper: { id: string; version: number | null }): string {
  return `arXiv:${versionedId(paper)}`;
}

// The digest as JSON: `digest --format json` and /digest/D.json print exactly this.
import type { DigestView } from '../views/types.ts';

export interface DigestJson {
  date: string;
  papers: {
    id: string;
    version: number | null;
    title: string;
    authors: string[];
    categories: string[];
    announceType: string;
    starred: { name: string; as: string; confidence: string; author: string }[];
    abstract: string;
    comment?: string;
    journalRef?: string;
    doi?: string;
    /** The ranking's score (0 to 1), null before there is a model. */
    score: number | null;
    /** Why it scores so: "like 3 saved papers: diffusion, policy, robot"; null without a model. */
    why: string | null;
    /** Starred authors its authors wrote with (the second circle). */
    circle: string[];
    mark: 'saved' | 'hidden' | null;
    watches: string[];
  }[];
}

export function toDigestJson(digest: DigestView): DigestJson {
  return {
    date: digest.date,
    papers: digest.papers.map((paper) => ({
      id: paper.id,
      version: paper.version,
      title: paper.title,
      authors: paper.authors,
      categories: paper.categories,
      announceType: paper.announceType,
      starred: paper.starred.map((star) => ({
        name: star.name,
        as: star.as,
        confidence: star.confidence,
        author: star.authorId,
      })),
      abstract: paper.abstract,
      ...(paper.comment !== undefined && { comment: paper.comment }),
      ...(paper.journalRef !== undefined && { journalRef: paper.journalRef }),
      ...(paper.doi !== undefined && { doi: paper.doi }),
      score: paper.score ?? null,
      why: paper.why ?? null,
      circle: paper.circle ?? [],
      mark: paper.mark ?? null,
      watches: paper.watches ?? [],
    })),
  };
}

export function renderDigestJson(digest: DigestView): string {
  return `${JSON.stringify(toDigestJson(digest), null, 2)}\n`;
}

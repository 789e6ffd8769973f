// The digest as JSON: `digest --format json` and /digest/D.json print exactly this.
import type { DigestView } from '../views/types.ts';
import { escapeControlCharacters } from '../text/control.ts';

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
  /** "From the blogs": the day's new posts of followed feeds (not papers: no arXiv id); absent when none. */
  posts?: { feed: string; feedTitle: string; title: string; url?: string; summary: string; published?: string }[];
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
    ...(digest.posts.length > 0 && { posts: digest.posts.map(toPostJson) }),
  };
}

function toPostJson(post: DigestView['posts'][number]) {
  return {
    feed: post.feedId,
    feedTitle: post.feedTitle,
    title: post.title,
    ...(post.url !== undefined && { url: post.url }),
    summary: post.summary,
    ...(post.published !== undefined && { published: post.published }),
  };
}

// JSON.stringify escapes C0 controls but writes DEL and C1 as they are; a terminal showing
// `digest --format json` must not act on them, so they are escaped too (the JSON means the same).
export function renderDigestJson(digest: DigestView): string {
  return `${escapeControlCharacters(JSON.stringify(toDigestJson(digest), null, 2))}\n`;
}

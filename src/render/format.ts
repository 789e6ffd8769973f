// Small text forms every renderer shares.
import { texToUnicode } from '../text/tex-math.ts';
import type { SectionView, StarredMatch } from '../views/types.ts';

/** "Yoshua Bengio (as "Y. Bengio", likely)", the name as written on the paper with its TeX decoded. */
export function describeMatch(match: StarredMatch): string {
  const written = texToUnicode(match.as);
  const as = written === match.name ? '' : `as "${written}", `;
  return `${match.name} (${as}${match.confidence})`;
}

/** The ranking's chance that the reader saves a paper, as a whole percent ("37%"). */
export function formatChance(score: number | undefined): string {
  return `${Math.round((score ?? 0) * 100)}%`;
}

/** "1 paper", "1,310 papers". */
export function formatPapers(count: number): string {
  return `${count.toLocaleString('en-US')} ${count === 1 ? 'paper' : 'papers'}`;
}

/** "Starred authors 16, New submissions 585, …": the sections' own counts, so they agree with them. */
export function formatSectionCounts(sections: readonly SectionView[], separator: string): string {
  return sections
    .filter((section) => section.papers.length > 0 || section.empty !== undefined)
    .map((section) => `${section.heading} ${section.papers.length}`)
    .join(separator);
}

// Compact lists name the first few authors: a line or two per paper, whoever wrote it.
const FIRST_AUTHORS = 3;

/** "Ada Lovelace, Alan Turing, Grace Hopper et al.", TeX decoded. */
export function formatFirstAuthors(authors: readonly string[]): string {
  const names = authors.slice(0, FIRST_AUTHORS).map(texToUnicode).join(', ');
  return authors.length > FIRST_AUTHORS ? `${names} et al.` : names;
}

/**
 * The text with its URLs as people read them: `au:"Yoshua Bengio"` rather than
 * `au%3A%22Yoshua+Bengio%22`. For display only; a URL that cannot be decoded stays as it was.
 */
export function readableUrls(text: string): string {
  // A URL ends before white space, quotes, brackets, and punctuation closing a sentence ("url: why").
  return text.replace(/https?:\/\/[^\s"<>()]*[^\s"<>().,:;]/g, (raw) => {
    try {
      const url = new URL(raw);
      const query = [...url.searchParams].map(([name, value]) => (value === '' ? name : `${name}=${value}`));
      return `${url.origin}${decodeURIComponent(url.pathname)}${query.length > 0 ? `?${query.join('&')}` : ''}`;
    } catch {
      return raw;
    }
  });
}

/** "From the blogs": the one heading every output gives a day's posts of followed feeds. */
export const POSTS_HEADING = 'From the blogs';

/** "in q-bio.NC, outside the curated categories": a starred author's upload found outside them. */
export function describeElsewhere(category: string): string {
  return `in ${category}, outside the curated categories`;
}

/** "Distill, 2026-04-27": a post's source and date. */
export function describePostSource(post: { feedTitle: string; published?: string }): string {
  return post.published === undefined ? post.feedTitle : `${post.feedTitle}, ${post.published.slice(0, 10)}`;
}

// What the daily mail holds, in the order a reader wants it: the starred authors' papers with their
// abstracts, then "For you" (the papers above the ranking's cut-off, as the view has them) with
// their why and abstracts, then each mailed watch's matches, then the blogs' new posts. The rest of
// the day stays on the page, which the mail's last line links. Both parts (email.ts, email-text.ts)
// render the same sections; mail/compose.ts decides how much of each fits Gmail's clip.
import type { DigestView, PaperView, PostView } from '../views/types.ts';
import { formatPapers, formatSectionCounts, POSTS_HEADING } from './format.ts';

/** How an entry is shown: in full (with its abstract), as a row (title, authors, links), or left to the page. */
export type MailLevel = 'full' | 'row' | 'left';

export type MailEntry =
  { kind: 'paper'; paper: PaperView; level: MailLevel } | { kind: 'post'; post: PostView; level: MailLevel };

export interface MailSection {
  heading: string;
  /** One line under the heading ("2 more are above"), or the section's word when it is empty. */
  note?: string;
  entries: MailEntry[];
}

/** Everything the mail could hold, each entry at the most it would show. */
export function buildMailSections(digest: DigestView): MailSection[] {
  const [starredSection] = digest.sections;
  const starred = starredSection?.papers ?? [];
  const shown = new Set(starred.map((paper) => paper.id));
  const sections: MailSection[] = [
    {
      heading: `${starredSection?.heading ?? 'Starred authors'} (${starred.length})`,
      ...(starred.length === 0 && starredSection?.empty !== undefined && { note: starredSection.empty }),
      entries: starred.map((paper) => ({ kind: 'paper', paper, level: 'full' })),
    },
  ];
  const forYou = digest.forYou.papers.filter((paper) => !shown.has(paper.id));
  if (forYou.length > 0) {
    for (const paper of forYou) shown.add(paper.id);
    sections.push({
      heading: `For you (${forYou.length})`,
      entries: forYou.map((paper) => ({ kind: 'paper', paper, level: 'full' })),
    });
  }
  for (const watch of digest.watches) {
    if (!watch.mail || watch.papers.length === 0) continue;
    // A paper the mail shows already is not listed again; the note says where it went.
    const fresh = watch.papers.filter((paper) => !shown.has(paper.id));
    const above = watch.papers.length - fresh.length;
    for (const paper of fresh) shown.add(paper.id);
    sections.push({
      heading: `Watch: ${watch.query} (${watch.papers.length})`,
      ...(above > 0 && { note: `${above} of them ${above === 1 ? 'is' : 'are'} above.` }),
      entries: fresh.map((paper) => ({ kind: 'paper', paper, level: 'row' })),
    });
  }
  if (digest.posts.length > 0)
    sections.push({
      heading: `${POSTS_HEADING} (${digest.posts.length})`,
      entries: digest.posts.map((post) => ({ kind: 'post', post, level: 'full' })),
    });
  return sections;
}

/** The entries left to the page in a section, for its "…and N more on the site". */
export function countLeft(section: MailSection): number {
  return section.entries.filter((entry) => entry.level === 'left').length;
}

/** Where a paper's save and hide live: its place on the day's page (the page's anchor `p-<id>`). */
export function paperOnSite(baseUrl: string, day: string, id: string): string {
  return `${baseUrl}/digest/${day}#p-${id}`;
}

/** A long author list as the page folds it: the first names, and how many more (naming starred ones among them). */
export function foldAuthors(paper: PaperView): { shown: string[]; more: number; starredAmong: string[] } {
  const starred = new Set(paper.starred.map((match) => match.as));
  const rest = paper.authors.slice(paper.shownAuthors);
  return {
    shown: paper.authors.slice(0, paper.shownAuthors),
    more: rest.length,
    starredAmong: rest.filter((name) => starred.has(name)),
  };
}

/** The mail's last line: the day's counts, by section. */
export function describeDay(digest: DigestView): string {
  return `${formatPapers(digest.counts.total)} today: ${formatSectionCounts(digest.sections, ', ')}.`;
}

/** Said once in a mail whose links to the site name an address only this machine can open. */
export function describeMissingPublicUrl(baseUrl: string): string {
  return `Links to the site go to ${baseUrl}, which only this computer can open: set PUBLIC_URL to the address you reach arxiv-curator at (e.g. https://arxiv.example.org).`;
}

// Read models of the starred-author feeds and pages.
import type { Context } from '../app/context.ts';
import { listStarredAnnouncements } from '../store/read/feeds.ts';
import { readMarks } from '../store/read/marks.ts';
import type { StarredAuthor } from '../types.ts';
import { toPaperView } from './digest.ts';
import type { AnnouncedPaperView, AuthorPageView } from './types.ts';

/** Announcements of starred papers, newest first, hidden papers left out; `authorId` narrows to one author. */
export function listStarredPapers(
  context: Context,
  options: { authorId?: string; limit: number },
): AnnouncedPaperView[] {
  const marks = readMarks(context.db);
  return listStarredAnnouncements(context.db, context.starred.current().names, options)
    .filter((paper) => marks.get(paper.id) !== 'hidden')
    .map(toPaperView);
}

export function buildAuthorPage(context: Context, author: StarredAuthor, limit: number): AuthorPageView {
  return { author, papers: listStarredPapers(context, { authorId: author.id, limit }) };
}

// Read models of the starred-author feeds and pages.
import type { Context } from '../app/context.ts';
import { listStarredAnnouncements } from '../store/read/feeds.ts';
import type { StarredAuthor } from '../types.ts';
import { toPaperView } from './digest.ts';
import type { AnnouncedPaperView, AuthorPageView } from './types.ts';

/** Announcements of starred papers, newest first; `authorId` narrows to one author. */
export function listStarredPapers(
  context: Context,
  options: { authorId?: string; limit: number },
): AnnouncedPaperView[] {
  return listStarredAnnouncements(context.db, context.starred.current().names, options).map(toPaperView);
}

export function buildAuthorPage(context: Context, author: StarredAuthor, limit: number): AuthorPageView {
  return { author, papers: listStarredPapers(context, { authorId: author.id, limit }) };
}

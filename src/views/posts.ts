// Posts of followed feeds (blogs) as every output shows them: the day's, the combined feed's, the archive's.
import type { Context } from '../app/context.ts';
import { listItems, searchItems } from '../store/read/source-items.ts';
import type { SourceItem } from '../types.ts';
import type { PostView } from './types.ts';

/** The combined feed (/blogs.xml) lists this many, newest first. */
export const BLOG_FEED_ITEMS = 50;

export function toPostView(item: SourceItem): PostView {
  return {
    id: item.id,
    feedId: item.feedId,
    feedTitle: item.feedTitle,
    title: item.title,
    ...(item.url !== undefined && { url: item.url }),
    summary: item.summary,
    ...(item.published !== undefined && { published: item.published }),
    day: item.day,
    firstSeen: item.firstSeen,
  };
}

export function listRecentPosts(context: Context, limit = BLOG_FEED_ITEMS): PostView[] {
  return listItems(context.db, limit).map(toPostView);
}

export function listPostArchive(context: Context): PostView[] {
  return listItems(context.db, -1).map(toPostView);
}

export function searchPosts(context: Context, query: string): PostView[] {
  return searchItems(context.db, query).map(toPostView);
}

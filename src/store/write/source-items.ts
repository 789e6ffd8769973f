// Items of followed feeds (blogs). An item is new once: its first sighting names the day it is listed
// under; later fetches only update what its feed says of it (a corrected title or summary).
import type { Db } from '../db.ts';
import type { FeedItemRecord } from '../../types.ts';

export interface StoreItemsOptions {
  feedId: string;
  feedTitle: string;
  /** The announcement day new items are listed under. */
  day: string;
  now: string;
}

/** Stores a feed's items in one transaction; returns how many were new. */
export function storeSourceItems(db: Db, items: readonly FeedItemRecord[], options: StoreItemsOptions): number {
  const exists = db.prepare<[string, string]>('SELECT 1 FROM source_items WHERE feed_id = ? AND item_id = ?');
  const upsert = db.prepare(`
    INSERT INTO source_items (feed_id, item_id, feed_title, title, url, summary, published, first_seen, day)
    VALUES (@feedId, @id, @feedTitle, @title, @url, @summary, @published, @now, @day)
    ON CONFLICT (feed_id, item_id) DO UPDATE SET feed_title = excluded.feed_title, title = excluded.title,
      url = excluded.url, summary = excluded.summary, published = excluded.published
    WHERE source_items.title IS NOT excluded.title OR source_items.url IS NOT excluded.url
      OR source_items.summary IS NOT excluded.summary OR source_items.published IS NOT excluded.published
      OR source_items.feed_title IS NOT excluded.feed_title`);
  return db.transaction(() => {
    let added = 0;
    for (const item of items) {
      const isNew = exists.get(options.feedId, item.id) === undefined;
      upsert.run({ ...options, ...item, url: item.url ?? null, published: item.published ?? null });
      if (isNew) added++;
    }
    return added;
  })();
}

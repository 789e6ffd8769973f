// Hugging Face's Daily Papers counts, one list per date: a new fetch of a date replaces its list (the
// counts grow for days). Kept for papers we have not stored too: the ranking and /top join them later.
import type { Db } from '../db.ts';
import type { PopularityRecord } from '../../types.ts';

export function storeDailyPapers(db: Db, date: string, papers: readonly PopularityRecord[], now: string): void {
  const insert = db.prepare(`
    INSERT OR REPLACE INTO popularity (date, paper_id, title, upvotes, comments, github_repo, github_stars, fetched_at)
    VALUES (@date, @paperId, @title, @upvotes, @comments, @githubRepo, @githubStars, @now)`);
  db.transaction(() => {
    db.prepare('DELETE FROM popularity WHERE date = ?').run(date);
    for (const paper of papers) {
      insert.run({
        date,
        now,
        paperId: paper.paperId,
        title: paper.title,
        upvotes: paper.upvotes,
        comments: paper.comments ?? null,
        githubRepo: paper.githubRepo ?? null,
        githubStars: paper.githubStars ?? null,
      });
    }
  })();
}

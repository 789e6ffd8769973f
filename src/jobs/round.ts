// The parts of the daily round after arXiv's feed: the starred authors' uploads, the reading list's
// abstracts, the blogs and the popularity counts. Each part runs on its own: its failure is recorded
// (round_parts, its own fetch-log rows, a line on /healthz) and never undoes or stops another part.
// Plain async functions over a Context and HTTP clients, called in order from runRoundParts.
import type { Context } from '../app/context.ts';
import { nextAnnouncementDay } from '../calendar/announcement-days.ts';
import { easternDay } from '../calendar/eastern.ts';
import type { HttpClient } from '../fetcher/http.ts';
import { listRoundParts } from '../store/read/round-parts.ts';
import { recordRoundPart } from '../store/write/round-parts.ts';
import { writeSoon } from '../app/write.ts';
import { fetchAuthorUploads } from './author-uploads.ts';
import { fetchBlogs } from './blogs.ts';
import { fetchPopularity } from './popularity.ts';
import type { PartReport } from './part-report.ts';
import { fetchReadingList } from './reading-list.ts';
import { firstLineOf } from '../text/first-line.ts';

export type PartName = 'authors' | 'reading-list' | 'blogs' | 'popularity';

export interface PartOutcome extends PartReport {
  part: PartName;
  ok: boolean;
}

export interface RoundClients {
  /** The one arXiv client of the process (its pacing). */
  arxiv: HttpClient;
  /** Blogs and Hugging Face: another instance, its own pacing. */
  web: HttpClient;
}

export interface RoundOptions {
  holidays: ReadonlySet<string>;
  signal?: AbortSignal;
  /** Default: all four, in this order. */
  parts?: readonly PartName[];
  /** Skip a part that already ran without failing today (New York time): the scheduler's retries. */
  skipDone?: boolean;
}

export const ROUND_PARTS: readonly PartName[] = ['authors', 'reading-list', 'blogs', 'popularity'];

/**
 * The announcement day what a round finds is listed under: today in New York when arXiv announces,
 * else the next announcement day (a post seen on Saturday is in Monday's digest).
 */
export function findRoundDay(context: Context, holidays: ReadonlySet<string>): string {
  return nextAnnouncementDay(easternDay(context.now()), holidays);
}

export async function runRoundParts(
  context: Context,
  clients: RoundClients,
  options: RoundOptions,
): Promise<PartOutcome[]> {
  const day = findRoundDay(context, options.holidays);
  const signal = options.signal;
  const work: Record<PartName, () => Promise<PartReport>> = {
    authors: () => fetchAuthorUploads(context, clients.arxiv, { day, signal }),
    'reading-list': () => fetchReadingList(context, clients.arxiv, { signal }),
    blogs: () => fetchBlogs(context, clients.web, { day, signal }),
    popularity: () => fetchPopularity(context, clients.web, { signal }),
  };
  const done = options.skipDone ? listDoneToday(context) : new Set<string>();
  const outcomes: PartOutcome[] = [];
  for (const part of options.parts ?? ROUND_PARTS) {
    if (signal?.aborted) break;
    if (done.has(part)) continue;
    outcomes.push(await runPart(context, part, work[part], signal));
  }
  return outcomes;
}

/** Parts that ran today without failing (problems such as one unreadable blog feed do not count). */
function listDoneToday(context: Context): Set<string> {
  const today = easternDay(context.now());
  return new Set(
    listRoundParts(context.db)
      .filter((status) => status.ok && easternDay(new Date(status.finishedAt)) === today)
      .map((status) => status.part),
  );
}

async function runPart(
  context: Context,
  part: PartName,
  work: () => Promise<PartReport>,
  signal: AbortSignal | undefined,
): Promise<PartOutcome> {
  let report: PartReport;
  try {
    report = await work();
  } catch (error) {
    // SIGTERM: nothing to record, the process is stopping.
    if (signal?.aborted) throw error;
    const why = firstLineOf(error);
    report = { summary: 'failed', problems: [why], failed: why };
  }
  // `ok`: the part did its work, perhaps with problems (one blog feed gone); not ok: it failed as a whole.
  const outcome: PartOutcome = { part, ok: report.failed === undefined, ...report };
  const finishedAt = context.now().toISOString();
  await writeSoon(context, () => recordRoundPart(context.db, { ...outcome, finishedAt }));
  const fields = { part, summary: report.summary, problems: report.problems.length, failed: report.failed };
  if (outcome.ok && report.problems.length === 0) context.log.info('round.part', fields);
  else context.log.warn('round.part', { ...fields, first: report.problems[0] });
  return outcome;
}

// `fetch`: the daily round, once: today's combined feed, then the starred authors' uploads, the
// reading list's abstracts, the blogs and the popularity counts. Each part reports on its own line;
// a part's problems are warnings on stderr; only a failed feed makes the exit code non-zero, after
// the other parts have run. SIGINT or SIGTERM stops the request in flight, and the run is recorded
// as interrupted rather than left open.
import { createArxivClient } from '../app/arxiv-client.ts';
import { createWebClient } from '../app/web-client.ts';
import { loadHolidays } from '../calendar/announcement-days.ts';
import { loadFeedsConfig } from '../curate/feeds-config.ts';
import { loadReadingList } from '../curate/reading-list.ts';
import { fetchFeed, type FetchFeedResult } from '../jobs/fetch-feed.ts';
import { runRoundParts, type PartOutcome } from '../jobs/round.ts';
import { formatCounts } from './format.ts';
import type { CommandArgs } from './types.ts';

export async function runFetch({ open, io, config }: CommandArgs): Promise<number> {
  // A broken file stops the command before anything is fetched, like a broken authors.json.
  loadFeedsConfig(config.feedsPath);
  loadReadingList(config.readingListPath);
  const context = open();
  const controller = new AbortController();
  const onSignal = (signal: NodeJS.Signals) => controller.abort(new Error(`${signal} received`));
  process.once('SIGINT', onSignal).once('SIGTERM', onSignal);
  const { signal } = controller;
  const sleep = io.sleep && { sleep: io.sleep };
  const arxiv = createArxivClient(context, { signal, ...sleep });
  const web = createWebClient(context.config, { log: context.log, signal, ...sleep });
  try {
    let failure: Error | undefined;
    try {
      io.stdout(describeFeed(await fetchFeed(context, arxiv, signal)));
    } catch (error) {
      if (signal.aborted) throw error;
      failure = error instanceof Error ? error : new Error(String(error));
    }
    const outcomes = await runRoundParts(
      context,
      { arxiv, web },
      { holidays: loadHolidays(config.holidaysPath), signal },
    );
    for (const outcome of outcomes) reportPart(io, outcome);
    if (signal.aborted) throw signal.reason;
    if (failure !== undefined) throw failure;
    return 0;
  } catch (error) {
    if (!controller.signal.aborted) throw error;
    io.stderr(`arxiv-curator: fetch interrupted (${(controller.signal.reason as Error).message})\n`);
    return 130;
  } finally {
    process.off('SIGINT', onSignal).off('SIGTERM', onSignal);
    await arxiv.close();
    await web.close();
  }
}

function describeFeed(result: FetchFeedResult): string {
  if (result.kind === 'not-modified') return `${result.url}: not modified since the last fetch\n`;
  if (result.papers === 0) return `${result.day}: no announcement (empty feed)\n`;
  return `${result.day}: ${result.papers} papers (${formatCounts(result.byType)})\n`;
}

const PART_NAMES: Record<PartOutcome['part'], string> = {
  authors: 'starred authors',
  'reading-list': 'reading list',
  blogs: 'blogs',
  popularity: 'popularity',
};

function reportPart(io: CommandArgs['io'], outcome: PartOutcome): void {
  const name = PART_NAMES[outcome.part];
  if (!outcome.idle || outcome.problems.length > 0) io.stdout(`${name}: ${outcome.summary}\n`);
  for (const problem of outcome.problems) io.stderr(`arxiv-curator: warning: ${name}: ${problem}\n`);
}

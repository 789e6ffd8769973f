// `fetch`: today's combined feed, once. SIGINT or SIGTERM stops the request, and the run is
// recorded as interrupted rather than left open.
import { createArxivClient } from '../app/arxiv-client.ts';
import { fetchFeed } from '../jobs/fetch-feed.ts';
import { formatCounts } from './format.ts';
import type { CommandArgs } from './types.ts';

export async function runFetch({ open, io }: CommandArgs): Promise<number> {
  const context = open();
  const controller = new AbortController();
  const onSignal = (signal: NodeJS.Signals) => controller.abort(new Error(`${signal} received`));
  process.once('SIGINT', onSignal).once('SIGTERM', onSignal);
  const http = createArxivClient(context, { signal: controller.signal, ...(io.sleep && { sleep: io.sleep }) });
  try {
    const result = await fetchFeed(context, http, controller.signal);
    if (result.kind === 'not-modified') io.stdout(`${result.url}: not modified since the last fetch\n`);
    else if (result.papers === 0) io.stdout(`${result.day}: no announcement (empty feed)\n`);
    else io.stdout(`${result.day}: ${result.papers} papers (${formatCounts(result.byType)})\n`);
    return 0;
  } catch (error) {
    if (!controller.signal.aborted) throw error;
    io.stderr(`arxiv-curator: fetch interrupted (${(controller.signal.reason as Error).message})\n`);
    return 130;
  } finally {
    process.off('SIGINT', onSignal).off('SIGTERM', onSignal);
    await http.close();
  }
}

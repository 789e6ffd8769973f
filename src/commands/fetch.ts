// `fetch`: today's combined feed, once.
import { createArxivClient } from '../app/arxiv-client.ts';
import { fetchFeed } from '../jobs/fetch-feed.ts';
import { formatCounts } from './format.ts';
import type { CommandArgs } from './types.ts';

export async function runFetch({ open, io }: CommandArgs): Promise<number> {
  const context = open();
  const http = createArxivClient(context, { ...(io.sleep && { sleep: io.sleep }) });
  try {
    const result = await fetchFeed(context, http);
    if (result.kind === 'not-modified') io.stdout(`${result.url}: not modified since the last fetch\n`);
    else if (result.papers === 0) io.stdout(`${result.day}: no announcement (empty feed)\n`);
    else io.stdout(`${result.day}: ${result.papers} papers (${formatCounts(result.byType)})\n`);
    return 0;
  } finally {
    await http.close();
  }
}

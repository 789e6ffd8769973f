import type { Context } from '../context.ts';
import type { CommandArgs } from './index.ts';
import { findNeighbourDays, listStoredDays } from '../store/announcements.ts';
import { getDayPapers } from '../store/digest.ts';
import { renderDigestJson } from '../render/json.ts';
import { renderDigestHtml } from '../render/html.ts';
import { renderDigestText } from '../render/text.ts';
import { CommandError } from './errors.ts';
import { readChoice, readDayOption } from './options.ts';
import type { Digest } from '../types.ts';

const FORMATS = ['text', 'html', 'json'] as const;

export async function runDigest(context: Context, { values, io }: CommandArgs): Promise<number> {
  const format = readChoice(values.format, '--format', FORMATS, 'text');
  const date = readDayOption(values.date, '--date') ?? latestDay(context);
  const digest: Digest = { date, papers: getDayPapers(context.db, date, context.authorNames) };
  const baseUrl = context.config.publicUrl ?? `http://${context.config.host}:${context.config.port}`;
  if (format === 'json') io.stdout(renderDigestJson(digest));
  else if (format === 'text') io.stdout(renderDigestText(digest, { baseUrl }));
  else io.stdout(renderDigestHtml(digest, { baseUrl, archive: recentDays(context), ...findNeighbourDays(context.db, date) }));
  return 0;
}

function recentDays(context: Context): string[] {
  return listStoredDays(context.db, { withPapers: true, limit: 14 }).map((stored) => stored.day);
}

function latestDay(context: Context): string {
  const [latest] = listStoredDays(context.db, { withPapers: true, limit: 1 });
  if (latest === undefined) throw new CommandError('digest: no announcement day is stored yet (run: arxiv-curator fetch)');
  return latest.day;
}

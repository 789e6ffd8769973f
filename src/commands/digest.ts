// `digest [--date D] [--format text|html|json]`: a day's digest as the server shows it.
import type { Context } from '../context.ts';
import type { CommandArgs } from './index.ts';
import { loadHolidays } from '../calendar.ts';
import { isMissing, listArchiveDays, resolveDay } from '../digest-day.ts';
import { findNeighbourDays, listStoredDays } from '../store/announcements.ts';
import { renderDigestJson } from '../render/json.ts';
import { renderDigestHtml } from '../render/html.ts';
import { describeNoDigest, renderNoDigestHtml } from '../render/html-pages.ts';
import { renderDigestText } from '../render/text.ts';
import { CommandError } from './errors.ts';
import { readChoice, readDayOption } from './options.ts';

const FORMATS = ['text', 'html', 'json'] as const;

export async function runDigest(context: Context, { values, io }: CommandArgs): Promise<number> {
  const format = readChoice(values.format, '--format', FORMATS, 'text');
  const date = readDayOption(values.date, '--date') ?? latestDay(context);
  const state = resolveDay(context, loadHolidays(), date);
  // A day we lack is a failure; a day arXiv announced nothing on is an answer (an empty digest).
  if (isMissing(state)) throw new CommandError(`digest: ${describeNoDigest(state.kind, date)}`);
  const baseUrl = context.config.publicUrl ?? `http://${context.config.host}:${context.config.port}`;
  const neighbours = findNeighbourDays(context.db, date);
  if (format === 'json') io.stdout(renderDigestJson(state.digest));
  else if (format === 'text') {
    io.stdout(renderDigestText(state.digest, { baseUrl, ...(state.kind !== 'digest' && { noAnnouncement: state.kind }) }));
  } else if (state.kind === 'digest') {
    io.stdout(renderDigestHtml(state.digest, { baseUrl, archive: listArchiveDays(context), ...neighbours }));
  } else {
    io.stdout(renderNoDigestHtml({ baseUrl, day: date, kind: state.kind, ...(neighbours.previous && { previous: neighbours.previous }) }));
  }
  return 0;
}

function latestDay(context: Context): string {
  const [latest] = listStoredDays(context.db, { withPapers: true, limit: 1 });
  if (latest === undefined) throw new CommandError('digest: no announcement day is stored yet (run: arxiv-curator fetch)');
  return latest.day;
}

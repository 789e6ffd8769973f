// `digest [--date D] [--format text|html|json]`: a day's digest as the server shows it.
import { loadHolidays } from '../calendar/announcement-days.ts';
import { siteUrl } from '../config.ts';
import { syncStarredFlags } from '../jobs/reflag.ts';
import { ensureRankModel } from '../jobs/retrain.ts';
import { renderDigestHtml } from '../render/html.ts';
import { describeNoDigest, renderNoDigestHtml } from '../render/html-pages.ts';
import { renderDigestJson } from '../render/json.ts';
import { renderDigestText } from '../render/text.ts';
import { findLatestDay, isMissing, listArchiveDays, loadDayDigest } from '../views/day.ts';
import { CommandError } from './errors.ts';
import { readChoice, readDayOption } from './options.ts';
import type { CommandArgs } from './types.ts';

const FORMATS = ['text', 'html', 'json'] as const;

export function runDigest({ values, io, open, config }: CommandArgs): number {
  const format = readChoice(values.format, '--format', FORMATS, 'text');
  const context = open();
  // The flags shown are those of authors.json as it is now.
  syncStarredFlags(context);
  // Scores come from a model of the current marks and authors (trained here when it is not).
  ensureRankModel(context);
  const date = readDayOption(values.date, '--date') ?? findLatestDay(context.db);
  if (date === undefined)
    throw new CommandError('digest: no announcement day is stored yet (run: arxiv-curator fetch)');
  const digest = loadDayDigest(context, loadHolidays(), date, { explainAll: format === 'json' });
  // A day we lack is a failure; a day arXiv announced nothing on is an answer (an empty digest).
  if (isMissing(digest.kind)) throw new CommandError(`digest: ${describeNoDigest(digest.kind, date)}`);
  const baseUrl = siteUrl(config);
  const { view, previous, next } = digest;
  if (format === 'json') io.stdout(renderDigestJson(view));
  else if (format === 'text') {
    io.stdout(renderDigestText(view, { baseUrl, ...(digest.kind !== 'digest' && { noAnnouncement: digest.kind }) }));
  } else if (digest.kind === 'digest') {
    io.stdout(renderDigestHtml(view, { baseUrl, archive: listArchiveDays(context.db), previous, next }));
  } else {
    io.stdout(renderNoDigestHtml({ baseUrl, day: date, kind: digest.kind, previous }));
  }
  return 0;
}

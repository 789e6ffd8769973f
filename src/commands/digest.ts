// `digest [--date D] [--format text|html|json]`: a day's digest as the server shows it.
import { loadHolidays } from '../calendar/announcement-days.ts';
import { siteUrl } from '../config.ts';
import { areFlagsCurrent, syncStarredFlags } from '../jobs/reflag.ts';
import { ensureRankModel } from '../jobs/retrain.ts';
import type { Context } from '../app/context.ts';
import { DatabaseError } from '../store/db.ts';
import { renderDigestHtml } from '../render/html.ts';
import { describeNoDigest, renderNoDigestHtml } from '../render/html-pages.ts';
import { renderDigestJson } from '../render/json.ts';
import { renderDigestText } from '../render/text.ts';
import { findLatestDay, isMissing, listArchiveDays, loadDayDigest } from '../views/day.ts';
import { stripControlCharacters } from '../text/control.ts';
import { CommandError } from './errors.ts';
import { readChoice, readDayOption } from './options.ts';
import type { CommandArgs } from './types.ts';

const FORMATS = ['text', 'html', 'json'] as const;

export function runDigest({ values, io, open, config }: CommandArgs): number {
  const format = readChoice(values.format, '--format', FORMATS, 'text');
  const context = openForReading(open);
  // The flags shown are those of authors.json as it is now, unless the database cannot be written.
  if (!context.db.readonly) {
    syncStarredFlags(context);
    // Scores come from a model of the current marks and authors (trained here when it is not).
    ensureRankModel(context);
  } else if (!areFlagsCurrent(context))
    io.stderr(
      `arxiv-curator: warning: ${config.authorsPath} changed since the flags were stored, and the database is read-only: the flags shown are the stored ones\n`,
    );
  const date = readDayOption(values.date, '--date') ?? findLatestDay(context.db);
  if (date === undefined)
    throw new CommandError('digest: no announcement day is stored yet (run: arxiv-curator fetch)');
  const digest = loadDayDigest(context, loadHolidays(config.holidaysPath), date, { explainAll: format === 'json' });
  // A day we lack is a failure; a day arXiv announced nothing on is an answer (an empty digest).
  if (isMissing(digest.kind)) throw new CommandError(`digest: ${describeNoDigest(digest.kind, date)}`);
  const baseUrl = siteUrl(config);
  const { view, previous, next } = digest;
  if (format === 'json') io.stdout(renderDigestJson(view));
  else if (format === 'text') {
    io.stdout(renderDigestText(view, { baseUrl, ...(digest.kind !== 'digest' && { noAnnouncement: digest.kind }) }));
  } else if (digest.kind === 'digest') {
    // HTML escapes markup, not control characters, and this goes to a terminal.
    io.stdout(
      stripControlCharacters(renderDigestHtml(view, { baseUrl, archive: listArchiveDays(context.db), previous, next })),
    );
  } else {
    io.stdout(renderNoDigestHtml({ baseUrl, day: date, kind: digest.kind, previous }));
  }
  return 0;
}

/** `digest` only needs to read: on a read-only data directory it opens the database read-only. */
function openForReading(open: CommandArgs['open']): Context {
  try {
    return open();
  } catch (error) {
    if (error instanceof DatabaseError && error.readOnly) return open({ readOnly: true });
    throw error;
  }
}

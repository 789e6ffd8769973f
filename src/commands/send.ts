// `send [--date D] [--force]`: email the digest of one announcement day (default: the latest).
import { syncStarredFlags } from '../jobs/reflag.ts';
import { ensureRankModel } from '../jobs/retrain.ts';
import { sendDigest } from '../mail/send.ts';
import { describeMailWithoutPublicUrl, MailConfigError, readMailSettings } from '../mail/settings.ts';
import { findLatestDay } from '../views/day.ts';
import { CommandError } from './errors.ts';
import { readDayOption } from './options.ts';
import type { CommandArgs } from './types.ts';

export async function runSend({ values, io, open, config }: CommandArgs): Promise<number> {
  try {
    readMailSettings(config);
  } catch (error) {
    if (error instanceof MailConfigError) throw new CommandError(`send: ${error.message}`);
    throw error;
  }
  const links = describeMailWithoutPublicUrl(config);
  if (links !== undefined) io.stderr(`arxiv-curator: warning: ${links}\n`);
  const context = open();
  syncStarredFlags(context);
  ensureRankModel(context);
  const day = readDayOption(values.date, '--date') ?? findLatestDay(context.db);
  if (day === undefined) throw new CommandError('send: no announcement day is stored yet (run: arxiv-curator fetch)');
  const outcome = await sendDigest(context, day, { force: values.force === true });
  switch (outcome.status) {
    case 'sent':
      io.stdout(`sent ${day} to ${outcome.recipients.join(', ')} (message-id ${outcome.messageId})\n`);
      return 0;
    case 'already-sent':
      io.stdout(`${day} already sent at ${outcome.sentAt} (use --force)\n`);
      return 0;
    case 'skipped':
      if (outcome.why === 'no-papers') throw new CommandError(`send: no papers stored for ${day}`);
      io.stdout(`${day} skipped: ${outcome.reason}\n`);
      return 0;
    case 'failed':
      throw new CommandError(
        `send: ${day} not sent after ${outcome.tries} ${outcome.tries === 1 ? 'try' : 'tries'}: ${outcome.error} (recorded; a later run sends it)`,
      );
  }
}

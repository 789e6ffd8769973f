// `backfill --from D [--to D] [--source api|oai] [--force]`: fill announcement days on demand,
// the same path the server's catch-up takes. Interrupt it and run it again: finished days are
// skipped, the interrupted one is redone whole (src/jobs/backfill.ts), nothing is duplicated.
import type { Context } from '../app/context.ts';
import { listAnnouncementDays, loadHolidays } from '../calendar/announcement-days.ts';
import { addDays } from '../calendar/days.ts';
import { easternDay } from '../calendar/eastern.ts';
import { createArxivClient } from '../app/arxiv-client.ts';
import { backfillDays, type DayOutcome } from '../jobs/backfill.ts';
import { harvestOai } from '../jobs/oai-harvest.ts';
import { CommandError } from './errors.ts';
import { readChoice, readDayOption } from './options.ts';
import { countOf, createProgress, type ProgressStream } from './progress.ts';
import type { CommandArgs } from './types.ts';

export async function runBackfill({ values, io, open }: CommandArgs): Promise<number> {
  const from = readDayOption(values['from'], '--from');
  if (from === undefined) throw new CommandError('--from: required, e.g. backfill --from 2026-04-01');
  const source = readChoice(values['source'], '--source', ['api', 'oai'] as const, 'api');
  const force = values['force'] === true;
  const context = open();
  const stream: ProgressStream = { isTTY: process.stdout.isTTY === true, write: io.stdout };
  const controller = new AbortController();
  const onSignal = (signal: NodeJS.Signals) => controller.abort(new Error(`${signal} received`));
  process.once('SIGINT', onSignal).once('SIGTERM', onSignal);
  const http = createArxivClient(context, {
    signal: controller.signal,
    ...(io.sleep && { sleep: io.sleep }),
  });
  try {
    if (source === 'oai') await harvest(context, http, { from, force, signal: controller.signal, stream });
    else
      await fillDays(context, http, {
        from,
        to: readDayOption(values['to'], '--to'),
        force,
        signal: controller.signal,
        stream,
      });
    return 0;
  } catch (error) {
    if (!controller.signal.aborted) throw error;
    io.stderr('arxiv-curator: interrupted; run the same command again to resume\n');
    return 130;
  } finally {
    process.off('SIGINT', onSignal).off('SIGTERM', onSignal);
    await http.close();
  }
}

interface RunOptions {
  from: string;
  force: boolean;
  signal: AbortSignal;
  stream: ProgressStream;
}

type Http = ReturnType<typeof createArxivClient>;

async function fillDays(context: Context, http: Http, options: RunOptions & { to: string | undefined }): Promise<void> {
  // By default up to the day before today's feed day: that one is the RSS feed's (`fetch`).
  const to = options.to ?? addDays(easternDay(context.now()), -1);
  if (options.from > to) throw new CommandError(`--from ${options.from} is after --to ${to}`);
  const holidays = loadHolidays(context.config.holidaysPath);
  const days = listAnnouncementDays(options.from, to, holidays);
  const progress = createProgress(options.stream);
  const result = await backfillDays(context, http, days, {
    holidays,
    force: options.force,
    signal: options.signal,
    onDay: (outcome, counts) => progress.update(counts, describeDay(outcome)),
  });
  progress.finish();
  // A terminal shows one line rewritten in place: say again what must not go unnoticed.
  if (options.stream.isTTY)
    for (const day of result.days) if (day.cutShort !== undefined) options.stream.write(`${describeDay(day)}\n`);
  const skipped = result.days.filter((d) => d.kind === 'skipped').length;
  const empty = result.days.filter((d) => d.kind === 'empty').length;
  options.stream.write(
    `${days.length} announcement days from ${options.from} to ${to}: ${result.days.length - skipped - empty} fetched, ${skipped} already stored` +
      `${empty > 0 ? `, ${empty} not yet in the API` : ''}; ${countOf(result.papers, 'paper')} in ${countOf(result.requests, 'request')}\n`,
  );
}

function describeDay(outcome: DayOutcome): string {
  if (outcome.kind === 'skipped') return `${outcome.day}: already stored`;
  if (outcome.kind === 'empty') return `${outcome.day}: the API has no papers for it yet; not stored`;
  const stored = `${outcome.day}: ${countOf(outcome.papers, 'paper')} in ${countOf(outcome.requests, 'request')}`;
  return outcome.cutShort === undefined ? stored : `${stored}; paging cut short: ${outcome.cutShort}`;
}

async function harvest(context: Context, http: Http, options: RunOptions): Promise<void> {
  const { stream } = options;
  const result = await harvestOai(context, http, {
    from: options.from,
    force: options.force,
    signal: options.signal,
    onPage: (p) =>
      stream.write(
        `${stream.isTTY ? '\r' : ''}${p.set}: ${countOf(p.requests, 'request')}, ${countOf(p.papers, 'paper')}${stream.isTTY ? '\x1b[K' : '\n'}`,
      ),
  });
  if (stream.isTTY) stream.write('\n');
  if (result.skipped.length > 0)
    stream.write(`Already harvested from ${options.from}: ${result.skipped.join(', ')} (--force to start again)\n`);
  stream.write(
    `OAI-PMH: ${countOf(result.papers, 'record')} modified since ${options.from} in ${countOf(result.requests, 'request')}. ` +
      'OAI-PMH records carry no announcement day, so these papers are stored without one: they are searchable, but in no daily digest.\n',
  );
}

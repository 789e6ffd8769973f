// import's parser thread (jobs/parse-thread.ts), a real worker thread on real-size feed files:
// killed in the middle of a file, the file in hand is dropped and parsed again whole on a new
// thread, and the files after it follow in order; a file that kills the parser twice fails,
// naming the file.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Worker } from 'node:worker_threads';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { FeedError } from '../../src/fetcher/errors.ts';
import { streamParsedFiles, type FeedHandler } from '../../src/jobs/parse-thread.ts';
import { buildRealisticDay } from '../support/realistic-day.ts';
import { renderDayAsRss } from '../support/realistic-rss.ts';

let dir: string;
let files: string[];
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'curator-parse-thread-'));
  // The middle file is many batches long, so the thread is killed with most of it still to send.
  files = [
    ['2026-09-22', 300, '2609'],
    ['2026-09-23', 1500, '2608'],
    ['2026-09-24', 300, '2607'],
  ].map(([day, count, idPrefix]) => {
    const papers = buildRealisticDay({
      day: day as string,
      count: count as number,
      starred: 0,
      idPrefix: idPrefix as string,
    });
    const file = join(dir, `${day}.xml`);
    writeFileSync(file, renderDayAsRss(day as string, papers));
    return file;
  });
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

/** Records what the caller is told, as the store would keep it: a file's papers count once it ends. */
function recordingHandler(onPapers: (file: string, attempt: number) => void) {
  const events: string[] = [];
  const stored = new Map<string, number>();
  const attempts = new Map<string, number>();
  let current = '';
  let count = 0;
  const handler: FeedHandler = {
    begin: (file) => {
      current = file;
      count = 0;
      attempts.set(file, (attempts.get(file) ?? 0) + 1);
      events.push(`begin ${file}`);
    },
    papers: (papers) => {
      onPapers(current, attempts.get(current)!);
      count += papers.length;
    },
    end: (file) => {
      stored.set(file, count);
      events.push(`end ${file}`);
    },
    abort: (file) => events.push(`abort ${file}`),
  };
  return { handler, events, stored };
}

const BACKOFF = { firstMs: 1, capMs: 1 };

describe('the parser thread', () => {
  it('parses the file in hand again on a new thread when its thread is killed, then goes on', async () => {
    const threads: Worker[] = [];
    const { handler, events, stored } = recordingHandler((file, attempt) => {
      if (file === files[1] && attempt === 1 && threads.length === 1) void threads[0]!.terminate();
    });
    await streamParsedFiles(files, handler, { backoff: BACKOFF, onThread: (thread) => threads.push(thread) });
    expect(threads).toHaveLength(2);
    expect(events).toEqual([
      `begin ${files[0]}`,
      `end ${files[0]}`,
      `begin ${files[1]}`,
      `abort ${files[1]}`,
      `begin ${files[1]}`,
      `end ${files[1]}`,
      `begin ${files[2]}`,
      `end ${files[2]}`,
    ]);
    expect([...stored.values()]).toEqual([300, 1500, 300]);
  }, 60_000);

  it('fails a file that kills the parser twice, naming it', async () => {
    const threads: Worker[] = [];
    const killed = new Set<Worker>();
    const { handler, events } = recordingHandler((file) => {
      const thread = threads.at(-1)!;
      if (file !== files[1] || killed.has(thread)) return;
      killed.add(thread);
      void thread.terminate();
    });
    const outcome = streamParsedFiles(files, handler, { backoff: BACKOFF, onThread: (thread) => threads.push(thread) });
    await expect(outcome).rejects.toThrow(FeedError);
    await expect(outcome).rejects.toThrow(`${files[1]}: the parser stopped: the thread ended unasked`);
    expect(events.filter((event) => event.startsWith('end'))).toEqual([`end ${files[0]}`]);
    expect(threads).toHaveLength(2);
  }, 60_000);
});

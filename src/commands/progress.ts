// Progress of a long command. On a terminal: one line rewritten in place (days, requests,
// papers, ETA). Anywhere else (a pipe, a log file, systemd's journal): one plain line per step.

export interface ProgressCounts {
  daysDone: number;
  daysTotal: number;
  requests: number;
  papers: number;
}

export interface ProgressStream {
  isTTY?: boolean;
  write(text: string): unknown;
}

export interface Progress {
  /** After each step; `step` is the plain line for non-terminals, e.g. "2026-04-27: 512 papers". */
  update(counts: ProgressCounts, step: string): void;
  /** Ends the in-place line so what follows starts on a fresh one. */
  finish(): void;
}

/** Pure: "days 3/7, 5 requests, 1,204 papers, ETA 12 s". The ETA assumes the days left cost what the done ones did. */
export function formatProgressLine(counts: ProgressCounts, elapsedMs: number): string {
  const { daysDone, daysTotal } = counts;
  const eta =
    daysDone > 0 && daysDone < daysTotal ? `, ETA ${formatEta((elapsedMs / daysDone) * (daysTotal - daysDone))}` : '';
  return `days ${daysDone}/${daysTotal}, ${countOf(counts.requests, 'request')}, ${countOf(counts.papers, 'paper')}${eta}`;
}

/** "1 request", "2,000 papers". */
export function countOf(count: number, noun: string): string {
  return `${count.toLocaleString('en-US')} ${noun}${count === 1 ? '' : 's'}`;
}

export function formatEta(ms: number): string {
  const seconds = Math.max(1, Math.round(ms / 1000));
  if (seconds < 60) return `${seconds} s`;
  const minutes = Math.round(seconds / 60);
  return minutes < 60 ? `${minutes} min` : `${Math.floor(minutes / 60)} h ${minutes % 60} min`;
}

export function createProgress(stream: ProgressStream, now: () => number = Date.now): Progress {
  const started = now();
  let drawn = false;
  return {
    update(counts, step) {
      const line = formatProgressLine(counts, now() - started);
      if (!stream.isTTY) return void stream.write(`${step} (${line})\n`);
      // \r back to column 0, \x1b[K erases what a longer previous line left behind.
      stream.write(`\r${line}\x1b[K`);
      drawn = true;
    },
    finish() {
      if (drawn) stream.write('\n');
      drawn = false;
    },
  };
}

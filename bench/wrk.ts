// wrk (https://github.com/wg/wrk) against a URL, its figures parsed; asynchronous, so servers
// under test in the calling process keep answering.
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';

export const WRK_ARGS = ['-t2', '-c32', '-d10s', '--latency'];

export interface WrkResult {
  requestsPerSec: number;
  p50: string;
  p99: string;
  non2xx: number;
}

export async function runWrk(url: string, headers: string[] = []): Promise<WrkResult> {
  const { stdout: output } = await promisify(execFile)(
    'wrk',
    [...WRK_ARGS, ...headers.flatMap((header) => ['-H', header]), url],
    { encoding: 'utf8' },
  );
  const percentile = (p: string) => new RegExp(`^\\s+${p}%\\s+(\\S+)`, 'm').exec(output)?.[1] ?? '?';
  return {
    requestsPerSec: Number(/Requests\/sec:\s+([\d.]+)/.exec(output)?.[1] ?? 0),
    p50: percentile('50'),
    p99: percentile('99'),
    non2xx: Number(/Non-2xx or 3xx responses:\s+(\d+)/.exec(output)?.[1] ?? 0),
  };
}

// `reflag`: flag every stored paper again from config/authors.json, now (a running server does it
// by itself when the file changes; fetch and import do it before they store anything).
import { syncStarredFlags } from '../jobs/reflag.ts';
import type { CommandArgs } from './types.ts';

export function runReflag({ open, io }: CommandArgs): number {
  const context = open();
  const result = syncStarredFlags(context);
  const { authors } = context.starred.current();
  io.stdout(
    result === undefined
      ? 'the stored flags already agree with the authors file\n'
      : `flagged ${result.reflagged} paper${result.reflagged === 1 ? '' : 's'} by ${authors.length} starred authors\n`,
  );
  return 0;
}

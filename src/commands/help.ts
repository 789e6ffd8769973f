// The command line's help: one command's usage, options and examples (`<command> --help`), and
// "did you mean …?" for a mistyped command or option. node:util's parseArgs parses (no argument
// library: commander alone took 45 to 110 ms to load here, against a 200 ms start budget).
import { wrapText } from '../render/text.ts';
import type { Command } from './types.ts';

/** `digest --help`: usage, what it does, options and examples, wrapped at 78 columns. */
export function formatCommandHelp(command: Command): string {
  const { usage, summary, options = [], examples } = command.help;
  const width = Math.max(0, ...options.map(([flag]) => flag.length)) + 4;
  const lines = [
    ...usage.map((form, i) => `${i === 0 ? 'Usage:' : '      '} arxiv-curator ${form}`),
    '',
    ...wrapText(summary),
    ...(options.length > 0 ? ['', 'Options:'] : []),
    ...options.flatMap(([flag, text]) => wrapText(text, 78, ' '.repeat(width), `  ${flag.padEnd(width - 2)}`)),
    '',
    examples.length === 1 ? 'Example:' : 'Examples:',
    ...examples.map((example) => `  ${example}`),
  ];
  return `${lines.join('\n')}\n`;
}

/**
 * Edit distance with adjacent transpositions (optimal string alignment): "digets" is one step from
 * "digest", as a slip of the fingers is.
 */
export function editDistance(a: string, b: string): number {
  const d = Array.from({ length: a.length + 1 }, (_, i) => [i, ...Array<number>(b.length).fill(0)]);
  for (let j = 1; j <= b.length; j++) d[0]![j] = j;
  for (let i = 1; i <= a.length; i++)
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let best = Math.min(d[i - 1]![j]! + 1, d[i]![j - 1]! + 1, d[i - 1]![j - 1]! + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1])
        best = Math.min(best, d[i - 2]![j - 2]! + 1);
      d[i]![j] = best;
    }
  return d[a.length]![b.length]!;
}

/** The closest of `candidates` to what was typed, if one is close enough to be meant (or starts with it). */
export function suggest(typed: string, candidates: readonly string[]): string | undefined {
  const word = typed.toLowerCase();
  const ranked = candidates
    .map((candidate) => ({ candidate, distance: editDistance(word, candidate.toLowerCase()) }))
    .sort((a, b) => a.distance - b.distance);
  const best = ranked[0];
  if (best !== undefined && best.distance <= Math.max(1, Math.floor(word.length / 3))) return best.candidate;
  return word.length >= 2 ? candidates.find((candidate) => candidate.startsWith(word)) : undefined;
}

/** ` (did you mean "digest"?)`, or '' when nothing is close. */
export function didYouMean(typed: string, candidates: readonly string[]): string {
  const guess = suggest(typed, candidates);
  return guess === undefined ? '' : ` (did you mean "${guess}"?)`;
}

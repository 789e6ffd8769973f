// Where the day's ranked list stops expecting anything for the reader. Scores are calibrated
// chances of a save (0 to 1), so the sum of the chances below a line is the number of saves the
// ranking expects there: the cut-off is the first line below which that sum falls under one.
// Everything above it is "For you"; the page draws the line there (`id=cutoff`) and the mail stops.

/**
 * The number of papers above the cut-off, for chances sorted best first: the smallest k such that
 * chances[k] + chances[k+1] + ... < 1. Zero when the whole day is expected to hold less than one
 * save (a valid answer: nothing today is likely for you).
 */
export function cutoffIndex(sortedChances: readonly number[]): number {
  let below = 0;
  for (let k = sortedChances.length - 1; k >= 0; k -= 1) {
    below += sortedChances[k]!;
    if (below >= 1) return k + 1;
  }
  return 0;
}

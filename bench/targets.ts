// Every budget the bench checks is judged here: the verdict is printed beside the figure, and a
// miss makes the bench exit non-zero (so `npm run bench`, and CI's bench step, fail on it). The
// timing budgets live here and not in `npm test`, whose tests assert behaviour only.

/** 'met', or 'MISSED' and the process will exit 1. */
export function judge(met: boolean): 'met' | 'MISSED' {
  if (!met) process.exitCode = 1;
  return met ? 'met' : 'MISSED';
}

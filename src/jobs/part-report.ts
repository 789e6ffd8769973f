// What a part of the daily round says of itself (jobs/round.ts records it).

/** One line of what the part did, one line per problem. */
export interface PartReport {
  summary: string;
  problems: string[];
  /** Set when the part as a whole failed (arXiv unreachable, say), as opposed to a few problems. */
  failed?: string;
  /** Nothing to do (turned off, nothing configured): not worth a line of the fetch command's output. */
  idle?: boolean;
}

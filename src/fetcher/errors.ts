// Errors of the fetcher layer. Every parse failure leaves parseFeed as one FeedError
// naming the source and a one-line reason (errors are sorted once, at the edge).

const MAX_REASON = 300;

/** A feed or API response that was refused as a whole. `message` is `<source>: <reason>`. */
export class FeedError extends Error {
  override readonly name = 'FeedError';
  readonly source: string;
  readonly reason: string;

  constructor(source: string, reason: string, options?: ErrorOptions) {
    const src = toOneLine(source, MAX_REASON);
    const why = toOneLine(reason, MAX_REASON);
    super(`${src}: ${why}`, options);
    this.source = src;
    this.reason = why;
  }
}

/**
 * Thrown inside the format parsers, which do not know the source;
 * parseFeed turns it into a FeedError.
 */
export class FeedFormatError extends Error {
  override readonly name = 'FeedFormatError';
}

/** Collapses a message to one line and caps its length, so that no XML dump reaches a log. */
export function toOneLine(s: string, max = MAX_REASON): string {
  const line = s.replace(/\s+/g, ' ').trim();
  return line.length <= max ? line : `${line.slice(0, max - 1)}…`;
}

/** One item (entry, record) that cannot be read; the feed is stored without it. */
export class ItemError extends Error {
  override readonly name = 'ItemError';
}

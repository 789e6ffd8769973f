// What a log line, a status or a one-line CLI failure says of an error: its message's first line
// (a SQLite or a library's message may go on with details and a stack). Pure.

/** The first line of an error's message (or of the value thrown, as text). */
export function firstLineOf(error: unknown): string {
  return (error instanceof Error ? error.message : String(error)).split('\n')[0]!;
}

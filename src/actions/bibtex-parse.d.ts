// bibtex-parse (https://github.com/FlamingTempura/bibtex-parse) ships no types: what we use of it.
declare module 'bibtex-parse' {
  /** One entry, its fields under their upper-cased names; @comment, @string, @preamble and `%` lines are not entries. */
  export interface BibtexEntry {
    key: string;
    type: string;
    [field: string]: string | number | undefined;
  }
  /** A syntax error, as its PEG parser reports it. */
  export interface BibtexSyntaxError extends Error {
    location?: { start: { line: number; column: number } };
  }
  const bibtexParse: { entries(text: string): BibtexEntry[] };
  export default bibtexParse;
}

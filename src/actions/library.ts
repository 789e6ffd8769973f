// Importing a library exported by `/saved.json` or `marks export` (saved and hidden papers with
// their times, and the watches), or the arXiv ids of a BibTeX file's entries (`eprint = {…}`, as
// /saved.bib and arXiv's own citations write them, else an arXiv `url` or DOI). The file is read by
// a BibTeX parser (bibtex-parse), so nothing in an @comment, a `%` line or between entries counts.
// Papers not stored here are counted and left out.
import bibtexParse, { type BibtexSyntaxError } from 'bibtex-parse';
import type { Context } from '../app/context.ts';
import { parseArxivId } from '../fetcher/ids.ts';
import { findStoredIds } from '../store/read/papers.ts';
import { markPapers } from '../store/write/marks.ts';
import { addWatches, type NewWatch } from './watches.ts';
import { writeSoon } from '../app/write.ts';
import { ActionError } from './errors.ts';

export interface ImportResult {
  saved: number;
  hidden: number;
  watches: number;
  /** Ids of papers this store does not have. */
  unknown: string[];
}

interface Entry {
  id: string;
  at: string;
}

// arXiv's DOIs name the paper: 10.48550/arXiv.2611.01234.
const ARXIV_DOI = /^(?:https?:\/\/doi\.org\/)?10\.48550\/arxiv\.(.+)$/i;

/** The arXiv id an entry names: its eprint, else an arXiv URL or DOI; undefined for another kind of paper. */
function readEntryId(entry: Record<string, string | number | undefined>): string | undefined {
  const field = (name: string) => (entry[name] === undefined ? undefined : String(entry[name]).trim());
  const eprint = field('EPRINT');
  if (eprint !== undefined) return eprint;
  const doi = ARXIV_DOI.exec(field('DOI') ?? '')?.[1];
  if (doi !== undefined) return doi;
  const url = field('URL');
  return url !== undefined && parseArxivId(url) !== undefined ? url : undefined;
}

/** The arXiv ids of a BibTeX file's entries; a file BibTeX cannot read is refused with the place. */
export function readBibtexIds(text: string): string[] {
  let entries: ReturnType<typeof bibtexParse.entries>;
  try {
    entries = bibtexParse.entries(text);
  } catch (error) {
    const at = (error as BibtexSyntaxError).location?.start;
    const where = at === undefined ? '' : ` at line ${at.line}, column ${at.column}`;
    throw new ActionError(400, `not BibTeX${where}: ${(error as Error).message}`);
  }
  return entries.flatMap((entry) => readEntryId(entry) ?? []);
}

function readEntries(value: unknown, where: string, now: string): Entry[] {
  if (value === undefined) return [];
  if (!Array.isArray(value)) throw new ActionError(400, `${where}: expected a list of {"id", "at"}`);
  return value.map((item: unknown, i) => {
    const entry = (typeof item === 'string' ? { id: item } : item) as { id?: unknown; at?: unknown } | null;
    const parsed = typeof entry?.id === 'string' ? parseArxivId(entry.id) : undefined;
    if (parsed === undefined) throw new ActionError(400, `${where}[${i}]: not an arXiv id`);
    const at = typeof entry?.at === 'string' && !Number.isNaN(Date.parse(entry.at)) ? entry.at : now;
    return { id: parsed.id, at };
  });
}

function parseLibrary(text: string, now: string): { saved: Entry[]; hidden: Entry[]; watches: unknown[] } {
  if (!text.trimStart().startsWith('{') || /^\s*@/m.test(text)) {
    return { saved: readEntries(readBibtexIds(text), 'BibTeX eprint', now), hidden: [], watches: [] };
  }
  let raw: { saved?: unknown; hidden?: unknown; watches?: unknown };
  try {
    raw = JSON.parse(text) as typeof raw;
  } catch (error) {
    throw new ActionError(400, `not JSON: ${(error as Error).message}`);
  }
  const watches = raw.watches === undefined ? [] : raw.watches;
  if (!Array.isArray(watches)) throw new ActionError(400, 'watches: expected a list');
  return { saved: readEntries(raw.saved, 'saved', now), hidden: readEntries(raw.hidden, 'hidden', now), watches };
}

export async function importLibrary(context: Context, text: string): Promise<ImportResult> {
  const parsed = parseLibrary(text, context.now().toISOString());
  const stored = findStoredIds(
    context.db,
    [...parsed.saved, ...parsed.hidden].map((entry) => entry.id),
  );
  const known = (entries: Entry[]) => entries.filter((entry) => stored.has(entry.id));
  const unknown = [...parsed.saved, ...parsed.hidden].map((entry) => entry.id).filter((id) => !stored.has(id));
  const watches: NewWatch[] = parsed.watches.map((watch, i) => {
    const { query, mail } = (watch ?? {}) as { query?: unknown; mail?: unknown };
    if (typeof query !== 'string') throw new ActionError(400, `watches[${i}]: expected {"query"}`);
    return { query, mail: mail !== false };
  });
  // Read and bounded like those added one at a time, and added all or none.
  const added = await addWatches(context, watches);
  const [saved, hidden] = await writeSoon(context, () => [
    markPapers(context.db, known(parsed.saved), 'saved'),
    markPapers(context.db, known(parsed.hidden), 'hidden'),
  ]);
  return { saved: saved, hidden: hidden, watches: added.length, unknown: [...new Set(unknown)] };
}

// The read model of /start: the reading list with its stored abstracts and read marks, and the
// archive of every stored blog post beside it.
import type { Context } from '../app/context.ts';
import { loadReadingList, type ReadingEntry } from '../curate/reading-list.ts';
import { arxivLinks } from '../fetcher/arxiv-links.ts';
import { getAbstracts, getReadMarks } from '../store/read/reading.ts';
import { listPostArchive } from './posts.ts';
import type { ReadingEntryView, StartView } from './types.ts';

export function buildStartView(context: Context, canMark: boolean): StartView {
  const entries = loadReadingList(context.config.readingListPath);
  const abstracts = getAbstracts(
    context.db,
    entries.flatMap((entry) => entry.arxiv ?? []),
  );
  const marks = getReadMarks(context.db);
  return {
    entries: entries.map((entry) =>
      toEntryView(entry, abstracts.get(entry.arxiv ?? '')?.abstract, marks.get(entry.id)),
    ),
    archive: listPostArchive(context),
    canMark,
  };
}

function toEntryView(entry: ReadingEntry, abstract: string | undefined, readAt: string | undefined): ReadingEntryView {
  const arxiv =
    entry.arxiv === undefined
      ? []
      : (() => {
          const links = arxivLinks({ id: entry.arxiv, version: null });
          return [
            { label: `arXiv:${entry.arxiv}`, url: links.abs },
            { label: 'pdf', url: links.pdf },
          ];
        })();
  return {
    id: entry.id,
    title: entry.title,
    authors: entry.authors,
    ...(entry.year !== undefined && { year: entry.year }),
    why: entry.why,
    links: [...arxiv, ...entry.links],
    ...(abstract !== undefined && { abstract }),
    ...(readAt !== undefined && { readAt }),
  };
}

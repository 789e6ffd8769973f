// Save and hide (and their undo): what the page's buttons, `POST /papers/<id>/save|unsave|hide|unhide`
// and `arxiv-curator save|hide [--undo] <id>...` all do. A mark is on the paper id, not a version:
// a hidden paper's replacements stay hidden.
import type { Context } from '../app/context.ts';
import { parseArxivId } from '../fetcher/ids.ts';
import { findStoredIds } from '../store/read/papers.ts';
import { markPapers, unmarkPapers, type MarkKind } from '../store/write/marks.ts';
import { writeSoon } from '../app/write.ts';
import { ActionError } from './errors.ts';

export type MarkAction = { kind: MarkKind; undo: boolean };

/** Bare stored ids from `2611.01234`, `arXiv:2611.01234v2` or an abs URL; a bad or unknown one throws. */
export function readPaperIds(context: Context, written: readonly string[]): string[] {
  if (written.length === 0) throw new ActionError(400, 'give at least one arXiv id, e.g. 2611.01234');
  const ids = written.map((text) => {
    const parsed = parseArxivId(text);
    if (parsed === undefined) throw new ActionError(400, `"${text.slice(0, 80)}" is not an arXiv id (e.g. 2611.01234)`);
    return parsed.id;
  });
  const stored = findStoredIds(context.db, ids);
  const unknown = ids.filter((id) => !stored.has(id));
  if (unknown.length > 0) throw new ActionError(404, `no stored paper has the id ${unknown.join(', ')}`);
  return [...new Set(ids)];
}

/** Saves or hides papers, or takes the mark off; the number of papers whose mark changed. */
export function markStoredPapers(context: Context, written: readonly string[], action: MarkAction): Promise<number> {
  const ids = readPaperIds(context, written);
  const at = context.now().toISOString();
  return writeSoon(context, () =>
    action.undo
      ? unmarkPapers(context.db, ids, action.kind)
      : markPapers(
          context.db,
          ids.map((id) => ({ id, at })),
          action.kind,
        ),
  );
}

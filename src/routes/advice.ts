// The rest of the advice: /start (the reading list, its read marks, the blogs' archive) and /top
// (the popularity view). The one write here, a read mark, is a POST that routes/writes.ts guards.
import { statSync } from 'node:fs';
import type { Hono } from 'hono';
import * as v from 'valibot';
import { markReadingEntry, UnknownEntryError } from '../actions/reading.ts';
import { ReadingListError } from '../curate/reading-list.ts';
import { renderErrorPage } from '../render/html-layout.ts';
import { renderStartHtml } from '../render/start.ts';
import { renderTopHtml } from '../render/top.ts';
import { buildStartView } from '../views/start.ts';
import { buildTopView } from '../views/top.ts';
import { flag, registerPost } from './posts.ts';
import { HTML, baseUrlOf, sendCached, type Site } from './site.ts';
import { readWritePolicy } from './writes.ts';

const ENTRY_ID = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;
const ReadBody = v.strictObject({ read: v.optional(flag('read or unread')) });

/** A file's size and modification time, or '' when it cannot be read (the page says why). */
function fileVersion(path: string): string {
  try {
    const stat = statSync(path);
    return `${stat.size}:${stat.mtimeMs}`;
  } catch {
    return '';
  }
}

export function registerAdviceRoutes(app: Hono, site: Site): void {
  const { context } = site;
  const canMark = readWritePolicy(context.config) !== 'read-only';
  // The page shows config/reading-list.json as it is now: an edit changes it like new data does.
  app.get('/start', (c) =>
    sendCached(site, c, { depends: () => fileVersion(context.config.readingListPath) }, (_version, baseUrl) => {
      try {
        return { status: 200, type: HTML, body: renderStartHtml(baseUrl, buildStartView(context, canMark)) };
      } catch (error) {
        if (!(error instanceof ReadingListError)) throw error;
        return { status: 200, type: HTML, body: renderErrorPage(baseUrl, 500, error.message) };
      }
    }),
  );
  registerPost(app, site, '/start/:id/read', { body: ReadBody }, async (c, body) => {
    const baseUrl = baseUrlOf(site, c);
    const id = c.req.param('id') ?? '';
    const read = body.read ?? true;
    try {
      if (!ENTRY_ID.test(id)) throw new UnknownEntryError(`no entry "${id}"`);
      await markReadingEntry(context, id, read);
    } catch (error) {
      if (!(error instanceof UnknownEntryError)) throw error;
      return c.html(renderErrorPage(baseUrl, 404, 'The reading list has no such entry.'), 404);
    }
    return c.redirect(`${baseUrl}/start#${id}`, 303);
  });
  app.get('/top', (c) =>
    sendCached(site, c, {}, (_version, baseUrl) => ({
      status: 200,
      type: HTML,
      body: renderTopHtml(baseUrl, buildTopView(context)),
    })),
  );
}

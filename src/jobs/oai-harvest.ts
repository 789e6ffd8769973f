// `backfill --source oai`: a first bulk load over OAI-PMH (fetcher/FORMATS.md §4), set by set, following
// resumptionToken. OAI records carry no announcement day (datestamp is the last modification),
// so the papers are stored UNANNOUNCED: they are searchable but in no day's digest.
// Progress (the token of the next page) is saved in the meta table in the same transaction as
// the page's papers, so an interrupted harvest resumes where it stopped. Tokens expire daily:
// a refused token restarts that set from `from`, which is harmless because ingest is idempotent.
import type { Context } from '../app/context.ts';
import type { HttpClient } from '../fetcher/http.ts';
import { getMeta } from '../store/read/meta.ts';
import { ingestFeed } from '../store/write/ingest.ts';
import { setMeta } from '../store/write/meta.ts';
import { fetchPage } from './backfill.ts';
import { currentStarred } from './reflag.ts';
import { writeSoon } from '../app/write.ts';

export const OAI_SETS: readonly string[] = ['cs:cs:LG', 'cs:cs:NE', 'stat:stat:ML'];

interface HarvestState {
  from: string;
  token?: string;
  done?: boolean;
  papers: number;
}

export interface HarvestProgress {
  set: string;
  requests: number;
  papers: number;
}

export interface HarvestOptions {
  /** `YYYY-MM-DD`: records modified on or after this day. */
  from: string;
  sets?: readonly string[];
  /** Start again even where an earlier harvest from the same day finished or stopped. */
  force?: boolean;
  signal?: AbortSignal;
  onPage?: (progress: HarvestProgress) => void;
}

export interface HarvestResult {
  requests: number;
  papers: number;
  /** Sets finished by an earlier run from the same `from`. */
  skipped: string[];
}

export async function harvestOai(context: Context, http: HttpClient, options: HarvestOptions): Promise<HarvestResult> {
  const result: HarvestResult = { requests: 0, papers: 0, skipped: [] };
  for (const set of options.sets ?? OAI_SETS) {
    const saved = readState(context, set);
    const state = !options.force && saved?.from === options.from ? saved : { from: options.from, papers: 0 };
    if (state.done) {
      result.skipped.push(set);
      continue;
    }
    await harvestSet(context, http, set, state, options, result);
  }
  return result;
}

async function harvestSet(
  context: Context,
  http: HttpClient,
  set: string,
  start: HarvestState,
  options: HarvestOptions,
  result: HarvestResult,
): Promise<void> {
  let state = start;
  let restarted = false;
  while (!state.done) {
    const url = buildOaiUrl(context.config.oaiUrl, set, state);
    let page;
    try {
      page = await fetchPage(context, http, url, { signal: options.signal });
    } catch (error) {
      if (state.token === undefined || restarted || !/badResumptionToken/.test(String((error as Error).message)))
        throw error;
      context.log.warn('oai.restart', { set, reason: 'the saved resumptionToken was refused (they expire daily)' });
      restarted = true;
      state = { from: state.from, papers: state.papers };
      continue;
    }
    const next: HarvestState = {
      from: state.from,
      papers: state.papers + page.papers.length,
      ...(page.resumptionToken ? { token: page.resumptionToken } : { done: true }),
    };
    const { db } = context;
    await writeSoon(context, () => {
      ingestFeed(db, page, {
        source: 'oai',
        categories: context.config.categories,
        flags: currentStarred(context),
        now: context.now().toISOString(),
      });
      setMeta(db, stateKey(set), JSON.stringify(next));
    });
    state = next;
    result.requests += 1;
    result.papers += page.papers.length;
    options.onPage?.({ set, requests: result.requests, papers: result.papers });
  }
}

/** The first page names prefix, set and from; later pages only the token (OAI-PMH 2.0 §3.5). */
export function buildOaiUrl(oaiUrl: string, set: string, state: { from: string; token?: string }): string {
  const params =
    state.token !== undefined
      ? new URLSearchParams({ verb: 'ListRecords', resumptionToken: state.token })
      : new URLSearchParams({ verb: 'ListRecords', metadataPrefix: 'arXiv', set, from: state.from });
  return `${oaiUrl}?${params.toString()}`;
}

function stateKey(set: string): string {
  return `oai_harvest:${set}`;
}

function readState(context: Context, set: string): HarvestState | undefined {
  const raw = getMeta(context.db, stateKey(set));
  return raw === undefined ? undefined : (JSON.parse(raw) as HarvestState);
}

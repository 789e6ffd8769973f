// OAI-PMH bulk load against a fake arXiv: three sets, resumptionToken paging, resume after a failure.
import { afterEach, describe, expect, it } from 'vitest';
import { harvestOai } from '../../src/jobs/oai-harvest.ts';
import { createFakeOai, replyStatus } from '../support/fake-arxiv.ts';
import { createArxivWorld, storedDays, type ArxivWorld } from './world.ts';

let world: ArxivWorld;
afterEach(async () => world?.dispose());

const countPapers = (w: ArxivWorld) =>
  (w.context.db.prepare('SELECT count(*) AS n FROM papers').get() as { n: number }).n;
const asked = (q: URLSearchParams) => Object.fromEntries(q.entries());

describe('harvestOai', () => {
  it('harvests cs:cs:LG, cs:cs:NE and stat:stat:ML from a day, following resumptionToken, papers unannounced', async () => {
    world = await createArxivWorld('2026-04-30T12:00:00Z');
    const oai = createFakeOai({ pages: 2 });
    world.arxiv.on('/oai', oai.reply);
    const result = await harvestOai(world.context, world.http, { from: '2026-01-05' });
    expect(oai.queries.map(asked)).toEqual([
      { verb: 'ListRecords', metadataPrefix: 'arXiv', set: 'cs:cs:LG', from: '2026-01-05' },
      { verb: 'ListRecords', resumptionToken: 'cs:cs:LG|2' },
      { verb: 'ListRecords', metadataPrefix: 'arXiv', set: 'cs:cs:NE', from: '2026-01-05' },
      { verb: 'ListRecords', resumptionToken: 'cs:cs:NE|2' },
      { verb: 'ListRecords', metadataPrefix: 'arXiv', set: 'stat:stat:ML', from: '2026-01-05' },
      { verb: 'ListRecords', resumptionToken: 'stat:stat:ML|2' },
    ]);
    expect(result).toEqual({ requests: 6, papers: 18, skipped: [] });
    expect(countPapers(world)).toBe(18);
    expect(storedDays(world)).toEqual([]);
    // Done sets are not harvested again from the same day.
    const again = await harvestOai(world.context, world.http, { from: '2026-01-05' });
    expect(again).toEqual({ requests: 0, papers: 0, skipped: ['cs:cs:LG', 'cs:cs:NE', 'stat:stat:ML'] });
  });

  it('resumes an interrupted harvest from the saved token', async () => {
    world = await createArxivWorld('2026-04-30T12:00:00Z');
    const oai = createFakeOai({ pages: 3 });
    let calls = 0;
    world.arxiv.on('/oai', (req, res) =>
      ++calls === 2 ? replyStatus(400, { body: 'down' })(req, res) : oai.reply(req, res),
    );
    await expect(harvestOai(world.context, world.http, { from: '2026-01-05', sets: ['cs:cs:LG'] })).rejects.toThrow();
    const result = await harvestOai(world.context, world.http, { from: '2026-01-05', sets: ['cs:cs:LG'] });
    expect(oai.queries.slice(1).map(asked)).toEqual([
      { verb: 'ListRecords', resumptionToken: 'cs:cs:LG|2' },
      { verb: 'ListRecords', resumptionToken: 'cs:cs:LG|3' },
    ]);
    expect(result.papers).toBe(6);
    expect(countPapers(world)).toBe(9);
  });

  it('starts a set again when its saved token has expired', async () => {
    world = await createArxivWorld('2026-04-30T12:00:00Z');
    let calls = 0;
    const oai = createFakeOai({ pages: 2 });
    world.arxiv.on('/oai', (req, res) =>
      ++calls === 2 ? replyStatus(400, { body: 'down' })(req, res) : oai.reply(req, res),
    );
    await expect(harvestOai(world.context, world.http, { from: '2026-01-05', sets: ['cs:cs:LG'] })).rejects.toThrow();
    const expired = createFakeOai({ pages: 2, badTokens: true });
    world.arxiv.on('/oai', expired.reply);
    await expect(harvestOai(world.context, world.http, { from: '2026-01-05', sets: ['cs:cs:LG'] })).rejects.toThrow(
      /badResumptionToken/,
    );
    expect(expired.queries.map(asked)).toEqual([
      { verb: 'ListRecords', resumptionToken: 'cs:cs:LG|2' },
      { verb: 'ListRecords', metadataPrefix: 'arXiv', set: 'cs:cs:LG', from: '2026-01-05' },
      { verb: 'ListRecords', resumptionToken: 'cs:cs:LG|2' },
    ]);
  });
});

import { describe, expect, it } from 'vitest';
import { isArxivUrl, parseArxivId, readIdMonth } from '../../src/fetcher/ids.ts';

describe('parseArxivId reads an id wherever arXiv writes one', () => {
  it.each([
    ['2611.01234v2', '2611.01234', 2],
    ['2611.01234', '2611.01234', null],
    ['0704.0001', '0704.0001', null],
    ['1412.9999v12', '1412.9999', 12],
    ['1501.00001v1', '1501.00001', 1],
    ['math/0601001v1', 'math/0601001', 1],
    ['math.CA/0611800v2', 'math/0611800', 2],
    ['cond-mat/0702661', 'cond-mat/0702661', null],
    ['hep-th/9108001', 'hep-th/9108001', null],
    ['physics.acc-ph/0601001', 'physics/0601001', null],
    ['http://arxiv.org/abs/2401.12345v3', '2401.12345', 3],
    ['https://arxiv.org/abs/astro-ph/0601001v1', 'astro-ph/0601001', 1],
    ['https://export.arxiv.org/abs/2401.12345', '2401.12345', null],
    ['https://arxiv.org/pdf/2401.12345v1', '2401.12345', 1],
    ['oai:arXiv.org:2401.12345v3', '2401.12345', 3],
    ['oai:arXiv.org:math/0601001', 'math/0601001', null],
    ['arXiv:2604.21952v1', '2604.21952', 1],
    ['  2604.21952v1\n', '2604.21952', 1],
  ])('%s -> %s v%s', (raw, id, version) => {
    expect(parseArxivId(raw)).toEqual({ id, version });
  });

  it.each([
    ['0808.05394', '5 digits before 1501'],
    ['1501.0001', '4 digits from 1501'],
    ['2613.01234', 'month 13'],
    ['2600.01234', 'month 00'],
    ['0000.0000', 'month 00'],
    ['0612.1234', 'new style before April 2007'],
    ['2401.12345v0', 'version 0'],
    ['2401.12345v', 'empty version'],
    ['2401.123456', 'six digits'],
    ['abc', 'no id at all'],
    ['', 'empty'],
    ['math/0613001', 'month 13, old style'],
    ['math/0704001', 'old style after March 2007'],
    ['hep-th/9101001', 'old style before August 1991'],
    ['math/060100', 'six digits old style'],
    ['Math/0601001', 'capitalised archive'],
    ['http://example.org/abs/2401.12345', 'another host'],
    ['https://arxiv.org/api/errors#incorrect_id_format_for_abc', 'the API error id'],
  ])('refuses %s (%s)', (raw) => {
    expect(parseArxivId(raw)).toBeUndefined();
  });
});

describe('parseArxivId reads the pages a reader pastes', () => {
  it.each([
    ['arxiv.org/abs/2401.12345v2', '2401.12345', 2],
    ['https://arxiv.org/pdf/2401.12345v1.pdf', '2401.12345', 1],
    ['https://arxiv.org/html/2401.12345v3', '2401.12345', 3],
    ['https://www.arxiv.org/abs/hep-th/9901001', 'hep-th/9901001', null],
  ])('%s', (raw, id, version) => {
    expect(parseArxivId(raw)).toEqual({ id, version });
  });
});

describe('isArxivUrl', () => {
  it('accepts arxiv.org and its subdomains only', () => {
    expect(isArxivUrl('http://rss.arxiv.org/rss/cs.LG')).toBe(true);
    expect(isArxivUrl('https://arxiv.org/api/x191cA4')).toBe(true);
    expect(isArxivUrl('http://arxiv.org/')).toBe(true);
    expect(isArxivUrl('https://arxiv.org.evil.example/')).toBe(false);
    expect(isArxivUrl('https://notarxiv.org/')).toBe(false);
    expect(isArxivUrl(undefined)).toBe(false);
  });
});

describe('readIdMonth', () => {
  it.each([
    ['2410.02743', { year: 2024, month: 10 }],
    ['arXiv:0704.0001v3', { year: 2007, month: 4 }],
    ['quant-ph/0202016', { year: 2002, month: 2 }],
    ['hep-th/9108001v1', { year: 1991, month: 8 }],
    ['math.CA/0611800', { year: 2006, month: 11 }],
  ])('dates %s by its first version', (id, month) => {
    expect(readIdMonth(id)).toEqual(month);
  });

  it('dates nothing that is not an id', () => {
    expect(readIdMonth('2613.01234')).toBeUndefined();
    expect(readIdMonth('nope')).toBeUndefined();
  });
});

import { describe, expect, it } from 'vitest';
import { buildAuthorName, extractLinkedNames, splitCreators } from '../../src/fetcher/names.ts';

describe('splitCreators reads the RSS dc:creator string', () => {
  it.each([
    ['Blessed Madukoma, Prasenjit Mitra', ['Blessed Madukoma', 'Prasenjit Mitra']],
    ['Alice Smith (MIT, CSAIL), Bob Jones', ['Alice Smith', 'Bob Jones']],
    ['Alice Smith (Dept. of X (CS), MIT), Bob Jones (ETH)', ['Alice Smith', 'Bob Jones']],
    ['John Smith, Jr., Jane Doe', ['John Smith Jr.', 'Jane Doe']],
    ['John Smith, Jr, Jane Doe, Sr.', ['John Smith Jr', 'Jane Doe Sr.']],
    ['Henry Ford, III, Bo Li, IV', ['Henry Ford III', 'Bo Li IV']],
    ['A. One, B. Two and C. Three', ['A. One', 'B. Two', 'C. Three']],
    ['A. One and B. Two', ['A. One', 'B. Two']],
    ['A. One, B. Two, and C. Three', ['A. One', 'B. Two', 'C. Three']],
    ['  Ann\n   Lee ,\tBo   Wu  ', ['Ann Lee', 'Bo Wu']],
    ["V\\'ictor M. Guti\\'errez, Zolt\\'an", ["V\\'ictor M. Guti\\'errez", "Zolt\\'an"]],
    ['Ferdaous Chaabane, Dirk Wübben', ['Ferdaous Chaabane', 'Dirk Wübben']],
    ['', []],
    ['Solo Author', ['Solo Author']],
  ])('%j', (raw, names) => {
    expect(splitCreators(raw)).toEqual(names);
  });

  it('still splits names when a parenthesis is left open', () => {
    expect(splitCreators('Alice Smith (MIT, Bob Jones')).toEqual(['Alice Smith MIT', 'Bob Jones']);
  });
});

describe('buildAuthorName joins OAI name parts', () => {
  it('writes "Forenames Keyname Suffix"', () => {
    expect(buildAuthorName({ keyname: 'Heath', forenames: 'Robert W.', suffix: 'Jr' })).toBe('Robert W. Heath Jr');
    expect(buildAuthorName({ keyname: "O'Donnell", forenames: 'D.' })).toBe("D. O'Donnell");
  });

  it('keeps a collaboration that has only a keyname', () => {
    expect(buildAuthorName({ keyname: 'ATLAS Collaboration' })).toBe('ATLAS Collaboration');
  });
});

describe('extractLinkedNames reads the legacy RDF creator links', () => {
  it('takes the text of each link and drops "et al." and the hidden-author count', () => {
    const html =
      ' <a href="http://arxiv.org/find/hep-ex/1/au:+collaboration_LHCb/0/1/0/all/0/1">LHCb collaboration</a>: <a href="http://arxiv.org/find/hep-ex/1/au:+Aaij_R/0/1/0/all/0/1">R. Aaij</a>, et al. (909 additional authors not shown)';
    expect(extractLinkedNames(html)).toEqual(['LHCb collaboration', 'R. Aaij']);
  });

  it('decodes HTML entities inside a link', () => {
    expect(extractLinkedNames('<a href="x">Jos&#xe9; P&amp;rez</a>')).toEqual(['José P&rez']);
  });

  it('falls back to the comma-separated reading when there are no links', () => {
    expect(extractLinkedNames('Ann Lee, Bo Wu, et al. (12 additional authors not shown)')).toEqual([
      'Ann Lee',
      'Bo Wu',
    ]);
  });
});

import { describe, expect, it } from 'vitest';
import { listSplits, normalizeName } from '../../src/curate/names.ts';
import { foldToAscii } from '../../src/text/fold.ts';
import { decodeTexText } from '../../src/text/tex.ts';

const fold = (raw: string) => {
  const { given, surname } = normalizeName(raw);
  return { given, surname };
};

describe('TeX in names folds to plain letters', () => {
  it.each([
    ["G\\'abor", 'Gabor'],
    ["G{\\'a}bor", 'Gabor'],
    ["G\\'{a}bor", 'Gabor'],
    ['M{\\"o}ller', 'Moller'],
    ['M\\"{o}ller', 'Moller'],
    ['Milo\\v{s}', 'Milos'],
    ['Fran\\c{c}ois', 'Francois'],
    ['Fran\\c cois', 'Francois'],
    ['Stra\\ss e', 'Strasse'],
    ['J{\\o}rgensen', 'Jorgensen'],
    ['\\L{}ukasz', 'Lukasz'],
    ['\\l ukasz', 'lukasz'],
    ['Erd\\H{o}s', 'Erdos'],
    ["Mart\\'{\\i}n", 'Martin'],
    ['Yoshua~Bengio', 'Yoshua Bengio'],
  ])('%s -> %s', (tex, plain) => expect(foldToAscii(decodeTexText(tex))).toBe(plain.toLowerCase()));
});

describe('foldToAscii', () => {
  it('drops combining marks and folds letters NFKD leaves whole', () => {
    expect(foldToAscii('Gábor Csányi')).toBe('gabor csanyi');
    expect(foldToAscii('Kavukçuoğlu')).toBe('kavukcuoglu');
    expect(foldToAscii('Łukasz Jørgensen Straße Æsir')).toBe('lukasz jorgensen strasse aesir');
    expect(foldToAscii('Ga\u0301bor')).toBe('gabor');
  });
});

describe('normalizeName', () => {
  it.each([
    ['Yoshua Bengio', ['yoshua'], 'bengio'],
    ['Y. Bengio', ['y'], 'bengio'],
    ['Y.-W. Teh', ['y', 'w'], 'teh'],
    ['G.E. Hinton', ['g', 'e'], 'hinton'],
    ['Th. Hofmann', ['t'], 'hofmann'],
    ['YANN LECUN', ['yann'], 'lecun'],
    ['Yann Le Cun', ['yann'], 'lecun'],
    ['Laurens van der Maaten', ['laurens'], 'vandermaaten'],
    ['Quoc V. Le', ['quoc', 'v'], 'le'],
    ['Jascha Sohl-Dickstein', ['jascha'], 'sohldickstein'],
    ['Pieter-Jan Kindermans', ['pieterjan'], 'kindermans'],
    ['LeCun, Yann', ['yann'], 'lecun'],
    ['Hinton, Geoffrey E.', ['geoffrey', 'e'], 'hinton'],
    ['Martin Luther King, Jr.', ['martin', 'luther'], 'king'],
    ['John Smith III', ['john'], 'smith'],
    ['King Jr., Martin', ['martin'], 'king'],
    ['Yoshua Bengio (Mila, Université de Montréal)', ['yoshua'], 'bengio'],
    ['Yoshua Bengio [Mila]', ['yoshua'], 'bengio'],
    ["Marc'Aurelio Ranzato", ['marcaurelio'], 'ranzato'],
    ['  Yoshua \n\t Bengio  ', ['yoshua'], 'bengio'],
    ['Yoshua Bengio$^{1,2}$', ['yoshua'], 'bengio'],
  ])('%s', (raw, given, surname) => expect(fold(raw)).toEqual({ given, surname }));

  it('gives one key for a whole name however it is split', () => {
    expect(normalizeName('Sohl Dickstein, Jascha').key).toBe(normalizeName('Jascha Sohl-Dickstein').key);
    expect(normalizeName('Yann Le Cun').key).toBe(normalizeName('LeCun, Yann').key);
  });
});

describe('listSplits', () => {
  const splits = (raw: string) => listSplits(normalizeName(raw));

  it('tries one, two and three trailing words as the surname', () => {
    expect(splits('Yann Le Cun')).toEqual([
      { surname: 'cun', given: ['yann', 'le'] },
      { surname: 'lecun', given: ['yann'] },
    ]);
    expect(splits('Jascha Sohl Dickstein').map((s) => s.surname)).toEqual(['dickstein', 'sohldickstein']);
  });

  it('never takes an initial into the surname, nor leaves no given name', () => {
    expect(splits('Quoc V. Le')).toEqual([{ surname: 'le', given: ['quoc', 'v'] }]);
    expect(splits('Bengio')).toEqual([]);
    expect(splits('Quoc Tran-Dinh')).toEqual([{ surname: 'trandinh', given: ['quoc'] }]);
  });
});

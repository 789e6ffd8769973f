// Letter folding, the one table of it: the letters Unicode gives no decomposition (ø, ł, ß), which
// neither NFKD nor SQLite's `remove_diacritics 2` turns into plain letters, so "Soren" finds
// S{\o}ren in search and the authors' list matches "Lukasz" to Łukasz. Pure.

// Each becomes one code unit, so folded text lines up with the text it came from (the search's
// highlighter relies on it).
const ONE_FOR_ONE: Readonly<Record<string, string>> = {
  ø: 'o',
  Ø: 'O',
  ł: 'l',
  Ł: 'L',
  đ: 'd',
  Đ: 'D',
  ð: 'd',
  Ð: 'D',
  ħ: 'h',
  Ħ: 'H',
  ı: 'i',
  ŧ: 't',
  Ŧ: 'T',
  ȷ: 'j',
  ŀ: 'l',
  Ŀ: 'L',
};
const ONE_FOR_ONE_LETTERS = new RegExp(`[${Object.keys(ONE_FOR_ONE).join('')}]`, 'g');
// Spelled with two letters where length need not be kept (names, the ranking's words); lower case.
const TWO_LETTERS: Readonly<Record<string, string>> = { ß: 'ss', æ: 'ae', œ: 'oe', þ: 'th', ŋ: 'ng' };
const TWO_LETTER_LETTERS = new RegExp(`[${Object.keys(TWO_LETTERS).join('')}]`, 'g');

/** Folds the letters without a decomposition, one code unit for one, keeping their case (`Søren` -> `Soren`). */
export function foldLetters(text: string): string {
  return text.replace(ONE_FOR_ONE_LETTERS, (letter) => ONE_FOR_ONE[letter]!);
}

/** Unicode to lower-case ASCII letters: NFKD, combining marks dropped, then the letters above (`Gábor` -> `gabor`). */
export function foldToAscii(text: string): string {
  return foldLetters(text.normalize('NFKD').replace(/\p{M}/gu, '').toLowerCase()).replace(
    TWO_LETTER_LETTERS,
    (letter) => TWO_LETTERS[letter]!,
  );
}

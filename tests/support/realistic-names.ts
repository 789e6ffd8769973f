// Name tables for the realistic day: starred authors as they sign on arXiv, namesakes that
// must not match, TeX-accented names, and the conversion of real Unicode names to TeX.

/** A TeX accent or special letter as arXiv metadata writes them (`G\'abor`, `S{\o}ren`, `\ss`). */
export const TEX_ACCENT = /\\['"`^~=.uvHckrdbt]|\{\\[oOlL]\}|\\[oOlL]\b|\\ss/;

/**
 * Starred authors of config/authors.json in the forms arXiv shows: canonical, initials,
 * middle initials, TeX accents, configured variants. Cycled when more papers are starred.
 */
export const STARRED_FORMS: readonly string[] = [
  'Yoshua Bengio',
  'Geoffrey E. Hinton',
  "G\\'abor Melis",
  'Yann LeCun',
  'Y. Bengio',
  'Pieter Abbeel',
  'Oriol Vinyals',
  'Jascha Sohl-Dickstein',
  'Ian J. Goodfellow',
  'Koray Kavukcuoglu',
  'David K. Duvenaud',
  'Andrej Karpathy',
  'Jason Yosinski',
  'Adam Santoro',
  'Yann Le Cun',
  'Gabor Melis',
];

/** A second starred author on one paper (they did write together), so one paper carries two stars. */
export const CO_STARRED = { with: 'Oriol Vinyals', add: 'Quoc V. Le' } as const;

/** Real people who share a surname or given name with a starred author; none may be flagged. */
export const NAMESAKES: readonly string[] = [
  'Samy Bengio',
  'Emmanuel Bengio',
  'Hao Li',
  'Yann Dauphin',
  'Ian Osband',
  'Hoang M. Le',
];

/** The Horv\'ath papers search tests look for: two by Samuel (one with his advisor), one by Tam\'as. */
export const HORVATH_AUTHORS: readonly (readonly string[])[] = [
  ["Samuel Horv\\'ath", "P\\'eter Richt\\'arik"],
  ["Samuel Horv\\'ath"],
  ["Tam\\'as Horv\\'ath"],
];

/** Well-known machine-learning authors whose names carry accents, written as on arXiv. */
export const ACCENTED_ML_AUTHORS: readonly string[] = [
  'Bernhard Sch\\"olkopf',
  "Tom\\'a\\v{s} Ko\\v{c}isk\\'y",
  'S{\\o}ren Hauberg',
  'J\\"urgen Schmidhuber',
  "Aur\\'elien Lucchi",
  'Fran\\c{c}ois Fleuret',
  'Micha{\\l} Valko',
  "\\'Alvaro Peris",
  "Csaba Szepesv\\'ari",
  'Gerg\\H{o} Neu',
  "R\\'emi Munos",
  'Ga\\"el Varoquaux',
  '{\\L}ukasz Kaiser',
  'Nicol\\`o Cesa-Bianchi',
];

// Unicode letters met in the OAI author names, in arXiv's TeX spelling.
const TEX_SPELLING: Readonly<Record<string, string>> = {
  á: "\\'a",
  é: "\\'e",
  í: "\\'i",
  ó: "\\'o",
  ú: "\\'u",
  ý: "\\'y",
  ć: "\\'c",
  Á: "\\'A",
  É: "\\'E",
  à: '\\`a',
  è: '\\`e',
  ò: '\\`o',
  â: '\\^a',
  ê: '\\^e',
  î: '\\^i',
  ô: '\\^o',
  ä: '\\"a',
  ë: '\\"e',
  ï: '\\"i',
  ö: '\\"o',
  ü: '\\"u',
  ÿ: '\\"y',
  Ö: '\\"O',
  Ü: '\\"U',
  ã: '\\~a',
  ñ: '\\~n',
  õ: '\\~o',
  ç: '\\c{c}',
  š: '\\v{s}',
  Š: '\\v{S}',
  ž: '\\v{z}',
  Ž: '\\v{Z}',
  ř: '\\v{r}',
  ň: '\\v{n}',
  č: '\\v{c}',
  ě: '\\v{e}',
  ø: '{\\o}',
  Ø: '{\\O}',
  ł: '{\\l}',
  å: '\\r{a}',
  ß: '{\\ss}',
};

/** `Lenka Zdeborová` -> `Lenka Zdeborov\'a`; undefined when a letter has no entry above. */
export function toTexAccents(name: string): string | undefined {
  let out = '';
  for (const ch of name.normalize('NFC')) {
    if (ch.charCodeAt(0) < 128) out += ch;
    else if (TEX_SPELLING[ch] !== undefined) out += TEX_SPELLING[ch];
    else return undefined;
  }
  return out;
}

/**
 * The name as the RSS feed gives it back: `dc:creator` is one comma-separated string, so
 * `Robert W. Heath, Jr.` comes back as `Robert W. Heath Jr.` (src/fetcher/names.ts).
 */
export function tidyName(name: string): string {
  return name.replace(/,\s*(Jr\.?|Sr\.?|II|III|IV)$/i, ' $1');
}

/** Names a generated author list must not draw: they would add stars, namesakes or accents. */
export function isReservedName(name: string): boolean {
  return TEX_ACCENT.test(name) || /Bengio|Hinton|Graves|Quoc|LeCun|Le Cun|Melis|Horv/.test(name);
}

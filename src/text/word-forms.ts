// The forms of a word a search or a watch also finds: its plural, its -s, -ed and -ing forms, and
// the -ic adjective and -ics noun it makes (robot: robots, robotic, robotics), when Snowball's
// English stemmer (Porter2, through wink-porter2-stemmer) agrees they are one word. A stemmer
// alone would also join derivations that are other words (transformer, transform, transformation
// share a stem); spelling rules alone would join unrelated words (new and news, top and topic).
// Together: "transformer" finds "Transformers" and not "Fourier transform". The index holds words
// as written, so these forms are looked up as they are (search-match.ts). Pure.
import stem from 'wink-porter2-stemmer';

// The endings a form may add to its base, spelled as English spells them: -es after a sibilant,
// -e dropped and -y turned to -i before an ending, a last consonant doubled after one short vowel
// (use/using, study/studies, plan/planned, model/modelling).
const ENDINGS = ['s', 'es', 'ed', 'd', 'ing', 'ic', 'ics'];
const SIBILANT = /(?:s|x|z|ch|sh)$/;
const SHORT_VOWEL_CONSONANT = /[^aeiou][aeiou][^aeiouwxy]$/;
const CONSONANT_Y = /[^aeiou]y$/;
/** Words of fewer letters are found as written. */
const SHORTEST = 3;
/** Forms kept in memory: queries repeat their words (a watch runs on every day), texts never reach here. */
const REMEMBERED = 4096;
const remembered = new Map<string, readonly string[]>();

/** The word and its other forms, the word first; a word with anything but a-z is only itself. */
export function wordForms(word: string): readonly string[] {
  let forms = remembered.get(word);
  if (forms === undefined) {
    forms = findForms(word);
    if (remembered.size >= REMEMBERED) remembered.clear();
    remembered.set(word, forms);
  }
  return forms;
}

function findForms(word: string): readonly string[] {
  if (word.length < SHORTEST || !/^[a-z]+$/.test(word)) return [word];
  const target = stem(word);
  const forms = new Set([word]);
  for (const base of basesOf(word))
    for (const form of inflect(base)) if (form.length >= SHORTEST && stem(form) === target) forms.add(form);
  return [...forms];
}

/** The word, and what it would be without each ending (-ies and -ied back to -y, a doubled consonant single). */
function basesOf(word: string): string[] {
  const bases = [word];
  for (const ending of ['ies', 'ied']) if (word.endsWith(ending)) bases.push(`${word.slice(0, -3)}y`);
  for (const ending of ENDINGS) {
    if (!word.endsWith(ending) || word.length - ending.length < 2) continue;
    const base = word.slice(0, -ending.length);
    bases.push(base, `${base}e`);
    if (base.at(-1) === base.at(-2)) bases.push(base.slice(0, -1));
  }
  return bases;
}

/** A base with each ending. */
function inflect(base: string): string[] {
  if (base.endsWith('e')) {
    const stemmed = base.slice(0, -1);
    return [base, `${base}s`, `${base}d`, `${stemmed}ing`, `${stemmed}ic`, `${stemmed}ics`];
  }
  if (CONSONANT_Y.test(base)) {
    const stemmed = base.slice(0, -1);
    return [base, `${stemmed}ies`, `${stemmed}ied`, `${base}ing`, `${stemmed}ic`, `${stemmed}ics`];
  }
  const double = SHORT_VOWEL_CONSONANT.test(base) ? base.at(-1)! : '';
  return [
    base,
    SIBILANT.test(base) ? `${base}es` : `${base}s`,
    `${base}ed`,
    `${base}ing`,
    ...(double === '' ? [] : [`${base}${double}ed`, `${base}${double}ing`]),
    `${base}ic`,
    `${base}ics`,
  ];
}

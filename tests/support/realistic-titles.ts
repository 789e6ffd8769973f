// TeX in the realistic day's titles: the records' own TeX titles, then real titles with
// TeX fragments added, one of them with `<` and one with a formula no renderer can parse.
import type { PaperRecord } from '../../src/types.ts';
import { TEX_TITLE_FORMS, brokenFormulaTitle, lessThanTitle } from './realistic-text.ts';
import type { Random } from './seeded-random.ts';

/** Rewrites titles in place so that exactly `target` titles contain `$`. */
export function dressTitles(papers: readonly PaperRecord[], target: number, random: Random): void {
  const real = papers.filter((p) => p.title.includes('$')).length;
  // Titles with markup of their own (`&`, `<br>`) stay as they are, so each hard case stays
  // countable; so do the French ones with TeX accents, which no cs.LG author would extend in English.
  const plain = random.shuffle(papers.filter((p) => !/[$<&\\]/.test(p.title)));
  const forms = [brokenFormulaTitle, lessThanTitle, ...random.shuffle(TEX_TITLE_FORMS)];
  const added = target - real;
  if (added < 2 || plain.length < added)
    throw new RangeError(`cannot make ${target} TeX titles from ${real} real ones`);
  for (let k = 0; k < added; k++) {
    const paper = plain[k]!;
    // Forms are reused only past 45 added titles, i.e. never at the default numbers.
    paper.title = forms[k < forms.length ? k : 2 + ((k - 2) % TEX_TITLE_FORMS.length)]!(paper.title);
  }
}

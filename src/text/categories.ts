// arXiv's categories (https://arxiv.org/category_taxonomy): the one check of their shape, used for
// every category read (settings, URLs, feeds, queries), and the one list of the archives arXiv has,
// which tells a category typed in a query (`cs.CV`) from a word. Pure.

// An archive, then optionally a dot and its subject class: cs.LG, stat.ML, hep-th, cond-mat.stat-mech.
const CATEGORY = /^[a-z-]+(?:\.[A-Za-z-]+)?$/;

/** The archives whose categories carry a subject class (`cs.CV`, `physics.optics`). */
export const ARCHIVES_WITH_CLASSES = [
  'cs',
  'math',
  'stat',
  'physics',
  'q-bio',
  'q-fin',
  'econ',
  'eess',
  'astro-ph',
  'cond-mat',
  'nlin',
] as const;
/** The archives that are a category by themselves. */
export const ARCHIVES_WITHOUT_CLASSES = [
  'quant-ph',
  'gr-qc',
  'hep-th',
  'hep-ph',
  'hep-ex',
  'hep-lat',
  'math-ph',
  'nucl-th',
  'nucl-ex',
] as const;

const KNOWN_CATEGORY = new RegExp(
  `^(?:(?:${ARCHIVES_WITH_CLASSES.join('|')})\\.[A-Za-z]{2}(?:-[A-Za-z]{2,})?|${ARCHIVES_WITHOUT_CLASSES.join('|')})$`,
  'i',
);

/** True for a name in arXiv's category syntax (archive, optional dot and subject class). */
export function isCategory(name: string): boolean {
  return CATEGORY.test(name);
}

/** True for a category of one of the archives above, in any letter case (`cs.cv` too): a query's category. */
export function isKnownCategory(name: string): boolean {
  return KNOWN_CATEGORY.test(name);
}

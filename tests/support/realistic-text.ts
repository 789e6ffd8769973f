// Text of the realistic day: abstracts brought into today's length range from real ones,
// and TeX math put into real titles.
import type { Random } from './seeded-random.ts';

/** Abstracts in today's cs.LG listings run about 1,000 to 1,800 characters; the 2016 records are shorter. */
export const ABSTRACT_MIN = 1000;
export const ABSTRACT_MAX = 1800;

// A sentence ends at . ! or ? followed by space and a capital, a formula or a bracket.
const SENTENCE_BREAK = /(?<=[.!?])\s+(?=[A-Z$\\([])/;

export function splitSentences(text: string): string[] {
  return text.split(SENTENCE_BREAK).filter((s) => s !== '');
}

// An odd number of unescaped `$` would leave a formula open in the abstract it is moved into.
const closesItsMath = (sentence: string): boolean => (sentence.match(/(?<!\\)\$/g) ?? []).length % 2 === 0;

/** Real sentences handed out in order, round and round, to lengthen short abstracts. */
export interface SentenceStream {
  next(): string;
  size: number;
}

export function createSentenceStream(texts: readonly string[]): SentenceStream {
  const sentences = texts.flatMap(splitSentences).filter(closesItsMath);
  let at = 0;
  return { next: () => sentences[at++ % sentences.length]!, size: sentences.length };
}

// Below this many sentences a field's stream would hand the same few sentences to every paper.
const MIN_FIELD_SENTENCES = 40;

/**
 * Filler sentences for a paper: first from abstracts of the same primary category (a
 * cs.IT abstract continued by cs.IT sentences reads far better than by a database one),
 * then from all of them. `abstracts` in the order to use them up: the records not in the day first.
 */
export function createFiller(
  records: readonly { abstract: string; categories: readonly string[] }[],
): (category: string | undefined) => SentenceStream[] {
  const all = createSentenceStream(records.map((r) => r.abstract));
  const byField = new Map<string, SentenceStream>();
  for (const field of new Set(records.map((r) => r.categories[0] ?? ''))) {
    const stream = createSentenceStream(
      records.filter((r) => (r.categories[0] ?? '') === field).map((r) => r.abstract),
    );
    if (stream.size >= MIN_FIELD_SENTENCES) byField.set(field, stream);
  }
  return (category) => {
    const field = byField.get(category ?? '');
    return field ? [field, all] : [all];
  };
}

/**
 * An abstract of ABSTRACT_MIN..ABSTRACT_MAX characters made of real text. In range: kept.
 * Too long: its last sentences dropped. Too short (most 2016 abstracts): the real abstract
 * followed by real sentences of other abstracts up to a drawn target length; the 1,538 real
 * records hold only about 460 abstracts already in range, too few for a 1,310-paper day.
 */
export function fitAbstract(own: string, filler: readonly SentenceStream[], random: Random): string {
  if (own.length >= ABSTRACT_MIN && own.length <= ABSTRACT_MAX) return own;
  let text = own.length > ABSTRACT_MAX ? trimToMax(own) : own;
  const target = Math.max(text.length, random.int(ABSTRACT_MIN, ABSTRACT_MIN + 450));
  for (const stream of filler) {
    // Bounded: a stream whose sentences are all too long or already used is left for the next.
    for (let tries = 0; text.length < target && tries < 2 * stream.size; tries++) {
      const sentence = stream.next();
      if (text.includes(sentence) || text.length + 1 + sentence.length > ABSTRACT_MAX) continue;
      text = `${text} ${sentence}`;
    }
  }
  if (text.length < ABSTRACT_MIN || text.length > ABSTRACT_MAX)
    throw new Error(`could not fit abstract: ${own.slice(0, 60)}`);
  return text;
}

function trimToMax(text: string): string {
  const sentences = splitSentences(text);
  while (sentences.length > 1 && sentences.join(' ').length > ABSTRACT_MAX) sentences.pop();
  return sentences.join(' ');
}

/**
 * TeX fragments as they appear in cs.LG / stat.ML titles, attached to a real title. The
 * titles that have TeX of their own in the records come first; these complete the count.
 */
export const TEX_TITLE_FORMS: readonly ((title: string) => string)[] = [
  (t) => `${t} in $\\mathbb{R}^d$`,
  (t) => `${t} in $O(n \\log n)$ Time`,
  (t) => `${t} with $\\tilde{O}(\\sqrt{T})$ Regret`,
  (t) => `${t} under $\\ell_1$ Constraints`,
  (t) => `$k$-means Clustering for ${t}`,
  (t) => `${t} with $\\epsilon$-greedy Exploration`,
  (t) => `${t} in $L^2$`,
  (t) => `${t} for $\\alpha$-stable Noise`,
  (t) => `${t} at Rate $\\mathcal{O}(1/\\sqrt{n})$`,
  (t) => `${t} with $\\ell_2$ Regularization`,
  (t) => `${t}: an $O(\\log^2 n)$ Approximation`,
  (t) => `${t} for $k$-Nearest Neighbours`,
  (t) => `${t} under $(\\epsilon, \\delta)$-Differential Privacy`,
  (t) => `Sample Complexity of ${t} in $\\mathbb{R}^d$`,
  (t) => `${t} over $\\mathrm{GF}(2^m)$`,
  (t) => `${t} in $W^{1,p}$ Sobolev Spaces`,
  (t) => `${t} via $\\chi^2$ Divergence`,
  (t) => `${t} with $\\lambda$-Returns`,
  (t) => `${t} on the Sphere $\\mathcal{S}^{d-1}$`,
  (t) => `${t} for $\\ell_\\infty$-bounded Perturbations`,
  (t) => `${t} with $\\Omega(n^2)$ Lower Bounds`,
  (t) => `${t} on $\\mathrm{SO}(3)$`,
  (t) => `${t} using $f$-Divergences`,
  (t) => `${t} with $\\gamma$-discounted Rewards`,
  (t) => `${t} at $\\Theta(\\log T)$ Cost`,
  (t) => `$t$-SNE Embeddings for ${t}`,
  (t) => `${t} in $\\mathbb{C}^{n \\times n}$`,
  (t) => `${t}: a $(1+\\epsilon)$-Approximation`,
  (t) => `${t} with $\\mu$-strongly Convex Losses`,
  (t) => `${t} under $\\sigma$-sub-Gaussian Noise`,
  (t) => `${t} via $H_\\infty$ Control`,
  (t) => `${t} with $2^{-n}$ Error`,
  (t) => `${t} in a Reproducing Kernel Hilbert Space $\\mathcal{H}$`,
  (t) => `${t} for $n \\gg d$`,
  (t) => `${t} with $\\sqrt{n}$-consistent Estimators`,
  (t) => `${t} in $\\ell_p$ Norms, $1 \\le p \\le 2$`,
  (t) => `${t} with $O(1)$ Memory`,
  (t) => `${t} under $\\mathcal{N}(0, \\sigma^2)$ Noise`,
  (t) => `${t} for $d \\geq 3$`,
  (t) => `${t} via $\\mathrm{KL}(p \\| q)$ Minimisation`,
  (t) => `$\\beta$-VAE Priors for ${t}`,
  (t) => `${t} with $p$-values`,
  (t) => `${t} in $\\mathbb{Z}_p$`,
];

/** A formula with `<`, which a renderer must escape: `$n < m$`. */
export const lessThanTitle = (t: string): string => `${t} when $n < m$`;

/** The formula no TeX renderer accepts (an unclosed brace), so renderers must fall back to the source. */
export const BROKEN_FORMULA = '$\\frac{1}{\\sqrt{n}$';
export const brokenFormulaTitle = (t: string): string => `${t} at Rate ${BROKEN_FORMULA}`;

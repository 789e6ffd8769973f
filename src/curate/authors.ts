// Pure starred-author matching on whole tokens through a surname index: the surname
// must agree and the given names must be compatible. A false star is worse than none,
// so anything in doubt (a namesake, a bare initial on a common surname, two starred
// authors fitting one name) is no match, and `explain` says why.
import type { Confidence, StarredAuthor, StarredMatch } from '../types.ts';
import { listSplits, NAME_SUFFIXES, normalizeName, splitName, type NameSplit, type NormalizedName } from './names.ts';
import { isShortFormOf } from './short-names.ts';

/**
 * Surnames so common that "Q. Le" could be anyone: they need the full given name, or
 * all of at least two initials. Any surname of three letters or fewer counts as common.
 */
export const COMMON_SURNAMES: readonly string[] = [
  'le',
  'li',
  'lee',
  'wang',
  'zhang',
  'liu',
  'chen',
  'yang',
  'huang',
  'zhao',
  'zhou',
  'kim',
  'park',
  'nguyen',
  'tran',
  'pham',
  'singh',
  'kumar',
  'smith',
  'jones',
  'brown',
  'johnson',
  'williams',
  'miller',
  'muller',
  'garcia',
];
const SHORT_SURNAME = 3;

export interface MatcherOptions {
  commonSurnames?: readonly string[];
}

export interface Matcher {
  match: (name: string) => StarredMatch | undefined;
  explain: (name: string) => { match?: StarredMatch; rule: string };
}

/** One configured spelling (the canonical name or a variant) of a starred author. */
interface Form {
  author: StarredAuthor;
  variant?: string;
  surname: string;
  given: string[];
  notKeys: ReadonlySet<string>;
}

type Outcome =
  | { kind: 'match'; form: Form; confidence: Confidence; given: string[]; shortFor?: string }
  | { kind: 'ambiguous'; forms: Form[]; confidence: Confidence }
  | { kind: 'not'; form: Form }
  | { kind: 'common'; form: Form; given: string[] }
  | { kind: 'given'; form: Form; given: string[] }
  | { kind: 'none'; surname: string };

interface Index {
  forms: Map<string, Form[]>;
  /** Every suffix of every surname key: the last written word must be one, or nothing can match. */
  tails: Set<string>;
  common: ReadonlySet<string>;
}

export function createMatcher(authors: StarredAuthor[], options: MatcherOptions = {}): Matcher {
  const index = buildIndex(authors, options.commonSurnames ?? COMMON_SURNAMES);
  return {
    match(name) {
      if (rejectQuickly(index, name)) return undefined;
      return toMatch(evaluate(index, normalizeName(name)), name);
    },
    explain(name) {
      const outcome = evaluate(index, normalizeName(name));
      const match = toMatch(outcome, name);
      return match ? { match, rule: describe(outcome) } : { rule: describe(outcome) };
    },
  };
}

/** One match per starred author per paper; where several written names match one author, the exact one wins. */
export function matchAuthors(matcher: Pick<Matcher, 'match'>, authors: string[]): StarredMatch[] {
  const byAuthor = new Map<string, StarredMatch>();
  for (const name of authors) {
    const match = matcher.match(name);
    if (!match) continue;
    const seen = byAuthor.get(match.authorId);
    if (!seen || (seen.confidence === 'likely' && match.confidence === 'exact')) byAuthor.set(match.authorId, match);
  }
  return [...byAuthor.values()];
}

function buildIndex(authors: StarredAuthor[], commonSurnames: readonly string[]): Index {
  const index: Index = { forms: new Map(), tails: new Set(NAME_SUFFIXES), common: new Set(commonSurnames) };
  for (const author of authors) {
    const notKeys = new Set(author.not.map((name) => normalizeName(name).key));
    const spellings: [string, string | undefined][] = [
      [author.name, undefined],
      ...author.variants.map((v): [string, string] => [v, v]),
    ];
    for (const [spelling, variant] of spellings) {
      const { surname, given } = splitName(normalizeName(spelling).words);
      if (surname === '' || given.length === 0) continue;
      const forms = index.forms.get(surname) ?? [];
      forms.push({ author, variant, surname, given, notKeys });
      index.forms.set(surname, forms);
      for (let i = 0; i < surname.length - 1; i++) index.tails.add(surname.slice(i));
    }
  }
  return index;
}

/**
 * Fast path for the common case, a name whose last word is no starred surname: plain
 * string ops, no normalisation. Anything unusual (non-ASCII, TeX, punctuation in the
 * last word, "Last, First", an affiliation) takes the full path.
 */
function rejectQuickly(index: Index, name: string): boolean {
  let end = name.length;
  while (end > 0 && name.charCodeAt(end - 1) <= 32) end--;
  let start = end;
  for (; start > 0; start--) {
    const c = name.charCodeAt(start - 1) | 32; // ASCII lower case
    if (c === 32 || c < 97 || c > 122) break;
  }
  if (start > 0 && name.charCodeAt(start - 1) > 32) return false; // the last word is not plain letters
  for (let i = 0; i < start; i++) {
    const c = name.charCodeAt(i);
    if (c === 44 || c === 40 || c === 91) return false; // ',' '(' '['
  }
  return !index.tails.has(name.slice(start, end).toLowerCase());
}

function evaluate(index: Index, name: NormalizedName): Outcome {
  const splits = listSplits(name);
  let best: Outcome | undefined;
  for (const split of splits) {
    for (const form of index.forms.get(split.surname) ?? []) best = pickOutcome(best, judge(index, form, split, name));
  }
  return best ?? { kind: 'none', surname: splits[0]?.surname ?? '' };
}

function judge(index: Index, form: Form, split: NameSplit, name: NormalizedName): Outcome {
  if (form.notKeys.has(name.key)) return { kind: 'not', form };
  const agreement = compareGivenNames(split.given, form.given);
  if (!agreement) return { kind: 'given', form, given: split.given };
  const { confidence, shortFor } = agreement;
  const allInitials = split.given.length === form.given.length && form.given.length >= 2;
  if (
    confidence === 'likely' &&
    isCommon(index, form.surname) &&
    !allInitials &&
    !sameTokens(split.given, form.given)
  ) {
    return { kind: 'common', form, given: split.given };
  }
  // A listed spelling written out in full is exact even where it is only initials.
  const listed = form.variant !== undefined && sameTokens(split.given, form.given);
  const match = { kind: 'match' as const, form, confidence: listed ? 'exact' : confidence, given: split.given };
  return shortFor === undefined ? match : { ...match, shortFor };
}

/**
 * The first given names must agree (equal, or an initial of it); later written names
 * must agree, in order, with later configured ones, which may be missing from the
 * written name ("Geoffrey Hinton" fits "Geoffrey E. Hinton") but never extra.
 */
export function compareGiven(written: string[], configured: string[]): Confidence | undefined {
  return compareGivenNames(written, configured)?.confidence;
}

/**
 * As compareGiven; a first given name written as an established short form of the configured one
 * ("geoff" for "geoffrey", src/curate/short-names.ts) agrees too, as `likely`, and says so in `shortFor`.
 */
function compareGivenNames(
  written: string[],
  configured: string[],
): { confidence: Confidence; shortFor?: string } | undefined {
  const [first, ...rest] = written;
  const full = configured[0];
  if (first === undefined || full === undefined) return undefined;
  const short = !agrees(first, full, true) && first.length > 1 && isShortFormOf(first, full);
  if (!short && !agrees(first, full, true)) return undefined;
  let j = 1;
  for (const token of rest) {
    while (j < configured.length && !agrees(token, configured[j]!, false)) j++;
    if (j++ >= configured.length) return undefined;
  }
  if (short) return { confidence: 'likely', shortFor: full };
  return { confidence: first.length > 1 ? 'exact' : 'likely' };
}

function agrees(written: string, configured: string, first: boolean): boolean {
  if (written.length === 1) return configured[0] === written;
  // A configured middle initial admits the full name ("Geoffrey Everest Hinton"); a first initial cannot confirm one.
  if (configured.length === 1) return !first && written[0] === configured;
  return written === configured;
}

const sameTokens = (a: string[], b: string[]): boolean =>
  a.length === b.length && a.every((token, i) => token === b[i]);
const isCommon = (index: Index, surname: string): boolean =>
  surname.length <= SHORT_SURNAME || index.common.has(surname);

const RANK: Record<Outcome['kind'], number> = { match: 5, ambiguous: 5, not: 3, common: 2, given: 1, none: 0 };
const rankOf = (o: Outcome): number =>
  RANK[o.kind] + ((o.kind === 'match' || o.kind === 'ambiguous') && o.confidence === 'exact' ? 1 : 0);

function pickOutcome(best: Outcome | undefined, next: Outcome): Outcome {
  if (best === undefined || rankOf(next) > rankOf(best)) return next;
  if (
    rankOf(next) === rankOf(best) &&
    next.kind === 'match' &&
    best.kind === 'match' &&
    next.form.author.id !== best.form.author.id
  ) {
    return { kind: 'ambiguous', forms: [best.form, next.form], confidence: best.confidence };
  }
  return best;
}

function toMatch(outcome: Outcome, written: string): StarredMatch | undefined {
  if (outcome.kind !== 'match') return undefined;
  const { author } = outcome.form;
  return { authorId: author.id, name: author.name, as: written.trim(), confidence: outcome.confidence };
}

function describe(outcome: Outcome): string {
  const q = (tokens: string[] | string): string => `"${typeof tokens === 'string' ? tokens : tokens.join(' ')}"`;
  const who = (form: Form): string => form.author.name + (form.variant ? ` (variant "${form.variant}")` : '');
  switch (outcome.kind) {
    case 'match':
      if (outcome.shortFor !== undefined)
        return `likely: ${q(outcome.given[0] ?? '')} is a short form of ${q(outcome.shortFor)} (a table of established short forms), so ${q(outcome.given)} may be ${who(outcome.form)}`;
      return outcome.confidence === 'exact'
        ? `exact: given name ${q(outcome.given)} and surname ${q(outcome.form.surname)} equal ${who(outcome.form)}`
        : `likely: initials ${q(outcome.given)} agree with ${who(outcome.form)}`;
    case 'ambiguous':
      return `no match: fits both ${outcome.forms.map((form) => form.author.name).join(' and ')}`;
    case 'not':
      return `no match: listed under not for ${outcome.form.author.name}`;
    case 'common':
      return `no match: surname ${q(outcome.form.surname)} is common; initials ${q(outcome.given)} are not enough for ${outcome.form.author.name}`;
    case 'given':
      return `no match: surname ${q(outcome.form.surname)} is starred (${outcome.form.author.name}) but given name ${q(outcome.given)} differs`;
    case 'none':
      return outcome.surname === ''
        ? 'no match: no given name and surname found'
        : `no match: no starred author has surname ${q(outcome.surname)}`;
  }
}

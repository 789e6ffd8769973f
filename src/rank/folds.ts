// No paper is scored by a model that learned it as a negative. The examples are split in two by a
// hash of the paper's id, and each half's papers, wherever and whenever they appear (the recent
// days the job scores, an older day's page, a paper in no training set at all), are scored by the
// model that never saw that half's negatives. Both models learn from every positive and from half
// of the negatives, drawn the same way: they are one model twice, so scores of every day share one
// scale. Pure.

export const FOLDS = 2;

/** The half a paper belongs to: FNV-1a of its id, so the same paper always lands in the same half. */
export function foldOf(id: string): number {
  return fnv1a(id) % FOLDS;
}

function fnv1a(id: string): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < id.length; i++) hash = Math.imul(hash ^ id.charCodeAt(i), 0x01000193);
  return hash >>> 0;
}

/**
 * A number in [0, 1) fixed by the paper's id and independent of its half (the hash mixed by
 * MurmurHash3's finaliser): whether a sample of a half takes the paper.
 */
export function sampleUnit(id: string): number {
  let hash = fnv1a(id);
  hash = Math.imul(hash ^ (hash >>> 16), 0x85ebca6b);
  hash = Math.imul(hash ^ (hash >>> 13), 0xc2b2ae35);
  return ((hash ^ (hash >>> 16)) >>> 0) / 2 ** 32;
}

import { ANNOUNCE_TYPES, type AnnounceType } from '../types.ts';

/** "new 120, cross 80, replace 150, replace-cross 62" in arXiv's order, zeros left out. */
export function formatCounts(byType: Partial<Record<AnnounceType, number>>): string {
  const parts = ANNOUNCE_TYPES.filter((type) => (byType[type] ?? 0) > 0).map((type) => `${type} ${byType[type]}`);
  return parts.length > 0 ? parts.join(', ') : 'nothing announced';
}

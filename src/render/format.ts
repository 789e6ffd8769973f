// Small text forms every renderer shares.
import type { DigestCounts, StarredMatch } from '../views/types.ts';

/** "Yoshua Bengio (as "Y. Bengio", likely)". */
export function describeMatch(match: StarredMatch): string {
  const as = match.as === match.name ? '' : `as "${match.as}", `;
  return `${match.name} (${as}${match.confidence})`;
}

/** "new 18, cross 6, replace 12, replace-cross 4" with the given separator. */
export function formatTypeCounts(counts: DigestCounts, separator: string): string {
  return counts.byType.map(({ type, count }) => `${type} ${count}`).join(separator);
}

/** "cs.LG 30, stat.ML 6" with the given separator. */
export function formatCategoryCounts(counts: DigestCounts, separator: string): string {
  return counts.byCategory.map(({ category, count }) => `${category} ${count}`).join(separator);
}

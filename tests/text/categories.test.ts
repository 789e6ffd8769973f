import { describe, expect, it } from 'vitest';
import { isCategory, isKnownCategory } from '../../src/text/categories.ts';

describe('arXiv categories', () => {
  it('reads the syntax of every category arXiv writes, old archives included', () => {
    for (const name of ['cs.LG', 'stat.ML', 'hep-th', 'cond-mat.stat-mech', 'physics.acc-ph', 'chao-dyn'])
      expect(isCategory(name), name).toBe(true);
    for (const name of ['', 'cs.', 'CS.LG', 'cs LG', 'cs.LG,stat.ML', '<b>'])
      expect(isCategory(name), name).toBe(false);
  });

  it("tells a query's category from a word by the archives arXiv has", () => {
    for (const name of ['cs.CV', 'cs.cv', 'quant-ph', 'q-bio.NC', 'q-fin.ST'])
      expect(isKnownCategory(name), name).toBe(true);
    for (const name of ['node.js', 'cs', 'e.g', 'foo-bar']) expect(isKnownCategory(name), name).toBe(false);
  });
});

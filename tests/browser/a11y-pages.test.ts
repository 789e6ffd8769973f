// The library's pages and the rest of the advice: see a11y.ts.
import { describeAccessibility } from './a11y.ts';

describeAccessibility([
  '/search?q=learning',
  '/authors/yoshua-bengio',
  '/saved',
  '/watches',
  '/papers/{saved}/similar',
  '/start',
  '/top',
]);

// The day ranked ("For you", why lines, badges), sorted by score, a hidden paper shown: see a11y.ts.
import { describeAccessibility } from './a11y.ts';
import { REALISTIC_DAY } from './a11y-world.ts';

describeAccessibility([`/digest/${REALISTIC_DAY}?sort=score&hidden=1`]);

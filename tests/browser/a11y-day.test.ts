// The day as the reader opens it (arXiv's order): see a11y.ts.
import { describeAccessibility } from './a11y.ts';

describeAccessibility(['/']);

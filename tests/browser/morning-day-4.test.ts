// The scripted reader's part 4 of the realistic day (morning-day.ts), in a real Chromium.
import { describe } from 'vitest';
import { skipWithoutChromium } from '../support/browser.ts';
import { readPartOfTheDay } from './morning-day.ts';

describe.skipIf(skipWithoutChromium)('the whole day with the keys in Chromium', { timeout: 120_000 }, () => {
  readPartOfTheDay(3);
});

// The settings every test world starts from: the daily round's parts after arXiv's feed do nothing
// (no author uploads, no blogs, no reading list, no popularity), so a test of the feed sees only the
// feed's requests and nothing ever leaves 127.0.0.1. Tests of those parts turn them on.
import { fileURLToPath } from 'node:url';

export const QUIET_ROUND_ENV: NodeJS.ProcessEnv = {
  CURATOR_AUTHOR_UPLOADS: 'off',
  CURATOR_POPULARITY: 'off',
  CURATOR_FEEDS: fileURLToPath(new URL('../fixtures/config/no-feeds.json', import.meta.url)),
  CURATOR_READING_LIST: fileURLToPath(new URL('../fixtures/config/empty-reading-list.json', import.meta.url)),
};

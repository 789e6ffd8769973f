// Real arXiv days of 2025 (../shared/fixtures/arxiv-daily/papers-2025.jsonl.xz: 40,717 papers with
// their real author lists, one JSON object a line, sorted by day then id), for the ranking's
// protocol. The bench reads the whole file (through `xz -dc`); tests read the small slice committed
// under tests/fixtures/arxiv-daily/ (brotli, which node reads without an external program).
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { brotliDecompressSync } from 'node:zlib';

export interface DailyPaper {
  id: string;
  /** The first daily capture that held it: its announcement day, give or take a day. */
  day: string;
  title: string;
  abstract: string;
  authors: string[];
  /** Primary category first. */
  categories: string[];
}

/** Where the bench finds the corpus when ARXIV_DAILY does not say. */
export const ARXIV_DAILY_DEFAULT = fileURLToPath(
  new URL('../../../shared/fixtures/arxiv-daily/papers-2025.jsonl.xz', import.meta.url),
);
export const ARXIV_DAILY_SLICE = fileURLToPath(new URL('../fixtures/arxiv-daily/slice.jsonl.br', import.meta.url));

/** The whole corpus: `path`, or $ARXIV_DAILY, or ../shared/fixtures/arxiv-daily/ beside the repository. */
export function loadArxivDaily(path = process.env.ARXIV_DAILY || ARXIV_DAILY_DEFAULT): DailyPaper[] {
  if (!existsSync(path))
    throw new Error(
      `the real arXiv days of 2025 are not at ${path}: set ARXIV_DAILY to the path of papers-2025.jsonl.xz ` +
        '(../shared/fixtures/arxiv-daily/ beside the repository by default)',
    );
  const text = path.endsWith('.xz')
    ? execFileSync('xz', ['-dc', path], { encoding: 'utf8', maxBuffer: 512 * 1024 * 1024 })
    : readFileSync(path, 'utf8');
  return parseLines(text, path);
}

/** The committed slice: whole days of the corpus, small enough for the test suite. */
export function loadArxivDailySlice(): DailyPaper[] {
  return parseLines(brotliDecompressSync(readFileSync(ARXIV_DAILY_SLICE)).toString('utf8'), ARXIV_DAILY_SLICE);
}

function parseLines(text: string, path: string): DailyPaper[] {
  const papers: DailyPaper[] = [];
  text.split('\n').forEach((line, i) => {
    if (line.trim() === '') return;
    const paper = JSON.parse(line) as DailyPaper;
    if (typeof paper.id !== 'string' || typeof paper.day !== 'string' || !Array.isArray(paper.authors))
      throw new Error(`${path}: line ${i + 1} is not a paper (id, day, title, abstract, authors, categories)`);
    papers.push(paper);
  });
  return papers;
}

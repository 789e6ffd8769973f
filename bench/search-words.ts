// `npx tsx bench/search-words.ts` (BENCH=search-words): how precisely a word finds its papers, on
// the realistic day (1,310 real 2016 records) and on the 40,717 real papers of 2025 (ARXIV_DAILY,
// or ../shared/fixtures/arxiv-daily/papers-2025.jsonl.xz from the repository). Three ways to
// match a word, each against the forms a reader counts as that word (GOLD, written by hand):
// - porter: the FTS5 porter tokenizer the index used before (stems both sides);
// - porter2: any word with the same Snowball English stem (wink-porter2-stemmer) as the query;
// - forms: what search and watches do now (text/word-forms.ts through search-match.ts), on an
//   index of words as written.
// Precision: matched papers that hold one of the word's forms; recall: such papers matched.
import Database from 'better-sqlite3';
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import stem from 'wink-porter2-stemmer';
import { compileQuery } from '../src/store/read/search-match.ts';
import { toIndexedText, type PaperText } from '../src/store/search-text.ts';
import { parseQuery, wordsOf } from '../src/text/query.ts';
import { buildRealisticDay } from '../tests/support/realistic-day.ts';

/** The forms a reader would accept as the word asked for (decided before measuring). */
const GOLD: Readonly<Record<string, readonly string[]>> = {
  transformer: ['transformer', 'transformers'],
  transform: ['transform', 'transforms', 'transformed', 'transforming'],
  robot: ['robot', 'robots', 'robotic', 'robotics'],
  graph: ['graph', 'graphs'],
  policy: ['policy', 'policies'],
  attention: ['attention', 'attentions'],
  network: ['network', 'networks'],
  learning: ['learning', 'learn', 'learns', 'learned', 'learnt', 'learnings'],
  training: ['training', 'train', 'trains', 'trained', 'trainings'],
  model: ['model', 'models', 'modeling', 'modelling', 'modeled', 'modelled'],
  optimization: ['optimization', 'optimizations'],
  diffusion: ['diffusion', 'diffusions'],
  kernel: ['kernel', 'kernels'],
  agent: ['agent', 'agents'],
  language: ['language', 'languages'],
  generative: ['generative'],
  adversarial: ['adversarial'],
  inference: ['inference', 'inferences'],
  causal: ['causal'],
  benchmark: ['benchmark', 'benchmarks', 'benchmarking', 'benchmarked'],
  embedding: ['embedding', 'embeddings'],
  estimation: ['estimation', 'estimations'],
  topic: ['topic', 'topics'],
  segmentation: ['segmentation', 'segmentations'],
  detection: ['detection', 'detections'],
  reasoning: ['reasoning', 'reasonings'],
  retrieval: ['retrieval', 'retrievals'],
  planning: ['planning', 'plan', 'plans', 'planned'],
  scaling: ['scaling', 'scale', 'scales', 'scaled'],
  evaluation: ['evaluation', 'evaluations'],
  image: ['image', 'images'],
  video: ['video', 'videos'],
  dynamics: ['dynamics', 'dynamic'],
  classification: ['classification', 'classifications'],
  classifier: ['classifier', 'classifiers'],
  regression: ['regression', 'regressions'],
  uncertainty: ['uncertainty', 'uncertainties'],
  alignment: ['alignment', 'alignments'],
  reward: ['reward', 'rewards', 'rewarded', 'rewarding'],
  memory: ['memory', 'memories'],
  compression: ['compression', 'compressions'],
  generalization: ['generalization', 'generalizations'],
  sampling: ['sampling', 'sample', 'samples', 'sampled'],
  recommendation: ['recommendation', 'recommendations'],
  community: ['community', 'communities'],
  news: ['news'],
  general: ['general'],
  university: ['university', 'universities'],
};

type Method = 'porter' | 'porter2' | 'forms';
const METHODS: readonly Method[] = ['porter', 'porter2', 'forms'];

function loadDaily(): PaperText[] {
  const path =
    process.env.ARXIV_DAILY ??
    fileURLToPath(new URL('../../shared/fixtures/arxiv-daily/papers-2025.jsonl.xz', import.meta.url));
  if (!existsSync(path))
    throw new Error(`the real papers of 2025 are not at ${path}: set ARXIV_DAILY to papers-2025.jsonl.xz`);
  const run = spawnSync('xz', ['-dc', path], { encoding: 'utf8', maxBuffer: 512 * 2 ** 20 });
  if (run.status !== 0) throw new Error(`xz -dc ${path}: ${run.stderr}`);
  return run.stdout
    .trim()
    .split('\n')
    .map((line) => JSON.parse(line) as PaperText);
}

/** For each word, the papers each method matches and the papers that hold one of its forms. */
function measure(papers: readonly PaperText[]): Map<string, Record<Method | 'gold', Set<number>>> {
  const db = new Database(':memory:');
  const columns = 'title, abstract, authors, categories';
  db.exec(`CREATE VIRTUAL TABLE porter USING fts5(${columns}, tokenize='porter unicode61 remove_diacritics 2');
    CREATE VIRTUAL TABLE plain USING fts5(${columns}, tokenize='unicode61 remove_diacritics 2');`);
  const words = papers.map((paper) => {
    const text = toIndexedText(paper);
    for (const table of ['porter', 'plain'])
      db.prepare(`INSERT INTO ${table} (${columns}) VALUES (?, ?, ?, ?)`).run(
        text.title,
        text.abstract,
        text.authors,
        text.categories,
      );
    return new Set(wordsOf(`${text.title} ${text.abstract} ${text.authors}`));
  });
  const stems = new Map<string, string>();
  const stemOf = (word: string) => stems.get(word) ?? stems.set(word, stem(word)).get(word)!;
  const match = (table: string, expression: string) =>
    new Set(db.prepare(`SELECT rowid - 1 FROM ${table} WHERE ${table} MATCH ?`).pluck().all(expression) as number[]);
  const results = new Map<string, Record<Method | 'gold', Set<number>>>();
  for (const [word, forms] of Object.entries(GOLD)) {
    const having = (test: (token: string) => boolean) =>
      new Set(words.flatMap((tokens, i) => ([...tokens].some(test) ? [i] : [])));
    results.set(word, {
      gold: having((token) => forms.includes(token)),
      porter: match('porter', `"${word}"`),
      porter2: having((token) => stemOf(token) === stemOf(word)),
      forms: match('plain', compileQuery(parseQuery(word))!),
    });
  }
  db.close();
  return results;
}

function report(name: string, papers: readonly PaperText[]): void {
  const results = measure(papers);
  console.log(`\n${name}: ${papers.length} papers`);
  console.log(`| word | papers with it | ${METHODS.map((m) => `${m}: matched, precision, recall`).join(' | ')} |`);
  console.log(`|---|---|${METHODS.map(() => '---').join('|')}|`);
  const totals = Object.fromEntries(METHODS.map((m) => [m, { matched: 0, right: 0 }]));
  let relevant = 0;
  for (const [word, found] of results) {
    relevant += found.gold.size;
    const cells = METHODS.map((method) => {
      const right = [...found[method]].filter((i) => found.gold.has(i)).length;
      totals[method]!.matched += found[method].size;
      totals[method]!.right += right;
      return `${found[method].size}, ${percent(right, found[method].size)}, ${percent(right, found.gold.size)}`;
    });
    console.log(`| ${word} | ${found.gold.size} | ${cells.join(' | ')} |`);
  }
  const all = METHODS.map(
    (m) =>
      `${m} ${percent(totals[m]!.right, totals[m]!.matched)} precise, ${percent(totals[m]!.right, relevant)} recall`,
  );
  console.log(`all ${results.size} words, summed over papers: ${all.join('; ')}`);
}

const percent = (part: number, whole: number) => (whole === 0 ? '-' : `${((100 * part) / whole).toFixed(1)}%`);

report('the realistic day (real 2016 records)', buildRealisticDay());
report('the real papers of 2025', loadDaily());

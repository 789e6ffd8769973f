// The slowest test files of a vitest JSON report (`npm test -- --reporter=json --outputFile=<file>`),
// slowest first, with the seconds each took: the README's Development section lists the ten slowest.
// Use: node .ci/slowest.mjs <report.json> [count, default 10]
import { readFileSync } from 'node:fs';
import { relative } from 'node:path';

const [report, count = '10'] = process.argv.slice(2);
if (report === undefined) throw new Error('usage: node .ci/slowest.mjs <report.json> [count]');
const { testResults } = JSON.parse(readFileSync(report, 'utf8'));
const files = testResults
  .map((file) => ({ name: relative(process.cwd(), file.name), seconds: (file.endTime - file.startTime) / 1000 }))
  .sort((a, b) => b.seconds - a.seconds)
  .slice(0, Number(count));
for (const file of files) console.log(`${file.seconds.toFixed(1).padStart(6)} s  ${file.name}`);

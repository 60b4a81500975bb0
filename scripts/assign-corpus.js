#!/usr/bin/env node
// Grading against assignments on real documents, compared with hand-worked scores (fixtures/assign/):
//   node scripts/assign-corpus.js [--asks]
// Prints, per document, the asks graded as a TA would, those flagged for review, those confidently wrong,
// and how `check --assignment` judges the document's keyed derivative lines (fixtures/real/*.key.json).
'use strict';
const fs = require('node:fs');
const path = require('node:path');

const repo = path.join(__dirname, '..');
const { measureCase } = require(path.join(repo, 'dist/src/app/assignCorpus.js'));
const showAsks = process.argv.includes('--asks');
const { cases } = JSON.parse(fs.readFileSync(path.join(repo, 'fixtures/assign/expected.json'), 'utf8'));
const read = (p) => fs.readFileSync(path.join(repo, p), 'utf8');
const asks = { total: 0, agree: 0, review: 0, wrong: 0 };
const lines = { lines: 0, agree: 0, wrong: 0, unjudged: 0 };
for (const c of cases) {
  const keyFile = path.join(repo, c.submission.replace(/\.[a-z]+$/, '.key.json'));
  const key = fs.existsSync(keyFile) ? JSON.parse(fs.readFileSync(keyFile, 'utf8')) : undefined;
  const result = measureCase(c, read, key);
  for (const a of result.asks) {
    asks.total++;
    asks[a.outcome]++;
    if (showAsks) console.log(`    ${a.id}: expected ${a.expected}, got ${a.score} (${a.confidence}) ${a.outcome}`);
  }
  if (result.lines) for (const k of Object.keys(lines)) lines[k] += result.lines.counts[k];
  const n = (o) => result.asks.filter((a) => a.outcome === o).length;
  console.log(`${path.basename(c.submission).padEnd(44)} asks ${result.asks.length}: agree ${n('agree')}, review ${n('review')}, wrong ${n('wrong')}` + (result.lines ? `; lines ${result.lines.counts.lines}: agree ${result.lines.counts.agree}, wrong ${result.lines.counts.wrong}` : ''));
}
console.log(`asks: ${asks.total}; graded as a TA would ${asks.agree}, flagged for review ${asks.review}, confidently wrong ${asks.wrong}`);
console.log(`check --assignment lines: ${lines.lines}; agree ${lines.agree}, confidently wrong ${lines.wrong}, not judged ${lines.unjudged}`);

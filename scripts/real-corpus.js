#!/usr/bin/env node
// How chainrule's verdicts on the real documents of fixtures/real/ compare with their hand keys:
//   node scripts/real-corpus.js [--lines] [REPO]
// For each keyed derivative line: agrees (correct/incorrect as the key says), confidently wrong (the
// opposite verdict), or not judged (unjudged, error, informal, or not read). `--lines` lists the lines.
'use strict';
const fs = require('node:fs');
const path = require('node:path');

const args = process.argv.slice(2);
const showLines = args.includes('--lines');
const repo = path.resolve(args.find((a) => !a.startsWith('--')) ?? path.join(__dirname, '..'));
const { compareWithKey } = require(path.join(repo, 'dist/src/app/corpus.js'));

const dir = path.join(repo, 'fixtures/real');
const total = { lines: 0, agree: 0, wrong: 0, unjudged: 0 };
for (const keyFile of fs.readdirSync(dir).filter((f) => f.endsWith('.key.json')).sort()) {
  const key = JSON.parse(fs.readFileSync(path.join(dir, keyFile), 'utf8'));
  const file = path.join(dir, key.file);
  const result = compareWithKey(fs.readFileSync(file, 'utf8'), `fixtures/real/${key.file}`, key);
  for (const k of Object.keys(total)) total[k] += result.counts[k];
  const c = result.counts;
  console.log(`${key.file.padEnd(44)} ${String(c.lines).padStart(3)} lines  agree ${String(c.agree).padStart(3)}  wrong ${String(c.wrong).padStart(2)}  not judged ${String(c.unjudged).padStart(3)}`);
  if (showLines) for (const l of result.lines) if (l.outcome !== 'agree') console.log(`    ${l.line} ${l.outcome}: key ${l.key}, chainrule ${l.verdict} ${l.note ?? ''}`);
}
const pct = (n) => (total.lines ? ((100 * n) / total.lines).toFixed(1) : '0');
console.log(`total: ${total.lines} derivative lines; agree ${total.agree} (${pct(total.agree)}%), confidently wrong ${total.wrong}, not judged ${total.unjudged}`);

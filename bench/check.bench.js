// Time to check a seed-style two-layer network derivation of about ten claims, after warm-up.
// Goal (issue 4): under 50 ms per file. Each timed run parses afresh, as a `chainrule check` process does
// (within one process, statements met before are not parsed again: src/syntax/statement-cache.ts).
const fs = require('fs');
const path = require('path');
const { checkSource } = require('../dist/src/app/check');
const { forgetParsedStatements } = require('../dist/src/syntax/parse');

const file = path.join(__dirname, '../fixtures/check/seed_two_layer.cr');
const source = fs.readFileSync(file, 'utf8');
for (let i = 0; i < 5; i++) checkSource(source, file);
const runs = 30;
const times = [];
let claims = 0;
for (let i = 0; i < runs; i++) {
  forgetParsedStatements();
  const start = process.hrtime.bigint();
  claims = checkSource(source, file).report.claims.length;
  times.push(Number(process.hrtime.bigint() - start) / 1e6);
}
times.sort((a, b) => a - b);
const median = times[Math.floor(runs / 2)];
console.log(`checked ${path.basename(file)} (${claims} claims) ${runs} times after warm-up`);
console.log(`median ${median.toFixed(1)} ms per file, fastest ${times[0].toFixed(1)} ms, slowest ${times[runs - 1].toFixed(1)} ms`);
console.log(`goal: under 50 ms per file: ${median < 50 ? 'met' : 'NOT met'}`);

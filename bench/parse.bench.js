// Parse and shape-check files of 100, 1,000 and 5,000 lines of realistic statements; prints lines per
// second. Goal (issue 2): a 1,000-line file in under 1 s, time growing linearly with length. Timed runs
// parse every statement afresh (src/syntax/statement-cache.ts would otherwise remember the warm-up's).
const fs = require('fs');
const path = require('path');
const { analyzeSource } = require('../dist/src/analysis/source');
const { shapesOf } = require('../dist/src/app/shapes');
const { makeCalculus } = require('../dist/src/calculus/index');
const { forgetParsedStatements } = require('../dist/src/syntax/parse');

/** A derivation of `layers` sigmoid layers: declarations, definitions, claims with chains and comments. */
function realisticFile(lines) {
  const out = ['X : B x D0', 'Y : B x K onehot'];
  let k = 0;
  while (out.length < lines) {
    const i = k++;
    out.push(
      `# layer ${i}`,
      `W${i} : D${i} x D${i + 1}`,
      `b${i} : 1 x D${i + 1}`,
      `h${i} = ${i === 0 ? 'X' : `a${i - 1}`} W${i} + b${i}`,
      `a${i} = sigma(h${i})`,
      `g${i} = a${i} .* (1 - a${i}) + 0.5 h${i}^2 - sum([1, 2; 3, 4] [x; y]) / 2`,
      `d${i} = sum(a${i} .* a${i}) / B + norm(W${i})^2`,
    );
  }
  return out.slice(0, lines).join('\n') + '\n';
}

const sizes = [100, 1000, 5000];
const rows = [];
for (const lines of sizes) {
  const source = realisticFile(lines);
  shapesOf(analyzeSource(source, 'warm.cr', makeCalculus)); // warm-up: the JIT and mathjs' lazy set-up
  forgetParsedStatements(); // the timed run parses every statement (the warm-up's are remembered)
  const start = process.hrtime.bigint();
  const result = shapesOf(analyzeSource(source, `bench-${lines}.cr`, makeCalculus));
  const seconds = Number(process.hrtime.bigint() - start) / 1e9;
  const errors = result.diagnostics.filter((d) => d.severity === 'error').length;
  rows.push({ lines, seconds, perSecond: lines / seconds, names: Object.keys(result.shapes).length, errors });
}
console.log('lines   seconds   lines/s   names  errors');
for (const r of rows) console.log(`${String(r.lines).padStart(5)}   ${r.seconds.toFixed(3).padStart(7)}   ${Math.round(r.perSecond).toString().padStart(7)}   ${String(r.names).padStart(5)}  ${r.errors}`);
const growth = rows[2].seconds / rows[1].seconds;
console.log(`time(5000) / time(1000) = ${growth.toFixed(2)} (linear growth would be 5.0)`);
console.log(`goal: 1,000 lines under 1 s: ${rows[1].seconds < 1 ? 'met' : 'NOT met'} (${rows[1].seconds.toFixed(3)} s)`);

// Parsing alone (issue 18, item 3): CPU time per line of parseFile, every statement parsed afresh, on the
// 1,000-line file and on every .cr fixture. BENCH_BASE=DIR (another checkout, built) measures its parser
// in the same run, interleaved, for the ratio: e.g. the parser before the fast path (src/syntax/fastParse.ts).

function crFixtures(dir) {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const p = path.join(dir, e.name);
    return e.isDirectory() ? crFixtures(p) : e.name.endsWith('.cr') ? [fs.readFileSync(p, 'utf8')] : [];
  });
}

const corpora = { '1,000-line file': [realisticFile(1000)], 'the .cr fixtures': crFixtures(path.join(__dirname, '../fixtures')) };
const parsers = { 'this build': require('../dist/src/syntax/parse') };
if (process.env.BENCH_BASE) parsers[`BENCH_BASE`] = require(path.resolve(process.env.BENCH_BASE, 'dist/src/syntax/parse'));
const ROUNDS = 20;
for (const [corpus, sources] of Object.entries(corpora)) {
  const lines = sources.reduce((n, s) => n + s.split('\n').length, 0);
  const cpu = Object.fromEntries(Object.keys(parsers).map((k) => [k, 0]));
  for (let round = -3; round < ROUNDS; round++) {
    for (const [name, parser] of Object.entries(parsers)) {
      parser.forgetParsedStatements();
      const start = process.cpuUsage();
      for (const s of sources) parser.parseFile(s, 'bench.cr');
      const used = process.cpuUsage(start);
      if (round >= 0) cpu[name] += used.user + used.system; // the first rounds warm up
    }
  }
  const perLine = Object.fromEntries(Object.entries(cpu).map(([k, us]) => [k, us / ROUNDS / lines]));
  const base = perLine.BENCH_BASE;
  console.log(`parseFile on ${corpus} (${lines} lines), CPU per line: ${Object.entries(perLine).map(([k, us]) => `${k} ${us.toFixed(1)} µs`).join(', ')}` + (base ? `; ratio ${(perLine['this build'] / base).toFixed(2)} (goal: at most 0.5)` : ''));
}

// Parse and shape-check files of 100, 1,000 and 5,000 lines of realistic statements; prints lines per
// second. Goal (issue 2): a 1,000-line file in under 1 s, time growing linearly with length. Timed runs
// parse every statement afresh (src/syntax/statement-cache.ts would otherwise remember the warm-up's).
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

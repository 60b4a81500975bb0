// The gradient of an L-layer scalar chain a_k = f(w_k a_{k-1} + b_k), loss (a_L - y)^2, d loss / d w1, with
// f sigmoid or tanh: chainrule's reverse mode over its DAG against SymPy's diff (bench/sympy_chain.py, run
// with python3; skipped when python3 or SymPy is missing). CPU time of building the loss and differentiating
// it (chainrule, after warm-up) and of differentiating it (SymPy), in one run, and their ratio.
'use strict';
const path = require('path');
const { spawnSync } = require('child_process');
const { newBuilder } = require('../dist/src/ir/build');
const { gradient } = require('../dist/src/diff/index');

const DEPTHS = [1, 4, 16, 32, 64, 256];
const FUNCTIONS = ['sigma', 'tanh'];

function chainGradient(layers, f) {
  const b = newBuilder();
  const w1 = b.variable('w1', [1, 1]);
  let a = b.variable('x', [1, 1]);
  for (let k = 1; k <= layers; k++) a = b.apply(f, b.add(b.mul(k === 1 ? w1 : b.variable(`w${k}`, [1, 1]), a), b.variable(`b${k}`, [1, 1])));
  return gradient(b.graph, b.pow(b.sub(a, b.variable('y', [1, 1])), 2), w1);
}

function oursCpuMs(layers, f) {
  const reps = layers >= 64 ? 5 : 20;
  const start = process.cpuUsage();
  for (let r = 0; r < reps; r++) chainGradient(layers, f);
  const used = process.cpuUsage(start);
  return (used.user + used.system) / 1000 / reps;
}

function sympyCpuMs() {
  const r = spawnSync('python3', [path.join(__dirname, 'sympy_chain.py'), FUNCTIONS.join(','), DEPTHS.join(',')], { encoding: 'utf8', timeout: 600_000, maxBuffer: 1 << 20 });
  if (r.status !== 0) return undefined;
  return JSON.parse(r.stdout);
}

for (const f of FUNCTIONS) for (const L of DEPTHS) chainGradient(L, f); // warm-up
const sympy = sympyCpuMs();
if (!sympy) console.log('SymPy: skipped (python3 with sympy is not available)');
console.log('d loss / d w1 of an L-layer scalar chain, CPU ms: chainrule | SymPy | SymPy / chainrule');
for (const f of FUNCTIONS) {
  for (const L of DEPTHS) {
    const ours = oursCpuMs(L, f);
    const theirs = sympy?.[f]?.[L];
    const ratio = typeof theirs === 'number' ? `${(theirs / ours).toFixed(0)}x` : theirs ? `SymPy fails (${theirs})` : '';
    console.log(`${f.padEnd(6)} L=${String(L).padEnd(4)} ${ours.toFixed(2).padStart(9)} | ${(typeof theirs === 'number' ? theirs.toFixed(1) : '-').padStart(9)} | ${ratio}`);
  }
}

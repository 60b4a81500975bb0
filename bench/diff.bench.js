// Differentiation cost against depth: an L-layer network in matrix form (alternating sigmoid and relu
// layers, softmax cross-entropy loss), differentiated with respect to the first layer's weights.
// Goals: linear growth (L=256 / L=128 time ratio < 2.2) and L = 256 under 200 ms.
// Beside it, mathjs' derivative on the same kind of network expanded to scalars (width 2), for small L:
// without a DAG and hash-consing, expressions swell.
// Last, `chainrule diff --json`'s printed forms against depth (issue 18, item 4): on a tanh chain, `expanded`
// unfolds the DAG into a tree and grows quadratically; `expandedShared` names shared subterms once and should
// grow linearly (the ratio of its length at 2L to its length at L near 2, `expanded`'s near 4).
const math = require('mathjs');
const { newBuilder } = require('../dist/src/ir/build');
const { gradient } = require('../dist/src/diff/index');
const { printCr } = require('../dist/src/ir/print');
const { topologicalOrder } = require('../dist/src/ir/inspect');

function network(layers) {
  const b = newBuilder();
  const names = new Map();
  const X = b.variable('X', ['B', 'D']);
  const Y = b.variable('Y', ['B', 'C']);
  let a = X;
  let W1;
  for (let k = 1; k <= layers; k++) {
    const W = b.variable(`W${k}`, ['D', 'D']);
    if (k === 1) W1 = W;
    const h = b.add(b.mul(a, W), b.variable(`b${k}`, [1, 'D']));
    names.set(h.id, `h${k}`);
    a = b.apply(k % 2 === 1 ? 'sigma' : 'relu', h);
    names.set(a.id, `a${k}`);
  }
  const Z = b.mul(a, b.variable('V', ['D', 'C']));
  names.set(Z.id, 'Z');
  const L = b.div(b.neg(b.sum(b.hadamard(Y, b.apply('log', b.softmax(Z))))), b.dimsize('B'));
  return { b, L, W1, names };
}

function median(xs) {
  const s = [...xs].sort((p, q) => p - q);
  return s[Math.floor(s.length / 2)];
}

function timeOurs(layers, reps) {
  const times = [];
  let last;
  for (let r = 0; r < reps; r++) {
    const net = network(layers);
    // A collection before each run keeps one run's garbage out of the next one's time (node --expose-gc).
    if (global.gc) global.gc();
    const t0 = process.hrtime.bigint();
    const g = gradient(net.b.graph, net.L, net.W1);
    times.push(Number(process.hrtime.bigint() - t0) / 1e6);
    last = { net, g };
  }
  const { net, g } = last;
  return {
    ms: median(times),
    graphNodes: net.b.graph.nodeCount,
    resultNodes: topologicalOrder([g]).length,
    printed: printCr(g, net.names).length,
    text: printCr(g, net.names),
  };
}

// Warm-up over the whole series, so the figures measure steady state rather than the JIT.
const depths = [1, 2, 4, 8, 16, 32, 64, 128, 256];
for (let i = 0; i < 3; i++) for (const L of depths) timeOurs(L, 1);
console.log('chainrule: d loss / d W1 of an L-layer network (matrix form), median of several runs');
console.log('    L      time ms   graph nodes   result DAG nodes   printed chars');
const results = new Map();
for (const L of depths) {
  const r = timeOurs(L, 15);
  results.set(L, r);
  console.log(`${String(L).padStart(5)} ${r.ms.toFixed(2).padStart(12)} ${String(r.graphNodes).padStart(13)} ${String(r.resultNodes).padStart(18)} ${String(r.printed).padStart(15)}`);
}
const ratio = results.get(256).ms / results.get(128).ms;
console.log(`time ratio L=256 / L=128: ${ratio.toFixed(2)} (goal < 2.2: ${ratio < 2.2 ? 'met' : 'NOT met'})`);
console.log(`L = 256 in ${results.get(256).ms.toFixed(1)} ms (goal < 200 ms: ${results.get(256).ms < 200 ? 'met' : 'NOT met'})`);
console.log(`L = 2 result: ${results.get(2).text}`);

// ---- mathjs, scalar-expanded ----
// Width-2 layers written out entry by entry: h_k,i = w_k,i1 a_{k-1},1 + w_k,i2 a_{k-1},2 + b_k,i.
// mathjs trees have no sharing, so each layer doubles the size of what it contains.
const { SymbolNode, ConstantNode, OperatorNode, FunctionNode } = math;
const sym = (n) => new SymbolNode(n);
const add = (p, q) => new OperatorNode('+', 'add', [p, q]);
const mul = (p, q) => new OperatorNode('*', 'multiply', [p, q]);
const div = (p, q) => new OperatorNode('/', 'divide', [p, q]);
const neg = (p) => new OperatorNode('-', 'unaryMinus', [p]);
const fn = (name, p) => new FunctionNode(name, [p]);
const sigmoid = (p) => div(new ConstantNode(1), add(new ConstantNode(1), fn('exp', neg(p))));

function scalarNetworkMathjs(layers) {
  let a = [sym('x1'), sym('x2')];
  for (let k = 1; k <= layers; k++) {
    a = [0, 1].map((i) => {
      const h = add(add(mul(sym(`w${k}_${i}0`), a[0]), mul(sym(`w${k}_${i}1`), a[1])), sym(`b${k}_${i}`));
      return k % 2 === 1 ? sigmoid(h) : fn('tanh', h);
    });
  }
  // A squared error on both outputs.
  const e0 = add(a[0], neg(sym('y1')));
  const e1 = add(a[1], neg(sym('y2')));
  return add(mul(e0, e0), mul(e1, e1));
}

function scalarNetworkOurs(layers) {
  const b = newBuilder();
  const names = new Map();
  let a = [b.variable('x1', [1, 1]), b.variable('x2', [1, 1])];
  for (let k = 1; k <= layers; k++) {
    a = [0, 1].map((i) => {
      const h = b.add(b.add(b.mul(b.variable(`w${k}_${i}0`, [1, 1]), a[0]), b.mul(b.variable(`w${k}_${i}1`, [1, 1]), a[1])), b.variable(`b${k}_${i}`, [1, 1]));
      const out = b.apply(k % 2 === 1 ? 'sigma' : 'tanh', h);
      names.set(out.id, `a${k}_${i}`);
      return out;
    });
  }
  const L = b.add(b.pow(b.sub(a[0], b.variable('y1', [1, 1])), 2), b.pow(b.sub(a[1], b.variable('y2', [1, 1])), 2));
  return { b, L, w: b.variable('w1_00', [1, 1]), names };
}

console.log('\nscalar-expanded width-2 network, d loss / d w1_00: mathjs.derivative (simplify: false) beside chainrule');
console.log('    L   mathjs ms   mathjs chars   growth | chainrule ms   result DAG nodes   printed chars (with names)');
let previous;
for (let L = 1; L <= 8; L++) {
  const expr = scalarNetworkMathjs(L);
  const t0 = process.hrtime.bigint();
  const d = math.derivative(expr, 'w1_00', { simplify: false });
  const mathMs = Number(process.hrtime.bigint() - t0) / 1e6;
  const chars = d.toString().length;
  const net = scalarNetworkOurs(L);
  const t1 = process.hrtime.bigint();
  const g = gradient(net.b.graph, net.L, net.w);
  const ourMs = Number(process.hrtime.bigint() - t1) / 1e6;
  const growth = previous ? `x${(chars / previous).toFixed(1)}` : '';
  previous = chars;
  console.log(
    `${String(L).padStart(5)} ${mathMs.toFixed(1).padStart(11)} ${String(chars).padStart(14)} ${growth.padStart(8)} | ${ourMs.toFixed(2).padStart(12)} ${String(topologicalOrder([g]).length).padStart(18)} ${String(printCr(g, net.names).length).padStart(15)}`,
  );
  if (mathMs > 5000) break;
}

// mathjs with its simplifier on (its default), for the first few depths only: it grows about 4x per layer.
console.log('\nmathjs.derivative with simplify (its default), same network; stops once a depth takes over 3 s');
console.log('    L   mathjs ms   result chars');
for (let L = 1; L <= 4; L++) {
  const t0 = process.hrtime.bigint();
  const d = math.derivative(scalarNetworkMathjs(L), 'w1_00');
  const ms = Number(process.hrtime.bigint() - t0) / 1e6;
  console.log(`${String(L).padStart(5)} ${ms.toFixed(0).padStart(11)} ${String(d.toString().length).padStart(14)}`);
  if (ms > 3000) break;
}

// `diff --json` on a generated .cr file: an L-layer tanh chain of row vectors, the loss's gradient by the first
// weights. The files go through diffSource, as the command runs them.
const { diffSource } = require('../dist/src/app/diff');
const { COMMAND_LIMITS } = require('../dist/src/limits/index');

function tanhChain(layers) {
  const lines = ['x : 1 x N', 'y : 1 x N'];
  for (let k = 1; k <= layers; k++) lines.push(`W${k} : N x N`, `a${k} = tanh(${k === 1 ? 'x' : `a${k - 1}`} W${k})`);
  lines.push(`L = sum((a${layers} - y) .* (a${layers} - y))`);
  return lines.join('\n') + '\n';
}

console.log('\n`chainrule diff --json` of an L-layer tanh chain, dL/dW1: printed lengths against depth');
console.log('    L   expanded chars   x per 2L | expandedShared chars   x per 2L');
let before;
for (const L of [32, 64, 128, 256, 512]) {
  const source = tanhChain(L);
  const { result } = diffSource(source, `tanh${L}.cr`, 'L', 'W1', { ...COMMAND_LIMITS, timeMs: 600_000 });
  const now = { expanded: result.expanded.length, shared: result.expandedShared.length };
  const growth = (k) => (before ? `x${(now[k] / before[k]).toFixed(2)}` : '');
  console.log(`${String(L).padStart(5)} ${String(now.expanded).padStart(16)} ${growth('expanded').padStart(10)} | ${String(now.shared).padStart(20)} ${growth('shared').padStart(10)}`);
  before = now;
}

// diff --json's expandedShared (issue 18, item 4): shared subterms printed once, length linear in depth.
import { describe, expect, it } from 'vitest';
import { newBuilder } from '../../src/ir/build';
import { gradient } from '../../src/diff/index';
import { printCr } from '../../src/ir/print';
import { printCrShared } from '../../src/ir/printShared';

/** d sum(a_L) / d W1 of an L-layer tanh chain a_k = tanh(a_{k-1} W_k), and its two printed forms. */
function tanhChain(layers: number) {
  const b = newBuilder();
  const W1 = b.variable('W1', ['D', 'D']);
  let a = b.variable('x', [1, 'D']);
  for (let k = 1; k <= layers; k++) a = b.apply('tanh', b.mul(a, k === 1 ? W1 : b.variable(`W${k}`, ['D', 'D'])));
  const g = gradient(b.graph, b.sum(a), W1);
  return { expanded: printCr(g), shared: printCrShared(g) };
}

describe('expandedShared', () => {
  it('names each shared subterm once, children first, skipping leaf names', () => {
    const b = newBuilder();
    const t1 = b.variable('t1', [1, 1]);
    const s = b.apply('sigma', b.add(t1, b.variable('x', [1, 1])));
    expect(printCrShared(b.mul(s, b.sub(b.constant(1), s)))).toBe('t2 = sigma(t1 + x)\nt2 (1 - t2)');
    expect(printCrShared(s)).toBe(printCr(s));
  });

  it('grows linearly with depth where expanded grows quadratically', () => {
    const [small, large] = [32, 128].map(tanhChain);
    expect(large.shared.length / small.shared.length).toBeLessThan(4.5);
    expect(large.expanded.length / small.expanded.length).toBeGreaterThan(12);
  });
});

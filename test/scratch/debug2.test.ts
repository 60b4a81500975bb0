import { it } from 'vitest';
import { newBuilder } from '../../src/ir/build';
import { printCr } from '../../src/ir/print';
import { Simplifier } from '../../src/ir/simplify';
it('debug', () => {
  const b = newBuilder();
  const x = b.variable('x', [1, 1]);
  const p = b.pow(x, x);
  const e = b.add(p, b.hadamard(p, b.apply('log', x)));
  const s: any = new Simplifier(b);
  const nf = s.nf(e);
  console.log(JSON.stringify(nf.map((t: any) => [t.coef, [...t.factors.keys()]])));
  for (const f of [false, true]) { try { const n = f ? s.rebuildFactored(nf) : s.rebuildSum(nf); console.log(f, printCr(n), s.treeSize(n)); } catch (err) { console.log('ERR', err); } }
});

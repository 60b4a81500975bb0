import { it } from 'vitest';
import { newBuilder } from '../../src/ir/build';
import { printCr } from '../../src/ir/print';
import { gradient } from '../../src/diff';
import { RecipeGenerator, buildRaw, buildWith, randomEnv, kinkMargin } from '../helpers/random-expr';
import { topologicalOrder } from '../../src/ir/inspect';
import { evaluate } from '../../src/numeric/evaluate';
import { finiteDifferenceGradient } from '../../src/numeric/finite-diff';
import { relativeDifference, toRows } from '../../src/numeric/matrix';
it('debug', () => {
  const seed = Number(process.env.SEED);
  const b = newBuilder();
  const gen = new RecipeGenerator(seed);
  const shape = gen.shape();
  const recipe = gen.expr(shape, 4);
  const raw = buildRaw(b, recipe);
  const built = buildWith(b, recipe);
  console.log('raw  ', printCr(raw));
  console.log('built', printCr(built));
  const weights = b.variable('Rw', shape);
  const Lraw = b.raw('sum', [b.raw('hadamard', [weights, raw])]);
  const L = b.sum(b.hadamard(weights, built));
  const env = randomEnv([Lraw, L], seed ^ 0x5eed);
  console.log('margin', kinkMargin(Lraw, env), 'values', toRows(evaluate(raw, env)), toRows(evaluate(built, env)));
  for (const v of topologicalOrder([raw]).filter((n) => n.op === 'var')) {
    const g = gradient(b.graph, L, v);
    const g0 = gradient(b.graph, Lraw, v, { simplify: false });
    const fd = finiteDifferenceGradient(Lraw, env, v.attrs.name!);
    console.log(v.attrs.name, '=>', printCr(g));
    console.log('   raw grad', printCr(g0));
    console.log('   sym', toRows(evaluate(g, env)), 'raw', toRows(evaluate(g0, env)), 'fd', toRows(fd), relativeDifference(evaluate(g, env), fd));
  }
});

// A primitive is one entry in src/ops; the resolver's spellings, the LaTeX reader's words and commands and
// index notation's entrywise functions are derived from the entries. These tests read every builtin through
// each of those paths, so a primitive left out of any of them fails here by name.
import { describe, expect, it } from 'vitest';
import * as fs from 'fs';
import * as path from 'path';
import { ALL_OPS, getOp } from '../../src/ops/index';
import { BUILTINS, type BuiltinFunction } from '../../src/ops/builtins';
import { analyzeSource } from '../../src/analysis/source';
import { parseExpression } from '../../src/syntax/parse';
import { printCr, printLatex } from '../../src/ir/print';
import type { Node } from '../../src/ir/types';
import { exprOf } from '../latex/helpers';

const DECLS = 'A : N x N\nv, u : N x 1\n';
const analysis = analyzeSource(DECLS, 'primitives.cr');
const { lowering } = analysis.problems[0];
const b = lowering.b;
const named = (name: string) => lowering.lower(parseExpression(name));

const functions = BUILTINS.filter((fn) => fn.kind !== 'constructor');

/** Arguments the builtin takes: a square matrix when it can (det, inv, logdet), else vectors (diag, dot, max). */
function argumentsOf(fn: BuiltinFunction): string[] {
  const candidates = fn.arity === 1 ? [['A'], ['v']] : [['v', 'u']];
  for (const names of candidates) {
    try {
      b.apply(fn.name, names.map(named));
      return names;
    } catch {
      // the next candidate
    }
  }
  throw new Error(`no arguments found for ${fn.name}`);
}

function expected(fn: BuiltinFunction): Node {
  return b.apply(fn.name, argumentsOf(fn).map(named));
}

describe('the builtins come from the op entries', () => {
  it('are the functions of SPEC 1.3 and cosh, sinh, erf, sec, csc, cot, arcsin, arccos, arctan, logdet', () => {
    expect(BUILTINS.map((fn) => fn.name).sort()).toEqual(
      [
        'exp', 'log', 'sqrt', 'abs', 'sin', 'cos', 'tan', 'sec', 'csc', 'cot', 'arcsin', 'arccos', 'arctan', 'tanh', 'cosh', 'sinh', 'erf', 'sigma', 'relu', 'softplus',
        'max', 'min', 'sum', 'mean', 'trace', 'norm', 'dot', 'softmax', 'logsumexp', 'diag', 'inv', 'det', 'logdet',
        'eye', 'ones', 'zeros',
      ].sort(),
    );
  });

  it('name their op first, with its arity, and are elementwise exactly when the op is', () => {
    for (const fn of functions) {
      const op = getOp(fn.name);
      expect(fn.spellings[0], fn.name).toBe(op.name);
      expect(fn.arity, fn.name).toBe(op.arity);
      expect(fn.kind === 'elementwise', fn.name).toBe(op.elementwise === true);
    }
    expect(ALL_OPS.filter((op) => op.spellings).length).toBe(functions.length);
  });

  it("are all in the README's function list, by every spelling", () => {
    const readme = fs.readFileSync(path.join(__dirname, '../../README.md'), 'utf8');
    const listed = readme.slice(readme.indexOf('Functions:'));
    expect(BUILTINS.flatMap((fn) => fn.spellings).filter((s) => !listed.includes(`\`${s}\``))).toEqual([]);
  });
});

describe.each(functions.map((fn) => [fn.name, fn] as const))('%s', (_name, fn) => {
  const args = argumentsOf(fn);

  it('is read from .cr by every spelling', () => {
    for (const s of fn.spellings) expect(lowering.lower(parseExpression(`${s}(${args.join(', ')})`)), s).toBe(expected(fn));
  });

  it('is read from LaTeX by every spelling of two letters or more, and by its operator commands', () => {
    const latexArgs = args.join(', ');
    const forms = [
      ...fn.spellings.filter((s) => /^[a-z]{2,}$/.test(s)).flatMap((s) => [`\\operatorname{${s}}(${latexArgs})`, `\\mathrm{${s}}(${latexArgs})`, `${s}(${latexArgs})`]),
      ...fn.latexCommands.flatMap((c) => (fn.arity === 1 ? [`${c}(${latexArgs})`, `${c} ${latexArgs}`] : [`${c}(${latexArgs})`])),
    ];
    expect(forms.length).toBeGreaterThan(0);
    for (const form of forms) expect(lowering.lower(exprOf(form)), form).toBe(expected(fn));
  });

  it('prints .cr and LaTeX that read back to the same node', () => {
    const node = expected(fn);
    expect(lowering.lower(parseExpression(printCr(node)))).toBe(node);
    expect(lowering.lower(exprOf(printLatex(node))), printLatex(node)).toBe(node);
  });
});

describe.each(functions.filter((fn) => fn.kind === 'elementwise').map((fn) => [fn.name, fn] as const))('%s in index notation', (_name, fn) => {
  it('is entrywise', () => {
    // Σ_i f(v_i) is sum(f(v)); with two arguments Σ_i f(v_i, u_i) is sum(f(v, u)).
    const [indexed, whole] = fn.arity === 1 ? [`${fn.name}(v_i)`, `${fn.name}(v)`] : [`${fn.name}(v_i, u_i)`, `${fn.name}(v, u)`];
    const l = analyzeSource(`${DECLS}z = sum_i ${indexed}\n`, 'index.cr').problems[0].lowering;
    expect(l.definitionNode('z')).toBe(l.lower(parseExpression(`sum(${whole})`)));
    expect(l.diagnostics).toEqual([]);
  });
});

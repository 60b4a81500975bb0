// Aliases map a submission's notation onto the problem's names; every LaTeX chainrule prints renders in
// KaTeX without errors (issue 6, items 4 and 5).
import { describe, expect, it } from 'vitest';
import * as fs from 'fs';
import * as path from 'path';
import katex from 'katex';
import { checkSource } from '../../src/app/check';
import { analyzeSource } from '../../src/analysis/source';
import { makeCalculus } from '../../src/calculus/index';
import { derive } from '../../src/app/diff';
import { printLatex } from '../../src/ir/print';
import { isScalarShape } from '../../src/ir/types';
import { exprLatex } from '../../src/grade/exprLatex';
import { parseExpression } from '../../src/syntax/parse';

const SETUP = ['X : 1 x M', 'W : M x 1', 'b : scalar', 'y : scalar binary', 'h = X W + b', 'a = sigma(h)', 'L = -y log(a) - (1 - y) log(1 - a)'];

describe('alias', () => {
  it('reads \\hat{y} in a LaTeX answer as the problem name it aliases', () => {
    const md = ['```cr', ...SETUP, 'alias \\hat{y} = a', '```', '', '$$\\frac{\\partial \\mathcal{L}}{\\partial W} = X^{T} (\\hat{y} - y)$$', ''].join('\n');
    const { report } = checkSource(md, 'answer.md');
    expect(report.claims.map((c) => [c.target, c.verdict])).toEqual([['dL/dW', 'correct']]);
  });

  it('without the alias, yhat is an unknown scalar: the answer is unjudged, not marked wrong (SPEC 4.1)', () => {
    // Taken as a scalar, yhat makes X^T (yhat - y) differ from X^T (a - y); but yhat's meaning was guessed, so
    // in a document chainrule says it cannot tell, and which name it guessed.
    const md = ['```cr', ...SETUP, '```', '', '$$\\frac{\\partial \\mathcal{L}}{\\partial W} = X^{T} (\\hat{y} - y)$$', ''].join('\n');
    const claim = checkSource(md, 'answer.md').report.claims[0];
    expect(claim.verdict).toBe('unjudged');
    expect(claim.steps[0].message).toMatch(/yhat/);
  });
});

describe('LaTeX output', () => {
  it('renders every derivative of every fixture in KaTeX without errors', () => {
    const dir = path.join(__dirname, '../../fixtures/check');
    let rendered = 0;
    for (const file of fs.readdirSync(dir).filter((f) => f.endsWith('.cr'))) {
      const analysis = analyzeSource(fs.readFileSync(path.join(dir, file), 'utf8'), file, makeCalculus);
      for (const problem of analysis.problems) {
        const { scope, lowering } = problem;
        for (const of of scope.definitions.keys()) {
          let node;
          try {
            node = lowering.definitionNode(of);
          } catch {
            continue;
          }
          expect(() => katex.renderToString(printLatex(node, lowering.names), { throwOnError: true })).not.toThrow();
          if (!isScalarShape(node.shape)) continue;
          for (const wrt of scope.declarations.keys()) {
            const result = derive(analysis, of, wrt);
            expect(() => katex.renderToString(result.latex, { throwOnError: true }), `${file}: d${of}/d${wrt} = ${result.latex}`).not.toThrow();
            rendered++;
          }
        }
      }
    }
    expect(rendered).toBeGreaterThan(50);
  });

  it("writes an author's .^ as the Hadamard power, and KaTeX renders it", () => {
    const latex = exprLatex(parseExpression('sum((X w - y).^2) + A.^(-1)'));
    expect(latex).toBe('\\operatorname{sum}\\left(\\left(X w - y\\right)^{\\circ 2}\\right) + A^{\\circ -1}');
    expect(() => katex.renderToString(latex, { throwOnError: true })).not.toThrow();
  });
});

// A document's own macros, as LaTeX homework defines them in its preamble: `\newcommand` with and without
// parameters, `\renewcommand`, `\def`, `\DeclareMathOperator`. Documents written for the test; verdicts by hand and
// sympy (x^T A x has gradient (A + A^T) x: the difference is 0; A x alone is wrong for a general A).
import { describe, expect, it } from 'vitest';
import { checkSource } from '../../src/app/check';

const verdicts = (source: string, file: string) => checkSource(source, file).report.claims.map((c) => `${c.line} ${c.verdict}`);

describe("a document's macros are expanded where they are used", () => {
  it('reads a .tex preamble\'s \\newcommand, \\def and \\DeclareMathOperator', () => {
    const tex = [
      '\\documentclass{article}',
      '\\newcommand{\\bx}{\\mathbf{x}}',
      '\\def\\R{\\mathbb{R}}',
      '\\newcommand{\\pd}[2]{\\frac{\\partial #1}{\\partial #2}}',
      '\\DeclareMathOperator{\\Tr}{tr}',
      '\\begin{document}',
      'Let $\\bx \\in \\R^{n}$ and $A \\in \\R^{n \\times n}$, $q = \\bx^T A \\bx$.',
      '\\[ \\pd{q}{\\bx} = (A + A^T)\\bx \\]',
      '\\[ \\pd{q}{\\bx} = A \\bx \\]',
      '\\[ \\pd{}{A} \\Tr(A) = I \\]',
      '\\end{document}',
    ].join('\n');
    expect(verdicts(tex, 'hw.tex')).toEqual(['8 correct', '9 incorrect', '10 correct']);
  });

  it('reads macros defined in a Markdown document, inside maths or out, and \\renewcommand over a command', () => {
    const doc = [
      '# Setup',
      '$\\newcommand{\\sig}[1]{\\sigma\\left(#1\\right)}$',
      '\\renewcommand{\\th}{\\theta}',
      '$$h(\\th) = \\sig{\\th^2}$$',
      "$$h'(\\th) = 2\\th \\, \\sig{\\th^2}(1 - \\sig{\\th^2})$$",
    ].join('\n');
    // d/dθ σ(θ²) = 2θ σ(θ²)(1 - σ(θ²)) (sympy: difference 0).
    expect(verdicts(doc, 'doc.md')).toEqual(['5 correct']);
  });

  it('stops expanding a macro that uses itself, and reads nothing more of its line', () => {
    const doc = ['# Loop', '\\def\\a{\\a\\a}', '$$f(x) = x^2$$', "$$f'(x) = 2x + \\a$$", "$$f'(x) = 2x$$"].join('\n');
    expect(verdicts(doc, 'doc.md')).toEqual(['5 correct']);
  });

  it("reads a sample superscript a macro writes (`x\\sk` for x^{(k)}) under a sum over its letter", () => {
    // J = (1/2n) Σ_k (θ x_k − y_k)²: sympy at n = 3 gives ∂J/∂θ = (1/n) Σ_k (θ x_k − y_k) x_k; without the x_k it is wrong.
    const doc = [
      '\\newcommand{\\sk}{^{(k)}}', // 1
      '$$J(\\theta) = \\frac{1}{2n}\\sum_{k=1}^{n}(\\theta x\\sk - y\\sk)^2$$', // 2
      '$$\\frac{\\partial J}{\\partial \\theta} = \\frac{1}{n}\\sum_{k=1}^{n}(\\theta x\\sk - y\\sk)x\\sk$$', // 3: right
      '$$\\frac{\\partial J}{\\partial \\theta} = \\frac{1}{n}\\sum_{k=1}^{n}(\\theta x\\sk - y\\sk)$$', // 4: wrong
    ].join('\n');
    expect(verdicts(doc, 'doc.md')).toEqual(['3 correct', '4 incorrect']);
  });
});

describe('macros a page gives its maths renderer', () => {
  // Blog style: MathJax 2's configuration script names the macros, bodies in braces. q = xᵀAx: ∂q/∂x = (A + Aᵀ)x
  // (sympy, n = 3); A x alone (line 18) is wrong for a general A.
  const page = (config: string) =>
    [
      config, // 1-11
      '',
      '# Quadratic form', // 13
      '',
      'Let $\\vx \\in \\R^{n}$, $A \\in \\R^{n \\times n}$ and $q = \\vx^T A \\vx$.', // 15
      '',
      '$$\\pd{q}{\\vx} = (A + A^T) \\vx$$', // 17: right
      '$$\\pd{q}{\\vx} = A \\vx$$', // 18: wrong
    ].join('\n');

  it("reads MathJax 2's Macros, with and without parameters", () => {
    const config = [
      '<script type="text/x-mathjax-config">',
      'MathJax.Hub.Config({',
      '  TeX: {',
      '    Macros: {',
      '      R: "{\\\\mathbb{R}}",',
      "      vx: '{\\\\mathbf{x}}',",
      '      pd: ["\\\\frac{\\\\partial #1}{\\\\partial #2}", 2]',
      '    }',
      '  }',
      '});',
      '</script>',
    ].join('\n');
    expect(verdicts(page(config), 'post.md')).toEqual(['17 correct', '18 incorrect']);
  });

  it("reads MathJax 3's and KaTeX's macros, keys written with their backslash", () => {
    const config = [
      '<script>',
      'window.MathJax = { tex: { inlineMath: [["$", "$"]],',
      '  macros: { "\\\\R": "\\\\mathbb{R}", "\\\\vx": "\\\\mathbf{x}",',
      '    "\\\\pd": ["\\\\frac{\\\\partial #1}{\\\\partial #2}", 2] } } };',
      '</script>',
      '',
      '',
      '',
      '',
      '',
      '',
    ].join('\n');
    expect(verdicts(page(config), 'post.md')).toEqual(['17 correct', '18 incorrect']);
  });
});

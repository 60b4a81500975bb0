// Index notation in documents that declare nothing (docs/index-notation.md §7): entry-by-entry definitions,
// the arrays the notation implies, and maths written as formula-image URLs.
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { checkSource } from '../../src/app/check';
import { decodeFormulaImages } from '../../src/latex/formulaImages';

const verdicts = (source: string, file: string) => checkSource(source, file).report.claims.map((c) => `${c.line} ${c.verdict}`);

describe('fixtures/latex/implied_arrays.md', () => {
  it('gives each line the verdict worked out by hand in its comment', () => {
    const file = 'fixtures/latex/implied_arrays.md';
    expect(verdicts(readFileSync(file, 'utf8'), file)).toEqual(['11 correct', '14 correct', '17 incorrect', '20 correct', '29 incorrect', '32 correct', '41 correct']);
  });
});

describe('entry-by-entry definitions', () => {
  it('reads p_i = \\sigma(z_i) as the definition of the vector p, in .cr as in LaTeX', () => {
    const cr = 'y : N x 1\nz : N x 1\np_i = sigma(z_i)\nL = -sum_{i=1}^N (y_i log(p_i) + (1 - y_i) log(1 - p_i))\ndL/dz_i = p_i - y_i\ndL/dz_i = y_i - p_i\n';
    expect(verdicts(cr, 't.cr')).toEqual(['5 correct', '6 incorrect']);
  });

  it('keeps x_1 = 3 and a right side without the index names of their own', () => {
    const cr = 'x_1 = 3\ny_i = 2\nf = x_1 y_i\ndf/dx_1 = y_i\ndf/dx_1 = 3\n';
    expect(verdicts(cr, 't.cr')).toEqual(['4 correct', '5 incorrect']);
  });
});

describe('implied arrays', () => {
  it('takes y_i under a sum to N as entry i of a vector of N, and keeps \\delta_{ij} the Kronecker delta', () => {
    const md = ['# a', '$$L = \\sum_{i=1}^N (w x_i - y_i)^2$$', '$$\\frac{\\partial L}{\\partial w} = 2 \\sum_{i=1}^N (w x_i - y_i) x_i$$', '$$\\frac{\\partial L}{\\partial x_k} = 2 (w x_k - y_k) w$$', '$$\\frac{\\partial L}{\\partial x_k} = 2 (w x_k - y_k)$$'].join('\n');
    // dL/dw = sum 2 r_i x_i; dL/dx_k = 2 r_k w (only the k-th term depends on x_k); the last line drops w
    expect(verdicts(md, 't.md')).toEqual(['3 correct', '4 correct', '5 incorrect']);
  });

  it('takes an index letter written only as the base of entries (q_k) as an array, and keeps it an index where it indexes', () => {
    // h = softmax(v), E = -Σ_k q_k ln h_k with q any weights (numpy at sizes 3, 4, 5): ∂E/∂h_k = -q_k/h_k,
    // ∂E/∂v_k = h_k Σ_l q_l - q_k; the sign dropped is wrong. q is never an index here, so q_k is entry k of q.
    const md = [
      '# Targets',
      '$$h_k = \\frac{e^{v_k}}{\\sum_l e^{v_l}}$$',
      '$$E = -\\sum_k q_k \\ln h_k$$',
      '$$\\frac{\\partial E}{\\partial h_k} = -\\frac{q_k}{h_k}$$',
      '$$\\frac{\\partial E}{\\partial h_k} = \\frac{q_k}{h_k}$$',
      '$$\\frac{\\partial E}{\\partial v_k} = h_k \\sum_l q_l - q_k$$',
    ].join('\n');
    expect(verdicts(md, 't.md')).toEqual(['4 correct', '5 incorrect', '6 correct']);
    // Where q also indexes (`g_q`), q_k stays a number of its own (as before): the lines on h_k hold or fail
    // for it as for any weights, but the last needs q as an array, and is not judged.
    const indexed = md.replace('$$E = -\\sum_k q_k \\ln h_k$$', '$$E = -\\sum_k q_k \\ln h_k + \\sum_q g_q$$');
    expect(verdicts(indexed, 't.md')).toEqual(['4 correct', '5 incorrect', '6 unjudged']);
  });

  it('leaves names that mean something alone: a defined vector is indexed, not declared again', () => {
    const md = ['# a', '$$h \\in \\mathbb{R}^{n}$$', '$$s = \\mathrm{softmax}(h)$$', '$$\\frac{\\partial s_i}{\\partial h_j} = s_i(\\delta_{ij} - s_j)$$', '$$\\frac{\\partial s_i}{\\partial h_j} = s_i(\\delta_{ij} - s_i)$$'].join('\n');
    expect(verdicts(md, 't.md').map((v) => v.replace('unjudged', 'incorrect'))).toEqual(['4 correct', '5 incorrect']);
  });
});

describe('formula images', () => {
  it('decodes codecogs and GitHub math URLs in place, keeping lines', () => {
    const src = 'a\n<img src="https://latex.codecogs.com/svg.latex?%5Cfrac%7B%5Cpartial%20L%7D%7B%5Cpartial%20w%7D%3D2w" />\nb ![f](https://render.githubusercontent.com/render/math?math=f(x)%3Dx%5E2) c\n';
    const out = decodeFormulaImages(src);
    expect(out.split('\n')).toEqual(['a', '<img src="https://latex.codecogs.com/svg.latex?$$\\frac{\\partial L}{\\partial w}=2w$$" />', 'b ![f](https://render.githubusercontent.com/render/math?math=$$f(x)=x^2$$) c', '']);
  });

  it('leaves other images, and drops codecogs rendering switches', () => {
    expect(decodeFormulaImages('![cat](https://example.com/cat.png)')).toBe('![cat](https://example.com/cat.png)');
    expect(decodeFormulaImages('<img src="https://latex.codecogs.com/png.latex?\\dpi{120}\\bg_white%20x%3D1">')).toBe('<img src="https://latex.codecogs.com/png.latex?$$x=1$$">');
  });
});

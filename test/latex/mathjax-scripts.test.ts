// MathJax 2's `<script type="math/tex">` elements, which kramdown and LyX's HTML export write for `$..$` and
// `$$..$$`, hold maths (src/latex/extract.ts scriptMathAt).
import { describe, expect, it } from 'vitest';
import { checkSource } from '../../src/app/check';
import { scanMarkdown } from '../../src/latex/extract';

const verdicts = (md: string) => checkSource(md, 't.md').report.claims.map((c) => `${c.line} ${c.verdict}`);

describe('MathJax script elements', () => {
  it('are maths blocks, inline or display, in a post written with them', () => {
    // ŷ = σ(wᵀx), L the binary cross-entropy: ∂L/∂w = (ŷ − y) x; sympy at w = (0.4, −0.9), x = (1.3, 0.2),
    // y = 1: difference 0, and (y − ŷ) x is off by (−1.08, −0.17).
    const md = [
      'Let <script type="math/tex">w, x \\in \\mathbb{R}^n</script> and a label <script type="math/tex">y \\in \\mathbb{R}</script>. The model predicts <script type="math/tex">\\hat y = \\sigma(w^T x)</script> and is trained on',
      '',
      '<script type="math/tex; mode=display">',
      'L = -y \\log \\hat y - (1 - y) \\log(1 - \\hat y)',
      '</script>',
      '',
      '<script type="math/tex; mode=display">',
      '\\frac{\\partial L}{\\partial w} = (\\hat y - y) x',
      '</script>',
      '',
      'and not <script type="math/tex; mode=display">\\frac{\\partial L}{\\partial w} = (y - \\hat y) x</script>',
    ].join('\n');
    expect(verdicts(md)).toEqual(['8 correct', '11 incorrect']);
  });

  it('reads only maths types, and an element closed somewhere', () => {
    const events = (md: string) => scanMarkdown(md).filter((e) => e.kind === 'math').map((e) => [e.text, e.kind === 'math' && e.display]);
    expect(events('<script type="text/javascript">x = 1</script>')).toEqual([]);
    expect(events('<script type="math/tex">a = b</script>')).toEqual([['a = b', false]]);
    expect(events("<script type='math/tex; mode=display'>a = b</script>")).toEqual([['a = b', true]]);
    expect(events('<script type="math/tex">a = b')).toEqual([]);
  });
});

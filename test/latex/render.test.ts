import { describe, expect, it } from 'vitest';
import { renderStepHtml, stepLatex } from '../../src/latex/render';
import { parse } from './helpers';

function firstStep(math: string) {
  const [st] = parse(math).statements;
  if (st?.kind !== 'equation') throw new Error('no equation');
  return st.rhs[0];
}

describe('rendering the author LaTeX', () => {
  it('returns the step as the author wrote it', () => {
    expect(stepLatex(firstStep(String.raw`\frac{\partial L}{\partial W} = X^{T} \frac{\partial L}{\partial h}`))).toBe(String.raw`X^{T} \frac{\partial L}{\partial h}`);
  });

  it('typesets it with KaTeX', () => {
    const html = renderStepHtml(firstStep(String.raw`y = \frac{a}{b}`));
    expect(html).toContain('class="katex"');
    expect(html).toContain('mfrac');
  });

  it('never throws and never trusts links in student input', () => {
    const step = { expr: { kind: 'number' as const, value: 1, text: '1', span: { line: 1, column: 1, endLine: 1, endColumn: 2 } }, text: String.raw`\href{javascript:alert(1)}{x} + \frac{`, span: { line: 1, column: 1, endLine: 1, endColumn: 2 } };
    const html = renderStepHtml(step);
    expect(html).not.toMatch(/<a\b|href=/);
  });
});

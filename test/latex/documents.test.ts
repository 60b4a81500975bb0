// Markdown and LaTeX documents: where maths is found, which problem each statement belongs to,
// unreadable blocks skipped with a warning, chains continued across blocks, ```cr fences.
import { readFileSync } from 'fs';
import { join } from 'path';
import { describe, expect, it } from 'vitest';
import { parseMarkdown, parseTex } from '../../src/latex/documents';
import { headingMarker, lineMarker } from '../../src/latex/problems';
import { parseFile } from '../../src/syntax/parse';
import type { ParsedFile } from '../../src/syntax/ast';
import { showStatement } from './print';

const md = (source: string) => parseMarkdown(source, 'doc.md');
const shown = (source: string) => md(source).statements.map(showStatement);

describe('finding maths in Markdown', () => {
  it('reads display and inline maths in document order, and skips prose', () => {
    const doc = md(['Some prose with $a = 1$ inline.', '', '$$b = 2$$', '', '\\[ c = 3 \\]', 'and \\(d = 4\\) too.'].join('\n'));
    expect(doc.statements.map(showStatement)).toEqual(['a = 1', 'b = 2', 'c = 3', 'd = 4']);
    expect(doc.blocks.map((b) => [b.kind, b.span.line, b.span.column])).toEqual([
      ['inline', 1, 18],
      ['display', 3, 3],
      ['display', 5, 3],
      ['inline', 6, 7],
    ]);
  });

  it('reads a display block over several lines', () => {
    expect(shown('$$\nh = X W\n  + b\n$$')).toEqual(['h = (+ (* X W) b)']);
  });

  it.each(['align', 'align*', 'equation', 'equation*', 'aligned'])('reads a bare \\begin{%s} environment', (env) => {
    const doc = md(`Text.\n\\begin{${env}}\nh &= X W \\\\\n  &= W^T X^T\n\\end{${env}}\n`);
    expect(doc.statements.map(showStatement)).toEqual(['h = (* X W) = (* (T W) (T X))']);
    expect(doc.blocks[0].span.line).toBe(2);
  });

  it('skips code, HTML comments, escaped dollars and prices', () => {
    const source = [
      '<!-- $$a = 1$$ -->',
      '```python',
      'x = "$$b = 2$$"',
      '```',
      'Inline `$c = 3$` code, a \\$5 fee, and $5 or $10 prices.',
      '$$d = 4$$',
    ].join('\n');
    expect(shown(source)).toEqual(['d = 4']);
  });

  it('attaches a block that starts with = to the chain before it', () => {
    const doc = md('$$\\frac{dL}{da} = -\\frac{y}{a} + \\frac{1-y}{1-a}$$\n\nSo\n\n$$= \\frac{a-y}{a(1-a)}$$\n');
    expect(doc.statements.map(showStatement)).toEqual(['(d L / a) = (+ (neg (/ y a)) (/ (- 1 y) (- 1 a))) = (/ (- a y) a((- 1 a)))']);
    expect(doc.statements[0].span).toEqual({ line: 1, column: 3, endLine: 5, endColumn: 23 });
    expect(doc.blocks.map((b) => b.statements)).toEqual([1, 0]);
  });

  it('continues a chain past inline maths in prose that states nothing', () => {
    expect(shown('$$a = b$$\n\nSince $\\{x\\}$ is fixed and $N$ is large,\n\n$$= c$$\n')).toEqual(['a = b = c']);
  });

  it('does not attach a continuation to an unreadable chain, nor across a problem heading', () => {
    const broken = md('$$\\frac{dL}{da} = P(Y = 1|X)$$\n\n$$= a - y$$\n');
    expect(broken.statements).toEqual([]);
    expect(broken.diagnostics.map((d) => [d.span.line, d.message])).toEqual([[1, 'cannot read this maths: unexpected `=`']]);
    const heading = md('$$a = b$$\n\n## 2a\n\n$$= c$$\n');
    expect(heading.statements.map(showStatement)).toEqual(['a = b', 'problem 2a']);
    expect(heading.diagnostics.map((d) => d.message)).toEqual(['this maths starts with `=` but there is no equation before it to continue']);
  });

  it('skips an unreadable block with a warning that gives the line and the reason, and keeps reading', () => {
    const doc = md(['$$a = 1$$', '', '$$\\mathbb{R} \\times \\mathbb{R}^{C} = c$$', '', '$$w_j = \\int g$$', '', '$$b = 2$$'].join('\n'));
    expect(doc.statements.map(showStatement)).toEqual(['a = 1', 'b = 2']);
    expect(doc.diagnostics).toEqual([
      { severity: 'warning', code: 'parse-error', message: 'cannot read this maths: \\mathbb{R} can only follow \\in', span: { line: 3, column: 3, endLine: 3, endColumn: 13 } },
      { severity: 'warning', code: 'parse-error', message: 'cannot read this maths: integrals are not supported', span: { line: 5, column: 9, endLine: 5, endColumn: 13 } },
    ]);
    expect(doc.blocks.map((b) => b.read)).toEqual([true, false, false, true]);
  });

  it('stays quiet about inline maths that claims nothing, but not about inline claims', () => {
    // `y \in \{0, 1\}` declares a number (a label); a set of names is refused.
    expect(md('Each $\\mathbf{x} = \\{x_1, x_2\\}$ and $y \\in \\{0, 1\\}$ and $P(Y|X)$ or $(i), (ii)$.').diagnostics.map((d) => d.message)).toEqual([
      'cannot read this maths: sets (\\{ \\}) are not supported',
    ]);
  });
});

describe('problem ids', () => {
  it.each([
    ['1a', { id: '1a' }],
    ['Problem 2', { id: '2' }],
    ['Problem 2: Softmax regression', { id: '2', title: 'Softmax regression' }],
    ['Q2. Backpropagation', { id: '2', title: 'Backpropagation' }],
    ['1 Optimization', { id: '1', title: 'Optimization' }],
    ['**Question 3(b)**', { id: '3b' }],
    ['(b)', { part: 'b' }],
    // a sub-problem number, and an emoji before the words
    ['✏️ Exercise 2.1: Chain Rule Practice', { id: '2.1', title: 'Chain Rule Practice' }],
    ['Exercise 2.b', { id: '2b' }],
    ['Logistic Regression', undefined],
    ['Homework I', undefined],
  ])('heading %s', (text, expected) => {
    expect(headingMarker(text)).toEqual(expected);
  });

  it.each([
    ['Problem 1b', { id: '1b' }],
    ['problem 1a "Logistic regression"', { id: '1a', title: 'Logistic regression' }],
    ['- (b) Below is a neural network', { part: 'b' }],
    ['**(c)** Compute', { part: 'c' }],
    ['(i)\t(ii)\t(iii)', undefined],
    ['Questions 1 + 5', undefined],
    ['The problem 2 says', undefined],
    ['From 1a.', undefined],
  ])('line %s', (text, expected) => {
    expect(lineMarker(text)).toEqual(expected);
  });

  it('gives every statement the problem it belongs to, and a problem statement where it starts', () => {
    const doc = md(['$$z = 0$$', '## 1a', '$$a = 1$$', '## Problem 2', '- (a) first', '$$b = 2$$', '(b) then', '$$c = 3$$', 'Problem 3c', '$$d = 4$$'].join('\n'));
    expect(doc.statements.map(showStatement)).toEqual(['z = 0', 'problem 1a', 'a = 1', 'problem 2a', 'b = 2', 'problem 2b', 'c = 3', 'problem 3c', 'd = 4']);
    expect(doc.problemIds).toEqual([undefined, '1a', '1a', '2a', '2a', '2b', '2b', '3c', '3c']);
    expect(doc.statements[1].span).toEqual({ line: 2, column: 1, endLine: 2, endColumn: 6 });
  });

  it('keeps a heading title', () => {
    expect(md('## 5a Softmax regression\n$$a = 1$$').statements[0]).toMatchObject({ kind: 'problem', id: '5a', title: 'Softmax regression' });
  });
});

describe('```cr fences', () => {
  it('passes them to the .cr parser and moves its spans to the document lines', () => {
    const calls: string[] = [];
    const fake = (source: string, file: string): ParsedFile => {
      calls.push(source);
      return {
        file,
        source,
        statements: [{ kind: 'problem', id: '4', span: { line: 1, column: 1, endLine: 1, endColumn: 10 } }],
        diagnostics: [{ severity: 'error', code: 'parse-error', message: 'x', span: { line: 2, column: 3, endLine: 2, endColumn: 4 } }],
      };
    };
    const doc = parseMarkdown('Intro\n\n```cr\nproblem 4\nbad line\n```\n$$a = 1$$\n', 'doc.md', { parseCr: fake });
    expect(calls).toEqual(['problem 4\nbad line\n']);
    expect(doc.statements.map(showStatement)).toEqual(['problem 4', 'a = 1']);
    expect(doc.problemIds).toEqual(['4', '4']);
    expect(doc.statements[0].span).toEqual({ line: 4, column: 1, endLine: 4, endColumn: 10 });
    expect(doc.diagnostics[0].span).toEqual({ line: 5, column: 3, endLine: 5, endColumn: 4 });
  });

  it('reads .cr lines with the real .cr parser', () => {
    const doc = md('## 1a\n\n```cr\nX : 1 x M\nh = X W\ndL/dW = X^T dL/dh\n```\n\n$$\\frac{\\partial L}{\\partial W} = X^T \\frac{\\partial L}{\\partial h}$$\n');
    const cr = parseFile('X : 1 x M\nh = X W\ndL/dW = X^T dL/dh\n', 'x.cr');
    expect(doc.diagnostics).toEqual([]);
    expect(doc.statements.map(showStatement)).toEqual(['problem 1a', ...cr.statements.map(showStatement), '(d L / W) = (* (T X) (d L / h))']);
    // the same claim written in .cr and in LaTeX gives the same tree
    const [crClaim, texClaim] = [doc.statements[3], doc.statements[4]];
    expect(showStatement(crClaim)).toBe(showStatement(texClaim));
    expect(crClaim.span.line).toBe(6);
  });
});

describe('LaTeX documents', () => {
  it('reads the document body: sections, items, comments, environments, inline maths', () => {
    const source = String.raw`\documentclass{article}
\newcommand{\R}{\mathbb{R}}
\begin{document}
\section*{Problem 1}
% $$a = 99$$ is a comment
\begin{enumerate}
\item[(a)] We have $h = XW + b$ and
\begin{align*}
\frac{\partial L}{\partial W} &= X^T \frac{\partial L}{\partial h} \\
  &= X^T (a - y)
\end{align*}
\item[(b)] Then \[ \frac{\partial L}{\partial b} = a - y \]
\end{enumerate}
\begin{verbatim}
$$c = 3$$
\end{verbatim}
\end{document}
$$d = 4$$`;
    const doc = parseTex(source, 'doc.tex');
    expect(doc.diagnostics).toEqual([]);
    expect(doc.statements.map(showStatement)).toEqual([
      'problem 1a',
      'h = (+ (* X W) b)',
      '(d L / W) = (* (T X) (d L / h)) = (* (T X) (- a y))',
      'problem 1b',
      '(d L / b) = (- a y)',
    ]);
    expect(doc.problemIds).toEqual(['1a', '1a', '1a', '1b', '1b']);
  });
});

describe('limits', () => {
  it('refuses a document with absurdly many maths blocks, with one error', () => {
    const doc = md('$a$ '.repeat(6000));
    expect(doc.statements).toEqual([]);
    expect(doc.diagnostics.map((d) => [d.severity, d.code, d.message])).toEqual([['error', 'limit-exceeded', 'the input has 6000 maths blocks; the limit is 5000']]);
  });
});

describe('raw seeds (OCR noise included)', () => {
  // Counted from the seeds: the unread blocks are OCR garbage (`;` for `_`, \underbrace
  // for a sum sign), sets and the P(Y = 1|X) line. Set aside with a note, and so read: the five lines of
  // \mathbb{R} shape scratch (132, 134, 137, 146, 162) and the update rule; the chain of line 156 ends in
  // `= \mathbb{R}^{N\times L}(\ldots) = \mathbb{R}^{N\times L}`, read as its shape claim (one more statement,
  // one warning less). Index sums give no warning (lowering reads them as index notation): 4 fewer in the second seed.
  // Line 95's `\int \frac{\partial L}{\partial b_2} = ...` opens with an integral sign that integrates nothing
  // (no differential): OCR of a bracket, read without it; line 144's `\neq \mathbb{R}^{1 \times L}` compares a value
  // with a set: OCR of \in (each one more block read and statement, one warning less).
  // Line 124's `\left( \begin{array}{c} .. \end{array} \right)` is a matrix since arrays are read (ellipsisMatrices.ts):
  // its block stays unread for the OCR'd `\overline{\geq}` inside, with that one warning instead of two.
  it.each([
    ['homework_backprop_matrix_form.md', { blocks: 77, read: 71, statements: 54, diagnostics: 11 }],
    // line 10, `P(Y = 1|X) = h(\mathbf{x}) = ...`, reads from h on (the probability glosses the formula)
    ['homework_logreg_and_numeric_backprop.md', { blocks: 45, read: 42, statements: 39, diagnostics: 4 }],
  ])('%s: never fails, only warns', (name, expected) => {
    // fixtures/seeds holds verbatim copies of the OCR'd homework, so CI needs nothing outside the repo.
    const doc = md(readFileSync(join(__dirname, '../../fixtures/seeds', name), 'utf8'));
    expect(doc.diagnostics.every((d) => d.severity === 'warning')).toBe(true);
    expect({
      blocks: doc.blocks.length,
      read: doc.blocks.filter((b) => b.read).length,
      statements: doc.statements.length,
      diagnostics: doc.diagnostics.length,
    }).toEqual(expected);
  });
});

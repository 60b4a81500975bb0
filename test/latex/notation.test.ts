// Textbook notation (issue 13, item 2): each construct is read into the AST its .cr equivalent gives, or
// recognised and set aside with a note (code `not-a-claim`) that says what it was. Where the reading
// needs the document (a function it defines, a point, index notation), the check's verdicts are compared.
import { readFileSync } from 'fs';
import { describe, expect, it } from 'vitest';
import { checkSource } from '../../src/app/check';
import { parseMarkdown } from '../../src/latex/documents';
import { parseFile } from '../../src/syntax/parse';
import { parse, printed, shown } from './helpers';
import { showStatement } from './print';

/** The statements of .cr lines, printed like the LaTeX ones. */
function cr(source: string): string[] {
  const r = parseFile(source, 'test.cr');
  expect(r.diagnostics).toEqual([]);
  return r.statements.map(showStatement);
}

/** The notes of a block that is set aside, and that it gives no statement. */
function setAside(math: string): string[] {
  const r = parse(math);
  expect(r.statements).toEqual([]);
  expect(r.unreadRows).toBe(0);
  return r.diagnostics.map((d) => `${d.severity} ${d.code} ${d.message}`);
}

/** What `check` says of each claim: target, expected value, and the verdict of each step. */
function verdicts(source: string, file: string): string[] {
  return checkSource(source, file).report.claims.map((c) => `${c.target} = ${c.expected}: ${c.steps.map((s) => s.verdict).join(', ')}`);
}

/** The verdicts of the steps alone (targets print differently from documents and from .cr). */
function stepVerdicts(source: string, file: string): string[] {
  return checkSource(source, file).report.claims.flatMap((c) => c.steps.map((s) => s.verdict));
}

describe('derivatives written as textbooks do', () => {
  it('reads ∂L/∂σ(z), a derivative with respect to an expression, as .cr dL/dsigma(z)', () => {
    expect(printed(String.raw`\frac{\partial L}{\partial \sigma(z)} = 2\sigma(z)`)).toEqual(cr('dL/dsigma(z) = 2 sigma(z)'));
    // and with braces around the variable, as in \partial{x}
    expect(printed(String.raw`\frac{\partial{z_1}}{\partial{x}} = W_1`)).toEqual(cr('dz_1/dx = W_1'));
  });

  it('checks ∂L/∂σ(z) as the adjoint of the intermediate σ(z) of L', () => {
    // L = σ(z)^2, so ∂L/∂σ(z) = 2σ(z); 2z would be wrong.
    const md = ['$$z \\in \\mathbb{R}$$', '$$L = \\sigma(z)^2$$', '$$\\frac{\\partial L}{\\partial \\sigma(z)} = 2\\sigma(z)$$', '$$\\frac{\\partial L}{\\partial \\sigma(z)} = 2z$$'].join('\n');
    expect(stepVerdicts(md, 't.md')).toEqual(['correct', 'incorrect']);
    expect(stepVerdicts(md, 't.md')).toEqual(stepVerdicts('z : scalar\nL = sigma(z)^2\ndL/dsigma(z) = 2 sigma(z)\ndL/dsigma(z) = 2 z\n', 't.cr'));
  });

  it('reads \\nabla f(x, y) as grad(f(x, y), [x, y])', () => {
    expect(printed(String.raw`\nabla f(x, y) = [2xy, x^2]`)).toEqual(cr('grad(f(x, y), [x, y]) = [2 x y, x^2]'));
  });

  it('refuses a bare \\nabla with what to write, and reads one of a call at a point (test/latex/multivariable.test.ts)', () => {
    const message = 'cannot read this maths: write the gradient with its variable, as in \\nabla_{W} L, or of a function of named arguments, as in \\nabla f(x, y)';
    // Whether L is a function the document defines, only the whole document tells (bareGradients.ts).
    expect(parseMarkdown('$$\\nabla L = 0$$\n', 't.md').diagnostics.map((d) => d.message)).toEqual([message]);
    expect(parseMarkdown('$$L(w) = w^2$$\n$$\\nabla L = 2w$$\n', 't.md').statements.map(showStatement)).toEqual(cr('L(w) = w^2\ngrad(L(w), [w]) = 2 w\n'));
    expect(parse(String.raw`\nabla f(1, 2) = 0`).diagnostics).toEqual([]);
    expect(parse(String.raw`\nabla f(x + 1, 2) = 0`).diagnostics.map((d) => d.message)).toEqual([message]);
  });

  it('reads \\nabla_w L as ∂L/∂w (and \\nabla_w of an expression as the operator)', () => {
    expect(printed(String.raw`\nabla_w L = X^T (Xw - y)`)).toEqual(cr('dL/dw = X^T (X w - y)'));
    expect(printed(String.raw`\nabla_{\mathbf{w}} (L + 1) = 0`)).toEqual(cr('d/dw (L + 1) = 0'));
  });

  it('reads J_F and J_{F \\circ G}(x, y) as Jacobians of the functions the document defines', () => {
    const defs = ['$$F(x, y) = \\begin{bmatrix} x y \\\\ x + y \\end{bmatrix}$$', '$$G(x, y) = \\begin{bmatrix} 2 x \\\\ y \\end{bmatrix}$$'];
    const md = [...defs, '$$J_F = A$$', '$$J_F(x, y) = A$$', '$$J_{F \\circ G}(x, y) = A$$', '$$J_{F \\circ G} = A$$'].join('\n');
    const latex = parseMarkdown(md, 't.md').statements.slice(2).map(showStatement);
    expect(latex).toEqual(cr('jacobian(F(x, y), [x, y]) = A\njacobian(F(x, y), [x, y]) = A\njacobian(F(G(x, y)), [x, y]) = A\njacobian(F(G(x, y)), [x, y]) = A\n'));
  });

  it('checks J_{F \\circ G}(x, y) as .cr checks jacobian(F(G(x, y)), [x, y])', () => {
    // F(G(x, y)) = [2xy; 2x + y]: the Jacobian is [2y, 2x; 2, 1]; [2y, 2x; 1, 2] swaps the second row.
    const md = [
      '$$x, y \\in \\mathbb{R}$$',
      '$$F(x, y) = \\begin{bmatrix} x y \\\\ x + y \\end{bmatrix}$$',
      '$$G(x, y) = \\begin{bmatrix} 2 x \\\\ y \\end{bmatrix}$$',
      '$$J_{F \\circ G}(x, y) = \\begin{bmatrix} 2y & 2x \\\\ 2 & 1 \\end{bmatrix}$$',
      '$$J_{F \\circ G}(x, y) = \\begin{bmatrix} 2y & 2x \\\\ 1 & 2 \\end{bmatrix}$$',
    ].join('\n');
    const dotCr = 'x, y : scalar\nF(x, y) = [x y; x + y]\nG(x, y) = [2 x; y]\njacobian(F(G(x, y)), [x, y]) = [2 y, 2 x; 2, 1]\njacobian(F(G(x, y)), [x, y]) = [2 y, 2 x; 1, 2]\n';
    expect(verdicts(md, 't.md')).toEqual(verdicts(dotCr, 't.cr'));
    expect(verdicts(md, 't.md').map((v) => v.split(': ')[1])).toEqual(['correct', 'incorrect']);
  });

  it('leaves J_X a name when X is no function of the document', () => {
    expect(parseMarkdown('$$J_W = 2$$', 't.md').statements.map(showStatement)).toEqual(['JW = 2']);
  });

  it('reads an evaluation bar as the claim\'s own point', () => {
    const [st] = parse(String.raw`\frac{df}{dx}\Big|_{x=2} = 12`).statements;
    expect(st).toMatchObject({ kind: 'equation', point: [{ name: 'x', value: 2, rounded: false }] });
    expect(showStatement(st)).toBe(cr('df/dx = 12')[0]);
    const [right] = parse(String.raw`\left. \frac{d}{dx} x^3 \right|_{x = 2, y = -1} = 12`).statements;
    expect(right).toMatchObject({ point: [{ name: 'x', value: 2 }, { name: 'y', value: -1 }] });
  });

  it('checks at the bar\'s point, for that claim only (as .cr does after `at x = 2`)', () => {
    // f = x^3: f'(2) = 12; 13 is wrong. The last claim has no bar: 3x^2 holds at every point.
    const md = ['$$x \\in \\mathbb{R}$$', '$$f = x^3$$', '$$\\frac{df}{dx}\\Big|_{x=2} = 12$$', '$$\\left.\\frac{df}{dx}\\right|_{x=2} = 13$$', '$$\\frac{df}{dx} = 3x^2$$'].join('\n');
    expect(verdicts(md, 't.md')).toEqual(['df/dx = 3 x^2: correct', 'df/dx = 3 x^2: incorrect', 'df/dx = 3 x^2: correct']);
    expect(verdicts(md, 't.md').slice(0, 2)).toEqual(verdicts('x : scalar\nf = x^3\nat x = 2\ndf/dx = 12\ndf/dx = 13\n', 't.cr'));
  });
});

describe('functions and names', () => {
  it.each([
    // (sin x)^2, not sin(x^2)
    [String.raw`\sin^2 x`, 'sin(x)^2'],
    [String.raw`\log^2(1 - a)`, 'log(1 - a)^2'],
    // square brackets group one expression; with commas they are a row
    [String.raw`-[ y \log a + (1-y) \log(1-a) ]`, '-(y log(a) + (1 - y) log(1 - a))'],
    [String.raw`[a, b]`, '[a, b]'],
    [String.raw`[0.6457, 0.4256]^T`, '[0.6457, 0.4256]^T'],
    // fonts: `{\bf x}` is x
    [String.raw`{\bf x} + \bf{\hat{y} - y}`, 'x + (yhat - y)'],
    // blackboard bold used as bold (`\mathbb{x}`); \mathbb{I} is the identity's I
    [String.raw`\mathbb{w}^T \mathbb{x} + \mathbb{\theta} + \mathbb{I}`, 'w^T x + theta + I'],
    // the trace macro every matrix-calculus text defines; a unit's name as a subscript (a_{h_1}: the activation of h1)
    [String.raw`\tr(X^T A) + \Tr(B) + a_{h_1} + \hat{y}_{t_k}`, 'tr(X^T A) + trace(B) + a_h1 + yhat_tk'],
    // an accent over an entry marks the letter: \hat{y_k} is ŷ_k, as \hat{y}_k is
    [String.raw`\hat{y_k} - \hat{y}_k + \tilde{\theta_{j}}`, 'yhat_k - yhat_k + thetatilde_j'],
    // a brace's label and a cancellation stroke carry no maths
    [String.raw`\underbrace{(a + b)}_{\text{sum}} c + \overbrace{d}^{\text{d}}`, '(a + b) c + d'],
    [String.raw`\cancel{x} + \textcolor{red}{y}`, 'x + y'],
    // a struck-out term with its sign stays a term of the sum (not a factor: y (-y h) would be a product)
    [String.raw`y \cancel{- y h} - h \cancel{ + y h}`, 'y - y h - h + y h'],
    // function words however written
    [String.raw`\text{softmax}(h)`, 'softmax(h)'],
    [String.raw`\operatorname{softmax}(h) + \operatorname{tanh} h`, 'softmax(h) + tanh(h)'],
    // an operator name in \text or \mathrm before `(` is a call, as CE(y, yhat) is in .cr
    [String.raw`\text{CE}(y, \hat y) + \mathrm{MSE}(y, a)`, 'CE(y, yhat) + MSE(y, a)'],
    // layer superscripts are part of the name: W^L is W_L (WL), a^{L-1} is a_{Lm1}
    [String.raw`W^L a^{L-1} + W^{[l]} + \delta^{(l+1)}`, 'W_L a_Lm1 + W_l + delta_lp1'],
    // a sample index on a capital name (a per-sample cost), and written as a subscript in brackets
    [String.raw`C^n + x_{(i)} + w_{t+1}`, 'C_n + x_i + w_tp1'],
    // powers stay powers: a lowercase base with n, a number, an expression
    [String.raw`x^n + x^2 + x^{n-1} + e^L`, 'x^n + x^2 + x^(n - 1) + exp(L)'],
  ])('%s', (latex, dotCr) => {
    expect(shown(latex)).toBe(cr(`Z = ${dotCr}`)[0].slice('Z = '.length));
  });

  it('reads \\sin^{-1} as arcsin and refuses the inverses chainrule lacks (the inverse function, not a power)', () => {
    expect(parse(String.raw`y = \sin^{-1} x`).diagnostics).toEqual([]);
    expect(parse(String.raw`y = \cosh^{-1} x`).diagnostics.map((d) => d.message)).toEqual(['cannot read this maths: inverse functions (\\cosh^{-1}) are not supported']);
  });

  it('reads h(x) for a defined h as h, as the textbook means it (a(1 - a) stays a product)', () => {
    // h = sin x: d h(x)/dx = cos x; L(yhat, y) is L.
    const md = [
      '$$h = \\sin x$$', '$$\\frac{d h(\\mathbf{x})}{dx} = \\cos x$$', '$$a = \\sigma(x)$$', '$$\\frac{da}{dx} = a(1 - a)$$',
      '$$L = (\\hat{y} - y)^2$$', '$$\\frac{\\partial \\mathcal{L}(\\hat{y}, y)}{\\partial \\hat{y}} = 2(\\hat{y} - y)$$',
    ].join('\n');
    const dotCr = 'h = sin(x)\ndh/dx = cos(x)\na = sigma(x)\nda/dx = a (1 - a)\nL = (yhat - y)^2\ndL/dyhat = 2 (yhat - y)\n';
    expect(stepVerdicts(md, 't.md')).toEqual(['correct', 'correct', 'correct']);
    expect(stepVerdicts(md, 't.md')).toEqual(stepVerdicts(dotCr, 't.cr'));
  });
});

  it('reads a variable before a transposed bracket as a product with the transpose (v (a - b)^T)', () => {
    // For columns v, a, b, u: v (a - b)^T u = v ((a - b)^T u), so s = sum(v) (a - b)^T u and ds/du = sum(v) (a - b).
    // Read as (v(a - b))^T u, v (a - b) would multiply two columns: a shape error, not this verdict.
    const md = [
      '$$v \\in \\mathbb{R}^{n}, a \\in \\mathbb{R}^{n}, b \\in \\mathbb{R}^{n}, u \\in \\mathbb{R}^{n}$$',
      '$$s = \\text{sum}(v (a - b)^T u)$$', '$$\\frac{\\partial s}{\\partial u} = \\text{sum}(v) (a - b)$$',
    ].join('\n');
    expect(stepVerdicts(md, 't.md')).toEqual(['correct']);
    expect(stepVerdicts('v : n x 1\na : n x 1\nb : n x 1\nu : n x 1\ns = sum(v (a - b)^T u)\nds/du = sum(v) (a - b)\n', 't.cr')).toEqual(['correct']);
  });

// A wrong index-notation step is `unjudged` in a document today, not `incorrect`: src/check/doubts.ts takes
// the index notation's names (s_i, x_k) for undeclared scalars. So wrong steps are only said to be not correct.
const notCorrect = (v: string) => (v === 'correct' ? v : 'not correct');

describe('index notation', () => {
  it('reads \\delta_{ij} as the Kronecker delta, as .cr delta_ij', () => {
    const md = ['$$h \\in \\mathbb{R}^{n}$$', '$$s = \\mathrm{softmax}(h)$$', '$$\\frac{\\partial s_i}{\\partial h_j} = s_i(\\delta_{ij} - s_j)$$', '$$\\frac{\\partial s_i}{\\partial h_j} = s_i(\\delta_{i j} - s_i)$$'].join('\n');
    const dotCr = 'h : n x 1\ns = softmax(h)\nds_i/dh_j = s_i (delta_ij - s_j)\nds_i/dh_j = s_i (delta_ij - s_i)\n';
    expect(stepVerdicts(md, 't.md').map(notCorrect)).toEqual(['correct', 'not correct']);
    expect(stepVerdicts(md, 't.md').map(notCorrect)).toEqual(stepVerdicts(dotCr, 't.cr').map(notCorrect));
  });

  it('reads x_1 + x_2 + \\dots + x_n as the index sum over k', () => {
    expect(shown(String.raw`x_1 + x_2 + \dots + x_n`)).toBe('sum(xk)');
    expect(shown(String.raw`b + w_1 x_1 + \cdots + w_N x_N`)).toBe('(+ b sum((* wk xk)))');
    expect(shown(String.raw`(x^{(1)} + \ldots + x^{(m)})^2`)).toBe('(^ sum(xk) 2)');
    // three periods typed for \dots
    expect(shown(String.raw`x_1 + x_2 + ... + x_n`)).toBe('sum(xk)');
  });

  it('reads {Z}_h and \theta{_k} as the names Z_h and θ_k (braces around one name, or around its subscript)', () => {
    expect(shown(String.raw`{Z}_h + \theta{_k}`)).toBe('(+ Zh thetak)');
    expect(shown(String.raw`{\mathbf{Z}_h} + a^{<t>}`)).toBe('(+ Zh at)');
    const [st] = parse(String.raw`S = x_1 + \dots + x_n`).statements;
    expect(st.kind === 'equation' && st.rhs[0]).toMatchObject({ text: 'x_1 + \\dots + x_n', expr: { kind: 'call', calleeText: '\\sum_{k=1}^{n}' } });
  });

  it('checks an elided sum as .cr checks sum_{k=1}^{n} x_k', () => {
    // S = x_1 + ... + x_n: dS/dx is the ones vector; x is wrong.
    const md = ['$$x \\in \\mathbb{R}^{n}$$', '$$S = x_1 + x_2 + \\dots + x_n$$', '$$\\frac{\\partial S}{\\partial x} = \\mathrm{ones}(n, 1)$$', '$$\\frac{\\partial S}{\\partial x} = x$$'].join('\n');
    const dotCr = 'x : n x 1\nS = sum_{k=1}^{n} x_k\ndS/dx = ones(n, 1)\ndS/dx = x\n';
    expect(verdicts(md, 't.md').map(notCorrect)).toEqual(verdicts(dotCr, 't.cr').map(notCorrect));
    expect(verdicts(md, 't.md')[0]).toBe('dS/dx = ones(n, 1): correct');
  });

  it('refuses dots that are not an elided sum, with the form it reads', () => {
    const r = parse(String.raw`y = x_1 x_2 \cdots x_n`);
    expect(r.diagnostics.map((d) => d.message)).toEqual(['cannot read this maths: elided terms (\\cdots) are read only in a sum whose terms differ in one index, as in x_1 + \\dots + x_n']);
    expect(parse(String.raw`y = a - x_1 + \dots + x_n`).diagnostics).toHaveLength(1); // a - x_1 + x_2 ... is not a - Σ
    expect(parse(String.raw`y = x_2 + \dots + x_n`).diagnostics).toHaveLength(1); // sums start at 1
  });

  it('reads \\sum_{k \\neq i} a_k as the sum over k less its term at k = i', () => {
    const [st] = parse(String.raw`z = \sum_{k \neq i} a_k W_{kj}`).statements;
    expect(showStatement(st)).toBe('z = (- sum((* ak Wkj)) (* ai Wij))');
    expect(st.kind === 'equation' && st.rhs[0].expr).toMatchObject({ left: { calleeText: '\\sum_{k}' }, right: { left: { text: 'a_i' }, right: { text: 'W_{ij}' } } });
    // ∂/∂x_i of ½(Σ_k x_k)² − ½ Σ_k x_k² is Σ_k x_k − x_i = Σ_{k≠i} x_k; Σ_k x_k is wrong.
    const md = [
      '$$x \\in \\mathbb{R}^{n}$$', '$$L = \\frac{1}{2} (\\sum_k x_k)^2 - \\frac{1}{2} \\sum_k x_k^2$$',
      '$$\\frac{\\partial L}{\\partial x_i} = \\sum_{k \\neq i} x_k$$', '$$\\frac{\\partial L}{\\partial x_i} = \\sum_{k} x_k$$',
    ].join('\n');
    expect(stepVerdicts(md, 't.md').map(notCorrect)).toEqual(['correct', 'not correct']);
  });
});

describe('rows that say "which gives"', () => {
  it('splits chains at \\Rightarrow and \\therefore, and drops them before a statement', () => {
    expect(printed(String.raw`L = \sigma(z) \Rightarrow \frac{dL}{dz} = L(1 - L)`)).toEqual(cr('L = sigma(z)\ndL/dz = L(1 - L)'));
    expect(printed(String.raw`a = 1 \therefore b = 2`)).toEqual(cr('a = 1\nb = 2'));
    expect(printed(String.raw`\therefore \frac{dL}{dz} = 1`)).toEqual(cr('dL/dz = 1'));
    expect(printed(String.raw`\Rightarrow \frac{dL}{dz} = 1`)).toEqual(cr('dL/dz = 1'));
    // before a lone expression it still links the chain
    expect(printed(String.raw`\frac{dy}{da} \approx 0.18 \Rightarrow 0.2`)).toEqual(['(d y / a) = 0.18 = 0.2']);
  });

  it('reads an exercise left blank after its last `=`', () => {
    expect(printed(String.raw`\frac{\partial L}{\partial b} = \delta^{(2)} =`)).toEqual(cr('dL/db = delta_2'));
  });
});

describe('set aside with a note, never checked', () => {
  it.each([
    [String.raw`w \leftarrow w - \eta g`, 'an update rule (←), not a claim'],
    [String.raw`\theta \gets \theta - \alpha \nabla_\theta J`, 'an update rule (←), not a claim'],
    [String.raw`W := W - \alpha \nabla W`, 'an update rule, not a claim'],
    [String.raw`w = w - \alpha \frac{\partial J}{\partial w}`, 'an update rule, not a claim'],
    [String.raw`w_{t+1} = w_t - \eta \nabla_w L`, 'an update rule, not a claim'],
    [String.raw`\theta^{(t+1)} = \theta^{(t)} + \eta g`, 'an update rule, not a claim'],
    [String.raw`\mathbb{R}^{1 \times C} \cdot \mathbb{R}^{C \times C}`, 'shape arithmetic, not a claim'],
    [String.raw`(1 \times N)(N \times 1)`, 'shape arithmetic, not a claim'],
    [String.raw`\mathbb{R}^{M \times L} \qquad \mathbb{R}^{M \times L}`, 'shape arithmetic, not a claim'],
    [String.raw`f(x) = \begin{cases} x & x > 0 \\ 0 & \text{otherwise} \end{cases}`, 'a case split (\\begin{cases}), whose cases are not read as claims'],
  ])('%s', (latex, what) => {
    expect(setAside(latex)).toEqual([`warning not-a-claim set aside: ${what}`]);
  });

  it('keeps `:=` a definition when the name is not on its right side', () => {
    expect(printed(String.raw`h := X W + b`)).toEqual(cr('h = X W + b'));
  });

  it('keeps (a \\times b) a product of scalars when nothing says it is a shape', () => {
    expect(printed(String.raw`y = (a \times b)`)).toEqual(['y = (star a b)']);
    expect(printed(String.raw`y = (2 \times 3)(4 \times 5)`)).toEqual(['y = (* (star 2 3) (star 4 5))']);
  });

  it('sets the rest of the block aside after an update rule: a `= ...` row does not continue it', () => {
    const r = parse(String.raw`\begin{aligned} w &\leftarrow w - \eta g \\ &= w - \eta x \end{aligned}`);
    expect([r.statements, r.continuation, r.diagnostics.map((d) => d.code)]).toEqual([[], undefined, ['not-a-claim']]);
  });
});

describe('shapes written beside a claim', () => {
  it('takes a shape after a wide space as the claim\'s shape claim', () => {
    expect(printed(String.raw`\frac{\partial L}{\partial W} = X^T (a - y) \quad \mathbb{R}^{M \times 1}`)).toEqual(cr('dL/dW = X^T (a - y) in R^(M x 1)'));
    expect(printed(String.raw`\frac{\partial L}{\partial W} = X^T (a - y) \qquad (M \times 1)`)).toEqual(cr('dL/dW = X^T (a - y) in R^(M x 1)'));
  });

  it('takes the shape a chain of shapes ends in, and leaves the shapes out of the steps', () => {
    const latex = String.raw`\frac{\partial L}{\partial W} = a^T \delta = \mathbb{R}^{N \times 1} (\mathbb{R}^{1 \times L}) = \mathbb{R}^{N \times L}`;
    expect(printed(latex)).toEqual(cr('dL/dW = a^T delta in R^(N x L)'));
  });

  it('gives a shape on the next row, or in the next block, to the claim above', () => {
    expect(printed(String.raw`\begin{aligned} \frac{\partial L}{\partial W} &= X^T (a - y) \\ &\in \mathbb{R}^{M \times 1} \end{aligned}`)).toEqual(cr('dL/dW = X^T (a - y) in R^(M x 1)'));
    expect(printed(String.raw`\frac{\partial L}{\partial W} = X^T (a - y) \\ \mathbb{R}^{M \times N} \mathbb{R}^{N \times 1} = \mathbb{R}^{M \times 1}`)).toEqual(cr('dL/dW = X^T (a - y) in R^(M x 1)'));
    const doc = parseMarkdown(['$$\\frac{\\partial L}{\\partial W} = X^T (a - y)$$', '', '$$\\mathbb{R}^{M \\times 1}$$'].join('\n'), 't.md');
    expect([doc.statements.map(showStatement), doc.diagnostics]).toEqual([cr('dL/dW = X^T (a - y) in R^(M x 1)'), []]);
  });

  it('notes shapes that are no single shape, or come after a claim that states its shape', () => {
    const doc = parseMarkdown(['$$\\frac{\\partial L}{\\partial h} = a \\in \\mathbb{R}^{1 \\times C}$$', '', '$$\\mathbb{R}^{1 \\times C}$$', '', '$$\\mathbb{R}^{1 \\times C} \\mathbb{R}^{C \\times C}$$'].join('\n'), 't.md');
    expect(doc.statements.map(showStatement)).toEqual(cr('dL/dh = a in R^(1 x C)'));
    expect(doc.diagnostics.map((d) => `${d.span.line} ${d.code} ${d.message}`)).toEqual([
      '3 not-a-claim set aside: shape arithmetic, not a claim; the claim states its shape already',
      '5 not-a-claim set aside: shape arithmetic, not a claim',
    ]);
  });

  it('notes a shape with no claim before it', () => {
    const doc = parseMarkdown('$$\\mathbb{R}^{M \\times 1}$$', 't.md');
    expect([doc.statements, doc.diagnostics.map((d) => d.message)]).toEqual([[], ['set aside: shape arithmetic, not a claim']]);
  });
});

describe('fixtures/latex/notation.md', () => {
  it('gives each line the verdict worked out by hand in its comment', () => {
    const source = readFileSync('fixtures/latex/notation.md', 'utf8');
    const { report } = checkSource(source, 'fixtures/latex/notation.md');
    const shape = (c: (typeof report.claims)[number]) => (c.shapeClaim ? ` in ${c.shapeClaim.claimed}` : '');
    expect(report.claims.map((c) => `${c.line} ${c.verdict}${shape(c)}`)).toEqual([
      // 1. derivatives of expressions, gradients
      '66 correct', '67 correct', '69 correct', '70 incorrect',
      // 2. Jacobians of the document's functions
      '76 correct', '77 correct', '78 incorrect',
      // 3. index notation
      '84 correct', '86 correct', '88 correct',
      // 4. functions and brackets; 101 and 102 at t = 1
      '94 correct', '95 incorrect', '97 correct', '98 correct', '100 correct', '101 correct', '102 incorrect', '103 correct',
      // 5. layer and sample superscripts
      '109 correct', '110 incorrect', '111 correct',
      // 6. which gives
      '116 correct', '117 correct',
      // 7. shapes beside claims: 124's steps are right, its shape claim N x 1 is not; 125 takes the next block's shape
      '123 correct in M x 1', '124 incorrect in N x 1', '125 correct in N x M',
      // 8. ⊗ between the vectors Xβ − y and β is their outer product, line 125's (Xβ − y)βᵀ
      '136 correct',
    ]);
    expect(report.claims[report.claims.length - 2].steps.map((s) => s.verdict)).toEqual(['correct']);
  });
});

describe('plain TeX, typed names and function notation', () => {
  const md = (...lines: string[]) => verdicts(['# q', ...lines.map((l) => `$$${l}$$`)].join('\n') + '\n', 'doc.md');

  it('reads {a \\over b} as a fraction', () => {
    // y = a/b: dy/da = 1/b; dy/db = -a/b^2, and a/b^2 has the sign flipped.
    expect(md('y = {a \\over b}', '\\frac{\\partial y}{\\partial a} = {1 \\over b}', '\\frac{\\partial y}{\\partial b} = {a \\over b^2}')).toEqual([
      'dy/da = 1 / b: correct',
      'dy/db = -a / b^2: incorrect',
    ]);
  });

  it('reads digits typed against a letter as one name (z1 is z_1), but not in an unbraced exponent', () => {
    // a1 = z1^2 with z1 = w1 x + b1: da1/dw1 = 2 z1 x. e^x2 is e^x times 2 as TeX reads it: dg/dx = 2 e^x.
    expect(md('z1 = w1 x + b1', 'a1 = z1^2', '\\frac{\\partial a1}{\\partial w1} = 2 z1 x')).toEqual(['da1/dw1 = 2 x z1: correct']);
    expect(md('g = e^x2', '\\frac{dg}{dx} = 2 e^x')).toEqual(['dg/dx = 2 exp(x): correct']);
  });

  it('reads a function written bare as its value at its own parameters', () => {
    // J(theta) = (theta x - y)^2: dJ/dtheta = 2 (theta x - y) x; without the factor x it is wrong.
    expect(md('J(\\theta) = (\\theta x - y)^2', '\\frac{\\partial J}{\\partial \\theta} = 2(\\theta x - y) x', '\\frac{\\partial J}{\\partial \\theta} = 2(\\theta x - y)').map((v) => v.split(': ')[1])).toEqual(['correct', 'incorrect']);
  });

  it('defines a function whose header argument is itself a function, and takes a restatement as steps', () => {
    // Cost(h(x), y) = (h(x) - y)^2 with h(x) = w x: J(w) = Cost(h(x), y) = (w x - y)^2, so dJ/dw = 2 (w x - y) x.
    // J(w) written again with the same right side goes on to a step that must equal it: (w x - y)^2 does.
    const verdictsOf = md('h(x) = w x', '\\text{Cost}(h(x), y) = (h(x) - y)^2', 'J(w) = \\text{Cost}(h(x), y)', 'J(w) = \\text{Cost}(h(x), y) = (w x - y)^2', '\\frac{\\partial J}{\\partial w} = 2 (w x - y) x');
    expect(verdictsOf.map((v) => v.split(': ')[1])).toEqual(['correct', 'correct']);
  });
});

describe('shapes stated in prose, and shapes a formula forces', () => {
  const doc = (...lines: string[]) => verdicts(['# net', ...lines].join('\n') + '\n', 'doc.md');

  it('reads "$b$ has dimensions $(10, 1)$" as a declaration, so a missing sum over samples is a shape error', () => {
    // Z = W X + b with b (10 x 1) broadcast over the m columns of W X: dL/db = dL/dZ ones(m, 1), which is 10 x 1;
    // dL/dZ itself is 10 x m, so claiming dL/db = dL/dZ is wrong. Read as scalars (no shapes) it would pass.
    const lines = ['$$Z = W X + b$$', '* $W$ has dimensions $(10, 784)$', '* $X$ has dimensions $(784, m)$', '* $b$ is a $10 \\times 1$ vector', '$$L = \\text{sum}(Z)$$'];
    expect(doc(...lines, '$$\\frac{\\partial L}{\\partial b} = \\frac{\\partial L}{\\partial Z}$$')).toEqual(['dL/db = m ones(10, 1): incorrect']);
  });

  it('leaves a pair that is not a shape alone: a point, or plain arithmetic', () => {
    // `$z$ is $(1, 2)$` has no shape word and `$2 \times 3$` names no dimension: no declaration, x stays a scalar.
    const parsed = parseMarkdown('Here $z$ is $(1, 2)$ and $x$ is $2 \\times 3$.\n', 'doc.md');
    expect(parsed.statements.filter((s) => s.kind === 'decl')).toEqual([]);
  });

  it('takes an undeclared name as the only declared shape its formula allows, and says so', () => {
    // A is 10 x m; tr(Y^T log A) needs Y^T A square, so Y^T is m x 10 and Y is 10 x m (no other declared shape,
    // transpose or scalar fits). dL/dA = -Y ./ A is then checked: -Y / A is its value.
    const source = ['# net', '* $A$ has dimensions $(10, m)$', '$$L = -tr(Y^T \\log(A))$$', '$$\\frac{\\partial L}{\\partial A} = -Y / A$$'].join('\n') + '\n';
    const result = checkSource(source, 'doc.md');
    expect(result.diagnostics.some((d) => d.code === 'reading' && /takes it as 10 x m/.test(d.message))).toBe(true);
    expect(result.report.summary).toMatchObject({ claims: 1, correct: 1 });
  });
});

describe('a loss the maths never defines', () => {
  // z = W x + b, a = σ(z), and L left to prose: L is an unknown scalar function of a (the most downstream name
  // it is differentiated by). The chain rule holds whatever L is: dL/dz = dL/da ⊙ σ'(z), dL/dW = dL/dz x^T
  // (2 x 3, as W), dL/db = dL/dz, dL/dx = W^T dL/dz. Checked by hand with L = sum(a^3) in numpy: each of the
  // four matches finite differences to 1e-8. x (dL/dz)^T is 3 x 2, the transpose of dL/dW: wrong for every L
  // (its shape is whatever L is; written in L's own derivative, linear in L: src/check/everyLoss.ts), so it is
  // incorrect; dL/da = a - y holds for L = |a - y|^2 / 2 and not for others, so only the prose's L can decide: unjudged.
  const doc = [
    '# net',
    'Let $x \\in \\mathbb{R}^{3}$, $W \\in \\mathbb{R}^{2 \\times 3}$, $b \\in \\mathbb{R}^{2}$.',
    '$$z = W x + b$$',
    '$$a = \\sigma(z)$$',
    'The loss $L$ is the binary cross-entropy.',
    '$$\\frac{\\partial L}{\\partial z} = \\frac{\\partial L}{\\partial a} \\odot \\sigma\'(z)$$',
    '$$\\frac{\\partial L}{\\partial W} = \\frac{\\partial L}{\\partial z} x^T$$',
    '$$\\frac{\\partial L}{\\partial b} = \\frac{\\partial L}{\\partial z}$$',
    '$$\\frac{\\partial L}{\\partial x} = W^T \\frac{\\partial L}{\\partial z}$$',
    '$$\\frac{\\partial L}{\\partial W} = x \\frac{\\partial L}{\\partial z}^T$$',
    '$$\\frac{\\partial L}{\\partial a} = a - y$$',
  ].join('\n') + '\n';

  it('checks the chain rule for every L, and leaves what only the prose can decide unjudged', () => {
    expect(stepVerdicts(doc, 'doc.md')).toEqual(['correct', 'correct', 'correct', 'correct', 'incorrect', 'unjudged']);
    const result = checkSource(doc, 'doc.md');
    expect(result.diagnostics.some((d) => d.code === 'reading' && /L is not defined in the maths; chainrule takes it as an unknown scalar function of a\b/.test(d.message))).toBe(true);
  });

  it('reads a name also used as a quantity as an unknown function applied entry by entry', () => {
    // L = -y log a with a left to prose (a = σ(h) there) and h = w x: a is an unknown φ(h), so dL/dw = dL/dh x holds
    // for every φ (chain rule), while da/dh = a (1 - a) holds only for the sigmoid: unjudged, not incorrect.
    const source = [
      '# q',
      '$$x, w, y \\in \\mathbb{R}$$',
      '$$h = w x$$',
      '$$L = -y \\log a$$',
      '$$\\frac{\\partial L}{\\partial w} = \\frac{\\partial L}{\\partial h} x$$',
      '$$\\frac{\\partial a}{\\partial h} = a (1 - a)$$',
    ].join('\n') + '\n';
    expect(stepVerdicts(source, 'doc.md')).toEqual(['correct', 'unjudged']);
    expect(checkSource(source, 'doc.md').diagnostics.some((d) => d.code === 'reading' && /a is not defined in the maths; chainrule takes it as an unknown function \(entry by entry\) of h/.test(d.message))).toBe(true);
  });
});

describe('Markdown escapes and small TeX forms', () => {
  it('reads kramdown maths: \\\\( .. \\\\) delimiters and \\_ for a subscript', () => {
    // z = w x with w, x scalars: dz/dw = x (right), written as a Jekyll page writes it.
    const source = '# q\nLet \\\\(z\\_1 = w x\\_1\\\\) and so \\\\(\\frac{\\partial z\\_1}{\\partial w} = x\\_1\\\\).\n';
    expect(stepVerdicts(source, 'doc.md')).toEqual(['correct']);
  });

  it('reads \\sum\\limits like \\sum, and \\text{ReLU}\'(z) as the derivative of ReLU', () => {
    // C = (1/n) Σ_j ½ (a_j - y_j)^2 with a, y in R^n: dC/da = (a - y)/n. a = ReLU(z) entrywise: da/dz = ReLU'(z).
    const source = [
      '# q',
      '$$a, y, z \\in \\mathbb{R}^{n}$$',
      '$$C = \\frac{1}{n}\\sum \\limits_{j=1}^{n} \\frac{1}{2}(a_{j} - y_{j})^{2}$$',
      '$$\\frac{\\partial C}{\\partial a} = \\frac{1}{n}(a - y)$$',
      '$$u = \\text{ReLU}(x)$$',
      '$$\\frac{d u}{d x} = \\text{ReLU}\'(x)$$',
    ].join('\n') + '\n';
    expect(stepVerdicts(source, 'doc.md')).toEqual(['correct', 'correct']);
  });
});

describe("Einstein's summation convention in documents", () => {
  it('sums an index written twice and bound by no sign, and only such an index', () => {
    // J = -y_i log p_i summed over i (the author's convention): dJ/dp_k = -y_k / p_k. The same with δ_ik and a
    // repeated i is that sum too. -y_i / p_k has i once: a free index, wrong whatever the convention.
    // numpy, n = 4: finite differences of -sum(y log p) match -y/p to 1e-9.
    const source = [
      '# q',
      '$$y, p \\in \\mathbb{R}^{n}$$',
      '$$J = - y_i \\log(p_i)$$',
      '$$\\frac{\\partial J}{\\partial p_k} = -\\frac{y_k}{p_k}$$',
      '$$\\frac{\\partial J}{\\partial p_k} = -\\frac{y_i}{p_i} \\delta_{ik}$$',
      '$$\\frac{\\partial J}{\\partial p_k} = -\\frac{y_i}{p_k}$$',
    ].join('\n') + '\n';
    expect(stepVerdicts(source, 'doc.md')).toEqual(['correct', 'correct', 'incorrect']);
  });
});

describe('functions named on the way, and names written with a layer index', () => {
  it('defines MSE from L = MSE(y, a) = (y - a)^2 and checks dL/da with it', () => {
    // L = (y - a)^2: dL/da = -2 (y - a); 2 (y - a) has the sign flipped.
    const source = ['# q', '$$L = \\text{MSE}(y, a) = (y - a)^2$$', '$$\\frac{\\partial L}{\\partial a} = -2(y - a)$$', '$$\\frac{\\partial L}{\\partial a} = 2(y - a)$$'].join('\n') + '\n';
    expect(stepVerdicts(source, 'doc.md')).toEqual(['correct', 'incorrect']);
  });

  it('reads a^{(L)} beside a defined L as a name of its own, not a times L', () => {
    // L = (y - a^{(L)})^2 for the output a^{(L)} of layer L: dL/da^{(L)} = -2 (y - a^{(L)}).
    const source = ['# q', '$$L = (y - a^{(L)})^2$$', '$$\\frac{\\partial L}{\\partial a^{(L)}} = -2(y - a^{(L)})$$'].join('\n') + '\n';
    expect(stepVerdicts(source, 'doc.md')).toEqual(['correct']);
  });
});

describe('maths as GitHub and Jekyll pages write it', () => {
  it('reads ```math fences, $`..`$ inline maths, and display maths between lines holding a lone $', () => {
    // Three copies of z = 3 w, each with dz/dw = 3 (right) in one of the three forms.
    const source = ['# q', 'Let $`z = 3 w`$.', '```math', '\\frac{\\partial z}{\\partial w} = 3', '```', 'and', '  $', '    \\frac{\\partial z}{\\partial w} = 3', '  $', ''].join('\n');
    expect(stepVerdicts(source, 'doc.md')).toEqual(['correct', 'correct']);
  });

  it("lets a question's own f(x) = ... replace an earlier question's f", () => {
    // (a) f(x, y) = x y; (b) f(x) = x^2 with df/dx = 2x (right), which the two-argument f of (a) would refuse.
    const source = ['# 1', '## (a)', '$$f(x, y) = x y$$', '## (b)', '$$f(x) = x^2$$', '$$\\frac{d f}{d x} = 2x$$', ''].join('\n');
    expect(stepVerdicts(source, 'doc.md')).toEqual(['correct']);
  });
});

describe('unknown activations and time steps', () => {
  it('takes a function the document calls but never defines as unknown, applied entry by entry', () => {
    // a = g(w x) with g left to prose: da/dw = g'(w x) x holds for every g (correct); da/dw = x alone holds only
    // for some g, so it is unjudged. Read as a scalar g times (w x), the first would have been an error.
    const source = ['# q', '$$x, w \\in \\mathbb{R}$$', "$$a = g(w x)$$", "$$\\frac{\\partial a}{\\partial w} = g'(w x) x$$", '$$\\frac{\\partial a}{\\partial w} = x$$'].join('\n') + '\n';
    expect(stepVerdicts(source, 'doc.md')).toEqual(['correct', 'unjudged']);
  });

  it('reads a^{<t>} (also \\lt t \\gt) as the name of step t, as a^{[l]} is of layer l', () => {
    // a^{<t>} = w a^{<t-1>}: d a^{<t>} / d a^{<t-1>} = w.
    const source = ['# q', '$$a^{<t>} = w a^{\\lt t-1 \\gt}$$', '$$\\frac{\\partial a^{<t>}}{\\partial a^{<t-1>}} = w$$'].join('\n') + '\n';
    expect(stepVerdicts(source, 'doc.md')).toEqual(['correct']);
  });
});

describe('lines a reader takes otherwise than as written', () => {
  it('sets aside a name written in terms of itself, and checks it as a claim where the name has a meaning', () => {
    // x = γ x + b defines nothing (a cycle): set aside. In part (b), ŷ = 1 / (1 + e^{-ŷ}) after (a)'s ŷ = σ(z) (a
    // part sees the parts before it) is a claim that σ(z) = σ(σ(z)): false (z = 0 gives 0.5 against 0.62), and no
    // cycle error.
    const source = ['# 1', '$$x = \\gamma x + b$$', '## (a)', '$$\\hat{y} = \\sigma(z)$$', '## (b)', '$$\\hat{y} = \\frac{1}{1 + e^{-\\hat{y}}}$$', ''].join('\n');
    const result = checkSource(source, 'doc.md');
    expect(result.diagnostics.some((d) => d.code === 'not-a-claim' && /x is written in terms of itself/.test(d.message))).toBe(true);
    expect(result.diagnostics.some((d) => d.code === 'cyclic-definition')).toBe(false);
    expect(stepVerdicts(source, 'doc.md')).toEqual(['incorrect']);
  });

  it('reads \\sum _{j=1}^n with a space before its bounds as \\sum_{j=1}^n', () => {
    // S = Σ_j x_j over x in R^n: dS/dx = ones(n, 1).
    const source = ['# q', '$$x \\in \\mathbb{R}^{n}$$', '$$S = \\sum _{j=1}^n x_j$$', '$$\\frac{\\partial S}{\\partial x} = \\mathrm{ones}(n, 1)$$'].join('\n') + '\n';
    expect(stepVerdicts(source, 'doc.md')).toEqual(['correct']);
  });

  it('leaves unjudged an entry of a gradient that puts in the label values (y_k = 1 for the correct class k)', () => {
    // L = -sum(y .* log(p)), p = softmax(o): dL/do_k = p_k - y_k. "p_k - 1" is right when k is the correct class,
    // which only the prose says; without y the step cannot be checked. "p_k + y_k" uses y and is wrong.
    const source = ['# q', '$$o, y \\in \\mathbb{R}^{n}$$', '$$p = \\mathrm{softmax}(o)$$', '$$L = -\\sum_{i=1}^{n} y_i \\log p_i$$', '$$\\frac{\\partial L}{\\partial o_k} = p_k - 1$$', '$$\\frac{\\partial L}{\\partial o_k} = p_k + y_k$$'].join('\n') + '\n';
    expect(stepVerdicts(source, 'doc.md')).toEqual(['unjudged', 'incorrect']);
  });
});

describe('words and glosses around the maths', () => {
  it('reads \\text{Loss} as a name after ∂ or defined at the start of a line', () => {
    // Loss = x^2: dLoss/dx = 2x.
    const source = ['# q', '$$x \\in \\mathbb{R}$$', '$$\\text{Loss} = x^2$$', '$$\\frac{\\partial \\text{Loss}}{\\partial x} = 2x$$'].join('\n') + '\n';
    expect(stepVerdicts(source, 'doc.md')).toEqual(['correct']);
  });

  it('starts a chain after a probability that glosses it, P(Y = 1 | X) = h(x) = ...', () => {
    // h(x) = σ(w x) defined through the gloss; dh/dw = σ(w x)(1 - σ(w x)) x.
    const source = ['# q', '$$x, w \\in \\mathbb{R}$$', '$$P(Y = 1|X) = h(x) = \\sigma(w x)$$', '$$\\frac{\\partial h}{\\partial w} = \\sigma(w x)(1 - \\sigma(w x)) x$$'].join('\n') + '\n';
    expect(stepVerdicts(source, 'doc.md')).toEqual(['correct']);
  });
});

describe('a derivative operator with its variable written bare', () => {
  it('reads \\frac{\\partial}{x}(...) as ∂/∂x, with a reading note', () => {
    // L = x^3: d/dx (x^3) = 3 x^2 (right); the author left out the ∂ of the variable.
    const source = ['# q', '$$x \\in \\mathbb{R}$$', '$$L = x^3$$', '$$\\frac{\\partial L}{\\partial x} = \\frac{\\partial}{x}(x^3) = 3x^2$$'].join('\n') + '\n';
    expect(stepVerdicts(source, 'doc.md')).toEqual(['correct', 'correct']);
    expect(checkSource(source, 'doc.md').diagnostics.some((d) => d.code === 'reading' && /the ∂ of its variable is left out/.test(d.message))).toBe(true);
  });
});

// Each LaTeX construct the front end reads, to the AST it must give (printed structurally).
import { describe, expect, it } from 'vitest';
import { exprOf, parse, parseAt, printed, shown } from './helpers';
import { showStatement } from './print';

describe('fractions and derivatives', () => {
  it.each([
    [String.raw`\frac{a}{b}`, '(/ a b)'],
    [String.raw`\frac{1-y}{1-a}`, '(/ (- 1 y) (- 1 a))'],
    [String.raw`\dfrac{1}{2}`, '(/ 1 2)'],
    [String.raw`\frac12`, '(/ 1 2)'],
    [String.raw`\frac{-y}{s} Q`, '(* (/ (neg y) s) Q)'],
    [String.raw`\frac{\partial L}{\partial W}`, '(d L / W)'],
    [String.raw`\frac{dL}{dW}`, '(d L / W)'],
    [String.raw`\frac{d L}{d W_1}`, '(d L / W1)'],
    [String.raw`\frac{\mathrm{d}L}{\mathrm{d}W}`, '(d L / W)'],
    [String.raw`\frac{d(L)}{d(W)}`, '(d L / W)'],
    [String.raw`\frac{\partial g(a \cdot r_1)}{\partial a}`, '(d g((cdot a r1)) / a)'],
    [String.raw`\frac{\partial L}{\partial \vec{s}}`, '(d L / s)'],
    [String.raw`\partial L / \partial W`, '(d L / W)'],
    [String.raw`dL/dW`, '(d L / W)'],
    [String.raw`\frac{d}{dx} x^2 \sin x`, '(dop (* (^ x 2) sin(x)) / x)'],
    [String.raw`\frac{d}{dx} (x^2) + 1`, '(+ (dop (^ x 2) / x) 1)'],
    [String.raw`\frac{\partial}{\partial \vec{s}} \left( -\vec{y} \cdot \log(\vec{s}) \right)`, '(dop (cdot (neg y) log(s)) / s)'],
    [String.raw`2 \frac{\partial}{\partial x} x`, '(* 2 (dop x / x))'],
    [String.raw`-\frac{d}{dx} x`, '(neg (dop x / x))'],
    [String.raw`\nabla_{W} L`, '(d L / W)'],
    [String.raw`\nabla_{W} (L + 1)`, '(dop (+ L 1) / W)'],
    // Backprop's δ^L = ∇_a C ⊙ σ'(z): the gradient times σ'(z), not the gradient of the product (build.ts applyPrefix).
    [String.raw`\nabla_a C \odot \sigma'(z) \odot g`, "(odot (odot (d C / a) sigma'(z)) g)"],
    // A bracketed product is the operand as written.
    [String.raw`\nabla_x (x \odot y)`, '(dop (odot x y) / x)'],
    [String.raw`\frac{\partial L}{\partial h} \frac{\partial h}{\partial W}`, '(* (d L / h) (d h / W))'],
  ])('%s', (latex, expected) => {
    expect(shown(latex)).toBe(expected);
  });

  it('gives derivative forms as in ast.ts', () => {
    const frac = exprOf(String.raw`\frac{\partial L}{\partial W}`);
    expect(frac).toMatchObject({ kind: 'deriv', form: 'frac', of: { kind: 'name', name: 'L' }, wrt: [{ kind: 'name', name: 'W' }] });
    const op = exprOf(String.raw`\frac{d}{dx} (x^2)`);
    expect(op).toMatchObject({ kind: 'deriv', form: 'operator', wrt: [{ name: 'x' }], of: { kind: 'power' } });
  });

  it('a d that is not in a derivative is a name (the weight d)', () => {
    expect(shown(String.raw`d \cdot x_1 + \frac{d}{e}`)).toBe('(+ (cdot d x1) (/ d e))');
    expect(shown(String.raw`\frac{\partial y}{\partial d}`)).toBe('(d y / d)');
  });

  it.each([
    // ∂²L/∂W² = ∂/∂W (∂L/∂W); ∂²f/∂x∂y = ∂/∂x (∂f/∂y); the operator d²/dx² applied twice; the Hessian ∇_x² f.
    [String.raw`\frac{\partial^2 L}{\partial W^2}`, '(dop (d L / W) / W)'],
    [String.raw`\frac{\partial^2 f}{\partial x \partial y}`, '(dop (d f / y) / x)'],
    [String.raw`\frac{d^2}{dx^2} x^3`, '(dop (dop (^ x 3) / x) / x)'],
    [String.raw`\nabla_x^2 f`, '(dop (d f / x) / x)'],
  ])('reads the second derivative %s as nested first-order ones', (latex, expected) => {
    expect(shown(latex)).toBe(expected);
  });

  it('refuses derivatives of order above 3, and orders the denominator does not add up to, with a reason', () => {
    for (const latex of [String.raw`\frac{\partial^4 L}{\partial W^4} = 0`, String.raw`\frac{\partial^2 L}{\partial W} = 0`]) {
      const r = parse(latex);
      expect(r.statements).toEqual([]);
      expect(r.diagnostics.map((d) => d.message)).toEqual(['cannot read this maths: higher-order derivatives are not supported']);
    }
  });
});

describe('transposes, powers, primes', () => {
  it.each([
    [String.raw`X^{T}`, '(T X)'],
    [String.raw`X^T`, '(T X)'],
    [String.raw`X^\top`, '(T X)'],
    [String.raw`X^{\top}`, '(T X)'],
    [String.raw`X^{\intercal}`, '(T X)'],
    [String.raw`X^\intercal`, '(T X)'],
    [String.raw`X^{\mathrm{T}}`, '(T X)'],
    [String.raw`X^⊤`, '(T X)'],
    [String.raw`W_{2}^{T}`, '(T W2)'],
    [String.raw`W^T_2`, '(T W2)'],
    [String.raw`(a_1 W)^T`, '(T (* a1 W))'],
    [String.raw`a_1^T \frac{\partial L}{\partial h_2}`, '(* (T a1) (d L / h2))'],
    [String.raw`x^2`, '(^ x 2)'],
    [String.raw`x^{n+1}`, '(^ x (+ n 1))'],
    [String.raw`A^{-1}`, '(^ A (neg 1))'],
    [String.raw`x^23`, '(* (^ x 2) 3)'],
    [String.raw`e^{x}`, 'exp(x)'],
    [String.raw`e^{h_i}`, 'exp(hi)'],
    [String.raw`e^{-z}`, 'exp((neg z))'],
    [String.raw`\sigma'(h)`, "sigma'(h)"],
    [String.raw`\sigma^{\prime}(h)`, "sigma'(h)"],
    [String.raw`f''(x)`, "f''(x)"],
    [String.raw`x'`, '(T x)'],
    [String.raw`W^{[1]} + a^{(2)}`, '(+ W1 a2)'],
  ])('%s', (latex, expected) => {
    expect(shown(latex)).toBe(expected);
  });

  it('keeps the primes out of the callee text', () => {
    expect(exprOf(String.raw`\sigma'(h)`)).toMatchObject({ kind: 'call', callee: 'sigma', calleeText: '\\sigma', prime: 1 });
  });
});

describe('products and operators', () => {
  it.each([
    [String.raw`XW + b`, '(+ (* X W) b)'],
    [String.raw`xy`, '(* x y)'],
    [String.raw`2xy`, '(* (* 2 x) y)'],
    [String.raw`a \odot b`, '(odot a b)'],
    [String.raw`a \circ b`, '(odot a b)'],
    [String.raw`a ⊙ b`, '(odot a b)'],
    [String.raw`a \cdot b`, '(cdot a b)'],
    [String.raw`a \times b`, '(star a b)'],
    [String.raw`a * b`, '(star a b)'],
    [String.raw`a / b`, '(/ a b)'],
    [String.raw`a \div b`, '(/ a b)'],
    [String.raw`a - b`, '(- a b)'],
    [String.raw`a − b`, '(- a b)'],
    [String.raw`-y \log a`, '(* (neg y) log(a))'],
    [String.raw`a \cdot -1`, '(cdot a (neg 1))'],
    [String.raw`(h_1 > 0)`, '(> h1 0)'],
    [String.raw`a \leq b`, '(<= a b)'],
    [String.raw`\frac{-y}{s} Q W_2^T \odot (a_1 \odot (1-a_1))`, '(odot (* (* (/ (neg y) s) Q) (T W2)) (odot a1 (- 1 a1)))'],
  ])('%s', (latex, expected) => {
    expect(shown(latex)).toBe(expected);
  });

  it('records how a product was written', () => {
    expect(exprOf('X W')).toMatchObject({ kind: 'binary', op: 'mul', style: 'juxt' });
    expect(exprOf(String.raw`a \cdot b`)).toMatchObject({ kind: 'binary', op: 'mul', style: 'cdot' });
    expect(exprOf(String.raw`a \odot b`)).toMatchObject({ kind: 'binary', op: 'hadamard' });
    expect(exprOf(String.raw`a \odot b`)).not.toHaveProperty('style');
  });
});

describe('functions', () => {
  it.each([
    [String.raw`\log a`, 'log(a)'],
    [String.raw`\log (1-a)`, 'log((- 1 a))'],
    [String.raw`\log(1-a)`, 'log((- 1 a))'],
    [String.raw`\log a^2`, 'log((^ a 2))'],
    [String.raw`\log a b`, '(* log(a) b)'],
    [String.raw`\ln h(\mathbf{x})`, 'ln(h(x))'],
    [String.raw`\exp(-x)`, 'exp((neg x))'],
    [String.raw`\exp x`, 'exp(x)'],
    [String.raw`\sqrt{x + 1}`, 'sqrt((+ x 1))'],
    [String.raw`\sigma(h_1)`, 'sigma(h1)'],
    [String.raw`\sigma`, 'sigma'],
    [String.raw`\sigma(h)(1-\sigma(h))`, '(* sigma(h) (- 1 sigma(h)))'],
    [String.raw`σ(h)`, 'sigma(h)'],
    [String.raw`softmax(h)`, 'softmax(h)'],
    [String.raw`sigma(h)`, 'sigma(h)'],
    [String.raw`log(s)`, 'log(s)'],
    [String.raw`\mathrm{softmax}(h)`, 'softmax(h)'],
    [String.raw`\operatorname{softmax}(h)`, 'softmax(h)'],
    [String.raw`\text{softmax}(h)`, 'softmax(h)'],
    [String.raw`\operatorname{ReLU}(h)`, 'relu(h)'],
    [String.raw`\mathrm{diag}(s) - s^T s`, '(- diag(s) (* (T s) s))'],
    [String.raw`\max(c \cdot x_1 + e \cdot x_2, 0)`, 'max((+ (cdot c x1) (cdot e x2)), 0)'],
    [String.raw`\tanh(x)`, 'tanh(x)'],
    [String.raw`\cosh x`, 'cosh(x)'],
    [String.raw`\sinh(2x)`, 'sinh((* 2 x))'],
    [String.raw`\sinh x \cosh x`, '(* sinh(x) cosh(x))'],
    [String.raw`\operatorname{erf}(x)`, 'erf(x)'],
    [String.raw`\mathrm{erf}(x/\sqrt{2})`, 'erf((/ x sqrt(2)))'],
    // `\log\det` is one operator, the log-determinant log |det A| (docs/latex.md).
    [String.raw`\log\det A`, 'logdet(A)'],
    [String.raw`\log \det(\Sigma)`, 'logdet(Sigma)'],
    [String.raw`\log\det \Sigma^{-1}`, 'logdet((^ Sigma (neg 1)))'],
    [String.raw`\log |\det A|`, 'log(abs(det(A)))'],
    [String.raw`\operatorname{logdet}(A)`, 'logdet(A)'],
    [String.raw`\det A`, 'det(A)'],
    [String.raw`|x|`, 'abs(x)'],
    [String.raw`\left| x \right|`, 'abs(x)'],
    [String.raw`\|x\|`, 'norm(x)'],
    [String.raw`|a| b |c|`, '(* (* abs(a) b) abs(c))'],
    [String.raw`|a||b|`, '(* abs(a) abs(b))'],
    [String.raw`| |a| - b |`, 'abs((- abs(a) b))'],
    [String.raw`|x|^2`, '(^ abs(x) 2)'],
    [String.raw`g(a \cdot r_1)(1 - g(a \cdot r_1))`, '(* g((cdot a r1)) (- 1 g((cdot a r1))))'],
  ])('%s', (latex, expected) => {
    expect(shown(latex)).toBe(expected);
  });

  it('calls a name written before parentheses, as .cr does (the resolver reads a(1-a) as a product)', () => {
    expect(shown('a(1-a)')).toBe('a((- 1 a))');
    expect(shown(String.raw`a_1 \left( \frac{-y}{s} Q \right)`)).toBe('a1((* (/ (neg y) s) Q))');
    expect(shown('0.9(1 - 0.9)')).toBe('(* 0.9 (- 1 0.9))');
    expect(shown('x_j[y - h]')).toBe('(* xj (- y h))');
  });

  it('reads an index sum as sum(...) of the summand, which lowering reads as index notation', () => {
    const r = parse(String.raw`z = \sum_{i=1}^{m} w_i x_i + b`);
    expect(r.statements.map(showStatement)).toEqual(['z = (+ sum((* wi xi)) b)']);
    expect(r.statements.map((s) => (s.kind === 'equation' ? s.rhs[0].text : ''))).toEqual([String.raw`\sum_{i=1}^{m} w_i x_i + b`]);
    expect(r.diagnostics).toEqual([]);
  });
});

describe('names', () => {
  it.each([
    [String.raw`\mathbf{x}`, 'x'],
    [String.raw`\boldsymbol{x}`, 'x'],
    [String.raw`\vec{x}`, 'x'],
    [String.raw`\bm{W}_1`, 'W1'],
    [String.raw`\hat{y}`, 'yhat'],
    [String.raw`\hat{y}_i`, 'yhati'],
    [String.raw`\bar{x}`, 'xbar'],
    [String.raw`\mathcal{L}`, 'L'],
    [String.raw`W_{1}`, 'W1'],
    [String.raw`W_1`, 'W1'],
    [String.raw`a_2`, 'a2'],
    [String.raw`w_j`, 'wj'],
    [String.raw`x_{ij}`, 'xij'],
    [String.raw`W_12`, '(* W1 2)'],
    [String.raw`h_{\text{out}}`, 'hout'],
    [String.raw`\alpha_1`, 'alpha1'],
    [String.raw`\vec{s}_{i}`, 'si'],
  ])('%s', (latex, expected) => {
    expect(shown(latex)).toBe(expected);
  });

  it('keeps the source text of a name', () => {
    expect(exprOf(String.raw`W_{1}`)).toEqual({ kind: 'name', name: 'W1', text: 'W_{1}', span: { line: 1, column: 5, endLine: 1, endColumn: 10 } });
    expect(exprOf(String.raw`\mathbf{x}`)).toMatchObject({ name: 'x', text: '\\mathbf{x}' });
  });
});

describe('noise that carries no maths', () => {
  it.each([
    [String.raw`\left( a + b \right) c`, '(* (+ a b) c)'],
    [String.raw`\big( a + b \big) c`, '(* (+ a b) c)'],
    [String.raw`\Big[ a \Big] \bigl( b \bigr)`, '(* a b)'],
    [String.raw`a \, b \; c \! d \quad e ~ f`, '(* (* (* (* (* a b) c) d) e) f)'],
    [String.raw`\left. x \right.`, 'x'],
    [String.raw`a \text{ (by the chain rule) } b`, '(* a b)'],
    [String.raw`\mathrm{where} \; a`, 'a'],
    [String.raw`\displaystyle a`, 'a'],
    [String.raw`a % a comment
      + b`, '(+ a b)'],
  ])('%s', (latex, expected) => {
    expect(shown(latex)).toBe(expected);
  });

  it('ignores sentence punctuation and labels with \\tag', () => {
    expect(printed(String.raw`h = XW + b.`)).toEqual(['h = (+ (* X W) b)']);
    expect(printed(String.raw`h = XW + b \tag{1b}`)).toEqual(['[1b] h = (+ (* X W) b)']);
    expect(printed(String.raw`\text{(c)} \quad h = XW + b`)).toEqual(['[c] h = (+ (* X W) b)']);
  });

  it('reports an evaluation bar without a point as unreadable', () => {
    const r = parse(String.raw`y = \left. \frac{d}{dx} f \right|_{x}`);
    expect(r.diagnostics.map((d) => d.message)).toEqual(['cannot read this maths: an evaluation bar needs a point with numbers, as in \\Big|_{x=2}']);
  });
});

describe('matrices', () => {
  it.each([
    [String.raw`\begin{bmatrix} a & b \\ c & d \end{bmatrix}`, '[a, b; c, d]'],
    [String.raw`\begin{pmatrix} 1 \\ x \\ \end{pmatrix}`, '[1; x]'],
    [String.raw`\begin{bmatrix} 3 x y \\ y - z \end{bmatrix}^T`, '(T [(* (* 3 x) y); (- y z)])'],
    [String.raw`\begin{bmatrix} x - 5 y & \begin{matrix} 1 \end{matrix} \end{bmatrix}`, '[(- x (* 5 y)), [1]]'],
  ])('%s', (latex, expected) => {
    expect(shown(latex)).toBe(expected);
  });

  it('keeps a matrix inside an aligned row', () => {
    expect(printed(String.raw`\begin{aligned} A &= \begin{bmatrix} 1 & 2 \\ 3 & 4 \end{bmatrix} \\ &= B \end{aligned}`)).toEqual([
      'A = [1, 2; 3, 4] = B',
    ]);
  });
});

describe('declarations and shape claims', () => {
  it.each([
    [String.raw`x \in \mathbb{R}^{1 \times M}`, 'decl x : 1 x M'],
    [String.raw`W_{1} \in \mathbb{R}^{M \times N}`, 'decl W1 : M x N'],
    [String.raw`Q_1, h_1, b_1 \in \mathbb{R}^{1 \times N}`, 'decl Q1, h1, b1 : 1 x N'],
    [String.raw`b \in \mathbb{R}`, 'decl b : 1 x 1'],
    [String.raw`x \in \mathbb{R}^{n}`, 'decl x : n x 1'],
    [String.raw`x \in \mathbb{R}^n`, 'decl x : n x 1'],
    [String.raw`x \in R^{M x N}`, 'decl x : M x N'],
    [String.raw`x ∈ ℝ^{1×M}`, 'decl x : 1 x M'],
    [String.raw`W \in \mathbb{R}^{3 \times 2}`, 'decl W : 3 x 2'],
  ])('%s', (latex, expected) => {
    expect(printed(latex)).toEqual([expected]);
  });

  it('reads a domain written after the shape', () => {
    const [st] = parse(String.raw`y \in \mathbb{R}^{1 \times C} \text{ (one-hot)}`).statements;
    expect(st).toMatchObject({ kind: 'decl', shape: { rows: 1, cols: 'C' }, domain: { name: 'onehot' } });
  });

  it('reads a trailing shape claim on a claim', () => {
    expect(printed(String.raw`\frac{\partial L}{\partial W} = X^{T} \cdot (a - y) \in \mathbb{R}^{M}`)).toEqual(['(d L / W) = (cdot (T X) (- a y)) in M x 1']);
    expect(printed(String.raw`\frac{\partial L}{\partial h} = \frac{-y}{s} Q \qquad \in \mathbb{R}^{1 \times C}`)).toEqual([
      '(d L / h) = (* (/ (neg y) s) Q) in 1 x C',
    ]);
  });
});

describe('equations, chains and rows', () => {
  it('makes one equation of a chain, with the source text and file span of every side', () => {
    const r = parseAt(String.raw`\frac{dL}{da} = -\frac{y}{a} + \frac{1-y}{1-a} = \frac{a - y}{a(1-a)}`, 7, 3);
    const [st] = r.statements;
    expect(st.kind).toBe('equation');
    if (st.kind !== 'equation') return;
    expect(st.lhs.text).toBe(String.raw`\frac{dL}{da}`);
    expect(st.lhs.span).toEqual({ line: 7, column: 3, endLine: 7, endColumn: 16 });
    expect(st.rhs.map((s) => s.text)).toEqual([String.raw`-\frac{y}{a} + \frac{1-y}{1-a}`, String.raw`\frac{a - y}{a(1-a)}`]);
    expect(st.rhs[1].span).toEqual({ line: 7, column: 52, endLine: 7, endColumn: 72 });
    expect(st.span).toEqual({ line: 7, column: 3, endLine: 7, endColumn: 72 });
  });

  it('reads a definition as an equation (resolution decides)', () => {
    expect(printed(String.raw`h_1 = X W_1 + b_1`)).toEqual(['h1 = (+ (* X W1) b1)']);
  });

  it('continues a chain on aligned rows that start with &=', () => {
    const math = String.raw`\begin{aligned}
\frac{dL}{dw_j} &= - [y(1-h)x_j - (1-y)h x_j] \\
&= -x_j(y - h)
\end{aligned}`;
    const r = parseAt(math, 10, 3);
    expect(r.diagnostics).toEqual([]);
    expect(r.statements.map((s) => (s.kind === 'equation' ? [s.lhs.text, ...s.rhs.map((x) => x.text)] : []))).toEqual([
      [String.raw`\frac{dL}{dw_j}`, '- [y(1-h)x_j - (1-y)h x_j]', '-x_j(y - h)'],
    ]);
    const st = r.statements[0];
    expect(st.kind === 'equation' && st.rhs[1].span).toEqual({ line: 12, column: 4, endLine: 12, endColumn: 15 });
    expect(st.span).toEqual({ line: 11, column: 1, endLine: 12, endColumn: 15 });
  });

  // An expression broken over aligned rows is one expression: a row that starts with an operator (`+&`,
  // `&&\cdot`) and states no relation, or follows a row ending in one, goes on with the row before.
  it.each([
    [String.raw`\begin{aligned} \frac{\partial E}{\partial w} =& (o_1 - t_1) u_1 \\ +& (o_2 - t_2) u_2 \end{aligned}`, '(d E / w) = (+ (* (- o1 t1) u1) (* (- o2 t2) u2))'],
    [String.raw`\begin{eqnarray} g &=& -2 a \nonumber \\ &&\hspace{0.5cm}\cdot b \cdot c \end{eqnarray}`, 'g = (cdot (cdot (* (neg 2) a) b) c)'],
    [String.raw`\begin{aligned} L &= p + \\ & q \end{aligned}`, 'L = (+ p q)'],
    [String.raw`\begin{aligned} L &= p \\ -& q \end{aligned}`, 'L = (- p q)'],
    // MathJax's `\space` before the closing punctuation is spacing
    [String.raw`\begin{aligned} L &= p \\ -& q \space. \end{aligned}`, 'L = (- p q)'],
  ])('joins an expression broken over rows: %s', (latex, expected) => {
    expect(printed(latex)).toEqual([expected]);
  });

  it('keeps the readable rest of a chain whose first member is set aside or cannot be read', () => {
    // An update rule sets its row aside, \prod cannot be read: the `=` rows after them still claim the derivative.
    const update = parse(String.raw`\begin{align} \frac{\partial J}{\partial W} &= W \leftarrow W - G \\ &= h^T [\hat{y} - y] \end{align}`);
    expect(update.statements.map(showStatement)).toEqual(['(d J / W) = (* (T h) (- yhat y))']);
    expect(update.diagnostics.map((d) => d.code)).toEqual(['not-a-claim']);
    const unread = parse(String.raw`\begin{aligned} \frac{dL}{dx} &= \prod_i x_i \\ &= 2 x \end{aligned}`);
    expect(unread.statements.map(showStatement)).toEqual(['(d L / x) = (* 2 x)']);
    // A set-aside row that starts no derivative gives nothing to go on with.
    expect(parse(String.raw`\begin{aligned} W &\leftarrow W - \eta G \\ &= W' \end{aligned}`).statements).toEqual([]);
  });

  it('keeps rows that state a relation of their own apart', () => {
    // `- q = r` is a statement of its own, not more of `p`.
    expect(printed(String.raw`\begin{aligned} L &= p \\ - q &= r \end{aligned}`)).toEqual(['L = p', '(neg q) = r']);
  });

  it.each(['align', 'align*', 'equation', 'gather*'])('reads rows of %s', (env) => {
    expect(printed(`\\begin{${env}} a &= b \\\\ c &= d \\end{${env}}`)).toEqual(['a = b', 'c = d']);
  });

  it('returns leading = rows as a continuation for the block before', () => {
    const r = parse(String.raw`= \frac{a-y}{a(1-a)} \in \mathbb{R}`);
    expect(r.statements).toEqual([]);
    expect(r.continuation?.rhs.map((s) => s.text)).toEqual([String.raw`\frac{a-y}{a(1-a)}`]);
    expect(r.continuation?.shapeClaim).toMatchObject({ rows: 1, cols: 1 });
  });

  it('splits statements written side by side', () => {
    expect(printed(String.raw`a = 1, \quad b = 2`)).toEqual(['a = 1', 'b = 2']);
    expect(printed(String.raw`h = XW + b \quad \text{where} \quad W \in \mathbb{R}^{M \times N}`)).toEqual(['h = (+ (* X W) b)', 'decl W : M x N']);
    expect(printed(String.raw`x_1 = 1, x_2 = -1`)).toEqual(['x1 = 1', 'x2 = (neg 1)']);
  });

  it('accepts \\approx and \\Rightarrow as links of a chain', () => {
    expect(printed(String.raw`\frac{dy}{da} = 2 \cdot 0.9 \cdot 0.1 \approx 0.18 \Rightarrow 0.2`)).toEqual([
      '(d y / a) = (cdot (cdot 2 0.9) 0.1) = 0.18 = 0.2',
    ]);
  });

  it('reads \\sim as a stated rounded value in a point, and nowhere else', () => {
    expect(printed(String.raw`\text{at} s_1 \sim 0.9`)).toEqual(['at s1 ~ 0.9']);
    expect(parse(String.raw`x \sim y`).diagnostics.map((d) => d.message)).toEqual(['cannot read this maths: unexpected `\\sim`']);
  });

  it('reads a numeric point', () => {
    const [st] = parse(String.raw`\text{at } x_1 = 1, x_2 = -1, s_1 \approx 0.9`).statements;
    expect(st).toMatchObject({
      kind: 'at',
      bindings: [
        { name: 'x1', text: 'x_1', value: 1, rounded: false },
        { name: 'x2', value: -1, rounded: false },
        { name: 's1', value: 0.9, rounded: true },
      ],
    });
  });

  it('gives no statement for maths that claims nothing', () => {
    for (const m of [String.raw`\frac{\partial L}{\partial W_1}`, 'a, b, c', 'N']) {
      const r = parse(m);
      expect([r.statements, r.diagnostics]).toEqual([[], []]);
    }
  });

  it('skips an unreadable row with a diagnostic and keeps the others', () => {
    const r = parseAt(String.raw`\begin{aligned} a &= b \\ c &= P(Y = 1|X) \\ &= d \\ e &= f \end{aligned}`, 4, 1);
    expect(r.statements.map((s) => (s.kind === 'equation' ? s.lhs.text : ''))).toEqual(['a', 'e']);
    expect(r.diagnostics).toEqual([
      { severity: 'warning', code: 'parse-error', message: 'cannot read this maths: unexpected `=`', span: { line: 4, column: 36, endLine: 4, endColumn: 37 } },
    ]);
    expect(r.unreadRows).toBe(1);
  });

  it('treats commands named like object properties as unknown', () => {
    expect(parse(String.raw`x = \constructor + \toString`).diagnostics.map((d) => d.message)).toEqual(['cannot read this maths: unknown command `\\constructor`']);
    expect(printed(String.raw`y \in \mathbb{R} \text{constructor}`)).toEqual(['decl y : 1 x 1']);
  });

  it('never throws on junk', () => {
    for (const junk of ['}', '{', '\\frac{', '^', '_', '\\begin{bmatrix}', '&&&', '\\\\', '$', '\\', ')(', '\\left(', 'x^{', "''", '\\sum_', '∑∑']) {
      expect(() => parse(junk)).not.toThrow();
    }
  });

  it('refuses absurd nesting and length with limit-exceeded', () => {
    expect(parse('('.repeat(100) + 'x' + ')'.repeat(100)).diagnostics.map((d) => d.code)).toEqual(['limit-exceeded']);
    expect(parse('x + '.repeat(6000) + 'x').diagnostics.map((d) => d.code)).toEqual(['limit-exceeded']);
    expect(parse('z = ' + '\\mathbf{'.repeat(2000) + 'x' + '}'.repeat(2000)).diagnostics.map((d) => d.message)).toEqual([
      'cannot read this maths: groups nested more than 32 deep',
    ]);
  });
});

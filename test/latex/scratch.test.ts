import { it } from 'vitest';
import { parseLatexMath } from '../../src/latex/parse';
import { showStatement } from './print';
const inputs = [
  String.raw`h = XW + b`,
  String.raw`L = -y \log a - (1-y) \log (1-a)`,
  String.raw`\frac{\partial L}{\partial W} = \frac{\partial L}{\partial h} \frac{\partial h}{\partial W} = X^{T} \frac{\partial L}{\partial h}`,
  String.raw`\frac{\partial L}{\partial a} = -\frac{y}{a} + \frac{1-y}{1-a} = \frac{y(1-a) + a(1-y)}{a(1-a)}`,
  String.raw`\frac{\partial a}{\partial h} = \sigma(h)(1-\sigma(h)) = a(1-a)`,
  String.raw`\frac{\partial L}{\partial W} = X^{T} \cdot (a - y) \in \mathbb{R}^{M}`,
  String.raw`Q_{1}, h_{1}, b_{1} \in \mathbb{R}^{1 \times N}`,
  String.raw`\frac{\partial L}{\partial W_{1}} = X^{T} ((a_{2} - y) \cdot (W_{2}^{T} \odot (a_{1} \odot (1 - a_{1})))) \in \mathbb{R}^{N \times N}`,
  String.raw`\frac{\partial L}{\partial \vec{s}} = \frac{\partial}{\partial \vec{s}} \left( -\vec{y} \cdot \log(\vec{s}) \right) = -\frac{\vec{y}}{\vec{s}} \in \mathbb{R}^{1 \times C}`,
  String.raw`\begin{aligned} \frac{dL}{dw_j} &= - [y(1-h(\mathbf{x}))x_j - (1-y)h(\mathbf{x})x_j] \\ &= -x_j[y - yh(\mathbf{x}) - h(\mathbf{x}) + yh(\mathbf{x})] \\ &= -x_j(y - h(\mathbf{x})) \end{aligned}`,
  String.raw`\begin{aligned}
\frac{\partial y}{\partial a} &= \frac{\partial y}{\partial s_1} \frac{\partial s_1}{\partial a} \\
&= 1 \cdot \frac{\partial g(a \cdot r_1)}{\partial a} \\
&= r_1 \cdot g(a \cdot r_1)(1 - g(a \cdot r_1)) \\
&= [1 \cdot 0.9(1 - 0.9)] \cdot -1 \\
&= 0.18
\end{aligned}`,
  String.raw`Q = \mathrm{diag}(s) - s^T s`,
  String.raw`\text{at } x_1 = 1, x_2 = -1, s_1 \approx 0.9`,
  String.raw`s = \mathrm{softmax}(h) = \frac{e^{h_i}}{\sum_{j=1}^{C} e^{h_j}}`,
  String.raw`f = \frac{d}{dx} x^2 \sin x + \sigma'(x) + \hat{y}_1 + \mathcal{L} + \sqrt{x} + e^{-x} + W^{[1]}`,
  String.raw`A = \begin{bmatrix} 1 & 2 \\ 3 & 4 \end{bmatrix}, \quad dL/dW = \partial L / \partial W`,
  String.raw`P(Y = 1|X) = h(\mathbf{x})`,
];
it('scratch', () => {
  for (const m of inputs) {
    const r = parseLatexMath(m, { file: 'x', line: 1, column: 1 });
    console.log(m.slice(0, 60).replace(/\n/g, ' '), '\n  ', r.statements.map(showStatement).join('\n   '), r.continuation ? 'CONT' : '', r.diagnostics.map((d) => d.message).join('; '));
  }
});

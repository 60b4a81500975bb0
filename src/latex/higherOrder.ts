// Higher-order derivatives as textbooks write them, read as nested first-order ones before the grammar runs:
// `\frac{\partial^2 f}{\partial x \partial y}` is ∂/∂x (∂f/∂y), `\frac{\partial^2 f}{\partial x^2}` is
// ∂/∂x (∂f/∂x), `\frac{d^2}{dx^2} g` is d/dx d/dx g, and the Hessian `\nabla_x^2 f` is ∇_x ∇_x f (the Jacobian
// of the gradient; symmetric, so its layout does not matter). The variables apply right to left, as
// ∂²f/∂x∂y = ∂/∂x(∂f/∂y) is defined; for the smooth functions of homework the order does not change the value.
import { closer, readAs, type Tok } from './tokens';

/** Orders above this are refused (the grammar's message: higher-order derivatives are not supported). */
const MAX_ORDER = 3;

const isD = (t: Tok | undefined) => t !== undefined && t.type === 'name' && t.value === 'd';
const isDifferential = (t: Tok | undefined) => t !== undefined && (t.type === 'diff' || isD(t));

/** The tokens with every higher-order derivative fraction and `\nabla_x^2` written as nested first-order ones. */
export function readHigherOrder(input: Tok[]): Tok[] {
  let tokens = input;
  for (let i = tokens.length - 1; i >= 0; i--) {
    const t = tokens[i];
    if (t.type === 'nabla' && tokens[i + 1]?.type === 'caret' && orderAt(tokens, i + 2)?.order === 2) {
      tokens = [...tokens.slice(0, i), t, t, ...tokens.slice(orderAt(tokens, i + 2)!.next)];
    } else if (t.type === 'frac') {
      const nested = nestedFraction(tokens, i);
      if (nested) tokens = [...tokens.slice(0, i), ...nested.tokens, ...tokens.slice(nested.next)];
    } else if (isDifferential(t) && tokens[i + 1]?.type === 'caret') {
      const written = slashFraction(tokens, i);
      const nested = written && nestedFraction(written.tokens, 0);
      if (nested && nested.next === written.tokens.length) tokens = [...tokens.slice(0, i), ...nested.tokens, ...tokens.slice(written.next)];
    }
  }
  return tokens;
}

/** `2` or `{2}` at `i`: the order and the index after it. */
function orderAt(tokens: readonly Tok[], i: number): { order: number; next: number } | undefined {
  const t = tokens[i];
  if (t?.type === 'num' && /^[23]$/.test(t.value)) return { order: Number(t.value), next: i + 1 };
  if (t?.type === 'lbrace' && tokens[i + 1]?.type === 'num' && /^[23]$/.test(tokens[i + 1].value) && tokens[i + 2]?.type === 'rbrace') {
    return { order: Number(tokens[i + 1].value), next: i + 3 };
  }
  return undefined;
}

/**
 * `\frac{∂^n OF}{∂x ∂y ..}` at `i` as nested fractions: `( \frac{∂}{∂x} \frac{∂ OF}{∂y} )` (parenthesised, so
 * the outer operator takes the inner fraction only), or with no OF, the operators `\frac{∂}{∂x} \frac{∂}{∂y}`,
 * which take the rest of the product as a first-order operator does.
 */
function nestedFraction(tokens: readonly Tok[], i: number): { tokens: Tok[]; next: number } | undefined {
  const [frac, open] = [tokens[i], tokens[i + 1]];
  if (open?.type !== 'lbrace') return undefined;
  const end1 = closer(tokens, i + 1);
  if (end1 === undefined || tokens[end1 + 1]?.type !== 'lbrace') return undefined;
  const end2 = closer(tokens, end1 + 1);
  const diff = tokens[i + 2];
  const order = isDifferential(diff) && tokens[i + 3]?.type === 'caret' ? orderAt(tokens, i + 4) : undefined;
  if (end2 === undefined || !order || order.order > MAX_ORDER) return undefined;
  const of = tokens.slice(order.next, end1);
  const variables = denominatorVariables(tokens.slice(end1 + 2, end2));
  if (!variables || variables.length !== order.order) return undefined;
  const d: Tok = { ...diff, type: 'diff' };
  const [lbrace, rbrace] = [open, tokens[end1]];
  const operator = (v: Tok): Tok[] => [frac, lbrace, d, rbrace, lbrace, d, v, rbrace];
  if (of.length === 0) return { tokens: variables.flatMap(operator), next: end2 + 1 };
  const inner = [frac, lbrace, d, ...of, rbrace, lbrace, d, variables[variables.length - 1], rbrace];
  return { tokens: [readAs(frac, 'lparen', '('), ...variables.slice(0, -1).flatMap(operator), ...inner, readAs(tokens[end2], 'rparen', ')')], next: end2 + 1 };
}

/** `∂x ∂y` → [x, y]; `∂x^2` → [x, x]; undefined for anything else. */
function denominatorVariables(tokens: readonly Tok[]): Tok[] | undefined {
  const out: Tok[] = [];
  let j = 0;
  while (j < tokens.length) {
    if (!isDifferential(tokens[j]) || tokens[j + 1]?.type !== 'name') return undefined;
    const variable = tokens[j + 1];
    j += 2;
    const power = tokens[j]?.type === 'caret' ? orderAt(tokens, j + 1) : undefined;
    if (tokens[j]?.type === 'caret' && !power) return undefined;
    for (let k = 0; k < (power?.order ?? 1); k++) out.push(variable);
    if (power) j = power.next;
  }
  return out;
}

/**
 * `∂²f/∂x∂y`, `d^2y/dx^2` (plain text, or LaTeX without \frac) at `i`: the same derivative written as the fraction
 * `\frac{∂^2 f}{∂x ∂y}`, and the index after its denominator; undefined for anything else.
 */
function slashFraction(tokens: readonly Tok[], i: number): { tokens: Tok[]; next: number } | undefined {
  const order = orderAt(tokens, i + 2);
  const of = order && tokens[order.next];
  if (!order || of?.type !== 'name' || tokens[order.next + 1]?.type !== 'slash') return undefined;
  let j = order.next + 2;
  while (isDifferential(tokens[j]) && tokens[j + 1]?.type === 'name') {
    j += 2;
    const power = tokens[j]?.type === 'caret' ? orderAt(tokens, j + 1) : undefined;
    if (power) j = power.next;
  }
  if (j === order.next + 2) return undefined;
  const [t, slash] = [tokens[i], tokens[order.next + 1]];
  const numerator = tokens.slice(i, order.next + 1);
  const denominator = tokens.slice(order.next + 2, j);
  const fraction = [readAs(t, 'frac', '\\frac'), readAs(t, 'lbrace', '{'), ...numerator, readAs(slash, 'rbrace', '}')];
  return { tokens: [...fraction, readAs(slash, 'lbrace', '{'), ...denominator, readAs(tokens[j - 1], 'rbrace', '}')], next: j };
}

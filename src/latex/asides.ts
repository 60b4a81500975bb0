// Rows that are understood and are not claims, set aside with a note rather than read as equations or
// reported as unreadable: update rules of an algorithm (`w \leftarrow w - \eta g`, `W := W - \alpha \nabla W`,
// `w = w - \alpha \frac{\partial J}{\partial w}`, `\theta_{t+1} = \theta_t - \eta g`) and notation the
// normaliser marked as an `aside` (⊗, case splits). Checking an update rule as an equation would call
// every one of them wrong (w = w - αg claims αg = 0).
import { warning, type Diagnostic, type Span } from '../diagnostics';
import { closer, spanOf, type Tok } from './tokens';
import { isReadableDifferential } from './appliedDifferentials';

/** The note for a row set aside: what it was, and that it is not checked. */
export function asideNote(what: string, span: Span, hint?: string): Diagnostic {
  return warning('not-a-claim', `set aside: ${what}`, span, hint);
}

/** Why the row is set aside, if it is: an `aside` token's reason, or an update rule. */
export function asideOf(tokens: readonly Tok[]): Diagnostic | undefined {
  if (tokens.length === 0) return undefined;
  const span = spanOf(tokens);
  const marked = tokens.find((t) => t.type === 'aside');
  if (marked) return asideNote(marked.value, span);
  if (isUpdateRule(tokens)) return asideNote('an update rule, not a claim', span, 'the step of an algorithm (w ← w - η g) is not an equation; the gradient it uses can be claimed on a line of its own');
  if (isDifferentialName(tokens)) {
    return asideNote(`${tokens[0].value}${tokens[1].text} is a differential or a gradient named after its variable (dW for the cost's gradient by W), not a product`, span, 'which cost a name like dW differentiates (the mean J or one example\'s loss) the notation leaves to the text: write the claim as \\frac{\\partial J}{\\partial W} = ... to have it checked');
  }
  if (isDerivativeApplied(tokens) && !isReadableDifferential(tokens)) {
    return asideNote(`${tokens[0].text}${tokens[0].type === 'fname' ? '' : ' ' + tokens[1].text}(..) before a direction is the function's derivative applied to it, not a product, and chainrule does not read it`, span, 'write the gradient, as in \\nabla f(x, y), or its product with the direction, \\nabla f(x, y)^T h');
  }
  if (isAppliedDifferential(tokens) && !isReadableDifferential(tokens)) {
    return asideNote(`${tokens[0].text} ${tokens[1].value}(..) is a differential applied to a direction (the derivative of ${tokens[1].value} by ${tokens[0].text.replace(/^d_?\{?|\}$/g, '')} times it), which chainrule does not read`, span, 'write the gradient, as in \\nabla_x f(x, y), or its product with the direction, \\nabla_x f(x, y)^T v');
  }
  return undefined;
}

/**
 * `d_x \mathcal{S}(x, y) \cdot \tilde{x} = ...`, `d_{w} f(w) \cdot v`: the differential of a function in one of
 * its arguments, applied to a direction, as analysis texts write the derivative. Read as the product of a name
 * d_x with the call, a right line would be ✗: what appliedDifferentials.ts does not read is set aside.
 */
function isAppliedDifferential(tokens: readonly Tok[]): boolean {
  const [d, call, open] = tokens;
  return d.type === 'name' && /^d_/.test(d.text) && (call?.type === 'fname' || call?.type === 'name') && open?.type === 'lparen' && tokens.some((t) => t.type === 'eq');
}

/**
 * `Df(x, y)[h] = ...`, `D f(x, y)(h)`, `D\mathbf f(\mathbf x)[\mathbf v]`: D with no subscript, a call, and a
 * bracketed direction after it. appliedDifferentials.ts reads the one-variable form; any other is no product
 * D·f(x, y)·h, which a verdict would rest on.
 */
function isDerivativeApplied(tokens: readonly Tok[]): boolean {
  const joined = tokens[0].type === 'fname' && /^D[A-Za-z]\w*$/.test(tokens[0].text);
  const call = joined ? 0 : tokens[0].type === 'name' && tokens[0].text === 'D' && (tokens[1]?.type === 'fname' || tokens[1]?.type === 'name') ? 1 : -1;
  if (call < 0 || tokens[call + 1]?.type !== 'lparen') return false;
  const close = closer(tokens, call + 1);
  const direction = close === undefined ? undefined : tokens[close + 1];
  return (direction?.type === 'lbrack' || direction?.type === 'lparen') && tokens.some((t) => t.type === 'eq');
}

/**
 * `dW^{[2]} = \frac{1}{m} dZ^{[2]} A^{[1]T}`, `dz = ...`, `df = 2x\,dx`: a left side that is `d` written against a
 * name. Deep-learning courses name gradients so (dZ = A - Y is the gradient of one example's loss summed over
 * the batch, dW = dZ A^T / m that of the mean cost); calculus texts write differentials so. Neither is the
 * product d·W, and which function is differentiated is left to the text.
 */
function isDifferentialName(tokens: readonly Tok[]): boolean {
  const [d, name, relation] = tokens;
  if (d.type !== 'name' || d.value !== 'd' || name?.type !== 'name' || relation?.type !== 'eq') return false;
  return d.span.line === name.span.line && d.span.column + 1 === name.span.column;
}

/**
 * `w = w - ...`, `W := W + ...`, `w_{t+1} = w_t - ...`: a single name on the left, and the right side
 * starts with the same quantity (or its previous step) followed by `+` or `-`.
 */
function isUpdateRule(tokens: readonly Tok[]): boolean {
  const [lhs, relation, first, op] = tokens;
  if (lhs.type !== 'name' || (relation?.type !== 'eq' && relation?.type !== 'approx') || first?.type !== 'name') return false;
  if (op?.type !== 'plus' && op?.type !== 'minus') return false;
  return lhs.value === first.value || isNextStep(lhs.text, first.text);
}

/** `w_{t+1}` after `w_t` (also `^{(t+1)}` after `^{(t)}`): the next step of the same quantity. */
function isNextStep(next: string, previous: string): boolean {
  const m = /^(.+?)([_^])\{?\(?([a-z])\s*\+\s*1\)?\}?$/.exec(next.replace(/\s+/g, ''));
  if (!m) return false;
  const [, base, mark, step] = m;
  const forms = mark === '_' ? [`_${step}`, `_{${step}}`] : [`^{(${step})}`, `^(${step})`, `^{${step}}`, `^${step}`];
  return forms.some((f) => previous.replace(/\s+/g, '') === base + f);
}

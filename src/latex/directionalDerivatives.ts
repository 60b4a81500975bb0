// `D_\mathbf{u} f`, `D_{\vec u} f(2, 1)`: the directional derivative of f in the direction u, read as the inner
// product of f's gradient with u, `\langle \nabla f(2, 1), u \rangle` (the textbook formula D_u f = ∇f · u, for u a
// unit vector: whether u is one is resolve/innerProducts.ts's question). Found here among the raw tokens: a `D`
// with a subscript of one letter (bare, braced, or under `\mathbf`, `\vec`, `\hat`, `\boldsymbol`, `\bm`) before a
// one-letter function name, and the point it is called at if any.
import { closingRaw, type RawToken } from './lexer';

const DIRECTION_ACCENTS = new Set(['\\mathbf', '\\vec', '\\hat', '\\boldsymbol', '\\bm']);

export interface DirectionalDerivative {
  /** The raw tokens of the direction u (its accent included). */
  direction: { from: number; to: number };
  /** The function and the point it is called at: `f`, `f(2, 1)`. */
  fn: { from: number; to: number };
  next: number;
}

/** The directional derivative whose `D` is at `i`, if the tokens there write one. */
export function directionalDerivativeAt(raw: readonly RawToken[], i: number): DirectionalDerivative | undefined {
  if (raw[i]?.text !== 'D' || raw[i + 1]?.text !== '_') return undefined;
  const direction = directionAt(raw, i + 2);
  const f = direction && raw[direction.next];
  if (!direction || f?.type !== 'word' || !/^[A-Za-z]$/.test(f.text) || raw[direction.next + 1]?.text === '_') return undefined;
  const open = direction.next + 1;
  const close = raw[open]?.text === '(' ? closingRaw(raw, open, '(', ')') : undefined;
  if (raw[open]?.text === '(' && close === undefined) return undefined;
  const end = close === undefined ? open : close + 1;
  return { direction: { from: direction.from, to: direction.to }, fn: { from: direction.next, to: end }, next: end };
}

/** The one-letter direction at `k`: `u`, `{u}`, `\mathbf{u}`, `\vec u`, `{\mathbf u}`; its tokens, and where it ends. */
function directionAt(raw: readonly RawToken[], k: number): { from: number; to: number; next: number } | undefined {
  const letter = (t: RawToken | undefined) => t?.type === 'word' && /^[a-z]$/.test(t.text);
  const braced = raw[k]?.text === '{';
  let j = braced ? k + 1 : k;
  if (raw[j]?.type === 'command' && DIRECTION_ACCENTS.has(raw[j].text)) {
    j++;
    if (raw[j]?.text === '{') {
      if (!letter(raw[j + 1]) || raw[j + 2]?.text !== '}') return undefined;
      j += 3;
    } else if (letter(raw[j])) j++;
    else return undefined;
  } else if (letter(raw[j])) j++;
  else return undefined;
  if (!braced) return { from: k, to: j, next: j };
  return raw[j]?.text === '}' ? { from: k + 1, to: j, next: j + 1 } : undefined;
}

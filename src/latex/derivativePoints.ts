// `\frac{\partial g}{\partial x}(1, 2) = 4`, `\frac{df}{dx}(2) = 8`: a derivative fraction that opens the row and is
// followed by a bracket of numbers and `=` is the derivative at that point, as textbooks write (∂g/∂x)(1, 2). It
// is read as the evaluation bar `\Big|_{(1, 2)}` is: the values bound in order to the parameters of the function
// differentiated (tuplePoints.ts), the line not read when they cannot be told. It was the derivative times a tuple,
// an unreadable line, or times the number.
import { closer, spanOf, type Tok } from './tokens';
import { positionalValues } from './tuplePoints';

/** The row's tokens with a point written after its leading derivative fraction made an evaluation bar. */
export function derivativeAtPoint(tokens: readonly Tok[]): readonly Tok[] {
  const fractionEnd = derivativeFractionEnd(tokens);
  if (fractionEnd === undefined || tokens[fractionEnd + 1]?.type !== 'lparen') return tokens;
  const close = closer(tokens, fractionEnd + 1);
  if (close === undefined || tokens[close + 1]?.type !== 'eq') return tokens;
  const bracket = tokens.slice(fractionEnd + 1, close + 1);
  const inside = bracket.slice(1, -1);
  const at = inside[inside.length - 1]?.type === 'comma' ? undefined : positionalValues(inside);
  // One decimal in brackets is as often a factor written after the derivative (`\frac{\partial L}{\partial a}(0.235)`).
  if (!at || at.length === 0 || (at.length === 1 && !Number.isInteger(at[0].value))) return tokens;
  const bar: Tok = { ...bracket[0], type: 'evalat', value: '|', text: bracket.map((t) => t.text).join(''), end: bracket[bracket.length - 1].end, span: spanOf(bracket), at };
  return [...tokens.slice(0, fractionEnd + 1), bar, ...tokens.slice(close + 1)];
}

/** The index of the `}` closing `\frac{\partial g}{\partial x}` at the start of the row. */
function derivativeFractionEnd(tokens: readonly Tok[]): number | undefined {
  if (tokens[0]?.type !== 'frac' || tokens[1]?.type !== 'lbrace' || !isDifferential(tokens, 2)) return undefined;
  const top = closer(tokens, 1);
  if (top === undefined || tokens[top + 1]?.type !== 'lbrace' || !isDifferential(tokens, top + 2)) return undefined;
  return closer(tokens, top + 1);
}

/** `\partial`, or the `d` of `df` (a name until rows.ts marks differentials, after this pass). */
function isDifferential(tokens: readonly Tok[], i: number): boolean {
  return tokens[i]?.type === 'diff' || (tokens[i]?.type === 'name' && tokens[i].value === 'd' && tokens[i + 1]?.type === 'name');
}


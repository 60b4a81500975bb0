// A density written with its parameters after a conditional bar, `p(x \mid \mu, \sigma)`, is the function p of x
// and of the parameters: the bar separates the arguments as a comma does (a TA differentiates log p(x | μ, σ) in μ
// as a function of all three). Only a bar directly inside an unprimed call's own brackets is read so. A primed
// call's stays unread: `\ell'(\mu \mid x, \sigma)` is the derivative in μ alone, which with a comma would be the
// derivative of a function of three variables (an error blaming a right line). A bar elsewhere (`\{x \mid x > 0\}`,
// outside brackets) stays unread too, with its reason.
import { CLOSING, OPENING, type Tok } from './tokens';

const isBar = (t: Tok) => t.type === 'unsupported' && t.text.trim() === '\\mid';
const isUnprimedName = (t: Tok | undefined) => (t?.type === 'name' || t?.type === 'fname') && !t.prime;

/** The tokens with each `\mid` that sits directly in a call's parentheses read as the comma between arguments. */
export function readConditionalArguments(tokens: readonly Tok[]): Tok[] {
  if (!tokens.some(isBar)) return [...tokens];
  const open: number[] = [];
  return tokens.map((t, i) => {
    if (OPENING.has(t.type)) open.push(i);
    else if (CLOSING.has(t.type)) open.pop();
    else if (isBar(t) && open.length > 0) {
      const at = open[open.length - 1];
      if (tokens[at].type === 'lparen' && isUnprimedName(tokens[at - 1]) && at < i - 1) return { ...t, type: 'comma', value: ',' };
    }
    return t;
  });
}

// A period between two factors is a product: authors type `.` for `\cdot` (`\frac{∂C}{∂a} . \frac{∂a}{∂w}`,
// `a^0.w^1`). A period at the end of a row is sentence punctuation (rows.ts drops it), and so is one outside
// brackets that a new statement follows (`h = XW + b. z = ...`: one name, then a relation).
import { depths, ENDS_OPERAND, RELATIONS, type Tok, type TokType } from './tokens';

const STARTS_FACTOR: ReadonlySet<TokType> = new Set(['name', 'fname', 'func', 'num', 'frac', 'sqrt', 'lparen', 'lbrack', 'diff', 'nabla', 'grad', 'begin_matrix']);

/** The row's tokens with each period between two factors, and not ending a sentence, read as `\cdot`. */
export function periodsAsProducts(tokens: readonly Tok[]): Tok[] {
  const d = depths(tokens);
  const endsSentence = (i: number) => d[i] === 0 && tokens[i + 1]?.type === 'name' && RELATIONS.has(tokens[i + 2]?.type) && d[i + 2] === 0;
  return tokens.map((t, i) =>
    t.type === 'period' && ENDS_OPERAND.has(tokens[i - 1]?.type) && STARTS_FACTOR.has(tokens[i + 1]?.type) && !endsSentence(i)
      ? { ...t, type: 'cdot', value: '\\cdot' }
      : t,
  );
}

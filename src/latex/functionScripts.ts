// Scripts on a function command that change which function it is, not a power of it:
// `\sin^{-1} x` is arcsin x (a power would be `(\sin x)^{-1}`, written so), and `\log_2 x` is log x / log 2.
import type { TokType } from './tokens';

const INVERSES: ReadonlyMap<string, string> = new Map([['sin', 'arcsin'], ['cos', 'arccos'], ['tan', 'arctan']]);

/** The inverse of a function written `f^{-1}`, where chainrule has it. */
export function inverseFunction(callee: string): string | undefined {
  return INVERSES.get(callee);
}

/**
 * `\log_b X` as the tokens of `\frac{1}{\ln b} \log X` before X (the change of base), for a base that is a
 * positive number other than 1; `\log_e` is log itself (no tokens). Undefined for any other subscript.
 */
export function changeOfBase(base: string): Array<[TokType, string]> | undefined {
  if (base === 'e') return [];
  if (!/^\d+(\.\d+)?$/.test(base) || Number(base) <= 0 || Number(base) === 1) return undefined;
  return [['frac', '\\frac'], ['lbrace', '{'], ['num', '1'], ['rbrace', '}'], ['lbrace', '{'], ['func', 'log'], ['num', base], ['rbrace', '}']];
}

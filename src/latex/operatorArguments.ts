// `\sin 2t` is sin(2t), `\log 2\pi\sigma^2` is log(2πσ²): an operator command written without brackets whose
// argument opens with a number takes the names written against that number, as every textbook means it (no
// one writes sin(2)·t that way). The grammar gives a bare operator one power (`\log a^2`, `\sin x \cos x`), so
// the number-led argument is put in braces here; anything else (an operator, a bracket, a fraction, `+`)
// ends it.
import type { Span } from '../syntax/ast';
import { closer, type Tok, type TokType } from './tokens';

const EXPONENT_ATOMS: ReadonlySet<TokType> = new Set(['num', 'name']);

/** The row's tokens with each number-led argument of a bare operator command braced. */
export function numberLedArguments(tokens: readonly Tok[]): Tok[] {
  const out: Tok[] = [];
  let i = 0;
  while (i < tokens.length) {
    const start = argumentStart(tokens, i);
    const end = start === undefined ? undefined : namesAfterNumber(tokens, start);
    if (start === undefined || end === undefined) {
      out.push(tokens[i++]);
      continue;
    }
    out.push(...tokens.slice(i, start), brace(tokens[start], 'lbrace'), ...tokens.slice(start, end), brace(tokens[end - 1], 'rbrace'));
    i = end;
  }
  return out;
}

/** Where a bare operator command's argument starts, when it is a number: after `\sin` or `\sin^2`. */
function argumentStart(tokens: readonly Tok[], i: number): number | undefined {
  if (tokens[i].type !== 'func') return undefined;
  let at = i + 1;
  if (tokens[at]?.type === 'caret') at = exponentEnd(tokens, at + 1);
  return tokens[at]?.type === 'num' ? at : undefined;
}

/** The end of an exponent that starts at `at`: one atom or a braced group. */
function exponentEnd(tokens: readonly Tok[], at: number): number {
  if (EXPONENT_ATOMS.has(tokens[at]?.type)) return at + 1;
  const close = tokens[at]?.type === 'lbrace' ? closer(tokens, at) : undefined;
  return close === undefined ? at : close + 1;
}

/** The end (exclusive) of the names, each perhaps raised to a power, right after the number at `num`; undefined when none follow. */
function namesAfterNumber(tokens: readonly Tok[], num: number): number | undefined {
  let end = num + 1;
  while (tokens[end]?.type === 'name') {
    end++;
    if (tokens[end]?.type === 'caret') end = exponentEnd(tokens, end + 1);
  }
  return end > num + 1 ? end : undefined;
}

/** A brace the author did not write: no text, at the edge of the token it stands by. */
function brace(beside: Tok, type: 'lbrace' | 'rbrace'): Tok {
  const opening = type === 'lbrace';
  const at = opening ? beside.start : beside.end;
  const line = opening ? beside.span.line : beside.span.endLine;
  const column = opening ? beside.span.column : beside.span.endColumn;
  const span: Span = { line, column, endLine: line, endColumn: column };
  return { type, value: opening ? '{' : '}', text: '', start: at, end: at, span };
}

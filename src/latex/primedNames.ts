// Primed names: `\frac{\partial O_{11}}{\partial w_{11}'}` differentiates by w′₁₁, a weight of its own (authors
// prime one layer's weights to tell them from the next layer's), not by the transpose of w₁₁. A document that
// differentiates by a primed name means that name wherever it writes it primed: `x_{1} w_{11}' + b_{11}'` is
// a sum of two primed names. Elsewhere a prime stays what it was (a transpose, or a derivative before `(`).
import { spanOf, type Tok } from './tokens';

/** `\partial w_{11}'`, `\partial{b'}`, `\partial \theta^{\prime}`: ∂ before a name (with a subscript) and primes. */
const DIFFERENTIATED_PRIME = /\\partial\s*\{?\s*((?:\\[A-Za-z]+\s*\{\s*[A-Za-z]\s*\}|\\[A-Za-z]+|[A-Za-z])(?:\s*_\s*(?:\{[^{}]*\}|[A-Za-z0-9]))?)\s*(?:'|\\prime|\^\s*\{\s*(?:'|\\prime)\s*)/g;

/** The written names (spacing and braces aside) a document's maths blocks differentiate by with a prime. */
export function differentiatedPrimes(maths: readonly string[]): Set<string> {
  const names = new Set<string>();
  for (const text of maths) for (const m of text.matchAll(DIFFERENTIATED_PRIME)) names.add(writtenKey(m[1]));
  return names;
}

/** A name as written, without the spacing and braces that do not change it (`w_{11}` and `w_11` alike). */
function writtenKey(text: string): string {
  return text.replace(/[\s{}]/g, '');
}

/** The tokens with each of these names, written directly before its primes and not called, made one primed name. */
export function joinPrimedNames(tokens: readonly Tok[], primed: ReadonlySet<string>): Tok[] {
  if (primed.size === 0) return [...tokens];
  const out: Tok[] = [];
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i];
    let j = i + 1;
    let primes = 0;
    while (tokens[j]?.type === 'prime' && tokens[j].start === tokens[j - 1].end) primes += Number(tokens[j++].value);
    if (t.type !== 'name' || primes === 0 || tokens[j]?.type === 'lparen' || !primed.has(writtenKey(t.text))) {
      out.push(t);
      continue;
    }
    const written = tokens.slice(i, j);
    out.push({ ...t, value: t.value + 'prime'.repeat(primes), text: written.map((w) => w.text).join(''), end: tokens[j - 1].end, span: spanOf(written) });
    i = j - 1;
  }
  return out;
}

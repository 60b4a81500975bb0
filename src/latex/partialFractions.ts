// The first entry of the confusion table: a handwritten ∂ that OCR read as 2, 3, a, J, Δ or δ, in a
// fraction of two names the document knows (`\frac{2L}{2W}`), where a derivative is expected.
import type { Expr } from '../syntax/ast';
import { findInExpr } from '../syntax/walk';
import type { Tok } from './tokens';
import { closer, readAs, spanOf, type Confusion, type NameFacts, type SiteContext } from './confusionSites';

/** The factors of the product (`X^T \frac{2L}{2h}`, `\frac{2L}{2h} \frac{2h}{2W}`) `node` is one of, if it is. */
function productFactors(root: Expr, node: Expr): Expr[] | undefined {
  const isProduct = (e: Expr) => e.kind === 'binary' && (e.op === 'mul' || e.op === 'hadamard');
  let top: Expr | undefined;
  findInExpr(root, (e) => {
    if (isProduct(e) && top === undefined && factorsOf(e).includes(node)) top = e;
    return top !== undefined;
  });
  return top && factorsOf(top);

  function factorsOf(e: Expr): Expr[] {
    return isProduct(e) && e.kind === 'binary' ? [...factorsOf(e.left), ...factorsOf(e.right)] : [e];
  }
}

function startsAt(e: Expr, t: Tok): boolean {
  return e.span.line === t.span.line && e.span.column === t.span.column;
}

/**
 * A fraction is where a derivative is expected when it is the claim's target, or a factor of a product
 * in a derivation line, or a factor next to a derivative reference (or another such fraction).
 */
function fractionExpected(head: Tok, fractionHeads: readonly Tok[], ctx: SiteContext): boolean {
  const root = ctx.expr;
  if (!root) return ctx.target || ctx.derivation;
  if (ctx.target && startsAt(root, head) && root.kind === 'binary' && root.op === 'div') return true;
  const node = findInExpr(root, (e) => e.kind === 'binary' && e.op === 'div' && startsAt(e, head));
  const factors = node && productFactors(root, node);
  if (!factors) return false;
  if (ctx.derivation) return true;
  return factors.some((f) => f !== node && (f.kind === 'deriv' || fractionHeads.some((h) => h !== head && startsAt(f, h))));
}

/** Glyphs OCR reads for a handwritten ∂. */
const PARTIAL_NUMBERS = new Set(['2', '3']);
const PARTIAL_LETTERS = new Set(['a', 'J', 'Delta', 'delta']);

function isPartialGlyph(t: Tok): boolean {
  return (t.type === 'num' && PARTIAL_NUMBERS.has(t.value)) || (t.type === 'name' && PARTIAL_LETTERS.has(t.value));
}

/** `\frac{G A}{G B}` with G a ∂ glyph and A, B names the document knows: the parts' tokens. */
function derivativeFractions(tokens: readonly Tok[], names: NameFacts): Array<{ head: number; top: number; bottom: number; close: number }> {
  const out: Array<{ head: number; top: number; bottom: number; close: number }> = [];
  const part = (from: number, to: number) =>
    to - from === 2 && isPartialGlyph(tokens[from]) && tokens[from + 1].type === 'name' && names.known(tokens[from + 1].value);
  tokens.forEach((t, i) => {
    if (t.type !== 'frac' || tokens[i + 1]?.type !== 'lbrace') return;
    const end1 = closer(tokens, i + 1);
    if (end1 === undefined || tokens[end1 + 1]?.type !== 'lbrace') return;
    const end2 = closer(tokens, end1 + 1);
    if (end2 !== undefined && part(i + 2, end1) && part(end1 + 2, end2)) out.push({ head: i, top: i + 2, bottom: end1 + 2, close: end2 });
  });
  return out;
}

export const derivativeFraction: Confusion = {
  written: '`2`, `3`, `a`, `J`, `Δ`, `δ` opening both parts of `\\frac{..}{..}`',
  readAs: '∂',
  find(tokens, ctx) {
    const fractions = derivativeFractions(tokens, ctx.names);
    const heads = fractions.map((f) => tokens[f.head]);
    return fractions.map((f) => {
      const glyphs = [tokens[f.top], tokens[f.bottom]];
      const partial = (t: Tok) => readAs(t, 'diff', '\\partial');
      const of = tokens[f.top + 1].text;
      const wrt = tokens[f.bottom + 1].text;
      return {
        key: 'partial',
        site: {
          span: spanOf([tokens[f.head], tokens[f.close]]),
          edits: [f.top, f.bottom].map((at) => ({ at, remove: 1, insert: [partial(tokens[at])] })),
          live: fractionExpected(tokens[f.head], heads, ctx),
          why: `${glyphs.map((g) => `\`${g.text}\``).join(' and ')} read as ∂: a fraction of ${of} and ${wrt}, names of the document, where a derivative is expected`,
        },
      };
    });
  },
};

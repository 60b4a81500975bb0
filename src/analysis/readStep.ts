// One step read again with substitutions from the confusion table (src/latex/confusions.ts): the bounded
// search of src/analysis/readings.ts. Substitutions are tried by count (1, then 2): the first count at which
// some reading parses, lowers (shapes agree, a definition's declared shape too) and leaves nothing suspect
// gives the reading; readings of that count that mean different things are ambiguous, and none is taken.
import { spanWithin, warning, type Diagnostic } from '../diagnostics';
import type { Expr, Reading, Span, Step } from '../syntax/ast';
import { findInExpr } from '../syntax/walk';
import { printExpr } from '../syntax/print';
import { LowerError, type Lowering } from '../resolve/lower';
import { ShapeError, shapesEqual, type Shape } from '../ir/types';
import { latexTokens, parseLatexExpression } from '../latex/parse';
import { applySubstitution, findSubstitutions, type SiteContext, type Substitution } from '../latex/confusions';
import type { Tok } from '../latex/tokens';

/** What a step reader needs of the document. */
export interface StepSource {
  file: string;
  textOf(span: Span): string;
  isLatex(span: Span): boolean;
}

interface Candidate {
  tokens: Tok[];
  applied: Substitution[];
  expr?: Expr;
  /** Its shape, once it lowered (unknown for tensor-valued shorthand). */
  shape?: Shape;
}

/**
 * The shape a step should have: a definition's declared shape is required; the shape of a claim's target is
 * preferred (of the readings accepted, the ones of the target's shape are taken: `(o - V) v^T` for a 1 x K
 * target reads V as the y of the loss, not as the K x 1 v). Shapes, never values: no reading is chosen by the
 * verdict it gives.
 */
export type ShapeWanted = { declared: Shape } | { target: Expr };

/** Tries the readings of one step in a scope's lowering. */
export class StepReader {
  private made?: Lowering;

  constructor(
    private readonly makeLowering: () => Lowering,
    private readonly options: StepSource,
    private readonly diagnostics: Diagnostic[],
    private readonly maxSubstitutions: number,
  ) {}

  /** Made when a step first needs it: most documents have nothing to read. */
  private get lowering(): Lowering {
    return (this.made ??= this.makeLowering());
  }

  /**
   * The step as read with the fewest substitutions, and the readings it took; undefined when it reads as
   * written, or no reading within the limits does, or two readings tie (a warning says so).
   */
  read(step: Step, context: Omit<SiteContext, 'expr'>, budget: { left: number }, wanted?: ShapeWanted): { step: Step; readings: Reading[] } | undefined {
    const declared = wanted && 'declared' in wanted ? wanted.declared : undefined;
    if (!this.options.isLatex(step.span)) return undefined;
    const tokens = latexTokens(step.text, { file: this.options.file, line: step.span.line, column: step.span.column });
    // Most steps have no glyph the table knows: they are not parsed again.
    if (findSubstitutions(tokens, context).length === 0) return undefined;
    const literal = parseLatexExpression(tokens);
    // Only a step that reads back as it was parsed in its document is read again.
    if (!literal || !sameMeaning(literal, step.expr)) return undefined;
    const substitutions = findSubstitutions(tokens, { ...context, expr: literal });
    if (!substitutions.some((s) => s.live) && this.lowers(literal, declared)) return undefined;

    let level: Candidate[] = substitutions.map((s) => ({ tokens: applySubstitution(tokens, s), applied: [s] }));
    const seen = new Set(level.map(keyOf));
    for (let count = 1; count <= this.maxSubstitutions && level.length > 0; count++) {
      const accepted: Candidate[] = [];
      for (const c of level) {
        if (budget.left-- <= 0) return undefined; // the limit ran out before this count was tried through
        c.expr = parseLatexExpression(c.tokens);
        // Nothing left suspect (cheap) before it lowers (derivatives are worked out there).
        if (!c.expr || findSubstitutions(c.tokens, { ...context, expr: c.expr }).some((s) => s.live)) continue;
        const lowered = this.lowered(c.expr, declared);
        if (lowered.ok) accepted.push({ ...c, shape: lowered.shape });
      }
      if (accepted.length > 0) return this.choose(step, this.fitting(accepted, wanted));
      if (count === this.maxSubstitutions) break;
      const next: Candidate[] = [];
      for (const c of level) {
        for (const s of findSubstitutions(c.tokens, { ...context, expr: c.expr })) {
          if (c.applied.some((a) => a.key === s.key)) continue;
          const more = { tokens: applySubstitution(c.tokens, s), applied: [...c.applied, s] };
          if (!seen.has(keyOf(more))) {
            seen.add(keyOf(more));
            next.push(more);
          }
        }
      }
      level = next;
    }
    return undefined;
  }

  /** The accepted reading to take (see `preferred`), or none when they mean different things (a warning says so). */
  private choose(step: Step, accepted: Candidate[]): { step: Step; readings: Reading[] } | undefined {
    const ranked = accepted.map((c) => ({ c, meaning: meaningKey(c.expr!), entries: c.applied.map((s) => s.entry) }));
    const best = preferred(ranked);
    if (best === 'ambiguous') {
      const options = [...new Map(ranked.map((r) => [r.meaning, printExpr(r.c.expr!)])).values()].map((t) => `\`${t}\``);
      this.diagnostics.push(
        warning('ambiguous-reading', `${step.text.trim()} could be read as ${options.join(' or as ')}; it is read as written`, step.span, 'write the line unambiguously'),
      );
      return undefined;
    }
    const expr = best.c.expr!;
    const readings = best.c.applied.flatMap((s) =>
      s.sites.map((site): Reading => {
        // A name is read as a name; anything else is shown as the smallest expression it changed (`6(h_1)`).
        const span = site.readAs === undefined ? smallestAround(expr, site.span).span : site.span;
        const readAs = site.readAs ?? printExpr(smallestAround(expr, site.span));
        return { span, written: this.options.textOf(span), readAs, why: site.why };
      }),
    );
    return { step: { ...step, expr }, readings };
  }

  /** The accepted readings of the claim target's shape, when there are any (the target is lowered only now). */
  private fitting(accepted: Candidate[], wanted: ShapeWanted | undefined): Candidate[] {
    const shape = wanted && 'target' in wanted ? this.lowered(wanted.target).shape : undefined;
    const fit = shape ? accepted.filter((c) => c.shape && shapesEqual(c.shape, shape)) : [];
    return fit.length > 0 ? fit : accepted;
  }

  private lowers(expr: Expr, declared?: Shape): boolean {
    return this.lowered(expr, declared).ok;
  }

  /** Whether an expression lowers in the scope (with the declared shape, for a definition), and its shape. */
  private lowered(expr: Expr, declared?: Shape): { ok: boolean; shape?: Shape } {
    try {
      const node = this.lowering.with({ editMemo: new WeakMap() }).lower(expr);
      return { ok: !declared || shapesEqual(node.shape, declared), shape: node.shape };
    } catch (err) {
      if (err instanceof ShapeError) return { ok: false };
      // The derivative of a name the document uses but does not define is a question of context, not of reading.
      if (err instanceof LowerError) return { ok: err.diagnostic.code === 'unknown-name' && insideDerivativeOf(expr, err.diagnostic.span) };
      return { ok: true }; // tensor-valued derivative references: informal shorthand, read all the same
    }
  }
}

/**
 * Among readings with the same (fewest) substitutions: when they all mean the same, the one made with the
 * earliest entries of the table; when two mean different things, none (`ambiguous`): chainrule does not guess.
 */
export function preferred<T extends { meaning: string; entries: readonly number[] }>(tied: readonly T[]): T | 'ambiguous' {
  if (new Set(tied.map((t) => t.meaning)).size > 1) return 'ambiguous';
  const sorted = (t: T) => [...t.entries].sort((a, b) => a - b);
  return tied.reduce((a, b) => (compareLists(sorted(b), sorted(a)) < 0 ? b : a));
}

function keyOf(c: Candidate): string {
  return c.applied.map((s) => s.key).sort().join('|');
}

function compareLists(a: readonly number[], b: readonly number[]): number {
  for (let i = 0; i < Math.min(a.length, b.length); i++) if (a[i] !== b[i]) return a[i] - b[i];
  return a.length - b.length;
}

/** What an expression means, without where and how it was written. */
function meaningKey(e: Expr): string {
  return JSON.stringify(e, (key, value) => (key === 'span' || key === 'text' || key === 'calleeText' ? undefined : value));
}

function sameMeaning(a: Expr, b: Expr): boolean {
  return meaningKey(a) === meaningKey(b);
}

/** The smallest subexpression around a span: what a reading changed, as a reader sees it (`6(h_1)` for `6`). */
function smallestAround(root: Expr, span: Span): Expr {
  let best = root;
  findInExpr(root, (e) => {
    if (spanWithin(span, e.span) && spanWithin(e.span, best.span)) best = e;
    return false;
  });
  return best;
}

function insideDerivativeOf(root: Expr, span: Span): boolean {
  return findInExpr(root, (e) => e.kind === 'deriv' && spanWithin(span, e.of.span)) !== undefined;
}

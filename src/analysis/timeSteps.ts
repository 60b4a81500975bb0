// Time steps of a sequence model (documents only). Write-ups on recurrent networks declare a sequence's
// space once, `a, b_a \in \mathbb{R}^{h}`, `x \in \mathbb{R}^{n}`, and then write it at its steps: `a^{<t>}`,
// `a^{\lt t-1 \gt}`, `s^{\langle t \rangle}`, `h^{(t)}`, `h_{t-1}`. Each step is a name of its own (src/latex/
// normalize.ts: at, atm1, htm1), which nothing declares, so it would be a scalar and the recurrence `W a^{<t-1>}
// + U x^{<t>} + b_a` a shape error. A TA reads every step as having the sequence's shape; so does this: an
// undeclared, undefined step takes the shape declared for its base name, or for another step of it
// (`h_t \in \mathbb{R}^d` gives h_{t-1} its shape). The shape is chainrule's reading, marked `implied` (a step
// wrong by its shape is unjudged, src/check/doubts.ts) and said in a note.
import { warning } from '../diagnostics';
import { formatShape, isScalarShape, type Shape } from '../ir/types';
import type { Scope } from '../resolve/scope';
import type { Expr, Span } from '../syntax/ast';
import { findInExpr } from '../syntax/walk';
import { expressionsOf } from './genericLayers';

/** A name written at a time step: its base name and the step as written. */
interface Step {
  base: string;
  step: string;
  span: Span;
  /** Written as a subscript (`h_{t-1}`), which an entry of h (index notation) could also be. */
  subscript: boolean;
}

// The step: a letter and an offset (`t`, `t-1`, `k+1`); angle brackets mark any letter as a time, parentheses,
// brackets and subscripts only t (`a^{(l)}` is a layer, `x_i` an entry).
const ANGLED = /^(.+?)\^\s*\{?\s*(?:<|\\lt|\\langle)\s*([a-zA-Z])\s*(?:([+-])\s*(\d))?\s*(?:>|\\gt|\\rangle)\s*\}?$/;
const BRACKETED = /^(.+?)\^\s*\{?\s*[([]\s*(t)\s*(?:([+-])\s*(\d))?\s*[)\]]\s*\}?$/;
const SUBSCRIPTED = /^(.+?)_\s*\{?\s*(t)\s*(?:([+-])\s*(\d))?\s*\}?$/;

/** `name` as written `text`, if a time step of another name (the suffix the normalizer gave it: t, tm1, kp1). */
function timeStep(name: string, text: string, span: Span): Step | undefined {
  for (const pattern of [ANGLED, BRACKETED, SUBSCRIPTED]) {
    const m = pattern.exec(text.trim());
    if (!m) continue;
    const step = m[2] + (m[3] ? `${m[3] === '+' ? 'p' : 'm'}${m[4]}` : '');
    if (!name.endsWith(step) || name.length === step.length) return undefined;
    return { base: name.slice(0, -step.length), step, span, subscript: pattern === SUBSCRIPTED };
  }
  return undefined;
}

/** The time-step names the scope writes, keyed by name (the first place each is written). */
function stepsWritten(scope: Scope): Map<string, Step> {
  const steps = new Map<string, Step>();
  for (const e of expressionsOf(scope)) {
    findInExpr(e, (x) => {
      const step = x.kind === 'name' && !steps.has(x.name) ? timeStep(x.name, x.text, x.span) : undefined;
      if (step) steps.set((x as Extract<Expr, { kind: 'name' }>).name, step);
      return false;
    });
  }
  // A subscript t is a time only where the question also writes a step before or after it (`h_{t-1}`), and t
  // is not one of its entry letters.
  const recurrent = [...steps.values()].some((s) => s.subscript && s.step !== 't') && !scope.indexNames.has('t');
  for (const [name, step] of steps) if (step.subscript && !recurrent) steps.delete(name);
  return steps;
}

/** Declares, in `scope`, each undeclared time step with its sequence's shape (see above). */
export function declareTimeSteps(scope: Scope, textOf: (span: Span) => string): void {
  const steps = stepsWritten(scope);
  const shapeOf = new Map<string, { shape: Shape; from: string } | null>();
  for (const [name, { base }] of [...steps, ...[...steps.values()].map((s): [string, Step] => [s.base, s])]) {
    const declared = scope.declarations.get(name);
    if (!declared || isScalarShape(declared.shape) || declared.implied) continue;
    const known = shapeOf.get(base);
    // Two steps (or the base and a step) declared with different shapes: the sequence has no one shape.
    if (known && formatShape(known.shape) !== formatShape(declared.shape)) shapeOf.set(base, null);
    else if (known === undefined) shapeOf.set(base, { shape: declared.shape, from: textOf(declared.span) });
  }
  for (const [name, step] of steps) {
    const source = shapeOf.get(step.base);
    if (!source || scope.declarations.has(name) || scope.definitions.has(name) || scope.functions.has(name)) continue;
    scope.declarations.set(name, { name, shape: source.shape, span: step.span, implied: true });
    scope.diagnostics.push(
      warning('reading', `${textOf(step.span)} is not declared; chainrule takes it as ${formatShape(source.shape)}, the shape declared for ${source.from}: a time step has its sequence's shape`, step.span, 'state its shape to be sure'),
    );
  }
}

// Shapes of undeclared names, from their use (documents only). A document that states some shapes
// (`$\mathbf{A}_o$ has dimensions $(10, m)$`) often leaves others to the reader: `\mathcal{L} = -tr(\mathbf{Y}^T
// \log \mathbf{A}_o)` says Y is 10 x m, since the trace needs a square matrix. Taken as a scalar, Y makes the
// formula a shape error and every claim on it unreadable. A TA infers the shape; so does this, when exactly
// one of the shapes the question declares (or their transposes) makes every formula that uses the name
// consistent. The shape is a guess of chainrule's, marked `implied` so that a step wrong by its shape is
// unjudged (src/check/doubts.ts), and said in a note.
import { warning } from '../diagnostics';
import { Graph } from '../ir/graph';
import { Builder } from '../ir/build';
import { formatShape, isScalarShape, type Shape } from '../ir/types';
import { Lowering } from '../resolve/lower';
import { lowersIn } from './lowers';
import { namesReached } from '../resolve/names';
import type { Scope } from '../resolve/scope';
import { similarName } from '../resolve/similar';
import { declaredHere } from './declaredHere';
import type { Span } from '../syntax/ast';
import { indexNotation } from '../indexing/lower';

/** At most this many undeclared names are inferred at once, and this many assignments tried. */
const MAX_UNKNOWN_NAMES = 2;
const MAX_ASSIGNMENTS = 256;

/** Declares, in `scope`, the shapes its failing formulas force on undeclared names (see above). */
export function inferUndeclaredShapes(scope: Scope, textOf: (span: Span) => string): void {
  const declared = [...scope.declarations.values()].filter((d) => !isScalarShape(d.shape));
  if (declared.length === 0) return;
  const failing = [...scope.definitions.keys()].filter((name) => !lowersIn(scope, name, textOf));
  if (failing.length === 0) return;
  const probe = Lowering.forProblem(scope, new Builder(new Graph()), { textOf, indexNotation });
  const unknown = new Map<string, Span>();
  for (const name of failing) {
    namesReached(scope.definitions.get(name)!.expr, (n) => scope.definitions.get(n)?.expr, (e) => {
      if (probe.isUndeclared(e.name) && !unknown.has(e.name)) unknown.set(e.name, e.span);
    });
  }
  if (unknown.size === 0 || unknown.size > MAX_UNKNOWN_NAMES) return;
  // `X` beside a declared `x` is more likely a slip of it than a new matrix: the slip reader decides those.
  const written = declaredHere(scope);
  if ([...unknown.keys()].some((name) => similarName(name, written))) return;
  const names = [...unknown.keys()];
  const fits: Scope[] = [];
  for (const assignment of assignments(names.length, candidateShapes(declared.map((d) => d.shape)))) {
    const trial = withShapes(scope, names, assignment, unknown);
    if (failing.every((name) => lowersIn(trial, name, textOf))) fits.push(trial);
    if (fits.length > 1) return; // two shapes fit: the use does not say which
  }
  if (fits.length !== 1) return;
  const line = scope.definitions.get(failing[0])!.span.line;
  for (const [name, span] of unknown) {
    const declaration = fits[0].declarations.get(name)!;
    scope.declarations.set(name, declaration);
    scope.diagnostics.push(warning('reading', `${textOf(span)} is not declared; chainrule takes it as ${formatShape(declaration.shape)}, the only shape that fits its use at line ${line}`, span, `state its shape to be sure`));
  }
}

/** The declared shapes, their transposes, and the scalar, each once. */
function candidateShapes(shapes: readonly Shape[]): Shape[] {
  const all = new Map<string, Shape>([['1x1', [1, 1]]]);
  for (const [r, c] of shapes) {
    all.set(`${r}x${c}`, [r, c]);
    all.set(`${c}x${r}`, [c, r]);
  }
  return [...all.values()];
}

/** Every assignment of a candidate to each of `count` names, up to MAX_ASSIGNMENTS of them. */
function* assignments(count: number, candidates: readonly Shape[]): Generator<Shape[]> {
  const total = Math.min(candidates.length ** count, MAX_ASSIGNMENTS);
  for (let k = 0; k < total; k++) {
    const pick: Shape[] = [];
    for (let i = 0, rest = k; i < count; i++, rest = Math.floor(rest / candidates.length)) pick.push(candidates[rest % candidates.length]);
    yield pick;
  }
}

function withShapes(scope: Scope, names: readonly string[], shapes: readonly Shape[], spans: ReadonlyMap<string, Span>): Scope {
  const declarations = new Map(scope.declarations);
  names.forEach((name, i) => declarations.set(name, { name, shape: shapes[i], span: spans.get(name)!, implied: true }));
  return { ...scope, declarations, diagnostics: [] };
}

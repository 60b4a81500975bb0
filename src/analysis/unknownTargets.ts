// Derivatives of a function the maths never defines (documents only). Backpropagation write-ups often leave
// the loss to prose ("with binary cross-entropy") or to nothing at all, and derive in terms of it:
// `\partial L / \partial W = \partial L / \partial z \, x^T` with `z = W x + b`. A TA checks such a line as
// the chain rule, whatever L is. So does this: an undefined L that only appears as the function of
// derivatives becomes an unknown scalar function of the most downstream quantities it is differentiated by
// (docs/index-notation.md, abstract functions), so `\partial L / \partial z` means the gradient reaching z
// and the line holds for every L or it does not. A line that holds is right for the author's L too; a line
// that does not may still be right for the L of the prose, so such a step is unjudged
// (src/check/doubts.ts), never incorrect. A chain of such names (`\partial C/\partial Z \, \partial Z/\partial W`,
// Z defined nowhere) is read link by link: Z an unknown function of W, then C of Z.
import { OUTER_PRODUCT_CALLEE } from '../syntax/names';
import { warning } from '../diagnostics';
import { hasMeaning, type Scope } from '../resolve/scope';
import { namesReached } from '../resolve/names';
import { subscriptsOf } from '../resolve/indexNotation';
import { childrenOf, findInExpr } from '../syntax/walk';
import { BUILTIN_FUNCTIONS } from '../ops/builtins';
import { arrayNameOf } from '../resolve/indexNotation';
import type { Expr, Span } from '../syntax/ast';
import { genericViewOf } from './genericLayers';

/** Links of a chain read as unknown functions at most (a derivation has a few; each deepens every claim through it). */
const MAX_CHAIN_LINKS = 64;

/** A derivative's function and variables, when both are plain names. */
interface NamedDerivative {
  of: Extract<Expr, { kind: 'name' }>;
  wrt: Extract<Expr, { kind: 'name' }>[];
  /** Read from an error signal (`\delta_g`, src/latex/errorSignals.ts): its names' spans are the signal's. */
  signal: boolean;
}

/**
 * Defines, in `scope`, each name that is only ever the function of derivatives as an unknown scalar function
 * of the names it is differentiated by that nothing else it is differentiated by depends on.
 */
export function defineUnknownTargets(scope: Scope, textOf: (span: Span) => string): void {
  const byTarget = new Map<string, { first: Extract<Expr, { kind: 'name' }>; wrt: Set<string> }>();
  /** Each name as first written: its text for messages, its place for the unknown's argument (a leaf's warnings point there). */
  const written = new Map<string, Extract<Expr, { kind: 'name' }>>();
  /** Each name as the derivatives write it, for its subscripts. */
  const indexedText = new Map<string, string>();
  // A derivative written out (`\frac{\partial J}{\partial g}`) names its function and variable before one an error
  // signal stands for (`\delta_g`, whose span is the signal's): messages quote the names as the author wrote them.
  const derivatives = namedDerivatives(scope).sort((a, b) => Number(a.signal) - Number(b.signal));
  for (const d of derivatives) {
    if (hasMeaning(scope, d.of.name) || scope.labelLetters.has(d.of.name)) continue;
    const asWritten = (n: Extract<Expr, { kind: 'name' }>) => (d.signal ? n : { ...n, text: textOf(n.span).trim() });
    const entry = byTarget.get(d.of.name) ?? { first: asWritten(d.of), wrt: new Set<string>() };
    indexedText.set(d.of.name, d.of.text);
    for (const w of d.wrt) {
      entry.wrt.add(w.name);
      indexedText.set(w.name, w.text);
      if (!written.has(w.name)) written.set(w.name, asWritten(w));
    }
    byTarget.set(d.of.name, entry);
  }
  const standIns = addStandIns(scope, derivatives, byTarget, written, textOf);
  // A chain written with names no line defines (`\frac{dC}{dW} = \frac{dC}{dZ} \frac{dZ}{dW}`): each name
  // a derivative is taken of becomes an unknown function once every name it is differentiated by has a
  // meaning or is a leaf (a name no derivative is taken of), innermost first, so that C is a function of Z
  // and Z of W. What remains (a cycle, a name of no meaning) takes the names with a meaning alone, as before.
  // Only whole names: an entry (`p_i`, `o_k`) is index notation's, whose arrays give it a meaning.
  const isWhole = (v: string) => !subscriptsOf(indexedText.get(v) ?? v);
  const isLeaf = (v: string) => !byTarget.has(v) && !scope.labelLetters.has(v) && isWhole(v);
  // A link of a chain: a name differentiated by another and another by it (`\frac{dZ}{dW}`, `\frac{dC}{dZ}`),
  // never a constant (`\frac{\partial}{\partial w} t`) nor a function written bare (`{\partial f \over \partial u}(h)`).
  const variables = new Set([...byTarget.values()].flatMap((t) => [...t.wrt]));
  const called = calledNames(scope);
  const isLink = (v: string) => variables.has(v) && !called.has(v);
  const pending = new Map(byTarget);
  let links = 0;
  for (let progress = true; progress && links < MAX_CHAIN_LINKS; ) {
    progress = false;
    for (const [name, target] of pending) {
      if (links >= MAX_CHAIN_LINKS) break;
      if (!isWhole(name) || !(isLink(name) || [...target.wrt].some((v) => hasMeaning(scope, v)))) continue;
      if (![...target.wrt].every((v) => v !== name && (hasMeaning(scope, v) || isLeaf(v)))) continue;
      pending.delete(name);
      progress = true;
      links++;
      defineUnknownTarget(scope, name, target, (v) => hasMeaning(scope, v) || isLeaf(v), written, standIns.has(name));
    }
  }
  for (const [name, target] of pending) defineUnknownTarget(scope, name, target, (v) => hasMeaning(scope, v), written, standIns.has(name));
}

/**
 * A loss whose formula rests on one name the maths never defines (`J = -S`, where S, the score, is said in prose or
 * in maths that does not read), differentiated by quantities that formula does not reach (`\delta_g`): that name is
 * the loss left undefined, so it is taken as one (a scalar, whatever else the document writes it with), of the names
 * the loss is differentiated by. Only a formula written in that one name alone: `J = \frac{1}{2}(y - t)^2` with t
 * undefined says what J is, and t is a target, not a loss. Returns the names so taken.
 */
function addStandIns(
  scope: Scope,
  derivatives: readonly NamedDerivative[],
  byTarget: Map<string, { first: Extract<Expr, { kind: 'name' }>; wrt: Set<string> }>,
  written: Map<string, Extract<Expr, { kind: 'name' }>>,
  textOf: (span: Span) => string,
): Set<string> {
  const meaningOf = (n: string) => scope.definitions.get(n)?.expr ?? scope.functions.get(n)?.body;
  const standIns = new Set<string>();
  for (const d of derivatives) {
    const definition = scope.definitions.get(d.of.name);
    if (!definition || definition.unknownOf) continue;
    const reached = namesReached(definition.expr, meaningOf);
    if (reached.size !== 1) continue;
    const [stand] = reached;
    const use = findInExpr(definition.expr, (e) => e.kind === 'name' && e.name === stand) as Extract<Expr, { kind: 'name' }> | undefined;
    if (!use || hasMeaning(scope, stand) || scope.labelLetters.has(stand) || subscriptsOf(use.text)) continue;
    const unreached = d.wrt.filter((w) => w.name !== stand && !reached.has(w.name));
    if (unreached.length === 0) continue;
    const entry = byTarget.get(stand) ?? { first: { ...use, text: textOf(use.span).trim() }, wrt: new Set<string>() };
    for (const w of unreached) {
      entry.wrt.add(w.name);
      if (!written.has(w.name)) written.set(w.name, d.signal ? w : { ...w, text: textOf(w.span).trim() });
    }
    byTarget.set(stand, entry);
    standIns.add(stand);
  }
  return standIns;
}

/** Defines `name` as an unknown function of the most downstream of the names it is differentiated by that `usable` takes. */
function defineUnknownTarget(
  scope: Scope,
  name: string,
  { first, wrt }: { first: Extract<Expr, { kind: 'name' }>; wrt: Set<string> },
  usable: (v: string) => boolean,
  written: Map<string, Extract<Expr, { kind: 'name' }>>,
  standIn = false,
): void {
  const meaningOf = (n: string) => scope.definitions.get(n)?.expr ?? scope.functions.get(n)?.body;
  // A name also used as a quantity (`L = -y \log a` with `\partial a / \partial h` below) is an activation
  // the prose defines: an unknown function applied entry by entry, with the shape of what it is applied to.
  const kind = usedOtherwise(scope, name) && !standIn ? 'entrywise' : 'scalar';
  // What each variable reaches through the definitions; a variable reached from another is upstream of it.
  const reaches = new Map([...wrt].map((w) => [w, namesReached({ kind: 'name', name: w, text: w, span: first.span }, meaningOf)]));
  const sinks = [...wrt].filter((v) => usable(v) && v !== name && ![...wrt].some((u) => u !== v && reaches.get(u)!.has(v)));
  if (sinks.length === 0 || sinks.some((s) => reaches.get(s)!.has(name)) || (kind === 'entrywise' && sinks.length !== 1)) return;
  const fn = `${name}#unknown`;
  const text = first.text;
  scope.abstractFunctions.set(fn, kind === 'scalar' ? { name: fn, text, kind, params: sinks, span: first.span } : { name: fn, text, kind, span: first.span });
  // The names as lowered so far (an entry's text would be read as index notation), where they were written.
  const args: Expr[] = sinks.map((s) => ({ kind: 'name', name: s, text: s, span: written.get(s)!.span }));
  const expr: Expr = { kind: 'call', callee: fn, calleeText: text, prime: 0, args, span: first.span };
  scope.definitions.set(name, { name, expr, span: first.span, exprSpan: first.span, fromBase: false, unknownOf: sinks });
  const of = sinks.map((s) => written.get(s)!.text).join(', ');
  const unknown = `${kind === 'scalar' ? 'scalar function' : 'function (entry by entry)'} of ${of}: lines that hold whatever ${text} is are checked`;
  // A line in a loss's own derivatives that fails whatever the loss is, is wrong (src/check/everyLoss.ts).
  const wrongForEvery = kind === 'scalar' ? `, lines in its derivatives that hold for no ${text} are wrong,` : '';
  scope.diagnostics.push(
    genericViewOf(name) !== undefined
      ? warning('reading', `${text}'s formula does not reach the generic layer l (it is written at the output); seen from layer l, ${text} is whatever the layers above make of it, so chainrule takes it as an unknown ${unknown} and the others left unjudged`, first.span)
      : warning('reading', `${text} is not defined in the maths; chainrule takes it as an unknown ${unknown}${wrongForEvery} and the others left unjudged`, first.span, `define ${text} in the maths (e.g. \`${text} = ...\`) to have every line checked`),
  );
}

const isKnownFunction = (name: string, scope: Scope) => BUILTIN_FUNCTIONS.has(name) || name === OUTER_PRODUCT_CALLEE || hasMeaning(scope, name);

/** `softmax_i(z)`, `\sigma_c(z)` of a per-entry `\sigma_i(z) = ...`: an entry of a known function's value. */
function isEntryOfKnown(e: Extract<Expr, { kind: 'call' }>, scope: Scope): boolean {
  const base = arrayNameOf(e.callee, e.calleeText);
  return base !== e.callee && isKnownFunction(base, scope);
}

/**
 * A function of one argument that the document calls but never defines (`a^{<t>} = g_1(W a^{<t-1>} + b)`, an
 * activation left to prose) is an unknown function applied entry by entry, as `g : function` declares in `.cr`.
 * One of several arguments (`J = \text{CE}(y, \hat{y})`, `\mathcal{L}(\hat{y}, y)`: a loss named, not written) is
 * an unknown scalar function of them, as `CE(y, yhat) : scalar` declares.
 */
export function declareUnknownFunctions(scope: Scope, textOf: (span: Span) => string): void {
  const calls = new Map<string, Extract<Expr, { kind: 'call' }>>();
  for (const root of expressionsOf(scope)) {
    findInExpr(root, (e) => {
      if (e.kind === 'call' && e.args.length > 0 && !isKnownFunction(e.callee, scope) && !isEntryOfKnown(e, scope) && !calls.has(e.callee)) calls.set(e.callee, e);
      return false;
    });
  }
  // A name also written as a quantity (`p_i(1 - p_i)`, `\alpha_1(1 - \alpha_1)`) is a factor before a group;
  // one differentiated as a bare function (`{\partial f \over \partial u}(net)` for f'(net)) is still the function.
  const quantities = quantitiesOf(scope);
  for (const [name, call] of calls) {
    if (quantities.has(name)) continue;
    const text = call.calleeText;
    const entrywise = call.args.length === 1;
    const params = call.args.map((a) => textOf(a.span).trim());
    scope.abstractFunctions.set(name, entrywise ? { name, text, kind: 'entrywise', span: call.span, implied: true } : { name, text, kind: 'scalar', params, span: call.span, implied: true });
    const unknown = entrywise ? 'an unknown function applied entry by entry' : `an unknown scalar function of ${params.join(', ')}`;
    scope.diagnostics.push(
      warning('reading', `${text} is not defined in the maths; chainrule takes it as ${unknown}, so lines that hold whatever ${text} is are checked and the others left unjudged`, call.span, `define ${text} in the maths (e.g. \`${text}(${entrywise ? 'x' : params.join(', ')}) = ...\`) to have every line checked`),
    );
  }
}

/** The names the scope writes as quantities: every name but a plain one (f, not s_i) that is a derivative's function. */
function quantitiesOf(scope: Scope): Set<string> {
  const used = new Set<string>();
  const visit = (e: Expr): void => {
    if (e.kind === 'name') used.add(e.name);
    if (e.kind === 'deriv' && e.of.kind === 'name' && !subscriptsOf(e.of.text)) e.wrt.forEach(visit);
    else childrenOf(e).forEach(visit);
  };
  expressionsOf(scope).forEach(visit);
  return used;
}

/** Every derivative with a plain name as its function, in the scope's definitions and claims. */
export function namedDerivatives(scope: Scope): NamedDerivative[] {
  const found: NamedDerivative[] = [];
  for (const root of expressionsOf(scope)) {
    findInExpr(root, (e) => {
      if (e.kind === 'deriv' && e.of.kind === 'name' && e.wrt.length > 0 && e.wrt.every((w) => w.kind === 'name')) {
        found.push({ of: e.of, wrt: e.wrt as Extract<Expr, { kind: 'name' }>[], signal: sameSpan(e.of.span, e.span) });
      }
      return false;
    });
  }
  return found;
}

function sameSpan(a: Span, b: Span): boolean {
  return a.line === b.line && a.column === b.column && a.endLine === b.endLine && a.endColumn === b.endColumn;
}

/** The names the scope calls as functions. */
function calledNames(scope: Scope): Set<string> {
  const called = new Set<string>();
  for (const root of expressionsOf(scope)) findInExpr(root, (e) => (e.kind === 'call' && called.add(e.callee), false));
  return called;
}

/** Whether `name` appears other than as the function of a derivative: then it is a quantity of its own. */
function usedOtherwise(scope: Scope, name: string): boolean {
  const inDerivative = new Set<Expr>();
  return expressionsOf(scope).some(
    (root) =>
      findInExpr(root, (e) => {
        if (e.kind === 'deriv') inDerivative.add(e.of);
        return (e.kind === 'name' && e.name === name && !inDerivative.has(e)) || (e.kind === 'call' && e.callee === name);
      }) !== undefined,
  );
}

/** The scope's definitions' formulas and its claims' targets and steps. */
function expressionsOf(scope: Scope): Expr[] {
  return [...[...scope.definitions.values()].map((d) => d.expr), ...scope.claims.flatMap((c) => [c.target.expr, ...c.steps.map((s) => s.expr)])];
}

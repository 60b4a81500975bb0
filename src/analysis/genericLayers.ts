// Backprop at a generic layer (documents only). Write-ups state the forward pass once for every layer,
// `z^{(l)} = W^{(l)} a^{(l-1)} + b^{(l)}`, `a^{(l)} = f^{(l)}(z^{(l)})`, and then derive with the
// neighbouring layers: `\delta^{(l)} = ((W^{(l+1)})^T \delta^{(l+1)}) \odot f'^{(l)}(z^{(l)})`, or at the
// output `\delta^{(L)}`. A TA checks such a line as it holds at any layer, whatever the depth. So does this:
//  * a definition written at layer l is a template: a name of the question at another symbolic layer
//    (`z^{(l+1)}`, `a^{(L)}`, `a^{L-1}`) that nothing defines gets the template's formula at that layer;
//    numbered layers (`z^{(2)}`) are a concrete network and are never filled in this way;
//  * the loss, seen from a generic layer, is whatever the layers above make of that layer's output: in a
//    claim on `∂L/∂(a layer-l name)` that L's formula (written at the output layer) does not reach, L is
//    an unknown scalar function of the most downstream quantities it is differentiated by
//    (src/analysis/unknownTargets.ts), so the line is checked for every L and, when it fails, left unjudged.
// Both are readings of the question that writes them, each reported with a `reading` note.
import { warning } from '../diagnostics';
import { hasMeaning, type Claim, type Scope } from '../resolve/scope';
import { namesReached } from '../resolve/names';
import { findInExpr, rewriteExpr } from '../syntax/walk';
import type { Expr, Span, Step } from '../syntax/ast';
import { READING_MARK } from '../syntax/print';

/** A symbolic layer: `l`, `l+1`, `L-1` (the letter and the offset). */
interface Layer {
  letter: 'l' | 'L';
  offset: number;
}

/** A name written with a symbolic layer: its base as the name starts (`W`), as written (`W`), and the layer. */
interface Layered {
  base: string;
  baseText: string;
  layer: Layer;
}

/** Templates are filled at most this far from their layer, and at most this many times per question. */
const MAX_OFFSET = 3;
const MAX_INSTANCES = 40;

/** The suffix a layer gives a name (src/latex/normalize.ts `superscriptIndex`): l, lp1, Lm1. */
function layerSuffix(layer: Layer): string {
  return layer.letter + (layer.offset > 0 ? `p${layer.offset}` : layer.offset < 0 ? `m${-layer.offset}` : '');
}

function layerText(layer: Layer): string {
  return layer.letter + (layer.offset > 0 ? `+${layer.offset}` : layer.offset < 0 ? `-${-layer.offset}` : '');
}

/** `W^{(l+1)}`, `a^{L-1}`, `z^{[l]}` as written, for the name `name` it was read as; undefined for any other name. */
export function layeredName(name: string, text: string): Layered | undefined {
  const m = /^(.+?)\^\s*\{?\s*[([]?\s*([lL])\s*(?:([+-])\s*(\d))?\s*[)\]]?\s*\}?$/.exec(text.trim());
  if (!m) return undefined;
  const layer: Layer = { letter: m[2] as 'l' | 'L', offset: m[3] ? Number(`${m[3]}${m[4]}`) : 0 };
  const suffix = layerSuffix(layer);
  if (!name.endsWith(suffix) || name.length === suffix.length) return undefined;
  return { base: name.slice(0, -suffix.length), baseText: m[1], layer };
}

const sameLayer = (a: Layer, b: Layer) => a.letter === b.letter && a.offset === b.offset;

/** The name and text of `of`'s base at `layer`. */
function atLayer(of: Layered, layer: Layer): { name: string; text: string } {
  return { name: of.base + layerSuffix(layer), text: `${of.baseText}^{(${layerText(layer)})}` };
}

/** Every expression of the scope: definitions, functions, claims' targets and steps. */
export function expressionsOf(scope: Scope): Expr[] {
  return [
    ...[...scope.definitions.values()].map((d) => d.expr),
    ...[...scope.functions.values()].map((f) => f.body),
    ...scope.claims.flatMap((c) => [c.target.expr, ...c.steps.map((s) => s.expr)]),
  ];
}

/** The layered names and callees `e` writes, keyed by name. */
function layeredIn(e: Expr, into: Map<string, Layered>): void {
  findInExpr(e, (x) => {
    const read = x.kind === 'name' ? layeredName(x.name, x.text) : x.kind === 'call' ? layeredName(x.callee, x.calleeText) : undefined;
    if (read) into.set(x.kind === 'name' ? x.name : (x as Extract<Expr, { kind: 'call' }>).callee, read);
    return false;
  });
}

/** `e` with every name and callee at layer l+k moved to `target`+k. */
function moveLayers(e: Expr, target: Layer): Expr {
  const moved = (read: Layered) => atLayer(read, { letter: target.letter, offset: target.offset + read.layer.offset });
  return rewriteExpr(e, (x) => {
    if (x.kind === 'name') {
      const read = layeredName(x.name, x.text);
      return read?.layer.letter === 'l' ? { ...x, ...moved(read) } : undefined;
    }
    if (x.kind !== 'call') return undefined;
    const read = layeredName(x.callee, x.calleeText);
    if (read?.layer.letter !== 'l') return undefined;
    const to = moved(read);
    return { ...x, callee: to.name, calleeText: to.text, args: x.args.map((a) => moveLayers(a, target)) };
  });
}

/**
 * The question's generic-layer definitions filled in at the other symbolic layers its names are written at,
 * and its loss seen from layer l where its formula does not reach there (file header). Both reported.
 */
export function readGenericLayers(scope: Scope, textOf: (span: Span) => string): void {
  if (fillLayerTemplates(scope, textOf)) viewLossesFromGenericLayers(scope);
}

/** Fills the templates (file header); whether the question has any. */
function fillLayerTemplates(scope: Scope, textOf: (span: Span) => string): boolean {
  // A template: a definition of a name at layer l whose formula uses no other symbolic layer letter.
  const templates = new Map<string, { expr: Expr; span: Span; exprSpan: Span; written: string }>();
  for (const [name, def] of scope.definitions) {
    if (def.unknownOf || def.entries) continue;
    const lhs = textOf(def.span).split('=')[0];
    const read = layeredName(name, lhs);
    const uses = new Map<string, Layered>();
    layeredIn(def.expr, uses);
    if (read && sameLayer(read.layer, { letter: 'l', offset: 0 }) && [...uses.values()].every((u) => u.layer.letter === 'l')) {
      templates.set(read.base, { expr: def.expr, span: def.span, exprSpan: def.exprSpan, written: lhs.trim() });
    }
  }
  if (templates.size === 0) return false;
  // The names the question writes above layer l (l+1, L) or differentiates by; filling one fills the names
  // of its own layer it uses (a^{(L)} needs z^{(L)}), never the layer below, which is only that layer's input.
  const written = new Map<string, Layered>();
  const templateExprs = new Set([...templates.values()].map((t) => t.expr));
  expressionsOf(scope).filter((e) => !templateExprs.has(e)).forEach((e) => layeredIn(e, written));
  const differentiatedBy = new Set<string>();
  expressionsOf(scope).forEach((e) => findInExpr(e, (x) => (x.kind === 'deriv' && x.wrt.forEach((w) => w.kind === 'name' && differentiatedBy.add(w.name)), false)));
  const wanted = new Map([...written].filter(([name, read]) => read.layer.letter === 'L' || read.layer.offset > 0 || differentiatedBy.has(name)));
  const filled: string[] = [];
  const queue = [...wanted.entries()];
  while (queue.length > 0 && filled.length < MAX_INSTANCES) {
    const [name, read] = queue.shift()!;
    const template = templates.get(read.base);
    if (!template || hasMeaning(scope, name) || Math.abs(read.layer.offset) > MAX_OFFSET || sameLayer(read.layer, { letter: 'l', offset: 0 })) continue;
    const expr = moveLayers(template.expr, read.layer);
    scope.definitions.set(name, { name, expr, span: template.span, exprSpan: template.exprSpan, fromBase: false, atLayer: layerText(read.layer) });
    filled.push(`${atLayer(read, read.layer).text} as ${template.written.replace(/\s+/g, ' ')}`);
    const next = new Map<string, Layered>();
    layeredIn(expr, next);
    queue.push(...[...next.entries()].filter(([n, v]) => !wanted.has(n) && sameLayer(v.layer, read.layer)));
    next.forEach((v, k) => wanted.set(k, v));
  }
  if (filled.length === 0) return true;
  const first = [...templates.values()][0];
  scope.diagnostics.push(
    warning('reading', `the forward pass is written at a generic layer l; chainrule reads it at the other layers this question writes (${filled.join(', ')} at their layers)`, first.span),
  );
  return true;
}

/** The name a loss takes in a claim made at a generic layer (file header): its own unknown function there. */
const GENERIC_VIEW = `${READING_MARK}layer`;

/** The loss's name as written, when `name` is a loss seen from a generic layer. */
export function genericViewOf(name: string): string | undefined {
  return name.endsWith(GENERIC_VIEW) ? name.slice(0, -GENERIC_VIEW.length) : undefined;
}

/**
 * In each claim on `∂D/∂v` with v at a symbolic layer l+k that D's formula does not reach, D is read as
 * its view from that layer: a name nothing defines, which unknownTargets then takes as an unknown scalar
 * function (file header). Only the functions of derivatives change; D written as a quantity stays D.
 */
function viewLossesFromGenericLayers(scope: Scope): void {
  const meaningOf = (n: string) => scope.definitions.get(n)?.expr ?? scope.functions.get(n)?.body;
  scope.claims = scope.claims.map((claim) => {
    const target = claim.target.expr;
    if (target.kind !== 'deriv' || target.of.kind !== 'name' || target.wrt.length !== 1 || target.wrt[0].kind !== 'name') return claim;
    const of = target.of.name;
    const wrt = target.wrt[0];
    const definition = scope.definitions.get(of);
    // A loss is no layer's quantity: `\partial a^{(l)} / \partial z^{(l-1)}` is left as written.
    if (!definition || definition.unknownOf || layeredName(of, target.of.text) || layeredName(wrt.name, wrt.text)?.layer.letter !== 'l') return claim;
    if (namesReached(definition.expr, meaningOf).has(wrt.name)) return claim;
    return viewed(claim, of);
  });
}

function viewed(claim: Claim, of: string): Claim {
  const view = (step: Step): Step => ({
    ...step,
    expr: rewriteExpr(step.expr, (x) => (x.kind === 'deriv' && x.of.kind === 'name' && x.of.name === of ? { ...x, of: { ...x.of, name: of + GENERIC_VIEW } } : undefined)),
  });
  return { ...claim, target: view(claim.target), steps: claim.steps.map(view) };
}

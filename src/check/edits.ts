// The single-edit repair search (DESIGN.md): try each small local edit of the author's expression —
// add or drop a transpose, swap .* and the matrix product, flip a sign, drop a term or a factor — and
// report the first edit that makes the step right, with its place in the source.
import type { Expr, Span } from '../syntax/ast';
import type { Diagnosis } from './report';
import type { Finding } from './diagnose';

export interface EditCandidate {
  expr: Expr;
  diagnosis: Diagnosis;
  message: string;
}

const MAX_EDITS = 200;

interface Site {
  node: Expr;
  replace(by: Expr): Expr;
}

/** Every subexpression of `root` with a function that rebuilds `root` with that subexpression replaced. */
export function sites(root: Expr): Site[] {
  const out: Site[] = [];
  const visit = (node: Expr, rebuild: (by: Expr) => Expr): void => {
    out.push({ node, replace: rebuild });
    switch (node.kind) {
      case 'neg':
      case 'transpose':
      case 'entry':
        visit(node.arg, (by) => rebuild({ ...node, arg: by }));
        return;
      case 'binary':
        visit(node.left, (by) => rebuild({ ...node, left: by }));
        visit(node.right, (by) => rebuild({ ...node, right: by }));
        return;
      case 'power':
        visit(node.base, (by) => rebuild({ ...node, base: by }));
        return;
      case 'call':
        node.args.forEach((a, i) => visit(a, (by) => rebuild({ ...node, args: node.args.map((x, k) => (k === i ? by : x)) })));
        return;
      case 'pattern':
        visit(node.entry, (by) => rebuild({ ...node, entry: by }));
        return;
      case 'matrix':
        node.rows.forEach((row, r) =>
          row.forEach((x, c) => visit(x, (by) => rebuild({ ...node, rows: node.rows.map((rw, i) => (i === r ? rw.map((y, j) => (j === c ? by : y)) : rw)) }))),
        );
        return;
      default:
        return;
    }
  };
  visit(root, (by) => by);
  return out;
}

const at = (span: Span) => `at ${span.line}:${span.column}`;
const negate = (e: Expr): Expr => (e.kind === 'neg' ? e.arg : { kind: 'neg', arg: e, span: e.span });
const wrap = (text: string) => (/^[\p{L}\p{N}_.^]+$/u.test(text) ? text : `(${text})`);

/** Candidate edits, most plausible first. `textOf` quotes the author's own text. */
export function candidateEdits(root: Expr, textOf: (span: Span) => string): EditCandidate[] {
  const out: EditCandidate[] = [];
  const all = sites(root);
  // The smallest subexpression that needs a transpose is the most helpful fix (a1, not a1 (a2 - y)).
  const smallestFirst = [...all].sort((x, y) => textOf(x.node.span).length - textOf(y.node.span).length);
  // Transposing what is already transposed only undoes it: that edit is "drop the transpose".
  const transposed = new Set(all.flatMap(({ node }) => (node.kind === 'transpose' ? [node.arg] : [])));
  for (const { node, replace } of smallestFirst) {
    if (transposed.has(node)) continue;
    const text = textOf(node.span).trim();
    if (node.kind === 'transpose') {
      out.push({ expr: replace(node.arg), diagnosis: 'transpose', message: `drop the transpose: replace ${text} by ${textOf(node.arg.span).trim()} ${at(node.span)}` });
    } else if (node.kind === 'name' || node.kind === 'call' || node.kind === 'deriv' || (node.kind === 'binary' && node.op === 'mul')) {
      const wrapped = node.kind === 'binary' ? `(${text})^T` : `${text}^T`;
      out.push({ expr: replace({ kind: 'transpose', arg: node, span: node.span }), diagnosis: 'transpose', message: `replace ${text} by ${wrapped} ${at(node.span)}` });
    }
  }
  for (const { node, replace } of all) {
    if (node.kind !== 'binary') continue;
    const l = textOf(node.left.span).trim();
    const r = textOf(node.right.span).trim();
    if (node.op === 'hadamard') {
      out.push({ expr: replace({ ...node, op: 'mul', style: 'juxt' }), diagnosis: 'elementwise-vs-matrix-product', message: `use a matrix product, not .*, between ${l} and ${r} ${at(node.span)}` });
    } else if (node.op === 'mul') {
      out.push({ expr: replace({ ...node, op: 'hadamard' }), diagnosis: 'elementwise-vs-matrix-product', message: `use the elementwise product .* between ${l} and ${r}, not a matrix product ${at(node.span)}` });
    }
  }
  for (const { node, replace } of all) {
    if (node.kind === 'binary' && (node.op === 'add' || node.op === 'sub')) {
      const r = textOf(node.right.span).trim();
      const flipped = node.op === 'add' ? 'sub' : 'add';
      out.push({ expr: replace({ ...node, op: flipped }), diagnosis: 'sign', message: `the sign of ${r} is wrong: write ${node.op === 'add' ? '-' : '+'} ${r} ${at(node.right.span)}` });
      out.push({ expr: replace(node.left), diagnosis: 'extra-term', message: `remove the term ${node.op === 'sub' ? '- ' : '+ '}${r} ${at(node.right.span)}` });
      const l = textOf(node.left.span).trim();
      const right: Expr = node.op === 'sub' ? { kind: 'neg', arg: node.right, span: node.right.span } : node.right;
      out.push({ expr: replace(right), diagnosis: 'extra-term', message: `remove the term ${l} ${at(node.left.span)}` });
      out.push({ expr: replace({ ...node, left: negate(node.left) }), diagnosis: 'sign', message: `the sign of ${l} is wrong: write -${wrap(l)} ${at(node.left.span)}` });
    } else if (node.kind === 'neg') {
      out.push({ expr: replace(node.arg), diagnosis: 'sign', message: `drop the minus sign ${at(node.span)}` });
    } else if (node.kind === 'matrix') {
      for (const entry of node.rows.flat()) {
        const text = textOf(entry.span).trim();
        const edited = sites(node).find((x) => x.node === entry)!.replace(negate(entry));
        out.push({ expr: replace(edited), diagnosis: 'sign', message: `the sign of the entry ${text} is wrong: write -${wrap(text)} ${at(entry.span)}` });
      }
    }
  }
  for (const { node, replace } of all) {
    if (node.kind !== 'binary' || node.op !== 'mul') continue;
    const l = textOf(node.left.span).trim();
    const r = textOf(node.right.span).trim();
    out.push({ expr: replace({ ...node, left: node.right, right: node.left }), diagnosis: 'unknown', message: `the factors are in the wrong order: write ${r} ${l} for ${l} ${r} ${at(node.span)}` });
  }
  for (const { node, replace } of all) {
    if (node.kind !== 'binary' || (node.op !== 'mul' && node.op !== 'hadamard')) continue;
    const l = textOf(node.left.span).trim();
    const r = textOf(node.right.span).trim();
    out.push({ expr: replace(node.left), diagnosis: 'unknown', message: `remove the factor ${r} ${at(node.right.span)}` });
    out.push({ expr: replace(node.right), diagnosis: 'unknown', message: `remove the factor ${l} ${at(node.left.span)}` });
  }
  return out.slice(0, MAX_EDITS);
}

/** The first candidate edit that `isRight` accepts. */
export function findRepair(root: Expr, textOf: (span: Span) => string, isRight: (e: Expr) => boolean): Finding | undefined {
  for (const c of candidateEdits(root, textOf)) {
    if (isRight(c.expr)) return { diagnosis: c.diagnosis, message: c.message };
  }
  return undefined;
}

// Leaves: variables, constants, dimension sizes, identity matrices.
import type { OpDef } from './types';
import { ShapeError, SCALAR } from '../ir/types';
import type { Dim } from '../ir/types';
import { atom, call, numberPrinted, latexName, latexNumber, Prec } from './printing';
import { filled, identity } from '../numeric/matrix';
import { resolveDim } from '../ir/dims';

function dimText(d: Dim): string {
  return String(d);
}

function latexDim(d: Dim): string {
  return typeof d === 'number' ? String(d) : d.split('+').map(latexName).join(' + ');
}

/** A leaf variable: attrs.name, with its declared shape in attrs.rows/cols. */
export const varOp: OpDef = {
  name: 'var',
  arity: 0,
  shape: (_args, attrs) => {
    if (attrs.name === undefined || attrs.rows === undefined || attrs.cols === undefined) throw new Error('var needs name, rows and cols');
    return [attrs.rows, attrs.cols];
  },
  evaluate: (_args, attrs, ctx) => {
    const v = ctx.env.values.get(attrs.name!);
    if (!v) throw new Error(`no value given for ${attrs.name}`);
    if (v.rows !== ctx.rows || v.cols !== ctx.cols) throw new Error(`the value of ${attrs.name} is ${v.rows} x ${v.cols}, expected ${ctx.rows} x ${ctx.cols}`);
    return v;
  },
  vjp: () => [],
  printCr: ({ node }) => atom(node.attrs.name!),
  printLatex: ({ node }) => atom(latexName(node.attrs.name!)),
};

/** A constant: a scalar (attrs.value), or a rows x cols matrix filled with it (ones, zeros). */
export const constOp: OpDef = {
  name: 'const',
  arity: 0,
  constructors: [
    { spellings: ['ones'], arity: 2, make: (b, [m, n]) => b.fill(1, m, n) },
    { spellings: ['zeros'], arity: 2, make: (b, [m, n]) => b.fill(0, m, n) },
  ],
  shape: (_args, attrs) => {
    if (attrs.value === undefined) throw new Error('const needs a value');
    return attrs.rows === undefined ? SCALAR : [attrs.rows, attrs.cols ?? 1];
  },
  evaluate: (_args, attrs, ctx) => filled(ctx.rows, ctx.cols, attrs.value!),
  vjp: () => [],
  printCr: ({ node }) => {
    const v = node.attrs.value!;
    if (node.attrs.rows === undefined) return numberPrinted(v);
    const dims = `${dimText(node.shape[0])}, ${dimText(node.shape[1])}`;
    if (v === 1) return atom(`ones(${dims})`);
    if (v === 0) return atom(`zeros(${dims})`);
    return { text: `${numberPrinted(v).text} ones(${dims})`, prec: Prec.Product, form: 'juxt' };
  },
  printLatex: ({ node }) => {
    const v = node.attrs.value!;
    if (node.attrs.rows === undefined) return { text: latexNumber(v), prec: v < 0 ? Prec.Unary : Prec.Atom };
    const sub = `_{${latexDim(node.shape[0])} \\times ${latexDim(node.shape[1])}}`;
    if (v === 0) return atom(`\\mathbf{0}${sub}`);
    if (v === 1) return atom(`\\mathbf{1}${sub}`);
    return { text: `${latexNumber(v)} \\mathbf{1}${sub}`, prec: Prec.Product };
  },
};

/** A dimension name used as a number (`sum(r .* r) / B`). */
export const dimsizeOp: OpDef = {
  name: 'dimsize',
  arity: 0,
  shape: (_args, attrs) => {
    if (!attrs.name) throw new Error('dimsize needs a name');
    return SCALAR;
  },
  evaluate: (_args, attrs, ctx) => filled(1, 1, resolveDim(attrs.name!, ctx.env.sizes)),
  vjp: () => [],
  printCr: ({ node }) => atom(node.attrs.name!),
  printLatex: ({ node }) => atom(latexName(node.attrs.name!)),
};

/** The n x n identity (attrs.rows = n). */
export const eyeOp: OpDef = {
  name: 'eye',
  arity: 0,
  constructors: [{ spellings: ['eye', 'I'], arity: 1, make: (b, [n]) => b.eye(n) }],
  shape: (_args, attrs) => {
    if (attrs.rows === undefined) throw new ShapeError('eye', [], 'eye needs a size');
    return [attrs.rows, attrs.rows];
  },
  evaluate: (_args, _attrs, ctx) => identity(ctx.rows),
  vjp: () => [],
  printCr: ({ node }) => call('eye', [atom(dimText(node.attrs.rows!))]),
  printLatex: ({ node }) => atom(`I_{${latexDim(node.attrs.rows!)}}`),
};

// LaTeX of an expression exactly as the author wrote it (the AST, before lowering simplifies anything:
// `2 · 0.9 · (1 - 0.9)` must not show as 0.18). Precedence, names and built-in functions are printed with
// the same helpers and op entries as the IR printer (src/ops), so both look alike in one report.
import type { Expr } from '../syntax/ast';
import type { Node } from '../ir/types';
import { getOp } from '../ops/index';
import { Prec, atom, latexAtLeast, latexCall, latexInfix, latexName, latexParens, latexRight, type Printed } from '../ops/printing';
import { BUILTIN_FUNCTIONS } from '../ops/builtins';

const INFIX: Record<string, { op: string; prec: number }> = {
  add: { op: '+', prec: Prec.Sum },
  sub: { op: '-', prec: Prec.Sum },
  hadamard: { op: '\\odot', prec: Prec.Product },
  gt: { op: '>', prec: Prec.Compare },
  lt: { op: '<', prec: Prec.Compare },
  ge: { op: '\\geq', prec: Prec.Compare },
  le: { op: '\\leq', prec: Prec.Compare },
};

export function exprLatex(e: Expr): string {
  return print(e).text;
}

function print(e: Expr): Printed {
  switch (e.kind) {
    case 'number':
      return atom(numberLatex(e.text));
    case 'name':
      return atom(latexName(e.name));
    case 'neg': {
      const a = print(e.arg);
      return a.prec >= Prec.Product && !a.text.startsWith('-') ? { text: `-${a.text}`, prec: Prec.Unary } : { text: `-${latexParens(a).text}`, prec: Prec.Unary };
    }
    case 'transpose':
      return { text: `${latexAtLeast(print(e.arg), Prec.Atom).text}^{\\top}`, prec: Prec.Postfix };
    case 'entry':
      return { text: `\\left(${print(e.arg).text}\\right)_{${e.indices.join('')}}`, prec: Prec.Postfix };
    case 'power': // `.^` as the Hadamard power A^{∘2}
      return { text: `${latexAtLeast(print(e.base), Prec.Atom).text}^{${e.elementwise ? '\\circ ' : ''}${print(e.exponent).text}}`, prec: Prec.Power };
    case 'binary':
      return binary(e);
    case 'matrix':
      return atom(`\\begin{bmatrix} ${e.rows.map((r) => r.map((x) => print(x).text).join(' & ')).join(' \\\\ ')} \\end{bmatrix}`);
    case 'pattern': {
      // The general entry between its first and last rows (columns), as authors write it.
      const entry = print(e.entry).text;
      const rows = e.colIndex ? `${entry} & \\cdots \\\\ \\vdots & \\ddots` : `${entry} \\\\ \\vdots`;
      return atom(`\\begin{bmatrix} ${e.rowIndex ? rows : `${entry} & \\cdots`} \\end{bmatrix}`);
    }
    case 'call':
      return call(e);
    case 'deriv':
      return derivative(e);
  }
}

function binary(e: Extract<Expr, { kind: 'binary' }>): Printed {
  const l = print(e.left);
  const r = print(e.right);
  if (e.op === 'div') return atom(`\\frac{${l.text}}{${r.text}}`);
  if (e.op === 'mul') {
    const sep = e.style === 'juxt' ? ' ' : ' \\cdot ';
    return { text: `${latexAtLeast(l, Prec.Product).text}${sep}${latexRight(r, Prec.Product).text}`, prec: Prec.Product };
  }
  const { op, prec } = INFIX[e.op];
  return latexInfix(l, op, r, prec);
}

function call(e: Extract<Expr, { kind: 'call' }>): Printed {
  const args = e.args.map(print);
  const builtin = BUILTIN_FUNCTIONS.get(e.callee);
  if (e.prime > 0 || !builtin) return latexCall(`${latexName(builtin?.name ?? e.callee)}${"'".repeat(e.prime)}`, args);
  if (builtin.kind === 'constructor') {
    const dims = args.map((a) => a.text).join(' \\times ');
    return atom(builtin.name === 'eye' ? `I_{${dims}}` : `\\mathbf{${builtin.name === 'ones' ? 1 : 0}}_{${dims}}`);
  }
  try {
    // The op's own LaTeX; these entries print from their arguments only, the node is not consulted.
    return getOp(builtin.name).printLatex({ node: stubNode(builtin.name), args });
  } catch {
    return latexCall(`\\operatorname{${builtin.name}}`, args);
  }
}

function stubNode(op: string): Node {
  return { id: -1, op, args: [], attrs: {}, shape: [1, 1] };
}

function derivative(e: Extract<Expr, { kind: 'deriv' }>): Printed {
  const of = print(e.of);
  const wrt = e.wrt.map((w) => print(w).text).join(', ');
  const by = e.wrt.length > 1 ? `\\left(${wrt}\\right)` : wrt;
  if (e.form === 'grad') return { text: `\\nabla_{${wrt}} ${latexAtLeast(of, Prec.Atom).text}`, prec: Prec.Product };
  if (e.form === 'operator') return { text: `\\frac{\\partial}{\\partial ${by}} ${latexAtLeast(of, Prec.Atom).text}`, prec: Prec.Product };
  const top = e.of.kind === 'name' ? of.text : latexParens(of).text;
  return atom(`\\frac{\\partial ${top}}{\\partial ${by}}`);
}

/** `1e-3` as 1 × 10^{-3}; other numbers as written. */
function numberLatex(text: string): string {
  const m = /^(\d*\.?\d+)[eE]([+-]?\d+)$/.exec(text);
  return m ? `${m[1]} \\times 10^{${m[2]}}` : text;
}

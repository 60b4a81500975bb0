// A small structural printer for LaTeX front-end tests: one line per expression, every node explicit.
import type { Expr, ShapeSpec, Statement } from '../../src/syntax/ast';

const OP: Record<string, string> = {
  add: '+', sub: '-', div: '/', hadamard: 'odot', gt: '>', lt: '<', ge: '>=', le: '<=',
};

export function show(e: Expr): string {
  switch (e.kind) {
    case 'number':
      return e.text;
    case 'name':
      return e.name;
    case 'call':
      return `${e.callee}${"'".repeat(e.prime)}(${e.args.map(show).join(', ')})`;
    case 'neg':
      return `(neg ${show(e.arg)})`;
    case 'binary': {
      const op = e.op === 'mul' ? (e.style === 'juxt' ? '*' : e.style ?? '*') : OP[e.op];
      return `(${op} ${show(e.left)} ${show(e.right)})`;
    }
    case 'transpose':
      return `(T ${show(e.arg)})`;
    case 'power':
      return `(^ ${show(e.base)} ${show(e.exponent)})`;
    case 'matrix':
      return `[${e.rows.map((r) => r.map(show).join(', ')).join('; ')}]`;
    case 'deriv':
      return `(d${e.form === 'operator' ? 'op' : ''} ${show(e.of)} / ${e.wrt.map(show).join(' ')})`;
  }
}

export function showShape(s: ShapeSpec): string {
  return `${s.rows} x ${s.cols}`;
}

export function showStatement(st: Statement): string {
  switch (st.kind) {
    case 'equation': {
      const chain = [st.lhs, ...st.rhs].map((s) => show(s.expr)).join(' = ');
      const label = st.label ? `[${st.label}] ` : '';
      return label + chain + (st.shapeClaim ? ` in ${showShape(st.shapeClaim)}` : '');
    }
    case 'decl':
      return `decl ${st.names.map((n) => n.name).join(', ')} : ${showShape(st.shape)}`;
    case 'at':
      return `at ${st.bindings.map((b) => `${b.name} ${b.rounded ? '~' : '='} ${b.value}`).join(', ')}`;
    case 'problem':
      return `problem ${st.id}${st.title ? ` "${st.title}"` : ''}`;
    case 'ask':
      return `ask ${show(st.target.expr)} ${st.points}`;
    case 'alias':
      return `alias ${st.from} = ${show(st.to)}`;
  }
}

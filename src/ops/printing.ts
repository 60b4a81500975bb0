// Precedence-aware printing helpers shared by the op entries. Levels follow SPEC 1.3 (tightest first):
// atoms and calls, postfix ^T, power, unary minus, products (juxtaposition, .*, /), sums, comparisons.
// A plain object, not a const enum: test runners transpile files one at a time.
export const Prec = {
  Compare: 40,
  Sum: 50,
  Product: 60,
  Unary: 70,
  Power: 80,
  Postfix: 90,
  Atom: 100,
} as const;
export type Prec = number;

export interface Printed {
  readonly text: string;
  readonly prec: Prec;
  /**
   * How a product prints: 'juxt' for matrix products and scalings (associative among themselves, so a
   * scaling's right operand that is itself a juxtaposition needs no parentheses).
   */
  readonly form?: 'juxt' | 'other';
  /** For a negation, the printed operand: a sum prints a + (-q) as a - q from it. */
  readonly negated?: Printed;
}

export function atom(text: string): Printed {
  return { text, prec: Prec.Atom };
}

export function parens(p: Printed): Printed {
  return { text: `(${p.text})`, prec: Prec.Atom };
}

/** `p` as an operand that must bind at least as tightly as `min`. */
export function atLeast(p: Printed, min: Prec): Printed {
  return p.prec >= min ? p : parens(p);
}

/** A right operand of a left-associative infix op at `level`: tighter than the op, and never starting with '-'. */
export function rightOperand(p: Printed, level: Prec): Printed {
  return p.prec > level && !p.text.startsWith('-') ? p : parens(p);
}

/**
 * The right operand of a juxtaposition: tighter than a product, not starting with '-' (that would be a
 * subtraction) nor with a digit (`2 0.5^x` is two numbers side by side).
 */
export function juxtRight(p: Printed): Printed {
  return /^[0-9.]/.test(p.text) ? parens(p) : rightOperand(p, Prec.Product);
}

export function leftOperand(p: Printed, level: Prec): Printed {
  return atLeast(p, level);
}

/**
 * The left operand of a juxtaposition. A `.*` or `/` product there is parenthesised although
 * left-associativity would not need it: `(a .* b) W` reads unambiguously, `a .* b W` does not.
 */
export function juxtLeft(p: Printed): Printed {
  return p.prec === Prec.Product && p.form !== 'juxt' ? parens(p) : atLeast(p, Prec.Product);
}

export function infix(left: Printed, op: string, right: Printed, level: Prec): Printed {
  return { text: `${leftOperand(left, level).text} ${op} ${rightOperand(right, level).text}`, prec: level, form: 'other' };
}

export function call(name: string, args: readonly Printed[]): Printed {
  return atom(`${name}(${args.map((a) => a.text).join(', ')})`);
}

/** Prints a number so that it reads back to the same float64. */
export function formatNumber(v: number): string {
  if (v === Math.PI) return 'pi';
  if (Object.is(v, -0)) return '0';
  if (Number.isInteger(v) && Math.abs(v) < 1e21) return String(v);
  return String(v);
}

export function numberPrinted(v: number): Printed {
  const text = formatNumber(v);
  return { text, prec: v < 0 ? Prec.Unary : Prec.Atom };
}

// ---- LaTeX ----

const GREEK = new Set([
  'alpha', 'beta', 'gamma', 'delta', 'epsilon', 'varepsilon', 'zeta', 'eta', 'theta', 'vartheta', 'iota', 'kappa', 'lambda', 'mu', 'nu', 'xi', 'pi', 'rho', 'sigma', 'tau', 'upsilon', 'phi', 'varphi', 'chi', 'psi', 'omega',
  'Gamma', 'Delta', 'Theta', 'Lambda', 'Xi', 'Pi', 'Sigma', 'Upsilon', 'Phi', 'Psi', 'Omega',
]);

/** `W1` → `W_{1}`, `lambda` → `\lambda`, `loss` → `\mathrm{loss}`. */
export function latexName(name: string): string {
  const m = /^([A-Za-z]+?)_?(\d+)$/.exec(name);
  const base = m ? m[1] : name;
  const sub = m ? m[2] : undefined;
  let head: string;
  if (GREEK.has(base)) head = `\\${base}`;
  else if (base.length === 1) head = base;
  else if (/^[A-Za-z]+$/.test(base)) head = `\\mathrm{${base}}`;
  else head = `\\mathrm{${base.replace(/_/g, '\\_')}}`;
  return sub === undefined ? head : `${head}_{${sub}}`;
}

export function latexNumber(v: number): string {
  if (v === Math.PI) return '\\pi';
  return formatNumber(v);
}

export function latexParens(p: Printed): Printed {
  return { text: `\\left(${p.text}\\right)`, prec: Prec.Atom };
}

export function latexAtLeast(p: Printed, min: Prec): Printed {
  return p.prec >= min ? p : latexParens(p);
}

export function latexRight(p: Printed, level: Prec): Printed {
  return p.prec > level && !p.text.startsWith('-') ? p : latexParens(p);
}

export function latexInfix(left: Printed, op: string, right: Printed, level: Prec): Printed {
  return { text: `${latexAtLeast(left, level).text} ${op} ${latexRight(right, level).text}`, prec: level };
}

export function latexCall(head: string, args: readonly Printed[]): Printed {
  return atom(`${head}\\left(${args.map((a) => a.text).join(', ')}\\right)`);
}

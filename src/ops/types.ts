// The contract every primitive fulfils (JAX style): shape rule, simplifying construction, float64
// evaluation, vector-Jacobian product, and printing in .cr syntax and LaTeX, side by side in one entry.
import type { Attrs, Dim, EvalEnv, Matrix, Node, Shape } from '../ir/types';
import type { Builder } from '../ir/build';
import type { Printed } from './printing';

export interface EvalContext {
  env: EvalEnv;
  /** The node's shape resolved at this point's sizes. */
  rows: number;
  cols: number;
}

export interface PrintContext {
  node: Node;
  /** The children, already printed (in argument order). */
  args: readonly Printed[];
}

/** A constant by shape that a leaf op offers as a builtin function (`eye(n)`, `ones(m, n)`). */
export interface Constructor {
  /** How authors write it, the printed spelling first. */
  readonly spellings: readonly string[];
  /** The number of sizes it takes. */
  readonly arity: number;
  make(b: Builder, sizes: readonly Dim[]): Node;
}

export interface OpDef {
  readonly name: string;
  /** The number of arguments, or 'variadic' (hcat, vcat). */
  readonly arity: number | 'variadic';
  /**
   * The builtin function of SPEC 1.3 that makes this op: how authors write it, `name` first (`['log', 'ln']`).
   * The resolver, the LaTeX reader and index notation take their word lists from here (src/ops/builtins.ts).
   */
  readonly spellings?: readonly string[];
  /** LaTeX operator commands read as a call of it: `\log`, or two in a row, `\log\det`. */
  readonly latexCommands?: readonly string[];
  readonly constructors?: readonly Constructor[];
  /**
   * Not differentiable where its argument is 0 (relu, abs) or its two arguments meet (max, comparisons):
   * sample points that close to a kink are drawn again.
   */
  readonly kink?: boolean;
  /**
   * Applies entry by entry with strict broadcasting (every output entry depends only on the matching
   * entries of its operands). Used to detect elementwise Jacobians.
   */
  readonly elementwise?: boolean;
  /** The result shape, or a ShapeError naming the op and operand shapes. */
  shape(args: readonly Shape[], attrs: Readonly<Attrs>): Shape;
  /**
   * Local simplification while building: return an equivalent node of the same shape, or undefined to
   * make the node as is. Must be cheap (constant work): the global simplifier lives in ir/simplify.
   */
  rewrite?(b: Builder, args: readonly Node[], attrs: Readonly<Attrs>, shape: Shape): Node | undefined;
  evaluate(args: readonly Matrix[], attrs: Readonly<Attrs>, ctx: EvalContext): Matrix;
  /**
   * Adjoint contributions: for each argument i with wanted[i], an expression of that argument's shape
   * (undefined when it contributes nothing). `g` is the adjoint of `node`, shaped like `node`.
   */
  vjp(b: Builder, node: Node, g: Node, wanted: readonly boolean[]): readonly (Node | undefined)[];
  printCr(p: PrintContext): Printed;
  printLatex(p: PrintContext): Printed;
}

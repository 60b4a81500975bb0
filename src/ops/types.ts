// The contract every primitive fulfils (JAX style): shape rule, simplifying construction, float64
// evaluation, vector-Jacobian product, and printing in .cr syntax and LaTeX, side by side in one entry.
import type { Attrs, EvalEnv, Matrix, Node, Shape } from '../ir/types';
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

export interface OpDef {
  readonly name: string;
  /** The number of arguments, or 'variadic' (hcat, vcat). */
  readonly arity: number | 'variadic';
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

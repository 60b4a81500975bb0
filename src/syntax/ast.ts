// The abstract syntax tree produced by every front end (.cr and LaTeX).
// Names are normalised here already: `W_1`, `W_{1}` and `W1` all carry name "W1".

import type { Span } from '../diagnostics';

/** A source range (diagnostics.ts): 1-based lines and columns; the end points just past the last character. */
export type { Span };

export type MulStyle = 'juxt' | 'star' | 'cdot' | 'at';

export type BinaryOp =
  | 'add' | 'sub'
  | 'mul'        // juxtaposition, *, ·, @, \cdot: matrix product, scaling, or (· between same-shaped vectors) dot product
  | 'hadamard'   // .*, ⊙, odot, ∘
  | 'div'        // /, ./ (elementwise)
  | 'gt' | 'lt' | 'ge' | 'le'
  | 'eq' | 'ne'; // only inside the indicator 1(a = b), 1(a ≠ b)

export type Expr =
  | { kind: 'number'; value: number; text: string; span: Span }
  /** `name` is normalised (subscript braces and underscores between letters and digits removed); `text` is as written. */
  | { kind: 'name'; name: string; text: string; span: Span }
  /**
   * `f(x, y)`, and with prime = 1, `f'(x)` (derivative of a one-argument function). `bracketed`: written inside
   * brackets of its own, `(t(3t + 1))^4`, so a power or transpose after it is the whole call's.
   */
  | { kind: 'call'; callee: string; calleeText: string; prime: number; args: Expr[]; span: Span; bracketed?: true }
  | { kind: 'neg'; arg: Expr; span: Span }
  | { kind: 'binary'; op: BinaryOp; style?: MulStyle; left: Expr; right: Expr; span: Span }
  /** `prime`: written `(..)'`, which is as often Lagrange's derivative as a transpose (no evidence of a matrix). */
  | { kind: 'transpose'; arg: Expr; span: Span; prime?: true }
  /** `(BA)_{qp}`: the entry of a bracketed expression at index variables (index notation, docs/index-notation.md). */
  | { kind: 'entry'; arg: Expr; indices: string[]; span: Span }
  /** `a^b`; with `elementwise`, `a.^b`, which is never an inverse (`A.^(-1)` is the entrywise reciprocal). */
  | { kind: 'power'; base: Expr; exponent: Expr; elementwise?: true; span: Span }
  /** `[a, b; c, d]`: rows of entries. */
  /** `tuple`: written `(a, b)`, which is a vector only as a vector function's value (latex/tuples.ts). */
  | { kind: 'matrix'; rows: Expr[][]; span: Span; tuple?: true }
  /**
   * A matrix written by its general entry (`[a_1; \vdots; a_n]`, docs/latex.md): entry (rowIndex, colIndex) is
   * `entry`, the indices running over the rows and the columns; a vector has one of them.
   */
  | { kind: 'pattern'; entry: Expr; rowIndex?: string; colIndex?: string; span: Span }
  /**
   * A derivative reference. `of` is what is differentiated, `wrt` the variables.
   * form: 'frac' for dL/dW, ∂L/∂W, d(L)/d(W); 'operator' for d/dx (expr);
   * 'jacobian' for jacobian(f, [x, y]); 'grad' for grad(f, [x, y]).
   */
  | { kind: 'deriv'; form: 'frac' | 'operator' | 'jacobian' | 'grad'; of: Expr; wrt: Expr[]; span: Span };

/** A declared shape: rows x cols. `scalar` is 1 x 1; `R^n` is n x 1. */
export interface ShapeSpec {
  rows: DimSpec;
  cols: DimSpec;
  span: Span;
}
/** A dimension: a positive integer or a dimension name. */
export type DimSpec = number | string;

export interface NameRef {
  name: string;
  text: string;
  span: Span;
}

/** One function of a function declaration: `f1`, or `C(w)` with its parameters. */
export interface FunctionHead {
  name: NameRef;
  params?: NameRef[];
}

// `simplex-columns` is never written: a document's batch of labels laid out one column per sample (src/check/labels.ts).
/** What prose says of an array whose size it leaves open: a column, a row, a matrix, a square matrix. */
export type ShapeKind = 'column' | 'row' | 'matrix' | 'square';

export type Domain = 'positive' | 'nonnegative' | 'binary' | 'onehot' | 'probability' | 'simplex' | 'simplex-columns' | 'symmetric';

/** One side of an `=` chain: the expression, its source text and span. */
/** The claim a definition was read from (src/latex/operandDefinitions.ts): its target's place, the name as written. */
export interface OperandSource {
  target: Span;
  written: string;
}

export interface Step {
  expr: Expr;
  text: string;
  span: Span;
  /** Where the step is reported when not at its expression: its `=`, when the expression starts on a later line. */
  at?: Span;
}

export type Statement =
  /**
   * `kindOnly`: prose that says only what kind of array a name is, `column vectors $a$ and $b$`, `matrix $C$`
   * (src/latex/proseKinds.ts): no size, so `shape` says nothing and the shapes are solved from the formulas.
   */
  | { kind: 'decl'; names: NameRef[]; shape: ShapeSpec; domain?: { name: Domain; span: Span }; span: Span; kindOnly?: ShapeKind }
  /**
   * Abstract functions (docs/index-notation.md): `f1, f2 : function` applies entry by entry (no `result`);
   * `C(w) : scalar` is a scalar function of whole arrays (`result` is its shape).
   */
  | { kind: 'function-decl'; heads: FunctionHead[]; result?: ShapeSpec; span: Span }
  /** `i, j : index`: names read as index variables wherever they subscript an array. */
  | { kind: 'index-decl'; names: NameRef[]; span: Span }
  /**
   * `lhs = rhs1 = rhs2 ...` with an optional shape claim and label.
   * Whether it defines a name or claims an equality is decided by name resolution, not by the parser.
   * Continuation lines starting with `=` have been appended to `rhs` already.
   */
  | {
      kind: 'equation'; label?: string; lhs: Step; rhs: Step[]; shapeClaim?: ShapeSpec; span: Span; readings?: Reading[];
      /** The claim's own point, added to the `at` point in force (LaTeX `\frac{df}{dx}\Big|_{x=2} = 12`). */
      point?: AtBinding[];
      /** The entries the claim is about (LaTeX `..., \quad i \neq j`): per-entry claims of one case. */
      condition?: IndexCondition;
      /** Given as the reason for a step (LaTeX `\because z = w x + b`): a definition where there is none, never a claim. */
      reason?: true;
      /** Introduced in prose as a definition (LaTeX `Now let $z = x^3$`): the name's definition from here on, never a claim. */
      defines?: true;
      /**
       * A reason read from the claim whose target this is (LaTeX `\frac{\partial L}{\partial w} = \frac{\partial}{\partial w}
       * (...)`, src/latex/operandDefinitions.ts): the name is defined by the formula that claim differentiates.
       */
      operandOf?: OperandSource;
    }
  | { kind: 'at'; bindings: AtBinding[]; span: Span }
  | { kind: 'problem'; id: string; title?: string; span: Span }
  | { kind: 'ask'; target: Step; points: number; span: Span }
  /** `alias \mathcal{L} = L`: notation in submissions that means a name of the problem. */
  | { kind: 'alias'; from: string; to: Expr; span: Span }
  /** `policy sign 50%`: the credit an assignment gives a kind of near miss (read by src/grade, ignored elsewhere). */
  | { kind: 'policy'; key: string; keySpan: Span; percent: number; span: Span }
  /** `feedback hints`, `visibility after_due_date`: an assignment's default for a grading option (docs/grading.md). */
  | { kind: 'setting'; key: 'feedback' | 'visibility'; value: string; valueSpan: Span; span: Span }
  /**
   * `override 1a dL/dW "X^T (y - a)" 4 points`: the points of every answer to an ask that equals `answer`
   * (docs/grading.md). `problem` is null when the line names no problem (it is then the problem it is in).
   */
  | { kind: 'override'; problem: string | null; target: Step; answer: Step; points: number; span: Span };

/**
 * A reading chainrule made of what was written (an OCR slip such as `\frac{2L}{2W}` read as ∂L/∂W,
 * docs/latex.md "Reading OCR slips"): the span and text as written, what it was read as (.cr syntax), why.
 */
export interface Reading {
  span: Span;
  written: string;
  readAs: string;
  why: string;
  /** A condition written beside the line (`\quad (t \geq 0)`) set aside, not a slip read as something else. */
  domain?: true;
  /**
   * A reading the assignment's names force (grade/notationMap.ts: a name in another case or font, `w_1` for W1, or
   * with a word for a subscript, `E_{total}`; the author's own copy of its formula): not a slip, so a step wrong under it is wrong as written (graded by its near miss, still flagged for
   * review). Not `u_k` for row k of a stacked `Uk`: which way the author lays the row out stays a guess.
   */
  forced?: true;
}

/** `i = j` or `i \neq j` beside a per-entry claim: it holds for those entries of its target only. */
export interface IndexCondition {
  indices: [string, string];
  equal: boolean;
  span: Span;
}

export interface AtBinding {
  name: string;
  text: string;
  value: number;
  /** `~`: a stated, rounded value of a defined quantity. */
  rounded: boolean;
  span: Span;
}

export interface ParsedFile {
  file: string;
  source: string;
  statements: Statement[];
  /** Parse errors; a statement that fails to parse is left out of `statements`, the others are kept. */
  diagnostics: import('../diagnostics').Diagnostic[];
  /** A document's questions (Markdown, TeX), in order; `.cr` files have none (their `problem` lines split them). */
  questions?: Question[];
  /** `questionOf[i]`: the index of the question `statements[i]` belongs to (undefined before the first). */
  questionOf?: (number | undefined)[];
  /** A document's maths blocks: whether each could be read. */
  blocks?: ReadonlyArray<{ read: boolean; statements: number; span: Span }>;
}

/** A question of a document, started by a heading or by a line that names a problem or part (docs/latex.md). */
export interface Question {
  /** What reports call it: the id the heading or line names (`1a`, `2`), else the heading's text. */
  label: string;
  span: Span;
  /** The question this one is part of (an index into `questions`). */
  parent?: number;
  /** A part (`(b)` after `(a)`): it builds on the earlier parts of its parent, so it sees what they define. */
  continues: boolean;
  /** A heading that names no problem or part (`## Forward pass`, `# Step 1`): a section of a write-up. */
  section?: true;
}

// The LaTeX words chainrule knows: which commands are names, functions, operators, noise,
// and which are recognised but unsupported (so the error can say why instead of "unexpected").
// Tables are Maps, never plain objects: a command named `\constructor` must not find Object's.
// The function words and operator commands come from the builtins (src/ops/builtins.ts).
import { BUILTINS } from '../ops/builtins';

/** A lookup table from an object literal. */
export function table<T>(entries: Record<string, T>): ReadonlyMap<string, T> {
  return new Map(Object.entries(entries));
}

/** Greek letters (and `\ell`) as commands: each is a name, `\sigma` also the logistic function when called. */
export const GREEK_COMMANDS: ReadonlySet<string> = new Set([
  'alpha', 'beta', 'gamma', 'delta', 'epsilon', 'varepsilon', 'zeta', 'eta', 'theta', 'vartheta',
  'iota', 'kappa', 'lambda', 'mu', 'nu', 'xi', 'pi', 'varpi', 'rho', 'varrho', 'sigma', 'varsigma',
  'tau', 'upsilon', 'phi', 'varphi', 'chi', 'psi', 'omega',
  'Gamma', 'Delta', 'Theta', 'Lambda', 'Xi', 'Pi', 'Sigma', 'Upsilon', 'Phi', 'Psi', 'Omega', 'ell',
]);

/** The dotless i and j, `\hat{\imath}`, `\hat{\jmath}`: the letters (the unit vectors i, j of vectorOperators.ts). */
export const DOTLESS_LETTERS: ReadonlyMap<string, string> = table({ imath: 'i', jmath: 'j' });

/** Greek letters typed (or OCR'd) as Unicode characters, mapped to the command name. */
export const GREEK_CHARACTERS: ReadonlyMap<string, string> = table({
  α: 'alpha', β: 'beta', γ: 'gamma', δ: 'delta', ε: 'epsilon', ζ: 'zeta', η: 'eta', θ: 'theta',
  ι: 'iota', κ: 'kappa', λ: 'lambda', μ: 'mu', ν: 'nu', ξ: 'xi', π: 'pi', ρ: 'rho', σ: 'sigma',
  τ: 'tau', υ: 'upsilon', φ: 'phi', ϕ: 'phi', χ: 'chi', ψ: 'psi', ω: 'omega',
  Γ: 'Gamma', Δ: 'Delta', Θ: 'Theta', Λ: 'Lambda', Ξ: 'Xi', Π: 'Pi', Σ: 'Sigma', Φ: 'Phi', Ψ: 'Psi', Ω: 'Omega',
});

/**
 * Function words recognised when spelled in plain letters and followed by `(` (`softmax(h)`,
 * `log(s)`), and inside `\operatorname{}`, `\mathrm{}`, `\text{}`: the builtins' spellings of two
 * letters or more; the resolver maps aliases (`ln`, `sigmoid`, `tr`) to their builtin.
 */
export const FUNCTION_WORDS: ReadonlySet<string> = new Set(BUILTINS.flatMap((fn) => fn.spellings.filter((s) => /^[a-z]{2,}$/.test(s))));

export interface OperatorCommand {
  /** The spelling called: the command's own name when it is one (`\ln` calls ln), else the builtin's. */
  callee: string;
  arity: number;
}

/**
 * Operator commands, keyed by their text (`\log`, or two commands in a row, `\log\det`): applied to the
 * next factor without parentheses (`\log a`), or called (`\log(1-a)`).
 */
export const OPERATOR_COMMANDS: ReadonlyMap<string, OperatorCommand> = new Map(
  BUILTINS.flatMap((fn) => fn.latexCommands.map((c): [string, OperatorCommand] => [c, { callee: fn.spellings.includes(c.slice(1)) ? c.slice(1) : fn.name, arity: fn.arity }])),
);

/** Commands that only change the font of a name: `\mathbf{x}` is x. */
export const FONT_COMMANDS: ReadonlySet<string> = new Set([
  'mathbf', 'boldsymbol', 'bm', 'mathbfit', 'mathit', 'mathsf', 'vec', 'mathcal', 'mathscr', 'mathfrak', 'pmb', 'bold',
]);

/** Accents that make a different name: `\hat{y}` is yhat. */
export const ACCENT_SUFFIX: ReadonlyMap<string, string> = table({
  hat: 'hat', widehat: 'hat', bar: 'bar', overline: 'bar', tilde: 'tilde', widetilde: 'tilde',
});

/** Commands whose braced argument is words: dropped as prose, unless the word means something (a function, `d`, `at`). */
export const WORD_COMMANDS: ReadonlySet<string> = new Set([
  'text', 'textrm', 'textit', 'textbf', 'textsf', 'texttt', 'mbox', 'mathrm', 'operatorname', 'textnormal', 'mathop',
]);

/** The vector-calculus operators written as words, `\operatorname{div} F`, `\textrm{curl} F` (vectorOperators.ts). */
export const VECTOR_OPERATOR_WORDS: ReadonlySet<string> = new Set(['div', 'curl']);

/** Environments that only lay out rows of equations: their rows are statements. */
export const ROW_ENVIRONMENTS: ReadonlySet<string> = new Set([
  'aligned', 'align', 'align*', 'equation', 'equation*', 'gather', 'gather*', 'gathered', 'split',
  'multline', 'multline*', 'flalign', 'flalign*', 'eqnarray', 'eqnarray*', 'alignat', 'alignat*', 'alignedat',
]);

/** Environments that are matrix literals (`array` with its column layout, `\\left(\\begin{array}{cc} .. \\end{array}\\right)`). */
export const MATRIX_ENVIRONMENTS: ReadonlySet<string> = new Set([
  'bmatrix', 'pmatrix', 'matrix', 'Bmatrix', 'smallmatrix', 'bmatrix*', 'pmatrix*', 'array',
]);

/** Commands with no mathematical content: spacing, sizing, numbering, style. */
export const IGNORED_COMMANDS: ReadonlySet<string> = new Set([
  'left', 'right', 'middle', // handled with their delimiter; listed so a stray one is harmless
  'big', 'Big', 'bigg', 'Bigg', 'bigl', 'Bigl', 'biggl', 'Biggl', 'bigr', 'Bigr', 'biggr', 'Biggr',
  'bigm', 'Bigm', 'displaystyle', 'textstyle', 'scriptstyle', 'limits', 'nolimits', 'nonumber', 'notag',
  'mathstrut', 'strut', 'space', 'enspace', 'thinspace', 'medspace', 'thickspace', 'negthinspace', 'hfill', 'cr',
  // font switches: `{\bf x}` is x
  'bf', 'rm', 'it', 'sf', 'tt', 'cal', 'boldmath', 'unboldmath',
]);

/** Spacing wide enough to separate two statements written on one line (`a = 1 \quad b = 2`). */
export const WIDE_SPACES: ReadonlySet<string> = new Set(['quad', 'qquad', 'hspace', 'hskip']);

/** Words between two statements ("therefore"): they separate statements as wide spaces do. */
export const STATEMENT_MARKS: ReadonlySet<string> = new Set(['therefore', 'because', 'hence']);

/** Commands with a braced argument that carries no maths (`\label{eq:1}`, `\color{red}`). */
export const IGNORED_WITH_ARGUMENT: ReadonlySet<string> = new Set(['label', 'require', 'hspace', 'vspace', 'phantom', 'hphantom', 'vphantom', 'color']);

/**
 * Commands that mark a term without changing it: the body is read, a brace's label (`_{..}`, `^{..}`)
 * is dropped; `\textcolor{red}{x}` keeps its second argument.
 */
export const KEEP_BODY: ReadonlyMap<string, { skip: number; label?: '_' | '^' }> = table({
  underbrace: { skip: 0, label: '_' }, overbrace: { skip: 0, label: '^' },
  cancel: { skip: 0 }, bcancel: { skip: 0 }, xcancel: { skip: 0 }, boxed: { skip: 0 }, textcolor: { skip: 1 },
});

/**
 * Notation that is understood and is not a claim, or is a claim chainrule does not read: the row is set
 * aside with a note saying what it was (never checked, never a parse error).
 */
export const SET_ASIDE_COMMANDS: ReadonlyMap<string, string> = table({
  leftarrow: 'an update rule (←), not a claim',
  gets: 'an update rule (←), not a claim',
  longleftarrow: 'an update rule (←), not a claim',
  // `f'(x) = \\lim_{h \\to 0} \\frac{f(x + h) - f(x)}{h}`: the rows after it that go on with `=` are still read.
  lim: 'a limit (\\lim), as in the definition of a derivative, which chainrule does not check',
});

/**
 * Elided terms: read in a sum whose first and last terms differ in one index (`x_1 + \dots + x_n`), and in a
 * matrix whose corner entries differ in their row and column indices (`\vdots`, `\ddots`: ellipsisMatrices.ts).
 */
export const DOTS_COMMANDS: ReadonlySet<string> = new Set(['dots', 'ldots', 'cdots', 'dotsb', 'dotsc', 'vdots', 'ddots']);

/** Why an arrow is not read (graphArrows.ts reads the arrows of a computation graph, `x, W \rightarrow a = Wx`). */
export const ARROW_REASON = 'an arrow (→) is not an equation';
/** Why angle brackets are not read (an inner product is read only as `\\langle a, b \\rangle`, normalize.ts). */
export const ANGLE_REASON = 'angle brackets are read only as an inner product \\langle a, b \\rangle; write dot(a, b)';

/** Recognised commands that chainrule cannot check, with the reason given to the author. */
export const UNSUPPORTED_COMMANDS: ReadonlyMap<string, string> = table({
  prod: 'products over an index (\\prod) are not supported',
  int: 'integrals are not supported',
  oint: 'integrals are not supported',
  neq: '≠ states no checkable claim',
  ne: '≠ states no checkable claim',
  to: ARROW_REASON,
  rightarrow: ARROW_REASON,
  longrightarrow: ARROW_REASON,
  mapsto: 'an arrow (↦) is not an equation',
  mid: 'conditional bars (\\mid) are not supported',
  langle: ANGLE_REASON,
  rangle: ANGLE_REASON,
  notin: '∉ states no checkable claim',
  subset: 'set relations are not supported',
  forall: 'quantifiers are not supported',
  exists: 'quantifiers are not supported',
  pm: '± is not supported; write the two cases separately',
  mp: '∓ is not supported; write the two cases separately',
  oplus: '⊕ is not supported',
  infty: 'infinity is not supported',
  dot: 'dot accents (time derivatives) are not supported',
  ddot: 'dot accents (time derivatives) are not supported',
  stackrel: 'stacked relations are not supported',
  overset: 'stacked relations are not supported',
  underset: 'stacked relations are not supported',
});

/** Relation commands that continue a chain like `=`; `\sim` only states a rounded value in `\text{at}`. */
export const EQUALITY_COMMANDS: ReadonlyMap<string, 'eq' | 'approx' | 'implies' | 'tilde'> = table({
  approx: 'approx', simeq: 'approx', sim: 'tilde', coloneqq: 'eq', triangleq: 'eq', equiv: 'eq', doteq: 'eq',
  Rightarrow: 'implies', implies: 'implies', Longrightarrow: 'implies', Leftrightarrow: 'implies', iff: 'implies',
});

/** Comparison commands. */
export const COMPARISON_COMMANDS: ReadonlyMap<string, 'lt' | 'gt' | 'le' | 'ge'> = table({
  lt: 'lt', gt: 'gt', le: 'le', leq: 'le', leqslant: 'le', ge: 'ge', geq: 'ge', geqslant: 'ge',
});

/** Product-like operator commands and the grammar token each becomes. */
export const PRODUCT_COMMANDS: ReadonlyMap<string, 'cdot' | 'odot' | 'otimes' | 'times' | 'star' | 'div'> = table({
  cdot: 'cdot', centerdot: 'cdot', bullet: 'cdot', odot: 'odot', circ: 'odot', times: 'times', ast: 'star', div: 'div', oslash: 'div',
  otimes: 'otimes', // read as the outer product of two vectors only (resolve/outerProducts.ts)
});

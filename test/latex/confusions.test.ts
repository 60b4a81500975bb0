// The candidate generator of OCR readings (src/latex/confusions.ts): which substitutions the confusion
// table allows in a step's tokens, which of them are suspect ("live") in their context, and what the
// tokens read as once one is made. Names are given as facts (own: the document's; known: used anywhere).
import { readFileSync } from 'fs';
import { describe, expect, it } from 'vitest';
import { applySubstitution, CONFUSIONS, findSubstitutions, type SiteContext } from '../../src/latex/confusions';
import { latexTokens, parseLatexExpression } from '../../src/latex/parse';
import { printExpr } from '../../src/syntax/print';

const ORIGIN = { file: 'step.tex', line: 1, column: 1 };

/** Names: own (the document's), known (used elsewhere too), declared (with a shape; own as well). */
function context(own: string[], known: string[] = [], over: Partial<SiteContext> = {}, declared: string[] = []): Omit<SiteContext, 'expr'> {
  const ownAll = [...own, ...declared];
  return {
    names: { own: (n) => ownAll.includes(n), known: (n) => ownAll.includes(n) || known.includes(n), declared: (n) => declared.includes(n), settled: (n) => ownAll.includes(n), differentiatedBy: () => false },
    target: false,
    derivation: false,
    numeric: false,
    ...over,
  };
}

/** key → live, for the substitutions of `latex` in a context (the tokens parsed, as the reader does). */
function found(latex: string, ctx: Omit<SiteContext, 'expr'>): Record<string, boolean> {
  const tokens = latexTokens(latex, ORIGIN);
  const expr = parseLatexExpression(tokens);
  return Object.fromEntries(findSubstitutions(tokens, { ...ctx, expr }).map((s) => [s.key, s.live]));
}

/** `latex` with the substitution `key` made, printed in .cr syntax. */
function readWith(latex: string, key: string, ctx: Omit<SiteContext, 'expr'>): string {
  const tokens = latexTokens(latex, ORIGIN);
  const sub = findSubstitutions(tokens, { ...ctx, expr: parseLatexExpression(tokens) }).find((s) => s.key === key);
  expect(sub, `a substitution ${key} in ${latex}`).toBeDefined();
  const read = parseLatexExpression(applySubstitution(tokens, sub!));
  expect(read, `${latex} read with ${key} parses`).toBeDefined();
  return printExpr(read!);
}

const LW = context(['L', 'W', 'h', 'b', 'a', 'y', 'X']);

describe('derivative fractions: 2, 3, a, J, Δ, δ for ∂', () => {
  it('reads \\frac{2L}{2W} as dL/dW, and suspects it as a claim target', () => {
    expect(found('\\frac{2L}{2W}', { ...LW, target: true })).toEqual({ partial: true });
    expect(readWith('\\frac{2L}{2W}', 'partial', { ...LW, target: true })).toBe('dL/dW');
  });

  it('takes each glyph of the table, mixed (2 over 3, 2 over a, J, \\Delta, \\delta)', () => {
    const t = { ...LW, target: true };
    expect(readWith('\\frac{2a}{3h}', 'partial', t)).toBe('da/dh');
    expect(readWith('\\frac{2h}{ab}', 'partial', t)).toBe('dh/db');
    expect(readWith('\\frac{JL}{Jb_{2}}', 'partial', context(['L', 'b2'], [], { target: true }))).toBe('dL/db2');
    expect(readWith('\\frac{\\Delta L}{\\delta W}', 'partial', t)).toBe('dL/dW');
  });

  it('needs a name the document knows after each glyph (used elsewhere is enough)', () => {
    expect(found('\\frac{2L}{2W}', context(['L'], [], { target: true }))).toEqual({});
    expect(found('\\frac{2L}{2W}', context(['L'], ['W'], { target: true }))).toEqual({ partial: true });
  });

  it('never reads a genuine fraction: \\frac{2}{3}, \\frac{2x}{3}, \\frac{2x + 1}{3h}', () => {
    const x = context(['x', 'h'], [], { target: true, derivation: true });
    expect(found('\\frac{2}{3}', x)).toEqual({});
    expect(found('\\frac{2x}{3}', x)).toEqual({});
    expect(found('\\frac{2x + 1}{3h}', x)).toEqual({});
  });

  it('suspects a fraction only where a derivative is expected', () => {
    // a whole step that is a fraction is a value, even in a derivation line
    expect(found('\\frac{2L}{2W}', { ...LW, derivation: true })).toEqual({ partial: false });
    // a factor of a product in a derivation line is a chain-rule factor
    expect(found('X^{T} \\frac{2L}{2h}', { ...LW, derivation: true })).toEqual({ partial: true });
    expect(found('X^{T} \\frac{2L}{2h}', LW)).toEqual({ partial: false });
    // outside a derivation line: next to a derivative reference, or to another such fraction
    expect(found('\\frac{\\partial L}{\\partial h} \\frac{2h}{2W}', LW)).toEqual({ partial: true });
    expect(found('\\frac{2L}{2h} \\frac{2h}{2W}', LW)).toEqual({ partial: true });
  });
});

describe('6 before a parenthesis for σ', () => {
  it('suspects 6(h_1) in a line of names, and reads it as sigma(h1)', () => {
    const ctx = context(['h1']);
    expect(found('6(h_1)', ctx)).toEqual({ sigma: true });
    expect(readWith('6(h_1)', 'sigma', ctx)).toBe('sigma(h1)');
    expect(readWith('6(h)(1-6(h))', 'sigma', context(['h']))).toBe('sigma(h) (1 - sigma(h))');
  });

  it('leaves 6(2) and a numeric line alone (a number times a number), and an exponent x^6(..)', () => {
    expect(found('6(2)', context([]))).toEqual({ sigma: false });
    expect(found('6(1-a)', context(['a'], [], { numeric: true }))).toEqual({ sigma: false });
    expect(found('x^6(1-x)', context(['x']))).toEqual({});
  });
});

describe('look-alike letters, words and case', () => {
  it('\\alpha for a and \\gamma, V for y, when a and y are the document\'s names and the others are not', () => {
    const ay = context(['a', 'y', 'a1', 'a2']);
    expect(found('\\alpha - \\gamma', ay)).toEqual({ 'a:alpha': true, 'y:gamma': true });
    expect(found('\\alpha_1^T - (\\alpha_2 - V)', ay)).toEqual({ 'a:alpha': true, 'y:V': true });
    expect(readWith('\\alpha_1^T - (\\alpha_2 - V)', 'a:alpha', ay)).toBe('a1^T - (a2 - V)');
    // alpha a name of the document: the site stays (for a line that does not read), but is not suspect
    expect(found('\\alpha - y', context(['a', 'y', 'alpha']))).toEqual({ 'a:alpha': false });
    // no a in the document: nothing to read it as
    expect(found('\\alpha - \\gamma', context(['y']))).toEqual({ 'y:gamma': true });
    // a name the document differentiates by (∂q/∂V for an RNN's weights V, ∂L/∂γ for batch norm's scale) is a
    // quantity of its own, never a slip of y
    const variables = (names: string[]) => ({ ...ay, names: { ...ay.names, differentiatedBy: (n: string) => names.includes(n) } });
    expect(found('\\alpha_1^T - (\\alpha_2 - V)', variables(['V']))).toEqual({ 'a:alpha': true });
    expect(found('\\gamma \\hat{x}', variables(['gamma']))).toEqual({});
  });

  it('5 for s only where nothing else reads (never suspect by itself)', () => {
    expect(found('\\frac{-y}{5}', context(['s', 'y']))).toEqual({ 's:5': false });
    expect(found('\\frac{-y}{5}', context(['y']))).toEqual({});
  });

  it('loq for log, and frac, partial, sigma with their backslash dropped', () => {
    const s = context(['s', 'L', 'W', 'a']);
    expect(found('loq(s)', context(['s']))).toEqual({ 'word:loq': true });
    // with L a name, the l of loq could be a lower-case L too: a site, not suspect (no derivative is of it)
    expect(found('loq(s)', s)).toEqual({ 'word:loq': true, 'case:l': false });
    expect(readWith('loq(s)', 'word:loq', s)).toBe('log(s)');
    expect(readWith('partial L / partial W', 'word:partial', s)).toBe('dL/dW');
    expect(found('frac{2L}{2W}', s)).toEqual({ 'word:frac': true });
    // `frac` only at the start of a run of letters (`xfrac` is not a command)
    expect(found('xfrac{2L}{2W}', s)).toEqual({});
  });

  it('a letter in the other case when that one is the document\'s name (X for a declared x)', () => {
    // suspect where the other case is declared, or as what a derivative is by (or of)
    expect(found('X W_1 + b_1', context(['W1', 'b1'], [], {}, ['x']))).toEqual({ 'case:X': true });
    expect(found('\\frac{\\partial L}{\\partial w_{1}}', context(['W1', 'L']))).toEqual({ 'case:w': true });
    // the other case only defined, and no derivative by it: a name l beside a loss L is its own name
    // (in `a^{l-1}` the layer index joins the name, docs/latex.md, so there is no l to read there at all)
    expect(found('2 l', context(['a', 'L']))).toEqual({ 'case:l': false });
    expect(found('a^{l-1}', context(['a', 'L']))).toEqual({});
    expect(found('f(x)', context(['F', 'x']))).toEqual({}); // a function called is no variable
    expect(readWith('X W_1 + b_1', 'case:X', context(['W1', 'b1'], [], {}, ['x']))).toBe('x W1 + b1');
    expect(readWith('\\frac{\\partial L}{\\partial w_{1}}', 'case:w', context(['W1', 'L']))).toBe('dL/dW1');
    // both are names of the document: not suspect
    expect(found('X', context(['X'], [], {}, ['x']))).toEqual({ 'case:X': false });
  });

  it('a bare name beside its numbered layers, never suspect by itself (W with W1, W2 the document\'s)', () => {
    expect(found('(a - y) W^T', context(['W1', 'W2', 'a', 'y']))).toEqual({ 'layer:W1': false, 'layer:W2': false });
    expect(readWith('(a - y) W^T', 'layer:W2', context(['W1', 'W2', 'a', 'y']))).toBe('(a - y) W2^T');
    // W the document's own name, or called: no layer
    expect(found('(a - y) W^T', context(['W', 'W1', 'W2', 'a', 'y']))).toEqual({});
    expect(found('W(a)', context(['W1', 'a']))).toEqual({});
  });
});

describe('substitutions', () => {
  it('keep the written text and place of what they read otherwise', () => {
    const tokens = latexTokens('\\frac{2L}{2W}', { file: 'f', line: 7, column: 3 });
    const [sub] = findSubstitutions(tokens, { ...LW, target: true });
    const read = applySubstitution(tokens, sub);
    expect(read[2]).toMatchObject({ type: 'diff', text: '2', span: { line: 7, column: 9, endLine: 7, endColumn: 10 } });
    expect(tokens[2].type).toBe('num'); // the written tokens are not changed
  });

  it('are one per written glyph in a step: \\alpha_1 and \\alpha_2 together, every ∂ fraction together', () => {
    const tokens = latexTokens('\\frac{2L}{2s} \\frac{2s}{2h} + \\alpha_1 \\alpha_2', ORIGIN);
    const subs = findSubstitutions(tokens, { ...context(['L', 's', 'h', 'a1', 'a2']), expr: parseLatexExpression(tokens) });
    expect(subs.map((s) => [s.key, s.sites.length])).toEqual([
      ['partial', 2],
      ['a:alpha', 2],
    ]);
  });

  it('come in the order of the table (earlier entries win ties)', () => {
    const entries = findSubstitutions(latexTokens('6(h) \\alpha \\gamma X', ORIGIN), context(['h', 'a', 'y', 'x'])).map((s) => s.entry);
    expect(entries).toEqual([...entries].sort((a, b) => a - b));
    expect(CONFUSIONS.length).toBe(9);
  });
});

describe('docs/latex.md', () => {
  it('shows the confusion table as it is, row by row', () => {
    const doc = readFileSync('docs/latex.md', 'utf8');
    const table = doc.slice(doc.indexOf('<!-- confusions -->')).split('\n').filter((l) => /^\| \d+ \|/.test(l));
    const rows = table.map((l) => l.split(' | ').slice(1, 3));
    expect(rows).toEqual(CONFUSIONS.map((c) => [c.written, c.readAs]));
  });
});

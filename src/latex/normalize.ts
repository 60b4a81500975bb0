// From raw LaTeX tokens to grammar tokens: commands are classified (names, functions, operators,
// noise, unsupported), fonts and accents folded into names (`\mathbf{x}` is x, `\hat{y}` is yhat),
// subscripts merged into the name they follow (`W_{1}` is W1), superscripts that mean transpose
// or a prime become single tokens, and `\sum_{..}^{..}` one token. What remains is a flat list
// the grammar reads without caring about LaTeX's many spellings.
import { isCalledWord } from './calledWords';
import { directionalDerivativeAt, type DirectionalDerivative } from './directionalDerivatives';
import { connectiveInGroup, isConnectiveWord } from './connectiveWords';
import type { Diagnostic } from '../diagnostics';
import type { AtBinding } from '../syntax/ast';
import { INDEX_LETTERS, normalizeName, UNSIZED_ONES } from '../syntax/names';
import { binding } from './build';
import { positionalValues } from './tuplePoints';
import { expandMacros, type Macros } from './macros';
import { withoutDoubledBraces } from './doubledBraces';
import { closingRaw, lexLatex, type RawToken } from './lexer';
import type { PositionMap } from './positions';
import type { Tok, TokType } from './tokens';
import { casesOf, NOT_EQUAL, type Case } from './conditions';
import { accentedLetter } from './unicodeAccents';
import { raisedBeforeSubscript } from './scriptOrder';
import { joinPrimedNames } from './primedNames';
import { proseBracketsAsNotes } from './proseNotes';
import { equationList } from './equationLists';
import { weightKey, type WeightedProduct, type WeightedProducts } from './weightedProducts';
import { changeOfBase, inverseFunction } from './functionScripts';
import {
  ACCENT_SUFFIX, ANGLE_REASON, ARROW_REASON, COMPARISON_COMMANDS, DOTS_COMMANDS, EQUALITY_COMMANDS, FONT_COMMANDS, FUNCTION_WORDS, GREEK_CHARACTERS,
  GREEK_COMMANDS, IGNORED_COMMANDS, IGNORED_WITH_ARGUMENT, KEEP_BODY, MATRIX_ENVIRONMENTS, OPERATOR_COMMANDS,
  PRODUCT_COMMANDS, ROW_ENVIRONMENTS, SET_ASIDE_COMMANDS, STATEMENT_MARKS, UNSUPPORTED_COMMANDS, VECTOR_OPERATOR_WORDS, DOTLESS_LETTERS, WIDE_SPACES, WORD_COMMANDS,
  table, type OperatorCommand,
} from './vocabulary';

/**
 * Blackboard letters that name sets or operators (`\mathbb{E}` expectation, `\mathbb{1}` indicator), not fonts;
 * `\mathbb{I}` is the identity, read as the name I.
 */
/** An indicator's brackets, each opener with its closer. */
const INDICATOR_BRACKETS: ReadonlyMap<string, string> = new Map([['(', ')'], ['[', ']'], ['\\{', '\\}'], ['\\lbrace', '\\rbrace'], ['\\lbrack', '\\rbrack']]);

const BLACKBOARD_SETS: ReadonlySet<string> = new Set(['R', 'N', 'Z', 'Q', 'C', 'E', 'P', '1']);

/** Deeper nesting of `\mathbf{\hat{...}}` than any derivation needs is refused (input is untrusted). */
/** Fonts that make a digit a vector of it: `\mathbf{1}_m` is the column of m ones. */
const BOLD_FONTS: ReadonlySet<string> = new Set(['mathbf', 'bold', 'boldsymbol', 'bm', 'pmb']);

const MAX_GROUP_DEPTH = 32;

const NONE: ReadonlySet<string> = new Set();
const NO_MACROS: Macros = new Map();
const NO_WEIGHTS: WeightedProducts = new Map();
const TRIVIA = new Set(['space', 'newline', 'comment', 'spacecmd']);

const SYMBOLS: ReadonlyMap<string, TokType> = table({
  '(': 'lparen', ')': 'rparen', '[': 'lbrack', ']': 'rbrack', '{': 'lbrace', '}': 'rbrace',
  ',': 'comma', '=': 'eq', '+': 'plus', '-': 'minus', '*': 'star', '/': 'slash', '|': 'bar',
  '&': 'amp', '<': 'lt', '>': 'gt', '.': 'period', '@': 'atop', "'": 'prime',
});

const UNICODE: ReadonlyMap<string, TokType> = table({
  '∂': 'diff', '⊙': 'odot', '∘': 'odot', '⊘': 'div', '·': 'cdot', '⋅': 'cdot', '∙': 'cdot', '×': 'times', '⊗': 'otimes',
  '−': 'minus', '–': 'minus', '≈': 'approx', '∈': 'kw_in', 'ℝ': 'reals', '⊤': 'transpose', 'ᵀ': 'transpose',
  '√': 'sqrt', '′': 'prime', '≤': 'le', '≥': 'ge', '⇒': 'implies', '…': 'dots', '⋯': 'dots', '∴': 'wide', '∵': 'wide',
});

/** Unicode characters that set their row aside, as the commands of SET_ASIDE_COMMANDS do. */
const UNICODE_ASIDE: ReadonlyMap<string, string> = table({ '←': 'leftarrow' });

/** `\left` / `\right` delimiters written as commands. */
const DELIMITER_COMMANDS: ReadonlyMap<string, TokType> = table({
  vert: 'bar', lvert: 'bar', rvert: 'bar', Vert: 'dbar', lVert: 'dbar', rVert: 'dbar',
  lbrack: 'lbrack', rbrack: 'rbrack', lparen: 'lparen', rparen: 'rparen',
});

/** Commands that are one grammar token each: products, relations, comparisons, delimiters. */
const OPERATOR_TOKENS: ReadonlyMap<string, TokType> = new Map<string, TokType>([
  ...PRODUCT_COMMANDS, ...EQUALITY_COMMANDS, ...COMPARISON_COMMANDS, ...DELIMITER_COMMANDS,
]);

const TRANSPOSE_MARKS = new Set(['T', '\\top', '\\intercal', '⊤', 'ᵀ']);

/** Arrows that may point at an equation's number at the end of its row (`\rightarrow (2)`). */
const ARROWS: ReadonlySet<string> = new Set(['rightarrow', 'to', 'longrightarrow', 'Rightarrow', 'Longrightarrow', 'implies']);
const LABEL_FONTS: ReadonlySet<string> = new Set(['\\mathbf', '\\textbf', '\\mathrm', '\\text', '\\textit', '\\mathit', '\\bf']);
/** A label longer than this (in raw tokens, brackets included) is maths in parentheses, not a number. */
const MAX_LABEL_TOKENS = 8;
/** Old font switches inside a word's braces, `\mathop{\rm div}`: the word is read without them. */
const FONT_SWITCHES: ReadonlySet<string> = new Set(['rm', 'bf', 'it', 'sf']);

export interface Normalized {
  tokens: Tok[];
  diagnostics: Diagnostic[];
}

/** Lex and normalise one maths block. Never throws: what cannot be read becomes an `unsupported` token. */
/** How a block is read, from what its document says elsewhere. */
export interface BlockReading {
  /** Maths typed as plain text (plainMaths.ts): `a_h1` is one name, as its author means. */
  plain?: boolean;
  /** Names whose digit superscripts are layers (`w^2` is layer 2's w; numberedLayers.ts). */
  layered?: ReadonlySet<string>;
  /** Words that are one name each (`loss`, `scores`; wordNames.ts). */
  words?: ReadonlySet<string>;
  /** The document's own macros (`\newcommand`; macros.ts). */
  macros?: Macros;
  /** Names the document differentiates by with a prime, each primed one a name of its own (primedNames.ts). */
  primed?: ReadonlySet<string>;
  /** The weighted inner products the document defines, `\langle a, b \rangle_W := a^T W b` (weightedProducts.ts). */
  weighted?: WeightedProducts;
  /** The document writes a transpose `^t`, and t nowhere else (smallTransposes.ts). */
  smallTransposes?: boolean;
}

export function normalizeLatex(pos: PositionMap, reading: BlockReading = {}): Normalized {
  const expanded = expandMacros(lexLatex(pos.text).filter((t) => !TRIVIA.has(t.type)), reading.macros ?? NO_MACROS);
  const lexed = splitSingleArguments(overAsFrac(withoutDoubledBraces(expanded)));
  const raw = reading.plain ? bracketedExponents(lexed) : lexed;
  const n = new Normalizer(raw, pos, reading.plain ?? false, reading.layered ?? NONE, reading.words ?? NONE, reading.weighted ?? NO_WEIGHTS, reading.smallTransposes ?? false);
  n.run(0, raw.length);
  return { tokens: proseBracketsAsNotes(joinPrimedNames(n.out, reading.primed ?? NONE)), diagnostics: n.diagnostics };
}

/** A braced or single-token argument: raw tokens [from, to) and the offsets it covers. */
interface Arg {
  from: number;
  to: number;
  next: number;
  start: number;
  end: number;
}

/** Plain text's `e^(sin(x^2))`: a bracket right after `^` is the whole exponent, as `{..}` is in TeX. */
function bracketedExponents(raw: readonly RawToken[]): RawToken[] {
  const out = [...raw];
  for (let i = 0; i + 1 < out.length; i++) {
    if (out[i].text !== '^' || out[i + 1].text !== '(') continue;
    const j = closingParen(out, i + 1);
    if (j === undefined) continue;
    out[i + 1] = { ...out[i + 1], text: '{' };
    out[j] = { ...out[j], text: '}' };
  }
  return out;
}

class Normalizer {
  readonly out: Tok[] = [];
  readonly diagnostics: Diagnostic[] = [];

  constructor(
    private readonly raw: RawToken[],
    private readonly pos: PositionMap,
    private readonly plain: boolean,
    private readonly layered: ReadonlySet<string>,
    private readonly words: ReadonlySet<string>,
    private readonly weighted: WeightedProducts,
    private readonly smallTransposes: boolean,
  ) {}

  /** Fonts, accents and `\nabla_{..}` read their argument recursively; this bounds the recursion. */
  private depth = 0;
  /** Raw indices of `\}` that close a grouping `\{` (groupingBrace). */
  private readonly groupCloses = new Set<number>();

  run(from: number, to: number): void {
    if (++this.depth > MAX_GROUP_DEPTH) {
      const first = this.raw[from];
      if (first) this.unsupported(`groups nested more than ${MAX_GROUP_DEPTH} deep`, first.offset, this.endOf(Math.max(from, to - 1)));
    } else {
      for (let i = from; i < to; ) i = this.step(i);
    }
    this.depth--;
  }

  private make(type: TokType, value: string, start: number, end: number, extra: Partial<Tok> = {}): Tok {
    return { type, value, text: this.pos.text.slice(start, end), start, end, span: this.pos.span(start, end), ...extra };
  }

  private emit(type: TokType, value: string, start: number, end: number, extra: Partial<Tok> = {}): void {
    this.out.push(this.make(type, value, start, end, extra));
  }

  private unsupported(reason: string, start: number, end: number): void {
    this.emit('unsupported', reason, start, end);
  }

  private endOf(i: number): number {
    const t = this.raw[i];
    return t.end ?? t.offset + t.text.length;
  }

  /** Skip `\left`, `\bigl` and friends to find what a function word or command is followed by. */
  private nextMeaningful(i: number): RawToken | undefined {
    while (i < this.raw.length && this.raw[i].type === 'command' && /^\\(left|big|Big|bigg|Bigg)[lrm]?$/.test(this.raw[i].text)) i++;
    return this.raw[i];
  }

  /** `(4.1)`, `(\mathbf{a})` from raw `i` to the end of the row (after wide spaces): the label and where it ends. */
  private arrowLabel(i: number): { text: string; end: number; next: number } | undefined {
    let j = this.pastWideSpaces(i);
    if (this.raw[j]?.text !== '(') return undefined;
    const open = j;
    const parts: string[] = [];
    for (j++; j < this.raw.length && this.raw[j].text !== ')'; j++) {
      const t = this.raw[j];
      if (t.type === 'number' || t.type === 'word' || t.text === '.') parts.push(t.text);
      else if (!(t.text === '{' || t.text === '}' || LABEL_FONTS.has(t.text))) return undefined;
    }
    const close = j;
    if (close >= this.raw.length || parts.length === 0 || j - open > MAX_LABEL_TOKENS) return undefined;
    j = this.pastWideSpaces(close + 1);
    if (j < this.raw.length && this.raw[j].type !== 'rowsep') return undefined;
    return { text: parts.join(''), end: this.endOf(close), next: close + 1 };
  }

  /** The raw token after any wide spaces at `i` (`\quad`). */
  private pastWideSpaces(i: number): number {
    let j = i;
    while (this.raw[j]?.type === 'command' && WIDE_SPACES.has(this.raw[j].text.slice(1))) j++;
    return j;
  }

  /** The raw token after any primes at `i` (`'`, `\prime`). */
  private pastPrimes(i: number): number {
    let j = i;
    while (this.raw[j]?.text === "'" || this.raw[j]?.text === '\\prime') j++;
    return j;
  }

  private followedByParen(i: number): boolean {
    return this.nextMeaningful(i)?.text === '(';
  }

  /** The argument at `i`: a `{...}` group, or one token (already one character, see splitSingleArguments). */
  private arg(i: number): Arg | undefined {
    const t = this.raw[i];
    if (!t) return undefined;
    if (t.type === 'symbol' && t.text === '{') {
      const j = closingBrace(this.raw, i);
      if (j === undefined) return undefined;
      return { from: i + 1, to: j, next: j + 1, start: t.offset, end: this.endOf(j) };
    }
    return { from: i, to: i + 1, next: i + 1, start: t.offset, end: this.endOf(i) };
  }

  /** In plain-text maths, a subscript without braces is the whole run of letters and digits after `_` (`a_h1`). */
  private plainArg(i: number): Arg | undefined {
    const a = this.arg(i);
    if (!a || this.raw[i].text === '{') return a;
    let to = a.to;
    const joins = (k: number) => (this.raw[k]?.type === 'word' || this.raw[k]?.type === 'number') && this.raw[k].offset === this.endOf(k - 1);
    while (joins(to)) to++;
    return { from: a.from, to, next: to, start: a.start, end: this.endOf(to - 1) };
  }

  /** The plain text of an argument's words, numbers and Greek letters (for `\text{..}`, subscripts). */
  private plainText(a: Arg): string | undefined {
    let text = '';
    for (let j = a.from; j < a.to; j++) {
      const t = this.raw[j];
      if (t.type === 'word' || t.type === 'number') text += t.text;
      else if (t.type === 'command' && GREEK_COMMANDS.has(t.text.slice(1))) text += t.text.slice(1);
      else if (t.type === 'command' && (WORD_COMMANDS.has(t.text.slice(1)) || FONT_COMMANDS.has(t.text.slice(1)) || FONT_SWITCHES.has(t.text.slice(1)))) continue;
      else if (t.type === 'symbol' && (t.text === '{' || t.text === '}' || t.text === ',')) continue;
      else return undefined;
    }
    return text;
  }

  /** The text of the argument at `i` without braces and spaces (`{-1}` → `-1`), if there is one. */
  private argText(i: number): string | undefined {
    const a = this.arg(i);
    return a && this.raw.slice(a.from, a.to).map((t) => t.text).join('');
  }

  /** The raw source text of an argument without its braces, spaces kept (for prose). */
  private rawText(a: Arg): string {
    const first = this.raw[a.from];
    if (a.from >= a.to || !first) return '';
    return this.pos.text.slice(first.offset, this.endOf(a.to - 1));
  }

  /**
   * `y \in \{-1, +1\}`, `y \in \{0, 1\}`: a set of numbers says the name is a number, as `\in \mathbb{R}` does
   * (a label, not an array). Any other set is refused.
   */
  private numberSet(i: number): number {
    const open = this.raw[i];
    let j = i + 1;
    for (; j < this.raw.length && this.raw[j].text !== '\\}'; j++) {
      const t = this.raw[j];
      if (!(t.type === 'number' || TRIVIA.has(t.type) || t.text === ',' || t.text === '-' || t.text === '+')) break;
    }
    if (this.raw[j]?.text !== '\\}' || !this.raw.slice(i + 1, j).some((t) => t.type === 'number')) {
      this.unsupported('sets (\\{ \\}) are not supported', open.offset, this.endOf(i));
      return i + 1;
    }
    this.emit('reals', '\\mathbb{R}', open.offset, this.endOf(j));
    return j + 1;
  }

  /**
   * `\\frac{\\partial}{\\partial w}\\{-\\log(1 + e^{-u})\\}`: escaped braces around one expression (no comma, bar or
   * colon at their level, so not a set) are brackets, as some authors write large ones. Remembers the closing brace.
   */
  private groupingBrace(i: number): boolean {
    let depth = 0;
    for (let j = i + 1; j < this.raw.length; j++) {
      const text = this.raw[j].text;
      if (text === '\\{' || text === '(' || text === '[' || text === '{') depth++;
      else if (text === ')' || text === ']' || text === '}') depth--;
      else if (text === '\\}' && depth-- === 0) {
        if (j === i + 1) return false;
        this.groupCloses.add(j);
        return true;
      } else if (depth === 0 && (text === ',' || text === '|' || text === ':' || text === '\\mid' || text === ';')) return false;
      if (depth < 0) return false;
    }
    return false;
  }

  /** Handle the raw token at `i`; returns the index of the next unhandled token. */
  private step(i: number): number {
    const t = this.raw[i];
    const start = t.offset;
    const end = this.endOf(i);
    switch (t.type) {
      case 'number':
        if (t.text === '1') {
          const read = this.indicator(i + 1);
          if (read !== undefined) return read;
        }
        this.emit('num', t.text, start, end);
        return i + 1;
      case 'word':
        return this.word(i);
      case 'rowsep':
        this.emit('rowsep', '\\\\', start, end);
        return i + 1;
      case 'escaped':
        if (t.text === '\\|') this.emit('dbar', '||', start, end);
        else if (t.text === '\\{' && this.out[this.out.length - 1]?.type === 'kw_in') return this.numberSet(i);
        else if (t.text === '\\{' && this.groupingBrace(i)) this.emit('lparen', '(', start, end);
        else if (t.text === '\\}' && this.groupCloses.delete(i)) this.emit('rparen', ')', start, end);
        else if (t.text === '\\{' || t.text === '\\}') this.unsupported('sets (\\{ \\}) are not supported', start, end);
        else this.unsupported(`\`${t.text}\` has no meaning in an expression`, start, end);
        return i + 1;
      case 'symbol':
        return this.symbol(i);
      case 'command':
        return this.command(i);
      default:
        return this.other(i);
    }
  }

  private word(i: number): number {
    const t = this.raw[i];
    const directional = directionalDerivativeAt(this.raw, i);
    if (directional) return this.directionalDerivative(i, directional);
    if (t.text === 'I') {
      const read = this.indicator(i + 1);
      if (read !== undefined) return read;
    }
    const lower = t.text.toLowerCase();
    // A function spelled in letters counts only before `(`: `softmax(h)`; otherwise letters multiply.
    // `div(F)`, `curl(F)`: the operators of a field (vectorOperators.ts), not the product d·i·v(F).
    if (t.text.length > 1 && (FUNCTION_WORDS.has(lower) || VECTOR_OPERATOR_WORDS.has(t.text)) && this.followedByParen(i + 1)) {
      this.emit('fname', lower, t.offset, this.endOf(i));
      return i + 1;
    }
    // `CrossEntropy(y, \hat{y})`: a word called with two or more arguments is a function's name (calledWords.ts).
    if (isCalledWord(this.raw, i)) {
      this.emit('fname', t.text, t.offset, this.endOf(i));
      return i + 1;
    }
    if (this.words.has(t.text)) {
      this.emit('name', t.text, t.offset, this.endOf(i));
      return i + 1;
    }
    if (isConnectiveWord(this.raw, i)) {
      this.emit('prose', t.text, t.offset, this.endOf(i));
      return i + 1;
    }
    if (this.plain && i === 0 && /^[Aa]t$/.test(t.text) && this.raw[1]?.type === 'word') {
      // Plain text's `At t = 1:` (plainMaths.ts): the point, as `\text{at } t = 1` is.
      this.emit('prose', 'at', t.offset, this.endOf(i));
      return i + 1;
    }
    // Digits written against a letter name it, as students type indices: `z1`, `W2`, `a1` are z₁, W₂, a₁.
    const digits = this.raw[i + 1];
    const before = this.raw[i - 1];
    const isArgument = before?.type === 'symbol' && (before.text === '^' || before.text === '_'); // `e^x2` is e^x times 2, as in TeX
    const numbered = !isArgument && digits?.type === 'number' && /^[0-9]+$/.test(digits.text) && digits.offset === t.offset + t.text.length;
    // `ao1` in a document that writes `a_o1`: the name typed without its underscore (wordNames.ts).
    if (numbered && this.words.has(t.text + digits.text)) {
      this.emit('name', t.text + digits.text, t.offset, this.endOf(i + 1));
      return i + 2;
    }
    const letters = numbered ? t.text.length - 1 : t.text.length;
    for (let k = 0; k < letters; k++) this.emit('name', t.text[k], t.offset + k, t.offset + k + 1);
    if (!numbered) return i + 1;
    this.emit('name', t.text[letters] + digits.text, t.offset + letters, this.endOf(i + 1));
    return i + 2;
  }

  private symbol(i: number): number {
    const t = this.raw[i];
    const start = t.offset;
    const next = this.raw[i + 1];
    switch (t.text) {
      case '^':
        return this.superscript(i);
      case '_':
        return this.subscript(i);
      case '|': {
        // `||X w - t||^2`: a block whose bars all come in adjacent pairs writes the norm with them (|x||y| does not).
        if (next?.text === '|' && next.offset === start + 1 && this.barsPaired()) {
          this.emit('dbar', '||', start, start + 2);
          return i + 2;
        }
        // Plain text's `∂f/∂x|(2,3)`: the derivative at a point, as `\Big|_{(2,3)}` in TeX (plainMaths.ts lets it in).
        const close = this.plain && next?.text === '(' ? closingParen(this.raw, i + 1) : undefined;
        if (close === undefined) break;
        this.emit('bar', '|', start, start + 1);
        return this.evaluationBar({ from: i + 1, to: close + 1, next: close + 1, start: next.offset, end: this.endOf(close) }, start);
      }
      case ':':
        if (next?.text === '=') {
          this.emit('eq', ':=', start, this.endOf(i + 1));
          return i + 2;
        }
        this.unsupported('`:` is not supported in LaTeX maths; write `\\in \\mathbb{R}^{M \\times N}` for a shape', start, start + 1);
        return i + 1;
      case '=':
        // `=>` typed for \Rightarrow: "which gives" (rows.ts splits the chains it joins).
        if (next?.text === '>' && next.offset === start + 1) {
          this.emit('implies', '=>', start, start + 2);
          return i + 2;
        }
        break;
      case '<':
      case '>':
        if (next?.text === '=' && next.offset === start + 1) {
          this.emit(t.text === '<' ? 'le' : 'ge', t.text + '=', start, start + 2);
          return i + 2;
        }
        break;
      case ';':
        this.unsupported('`;` has no meaning here; separate statements with `\\\\` or a new block', start, start + 1);
        return i + 1;
      case '!':
        this.unsupported('factorials are not supported', start, start + 1);
        return i + 1;
      case '?':
        this.unsupported('`?` has no meaning in an expression', start, start + 1);
        return i + 1;
      case '{': {
        // `\sigma{(h_1)}`: braces around the parenthesised argument of a name group nothing; it is `\sigma(h_1)`.
        const close = closingBrace(this.raw, i);
        const prev = this.out[this.out.length - 1];
        // `\frac{\partial{}}{\partial{x}}(..)`: an empty group after ∂ holds nothing; it is `\frac{\partial}{\partial x}`.
        if (close === i + 1 && prev?.type === 'diff') return close + 1;
        const connective = close === undefined ? undefined : connectiveInGroup(this.raw, i, close);
        if (connective !== undefined) {
          this.emit('prose', this.raw[connective].text, this.raw[connective].offset, this.endOf(connective));
          return close! + 1;
        }
        if (close !== undefined && (prev?.type === 'name' || prev?.type === 'fname') && this.parenthesised(i + 1, close)) {
          this.run(i + 1, close);
          return close + 1;
        }
        break;
      }
      case '/': {
        // Plain text's `E1/∂a_o1 = ...` (plainMaths.ts): a name alone over ∂ at the start is ∂E1/∂a_o1.
        let k = i + 1;
        while (this.raw[k] && TRIVIA.has(this.raw[k].type)) k++;
        const after = this.raw[k];
        if (this.plain && this.out.length === 1 && this.out[0].type === 'name' && after?.text === '∂') {
          this.out.unshift(this.make('diff', '∂', this.out[0].start, this.out[0].start));
        }
        break;
      }
      case '.':
        // `...` typed for `\dots` (`-Y_{i1} \log a_1 - ... - Y_{iC} \log a_C`).
        if (this.raw[i + 1]?.text === '.' && this.raw[i + 2]?.text === '.' && this.raw[i + 2].offset === start + 2) {
          this.emit('dots', '...', start, start + 3);
          return i + 3;
        }
        break;
    }
    this.emit(SYMBOLS.get(t.text)!, t.text === "'" ? '1' : t.text, start, start + 1);
    return i + 1;
  }

  private other(i: number): number {
    const t = this.raw[i];
    const start = t.offset;
    const end = this.endOf(i);
    const greek = GREEK_CHARACTERS.get(t.text);
    const unicode = UNICODE.get(t.text);
    const accented = accentedLetter(t.text);
    if (greek) this.emit('name', greek, start, end);
    else if (accented) this.emit('name', normalizeName((GREEK_CHARACTERS.get(accented.letter) ?? accented.letter) + accented.suffix), start, end);
    else if (t.text === '∑') return this.sum(i, start);
    else if (t.text === '∇') return this.nabla(i, start);
    else if (t.text === '→') this.unsupported(ARROW_REASON, start, end); // as \rightarrow (graphArrows.ts reads a graph's)
    else if (UNICODE_ASIDE.has(t.text)) this.emit('aside', SET_ASIDE_COMMANDS.get(UNICODE_ASIDE.get(t.text)!)!, start, end);
    else if (unicode) this.emit(unicode, unicode === 'prime' ? '1' : t.text, start, end);
    else this.unsupported(`unexpected character \`${t.text}\``, start, end);
    return i + 1;
  }

  /**
   * `\sin^{-1} x`, `\log_2 x`: a script that makes the command another function (functionScripts.ts).
   * Returns the raw index after the script, or undefined where the script is not such a one.
   */
  private functionScript(callee: string, next: number, start: number): number | undefined {
    const script = this.raw[next]?.text;
    const a = script === '^' || script === '_' ? this.arg(next + 1) : undefined;
    if (!a) return undefined;
    const text = this.argText(next + 1);
    const inverse = script === '^' && text === '-1' ? inverseFunction(callee) : undefined;
    const base = script === '_' && callee === 'log' && text !== undefined ? changeOfBase(text) : undefined;
    if (!inverse && !base) return undefined;
    for (const [type, value] of base ?? []) this.emit(type, value, start, a.end);
    const paren = this.followedByParen(inverse ? this.pastPrimes(a.next) : a.next);
    this.emit(paren ? 'fname' : 'func', inverse ?? callee, start, a.end);
    return a.next;
  }

  private command(i: number): number {
    const t = this.raw[i];
    const name = t.text.slice(1);
    const start = t.offset;
    const end = this.endOf(i);
    if (GREEK_COMMANDS.has(name) || DOTLESS_LETTERS.has(name)) {
      this.emit('name', DOTLESS_LETTERS.get(name) ?? name, start, end);
      return i + 1;
    }
    const label = ARROWS.has(name) ? this.arrowLabel(i + 1) : undefined;
    if (label) {
      // `\rightarrow (4.1)`, `\quad \to (\mathbf{a})` closing a row: the equation's number, as `\tag{4.1}` is.
      this.emit('tag', label.text, start, label.end);
      return label.next;
    }
    const found = this.operatorCommand(i);
    if (found) {
      const next = i + found.length;
      const scripted = this.functionScript(found.command.callee, next, start);
      if (scripted !== undefined) return scripted;
      // `\tanh'(u)`: the derivative's call (the primes are folded into it in rows.ts), as `\sigma'(h)` is.
      const paren = this.followedByParen(found.command.arity === 1 ? this.pastPrimes(next) : next);
      const to = this.endOf(next - 1);
      if (this.raw[next]?.text === '^' && this.argText(next + 1) === '-1') {
        // `\sin^{-1}` is the inverse function, not a power (`\sin^2 x` is one, read by the grammar).
        this.unsupported(`inverse functions (${this.pos.text.slice(start, to)}^{-1}) are not supported`, start, to);
      } else if (!paren && found.command.arity > 1) {
        this.unsupported(`write ${this.pos.text.slice(start, to)}(a, b) with both arguments in parentheses`, start, to);
      } else this.emit(paren ? 'fname' : 'func', found.command.callee, start, to);
      return next;
    }
    const operator = OPERATOR_TOKENS.get(name);
    if (operator) {
      this.emit(operator, t.text, start, end);
      return i + 1;
    }
    if (WORD_COMMANDS.has(name)) return this.wordCommand(i);
    if (FONT_COMMANDS.has(name)) return this.font(i);
    if (ACCENT_SUFFIX.has(name)) return this.accent(i);
    if (KEEP_BODY.has(name)) return this.keepBody(i);
    if (STATEMENT_MARKS.has(name)) {
      this.emit('wide', t.text, start, end);
      return i + 1;
    }
    const aside = SET_ASIDE_COMMANDS.get(name);
    if (aside) {
      this.emit('aside', aside, start, end);
      return i + 1;
    }
    if (DOTS_COMMANDS.has(name)) {
      this.emit('dots', t.text, start, end);
      return i + 1;
    }
    if (WIDE_SPACES.has(name) || IGNORED_WITH_ARGUMENT.has(name)) {
      const a = name === 'quad' || name === 'qquad' ? undefined : this.arg(i + 1);
      if (WIDE_SPACES.has(name)) this.emit('wide', t.text, start, a?.end ?? end);
      return a?.next ?? i + 1;
    }
    switch (name) {
      case 'newline':
      case 'cr':
        // `\newline` and `\cr` (plain TeX's) end a row as `\\` does.
        this.emit('rowsep', '\\\\', start, end);
        return i + 1;
      case 'left':
      case 'right':
        // `\left.` and `\right.` are invisible delimiters; other delimiters are read as themselves.
        return this.raw[i + 1]?.text === '.' ? i + 2 : i + 1;
      case 'langle':
        return this.innerProduct(i, start);
      case 'frac':
      case 'dfrac':
      case 'tfrac':
      case 'cfrac':
        this.emit('frac', t.text, start, end);
        return i + 1;
      case 'sqrt':
        if (this.raw[i + 1]?.text === '[') {
          this.unsupported('roots other than square roots are not supported', start, end);
          return i + 1;
        }
        this.emit('sqrt', t.text, start, end);
        return i + 1;
      case 'partial':
      case 'part': // `\part`: Typora's and some Markdown editors' short form of `\partial`
        // `\partial_x f`: the derivative by x of what follows, as `\nabla_x f` is.
        if (this.raw[i + 1]?.text === '_') return this.nabla(i, start);
        this.emit('diff', t.text, start, end);
        return i + 1;
      case 'nabla':
      case 'triangledown': // `\triangledown_{w}`, `\bigtriangledown`: the downward triangle typed for ∇
      case 'bigtriangledown':
        return this.nabla(i, start);
      case 'sum':
        return this.sum(i, start);
      case 'in':
        this.emit('kw_in', t.text, start, end);
        return i + 1;
      case 'R':
        this.emit('reals', t.text, start, end);
        return i + 1;
      case 'prime':
        this.emit('prime', '1', start, end);
        return i + 1;
      case 'mathbb':
        return this.blackboard(i);
      case 'begin':
      case 'end':
        return this.environment(i);
      case 'tag': {
        const starred = this.raw[i + 1]?.text === '*' ? 1 : 0;
        const a = this.arg(i + 1 + starred);
        if (a) this.emit('tag', this.rawText(a).trim(), start, a.end);
        return a?.next ?? i + 1;
      }
    }
    if (IGNORED_COMMANDS.has(name)) return i + 1;
    const reason = UNSUPPORTED_COMMANDS.get(name);
    if (reason) {
      this.unsupported(reason, start, end);
      return i + 1;
    }
    this.unsupported(`unknown command \`${t.text}\``, start, end);
    return i + 1;
  }

  /** The operator command at `i`, one command or two in a row (`\log\det`), and how many raw tokens it takes. */
  private operatorCommand(i: number): { command: OperatorCommand; length: number } | undefined {
    const next = this.raw[i + 1];
    const pair = next?.type === 'command' ? OPERATOR_COMMANDS.get(this.raw[i].text + next.text) : undefined;
    if (pair) return { command: pair, length: 2 };
    const single = OPERATOR_COMMANDS.get(this.raw[i].text);
    return single && { command: single, length: 1 };
  }

  /**
   * `\text{..}`, `\mathrm{..}`, `\operatorname{..}`: a function word is the function, `d` the
   * differential, `at` starts a point; a single letter in `\mathrm` is that letter. Anything else
   * is prose and is dropped (kept as a `prose` token only so rows.ts can use it as a separator).
   */
  private wordCommand(i: number): number {
    const t = this.raw[i];
    const kind = t.text.slice(1);
    const a = this.arg(i + 1);
    if (!a) {
      this.unsupported(`\`${t.text}\` needs a braced argument`, t.offset, this.endOf(i));
      return i + 1;
    }
    const word = this.plainText(a);
    // `\text{CE}(y, \hat y)`: one word directly before `(` is a call, as `CE(y, \hat y)` is; so is
    // `\text{ReLU}'(z)`, its derivative (the primes are folded into the call in rows.ts).
    const paren = this.followedByParen(this.pastPrimes(a.next));
    const called = word !== undefined && /^[A-Za-z]+$/.test(this.rawText(a)) && paren;
    // `\mathop{\rm div}\nolimits` is `\operatorname{div}`; `\textrm{div}`, `\text{curl}` are the operators too (vectorOperators.ts).
    const operatorWord = kind === 'operatorname' || kind === 'mathop' || (word !== undefined && VECTOR_OPERATOR_WORDS.has(word));
    const isFunction = word !== undefined && word.length > 1 && (operatorWord || FUNCTION_WORDS.has(word.toLowerCase()) || called);
    if (isFunction) {
      const callee = FUNCTION_WORDS.has(word.toLowerCase()) ? word.toLowerCase() : word;
      this.emit(paren ? 'fname' : 'func', callee, t.offset, a.end);
    } else if (word !== undefined && word.length === 1 && /^[a-zA-Z]$/.test(word) && !kind.startsWith('text') && kind !== 'mbox') {
      this.emit('name', word, t.offset, a.end);
    } else if (word !== undefined && /^[A-Za-z]+$/.test(word) && (this.out[this.out.length - 1]?.type === 'diff' || (this.out.length === 0 && this.nextMeaningful(a.next)?.text === '='))) {
      // `\partial \text{Loss}`, `\text{Loss} = ...`: a word right after ∂, or defined at the start, is a name.
      this.emit('name', word, t.offset, a.end);
    } else {
      this.emit('prose', this.rawText(a).trim(), t.offset, a.end);
    }
    return a.next;
  }

  /** `\mathbf{x}`, `\vec{s}`, `\mathcal{L}`: the font is dropped, the content read as usual. */
  private font(i: number): number {
    const a = this.arg(i + 1);
    if (!a) {
      this.unsupported(`\`${this.raw[i].text}\` needs an argument`, this.raw[i].offset, this.endOf(i));
      return i + 1;
    }
    const ones = this.onesVector(i, a);
    if (ones !== undefined) return ones;
    const body = BOLD_FONTS.has(this.raw[i].text.slice(1)) ? this.plainText(a) : undefined;
    const indicator = body === '1' || body === 'I' ? this.indicator(a.next) : undefined;
    if (indicator !== undefined) return indicator;
    // A bold 1 is the vector of ones; read as the number 1, a right `\nabla_x \mathbf{1}^T x = \mathbf{1}` would be ✗.
    // Only where it acts entry by entry (`\frac{\mathbf{1}}{\mathbf{s}}`, `\mathbf{1} - \mathbf{s}`) is the number the same.
    // Its length is the one its neighbours force, found when it is lowered (resolve/onesVectors.ts).
    if (body === '1' && !this.actsEntrywise(i, a.next)) {
      this.emit('name', UNSIZED_ONES, this.raw[i].offset, a.end);
      return a.next;
    }
    const before = this.out.length;
    this.run(a.from, a.to);
    // A lone name keeps the wrapper in its source text: `\mathbf{x}` is written that way.
    if (this.out.length === before + 1 && this.out[before].type === 'name') {
      const only = this.out[before];
      this.out[before] = this.make('name', only.value, this.raw[i].offset, a.end);
    }
    return a.next;
  }

  /**
   * Whether the raw tokens [from, next) stand alone as a fraction's numerator or as a term added to or taken from
   * another, where a vector of ones and the number 1 have the same value.
   */
  private actsEntrywise(from: number, next: number): boolean {
    const [before, after] = [this.raw[from - 1]?.text, this.raw[next]?.text];
    if (before === '{' && after === '}' && /^\\[dt]?frac$/.test(this.raw[from - 2]?.text ?? '')) return true;
    const termEnds = after === undefined || ['+', '-', ')', '}', '=', '&'].includes(after) || this.raw[next].type === 'rowsep';
    return termEnds && (before === '+' || before === '-' || after === '+' || after === '-');
  }

  /**
   * An indicator (Iverson bracket) after its sign at raw `i`: `\mathbb{1}[z > 0]`, `\mathbf{1}\{h \geq 0\}`,
   * `I(z > 0)`, `1\{z>0\}`, `\mathbb{1}_{z > 0}`: the comparison alone, which chainrule reads as the 0/1 mask it is
   * (the derivative of ReLU). Only a bracket or subscript holding a comparison is one; returns the raw index after
   * it, or undefined (the sign is then read as before).
   */
  private indicator(i: number): number | undefined {
    if (this.raw[i]?.text === '_') {
      const a = this.arg(i + 1);
      if (!a || !this.holdsComparison(a.from, a.to)) return undefined;
      this.emit('lparen', '(', a.start, a.start + 1);
      this.run(a.from, a.to);
      this.emit('rparen', ')', a.end - 1, a.end);
      return a.next;
    }
    let open = i;
    while (this.raw[open]?.type === 'command' && /^\\(left|big|Big|bigg|Bigg)l?$/.test(this.raw[open].text)) open++;
    const closeText = INDICATOR_BRACKETS.get(this.raw[open]?.text ?? '');
    if (closeText === undefined) return undefined;
    let close = open + 1;
    for (let depth = 0; close < this.raw.length; close++) {
      const text = this.raw[close].text;
      if (INDICATOR_BRACKETS.has(text)) depth++;
      else if (text === closeText && depth === 0) break;
      else if ([...INDICATOR_BRACKETS.values()].includes(text)) depth--;
    }
    let to = close;
    while (to > open + 1 && this.raw[to - 1].type === 'command' && /^\\(right|big|Big|bigg|Bigg)r?$/.test(this.raw[to - 1].text)) to--;
    if (close >= this.raw.length || !this.holdsComparison(open + 1, to)) return undefined;
    this.emit('lparen', '(', this.raw[open].offset, this.endOf(open));
    this.run(open + 1, to);
    this.emit('rparen', ')', this.raw[close].offset, this.endOf(close));
    return close + 1;
  }

  /** Whether raw tokens from..to hold a comparison (`>`, `\geq`) outside any bracket. */
  private holdsComparison(from: number, to: number): boolean {
    let depth = 0;
    for (let k = from; k < to; k++) {
      const text = this.raw[k].text;
      if (text === '(' || text === '[' || text === '{') depth++;
      else if (text === ')' || text === ']' || text === '}') depth--;
      else if (depth === 0 && (text === '<' || text === '>' || COMPARISON_COMMANDS.has(text.slice(1)))) return true;
    }
    return false;
  }

  /**
   * `\mathbf{1}_m`, `\bold{1_m}`, `\bm{1}_{n}^T`: the column of m ones (`ones(m, 1)`), as attention and
   * broadcasting write-ups sum rows (`X \mathbf{1}_m`) and broadcast (`x \mathbf{1}_m^T`). Only a bold 1
   * with a subscript that is one letter or word (a size); a bare `\mathbf{1}` says no size and stays a 1.
   * Returns the raw index after what it read, or undefined when the font is not a sized ones vector.
   */
  private onesVector(i: number, a: Arg): number | undefined {
    if (!BOLD_FONTS.has(this.raw[i].text.slice(1)) || this.raw[a.from]?.text !== '1') return undefined;
    // The size's subscript inside the braces (`\bold{1_m}`, what follows it read in place) or after them.
    const inside = a.to > a.from + 1;
    const bar = inside ? a.from + 1 : a.next;
    if (this.raw[bar]?.text !== '_') return undefined;
    const size = this.arg(bar + 1);
    const sizeName = size && this.plainText(size);
    if (!size || !sizeName || !/^[A-Za-z]\w*$/.test(sizeName) || (inside && size.next > a.to)) return undefined;
    const start = this.raw[i].offset;
    const end = inside ? a.end : size.end;
    // Every token covers the whole vector in the source; its own text is what it says.
    for (const [type, value] of [['fname', 'ones'], ['lparen', '('], ['name', sizeName], ['comma', ','], ['num', '1'], ['rparen', ')']] as const) {
      this.emit(type, value, start, end, { text: value });
    }
    if (!inside) return size.next;
    this.run(size.next, a.to);
    return a.next;
  }

  /** `\hat{y}` is the name yhat: an accent makes a different variable. */
  private accent(i: number): number {
    const t = this.raw[i];
    const a = this.arg(i + 1);
    const indexed = a && this.accentedEntry(t, a);
    if (indexed) return indexed;
    const before = this.out.length;
    if (a) this.run(a.from, a.to);
    const inner = this.out.splice(before);
    // `\overline{y^{'}}`: the accent marks the primed name y' (a name of its own, as the accent's is).
    const primes = inner.slice(1).reduce((n, p) => (p.type === 'prime' ? n + Number(p.value) : NaN), 0);
    if (inner.length > 1 && primes > 0 && inner[0].type === 'name') inner.splice(0, inner.length, { ...inner[0], value: inner[0].value + 'prime'.repeat(primes) });
    if (!a || inner.length !== 1 || inner[0].type !== 'name') {
      this.unsupported(`\`${t.text}\` can only mark a single name, as in \\hat{y}`, t.offset, a?.end ?? this.endOf(i));
      return a?.next ?? i + 1;
    }
    this.emit('name', normalizeName(inner[0].value + ACCENT_SUFFIX.get(t.text.slice(1))), t.offset, a.end);
    return a.next;
  }

  /**
   * `\hat{y_k}`, `\tilde{x_{ij}}`: the entry of the accented name, as `\hat{y}_k` is (the accent marks the
   * letter, not the index). The raw index after the arg, or undefined when the body is not a letter and a subscript.
   */
  private accentedEntry(t: RawToken, a: Arg): number | undefined {
    const bar = a.from + 1;
    if (a.to - a.from < 3 || this.raw[bar]?.text !== '_' || !['word', 'command'].includes(this.raw[a.from].type)) return undefined;
    const index = this.arg(bar + 1);
    if (!index || index.next !== a.to) return undefined;
    const before = this.out.length;
    this.run(a.from, bar);
    const base = this.out.splice(before);
    const text = this.subscriptIndex(index);
    if (base.length !== 1 || base[0].type !== 'name' || !text) return undefined;
    const value = normalizeName(`${base[0].value}${ACCENT_SUFFIX.get(t.text.slice(1))}_${text}`);
    this.emit('name', value, t.offset, a.end, { text: `${t.text}{${base[0].text}}_{${text}}` });
    return a.next;
  }

  /**
   * `\underbrace{a b}_{\text{label}}`, `\cancel{x}`, `\textcolor{red}{x}`: the body is read as a group
   * (its braces kept, so `c \underbrace{a + b}` is c (a + b)), the label and colour dropped. A body that
   * opens with a sign marks a term of the sum around it (`y \cancel{- y h} + ..`): it is read in place.
   */
  private keepBody(i: number): number {
    const t = this.raw[i];
    const { skip, label } = KEEP_BODY.get(t.text.slice(1))!;
    let next = i + 1;
    for (let k = 0; k < skip; k++) next = this.arg(next)?.next ?? next;
    const a = this.raw[next]?.text === '{' ? this.arg(next) : undefined;
    if (!a) {
      this.unsupported(`\`${t.text}\` needs a braced argument`, t.offset, this.endOf(i));
      return i + 1;
    }
    // Spaces are gone from `raw` (TRIVIA), so the body's first token is its first character that counts.
    const opening = this.raw[a.from];
    const signed = a.from < a.to && opening.type === 'symbol' && (opening.text === '+' || opening.text === '-');
    // `\boxed{\delta = \frac{..}{..} = ..}`: a whole equation marked, not a term, so no brackets around it.
    if (signed || this.holdsEquals(a)) this.run(a.from, a.to);
    else this.run(a.from - 1, a.to + 1);
    return label && this.raw[a.next]?.text === label ? (this.arg(a.next + 1)?.next ?? a.next + 1) : a.next;
  }

  /** Whether an argument has an `=` outside its own braces. */
  private holdsEquals(a: Arg): boolean {
    let depth = 0;
    for (let k = a.from; k < a.to; k++) {
      const text = this.raw[k].text;
      if (text === '{') depth++;
      else if (text === '}') depth--;
      else if (text === '=' && depth === 0) return true;
    }
    return false;
  }

  /**
   * `\mathbb{R}` is the reals. The other letters of sets and operators (`\mathbb{E}`, `\mathbb{1}`, `\mathbb{N}`)
   * are not read; any other body (`\mathbb{x}`, `\mathbb{\theta}`, authors' bold) is a font, as `\mathbf` is.
   */
  private blackboard(i: number): number {
    const t = this.raw[i];
    const a = this.arg(i + 1);
    const letter = a && this.plainText(a);
    const indicator = letter === '1' || letter === 'I' ? this.indicator(a!.next) : undefined;
    if (indicator !== undefined) return indicator;
    if (a && !(letter && BLACKBOARD_SETS.has(letter))) return this.font(i);
    if (letter === 'R') this.emit('reals', '\\mathbb{R}', t.offset, a!.end);
    else this.unsupported('only \\mathbb{R} is supported among blackboard letters', t.offset, a?.end ?? this.endOf(i));
    return a?.next ?? i + 1;
  }

  private environment(i: number): number {
    const t = this.raw[i];
    const a = this.arg(i + 1);
    const env = a ? this.rawText(a).replace(/\s+/g, '') : '';
    if (!a) {
      this.unsupported(`\`${t.text}\` needs an environment name`, t.offset, this.endOf(i));
      return i + 1;
    }
    if (ROW_ENVIRONMENTS.has(env)) {
      // `alignat{2}` and `alignedat{2}` take a column count.
      const count = t.text === '\\begin' && env.startsWith('align') && env.includes('at') ? this.arg(a.next) : undefined;
      return count?.next ?? a.next;
    }
    if (env === 'cases' && t.text === '\\begin') return this.cases(i, a.next);
    // `\begin{vmatrix} .. \end{vmatrix}`: the determinant of the matrix, as `\det` before a bmatrix.
    if (env === 'vmatrix') {
      if (t.text === '\\begin') this.emit('func', 'det', t.offset, a.end);
      this.emit(t.text === '\\begin' ? 'begin_matrix' : 'end_matrix', 'bmatrix', t.offset, a.end);
      return a.next;
    }
    if (MATRIX_ENVIRONMENTS.has(env)) {
      this.emit(t.text === '\\begin' ? 'begin_matrix' : 'end_matrix', env, t.offset, a.end);
      // `\\begin{array}{cc}`: the column layout says nothing about the entries.
      const columns = env === 'array' && t.text === '\\begin' ? this.arg(a.next) : undefined;
      return columns?.next ?? a.next;
    }
    this.unsupported(`the ${env} environment is not supported`, t.offset, a.end);
    return a.next;
  }

  /** `\begin{cases} .. \end{cases}`: one `aside` token over the whole environment (its rows are not statements). */
  private cases(i: number, from: number): number {
    let depth = 1;
    for (let j = from; j < this.raw.length; j++) {
      const env = this.raw[j].type === 'command' && (this.raw[j].text === '\\begin' || this.raw[j].text === '\\end') ? this.arg(j + 1) : undefined;
      if (!env || this.rawText(env).trim() !== 'cases') continue;
      depth += this.raw[j].text === '\\begin' ? 1 : -1;
      if (depth === 0) {
        const before = this.out.length;
        this.run(from, j);
        const inner = this.out.splice(before);
        const headed = this.out.filter((t) => t.type !== 'wide' && t.type !== 'prose' && t.type !== 'lbrace').pop()?.type === 'eq';
        const equations = equationList(inner, headed);
        if (equations) this.equationList(i, equations, headed, env.end);
        else {
          const cases = this.casesOfRows(inner);
          this.emit('aside', 'a case split (\\begin{cases}), whose cases are not read as claims', this.raw[i].offset, env.end, cases ? { cases } : {});
        }
        return env.next;
      }
    }
    this.unsupported('\\begin{cases} is not closed', this.raw[i].offset, this.endOf(i));
    return from;
  }

  /**
   * A brace of equations (equationLists.ts): its rows each a line of their own; a relation right before it
   * (`\frac{\partial C}{\partial A} =`) heads the list and is set aside.
   */
  private equationList(i: number, inner: Tok[], headed: boolean, end: number): void {
    const start = this.raw[i].offset;
    if (headed) this.emit('aside', 'the relation before a brace of equations (\\begin{cases}), whose rows are read one by one', start, this.endOf(i));
    this.emit('rowsep', '', start, start);
    this.out.push(...inner);
    this.emit('rowsep', '', end, end);
  }

  /** The rows of a `cases` environment as `value & condition`, read when every condition is a case of indices. */
  private casesOfRows(inner: Tok[]): Case[] | undefined {
    if (inner.some((t) => t.type === 'unsupported' && !NOT_EQUAL.has(t.text.trim()))) return undefined;
    const rows: { value: Tok[]; condition: Tok[] }[] = [];
    let value: Tok[] = [];
    let condition: Tok[] | undefined;
    for (const t of [...inner, undefined]) {
      if (t === undefined || t.type === 'rowsep') {
        if (value.length > 0 || condition) rows.push({ value, condition: condition ?? [] });
        value = [];
        condition = undefined;
      } else if (t.type === 'amp' && condition === undefined) condition = [];
      else (condition ?? value).push(t);
    }
    return casesOf(rows);
  }

  /** `^`: a transpose (`^T`, `^\top`, `^{\intercal}`), primes (`^{\prime}`), a layer index on a name (`W^{[1]}`), or a power. */
  private superscript(i: number): number {
    const caret = this.raw[i];
    const a = this.arg(i + 1);
    if (!a) {
      this.emit('caret', '^', caret.offset, caret.offset + 1);
      return i + 1;
    }
    const inner = this.raw.slice(a.from, a.to);
    const texts = inner.map((t) => t.text);
    const bare = texts.filter((s) => s !== '{' && s !== '}' && !/^\\(mathrm|mathsf|mathbf|text|rm)$/.test(s));
    // `\sigma^{}'`: an empty superscript (typed before a prime) raises nothing.
    if (texts.every((s) => s === '{' || s === '}')) return a.next;
    if (bare.length === 1 && (TRANSPOSE_MARKS.has(bare[0]) || (bare[0] === 't' && this.smallTransposes && !this.raisesNumber()))) {
      if (!this.transposeEntry(a.end)) this.emit('transpose', 'T', caret.offset, a.end);
      return a.next;
    }
    // `X^{-T}`: the transpose inverted (the inverse transposed).
    if (bare.length === 2 && bare[0] === '-' && TRANSPOSE_MARKS.has(bare[1])) {
      const at = caret.offset;
      this.emit('transpose', 'T', at, a.end);
      // Written as `^{-1}` would be, over the source of `^{-T}`.
      for (const [type, text] of [['caret', '^'], ['lbrace', '{'], ['minus', '-'], ['num', '1'], ['rbrace', '}']] as const) this.out.push({ ...this.make(type, text, at, a.end), text });
      return a.next;
    }
    if (bare.length > 0 && bare.every((s) => s === '\\prime' || s === "'")) {
      this.emit('prime', String(bare.length), caret.offset, a.end);
      return a.next;
    }
    const last = this.out[this.out.length - 1];
    // `f'^{(L)}(z)`: the derivative of layer L's activation f^{(L)}, the index written after the prime.
    const primed = this.out[this.out.length - 2];
    if (last?.type === 'prime' && last.end === caret.offset && primed?.type === 'name' && primed.end === last.start) {
      const layer = superscriptIndex(texts.join(''), primed.value);
      if (layer !== undefined) {
        this.mergeIntoName(this.out.length - 2, layer, a.end);
        return a.next;
      }
    }
    // `W^{(2)T}`, `W^{[1]\top}`: a bracketed layer index and a transpose in one superscript, layer 2's W transposed.
    const mark = texts.length > 1 && TRANSPOSE_MARKS.has(texts[texts.length - 1]) ? texts.slice(0, -1).join('') : undefined;
    const layer = mark !== undefined && /^(?:[([<]|\\lt|\\langle)/.test(mark) && last?.type === 'name' && last.end === caret.offset ? superscriptIndex(mark, last.value) : undefined;
    if (layer !== undefined) {
      this.mergeIntoName(this.out.length - 1, layer, a.end);
      this.emit('transpose', 'T', caret.offset, a.end);
      return a.next;
    }
    // `e^{(x)}` stays a power: e is Euler's number far more often than a layer-indexed name; `e^{<t>}` is a time step.
    const timeStep = /^(?:<|\\lt|\\langle)/.test(texts.join(''));
    const index = last?.type === 'name' && (last.value !== 'e' || timeStep) && last.end === caret.offset ? superscriptIndex(texts.join(''), last.value) ?? this.layerNumber(texts, last.value) : undefined;
    if (index !== undefined) {
      const before = raisedBeforeSubscript(last.value, last.text, index, this.pos.text.slice(caret.offset, a.end));
      if (before) this.out[this.out.length - 1] = { ...this.make('name', before.value, last.start, a.end), text: before.text };
      else this.mergeIntoName(this.out.length - 1, index, a.end, `^{${texts.filter((s) => s !== '{' && s !== '}').join('')}}`);
      return a.next;
    }
    this.emit('caret', '^', caret.offset, caret.offset + 1);
    return i + 1;
  }

  /** Whether the last token read is e or a number, whose superscript is a power (`e^t`, `2^t`). */
  private raisesNumber(): boolean {
    const last = this.out[this.out.length - 1];
    return last?.type === 'num' || (last?.type === 'name' && last.value === 'e');
  }

  /** `2` of `w^2` where the document numbers w's layers so (numberedLayers.ts). */
  private layerNumber(texts: readonly string[], base: string): string | undefined {
    const digit = /^\{?([0-9])\}?$/.exec(texts.join(''));
    return digit && this.layered.has(base) ? digit[1] : undefined;
  }

  /**
   * The index a subscript names: letters and digits (`W_{1}`, `x_{ij}`), a sample `(i)`, a step `t+1` (→ tp1),
   * a name of a unit (`a_{h_1}`, the activation of unit h1, → h1).
   */
  private subscriptIndex(a: Arg): string | undefined {
    const plain = this.plainText(a);
    if (plain) return plain;
    const text = this.raw.slice(a.from, a.to).map((t) => t.text).join('');
    const sample = /^\(([a-zA-Z0-9]+)\)$/.exec(text);
    const unit = /^([a-zA-Z]+)_\{?([a-zA-Z0-9]+)\}?$/.exec(text);
    // `\delta_{W^{(3)}}`, the error signal of W^{(3)}: a name with its layer is one index, as the name alone is (W3).
    const layered = /^([a-zA-Z]+)\^(?:\{(.+)\}|(.))$/.exec(text);
    const layer = layered ? superscriptIndex(layered[2] ?? layered[3], layered[1]) : undefined;
    return sample ? sample[1] : unit ? unit[1] + unit[2] : layer !== undefined ? layered![1] + layer : stepIndex(text);
  }

  /**
   * `X_{jk}^T`, `(BA)_{pq}^T`: a transpose mark on an entry at two index letters means the entry of the
   * transpose (a number has no transpose of its own), so the indices are exchanged.
   */
  private transposeEntry(end: number): boolean {
    const last = this.out[this.out.length - 1];
    if (last?.type === 'entry' && last.value.length === 2) {
      this.out[this.out.length - 1] = { ...this.make('entry', [...last.value].reverse().join(''), last.start, end) };
      return true;
    }
    const written = last?.type === 'name' ? writtenEntry(last.text) : undefined;
    if (!written || !last.value.endsWith(written.indices.join(''))) return false;
    this.swappedEntry(this.out.length - 1, last.value.slice(0, -2), written.base, written.indices, end);
    return true;
  }

  private pairedBars?: boolean;

  /** Every `|` of the block stands next to another (`||w||`): each pair is a norm's bar, never two absolute values. */
  private barsPaired(): boolean {
    if (this.pairedBars === undefined) {
      const bars = this.raw.flatMap((t, k) => (t.type === 'symbol' && t.text === '|' ? [k] : []));
      let k = 0;
      while (k + 1 < bars.length && bars[k + 1] === bars[k] + 1 && this.raw[bars[k + 1]].offset === this.raw[bars[k]].offset + 1) k += 2;
      this.pairedBars = bars.length > 0 && k === bars.length;
    }
    return this.pairedBars;
  }

  /** The tokens end in a closing norm bar raised to a number: `\|x\|^2`, `\|x\|^{2}`. */
  private afterNormPower(): boolean {
    const caret = this.out.map((t) => t.type).lastIndexOf('caret');
    const power = this.out.slice(caret + 1).map((t) => t.type).join(' ');
    return caret > 0 && this.out[caret - 1].type === 'dbar' && (power === 'num' || power === 'lbrace num rbrace');
  }

  /**
   * `\|x\|_1` just closed: its bars become `sum(abs(` .. `))`, the sum of the entries' absolute values. False (nothing
   * changed) where the opening bar is not found.
   */
  private l1Norm(): boolean {
    const close = this.out.length - 1;
    const open = this.out.slice(0, close).map((t) => t.type).lastIndexOf('dbar');
    if (open < 0) return false;
    const [o, c] = [this.out[open], this.out[close]];
    const opening = [this.make('fname', 'sum', o.start, o.start), this.make('lparen', '(', o.start, o.start), this.make('fname', 'abs', o.start, o.start), this.make('lparen', '(', o.start, o.end)];
    const closing = [this.make('rparen', ')', c.start, c.end), this.make('rparen', ')', c.end, c.end)];
    this.out.splice(close, 1, ...closing);
    this.out.splice(open, 1, ...opening);
    return true;
  }

  /** `_`: an index that becomes part of the name before it (`W_{1}` is W1, `w_j` is wj). */
  private subscript(i: number): number {
    const bar = this.raw[i];
    const a = this.plain ? this.plainArg(i + 1) : this.arg(i + 1);
    const last = this.out[this.out.length - 1];
    if (a && last?.type === 'bar') return this.evaluationBar(a, bar.offset);
    // `\|x\|_2`, `\|W\|_F`: the Euclidean (Frobenius) norm is the norm chainrule knows; others are not. Its subscript
    // may follow its power, `\|x\|^2_2`, as TeX sets `^2_2` and `_2^2` alike.
    if (a && (last?.type === 'dbar' || this.afterNormPower())) {
      const which = this.plainText(a);
      if (which === '1' && last?.type === 'dbar' && this.l1Norm()) return a.next;
      if (which !== '2' && which !== 'F') this.unsupported('only the Euclidean norm (‖x‖₂) and ‖x‖₁ are supported', bar.offset, a.end);
      return a.next;
    }
    if (a && last?.type === 'name' && last.value === 'J' && last.end === bar.offset && this.composition(a)) return a.next;
    const text = a ? this.subscriptIndex(a) : undefined;
    if (!a || text === undefined || text === '') {
      this.unsupported('a subscript can only be an index of letters and digits, as in W_{1} or x_i', bar.offset, a?.end ?? bar.offset + 1);
      return a?.next ?? i + 1;
    }
    // `{Z}_h`, `{\mathbf{Z}}_h`: braces around one name group nothing; the index is the name's.
    const n = this.out.length;
    if (last?.type === 'rbrace' && this.out[n - 2]?.type === 'name' && this.out[n - 3]?.type === 'lbrace') this.out.splice(n - 3, 3, this.out[n - 2]);
    // `\theta{_k}`: the subscript alone in braces after the name.
    const braced = last?.type === 'lbrace' && this.out[n - 2]?.type === 'name' && this.raw[a.next]?.text === '}';
    if (braced) {
      this.out.pop();
      this.mergeIntoName(this.out.length - 1, text, a.end);
      return a.next + 1;
    }
    const entry = entryIndices(text);
    // `X^T_{jk}`: entry (j, k) of X^T, which is X_{kj}.
    if (entry?.length === 2 && last?.type === 'transpose' && this.out[n - 2]?.type === 'name') {
      this.out.pop();
      const name = this.out[this.out.length - 1];
      this.swappedEntry(this.out.length - 1, name.value, name.text, entry, a.end);
      return a.next;
    }
    // `W^T_2` is W_2 transposed: the index goes to the name before the transpose.
    const end = this.out[this.out.length - 1];
    const at = end?.type === 'transpose' && this.out[this.out.length - 2]?.type === 'name' ? this.out.length - 2 : this.out.length - 1;
    // `C_{jk} (P^T)_{ik}`: a name that is itself an entry is a factor before the bracket, not a function.
    const call = this.calleeBefore();
    const factor = call !== undefined && writtenEntry(this.out[call].text) !== undefined;
    if (this.out[at]?.type !== 'name' && call !== undefined && !factor) {
      // `\text{Softmax}(\mathbf{z})_i`, `f(x)_k`: an entry of the call's value, written as `softmax_i(z)` is.
      const head = this.out[call];
      const value = normalizeName(`${head.value}_${text}`);
      this.out[call] = { ...head, type: 'name', value, text: `${head.value}_{${text}}` };
      return a.next;
    }
    if (entry && this.entryOfBracket(entry, bar.offset, a.end)) return a.next;
    if (this.out[at]?.type !== 'name') {
      this.unsupported('a subscript must follow a name', bar.offset, a.end);
      return a.next;
    }
    this.mergeIntoName(at, text, a.end);
    return a.next;
  }

  /**
   * `\Big|_{x=2}`, `\right|_{x = 1, y = 0}`: the bar before the subscript and the point become one `evalat`
   * token (rows.ts gives the point to the row's claim).
   */
  private evaluationBar(a: Arg, underscore: number): number {
    const before = this.out.length;
    this.run(a.from, a.to);
    const at = pointOf(this.out.splice(before));
    const bar = this.out[this.out.length - 1];
    if (at) {
      this.out.pop();
      this.emit('evalat', '|', bar.start, a.end, { at });
    } else this.unsupported('an evaluation bar needs a point with numbers, as in \\Big|_{x=2}', underscore, a.end);
    return a.next;
  }

  /** `J_{F \circ G}`: the Jacobian of a composition, one name `JFG` whose text documents.ts reads (jacobians.ts). */
  private composition(a: Arg): boolean {
    const parts = this.raw.slice(a.from, a.to);
    const isCirc = (t: RawToken) => t.text === '\\circ' || t.text === '∘';
    const isPart = (t: RawToken) => (t.type === 'word' && /^[A-Za-z]$/.test(t.text)) || (t.type === 'command' && GREEK_COMMANDS.has(t.text.slice(1)));
    if (parts.length < 3 || !parts.every((t, k) => (k % 2 === 0 ? isPart(t) : isCirc(t))) || parts.length % 2 === 0) return false;
    const j = this.out.pop()!;
    const names = parts.filter((_, k) => k % 2 === 0).map((t) => t.text.replace(/^\\/, ''));
    this.emit('name', `J${names.join('')}`, j.start, a.end);
    return true;
  }

  /**
   * `(BA)_{qp}`, `\right)_{ij}`, `(XB + BX)^T_{pq}`: a subscript of index letters after a closing bracket is an
   * entry of the bracket's value; after a transpose of it, the entry of the transpose (the indices exchanged).
   */
  private entryOfBracket(indices: string[], start: number, end: number): boolean {
    const last = this.out[this.out.length - 1];
    const transposed = last?.type === 'transpose';
    const closing = transposed ? this.out[this.out.length - 2] : last;
    if (closing?.type !== 'rparen' && closing?.type !== 'rbrack') return false;
    // `\left(y_{i}\right)_{t}`: entry t of sample i needs an axis per index, more than an entry of an array has.
    const inside = this.bracketBefore(this.out.length - (transposed ? 2 : 1));
    if (inside.some((t) => t.type === 'sum' || (t.type === 'name' && subscriptLetters(t.text) !== undefined))) {
      this.unsupported('an entry of a bracket that is itself written with indices is not supported', start, end);
      return true;
    }
    // `\left(\frac{\partial f}{\partial x}\right)_{ij}` defines the notation of a Jacobian's entries; it states no step to check.
    if (inside.some((t) => t.type === 'diff')) {
      this.unsupported('an entry of a derivative in brackets is notation for its entries, not a step that can be checked', start, end);
      return true;
    }
    if (transposed) this.out.pop();
    this.emit('entry', (transposed ? [...indices].reverse() : indices).join(''), transposed ? last.start : start, end);
    return true;
  }

  /** The output tokens inside the bracket that the token at `close` closes. */
  private bracketBefore(close: number): Tok[] {
    let depth = 0;
    for (let k = close; k >= 0; k--) {
      const type = this.out[k].type;
      if (type === 'rparen' || type === 'rbrack') depth++;
      else if ((type === 'lparen' || type === 'lbrack') && --depth === 0) return this.out.slice(k + 1, close);
    }
    return [];
  }

  /** The name at `index` (written `baseText`, normalised `base`) becomes its entry at (second, first): X^T_{jk} is X_{kj}. */
  private swappedEntry(index: number, base: string, baseText: string, [first, second]: string[], end: number): void {
    const name = this.out[index];
    this.out[index] = { ...this.make('name', normalizeName(`${base}_${second}${first}`), name.start, end), text: `${baseText}_{${second}${first}}` };
  }

  /** Whether the raw tokens from..to-1 are one parenthesised group, `( ... )`. */
  private parenthesised(from: number, to: number): boolean {
    if (this.raw[from]?.text !== '(' || this.raw[to - 1]?.text !== ')') return false;
    let depth = 0;
    for (let k = from; k < to; k++) {
      const text = this.raw[k].type === 'symbol' ? this.raw[k].text : '';
      if (text === '(') depth++;
      else if (text === ')' && --depth === 0 && k < to - 1) return false;
    }
    return depth === 0;
  }

  /** The index of the function name of a call that the output ends with (`f(x)`, `\sigma(z)`), if it does. */
  private calleeBefore(): number | undefined {
    let depth = 0;
    for (let k = this.out.length - 1; k >= 0; k--) {
      const t = this.out[k];
      if (t.type === 'rparen') depth++;
      else if (t.type === 'lparen' && --depth === 0) {
        const head = this.out[k - 1];
        return k === this.out.length - 1 || !head || (head.type !== 'name' && head.type !== 'fname') ? undefined : k - 1;
      }
      if (depth === 0) return undefined;
    }
    return undefined;
  }

  private mergeIntoName(index: number, suffix: string, end: number, script?: string): void {
    const name = this.out[index];
    const merged = this.make('name', normalizeName(`${name.value}_${suffix}`), name.start, index === this.out.length - 1 ? end : name.end);
    // A superscript a macro wrote (`\newcommand{\toi}{^{(i)}}`, `y\toi`) is not in the source: the text says it as read.
    if (script && !merged.text.includes('^')) merged.text = name.text + script;
    this.out[index] = merged;
  }

  /** `\sum_{i=1}^{m}`: one token, read as sum(summand); lowering reads it as an index sum where it is one. */
  private sum(i: number, start: number): number {
    let j = i + 1;
    let end = this.endOf(i);
    const bounds: Partial<Record<'_' | '^', Arg>> = {};
    // `\sum\limits_{j=1}^{n}` places the bounds; it changes nothing that is read.
    while (this.raw[j]?.text === '\\limits' || this.raw[j]?.text === '\\nolimits') j++;
    while (this.raw[j]?.text === '_' || this.raw[j]?.text === '^') {
      const a = this.arg(j + 1);
      if (!a) break;
      bounds[this.raw[j].text as '_' | '^'] = a;
      end = a.end;
      j = a.next;
    }
    // `\sum\limits_{j=1}^{n}`, `\sum _{j=1}^n`: neither `\limits` nor a space changes the sign.
    const text = this.pos.text.slice(start, end).replace(/\s*\\(?:no)?limits\s*/g, '').replace(/\s+(?=[_^])/g, '');
    const except = bounds._ && this.exclusion(bounds._, bounds['^']);
    this.emit('sum', text, start, end, except ? { except } : {});
    return j;
  }

  /** `\sum_{k \neq i}`: the sum over k but for k = i (the sign without the exclusion is `\sum_{k}`). */
  private exclusion(lower: Arg, upper: Arg | undefined): Tok['except'] {
    const [k, neq, excluded, ...rest] = this.raw.slice(lower.from, lower.to);
    const isLetter = (t: RawToken | undefined) => t?.type === 'word' && /^[a-z]$/.test(t.text);
    if (rest.length > 0 || !isLetter(k) || !isLetter(excluded) || !['\\neq', '\\ne', '≠'].includes(neq.text)) return undefined;
    return { index: k.text, excluded: excluded.text, sign: `\\sum_{${k.text}}${upper ? `^{${this.rawText(upper)}}` : ''}` };
  }

  /**
   * `\langle a, b \rangle`: the inner product of a and b, read as dot(a, b), the sum of their entries' products
   * (Euclidean for vectors, Frobenius for matrices; of two numbers, resolve/innerProducts.ts). No script after it:
   * a weighted product `\langle a, b \rangle_W` is the author's own, read only as the document defines it
   * (`weightedProduct`), and `\langle x \rangle` is no inner product. Three or more entries, `\nabla f = \langle yz,
   * xz, xy \rangle`, are no inner product: calculus texts write a vector's components so, read as the tuple
   * `(yz, xz, xy)` is (tuples.ts).
   */
  private innerProduct(i: number, start: number): number {
    const parts = this.angleParts(i);
    const weight = parts?.commas.length === 1 && this.raw[parts.close + 1]?.text === '_' ? this.arg(parts.close + 2) : undefined;
    const definition = weight && this.weighted.get(weightKey(this.rawText(weight)));
    if (parts && weight && definition) return this.weightedProduct(i, { comma: parts.commas[0], close: parts.close }, weight, definition, start);
    if (!parts || /^[_^]$/.test(this.raw[parts.close + 1]?.text ?? '')) {
      this.unsupported(ANGLE_REASON, start, this.endOf(i));
      return i + 1;
    }
    const { commas, close } = parts;
    if (commas.length === 1) this.emit('fname', 'dot', start, this.endOf(i));
    this.emit('lparen', '(', start, this.endOf(i));
    let from = i + 1;
    for (const comma of commas) {
      this.run(from, comma);
      this.emit('comma', ',', this.raw[comma].offset, this.endOf(comma));
      from = comma + 1;
    }
    this.run(from, close);
    this.emit('rparen', ')', this.raw[close].offset, this.endOf(close));
    return close + 1;
  }

  /** `D_\mathbf{u} f(2, 1)`: the inner product of the gradient at the point with the direction (directionalDerivatives.ts). */
  private directionalDerivative(i: number, d: DirectionalDerivative): number {
    const start = this.raw[i].offset;
    this.emit('fname', 'dot', start, this.endOf(i));
    this.emit('lparen', '(', start, this.endOf(i));
    this.emit('grad', '\\nabla', start, this.endOf(i));
    this.run(d.fn.from, d.fn.to);
    this.emit('comma', ',', start, this.endOf(i));
    this.run(d.direction.from, d.direction.to);
    this.emit('rparen', ')', start, this.endOf(i));
    return d.next;
  }

  /** `\langle u, v \rangle_W` of a product the document defines as `a^T W b`: `((u)^T W (v))`, so a script after it is the whole product's. */
  private weightedProduct(i: number, { comma, close }: { comma: number; close: number }, weight: Arg, definition: WeightedProduct, start: number): number {
    const sides: [number, number][] = [[i + 1, comma], [comma + 1, close]];
    const end = weight.end;
    const written = sides.map(([from, to]) => this.raw.slice(from, to).map((t) => t.text).join(''));
    if (written[0] === definition.sides[0] && written[1] === definition.sides[1]) {
      this.emit('aside', `the definition of the weighted inner product ${this.pos.text.slice(start, end)}`, start, end);
      return weight.next;
    }
    const [left, right] = definition.swapped ? [sides[1], sides[0]] : sides;
    this.emit('lparen', '(', start, end);
    this.emit('lparen', '(', start, end);
    this.run(left[0], left[1]);
    this.emit('rparen', ')', start, end);
    this.emit('transpose', 'T', start, end);
    this.run(weight.from, weight.to);
    this.emit('lparen', '(', start, end);
    this.run(right[0], right[1]);
    this.emit('rparen', ')', start, end);
    this.emit('rparen', ')', start, end);
    return weight.next;
  }

  /** The `\rangle` closing the `\langle` at `i` and the commas at their level, if there is at least one. */
  private angleParts(i: number): { commas: number[]; close: number } | undefined {
    let depth = 0;
    const commas: number[] = [];
    for (let j = i + 1; j < this.raw.length; j++) {
      const text = this.raw[j].text;
      if (/^(?:[{([]|\\langle)$/.test(text)) depth++;
      else if (/^(?:[})\]]|\\rangle)$/.test(text)) {
        if (depth === 0) return text === '\\rangle' && commas.length > 0 ? { commas, close: j } : undefined;
        depth--;
      } else if (text === ',' && depth === 0) commas.push(j);
    }
    return undefined;
  }

  /** `\nabla_{W} L`: the gradient operator; its subscript is the variable. Bare, before a call (`\nabla f(x, y)`), it is `grad`. */
  private nabla(i: number, start: number): number {
    // `\nabla^2_x f`: the Hessian with its order typed before its variable, read as `\nabla_x^2 f` (higherOrder.ts).
    const order = this.raw[i + 1]?.text === '^' ? this.arg(i + 2) : undefined;
    const numeric = order !== undefined && order.to === order.from + 1 && this.raw[order.from].type === 'number';
    const sub = numeric ? order.next : i + 1;
    if (this.raw[sub]?.text !== '_') {
      this.emit('grad', '\\nabla', start, this.endOf(i));
      return i + 1;
    }
    const a = this.arg(sub + 1);
    const before = this.out.length;
    if (a) this.run(a.from, a.to);
    const inner = this.out.splice(before);
    // `\overline{y^{'}}`: the accent marks the primed name y' (a name of its own, as the accent's is).
    const primes = inner.slice(1).reduce((n, p) => (p.type === 'prime' ? n + Number(p.value) : NaN), 0);
    if (inner.length > 1 && primes > 0 && inner[0].type === 'name') inner.splice(0, inner.length, { ...inner[0], value: inner[0].value + 'prime'.repeat(primes) });
    if (!a || inner.length !== 1 || inner[0].type !== 'name') {
      this.unsupported(`write the ${/^\\part/.test(this.raw[i].text) ? 'derivative' : 'gradient'} with its variable, as in ${this.raw[i].text}_{W} L`, start, a?.end ?? this.endOf(i));
      return a?.next ?? i + 1;
    }
    this.emit('nabla', this.raw[i].text, start, a.end, { wrt: inner[0] });
    if (numeric) {
      this.emit('caret', '^', this.raw[i + 1].offset, this.endOf(i + 1));
      this.run(order.from, order.to);
    }
    return a.next;
  }
}

/**
 * A superscript that indexes the name before it rather than raising it to a power: a bracketed index
 * (`W^{[1]}`, `a^{(l-1)}`), a layer `L`, `l`, `L-1`, `l+1`, `L-2` (`W^L`, `a^{L-1}`), or a sample index on a
 * capital name (`C^n`, `L^i`: a per-sample cost; `x^n` stays a power). The index as a name suffix
 * (`-` → m, `+` → p, so `a^{L-1}` is aLm1).
 */
/** A subscript of one or two distinct index letters (`qp`, `q,p`, `t`): the indices of an entry. */
function entryIndices(text: string): string[] | undefined {
  const letters = [...text.replace(/,/g, '')];
  const distinct = new Set(letters).size === letters.length;
  return letters.length >= 1 && letters.length <= 2 && distinct && letters.every((l) => INDEX_LETTERS.includes(l)) ? letters : undefined;
}

/** The index letters a written name ends with as its subscript (`y_{i}`, `W_{ij}`), if it does. */
function subscriptLetters(text: string): string[] | undefined {
  const m = /_\{?([a-z](?:,?[a-z])?)\}?$/.exec(text);
  return m ? entryIndices(m[1]) : undefined;
}

/** A name written as an entry at two index letters (`X_{jk}`, `\mathbf{W}_{i,j}`): its base as written and the letters. */
function writtenEntry(text: string): { base: string; indices: string[] } | undefined {
  const indices = subscriptLetters(text);
  return indices?.length === 2 ? { base: text.slice(0, text.lastIndexOf('_')), indices } : undefined;
}

function superscriptIndex(written: string, base: string): string | undefined {
  // `a^{<t>}` (also `a^{\lt t \gt}`, `a^{\langle t \rangle}`): the time step of a sequence model, written as layers are.
  const text = written.replace(/\\lt|\\langle/g, '<').replace(/\\gt|\\rangle/g, '>');
  // `w^*`, `t^{\star}_1`: an optimum or a target, a name of its own.
  if (/^\{?(\*|\\star|\\ast)\}?$/.test(text)) return 'star';
  // `\delta_x^{\text{(from y)}}`, `W^{\text{new}}`: a word of prose raised on a name labels a part or a version of the
  // quantity, a name of its own (one letter, `^{\mathrm{T}}`, stays a transpose).
  const label = /^\\(?:text|textrm|mathrm)\{\(?([A-Za-z][A-Za-z0-9 ]*?)\)?\}$/.exec(text.trim());
  if (label && label[1].replace(/\s+/g, '').length >= 2) return label[1].replace(/\s+/g, '');
  const bracketed = /^[([<]([a-zA-Z0-9]+(?:[+-][a-zA-Z0-9]+)?)[)\]>]$/.exec(text);
  const index = bracketed?.[1] ?? (/^[Ll](?:[+-][12])?$/.test(text) || (/^[iknt]$/.test(text) && /^\p{Lu}/u.test(base)) ? text : undefined);
  return index?.replace('-', 'm').replace('+', 'p');
}

/** A time or layer step as a subscript: `w_{t+1}` → tp1, `a_{l-1}` → lm1. */
function stepIndex(text: string): string | undefined {
  const m = /^([a-zA-Z])([+-])([0-9])$/.exec(text);
  return m ? `${m[1]}${m[2] === '+' ? 'p' : 'm'}${m[3]}` : undefined;
}

/**
 * The point of an evaluation bar: `x = 2`, `x_1 = 1, x_2 = -1` (grammar tokens), or a tuple `(1, 2)`, whose
 * values are bound in order to the variables of the claim's function (POSITIONAL names; src/latex/tuplePoints.ts).
 */
function pointOf(tokens: readonly Tok[]): AtBinding[] | undefined {
  return tuplePoint(tokens) ?? namedPoint(tokens);
}

function tuplePoint(tokens: readonly Tok[]): AtBinding[] | undefined {
  if (tokens[0]?.type !== 'lparen' || tokens[tokens.length - 1]?.type !== 'rparen') return undefined;
  const out = positionalValues(tokens.slice(1, -1));
  return out && out.length > 1 ? out : undefined;
}

function namedPoint(tokens: readonly Tok[]): AtBinding[] | undefined {
  const out: AtBinding[] = [];
  for (let k = 0; k < tokens.length; k++) {
    const [name, eq, second] = tokens.slice(k, k + 3);
    const minus = second?.type === 'minus' ? second : null;
    const value = minus ? tokens[k + 3] : second;
    if (name?.type !== 'name' || eq?.type !== 'eq' || value?.type !== 'num') return undefined;
    out.push(binding(name, eq, minus, value));
    k += minus ? 4 : 3;
    if (k < tokens.length && tokens[k].type !== 'comma') return undefined;
  }
  return out.length > 0 ? out : undefined;
}

/** Commands whose arguments are single characters when not braced, as in TeX. */
const TWO_ARGUMENTS = new Set(['\\frac', '\\dfrac', '\\tfrac', '\\cfrac']);

function argumentCount(t: RawToken): number {
  if (t.type === 'symbol' && (t.text === '^' || t.text === '_')) return 1;
  return t.type === 'command' && TWO_ARGUMENTS.has(t.text) ? 2 : 0;
}

/**
 * TeX reads an unbraced argument as one character: `x^23` is x²·3, `W_12` is W₁·2, `\frac12` is ½.
 * Split numbers and words so that every unbraced argument of `^`, `_` and `\frac` is one token.
 */
function splitSingleArguments(raw: RawToken[]): RawToken[] {
  const out = raw.slice();
  for (let i = 0; i < out.length; i++) {
    let j = i + 1;
    for (let k = argumentCount(out[i]); k > 0 && j < out.length; k--, j++) {
      const a = out[j];
      if (a.type === 'symbol' && a.text === '{') j = closingBrace(out, j) ?? out.length;
      else if ((a.type === 'number' || a.type === 'word') && a.text.length > 1) {
        out.splice(j, 1, { ...a, text: a.text[0] }, { ...a, text: a.text.slice(1), offset: a.offset + 1 });
      }
    }
  }
  return out;
}

/**
 * Plain TeX's fractions: `{a \over b}` is `\frac{a}{b}`. The braces around `\over` hold the fraction; a
 * `\over` in no group covers the whole maths, but only where no `=` is beside it to say where it stops.
 */
function overAsFrac(raw: RawToken[]): RawToken[] {
  const out = raw.slice();
  for (let i = 0; i < out.length; i++) {
    if (out[i].type !== 'command' || out[i].text !== '\\over') continue;
    const at = out[i].offset;
    const brace = (text: string): RawToken => ({ type: 'symbol', text, offset: at });
    const open = openingBrace(out, i);
    const close = open === undefined ? undefined : closingBrace(out, open);
    if (open !== undefined && close !== undefined) {
      out.splice(i, 1, brace('}'), brace('{'));
      out.splice(open, 0, { type: 'command', text: '\\frac', offset: out[open].offset });
    } else if (!out.some((t) => t.type === 'symbol' && t.text === '=')) {
      out.splice(i, 1, brace('}'), brace('{'));
      out.unshift({ type: 'command', text: '\\frac', offset: 0 }, { type: 'symbol', text: '{', offset: 0 });
      out.push({ type: 'symbol', text: '}', offset: at });
    }
  }
  return out;
}

/** Index of the `{` not closed before `at`, if any. */
function openingBrace(tokens: readonly RawToken[], at: number): number | undefined {
  let depth = 0;
  for (let j = at - 1; j >= 0; j--) {
    if (tokens[j].type !== 'symbol') continue;
    if (tokens[j].text === '}') depth++;
    else if (tokens[j].text === '{' && depth-- === 0) return j;
  }
  return undefined;
}

/** Index of the `}` that closes the `{` at `open`, if it is closed. */
function closingBrace(tokens: readonly RawToken[], open: number): number | undefined {
  return closingRaw(tokens, open, '{', '}');
}

function closingParen(tokens: readonly RawToken[], open: number): number | undefined {
  return closingRaw(tokens, open, '(', ')');
}

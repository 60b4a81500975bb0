// A fast path for the commonest statements: equations, declarations with a shape, continuation lines and
// bare expressions. Earley parsing (nearley) costs most of a statement's parse; these statements are read
// here by recursive descent over grammar/chainrule.ne's own rules, calling its builders (build.ts) with the
// same tokens in the same nesting as its postprocessors, so the result is the one nearley gives
// (test/syntax/fastParse.test.ts compares the two on every fixture statement and on generated ones).
// Anything else, a rarer form or a statement that does not parse, gets undefined: nearley, the grammar of
// record, reads it and words the error.
import type { Expr, NameRef, ShapeSpec } from './ast';
import * as B from './build';
import type { Token, TokenType } from './lexer';
import type { StatementKind } from './prepare';

/** Thrown inside the reader when the statement leaves what it reads; a plain object, so no stack is taken. */
const NOT_HERE = { notHere: true };

const CMP_OPS: ReadonlySet<TokenType> = new Set<TokenType>(['gt', 'lt', 'ge', 'le']);
const MUL_OPS: ReadonlySet<TokenType> = new Set<TokenType>(['star', 'cdot', 'atop', 'hadamard', 'slash', 'ediv']);
/** The tokens a `Power` starts with: the right operand of a juxtaposition. */
const POWER_START: ReadonlySet<TokenType> = new Set<TokenType>(['dop', 'number', 'ident', 'dfrac', 'lparen', 'lbracket', 'call', 'primecall', 'dnum', 'dfraccall']);
const DOMAINS: ReadonlySet<string> = new Set(['positive', 'nonnegative', 'binary', 'onehot', 'probability', 'simplex', 'symmetric']);

/**
 * The statement of `kind` read from its prepared tokens (src/syntax/prepare.ts; no start marker), as
 * nearley's `Main` rule would give it, or undefined when this reader leaves it to nearley.
 */
export function fastParse(kind: StatementKind, tokens: readonly Token[]): B.RawStatement | undefined {
  if (kind !== 'expr' && kind !== 'stmt' && kind !== 'cont') return undefined;
  const reader = new Reader(tokens);
  try {
    const raw = kind === 'expr' ? { kind: 'expr' as const, expr: reader.expr() } : kind === 'cont' ? reader.continuation() : reader.statement();
    return reader.atEnd() ? raw : undefined;
  } catch (err) {
    if (err === NOT_HERE) return undefined;
    throw err;
  }
}

class Reader {
  private i = 0;

  constructor(private readonly tokens: readonly Token[]) {}

  atEnd(): boolean {
    return this.i === this.tokens.length;
  }

  private peek(ahead = 0): Token | undefined {
    return this.tokens[this.i + ahead];
  }

  private is(type: TokenType): boolean {
    return this.tokens[this.i]?.type === type;
  }

  private next(): Token {
    const t = this.tokens[this.i++];
    if (!t) throw NOT_HERE;
    return t;
  }

  private take(type: TokenType): Token {
    const t = this.next();
    if (t.type !== type) throw NOT_HERE;
    return t;
  }

  // ---- statements

  /** `Decl` (names with a shape) or `Equation`: a name list before `:` or `∈` is a declaration. */
  statement(): B.RawStatement {
    const second = this.peek(1)?.type;
    if (this.is('ident') && (second === 'comma' || second === 'colon' || second === 'kw_in')) return this.declaration();
    const lhs = this.expr();
    const rhs = this.chain();
    const shapeClaim = this.shapeClaim();
    return shapeClaim ? { kind: 'equation', lhs, rhs, shapeClaim } : { kind: 'equation', lhs, rhs };
  }

  continuation(): B.RawStatement {
    const rhs = this.chain();
    return { kind: 'cont', rhs, shapeClaim: this.shapeClaim() };
  }

  private declaration(): B.RawStatement {
    const names: NameRef[] = [B.nameRef(this.take('ident'))];
    while (this.is('comma')) {
      this.next();
      names.push(B.nameRef(this.take('ident')));
    }
    const sign = this.next().type;
    if (sign !== 'colon' && sign !== 'kw_in') throw NOT_HERE;
    const shape = sign === 'colon' ? this.shape() : this.rShape();
    if (this.atEnd()) return { kind: 'decl', names, shape };
    const word = this.next();
    if (!DOMAINS.has(word.text)) throw NOT_HERE;
    return { kind: 'decl', names, shape, domain: B.domain(word) };
  }

  /** `Chain`: one or more `= Expr` (or `≈ Expr`). */
  private chain(): Expr[] {
    const rhs: Expr[] = [];
    do {
      const op = this.next().type;
      if (op !== 'eq' && op !== 'approx') throw NOT_HERE;
      rhs.push(this.expr());
    } while (this.is('eq') || this.is('approx'));
    return rhs;
  }

  /** `ShapeClaim:?`, at the end of an equation or continuation. */
  private shapeClaim(): ShapeSpec | undefined {
    if (!this.is('kw_in') && !this.is('colon')) return undefined;
    return this.next().type === 'kw_in' ? this.rShape() : this.shape();
  }

  // ---- shapes

  /** `Shape`: `M x N` (any two dims), `scalar`, or an `RShape`. */
  private shape(): ShapeSpec {
    const first = this.peek();
    if (first && isDim(first) && isSep(this.peek(1))) {
      this.i += 2;
      const last = this.dim();
      return B.shape(B.dim(first), B.dim(last), first, last);
    }
    if (first?.text !== 'scalar') return this.rShape();
    this.next();
    return B.shape(1, 1, first, first);
  }

  /** `RShape`: `R`, `R^n`, `R^(n)`, `R^(M x N)`. */
  private rShape(): ShapeSpec {
    const reals = this.next();
    if (!(reals.text === 'R' || reals.text === 'ℝ' || reals.type === 'reals')) throw NOT_HERE;
    if (!this.is('caret')) return B.shape(1, 1, reals, reals);
    this.next();
    if (!this.is('lparen') && !this.is('lbrace')) {
      const dim = this.dim();
      return B.shape(B.dim(dim), 1, reals, dim);
    }
    this.next();
    const rows = this.dim();
    if (isSep(this.peek())) {
      this.next();
      const cols = this.dim();
      return B.shape(B.dim(rows), B.dim(cols), reals, this.close());
    }
    return B.shape(B.dim(rows), 1, reals, this.close());
  }

  private dim(): Token {
    const t = this.next();
    if (!isDim(t)) throw NOT_HERE;
    return t;
  }

  private close(): Token {
    const t = this.next();
    if (t.type !== 'rparen' && t.type !== 'rbrace') throw NOT_HERE;
    return t;
  }

  // ---- expressions, loosest first (the grammar's Expr, Sum, Prod, Unary, Power, PowChain, Postfix, Primary)

  expr(): Expr {
    const left = this.sum();
    const op = this.peek();
    if (!op || !CMP_OPS.has(op.type)) return left;
    this.next();
    return B.binary(left, op, this.sum());
  }

  private sum(): Expr {
    let left = this.prod();
    for (let op = this.peek(); op && (op.type === 'plus' || op.type === 'minus'); op = this.peek()) {
      this.next();
      left = B.binary(left, op, this.prod());
    }
    return left;
  }

  /** Products, divisions and juxtapositions, left-associative; juxtaposition's right operand is a Power. */
  private prod(): Expr {
    let left = this.unary();
    for (let t = this.peek(); t; t = this.peek()) {
      if (MUL_OPS.has(t.type)) {
        this.next();
        left = B.binary(left, t, this.unary());
      } else if (POWER_START.has(t.type)) {
        left = B.juxt(left, this.power());
      } else break;
    }
    return left;
  }

  private unary(): Expr {
    if (!this.is('minus')) return this.power();
    const minus = this.next();
    return B.neg(minus, this.unary());
  }

  private power(): Expr {
    if (!this.is('dop')) return this.powChain();
    const op = this.next();
    return B.dop(op, this.power());
  }

  private powChain(): Expr {
    const chain: B.PowOperand[] = [B.powOperand(this.postfix())];
    while (this.is('caret') || this.is('epow')) {
      const elementwise = this.next().type === 'epow';
      const operand = this.powOperand();
      chain.push(elementwise ? B.elementwiseOperand(operand) : operand);
    }
    return B.powerChain(chain);
  }

  private powOperand(): B.PowOperand {
    if (this.is('lbrace')) {
      const open = this.next();
      const e = this.expr();
      return B.powOperand(B.braced(open, e, this.take('rbrace')));
    }
    if (this.is('minus')) {
      const minus = this.next();
      return B.signed(minus, this.powOperand());
    }
    return B.powOperand(this.postfix());
  }

  private postfix(): Expr {
    let e = this.primary();
    while (this.is('transpose') || this.is('prime')) e = B.transpose(e, this.next());
    return e;
  }

  private primary(): Expr {
    const t = this.next();
    switch (t.type) {
      case 'number':
        return B.num(t);
      case 'ident':
        return B.name(t);
      case 'dfrac':
        return B.dfrac(t);
      case 'lparen': {
        const e = this.expr();
        return B.paren(t, e, this.take('rparen'));
      }
      case 'lbracket': {
        const rows = this.rows();
        return B.matrix(t, rows, this.take('rbracket'));
      }
      case 'call':
      case 'primecall': {
        if (this.is('rparen')) return B.call(t, [], this.next());
        const args = this.args();
        return B.call(t, args, this.take('rparen'));
      }
      case 'dfraccall': {
        const args = this.args();
        return B.dfracCall(t, args, this.take('rparen'));
      }
      case 'dnum': {
        const of = this.expr();
        this.take('rparen');
        this.take('slash');
        this.take('dden');
        const wrt = this.expr();
        return B.dparenFrac(t, of, wrt, this.take('rparen'));
      }
      default:
        throw NOT_HERE;
    }
  }

  private args(): Expr[] {
    const args = [this.expr()];
    while (this.is('comma')) {
      this.next();
      args.push(this.expr());
    }
    return args;
  }

  private rows(): Expr[][] {
    const rows = [this.row()];
    while (this.is('semi')) {
      this.next();
      rows.push(this.row());
    }
    return rows;
  }

  private row(): Expr[] {
    return this.args();
  }
}

function isDim(t: Token): boolean {
  return t.type === 'number' || t.type === 'ident';
}

/** `Sep`: the `x` of `M x N` (any token with that text), `×` or `*`. */
function isSep(t: Token | undefined): boolean {
  return t !== undefined && (t.text === 'x' || t.type === 'cross' || t.type === 'star');
}

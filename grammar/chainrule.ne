# The .cr grammar. It is run once per logical statement on that statement's tokens
# (see src/syntax/parse.ts), never on the whole file. It MUST stay unambiguous: every
# input has at most one parse (test/syntax/unique.test.ts checks it), since Earley
# is cubic on ambiguity. Spacing-sensitive decisions (calls, primes, transposes,
# dL/dW) are taken by the lexer; see src/syntax/lexer.ts.
#
# A synthetic first token (s_expr, s_stmt, ...) chosen by the grouping step says what to parse.

@preprocessor typescript

@{%
import * as B from '../build';
import { grammarLexer as lexer } from '../replay';
%}

@lexer lexer

Main -> %s_expr Expr                           {% (d) => ({ kind: 'expr', expr: d[1] }) %}
      | %s_stmt Decl                           {% (d) => d[1] %}
      | %s_stmt Equation                       {% (d) => d[1] %}
      | %s_cont Chain ShapeClaim:?             {% (d) => ({ kind: 'cont', rhs: d[1], shapeClaim: d[2] ?? undefined }) %}
      | %s_at Bindings                         {% (d) => ({ kind: 'at', bindings: d[1] }) %}
      | %s_problem ProblemId %string:?         {% (d) => B.problem(d[1], d[2]) %}
      | %s_ask Expr %number PointsWord:?       {% (d) => ({ kind: 'ask', target: d[1], points: Number(d[2].text) }) %}
      | %s_policy PolicyKey %number "%"        {% (d) => B.policy(d[1], d[2]) %}
      | %s_setting %ident %ident               {% (d) => B.setting(d[1], d[2]) %}

# ---- statements

Decl -> Names DeclShape Domain:?               {% (d) => d[2] ? { kind: 'decl', names: d[0], shape: d[1], domain: d[2] } : { kind: 'decl', names: d[0], shape: d[1] } %}

# `f1, f2 : function` (entrywise abstract functions), `i, j : index` (index variables),
# `C(w) : scalar` (an abstract scalar function of arrays); see docs/index-notation.md.
Decl -> Names %colon AbstractKind              {% (d) => B.abstractDecl(d[0].map((n: any) => ({ name: n })), d[2], null) %}
      | FnHeads %colon AbstractKind            {% (d) => B.abstractDecl(d[0], d[2], null) %}
      | FnHeads DeclShape                      {% (d) => B.abstractDecl(d[0], null, d[1]) %}

AbstractKind -> ("function" | "index")         {% (d) => d[0][0] %}

FnHeads -> FnHead                              {% (d) => [d[0]] %}
         | FnHeads %comma FnHead               {% (d) => [...d[0], d[2]] %}

FnHead -> %call Names %rparen                  {% (d) => B.fnHead(d[0], d[1]) %}

Names -> %ident                                {% (d) => [B.nameRef(d[0])] %}
       | Names %comma %ident                   {% (d) => [...d[0], B.nameRef(d[2])] %}

DeclShape -> %colon Shape                      {% (d) => d[1] %}
           | %kw_in RShape                     {% (d) => d[1] %}

Domain -> ("positive" | "nonnegative" | "binary" | "onehot" | "probability" | "simplex" | "symmetric")   {% (d) => B.domain(d[0][0]) %}

Equation -> Expr Chain ShapeClaim:?            {% (d) => d[2] ? { kind: 'equation', lhs: d[0], rhs: d[1], shapeClaim: d[2] } : { kind: 'equation', lhs: d[0], rhs: d[1] } %}

Chain -> EqOp Expr                             {% (d) => [d[1]] %}
       | Chain EqOp Expr                       {% (d) => [...d[0], d[2]] %}

EqOp -> %eq | %approx

ShapeClaim -> %kw_in RShape                    {% (d) => d[1] %}
            | %colon Shape                     {% (d) => d[1] %}

Bindings -> Binding                            {% (d) => [d[0]] %}
          | Bindings %comma Binding            {% (d) => [...d[0], d[2]] %}

Binding -> %ident BindOp %number               {% (d) => B.binding(d[0], d[1], null, d[2]) %}
         | %ident BindOp %minus %number        {% (d) => B.binding(d[0], d[1], d[2], d[3]) %}

# `~` and `≈` mark a stated, rounded value; `=` an exact one.
BindOp -> (%eq | %tilde | %approx)             {% (d) => d[0][0] %}

ProblemId -> %number                           {% (d) => [d[0]] %}
           | %number %ident                    {% (d) => [d[0], d[1]] %}
           | %ident                            {% (d) => [d[0]] %}

PointsWord -> "points" | "point" | "pts" | "pt"

# A grading policy key is a hyphenated word (`sign`, `carried-error`, `shape-claim`).
PolicyKey -> %ident                            {% (d) => [d[0]] %}
           | PolicyKey %minus %ident           {% (d) => [...d[0], d[1], d[2]] %}

# ---- shapes: `scalar`, `R`, `R^n`, `R^(M x N)`, `ℝ^{1×M}`, `M x N`

Shape -> RShape                                {% id %}
       | "scalar"                              {% (d) => B.shape(1, 1, d[0], d[0]) %}
       | Dim Sep Dim                           {% (d) => B.shape(B.dim(d[0]), B.dim(d[2]), d[0], d[2]) %}

RShape -> Reals                                {% (d) => B.shape(1, 1, d[0], d[0]) %}
        | Reals %caret Dim                     {% (d) => B.shape(B.dim(d[2]), 1, d[0], d[2]) %}
        | Reals %caret Open Dim Close          {% (d) => B.shape(B.dim(d[3]), 1, d[0], d[4]) %}
        | Reals %caret Open Dim Sep Dim Close  {% (d) => B.shape(B.dim(d[3]), B.dim(d[5]), d[0], d[6]) %}

Reals -> ("R" | "ℝ" | %reals)                  {% (d) => d[0][0] %}
Open -> (%lparen | %lbrace)                    {% (d) => d[0][0] %}
Close -> (%rparen | %rbrace)                   {% (d) => d[0][0] %}
Dim -> (%number | %ident)                      {% (d) => d[0][0] %}
Sep -> "x" | %cross | %star

# ---- expressions, loosest first: comparison, sum, product, unary minus, power, postfix

Expr -> Sum                                    {% id %}
      | Sum CmpOp Sum                          {% (d) => B.binary(d[0], d[1], d[2]) %}

CmpOp -> (%gt | %lt | %ge | %le)               {% (d) => d[0][0] %}

Sum -> Prod                                    {% id %}
     | Sum (%plus | %minus) Prod               {% (d) => B.binary(d[0], d[1][0], d[2]) %}

# One left-associative level for every product and division. The right operand of
# juxtaposition is a Power, which never starts with `-`: so `a -b` is a subtraction.
Prod -> Unary                                  {% id %}
      | Prod MulOp Unary                       {% (d) => B.binary(d[0], d[1], d[2]) %}
      | Prod Power                             {% (d) => B.juxt(d[0], d[1]) %}

MulOp -> (%star | %cdot | %atop | %hadamard | %slash | %ediv)   {% (d) => d[0][0] %}

Unary -> Power                                 {% id %}
       | %minus Unary                          {% (d) => B.neg(d[0], d[1]) %}

# `d/dx` applies to one power-level operand; it sits here (not in Postfix) so that
# `d/dx x^2` has one reading. `^` is right-associative, but the chain is read with left
# recursion (linear for Earley) and folded to the right after parsing (B.finishExpr).
Power -> PowChain                              {% (d) => B.powerChain(d[0]) %}
       | %dop Power                            {% (d) => B.dop(d[0], d[1]) %}

PowChain -> Postfix                            {% (d) => [B.powOperand(d[0])] %}
          | PowChain %caret PowOperand         {% (d) => [...d[0], d[2]] %}
          | PowChain %epow PowOperand          {% (d) => [...d[0], B.elementwiseOperand(d[2])] %}

# An exponent: `a^2`, `a^(n+1)`, `a^{n+1}`, `a^-1` (the minus applies to the rest of the chain).
# `.^` (elementwise power, as in MATLAB) binds like `^`.
PowOperand -> Postfix                          {% (d) => B.powOperand(d[0]) %}
            | %lbrace Expr %rbrace             {% (d) => B.powOperand(B.braced(d[0], d[1], d[2])) %}
            | %minus PowOperand                {% (d) => B.signed(d[0], d[1]) %}

Postfix -> Primary                             {% id %}
         | Postfix %transpose                  {% (d) => B.transpose(d[0], d[1]) %}
         | Postfix %prime                      {% (d) => B.transpose(d[0], d[1]) %}

Primary -> %number                             {% (d) => B.num(d[0]) %}
         | %ident                              {% (d) => B.name(d[0]) %}
         | %dfrac                              {% (d) => B.dfrac(d[0]) %}
         | %lparen Expr %rparen                {% (d) => B.paren(d[0], d[1], d[2]) %}
         | %lbracket Rows %rbracket            {% (d) => B.matrix(d[0], d[1], d[2]) %}
         | CallOpen Args %rparen               {% (d) => B.call(d[0], d[1], d[2]) %}
         | CallOpen %rparen                    {% (d) => B.call(d[0], [], d[1]) %}
         | %dnum Expr %rparen %slash %dden Expr %rparen   {% (d) => B.dparenFrac(d[0], d[1], d[5], d[6]) %}
         | %dfraccall Args %rparen             {% (d) => B.dfracCall(d[0], d[1], d[2]) %}
         | %number %lparen Sum (%eq | %neq) Sum %rparen   {% (d) => B.indicator(d[0], d[2], d[3][0], d[4], d[5]) %}

CallOpen -> (%call | %primecall)               {% (d) => d[0][0] %}

Args -> Expr                                   {% (d) => [d[0]] %}
      | Args %comma Expr                       {% (d) => [...d[0], d[2]] %}

Rows -> Row                                    {% (d) => [d[0]] %}
      | Rows %semi Row                         {% (d) => [...d[0], d[2]] %}

Row -> Expr                                    {% (d) => [d[0]] %}
     | Row %comma Expr                         {% (d) => [...d[0], d[2]] %}

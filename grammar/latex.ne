# The LaTeX maths grammar. It runs once per row (a `\\` line of an aligned environment, or a
# statement of its own) on grammar tokens: raw LaTeX has already been reduced by
# src/latex/normalize.ts (commands, fonts, subscripts, transposes) and src/latex/rows.ts
# (differentials, calls, shapes). It MUST stay unambiguous (test/latex/grammar.test.ts counts
# parses): every decision that would need look-around is taken before the grammar runs.
#
# Precedence follows .cr (grammar/chainrule.ne): comparison < sum < one left-associative level
# for every product, Hadamard product and division < unary minus < power < postfix.
# Prefix operators (`\frac{d}{dx}`, `\nabla_W`, `\sum_i`) apply to the rest of the product.

@preprocessor typescript

@{%
import * as B from '../../latex/build';
import { grammarLexer as lexer } from '../replay';
%}

@lexer lexer

Row -> Statements                               {% (d) => ({ kind: 'statements', statements: d[0] }) %}
     | Chain ShapeClaim:?                       {% (d) => B.continuation(d[0], d[1]) %}
     | %at Bindings                             {% (d) => ({ kind: 'statements', statements: [B.at(d[0], d[1])] }) %}
     | Expr                                     {% (d) => ({ kind: 'bare', expr: d[0] }) %}
     | Expr %comma Args                         {% (d) => ({ kind: 'bare', expr: d[0] }) %}

# ---- statements

Statements -> Statement                         {% (d) => [d[0]] %}
            | Statements %comma Statement       {% (d) => [...d[0], d[2]] %}

Statement -> Names %kw_in Shape %domain:?          {% (d) => B.decl(d[0], d[2], d[3]) %}
           | Expr Chain ShapeClaim:?            {% (d) => B.equation(d[0], d[1], d[2]) %}

Names -> %name                                  {% (d) => [B.nameRef(d[0])] %}
       | Names %comma %name                     {% (d) => [...d[0], B.nameRef(d[2])] %}

# Each link keeps its relation token: a continuation's span starts at its first `=`.
Chain -> EqOp Expr                              {% (d) => [[d[0], d[1]]] %}
       | Chain EqOp Expr                        {% (d) => [...d[0], [d[1], d[2]]] %}

EqOp -> (%eq | %approx | %implies)              {% (d) => d[0][0] %}

ShapeClaim -> %kw_in Shape                         {% (d) => d[1] %}

Bindings -> Binding                             {% (d) => [d[0]] %}
          | Bindings %comma Binding             {% (d) => [...d[0], d[2]] %}

Binding -> %name BindOp %num                    {% (d) => B.binding(d[0], d[1], null, d[2]) %}
         | %name BindOp %minus %num             {% (d) => B.binding(d[0], d[1], d[2], d[3]) %}

BindOp -> (%eq | %approx | %tilde)              {% (d) => d[0][0] %}

# `\mathbb{R}`, `\mathbb{R}^{n}` (a column), `\mathbb{R}^{M \times N}`

Shape -> %reals                                 {% (d) => B.shape(1, 1, d[0], d[0]) %}
       | %reals %caret Dim                      {% (d) => B.shape(B.dim(d[2]), 1, d[0], d[2]) %}
       | %reals %caret %lbrace Dim %rbrace      {% (d) => B.shape(B.dim(d[3]), 1, d[0], d[4]) %}
       | %reals %caret %lbrace Dim %times Dim %rbrace   {% (d) => B.shape(B.dim(d[3]), B.dim(d[5]), d[0], d[6]) %}

Dim -> (%num | %name)                           {% (d) => d[0][0] %}

# ---- expressions

Expr -> Sum                                     {% id %}
      | Sum CmpOp Sum                           {% (d) => B.binary(d[0], d[1], d[2]) %}

CmpOp -> (%lt | %gt | %le | %ge)                {% (d) => d[0][0] %}

Sum -> Product                                  {% id %}
     | Sum (%plus | %minus) Product             {% (d) => B.binary(d[0], d[1][0], d[2]) %}

# A product may end with a prefix operator, which takes everything after it.
Product -> Prod                                 {% id %}
         | SignedPrefix                         {% id %}
         | Prod PrefixApp                       {% (d) => B.juxt(d[0], d[1]) %}
         | Prod MulOp SignedPrefix              {% (d) => B.binary(d[0], d[1], d[2]) %}

SignedPrefix -> PrefixApp                       {% id %}
              | %minus SignedPrefix             {% (d) => B.neg(d[0], d[1]) %}

PrefixApp -> Prefix Product                     {% (d) => B.applyPrefix(d[0], d[1]) %}
# `\log \sum_i e^{z_i}`: an operator command before a prefix takes what the prefix takes (the log-sum-exp).
           | %func PrefixApp                    {% (d) => B.callBare(d[0], d[1]) %}

Prefix -> %frac %lbrace %diff %rbrace %lbrace %diff FracWrt %rbrace   {% (d) => B.derivOperator(d[0], d[6]) %}
        | (%nabla | %sum)                       {% (d) => B.prefixToken(d[0][0]) %}

# The right operand of juxtaposition is a Power, which never starts with `-`: `a -b` subtracts.
Prod -> Unary                                   {% id %}
      | Prod MulOp Unary                        {% (d) => B.binary(d[0], d[1], d[2]) %}
      | Prod Power                              {% (d) => B.juxt(d[0], d[1]) %}

MulOp -> (%cdot | %star | %times | %odot | %otimes | %slash | %div | %atop)   {% (d) => d[0][0] %}

Unary -> Power                                  {% id %}
       | %minus Unary                           {% (d) => B.neg(d[0], d[1]) %}

# `\log a^2` is log(a^2): an operator command takes a whole power; `\sin^2 x` is (sin x)^2.
Power -> Postfix                                {% id %}
       | Postfix %caret PowArg                  {% (d) => B.power(d[0], d[2]) %}
       | %func Power                            {% (d) => B.callBare(d[0], d[1]) %}
       | %func %caret PowArg Power              {% (d) => B.functionPower(d[0], d[2], d[3]) %}

PowArg -> %lbrace Expr %rbrace                  {% (d) => B.paren(d[0], d[1], d[2]) %}
        | %num                                  {% (d) => B.num(d[0]) %}
        | %name                                 {% (d) => B.name(d[0]) %}

Postfix -> Primary                              {% id %}
         | Postfix (%transpose | %prime)        {% (d) => B.transpose(d[0], d[1][0]) %}
         | Postfix %entry                       {% (d) => B.entry(d[0], d[1]) %}

Primary -> %name                                {% (d) => B.name(d[0]) %}
         | %num                                 {% (d) => B.num(d[0]) %}
         | %lparen Expr %rparen                 {% (d) => B.paren(d[0], d[1], d[2]) %}
# `(uv, u + v^2)`: a tuple of values is a column vector (a vector function's components, a point of R^n).
         | %lparen Expr %comma Args %rparen     {% (d) => B.tuple(d[0], [d[1], ...d[3]], d[4]) %}
         | %lbrack Expr %rbrack                 {% (d) => B.paren(d[0], d[1], d[2]) %}
         | %lbrack Expr %comma Args %rbrack     {% (d) => B.matrix(d[0], [[d[1], ...d[3]]], d[4]) %}
         | %lbrace Expr %rbrace                 {% (d) => B.paren(d[0], d[1], d[2]) %}
         | %lbar Expr %rbar                     {% (d) => B.abs(d[0], d[1], d[2]) %}
         | %lnorm Expr %rnorm                   {% (d) => B.norm(d[0], d[1], d[2]) %}
         | %fname %lparen Args %rparen          {% (d) => B.call(d[0], d[2], d[3]) %}
         | %grad %fname %lparen Args %rparen    {% (d) => B.gradientOfCall(d[0], B.call(d[1], d[3], d[4])) %}
# `\nabla^2 f(x)`: the Hessian, the Jacobian of the gradient by the same arguments.
         | %grad %caret %num %fname %lparen Args %rparen    {% (d, _, reject) => (d[2].value === '2' ? B.hessianOfCall(d[0], B.call(d[3], d[5], d[6])) : reject) %}
# `\nabla f` of a function the document defines: its gradient by the function's parameters (src/latex/bareGradients.ts).
         | %grad %name                          {% (d) => B.gradientOfName(d[0], B.name(d[1])) %}
         | %sqrt Primary                        {% (d) => B.sqrt(d[0], d[1]) %}
         | %frac FracArg FracArg                {% (d) => B.frac(d[0], d[1], d[2]) %}
         | %frac %lbrace %diff Expr %rbrace %lbrace %diff FracWrt %rbrace   {% (d) => B.derivFrac(d[0], d[3], d[7], d[8]) %}
# `\frac{\partial F}{\partial (x, y, z)}`: the Jacobian by the variables listed.
         | %frac %lbrace %diff Expr %rbrace %lbrace %diff %lparen WrtList %rparen %rbrace   {% (d) => B.jacobianFrac(d[0], d[3], d[8], d[10]) %}
         | %diff DerivOf %slash %diff Wrt       {% (d) => B.derivSlash(d[0], d[1], d[4]) %}
         | %begin_matrix MatrixRows %rowsep:? %end_matrix   {% (d) => B.matrix(d[0], d[1], d[3]) %}
         | %begin_pattern Expr %end_pattern     {% (d) => B.pattern(d[0], d[1], d[2]) %}

FracArg -> %lbrace Expr %rbrace                 {% (d) => B.paren(d[0], d[1], d[2]) %}
         | %num                                 {% (d) => B.num(d[0]) %}
         | %name                                {% (d) => B.name(d[0]) %}

# The variable: a name, `(W)`, `{W}`, or an expression of the function's graph called by name (`\partial \sigma(z)`).
Wrt -> %name                                    {% (d) => B.name(d[0]) %}
# `\partial X^T`: the derivative by a transpose (calculus/meaning.ts reads it as the transposed gradient).
     | %name %transpose                         {% (d) => B.transpose(B.name(d[0]), d[1]) %}
     | %lparen %name %transpose %rparen         {% (d) => B.paren(d[0], B.transpose(B.name(d[1]), d[2]), d[3]) %}
     | %lparen %name %rparen                    {% (d) => B.paren(d[0], B.name(d[1]), d[2]) %}
     | %lbrace %name %rbrace                    {% (d) => B.paren(d[0], B.name(d[1]), d[2]) %}
     | %fname %lparen Args %rparen              {% (d) => B.call(d[0], d[2], d[3]) %}

# In a fraction's braces the variable may be a power of a name, `\partial \sigma^2`: the variance an author
# differentiates by (in `\partial L / \partial \sigma^2` the power would be the whole quotient's).
FracWrt -> Wrt                                  {% id %}
         | %name %caret PowArg                  {% (d) => B.power(B.name(d[0]), d[2]) %}

WrtList -> %name %comma %name                   {% (d) => [B.name(d[0]), B.name(d[2])] %}
         | WrtList %comma %name                 {% (d) => [...d[0], B.name(d[2])] %}

DerivOf -> %name                                {% (d) => B.name(d[0]) %}
         | %lparen Expr %rparen                 {% (d) => B.paren(d[0], d[1], d[2]) %}
         | %fname %lparen Args %rparen          {% (d) => B.call(d[0], d[2], d[3]) %}

Args -> Expr                                    {% (d) => [d[0]] %}
      | Args %comma Expr                        {% (d) => [...d[0], d[2]] %}

MatrixRows -> MatrixRow                         {% (d) => [d[0]] %}
            | MatrixRows %rowsep MatrixRow      {% (d) => [...d[0], d[2]] %}

MatrixRow -> Expr                               {% (d) => [d[0]] %}
           | MatrixRow %amp Expr                {% (d) => [...d[0], d[2]] %}

// Which names a document has, for reading its OCR slips (src/analysis/readings.ts): its own names
// (declared, defined, given by `at`, or used in a definition: the names its setup establishes) and the
// names it merely uses. A statement being read does not vouch for its own names: `\alpha` in one line
// is not a name of the document because that line wrote it.
import type { Statement } from '../syntax/ast';
import type { Scope } from '../resolve/scope';
import { walkNames } from '../resolve/names';
import { findInExpr } from '../syntax/walk';
import type { NameFacts } from '../latex/confusions';

export class NameCensus {
  /** Names the scope gives whatever the statements say: declarations, dimensions, `at`, functions, the problem's. */
  private readonly given = new Set<string>();
  /** Name → the statements that make it own (definitions: the defined name and every name they use). */
  private readonly owners = new Map<string, Set<Statement>>();
  /** Name → the statements that use it. */
  private readonly users = new Map<string, Set<Statement>>();
  private readonly declared = new Set<string>();
  /** Names some derivative of the statements is taken by. */
  private readonly variables = new Set<string>();
  /** Name → the definitions of it. */
  private readonly definers = new Map<string, Set<Statement>>();

  constructor(statements: readonly Statement[], scope: Scope, base?: Scope) {
    // A shape chainrule solved for (src/analysis/shapeUnification.ts) is no declaration the author wrote: an X solved
    // as a matrix makes no x beside it a slip of X.
    for (const s of [scope, base]) for (const d of s?.declarations.values() ?? []) if (!d.samples && !d.solved) this.declared.add(d.name);
    for (const s of [scope, base]) {
      if (!s) continue;
      // The samples' array X behind `x^{(i)}` is never written: a bare x is no slip of it.
      const written = [...s.declarations.values()].filter((d) => !d.samples && !d.solved).map((d) => d.name);
      for (const names of [written, s.dims, s.pointNames, s.functions.keys(), s.abstractFunctions.keys(), s.aliases.keys()]) {
        for (const name of names) this.given.add(name);
      }
      // A function's parameters are its own names (`s'(\gamma)` after `s(\gamma) = ...`), whatever they look like.
      for (const f of s.functions.values()) for (const p of f.params) this.given.add(p);
    }
    // The problem's definitions (grading) are the document's too, and so are the names they use.
    for (const d of base?.definitions.values() ?? []) {
      this.given.add(d.name);
      walkNames(d.expr, (n) => this.given.add(n));
    }
    const first = new Set<string>();
    for (const st of statements) {
      if (st.kind !== 'equation') continue;
      // The definition in force, or the first of a name a later derivation defines again (`E = (p - y)^2 / 2`
      // before `E = -y log o - ...`): its names are the document's all the same.
      const name = st.lhs.expr.kind === 'name' && st.rhs.length > 0 ? st.lhs.expr.name : undefined;
      const defines = name !== undefined && (scope.definitions.get(name)?.span === st.span || (scope.definitions.has(name) && !first.has(name)));
      if (name !== undefined) first.add(name);
      const add = (map: Map<string, Set<Statement>>, name: string) => map.set(name, (map.get(name) ?? new Set()).add(st));
      for (const step of [st.lhs, ...st.rhs]) {
        walkNames(step.expr, (n) => add(this.users, n));
        findInExpr(step.expr, (e) => {
          if (e.kind === 'deriv') for (const w of e.wrt) if (w.kind === 'name') this.variables.add(w.name);
          return false;
        });
      }
      if (defines) {
        add(this.owners, (st.lhs.expr as { name: string }).name);
        add(this.definers, (st.lhs.expr as { name: string }).name);
        walkNames(st.rhs[0].expr, (n) => add(this.owners, n));
      }
    }
  }

  /** The facts about names as seen from `reading`, the statement being read. */
  factsFor(reading: Statement): NameFacts {
    const elsewhere = (map: Map<string, Set<Statement>>, name: string) => [...(map.get(name) ?? [])].some((st) => st !== reading);
    const own = (name: string) => this.given.has(name) || elsewhere(this.owners, name);
    return {
      own,
      known: (name) => own(name) || elsewhere(this.users, name),
      declared: (name) => this.declared.has(name),
      settled: (name) => this.given.has(name) || elsewhere(this.definers, name),
      differentiatedBy: (name) => this.variables.has(name),
    };
  }
}

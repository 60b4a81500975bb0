// Which names a scope knows, and how an unknown one is reported (SPEC 1.1, 1.3).
import type { Expr } from '../syntax/ast';
import type { Scope } from './scope';
import { findInExpr } from '../syntax/walk';
import { arrayNameOf } from './indexNotation';

/** Every name written as a plain name (not a call) anywhere in the scope's expressions. */
export function namesUsedInScope(scope: Scope): Set<string> {
  const used = new Set<string>();
  const visit = (e: Expr): void => walkNames(e, (n) => used.add(n));
  for (const d of scope.definitions.values()) visit(d.expr);
  for (const f of scope.functions.values()) visit(f.body);
  for (const c of scope.claims) {
    visit(c.target.expr);
    for (const s of c.steps) visit(s.expr);
  }
  return used;
}

export function walkNames(e: Expr, onName: (name: string) => void): void {
  switch (e.kind) {
    case 'name':
      onName(e.name);
      return;
    case 'number':
      return;
    case 'call':
      e.args.forEach((a) => walkNames(a, onName));
      return;
    case 'neg':
    case 'transpose':
    case 'entry':
      walkNames(e.arg, onName);
      return;
    case 'binary':
      walkNames(e.left, onName);
      walkNames(e.right, onName);
      return;
    case 'power':
      walkNames(e.base, onName);
      walkNames(e.exponent, onName);
      return;
    case 'matrix':
      e.rows.forEach((r) => r.forEach((x) => walkNames(x, onName)));
      return;
    case 'pattern':
      walkNames(e.entry, onName);
      return;
    case 'deriv':
      walkNames(e.of, onName);
      e.wrt.forEach((w) => walkNames(w, onName));
      return;
  }
}

/** Whether an expression writes the name anywhere (not through definitions). */
export function mentions(e: Expr, name: string): boolean {
  let found = false;
  walkNames(e, (n) => {
    if (n === name) found = true;
  });
  return found;
}

/**
 * The names an expression uses, and those the definitions of the names it uses use, and so on; `onName`
 * sees each name as written.
 */
export function namesReached(e: Expr, definitionOf: (name: string, written?: Extract<Expr, { kind: 'name' }>) => Expr | undefined, onName?: (x: Extract<Expr, { kind: 'name' }>) => void): Set<string> {
  const seen = new Set<string>();
  const visit = (root: Expr): void => {
    findInExpr(root, (x) => {
      // A call reaches its function's body when `definitionOf` gives one.
      const body = x.kind === 'call' && !seen.has(x.callee) ? definitionOf(x.callee) : undefined;
      if (body && x.kind === 'call') {
        seen.add(x.callee);
        visit(body);
      }
      if (x.kind !== 'name') return false;
      onName?.(x);
      if (seen.has(x.name)) return false;
      seen.add(x.name);
      const def = definitionOf(x.name, x);
      if (def) visit(def);
      return false;
    });
  };
  visit(e);
  return seen;
}

/** Names with a meaning of their own in the scope: declared, defined, given a value, aliased, or function parameters. */
export function knownNames(scope: Scope, params: Iterable<string> = []): Set<string> {
  return new Set([...scope.declarations.keys(), ...scope.definitions.keys(), ...scope.pointNames, ...scope.aliases.keys(), ...params]);
}

/**
 * The names whose meaning depends on any of `names`: definitions, functions and aliases that mention one
 * of them or a name that does, directly or through a call. Over-approximates (a mention is a dependence).
 */
export function dependentsOf(scope: Scope, names: ReadonlySet<string>): Set<string> {
  const mentions = new Map<string, Set<string>>();
  const collect = (key: string, e: Expr): void => {
    const found = new Set<string>();
    findInExpr(e, (x) => {
      // an entry `\hat{y}_k` mentions its array ŷ too
      if (x.kind === 'name') found.add(x.name).add(arrayNameOf(x.name, x.text));
      // a call's written head too: LaTeX's `e^{x}` is a call of exp written `e`, which is e^x where e is a name
      else if (x.kind === 'call') found.add(x.callee).add(x.calleeText);
      return false;
    });
    mentions.set(key, found);
  };
  for (const d of scope.definitions.values()) collect(d.name, d.expr);
  for (const f of scope.functions.values()) collect(f.name, f.body);
  for (const [name, target] of scope.aliases) collect(name, target);
  const dependents = new Set<string>();
  for (let grew = true; grew; ) {
    grew = false;
    for (const [name, found] of mentions) {
      if (dependents.has(name)) continue;
      if ([...found].some((n) => names.has(n) || dependents.has(n))) {
        dependents.add(name);
        grew = true;
      }
    }
  }
  return dependents;
}

/** Numbers only, as a worked example states a value: `0.9`, `-0.19`, `[0.6457, 0.4256]^T`. */
export function isWrittenValue(e: Expr): boolean {
  switch (e.kind) {
    case 'number':
      return true;
    case 'neg':
    case 'transpose':
      return isWrittenValue(e.arg);
    case 'matrix':
      return e.rows.every((row) => row.every(isWrittenValue));
    default:
      return false;
  }
}

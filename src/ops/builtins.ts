// The built-in functions of SPEC 1.3: spellings, canonical names and arities, read from the op entries
// (`spellings`, `constructors` in src/ops), so a new primitive is one entry there.
import type { Dim, Node } from '../ir/types';
import type { Builder } from '../ir/build';
import { ALL_OPS, type OpDef } from './index';

export interface BuiltinFunction {
  /** Canonical name: the op's name, or a constructor's first spelling. */
  name: string;
  arity: number;
  /** `elementwise`: applies entry by entry; `reduction`: array to value; `constructor`: builds a constant. */
  kind: 'elementwise' | 'reduction' | 'constructor';
  /** The spellings and LaTeX commands it is read from. */
  spellings: readonly string[];
  latexCommands: readonly string[];
  /** A constructor's constant, from its sizes. */
  construct?(b: Builder, sizes: readonly Dim[]): Node;
}

function builtinsOf(op: OpDef): BuiltinFunction[] {
  const constructors: BuiltinFunction[] = (op.constructors ?? []).map((c) => ({
    name: c.spellings[0], arity: c.arity, kind: 'constructor', spellings: c.spellings, latexCommands: [], construct: c.make,
  }));
  if (!op.spellings) return constructors;
  if (op.arity === 'variadic') throw new Error(`${op.name}: a builtin function needs a fixed arity`);
  const kind = op.elementwise ? 'elementwise' : 'reduction';
  return [{ name: op.name, arity: op.arity, kind, spellings: op.spellings, latexCommands: op.latexCommands ?? [] }, ...constructors];
}

/** Every builtin, in registry order. */
export const BUILTINS: readonly BuiltinFunction[] = ALL_OPS.flatMap(builtinsOf);

/** Every accepted spelling → its builtin. */
export const BUILTIN_FUNCTIONS: ReadonlyMap<string, BuiltinFunction> = new Map(BUILTINS.flatMap((fn) => fn.spellings.map((s) => [s, fn] as const)));

export const BUILTIN_NAMES: readonly string[] = [...BUILTIN_FUNCTIONS.keys()];

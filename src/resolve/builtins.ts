// The built-in functions of SPEC 1.3: spellings, canonical names and arities.

export interface BuiltinFunction {
  /** Canonical name; for most functions also the IR op name. */
  name: string;
  arity: number;
  /** `elementwise`: applies entry by entry; `reduction`: array to value; `constructor`: builds a constant. */
  kind: 'elementwise' | 'reduction' | 'constructor';
}

const table: Array<[string[], BuiltinFunction]> = [
  [['exp'], { name: 'exp', arity: 1, kind: 'elementwise' }],
  [['log', 'ln'], { name: 'log', arity: 1, kind: 'elementwise' }],
  [['sqrt'], { name: 'sqrt', arity: 1, kind: 'elementwise' }],
  [['abs'], { name: 'abs', arity: 1, kind: 'elementwise' }],
  [['sin'], { name: 'sin', arity: 1, kind: 'elementwise' }],
  [['cos'], { name: 'cos', arity: 1, kind: 'elementwise' }],
  [['tan'], { name: 'tan', arity: 1, kind: 'elementwise' }],
  [['tanh'], { name: 'tanh', arity: 1, kind: 'elementwise' }],
  [['sigma', 'sigmoid', 'σ'], { name: 'sigma', arity: 1, kind: 'elementwise' }],
  [['relu'], { name: 'relu', arity: 1, kind: 'elementwise' }],
  [['softplus'], { name: 'softplus', arity: 1, kind: 'elementwise' }],
  [['max'], { name: 'max', arity: 2, kind: 'elementwise' }],
  [['min'], { name: 'min', arity: 2, kind: 'elementwise' }],
  [['sum'], { name: 'sum', arity: 1, kind: 'reduction' }],
  [['mean'], { name: 'mean', arity: 1, kind: 'reduction' }],
  [['trace', 'tr'], { name: 'trace', arity: 1, kind: 'reduction' }],
  [['norm'], { name: 'norm', arity: 1, kind: 'reduction' }],
  [['dot'], { name: 'dot', arity: 2, kind: 'reduction' }],
  [['softmax'], { name: 'softmax', arity: 1, kind: 'reduction' }],
  [['logsumexp'], { name: 'logsumexp', arity: 1, kind: 'reduction' }],
  [['diag'], { name: 'diag', arity: 1, kind: 'reduction' }],
  [['inv'], { name: 'inv', arity: 1, kind: 'reduction' }],
  [['det'], { name: 'det', arity: 1, kind: 'reduction' }],
  [['eye', 'I'], { name: 'eye', arity: 1, kind: 'constructor' }],
  [['ones'], { name: 'ones', arity: 2, kind: 'constructor' }],
  [['zeros'], { name: 'zeros', arity: 2, kind: 'constructor' }],
];

/** Every accepted spelling → its builtin. */
export const BUILTIN_FUNCTIONS: ReadonlyMap<string, BuiltinFunction> = new Map(
  table.flatMap(([spellings, fn]) => spellings.map((s) => [s, fn] as [string, BuiltinFunction])),
);

export const BUILTIN_NAMES: readonly string[] = [...BUILTIN_FUNCTIONS.keys()];

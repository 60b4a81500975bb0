// The registry of primitives. Adding an op means adding its entry here; nothing else switches on op names,
// and the names authors call it by are read from the entry (src/ops/builtins.ts).
import type { OpDef } from './types';
import { constOp, dimsizeOp, eyeOp, varOp } from './leaves';
import { addOp, divOp, hadamardOp, negOp, powOp } from './arithmetic';
import { matmulOp, transposeOp } from './matrix';
import { unaryFunctionOps } from './functions';
import { comparisonOps, maxOp, minOp } from './compare';
import { dotOp, meanOp, normOp, sumOp, traceOp } from './reductions';
import { logsumexpOp, softmaxOp } from './softmax';
import { detOp, diagOp, invOp, logdetOp } from './linalg';
import { embedOp, entryOp, hcatOp, sumcolsOp, sumrowsOp, vcatOp } from './blocks';
import { abstractDirOp, abstractOp, abstractScalarOp } from './abstract';

export type { OpDef, EvalContext, PrintContext } from './types';

export const ALL_OPS: readonly OpDef[] = [
  varOp, constOp, dimsizeOp, eyeOp,
  addOp, negOp, hadamardOp, divOp, powOp,
  matmulOp, transposeOp,
  ...unaryFunctionOps,
  maxOp, minOp, ...comparisonOps,
  sumOp, meanOp, traceOp, normOp, dotOp,
  softmaxOp, logsumexpOp,
  diagOp, invOp, detOp, logdetOp,
  entryOp, embedOp, hcatOp, vcatOp, sumrowsOp, sumcolsOp,
  abstractOp, abstractScalarOp, abstractDirOp,
];

const REGISTRY: ReadonlyMap<string, OpDef> = new Map(ALL_OPS.map((d) => [d.name, d]));

export function getOp(name: string): OpDef {
  const d = REGISTRY.get(name);
  if (!d) throw new Error(`unknown op ${name}`);
  return d;
}

export function hasOp(name: string): boolean {
  return REGISTRY.has(name);
}

export { unaryDerivative } from './functions';

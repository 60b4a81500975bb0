export { gradient, gradients, adjoints, vjp, type DiffOptions } from './reverse';
export { jacobian, type Jacobian } from './jacobian';
export { builtinDerivative, primeDerivative } from './builtin';
export { isElementwiseIn } from './elementwise';

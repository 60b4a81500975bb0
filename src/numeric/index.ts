export * from './matrix';
export * from './random';
export { evaluate, evaluateScalar } from './evaluate';
export { finiteDifferenceGradient } from './finite-diff';

// loadMathjs.ts for a bundle (scripts/build-web.js): the factories imported by name, so that only they and
// what they need are bundled.
import { create, detDependencies, erfDependencies, invDependencies } from 'mathjs';
import { mathjsSubset, type ChainruleMathjs } from './mathjs';

const subset = mathjsSubset({ create, invDependencies, detDependencies, erfDependencies });

export function loadMathjs(): ChainruleMathjs {
  return subset;
}

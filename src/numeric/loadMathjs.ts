// mathjs costs a second to load in Node, and most derivations never invert a matrix: it is loaded on
// first use. A bundler cannot prune a package loaded by `require`, so the web build (scripts/build-web.js)
// puts loadMathjs.bundled.ts in this file's place.
import { mathjsSubset, type ChainruleMathjs } from './mathjs';

let loaded: ChainruleMathjs | undefined;

export function loadMathjs(): ChainruleMathjs {
  loaded ??= mathjsSubset(require('mathjs') as typeof import('mathjs'));
  return loaded;
}

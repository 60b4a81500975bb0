// mathjs costs a second to load in Node, and most derivations never invert a matrix: it is loaded on
// first use. A bundler cannot prune a module loaded by `require`, so the web build (scripts/build-web.js)
// puts loadMathjs.bundled.ts in this file's place.
export function loadMathjs(): typeof import('./mathjs') {
  return require('./mathjs') as typeof import('./mathjs');
}

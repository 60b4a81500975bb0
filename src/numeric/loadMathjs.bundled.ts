// loadMathjs.ts for a bundle (scripts/build-web.js): a static import, so that only the three functions
// of ./mathjs and what they need are bundled.
import * as mathjs from './mathjs';

export function loadMathjs(): typeof mathjs {
  return mathjs;
}

// `(\hat{y} - y)^t`, `x^{t}`: a transpose written with a small t, as some authors type it. Read so only in a
// document whose maths writes t nowhere else (no variable t, no time step h_t or a^{<t>}, no d/dt, no t + 1), where
// t can be neither a power nor a step; and never on e or a number (normalize.ts), whose ^t is a power whatever t is.

/** `^t`, `^{t}`: a superscript that is the single letter t. */
const SMALL_T_SUPERSCRIPT = /\^\s*(?:t|\{\s*t\s*\})(?![A-Za-z])/g;
/** t as a letter of its own, or differentiated by (`dt`): not part of a word or a command (`\tanh`, `\partial`). */
const LONE_T = /(?<![A-Za-z\\])d?t(?![A-Za-z])/;

/** Whether the document's maths blocks write ^t, and t nowhere else, so that ^t is a transpose. */
export function writesSmallTTransposes(maths: readonly string[]): boolean {
  let written = false;
  for (const text of maths) {
    const rest = text.replace(SMALL_T_SUPERSCRIPT, '');
    if (LONE_T.test(rest)) return false;
    if (rest !== text) written = true;
  }
  return written;
}

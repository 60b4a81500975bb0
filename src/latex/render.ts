// The author's own LaTeX for a step, so reports show what the student wrote, typeset by KaTeX.
import katex from 'katex';
import type { Step } from '../syntax/ast';

/**
 * The LaTeX source of a step read by the LaTeX front end (kept verbatim in `Step.text`).
 * Steps from `.cr` files and ```cr fences hold .cr syntax instead; print their `expr` for those.
 */
export function stepLatex(step: Step): string {
  return step.text.trim();
}

/**
 * The step typeset as HTML. Student input is untrusted: `trust: false` refuses `\href`,
 * `\url` and friends, errors render as the source in red instead of throwing, and macro
 * expansion is bounded.
 */
export function renderStepHtml(step: Step, displayMode = false): string {
  return katex.renderToString(stepLatex(step), { throwOnError: false, trust: false, strict: 'ignore', maxExpand: 100, displayMode });
}

/**
 * What a report should typeset for a step: the author's own LaTeX when the step was read from LaTeX and
 * KaTeX accepts it as it stands (a lone aligned row may not), otherwise `fallback` (LaTeX printed from the
 * expression, as for .cr steps, including .cr lines inside a Markdown ```cr fence).
 */
export function authorLatex(step: Step, fallback: () => string): string {
  const text = stepLatex(step);
  if (!/[\\{}]/.test(text)) return fallback();
  try {
    katex.renderToString(text, { throwOnError: true, trust: false, strict: 'ignore', maxExpand: 100 });
    return text;
  } catch {
    return fallback();
  }
}

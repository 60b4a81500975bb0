// How a submission's results are shown to its author (SPEC 4.3): the feedback level of every per-submission
// output, and the visibility of Gradescope's tests. Neither changes a grade: a re-run that changes only
// these rewrites the outputs from the stored results. An assignment may set defaults (`feedback hints`,
// `visibility after_due_date`); `--feedback` and `--visibility` win over them.
import type { Statement } from '../syntax/ast';
import { error, type Diagnostic } from '../diagnostics';
import { FEEDBACK_LEVELS, type FeedbackLevel } from '../render/levels';

export type { FeedbackLevel };
export { FEEDBACK_LEVELS };

/** Gradescope's visibility of a test (reference/gradescope.md); `hidden` tests also hide the total. */
export type Visibility = 'visible' | 'hidden' | 'after_due_date' | 'after_published';
export const VISIBILITIES: readonly Visibility[] = ['visible', 'hidden', 'after_due_date', 'after_published'];

export interface Delivery {
  feedback: FeedbackLevel;
  visibility: Visibility;
}

export const DEFAULT_DELIVERY: Delivery = { feedback: 'full', visibility: 'visible' };

/** What an assignment's `feedback` and `visibility` lines set; a value outside the choices is an input error. */
export function readSettings(statements: readonly Statement[]): { settings: Partial<Delivery>; diagnostics: Diagnostic[] } {
  const settings: Partial<Delivery> = {};
  const diagnostics: Diagnostic[] = [];
  for (const st of statements) {
    if (st.kind !== 'setting') continue;
    const choices: readonly string[] = st.key === 'feedback' ? FEEDBACK_LEVELS : VISIBILITIES;
    if (!choices.includes(st.value)) {
      diagnostics.push(error('parse-error', `${st.key} is one of ${choices.join(', ')}, not ${st.value}`, st.valueSpan, `${st.key} ${choices[1]}`));
      continue;
    }
    const earlier = settings[st.key];
    if (earlier !== undefined && earlier !== st.value) {
      diagnostics.push(error('redefinition', `${st.key} is set twice, to ${earlier} and to ${st.value}`, st.span, 'keep one line'));
      continue;
    }
    if (st.key === 'feedback') settings.feedback = st.value as FeedbackLevel;
    else settings.visibility = st.value as Visibility;
  }
  return { settings, diagnostics };
}

/** The options given, else the assignment's settings, else full feedback and visible tests. */
export function resolveDelivery(options: Partial<Delivery>, settings: Partial<Delivery>): Delivery {
  return {
    feedback: options.feedback ?? settings.feedback ?? DEFAULT_DELIVERY.feedback,
    visibility: options.visibility ?? settings.visibility ?? DEFAULT_DELIVERY.visibility,
  };
}

export function sameDelivery(a: Delivery, b: Delivery): boolean {
  return a.feedback === b.feedback && a.visibility === b.visibility;
}

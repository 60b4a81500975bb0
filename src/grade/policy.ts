// The partial-credit policy (SPEC 1.8): what fraction of an ask's points each kind of near miss earns.
// Defaults are the table below; an assignment overrides a row with `policy KEY N%`, before the first
// `problem` line for every problem, or inside a problem for that problem only.
import type { Statement } from '../syntax/ast';
import { error, type Diagnostic } from '../diagnostics';
import { similarName } from '../resolve/similar';

export interface PolicyRow {
  key: string;
  /** A short name for feedback ("sign slip"). */
  label: string;
  percent: number;
  /** When the row applies, in the words of the docs and of the feedback. */
  when: string;
}

/**
 * The default table. Near misses that show the method is right (a sign, a transpose, a constant factor,
 * an earlier mistake carried forward, a wrong shape claim on a right value, early rounding) earn part of
 * the points; other wrong answers earn none, unless the assignment says otherwise.
 */
export const DEFAULT_POLICY: readonly PolicyRow[] = [
  { key: 'shape-claim', label: 'wrong shape claim', percent: 75, when: 'the value is right but the claimed shape (`in R^(...)`) is wrong' },
  { key: 'carried-error', label: 'error carried forward', percent: 75, when: 'the answer follows correctly from the author\'s own earlier wrong result' },
  { key: 'rounding', label: 'rounded too early', percent: 75, when: 'a numeric answer rounded too early (within one unit of its last digit)' },
  { key: 'sign', label: 'sign slip', percent: 50, when: 'the answer is minus the truth, or one sign flip away from it' },
  { key: 'transpose', label: 'transpose slip', percent: 50, when: 'the answer is the transpose of the truth, or one transpose away from it' },
  { key: 'scale', label: 'constant factor', percent: 50, when: 'the answer is a constant multiple of the truth (a lost 2 or 1/B)' },
  { key: 'missing-factor', label: 'missing factor', percent: 0, when: 'a factor of the chain rule is missing' },
  { key: 'missing-term', label: 'missing term', percent: 0, when: 'a term is missing' },
  { key: 'extra-term', label: 'extra term', percent: 0, when: 'a term too many' },
  { key: 'elementwise-vs-matrix-product', label: '.* and matrix product swapped', percent: 0, when: '.* and the matrix product are swapped' },
  { key: 'shape', label: 'wrong shape', percent: 0, when: 'the answer has the wrong shape (and no single transpose fixes it)' },
  { key: 'unknown', label: 'wrong', percent: 0, when: 'wrong, with no recognised near miss' },
  { key: 'informal', label: 'informal', percent: 0, when: 'the answer is tensor shorthand (dh/dW), not a matrix expression' },
  { key: 'unexpanded', label: 'not worked out', percent: 0, when: 'the final answer still contains a derivative reference (X^T dL/dh)' },
  { key: 'unjudged', label: 'not judged', percent: 0, when: 'chainrule could not judge the answer, because of its own reading or context (SPEC 4.1); always needs review' },
  { key: 'error', label: 'not checkable', percent: 0, when: 'the answer could not be read (unknown name, shape error in a definition), or its values are beyond floating-point range' },
];

/** key → fraction of the points (0..1). */
export type Policy = ReadonlyMap<string, number>;

export const POLICY_KEYS: readonly string[] = DEFAULT_POLICY.map((r) => r.key);

export function defaultPolicy(): Map<string, number> {
  return new Map(DEFAULT_POLICY.map((r) => [r.key, r.percent / 100]));
}

/**
 * The policy in force after `statements` (a problem's statements, preamble first), starting from `base`.
 * Unknown keys and percentages outside 0..100 are input errors of the assignment.
 */
export function readPolicy(statements: readonly Statement[], base: Policy = defaultPolicy()): { policy: Policy; diagnostics: Diagnostic[] } {
  const policy = new Map(base);
  const diagnostics: Diagnostic[] = [];
  for (const st of statements) {
    if (st.kind !== 'policy') continue;
    if (!policy.has(st.key)) {
      const similar = similarName(st.key, POLICY_KEYS) ?? POLICY_KEYS.find((k) => k.startsWith(st.key.slice(0, 4)));
      diagnostics.push(error('parse-error', `unknown policy ${st.key}`, st.keySpan, similar ? `did you mean ${similar}? the policies are ${POLICY_KEYS.join(', ')}` : `the policies are ${POLICY_KEYS.join(', ')}`));
      continue;
    }
    if (!(st.percent >= 0 && st.percent <= 100)) {
      diagnostics.push(error('parse-error', `a policy gives between 0% and 100% of the points, not ${st.percent}%`, st.span));
      continue;
    }
    policy.set(st.key, st.percent / 100);
  }
  return { policy, diagnostics };
}

/** "sign slip" for `sign`; the key itself for keys outside the table. */
export function labelOf(key: string): string {
  return DEFAULT_POLICY.find((r) => r.key === key)?.label ?? key;
}

/** The fraction of the points a rule earns; keys outside the table (none in practice) earn nothing. */
export function creditOf(policy: Policy, key: string): number {
  return policy.get(key) ?? 0;
}

// The JSON contract of `chainrule check --json` (SPEC section 3). Other tools read it: keep to it exactly.
import type { DerivativeKind } from '../calculus/meaning';

export type ClaimKind = DerivativeKind | 'value' | 'equality' | 'informal';
/** `unjudged` (SPEC 4.1): chainrule cannot tell because of its own reading or context, not the author's maths. */
export type StepVerdict = 'correct' | 'incorrect' | 'informal' | 'error' | 'unjudged';
export type Diagnosis =
  | 'shape' | 'transpose' | 'sign' | 'scale' | 'carried-error' | 'missing-term' | 'extra-term'
  | 'elementwise-vs-matrix-product' | 'missing-factor' | 'rounding' | 'unknown';

export interface DiagnosticJson {
  severity: 'error' | 'warning';
  code: string;
  message: string;
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
  hint?: string;
}

export interface StepJson {
  index: number;
  line: number;
  column: number;
  text: string;
  shape: string | null;
  verdict: StepVerdict;
  diagnosis: Diagnosis | null;
  message: string;
  /** For `unjudged`: what would make the line checkable. */
  hint?: string;
}

export interface ClaimJson {
  line: number;
  label: string | null;
  target: string;
  kind: ClaimKind;
  expected: string | null;
  expectedShape: string | null;
  shapeClaim: { claimed: string; actual: string; ok: boolean } | null;
  steps: StepJson[];
  verdict: StepVerdict;
}

export interface CheckSummary {
  claims: number;
  correct: number;
  incorrect: number;
  informal: number;
  errors: number;
  /** Documents only (SPEC 4.1). */
  unjudged?: number;
  read?: ReadSummary;
}

/** How much of a document's derivation chainrule read (SPEC 4.1). */
export interface ReadSummary {
  /** Lines holding a derivative claim (a claim whose target is a derivative reference), read or not. */
  derivationLines: number;
  derivationLinesRead: number;
  notRead: Array<{ line: number; reason: string }>;
}

export interface CheckReport {
  version: 1;
  file: string;
  ok: boolean;
  shapes: Record<string, string>;
  diagnostics: DiagnosticJson[];
  claims: ClaimJson[];
  summary: CheckSummary;
}

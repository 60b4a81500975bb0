// Reads the hand-worked expectations written beside fixture claims (fixtures/README.md):
// `#! v1; v2` on the line where steps start, each `correct`, `informal`, `error` or `incorrect:DIAGNOSIS`,
// optionally followed by `shapeclaim=ok|wrong`; and a first-line `# exit: N`.
export interface ExpectedStep {
  line: number;
  verdict: string;
  diagnosis: string | null;
  shapeClaim?: 'ok' | 'wrong';
}

export function expectedSteps(source: string): ExpectedStep[] {
  const out: ExpectedStep[] = [];
  source.split(/\r?\n/).forEach((text, i) => {
    const m = /#!\s*(.*)$/.exec(text);
    if (!m) return;
    for (const entry of m[1].split(';').map((s) => s.trim()).filter(Boolean)) {
      const [head, ...rest] = entry.split(/\s+/);
      const [verdict, diagnosis] = head.split(':');
      const sc = rest.find((r) => r.startsWith('shapeclaim='));
      out.push({ line: i + 1, verdict, diagnosis: diagnosis ?? null, shapeClaim: sc ? (sc.split('=')[1] as 'ok' | 'wrong') : undefined });
    }
  });
  return out;
}

export function expectedExit(source: string): number | undefined {
  const m = /^#\s*exit:\s*(\d)/m.exec(source);
  return m ? Number(m[1]) : undefined;
}

interface ReportLike {
  claims: Array<{ shapeClaim: { ok: boolean } | null; steps: Array<{ line: number; verdict: string; diagnosis: string | null }> }>;
}

/**
 * The report's verdicts beside the annotated ones, step by step in file order, in the same form: compare
 * `actual` with `wanted`. A diagnosis is compared only where the annotation names one.
 */
export function annotatedVerdicts(source: string, report: ReportLike): { actual: unknown[]; wanted: unknown[] } {
  const expected = expectedSteps(source);
  const stepsByLine = new Map<number, Array<{ verdict: string; diagnosis: string | null; shapeOk?: boolean }>>();
  for (const claim of report.claims) {
    for (const step of claim.steps) {
      const list = stepsByLine.get(step.line) ?? [];
      list.push({ verdict: step.verdict, diagnosis: step.diagnosis, shapeOk: claim.shapeClaim?.ok });
      stepsByLine.set(step.line, list);
    }
  }
  const seen = new Map<number, number>();
  const actual = expected.map((e) => {
    const k = seen.get(e.line) ?? 0;
    seen.set(e.line, k + 1);
    const got = stepsByLine.get(e.line)?.[k];
    return {
      line: e.line,
      verdict: got?.verdict,
      diagnosis: e.diagnosis === null ? null : got?.diagnosis,
      ...(e.shapeClaim ? { shapeClaim: got?.shapeOk === undefined ? undefined : got.shapeOk ? 'ok' : 'wrong' } : {}),
    };
  });
  const wanted = expected.map((e) => ({ line: e.line, verdict: e.verdict, diagnosis: e.diagnosis, ...(e.shapeClaim ? { shapeClaim: e.shapeClaim } : {}) }));
  return { actual, wanted };
}

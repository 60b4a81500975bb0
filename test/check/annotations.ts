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

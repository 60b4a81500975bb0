// Splits a file's statements into problems (SPEC 1.8). Statements before the first `problem` line form
// a preamble shared by every problem; a file without `problem` lines is one problem with id "".
import type { Span, Statement } from '../syntax/ast';

export interface ProblemSection {
  id: string;
  title?: string;
  span?: Span;
  statements: Statement[];
}

export function splitProblems(statements: readonly Statement[]): ProblemSection[] {
  const preamble: Statement[] = [];
  const sections: ProblemSection[] = [];
  for (const st of statements) {
    if (st.kind === 'problem') sections.push({ id: st.id, title: st.title, span: st.span, statements: [...preamble] });
    else (sections.length ? sections[sections.length - 1].statements : preamble).push(st);
  }
  return sections.length ? sections : [{ id: '', statements: preamble }];
}

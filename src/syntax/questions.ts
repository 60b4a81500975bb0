// Which questions of a document see which: shared by the document reader (src/latex, worked examples'
// values) and by resolution (src/resolve/questions.ts, what a question's scope holds), so .cr files load no
// document reader for it.
import type { Question } from './ast';

/**
 * The questions whose statements `index` sees: its ancestors (their stems), and for it and each ancestor
 * that is a part, the earlier parts beside it with everything they contain.
 */
export function visibleFrom(questions: readonly Question[], index: number): Set<number> {
  const seen = new Set<number>();
  const earlierParts = new Set<number>();
  for (let x: number | undefined = index; x !== undefined; x = questions[x].parent) {
    const parent = questions[x].parent;
    if (parent !== undefined) seen.add(parent);
    if (questions[x].continues) for (let k = 0; k < x; k++) if (questions[k].parent === parent) earlierParts.add(k);
  }
  for (let k = 0; k < index; k++) {
    for (let a: number | undefined = k; a !== undefined; a = questions[a].parent) {
      if (earlierParts.has(a)) {
        seen.add(k);
        break;
      }
    }
  }
  return seen;
}

// `1) $\frac{\partial L}{\partial W}$ = $X^T G$`: inline maths joined by an `=` typed in the prose between them is
// one equation, as a reader takes it (each piece alone claimed nothing, so the line was not read). The pieces
// are joined into one maths text with their delimiters blanked, so offsets into the document stay exact.
import type { MathEvent } from './extract';

type MathAt = (i: number) => { event: MathEvent; next: number } | undefined;

/** Up to this many `= $..$` links are joined after one inline maths (a line is rarely longer). */
const MAX_LINKS = 20;

/** `first`, an inline maths ending before `first.next`, with the inline maths that follow it across a prose `=`. */
export function joinedByProseEquals(src: string, first: { event: MathEvent; next: number }, mathAt: MathAt): { event: MathEvent; next: number } {
  if (first.event.display) return first;
  let { event, next } = first;
  for (let links = 0; links < MAX_LINKS; links++) {
    const gap = /^[ \t]*=[ \t]*/.exec(src.slice(next, next + 64));
    const after = gap && gap[0].length < 64 ? mathAt(next + gap[0].length) : undefined;
    if (!after || after.event.display) break;
    const between = src.slice(event.start + event.text.length, after.event.start).replace(/[^=]/g, ' ');
    event = { ...event, text: event.text + between + after.event.text };
    next = after.next;
  }
  return { event, next };
}

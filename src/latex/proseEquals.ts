// `1) $\frac{\partial L}{\partial W}$ = $X^T G$`: inline maths joined by an `=` typed in the prose between them is
// one equation, as a reader takes it (each piece alone claimed nothing, so the line was not read); so is an
// answer typed as plain text after it, `$\frac{\partial f}{\partial z}$ = q = 3`, when all of it to the end of
// the line is numbers, single letters, operators and brackets (`= a lot` stays prose). The pieces are joined into
// one maths text with their delimiters blanked, so offsets into the document stay exact.
import type { MathEvent } from './extract';

type MathAt = (i: number) => { event: MathEvent; next: number } | undefined;

/** Up to this many `= $..$` links are joined after one inline maths (a line is rarely longer). */
const MAX_LINKS = 20;

/** `= q = 3`, `= -2(z - t)x`: plain maths to the end of the line, with no word of two letters or more. */
const PLAIN_ANSWER = /^[ \t]*=(?:[ \t]*(?:[=+\-*/^().,·×]|[0-9]+(?:\.[0-9]+)?|[A-Za-z](?![A-Za-z])))+[ \t]*\.?[ \t]*$/;

/** `first`, an inline maths ending before `first.next`, with what follows it across a prose `=`. */
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
  const lineEnd = src.indexOf('\n', next) < 0 ? src.length : src.indexOf('\n', next);
  if (!PLAIN_ANSWER.test(src.slice(next, lineEnd))) return { event, next };
  const closing = src.slice(event.start + event.text.length, next).replace(/./g, ' ');
  return { event: { ...event, text: event.text + closing + src.slice(next, lineEnd) }, next: lineEnd };
}

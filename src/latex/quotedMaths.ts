// Display maths inside a Markdown blockquote (a quoted remark or a callout: `> $$`, `> \frac{df}{dx} = 3x^2`, `> $$`):
// every line of the block carries the quote's `>`, which is Markdown, not maths (it made the block unreadable,
// "unexpected `>`"). The marks are blanked, so positions stay, when the opening delimiter ends its line and every line
// after it starts with one (or is blank); a `>` that opens one line of maths among others (`f(x)` then `> 0`) is the
// maths' own and stays.
import type { MathEvent } from './extract';

/** The block with its blockquote marks blanked, or unchanged when it is not quoted line by line. */
export function withoutQuoteMarks(ev: MathEvent): MathEvent {
  const lines = ev.text.split('\n');
  const rest = lines.slice(1);
  const quoted = (line: string) => /^[ \t]*>/.test(line);
  if (lines[0].trim() !== '' || !rest.some(quoted) || !rest.every((line) => quoted(line) || line.trim() === '')) return ev;
  const blank = (line: string) => line.replace(/^[ \t>]*>/, (marks) => ' '.repeat(marks.length));
  return { ...ev, text: [lines[0], ...rest.map(blank)].join('\n') };
}

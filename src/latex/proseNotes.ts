// A bracket that opens with words is a note beside the maths, `= ... \quad (\text{Chain Rule})` or
// `(\text{linear in } w)`, as `\text{(Chain Rule)}` is: it is prose, not a product with the bracket.
import { closer, spanOf, type Tok } from './tokens';

/** The tokens with each `( \text{..} ..)` whose first token is prose made one prose token. */
export function proseBracketsAsNotes(tokens: readonly Tok[]): Tok[] {
  const out: Tok[] = [];
  for (let i = 0; i < tokens.length; i++) {
    const close = tokens[i].type === 'lparen' && tokens[i + 1]?.type === 'prose' ? closer(tokens, i) : undefined;
    if (close === undefined) {
      out.push(tokens[i]);
      continue;
    }
    const note = tokens.slice(i, close + 1);
    out.push({ ...tokens[i], type: 'prose', value: note.slice(1, -1).map((t) => t.text).join(' '), text: note.map((t) => t.text).join(' '), end: tokens[close].end, span: spanOf(note) });
    i = close;
  }
  return out;
}

// Where things are in a JSON text: JSON.parse gives the values but no positions (and Node's messages no
// place), so this scanner walks the same grammar once, iteratively (nesting is bounded by MAX_DEPTH, not
// by the stack), to give the offset of the first error and the offsets of the strings a caller wants
// (the lines of a notebook's cells). It decodes nothing; JSON.parse does.

/** Deeper nesting than any notebook has is refused (input is untrusted). */
export const MAX_JSON_DEPTH = 256;

export type JsonPath = ReadonlyArray<string | number>;

export interface JsonScan {
  /** The first place where the text is not JSON, and what was expected there. */
  error?: { offset: number; message: string };
  /** Each string value whose path `want` accepted: its path and the offset of its opening quote. */
  strings: Array<{ path: (string | number)[]; offset: number }>;
}

type Frame = { kind: 'object'; key?: string } | { kind: 'array'; index: number };
type Expect = 'value' | 'value-or-close' | 'key' | 'key-or-close' | 'colon' | 'comma-or-close';

const NUMBER = /-?(?:0|[1-9][0-9]*)(?:\.[0-9]+)?(?:[eE][+-]?[0-9]+)?/y;
const LITERAL = /true|false|null/y;

export function scanJson(text: string, want: (path: JsonPath) => boolean): JsonScan {
  const strings: JsonScan['strings'] = [];
  const stack: Frame[] = [];
  let expect: Expect = 'value';
  let i = 0;
  const fail = (message: string): JsonScan => ({ error: { offset: i, message }, strings });
  const path = () => stack.map((f) => (f.kind === 'object' ? f.key ?? '' : f.index));
  for (;;) {
    while (i < text.length && ' \t\n\r'.includes(text[i])) i++;
    if (i >= text.length) return stack.length === 0 && expect === 'comma-or-close' ? { strings } : fail('the JSON ends before it is complete');
    const c = text[i];
    if (stack.length === 0 && expect === 'comma-or-close') return fail('there is more text after the JSON value');
    const top = stack[stack.length - 1];
    if (expect === 'value' || expect === 'value-or-close') {
      if (expect === 'value-or-close' && c === ']') {
        stack.pop();
        i++;
        expect = 'comma-or-close';
      } else if (c === '{' || c === '[') {
        if (stack.length >= MAX_JSON_DEPTH) return fail(`the JSON is nested more than ${MAX_JSON_DEPTH} deep`);
        stack.push(c === '{' ? { kind: 'object' } : { kind: 'array', index: 0 });
        i++;
        expect = c === '{' ? 'key-or-close' : 'value-or-close';
      } else if (c === '"') {
        const end = stringEnd(text, i);
        if (typeof end !== 'number') return { error: end, strings };
        const p = path();
        if (want(p)) strings.push({ path: p, offset: i });
        i = end;
        expect = 'comma-or-close';
      } else {
        const m = match(NUMBER, text, i) ?? match(LITERAL, text, i);
        if (!m) return fail(`a value was expected here, not \`${c}\``);
        i += m;
        expect = 'comma-or-close';
      }
    } else if (expect === 'key' || expect === 'key-or-close') {
      if (expect === 'key-or-close' && c === '}') {
        stack.pop();
        i++;
        expect = 'comma-or-close';
      } else if (c === '"') {
        const end = stringEnd(text, i);
        if (typeof end !== 'number') return { error: end, strings };
        (top as { key?: string }).key = text.slice(i + 1, end - 1);
        i = end;
        expect = 'colon';
      } else return fail('a property name in double quotes was expected here');
    } else if (expect === 'colon') {
      if (c !== ':') return fail('`:` was expected after the property name');
      i++;
      expect = 'value';
    } else {
      const close = top.kind === 'array' ? ']' : '}';
      if (c === ',') {
        if (top.kind === 'array') top.index++;
        i++;
        expect = top.kind === 'array' ? 'value' : 'key';
      } else if (c === close) {
        stack.pop();
        i++;
      } else return fail(`\`,\` or \`${close}\` was expected here`);
    }
  }
}

/** The offset after the string opened at `open`, or the error that ends it. */
function stringEnd(text: string, open: number): number | { offset: number; message: string } {
  for (let j = open + 1; j < text.length; j++) {
    const c = text[j];
    if (c === '\\') j++;
    else if (c === '"') return j + 1;
    else if (c < ' ') return { offset: j, message: 'a line break or control character inside a string must be escaped (\\n)' };
  }
  return { offset: open, message: 'this string is not closed' };
}

function match(re: RegExp, text: string, at: number): number | undefined {
  re.lastIndex = at;
  const m = re.exec(text);
  return m ? m[0].length : undefined;
}

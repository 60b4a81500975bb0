// Grouping: split the file's token stream into logical statements, in one linear pass.
// A statement ends at a newline unless the line ends inside brackets or with a binary operator;
// a blank line always ends it (so a missing `)` cannot swallow the rest of the file).
// Labels (`[1b]`, `1b)`, `(b)`) at the start of a statement are stripped here.
import type { Span } from './ast';
import { error, type Diagnostic } from '../diagnostics';
import { CONTINUING, OPENERS, CLOSERS, endCol, type Token } from './lexer';

export const MAX_DEPTH = 100;
export const MAX_STATEMENT_TOKENS = 2000;

export interface Group {
  /** Significant tokens (no spaces, newlines or comments), plus synthetic row separators. */
  tokens: Token[];
  /** The line starts with `=`: it continues the previous equation's chain. */
  cont: boolean;
  label?: { text: string; span: Span };
  /** Set when the statement is too deep or too long; it is not parsed. */
  limit?: Diagnostic;
  /** First and last significant tokens (kept even when `tokens` was cut short by a limit). */
  first: Token;
  last: Token;
}

// `[1b]`, `[2]`, `[a]`, `1b)`, `(b)`, `a)`, `[1.2]`: digits then letters/digits/dots, or one lowercase letter.
const LABEL = /(?:\[(\d[\dA-Za-z.]*|[a-z])\]|\(?(\d[\dA-Za-z.]*|[a-z])\))(?=[ \t]|\r?\n|$)[ \t]*/y;
// After these, the bracketed text is an operand (`(b) = 2`, `[a] * x`), not a label.
const OPERAND_FOLLOW = /[=≈+*/^.@·⊙∘:,;'′]|-[ \t]/y;

function matchLabel(source: string, offset: number): { text: string; length: number; end: number } | null {
  LABEL.lastIndex = offset;
  const m = LABEL.exec(source);
  if (!m) return null;
  const end = offset + m[0].length;
  OPERAND_FOLLOW.lastIndex = end;
  if (OPERAND_FOLLOW.test(source)) return null;
  return { text: m[1] ?? m[2], length: m[0].trimEnd().length, end };
}

function spanOf(a: Token, b: Token): Span {
  return { line: a.line, column: a.col, endLine: b.line, endColumn: endCol(b) };
}

/** Inside brackets these cannot occur: a continued line that has one starts a new statement. */
const STATEMENT_LEVEL: ReadonlySet<string> = new Set(['eq', 'approx', 'colon', 'tilde']);

class Grouper {
  readonly groups: Group[] = [];
  private cur: Group | null = null;
  private stack: Token[] = [];
  private lineHasContent = false;
  /** The current line continues the statement because the previous one ended inside brackets. */
  private bracketLine = false;
  /** Index in `cur.tokens` where the current physical line starts. */
  private lineStart = 0;
  private pendingSemi: Token | null = null;
  private pendingLabel: Group['label'] | undefined;
  private skipUntil = -1;

  constructor(private readonly source: string) {}

  private flush(): void {
    if (this.cur) this.groups.push(this.cur);
    this.cur = null;
    this.stack = [];
    this.pendingSemi = null;
    this.bracketLine = false;
  }

  private newline(t: Token): void {
    const g = this.cur;
    if (g) {
      const inBrackets = this.stack.length > 0;
      const continues = this.lineHasContent && (inBrackets || CONTINUING.has(g.last.type));
      if (!continues) this.flush();
      else {
        this.bracketLine = inBrackets;
        this.lineStart = g.tokens.length;
        if (this.stack[this.stack.length - 1]?.type === 'lbracket' && g.last.type !== 'lbracket' && !CONTINUING.has(g.last.type)) {
          this.pendingSemi = t; // a newline inside [ ] separates rows, as in MATLAB
        }
      }
    }
    this.lineHasContent = false;
  }

  /** A label at the start of a statement: remember it and skip its tokens. */
  private label(t: Token): boolean {
    if (t.type === 'eq' || t.type === 'approx') return false;
    const label = matchLabel(this.source, t.offset);
    if (!label) return false;
    this.pendingLabel = { text: label.text, span: { line: t.line, column: t.col, endLine: t.line, endColumn: t.col + label.length } };
    this.skipUntil = label.end;
    this.lineHasContent = true;
    return true;
  }

  private start(t: Token): Group {
    const g: Group = { tokens: [], cont: t.type === 'eq' || t.type === 'approx', first: t, last: t };
    if (this.pendingLabel) g.label = this.pendingLabel;
    this.pendingLabel = undefined;
    this.cur = g;
    this.lineStart = 0;
    return g;
  }

  /**
   * The previous line ended inside brackets, but this line has `=` or `:` before closing them:
   * the brackets were never closed. End that statement at the line break (it will report the
   * unclosed bracket) and start a new one with this line.
   */
  private splitAtLine(g: Group, t: Token): Group {
    const moved = g.tokens.splice(this.lineStart).filter((m) => m.text !== '');
    g.last = [...g.tokens].reverse().find((m) => m.text !== '') ?? g.first;
    this.flush();
    const next = this.start(moved[0] ?? t);
    for (const m of moved) this.add(next, m);
    return next;
  }

  private add(g: Group, t: Token): void {
    if (OPENERS.has(t.type)) {
      this.stack.push(t);
      if (this.stack.length > MAX_DEPTH && !g.limit) {
        g.limit = error('limit-exceeded', `brackets are nested deeper than ${MAX_DEPTH} levels`, spanOf(t, t));
      }
    } else if (CLOSERS.has(t.type)) {
      this.stack.pop();
    }
    if (g.tokens.length >= MAX_STATEMENT_TOKENS) {
      if (!g.limit) g.limit = error('limit-exceeded', `statement is longer than ${MAX_STATEMENT_TOKENS} tokens`, spanOf(g.first, t));
    } else if (!g.limit) {
      g.tokens.push(t);
    }
    g.last = t;
  }

  token(t: Token): void {
    if (t.offset < this.skipUntil || t.type === 'ws') return;
    if (t.type === 'comment') {
      this.lineHasContent = true;
      return;
    }
    if (t.type === 'nl') {
      this.newline(t);
      return;
    }
    if (this.cur === null && this.label(t)) return;
    let g = this.cur ?? this.start(t);
    this.lineHasContent = true;

    if (this.bracketLine && this.stack.length > 0 && STATEMENT_LEVEL.has(t.type) && !g.limit && this.lineStart > 0) {
      g = this.splitAtLine(g, t);
    }
    if (this.pendingSemi) {
      if (t.type !== 'rbracket' && t.type !== 'semi' && t.type !== 'comma' && (t.type === 'minus' || !CONTINUING.has(t.type))) {
        g.tokens.push({ type: 'semi', text: '', offset: this.pendingSemi.offset, line: this.pendingSemi.line, col: this.pendingSemi.col });
      }
      this.pendingSemi = null;
    }
    this.add(g, t);
  }

  end(): Group[] {
    this.flush();
    return this.groups;
  }
}

export function groupStatements(tokens: readonly Token[], source: string): Group[] {
  const grouper = new Grouper(source);
  for (const t of tokens) grouper.token(t);
  return grouper.end();
}

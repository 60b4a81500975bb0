// The editor (CodeMirror 6): the text, each claim's verdict as a block under the claim's last line,
// diagnostics underlined (@codemirror/lint), and the shapes of names on hover.
import { EditorState, StateEffect, StateField, type Extension, type Text } from '@codemirror/state';
import { Decoration, EditorView, WidgetType, hoverTooltip, keymap, lineNumbers, drawSelection, type DecorationSet } from '@codemirror/view';
import { defaultKeymap, history, historyKeymap } from '@codemirror/commands';
import { lintGutter, setDiagnostics, type Diagnostic } from '@codemirror/lint';
import type { PageClaim, PageDiagnostic } from '../../src/web/protocol';
import { claimElement } from './claims';

const setClaims = StateEffect.define<readonly PageClaim[]>();

class ClaimWidget extends WidgetType {
  private readonly key: string;

  constructor(readonly claim: PageClaim) {
    super();
    this.key = JSON.stringify(claim);
  }

  eq(other: ClaimWidget): boolean {
    return other.key === this.key;
  }

  toDOM(): HTMLElement {
    return claimElement(this.claim);
  }
}

/** The verdict blocks; between checks they move with the text they belong to. */
const claimBlocks = StateField.define<DecorationSet>({
  create: () => Decoration.none,
  update(blocks, tr) {
    for (const effect of tr.effects) if (effect.is(setClaims)) return claimDecorations(tr.state.doc, effect.value);
    return blocks.map(tr.changes);
  },
  provide: (field) => EditorView.decorations.from(field),
});

function claimDecorations(doc: Text, claims: readonly PageClaim[]): DecorationSet {
  const ranges = claims
    .filter((c) => c.lastLine <= doc.lines)
    .map((c) => Decoration.widget({ widget: new ClaimWidget(c), block: true, side: 1 }).range(doc.line(c.lastLine).to));
  return Decoration.set(ranges, true);
}

export interface EditorHooks {
  onChange(text: string): void;
  /** Name → shape, for the hover. */
  shapes(): Record<string, string>;
}

export function createEditor(parent: HTMLElement, text: string, hooks: EditorHooks): EditorView {
  const extensions: Extension[] = [
    lineNumbers(),
    drawSelection(),
    history(),
    keymap.of([...defaultKeymap, ...historyKeymap]),
    EditorView.lineWrapping,
    EditorView.contentAttributes.of({ 'aria-label': 'derivation', spellcheck: 'false' }),
    lintGutter(),
    claimBlocks,
    shapeHover(hooks.shapes),
    EditorView.updateListener.of((update) => {
      if (update.docChanged) hooks.onChange(update.state.doc.toString());
    }),
  ];
  return new EditorView({ parent, state: EditorState.create({ doc: text, extensions }) });
}

/** Shows the claims' verdicts and underlines the diagnostics (positions are in the text that was checked). */
export function showResult(view: EditorView, claims: readonly PageClaim[], diagnostics: readonly PageDiagnostic[]): void {
  const doc = view.state.doc;
  const marks = diagnostics.flatMap((d): Diagnostic[] => {
    if (!d.span || d.span.line > doc.lines) return [];
    const from = offsetOf(doc, d.span.line, d.span.column);
    const to = Math.max(from, offsetOf(doc, d.span.endLine, d.span.endColumn));
    const message = d.hint ? `${d.message} (${d.hint})` : d.message;
    return [{ from, to, severity: d.severity, source: d.code, message }];
  });
  view.dispatch(setDiagnostics(view.state, marks), { effects: setClaims.of(claims) });
}

/** A 1-based line and column as an offset, clamped to the document. */
function offsetOf(doc: Text, line: number, column: number): number {
  const l = doc.line(Math.min(Math.max(line, 1), doc.lines));
  return Math.min(l.from + Math.max(column - 1, 0), l.to);
}

const NAME = /[A-Za-z_\u0370-\u03ff][A-Za-z0-9_'\u0370-\u03ff]*/g;

/** Hovering a name shows its shape; with several problems, its shape in each. */
function shapeHover(shapes: () => Record<string, string>): Extension {
  return hoverTooltip((view, pos) => {
    const line = view.state.doc.lineAt(pos);
    for (const m of line.text.matchAll(NAME)) {
      const from = line.from + m.index!;
      const to = from + m[0].length;
      if (pos < from || pos > to) continue;
      const found = shapesOfName(shapes(), m[0]);
      if (!found.length) return null;
      return {
        pos: from, end: to, above: true,
        create: () => {
          const dom = document.createElement('div');
          dom.className = 'shape-tooltip';
          dom.textContent = found.join('; ');
          return { dom };
        },
      };
    }
    return null;
  });
}

function shapesOfName(shapes: Record<string, string>, name: string): string[] {
  if (shapes[name] !== undefined) return [`${name} : ${shapes[name]}`];
  return Object.entries(shapes)
    .filter(([key]) => key.endsWith(`/${name}`))
    .map(([key, shape]) => `${name} : ${shape} (problem ${key.slice(0, -name.length - 1)})`);
}

export function replaceText(view: EditorView, text: string): void {
  view.dispatch({ changes: { from: 0, to: view.state.doc.length, insert: text } });
}

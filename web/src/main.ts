// The page (docs/web.md): the editor, checking in a Web Worker as the student types, the verdicts and
// diagnostics shown on their lines, an assignment from a dropped file or `?assignment=`, the document
// in the URL hash, the bundled examples, and a service worker so the page works offline.
import type { EditorView } from '@codemirror/view';
import { detectFormat } from '../../src/web/format';
import type { AssignmentSource, CheckReply, CheckRequest, PageResult, SourceFormat } from '../../src/web/protocol';
import { decodeShared, encodeShared } from '../../src/web/share';
import { CheckRunner, type CheckWorker } from '../../src/web/watchdog';
import { createEditor, replaceText, showResult } from './editor';
import { element } from './claims';
import { fetchAssignment, watchDrops } from './assignment';
import { setupExamples, type Example } from './examples';

/** Checking waits this long after the last keystroke. */
const DEBOUNCE_MS = 150;

const byId = <T extends HTMLElement>(id: string) => document.getElementById(id) as T;

class CheckerPage {
  private readonly editor: EditorView;
  private readonly runner: CheckRunner;
  private assignment?: AssignmentSource;
  private shapes: Record<string, string> = {};
  private nextId = 1;
  /** When the edit behind each pending request was made (for the keystroke-to-verdicts measure). */
  private readonly editedAt = new Map<number, number>();
  private lastEdit = performance.now();
  private timer?: ReturnType<typeof setTimeout>;

  constructor(private readonly format: HTMLSelectElement, text: string) {
    this.runner = new CheckRunner(() => new Worker('worker.js') as unknown as CheckWorker, (reply) => this.show(reply));
    this.editor = createEditor(byId('editor'), text, { onChange: () => this.edited(), shapes: () => this.shapes });
    format.addEventListener('change', () => this.edited());
  }

  /**
   * The assignment the text is checked against; `named` is its path beside the page, kept in the URL
   * (`?assignment=`) so that a link says what was checked. A dropped file has none.
   */
  setAssignment(assignment: AssignmentSource | undefined, named?: string): void {
    this.assignment = assignment;
    const url = new URL(location.href);
    if (assignment && named) url.searchParams.set('assignment', named);
    else url.searchParams.delete('assignment');
    history.replaceState(null, '', url);
    byId('assignment-name').textContent = assignment ? assignment.file : 'none';
    byId('clear-assignment').hidden = !assignment;
    this.edited();
  }

  hasAssignment(): boolean {
    return this.assignment !== undefined;
  }

  /** New text for the editor (an example); it is checked like an edit. */
  load(text: string, format: SourceFormat): void {
    this.format.value = format;
    replaceText(this.editor, text);
  }

  /** Checks the text now (a page opened from a link), not after the debounce. */
  checkNow(): void {
    clearTimeout(this.timer);
    this.check();
  }

  private edited(): void {
    this.lastEdit = performance.now();
    clearTimeout(this.timer);
    this.timer = setTimeout(() => this.check(), DEBOUNCE_MS);
  }

  private check(): void {
    const text = this.editor.state.doc.toString();
    const format = this.format.value === 'auto' ? detectFormat(text) : (this.format.value as SourceFormat);
    byId('detected').textContent = this.format.value === 'auto' ? `(${format})` : '';
    const request: CheckRequest = { id: this.nextId++, text, format, ...(this.assignment ? { assignment: this.assignment } : {}) };
    this.editedAt.set(request.id, this.lastEdit);
    byId('status').textContent = 'checking…';
    this.runner.submit(request);
    void encodeShared({ format, text }).then((hash) => history.replaceState(null, '', `#${hash}`));
  }

  private show(reply: CheckReply): void {
    const editedAt = this.editedAt.get(reply.id) ?? this.lastEdit;
    this.editedAt.delete(reply.id);
    // A newer edit is waiting: this result is for text that is gone, so the old verdicts stay in place.
    if (reply.id !== this.nextId - 1) return;
    if ('failure' in reply) {
      byId('status').textContent = `chainrule failed on this text (a bug; please report it with the text): ${reply.failure}`;
      return;
    }
    const result = reply.result;
    this.shapes = result.shapes;
    showResult(this.editor, result.claims, result.diagnostics);
    byId('status').textContent = `${result.summary} · checked in ${Math.round(result.elapsedMs)} ms`;
    showAnswers(result);
    showNotes(result);
    requestAnimationFrame(() => performance.measure('chainrule:keystroke-to-verdicts', { start: editedAt, end: performance.now() }));
  }
}

async function start(): Promise<void> {
  if (location.protocol === 'file:') {
    byId('file-protocol').hidden = false;
    return;
  }
  const shared = await decodeShared(location.hash);
  const page = new CheckerPage(byId('format'), shared?.text ?? '');
  if (shared) byId<HTMLSelectElement>('format').value = shared.format;
  byId('clear-assignment').addEventListener('click', () => page.setAssignment(undefined));
  watchDrops(document.body, byId('assignment-file'), (assignment) => page.setAssignment(assignment), note);
  const open = async (example: Example, text: string) => {
    page.setAssignment(example.assignment ? await fetchNamed(example.assignment) : undefined, example.assignment);
    page.load(text, example.format);
  };
  const examples = await setupExamples(byId('examples'), (example, text) => void open(example, text));
  const named = new URL(location.href).searchParams.get('assignment');
  if (named) page.setAssignment(await fetchNamed(named), named);
  if (shared) page.checkNow();
  else if (page.hasAssignment()) page.load("# Your answers: `problem ID` before each problem's answers, then one line each, e.g. dL/dW = X^T (a - y)\n", 'cr');
  else await open(examples[0], await (await fetch(`examples/${examples[0].file}`)).text());
  if ('serviceWorker' in navigator) void navigator.serviceWorker.register('sw.js').catch(() => undefined);
}

/** An assignment beside the page, or undefined with the reason shown. */
async function fetchNamed(name: string): Promise<AssignmentSource | undefined> {
  return fetchAssignment(name, location.href).catch((err: Error) => void note(err.message));
}

function showAnswers(result: PageResult): void {
  const list = byId('answers');
  list.replaceChildren(...result.answers.map((a) => {
    const where = a.line === null ? 'no answer found' : `line ${a.line}`;
    const review = a.confidence === 'needs-review' ? ' · needs review' : '';
    return element('li', `answer ${a.outcome}`, `${a.id}: ${a.score} / ${a.maxScore} (${where}${review}) — ${a.feedback}`);
  }));
  byId('answers-section').hidden = result.mode !== 'assignment';
}

/** Every diagnostic as `chainrule check` words it (those with a place are underlined too), and the assignment's errors. */
function showNotes(result: PageResult): void {
  const notes = result.diagnostics.map((d) => {
    const where = d.span ? `line ${d.span.line}:${d.span.column}: ` : '';
    return element('pre', `note ${d.severity}`, `${where}${d.severity}[${d.code}]: ${d.message}${d.hint ? `\nhint: ${d.hint}` : ''}`);
  });
  const assignment = result.assignmentErrors.map((e) => element('pre', 'note error', `the assignment has an error:\n${e}`));
  byId('notes').replaceChildren(...notes, ...assignment);
}

/** A message about the page itself (an assignment that could not be loaded), kept until the page reloads. */
function note(message: string): void {
  byId('messages').append(element('pre', 'note error', message));
}

void start();

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

interface Page {
  editor: EditorView;
  runner: CheckRunner;
  format: HTMLSelectElement;
  assignment?: AssignmentSource;
  shapes: Record<string, string>;
  nextId: number;
  /** When the edit behind each pending request was made (for the keystroke-to-verdicts measure). */
  editedAt: Map<number, number>;
  lastEdit: number;
  timer?: ReturnType<typeof setTimeout>;
}

async function start(): Promise<void> {
  if (location.protocol === 'file:') {
    byId('file-protocol').hidden = false;
    return;
  }
  const shared = await decodeShared(location.hash);
  const format = byId<HTMLSelectElement>('format');
  if (shared) format.value = shared.format;
  const page: Page = {
    format, shapes: {}, nextId: 1, editedAt: new Map(), lastEdit: performance.now(),
    runner: new CheckRunner(() => new Worker('worker.js') as unknown as CheckWorker, (reply) => show(page, reply)),
    editor: undefined as unknown as EditorView,
  };
  page.editor = createEditor(byId('editor'), shared?.text ?? '', {
    onChange: () => edited(page),
    shapes: () => page.shapes,
  });
  format.addEventListener('change', () => edited(page));
  byId('clear-assignment').addEventListener('click', () => useAssignment(page, undefined));
  watchDrops(document.body, byId('assignment-file'), (assignment) => useAssignment(page, assignment), note);
  const examples = await setupExamples(byId('examples'), (example, text) => void openExample(page, example, text));
  const named = new URL(location.href).searchParams.get('assignment');
  if (named) page.assignment = await fetchAssignment(named, location.href).catch((err: Error) => void note(err.message));
  showAssignment(page);
  if (shared) check(page);
  else if (page.assignment) replaceText(page.editor, `# Your answers to ${page.assignment.file}: one line per answer, e.g. dL/dW = X^T (a - y)\n`);
  else void openExample(page, examples[0], await (await fetch(`examples/${examples[0].file}`)).text());
  registerServiceWorker();
}

/** An example's text in the editor, checked against its assignment if it has one (named in the URL too). */
async function openExample(page: Page, example: Example, text: string): Promise<void> {
  const url = new URL(location.href);
  if (example.assignment) {
    page.assignment = await fetchAssignment(example.assignment, location.href).catch((err: Error) => void note(err.message));
    url.searchParams.set('assignment', example.assignment);
  } else {
    page.assignment = undefined;
    url.searchParams.delete('assignment');
  }
  history.replaceState(null, '', url);
  showAssignment(page);
  page.format.value = example.format;
  replaceText(page.editor, text);
}

function currentFormat(page: Page): SourceFormat {
  const chosen = page.format.value;
  return chosen === 'auto' ? detectFormat(page.editor.state.doc.toString()) : (chosen as SourceFormat);
}

function edited(page: Page): void {
  page.lastEdit = performance.now();
  clearTimeout(page.timer);
  page.timer = setTimeout(() => check(page), DEBOUNCE_MS);
}

function check(page: Page): void {
  const text = page.editor.state.doc.toString();
  const format = currentFormat(page);
  byId('detected').textContent = page.format.value === 'auto' ? `(${format})` : '';
  const request: CheckRequest = { id: page.nextId++, text, format, ...(page.assignment ? { assignment: page.assignment } : {}) };
  page.editedAt.set(request.id, page.lastEdit);
  byId('status').textContent = 'checking…';
  page.runner.submit(request);
  void encodeShared({ format, text }).then((hash) => history.replaceState(null, '', `#${hash}`));
}

function show(page: Page, reply: CheckReply): void {
  const editedAt = page.editedAt.get(reply.id) ?? page.lastEdit;
  page.editedAt.delete(reply.id);
  // A newer edit is waiting: this result is for text that is gone, so keep the old verdicts in place.
  if (reply.id !== page.nextId - 1) return;
  if ('failure' in reply) {
    byId('status').textContent = `chainrule failed on this text (a bug; please report it with the text): ${reply.failure}`;
    return;
  }
  const result = reply.result;
  page.shapes = result.shapes;
  showResult(page.editor, result.claims, result.diagnostics);
  byId('status').textContent = `${result.summary} · checked in ${Math.round(result.elapsedMs)} ms`;
  showAnswers(result);
  showNotes(result);
  requestAnimationFrame(() => performance.measure('chainrule:keystroke-to-verdicts', { start: editedAt, end: performance.now() }));
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

function useAssignment(page: Page, assignment: AssignmentSource | undefined): void {
  page.assignment = assignment;
  // A dropped file is not the one `?assignment=` names, if any.
  const url = new URL(location.href);
  url.searchParams.delete('assignment');
  history.replaceState(null, '', url);
  showAssignment(page);
  check(page);
}

function showAssignment(page: Page): void {
  byId('assignment-name').textContent = page.assignment ? page.assignment.file : 'none';
  byId('clear-assignment').hidden = !page.assignment;
}

/** A message about the page itself (an assignment that could not be loaded), kept until the page reloads. */
function note(message: string): void {
  byId('messages').append(element('pre', 'note error', message));
}

function registerServiceWorker(): void {
  if ('serviceWorker' in navigator) void navigator.serviceWorker.register('sw.js').catch(() => undefined);
}

void start();

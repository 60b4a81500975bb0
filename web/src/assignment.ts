// An assignment for the page: from `?assignment=FILE` (a file hosted beside the page: only this origin is
// asked, so no request leaves it), or from a file dropped on the page or picked with the file button.
import type { AssignmentSource } from '../../src/web/protocol';
import { MAX_SOURCE_CHARS } from '../../src/limits/index';

/** The assignment `name` (as `?assignment=` gives it) beside the page; throws an Error with a message for the page. */
export async function fetchAssignment(name: string, pageUrl: string): Promise<AssignmentSource> {
  const page = new URL(pageUrl);
  const url = new URL(name, page);
  if (url.origin !== page.origin) throw new Error(`?assignment=${name}: the assignment must be a file beside this page (on ${page.origin}); it was not loaded`);
  const response = await fetch(url);
  if (!response.ok) throw new Error(`?assignment=${name}: ${url.pathname} could not be loaded (HTTP ${response.status})`);
  const source = await response.text();
  if (source.length > MAX_SOURCE_CHARS) throw new Error(`?assignment=${name}: error[limit-exceeded]: ${source.length} characters; the limit is ${MAX_SOURCE_CHARS}`);
  return { file: url.pathname.split('/').pop() || name, source };
}

/** Files dropped anywhere but the editor (which takes dropped text itself), or picked with `input`, become the assignment. */
export function watchDrops(target: HTMLElement, input: HTMLInputElement, use: (a: AssignmentSource) => void, fail: (message: string) => void): void {
  const outsideEditor = (e: DragEvent) => !(e.target instanceof Node && (e.target as Element).closest?.('.cm-editor'));
  target.addEventListener('dragover', (e) => {
    if (!outsideEditor(e)) return;
    e.preventDefault();
    target.classList.add('dragging');
  });
  target.addEventListener('dragleave', () => target.classList.remove('dragging'));
  target.addEventListener('drop', (e) => {
    target.classList.remove('dragging');
    if (!outsideEditor(e)) return;
    e.preventDefault();
    const file = e.dataTransfer?.files[0];
    if (file) void read(file, use, fail);
  });
  input.addEventListener('change', () => {
    const file = input.files?.[0];
    if (file) void read(file, use, fail);
    input.value = '';
  });
}

async function read(file: File, use: (a: AssignmentSource) => void, fail: (message: string) => void): Promise<void> {
  if (file.size > MAX_SOURCE_CHARS) return fail(`${file.name}: error[limit-exceeded]: the file is ${file.size} bytes; the limit is ${MAX_SOURCE_CHARS}`);
  use({ file: file.name, source: await file.text() });
}

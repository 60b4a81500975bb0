// The examples menu: the bundled examples (examples/index.json, written by scripts/build-web.js).
import type { SourceFormat } from '../../src/web/protocol';
import { element } from './claims';

export interface Example {
  title: string;
  file: string;
  format: SourceFormat;
  /** An assignment beside the page to check the example against (as `?assignment=` names it). */
  assignment?: string;
}

/** Fills the menu; choosing an example calls `open` with it and its text. */
export async function setupExamples(select: HTMLSelectElement, open: (example: Example, text: string) => void): Promise<Example[]> {
  const examples = (await (await fetch('examples/index.json')).json()) as Example[];
  select.append(...examples.map((e, i) => Object.assign(element('option', '', e.title), { value: String(i) })));
  select.addEventListener('change', async () => {
    const example = examples[Number(select.value)];
    if (example) open(example, await (await fetch(`examples/${example.file}`)).text());
  });
  return examples;
}

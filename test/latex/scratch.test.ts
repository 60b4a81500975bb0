import { it } from 'vitest';
import { readFileSync } from 'fs';
import { parseMarkdown } from '../../src/latex/documents';
import { showStatement } from './print';
it('scratch', () => {
  for (const p of ['/work/shared/seeds/homework_backprop_matrix_form.md', '/work/shared/seeds/homework_logreg_and_numeric_backprop.md']) {
    const d = parseMarkdown(readFileSync(p, 'utf8'), p);
    console.log('=== ' + p + ` blocks ${d.blocks.length} read ${d.blocks.filter(b=>b.read).length}`);
    d.statements.forEach((s, i) => console.log(`  [${d.problemIds[i]}] ${s.span.line}: ${showStatement(s)}`));
    d.diagnostics.forEach((x) => console.log(`  ! ${x.span.line}:${x.span.column} ${x.message}`));
  }
});

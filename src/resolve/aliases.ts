// `alias \hat{y} = a2`: the submission's notation, read the way the LaTeX front end reads names, so the
// alias applies to exactly the names a LaTeX submission produces (`\hat{y}` is yhat, `\mathcal{L}` is L).
import type * as LatexParse from '../latex/parse';
import { normalizeName } from '../syntax/parse';

export function aliasName(notation: string): string | undefined {
  const text = notation.trim();
  if (!text.includes('\\')) return normalizeName(text);
  // The LaTeX reader loads only for an alias written in LaTeX (a .cr file's check starts without it).
  const { parseLatexMath } = require('../latex/parse') as typeof LatexParse;
  const { statements } = parseLatexMath(`${text} = 0`, { file: '<alias>', line: 1, column: 1 });
  const first = statements[0];
  return first?.kind === 'equation' && first.lhs.expr.kind === 'name' ? first.lhs.expr.name : undefined;
}

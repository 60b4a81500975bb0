// KaTeX's stylesheet and fonts, copied once per output folder (DIR/assets/katex/) and linked by every
// page, instead of inlined into each of a thousand reports.
import * as fs from 'fs';
import * as path from 'path';
import { copyFileAtomic } from '../atomic';

export const KATEX_CSS = 'assets/katex/katex.min.css';

export function copyKatexAssets(outDir: string): void {
  const dist = path.dirname(require.resolve('katex/dist/katex.min.css'));
  const target = path.join(outDir, 'assets', 'katex');
  copyFileAtomic(path.join(dist, 'katex.min.css'), path.join(target, 'katex.min.css'));
  for (const font of fs.readdirSync(path.join(dist, 'fonts'))) {
    const to = path.join(target, 'fonts', font);
    if (!fs.existsSync(to)) copyFileAtomic(path.join(dist, 'fonts', font), to);
  }
}

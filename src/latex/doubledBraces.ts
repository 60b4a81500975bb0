// Equation editors (MathType, the solution sites that export from it) brace every argument twice:
// `\frac{{dz}}{{dt}}`, `\sin \left( {4{t^3}} \right)`. In TeX a group whose whole content is one group
// groups nothing more, so the outer pair is dropped and the inner group read as if written once.
import { closingRaw, type RawToken } from './lexer';

const isSymbol = (t: RawToken | undefined, text: string): boolean => t?.type === 'symbol' && t.text === text;

/** The tokens with every brace pair that holds exactly one braced group (and nothing else) removed. */
export function withoutDoubledBraces(raw: readonly RawToken[]): RawToken[] {
  const drop = new Set<number>();
  for (let i = 0; i + 1 < raw.length; i++) {
    if (!isSymbol(raw[i], '{') || !isSymbol(raw[i + 1], '{')) continue;
    const inner = closingRaw(raw, i + 1, '{', '}');
    if (inner !== undefined && isSymbol(raw[inner + 1], '}')) drop.add(i).add(inner + 1);
  }
  return drop.size === 0 ? [...raw] : raw.filter((_, k) => !drop.has(k));
}

// "Did you mean" hints for names: near-misses of known names (SPEC 1.1) and run-together products (SPEC 1.3).

/** Characters that OCR and handwriting confuse: `Wl` for `W1`, `O` for `0`. */
const CONFUSABLE: Record<string, string> = { l: '1', I: '1', '|': '1', O: '0', o: '0', S: '5' };

function canonical(name: string): string {
  return [...name].map((c) => CONFUSABLE[c] ?? c).join('').toLowerCase();
}

function editDistanceAtMostOne(a: string, b: string): boolean {
  if (Math.abs(a.length - b.length) > 1) return false;
  let i = 0;
  let j = 0;
  let edits = 0;
  while (i < a.length && j < b.length) {
    if (a[i] === b[j]) {
      i++;
      j++;
      continue;
    }
    if (++edits > 1) return false;
    if (a.length > b.length) i++;
    else if (b.length > a.length) j++;
    else {
      i++;
      j++;
    }
  }
  return edits + (a.length - i) + (b.length - j) <= 1;
}

/**
 * The known name an unknown one most likely stands for, or undefined.
 * Single letters are never "similar" to each other (x and y are different variables, not typos).
 */
export function similarName(unknown: string, known: Iterable<string>): string | undefined {
  const candidates: string[] = [];
  // LaTeX accents make new names (\hat{s} is shat): the bare name is the likely meaning.
  const accent = /^(.+?)(hat|bar|tilde)$/.exec(unknown);
  for (const k of known) {
    if (k === unknown) return undefined;
    if (canonical(k) === canonical(unknown)) return k;
    if (accent && accent[1] === k) return k;
    if (unknown.length >= 2 && k.length >= 2 && editDistanceAtMostOne(unknown, k) && sameLeadingLetter(unknown, k)) candidates.push(k);
  }
  return candidates.sort()[0];
}

function sameLeadingLetter(a: string, b: string): boolean {
  return a[0].toLowerCase() === b[0].toLowerCase();
}

/** Longer run-together names get no split hint: a hint of hundreds of names helps no one, and splitting costs. */
export const MAX_SPLIT_NAME = 64;

/**
 * Splits a run-together name into known names (`xy` → `x y`, `a1W2` → `a1 W2`), preferring fewer parts.
 * Returns undefined when no split into at least two known names exists, or the name is over MAX_SPLIT_NAME.
 */
export function splitIntoKnownNames(name: string, known: ReadonlySet<string>): string[] | undefined {
  if (name.length > MAX_SPLIT_NAME) return undefined;
  // fewest[end]: the fewest known names that make up name[0, end), and where the last of them starts.
  const fewest: Array<{ parts: number; start: number } | undefined> = new Array(name.length + 1).fill(undefined);
  fewest[0] = { parts: 0, start: 0 };
  for (let end = 1; end <= name.length; end++) {
    for (let start = 0; start < end; start++) {
      const before = fewest[start];
      if (before && known.has(name.slice(start, end)) && (!fewest[end] || fewest[end]!.parts > before.parts + 1)) fewest[end] = { parts: before.parts + 1, start };
    }
  }
  if (!fewest[name.length] || fewest[name.length]!.parts < 2) return undefined;
  const parts: string[] = [];
  for (let end = name.length; end > 0; end = fewest[end]!.start) parts.unshift(name.slice(fewest[end]!.start, end));
  return parts;
}

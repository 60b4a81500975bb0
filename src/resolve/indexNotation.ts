// Index notation as written (docs/index-notation.md): what a name's text says before the scope decides
// whether it is index notation at all. `w_i` is normalised to the name `wi` by the parser, which keeps the
// written text; these readers work on that text only, so `W_1` and `W1` stay the name W1 (digits are never
// indices) and nothing here depends on declarations.
import { normalizeName } from '../syntax/names';

/** `w_i` → base `w`, indices [i]; `W_ij`, `W_{ij}`, `W_{i,j}` → [i, j]. Undefined when the subscript is not letters. */
export interface Subscripted {
  base: string;
  indices: string[];
  /** A numbered layer written after the subscript (`W_{ib}^{(2)}`: entry (i, b) of W^{(2)}, the name W2). */
  layer?: string;
}

const SUBSCRIPTED = /^(\\?\p{L}[^]*?)_(?:\{([^{}]*)\}|(\p{L}+))$/u;

/** The index letters of a subscript: comma-separated names in braces, else one letter each. */
function indexList(text: string): string[] | undefined {
  const parts = text.includes(',') ? text.split(',').map((s) => s.trim()) : [...text.replace(/\s+/g, '')];
  return parts.length > 0 && parts.every((p) => /^\p{L}+$/u.test(p)) ? parts : undefined;
}

/**
 * The name of what a subscripted name indexes: its normalised name without the indices when it ends with
 * them (the LaTeX front end reads `\hat{y}_i` as `yhati`, so the base is `yhat`), else the written base normalised.
 */
export function baseNameOf(s: Subscripted, name: string): string {
  const suffix = s.indices.join('');
  if (s.layer !== undefined) {
    const tail = suffix + s.layer;
    return name.endsWith(tail) && name.length > tail.length ? name.slice(0, -tail.length) + s.layer : normalizeName(s.base) + s.layer;
  }
  return name.endsWith(suffix) && name.length > suffix.length ? name.slice(0, -suffix.length).replace(/_$/, '') : normalizeName(s.base);
}

/** The array a written name belongs to: its base when it is an entry (`z_j`, `\theta_k`), else the name itself. */
export function arrayNameOf(name: string, text: string): string {
  const s = subscriptsOf(text);
  return s ? baseNameOf(s, name) : name;
}

// A numbered layer after the subscript: `W_{ib}^{(2)}`, `W_{ib}^{[2]}` (the front end names it Wib2).
const LAYER_AFTER = /\^\{?[([](\d+)[)\]]\}?$/u;

export function subscriptsOf(text: string): Subscripted | undefined {
  const layer = LAYER_AFTER.exec(text);
  if (layer) {
    const entry = subscriptsOf(text.slice(0, layer.index));
    return entry && entry.layer === undefined ? { ...entry, layer: layer[1] } : undefined;
  }
  const m = SUBSCRIPTED.exec(text.normalize('NFC'));
  if (!m) return undefined;
  const [, written, braced, plain] = m;
  // LaTeX writes Greek letters as commands: `\delta_{ij}`, `\theta_j` index δ and θ.
  const base = written.replace(/^\\(?=\p{L}+$)/u, '');
  if (base.endsWith('_')) return undefined;
  const indices = indexList(braced ?? plain);
  return indices ? { base, indices } : undefined;
}

/** `sum_i`, `sum_{i=1}^m`, `Σ_{i=1}^{m}`, `∑_{i,j}`: the summed indices and the written bounds. */
export interface SumSign {
  indices: string[];
  lower?: string;
  upper?: string;
}

const SUM_SIGN = /^(?:sum|Sum|Σ|∑|\\sum)_(?:\{([^{}]*)\}|([\p{L}\p{Nd}]+))(?:\^(?:\{([^{}]*)\}|([\p{L}\p{Nd}]+)))?$/u;

export function sumSignOf(text: string): SumSign | undefined {
  const written = text.normalize('NFC');
  const m = SUM_SIGN.exec(written);
  if (!m) return overSet(written);
  const [, braced, plain, upperBraced, upperPlain] = m;
  const [indexPart, lower] = (braced ?? plain).split('=').map((s) => s.trim());
  const indices = indexList(indexPart);
  if (!indices) return overSet(written);
  const sign: SumSign = { indices };
  if (lower) sign.lower = lower;
  const upper = (upperBraced ?? upperPlain)?.trim();
  if (upper) sign.upper = upper;
  return fromZero(sign);
}

// A sum over the members of a set, `\sum_{k \in layer_{l-1}}`, `∑_{j ∈ S}`: the set may itself be subscripted.
const SET_SUM_SIGN = /^(?:sum|Sum|Σ|∑|\\sum)_\{\s*(\p{L}+(?:\s*,\s*\p{L}+)*)\s*(?:\\in\b|∈)[^]*\}$/u;

/**
 * A sum whose subscript says its index runs over a set, `\sum_{k \in layer_{l-1}}` (the units of layer l - 1):
 * it binds the index and states no bounds, as `\sum_k` does, so it runs over the index's range.
 */
function overSet(text: string): SumSign | undefined {
  const m = SET_SUM_SIGN.exec(text);
  const indices = m ? indexList(m[1]) : undefined;
  return indices ? { indices } : undefined;
}

/**
 * A sum from 0 to n - 1 (or to a number k) runs over n (k + 1) entries, as one from 1 to n does: zero-based
 * code's bounds, read as the range they count.
 */
function fromZero(sign: SumSign): SumSign {
  if (sign.lower !== '0' || sign.upper === undefined) return sign;
  const last = /^(\\?\p{L}+)\s*-\s*1$/u.exec(sign.upper)?.[1] ?? (/^\d{1,4}$/.test(sign.upper) ? String(Number(sign.upper) + 1) : undefined);
  return last === undefined ? sign : { ...sign, lower: '1', upper: last };
}

/** `\sum`, `Σ`, `∑` written with no subscript: a sign that names no index. */
export function isBareSumSign(text: string): boolean {
  return /^(?:\\sum|Σ|∑)$/u.test(text.trim());
}

/** `delta_ij`, `δ_{i,j}`: the Kronecker delta's two indices. */
export function kroneckerOf(text: string): [string, string] | undefined {
  const s = subscriptsOf(text);
  if (!s || !['delta', 'δ'].includes(s.base) || s.indices.length !== 2) return undefined;
  return [s.indices[0], s.indices[1]];
}

/** The index of a sample superscript written `(i)` or `{(i)}` (the exponent's source text). */
export function sampleIndexOf(exponentText: string): string | undefined {
  const m = /^\s*\{?\s*\(\s*(\p{L}+)\s*\)\s*\}?\s*$/u.exec(exponentText);
  return m?.[1];
}

/**
 * A name the LaTeX front end joined with its sample superscript: `x^{(i)}`, `x_j^{(i)}`, `x^{(i)}_j`,
 * `\mathbf{x}^{(i)}` (name xi, xji). Returns the name as written without the superscript (`x`, `x_j`) and the sample's index.
 */
export function sampledNameOf(text: string): { written: string; sample: string } | undefined {
  const m = /^(\\?\p{L}[^^]*?)\^\{?\(\s*(\p{L})\s*\)\}?(_(?:\{[^{}]*\}|\p{L}+))?$/u.exec(text.normalize('NFC'));
  if (!m || (m[3] && m[1].includes('_'))) return undefined;
  // `\mathbf{x}^{(i)}`: the bold letter is the name, x.
  const written = m[1].replace(/^\\(?:mathbf|boldsymbol|bm|vec)\{(\p{L})\}$/u, '$1');
  return { written: written + (m[3] ?? ''), sample: m[2] };
}

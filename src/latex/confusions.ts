// OCR slips in LaTeX maths (docs/latex.md, "Reading OCR slips"): a small table of glyphs that OCR
// confuses, and for the grammar tokens of one step, the substitutions the table allows there. Each
// substitution says where it applies and whether the context makes the literal reading suspect
// ("live": `\frac{2L}{2W}` as a claim's target, `\alpha` where a is the document's name and alpha is
// not). Which substitutions are taken is decided by src/analysis/readings.ts, which knows the scope;
// this module only gets the facts about names it needs.
import type { Expr } from '../syntax/ast';
import { normalizeName } from '../syntax/names';
import { findInExpr } from '../syntax/walk';
import type { Tok, TokType } from './tokens';
import { closer, letterRun, merged, readAs, spanOf, type Confusion, type Found, type NameFacts, type SiteContext, type Site, type Substitution } from './confusionSites';
import { derivativeFraction } from './partialFractions';

export type { NameFacts, SiteContext, Site, Substitution } from './confusionSites';

const sigmaSix: Confusion = {
  written: '`6` before `(`',
  readAs: 'σ',
  find(tokens, ctx) {
    const out: Found[] = [];
    tokens.forEach((t, i) => {
      if (t.type !== 'num' || t.value !== '6' || tokens[i + 1]?.type !== 'lparen' || tokens[i - 1]?.type === 'caret') return;
      const close = closer(tokens, i + 1);
      if (close === undefined) return;
      // σ of a name is an activation; 6(2) in a line of numbers is six times two.
      const symbolic = tokens.slice(i + 2, close).some((a) => a.type === 'name');
      const why = '`6` before a parenthesis read as σ (the sigmoid)';
      out.push({ key: 'sigma', site: { span: spanOf([t, tokens[close]]), edits: [{ at: i, remove: 1, insert: [readAs(t, 'name', 'sigma')] }], live: symbolic && !ctx.numeric, why } });
    });
    return out;
  },
};

/** The name token at `i` read as `name`, one of the document's: suspect when the written name is not one. */
function nameSite(tokens: readonly Tok[], i: number, name: string, names: NameFacts): Site {
  const t = tokens[i];
  const written = t.type === 'name' ? t.value : t.text;
  const why = `${t.text} read as ${name}: ${name} is a name of the document${names.own(written) ? '' : `, ${written} is not`}`;
  return { span: t.span, edits: [{ at: i, remove: 1, insert: [readAs(t, 'name', name)] }], live: !names.own(written), why, readAs: name };
}

/** A name whose head is a look-alike (`\alpha_1` for a_1) read as the document's own name. */
function lookalike(heads: readonly string[], read: string): Confusion {
  return {
    written: heads.map((h) => (h.length > 1 ? `\`\\${h}\`` : `\`${h}\``)).join(', '),
    readAs: `\`${read}\``,
    find(tokens, ctx) {
      const out: Found[] = [];
      tokens.forEach((t, i) => {
        const head = heads.find((h) => t.type === 'name' && t.value.startsWith(h) && /^[0-9]*$/.test(t.value.slice(h.length)));
        if (!head) return;
        const name = normalizeName(read + t.value.slice(head.length));
        // A name the author differentiates by (`\partial V`, `\partial \gamma`) is a quantity of its own.
        if (!ctx.names.own(name) || ctx.names.differentiatedBy(t.value)) return;
        out.push({ key: `${read}:${head}`, site: nameSite(tokens, i, name, ctx.names) });
      });
      return out;
    },
  };
}

const fiveForS: Confusion = {
  written: '`5`',
  readAs: '`s`',
  find(tokens, ctx) {
    if (!ctx.names.own('s')) return [];
    // Never suspect by itself (5 is a number far more often): only a line that does not read otherwise.
    return tokens.flatMap((t, i) =>
      t.type === 'num' && t.value === '5' ? [{ key: 's:5', site: { ...nameSite(tokens, i, 's', ctx.names), live: false } }] : [],
    );
  },
};

/** A word written in letters that means a command or function: `loq`, or `frac` with its backslash dropped. */
function word(spellings: ReadonlyMap<string, { type: TokType; value: string; say: string }>, written: string, readAsText: string, why: string): Confusion {
  return {
    written,
    readAs: readAsText,
    find(tokens, ctx) {
      const out: Found[] = [];
      tokens.forEach((_, i) => {
        const run = letterRun(tokens, i);
        for (const [spelling, meaning] of spellings) {
          if (!run.startsWith(spelling)) continue;
          const letters = tokens.slice(i, i + spelling.length);
          const next = tokens[i + spelling.length];
          // A function word is a call before `(` and an operator on the next factor otherwise, as `\log` is.
          const type = meaning.type === 'fname' && next?.type !== 'lparen' ? 'func' : meaning.type === 'fname' ? 'name' : meaning.type;
          const live = letters.some((l) => !ctx.names.own(l.value));
          const edits = [{ at: i, remove: letters.length, insert: [merged(letters, type, meaning.value)] }];
          out.push({ key: `word:${spelling}`, site: { span: spanOf(letters), edits, live, why: `${spelling} read as ${meaning.say} ${why}` } });
        }
      });
      return out;
    },
  };
}

const misspelledFunctions = word(new Map([['loq', { type: 'fname', value: 'log', say: 'log' }]]), '`loq`', '`\\log`', '(q for g)');

const droppedBackslash = word(
  new Map([
    ['frac', { type: 'frac', value: '\\frac', say: '\\frac' }],
    ['partial', { type: 'diff', value: '\\partial', say: '\\partial' }],
    ['sigma', { type: 'name', value: 'sigma', say: '\\sigma' }],
    ['cdot', { type: 'cdot', value: '\\cdot', say: '\\cdot' }],
    ['odot', { type: 'odot', value: '\\odot', say: '\\odot' }],
  ] as const),
  '`frac`, `partial`, `sigma`, `cdot`, `odot`',
  'the command (`\\frac`, ...)',
  '(its backslash dropped)',
);

const letterCase: Confusion = {
  written: 'a letter in the other case (`X`)',
  readAs: 'the declared or defined name (`x`)',
  find(tokens, ctx) {
    const out: Found[] = [];
    tokens.forEach((t, i) => {
      // A name called (`f(g(x))`) is a function, never a variable of the other case; a bold letter (`\mathbf{x}`)
      // is set in its case on purpose (bold lower case a vector, upper case a matrix: the Matrix Cookbook's x and X).
      const bold = /^\\(mathbf|boldsymbol|bm)\b/.test(t.text);
      const m = t.type === 'name' && !bold && tokens[i + 1]?.type !== 'lparen' ? /^([a-zA-Z])([0-9]*)$/.exec(t.value) : null;
      if (!m) return;
      const other = m[1] === m[1].toLowerCase() ? m[1].toUpperCase() : m[1].toLowerCase();
      const name = other + m[2];
      if (!ctx.names.own(name)) return;
      // Suspect where the other case is declared (X for a declared x) and the written one is not settled (only
      // used, as an undeclared scalar: the `X` of `h = XW + b` in an earlier derivation), or as what a
      // derivative is of or by (`\partial w_{1}` with W_1 declared): a letter beside a name only defined is as
      // often a name of its own (an index l beside a loss L).
      const site = nameSite(tokens, i, name, ctx.names);
      const live = (ctx.names.declared(name) && !ctx.names.settled(t.value)) || (site.live && inDerivative(t, ctx.expr));
      out.push({ key: `case:${m[1]}`, site: { ...site, live } });
    });
    return out;
  },
};

/** How many numbered layers of one name a document may have (W1, ..., W9). */
const MAX_LAYER = 9;

const layerStem: Confusion = {
  written: 'a bare name beside its numbered layers (`W` with W1, W2)',
  readAs: 'one of the layers (`W2`)',
  find(tokens, ctx) {
    const out: Found[] = [];
    tokens.forEach((t, i) => {
      // A name of the document's own (`W` declared or defined) is no layer; nor is a called name.
      if (t.type !== 'name' || !/^[A-Za-z]$/.test(t.value) || ctx.names.own(t.value) || tokens[i + 1]?.type === 'lparen') return;
      for (let k = 1; k <= MAX_LAYER; k++) {
        const name = `${t.value}${k}`;
        // Never suspect by itself: the layers tie where every one fits, and only the shapes can tell them apart.
        if (ctx.names.own(name)) out.push({ key: `layer:${name}`, site: { ...nameSite(tokens, i, name, ctx.names), live: false } });
      }
    });
    return out;
  },
};

/** Whether the name token is what a derivative reference of `expr` is of, or by. */
function inDerivative(t: Tok, expr: Expr | undefined): boolean {
  const at = (e: Expr) => e.kind === 'name' && e.span.line === t.span.line && e.span.column === t.span.column;
  return expr !== undefined && findInExpr(expr, (e) => e.kind === 'deriv' && (at(e.of) || e.wrt.some(at))) !== undefined;
}

/** The confusion table, in order of preference (docs/latex.md shows it). */
export const CONFUSIONS: readonly Confusion[] = [
  derivativeFraction,
  sigmaSix,
  lookalike(['alpha'], 'a'),
  lookalike(['gamma', 'V'], 'y'),
  fiveForS,
  misspelledFunctions,
  droppedBackslash,
  letterCase,
  layerStem,
];

/** The substitutions the table allows in `tokens`, each with its places. */
export function findSubstitutions(tokens: readonly Tok[], ctx: SiteContext): Substitution[] {
  const out: Substitution[] = [];
  CONFUSIONS.forEach((confusion, entry) => {
    const byKey = new Map<string, Found[]>();
    for (const found of confusion.find(tokens, ctx)) byKey.set(found.key, [...(byKey.get(found.key) ?? []), found]);
    for (const [key, found] of byKey) {
      const live = found.filter((f) => f.site.live);
      const sites = (live.length ? live : found).map((f) => f.site);
      out.push({ entry, key, sites, live: live.length > 0 });
    }
  });
  return out;
}

/** The tokens with a substitution made at its places. */
export function applySubstitution(tokens: readonly Tok[], sub: Substitution): Tok[] {
  const out = tokens.slice();
  const edits = sub.sites.flatMap((s) => s.edits).sort((a, b) => b.at - a.at);
  for (const e of edits) out.splice(e.at, e.remove, ...e.insert);
  return out;
}


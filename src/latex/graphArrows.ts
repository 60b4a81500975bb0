// A computation graph written as a row of arrows: `x → z = wx → a = σ(z) → L = (a - y)²`, or
// `x, W^{(1)}, b^{(1)} \rightarrow a_1 = W^{(1)} x + b^{(1)}`. Each node after an arrow that is an equation defines
// that node; a list of inputs (names and commas) only says what the definitions after it use, which they say
// themselves. Read whole, the row would be one statement with arrows in it, which is no equation.
import { depths, type Tok } from './tokens';
import { ARROW_REASON } from './vocabulary';

const isArrow = (t: Tok) => t.type === 'unsupported' && t.value === ARROW_REASON;

/**
 * The graph's definitions, one token list each, or undefined when the row is no graph: it has no arrow outside
 * brackets, no node that is an equation, or a node that is neither an equation nor a list of inputs.
 */
export function graphDefinitions(tokens: readonly Tok[]): Tok[][] | undefined {
  const d = depths(tokens);
  const nodes: Tok[][] = [[]];
  tokens.forEach((t, i) => {
    if (d[i] === 0 && isArrow(t)) nodes.push([]);
    else nodes[nodes.length - 1].push(t);
  });
  if (nodes.length < 2) return undefined;
  const equations = nodes.filter(isEquation);
  return equations.length > 0 && nodes.every((n) => isEquation(n) || isInputList(n)) ? equations : undefined;
}

/** A node with an `=` outside brackets after its first token. */
function isEquation(node: readonly Tok[]): boolean {
  const d = depths(node);
  return node.some((t, i) => i > 0 && d[i] === 0 && t.type === 'eq');
}

/** `x`, `x, W^{(1)}, b^{(1)}`: names separated by commas (a name's primes, `x'`, are part of it). */
function isInputList(node: readonly Tok[]): boolean {
  const names = node.filter((t) => t.type !== 'prime' && t.type !== 'wide' && t.type !== 'prose');
  return names.length > 0 && names.every((t, i) => (i % 2 === 0 ? t.type === 'name' : t.type === 'comma'));
}

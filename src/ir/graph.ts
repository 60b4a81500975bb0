// The hash-consing node store. Structurally equal expressions are one node with one id, so "this
// subexpression is a1" is an id lookup and reverse mode stays linear in the size of the DAG.
import type { Attrs, Node, Shape } from './types';
import { getOp } from '../ops/index';

const ATTR_FIELDS = ['name', 'value', 'i', 'j', 'rows', 'cols', 'path'] as const;

function attrsKey(attrs: Readonly<Attrs>): string {
  let key = '';
  for (const f of ATTR_FIELDS) {
    const v = attrs[f];
    if (v === undefined) continue;
    // -0 and 0 are one constant; String() gives the shortest text that reads back to the same double.
    key += `|${f}=${typeof v === 'number' && Object.is(v, -0) ? '0' : String(v)}`;
  }
  return key;
}

/** The hash-consing key; built by hand because it is on the hot path of everything. */
function nodeKey(op: string, args: readonly Node[], attrs: Readonly<Attrs>): string {
  let key = op + '(';
  for (let k = 0; k < args.length; k++) key += (k ? ',' : '') + args[k].id;
  key += ')';
  // Most nodes carry no attributes.
  for (const f in attrs) if ((attrs as Record<string, unknown>)[f] !== undefined) return key + attrsKey(attrs);
  return key;
}

function cleanAttrs(attrs: Readonly<Attrs>): Readonly<Attrs> {
  const out: Attrs = {};
  for (const f of ATTR_FIELDS) {
    const v = attrs[f];
    if (v === undefined) continue;
    (out as Record<string, unknown>)[f] = typeof v === 'number' && Object.is(v, -0) ? 0 : v;
  }
  return Object.freeze(out);
}

export class Graph {
  private readonly table = new Map<string, Node>();
  private readonly all: Node[] = [];

  /**
   * The node for (op, args, attrs): the existing one when an equal node was made before, otherwise a
   * new node whose shape comes from the op's shape rule (which throws ShapeError on bad operands).
   * This does no simplification; use the Builder (ir/build) to make nodes.
   */
  node(op: string, args: readonly Node[], attrs: Readonly<Attrs> = {}): Node {
    const key = nodeKey(op, args, attrs);
    const existing = this.table.get(key);
    if (existing) return existing;
    const def = getOp(op);
    if (def.arity !== 'variadic' && def.arity !== args.length) {
      throw new Error(`${op} takes ${def.arity} argument(s), got ${args.length}`);
    }
    if (def.arity === 'variadic' && args.length === 0) throw new Error(`${op} needs at least one argument`);
    const clean = cleanAttrs(attrs);
    const shape: Shape = def.shape(
      args.map((a) => a.shape),
      clean,
    );
    const node: Node = Object.freeze({ id: this.all.length, op, args: Object.freeze([...args]), attrs: clean, shape: Object.freeze([shape[0], shape[1]]) as Shape });
    this.all.push(node);
    this.table.set(key, node);
    return node;
  }

  /** The node with this id. */
  byId(id: number): Node {
    const n = this.all[id];
    if (!n) throw new Error(`no node with id ${id}`);
    return n;
  }

  /** How many distinct nodes the graph holds. */
  get nodeCount(): number {
    return this.all.length;
  }

  /** True when `n` belongs to this graph. */
  owns(n: Node): boolean {
    return this.all[n.id] === n;
  }
}

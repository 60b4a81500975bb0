// The hash-consing node store. Structurally equal expressions are one node with one id, so "this
// subexpression is a1" is an id lookup and reverse mode stays linear in the size of the DAG.
import type { Attrs, Node, Shape } from './types';
import { getOp } from '../ops/index';
import { chargeNode } from '../limits/index';

const ATTR_FIELDS = ['name', 'value', 'i', 'j', 'rows', 'cols', 'path'] as const;

function attrsKey(attrs: Readonly<Attrs>): string {
  // Most nodes have no attributes: no need to look for each field.
  if (hasNoFields(attrs)) return '';
  let key = '';
  for (const f of ATTR_FIELDS) {
    const v = attrs[f];
    if (v === undefined) continue;
    // -0 and 0 are one constant; String() gives the shortest text that reads back to the same double.
    key += `|${f}=${typeof v === 'number' && Object.is(v, -0) ? '0' : String(v)}`;
  }
  return key;
}

function hasNoFields(attrs: Readonly<Attrs>): boolean {
  for (const _ in attrs) return false;
  return true;
}

/**
 * One level of the hash-consing table: nodes are found by op, then by each argument's id in turn, then
 * (only when attributes are set) by the attributes' key. Equal (op, args, attrs) meet at one entry.
 */
interface Level {
  node?: Node;
  byAttrs?: Map<string, Node>;
  next?: Map<number, Level>;
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
  private readonly table = new Map<string, Level>();
  private readonly all: Node[];
  /** Set once the graph has been forked: its nodes are then shared, and it makes no more. */
  private frozen = false;

  /** `parent`: a frozen graph whose nodes this one starts with; made by `fork`. */
  constructor(private readonly parent?: Graph) {
    this.all = parent ? parent.all.slice() : [];
    if (parent) parent.frozen = true;
  }

  /**
   * A graph that starts with every node of this one (same objects, same ids) and grows on its own. This
   * graph is frozen from then on, so that what its forks share never changes under them: a grader
   * prepares a problem's graph once and forks it for each submission.
   */
  fork(): Graph {
    return new Graph(this);
  }

  /** The graph this one was forked from, if any. */
  get base(): Graph | undefined {
    return this.parent;
  }

  /**
   * The node for (op, args, attrs): the existing one when an equal node was made before, otherwise a
   * new node whose shape comes from the op's shape rule (which throws ShapeError on bad operands).
   * This does no simplification; use the Builder (ir/build) to make nodes.
   */
  node(op: string, args: readonly Node[], attrs: Readonly<Attrs> = {}): Node {
    // '' when no attribute is set (most nodes).
    const key = attrsKey(attrs);
    const inherited = this.parent?.find(op, args, key);
    if (inherited) return inherited;
    let level: Level | undefined = this.table.get(op);
    if (!level) this.table.set(op, (level = {}));
    for (let k = 0; k < args.length; k++) {
      const id = args[k].id;
      const children: Map<number, Level> = (level.next ??= new Map());
      let next: Level | undefined = children.get(id);
      if (!next) children.set(id, (next = {}));
      level = next;
    }
    const existing = key === '' ? level.node : level.byAttrs?.get(key);
    if (existing) return existing;
    if (this.frozen) throw new Error('internal: a forked graph was asked for a new node');
    const def = getOp(op);
    if (def.arity !== 'variadic' && def.arity !== args.length) {
      throw new Error(`${op} takes ${def.arity} argument(s), got ${args.length}`);
    }
    if (def.arity === 'variadic' && args.length === 0) throw new Error(`${op} needs at least one argument`);
    chargeNode();
    const clean = cleanAttrs(attrs);
    const shape: Shape = def.shape(
      args.map((a) => a.shape),
      clean,
    );
    const node: Node = Object.freeze({ id: this.all.length, op, args: Object.freeze([...args]), attrs: clean, shape: Object.freeze([shape[0], shape[1]]) as Shape });
    this.all.push(node);
    if (key === '') level.node = node;
    else (level.byAttrs ??= new Map()).set(key, node);
    return node;
  }

  /** The existing node for (op, args, attributes' key), here or in the graph this was forked from. */
  private find(op: string, args: readonly Node[], key: string): Node | undefined {
    const inherited = this.parent?.find(op, args, key);
    if (inherited) return inherited;
    let level = this.table.get(op);
    for (let k = 0; level && k < args.length; k++) level = level.next?.get(args[k].id);
    return key === '' ? level?.node : level?.byAttrs?.get(key);
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

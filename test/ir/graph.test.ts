import { describe, expect, it } from 'vitest';
import { Graph } from '../../src/ir/graph';
import { ShapeError } from '../../src/ir/types';

describe('Graph (hash-consing)', () => {
  it('returns the same node for an equal (op, args, attrs) key, with unique ids', () => {
    const g = new Graph();
    const x = g.node('var', [], { name: 'x', rows: 'N', cols: 1 });
    const y = g.node('var', [], { name: 'y', rows: 'N', cols: 1 });
    expect(g.node('var', [], { name: 'x', rows: 'N', cols: 1 })).toBe(x);
    const s1 = g.node('add', [x, y]);
    const s2 = g.node('add', [x, y]);
    expect(s1).toBe(s2);
    expect(g.node('add', [y, x])).not.toBe(s1);
    expect(new Set([x.id, y.id, s1.id]).size).toBe(3);
    expect(g.nodeCount).toBe(4);
    expect(g.byId(s1.id)).toBe(s1);
    expect(g.owns(s1)).toBe(true);
  });

  it('treats attributes as part of the key, and -0 as 0', () => {
    const g = new Graph();
    expect(g.node('const', [], { value: -0 })).toBe(g.node('const', [], { value: 0 }));
    expect(g.node('const', [], { value: 1 })).not.toBe(g.node('const', [], { value: 1, rows: 2, cols: 2 }));
    expect(g.node('const', [], { value: 0.1 + 0.2 })).not.toBe(g.node('const', [], { value: 0.3 }));
  });

  it('computes shapes bottom-up with the op shape rule', () => {
    const g = new Graph();
    const X = g.node('var', [], { name: 'X', rows: 1, cols: 'M' });
    const W = g.node('var', [], { name: 'W', rows: 'M', cols: 'N' });
    const b = g.node('var', [], { name: 'b', rows: 1, cols: 'N' });
    const h = g.node('add', [g.node('matmul', [X, W]), b]);
    expect(h.shape).toEqual([1, 'N']);
    expect(g.node('transpose', [h]).shape).toEqual(['N', 1]);
    expect(g.node('sum', [h]).shape).toEqual([1, 1]);
  });

  it('throws ShapeError with the op and operand shapes', () => {
    const g = new Graph();
    const r = g.node('var', [], { name: 'r', rows: 1, cols: 'N' });
    const c = g.node('var', [], { name: 'c', rows: 'N', cols: 1 });
    try {
      g.node('add', [r, c]);
      expect.unreachable();
    } catch (e) {
      expect(e).toBeInstanceOf(ShapeError);
      const err = e as ShapeError;
      expect(err.op).toBe('add');
      expect(err.operands).toEqual([
        [1, 'N'],
        ['N', 1],
      ]);
      expect(err.message).toContain('a row and a column do not broadcast');
    }
    const W = g.node('var', [], { name: 'W', rows: 'M', cols: 'N' });
    expect(() => g.node('matmul', [W, W])).toThrow(/cannot multiply M x N by M x N: inner dimensions N and M differ/);
  });

  it('checks arity', () => {
    const g = new Graph();
    const x = g.node('var', [], { name: 'x', rows: 1, cols: 1 });
    expect(() => g.node('add', [x])).toThrow(/takes 2 argument/);
    expect(() => g.node('nosuchop', [x])).toThrow(/unknown op/);
  });

  it('forks: a fork starts with the base\'s nodes, grows on its own, and the base is frozen', () => {
    const base = new Graph();
    const x = base.node('var', [], { name: 'x', rows: 1, cols: 1 });
    const sq = base.node('add', [x, x]);
    const a = base.fork();
    const b = base.fork();
    expect(a.base).toBe(base);
    // The base's nodes are found, not copied.
    expect(a.node('add', [x, x])).toBe(sq);
    expect(a.byId(sq.id)).toBe(sq);
    expect(a.owns(x)).toBe(true);
    // New nodes continue the ids, separately in each fork.
    const ax = a.node('hadamard', [sq, x]);
    const bx = b.node('hadamard', [x, sq]);
    expect(ax.id).toBe(base.nodeCount);
    expect(bx.id).toBe(base.nodeCount);
    expect(a.node('hadamard', [sq, x])).toBe(ax);
    expect(b.owns(ax)).toBe(false);
    // What the base already has is still found; anything new is refused (forks rely on it staying put).
    expect(base.node('var', [], { name: 'x', rows: 1, cols: 1 })).toBe(x);
    expect(() => base.node('neg', [x])).toThrow(/forked graph/);
  });
});

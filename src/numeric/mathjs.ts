// The three functions chainrule takes from mathjs, in an instance made of their factories alone: a bundler
// then keeps only what they need (the web page's bundle, docs/web.md), and Node loads the same code.
import { create, detDependencies, erfDependencies, invDependencies } from 'mathjs';

const math = create({ invDependencies, detDependencies, erfDependencies });

export const inv = math.inv as (rows: number[][]) => number[][];
export const det = math.det as (rows: number[][]) => number;
export const erf = math.erf as (x: number) => number;

// The default seed, alone in its module: `chainrule grade`'s main thread needs the number, not the evaluator.

/** The seed of the sample points when none is given (`--seed`). */
export const DEFAULT_SEED = 1;

// The entry point that scripts/build-bin.js bundles into dist/bin/chainrule-bundle.js. Its loaders call one of
// these: dist/bin/chainrule.js the command line, dist/bin/worker.js (started by grade's pool) a grading worker.
// Both load their modules lazily, so neither initialises the other's.
export function cli(): void {
  void import('./main').then((m) => m.main(process.argv));
}

export function worker(): void {
  void import('../grade/worker');
}

// The entry point that scripts/build-bin.js bundles twice: cut into parts for the command line (dist/bin/core.js
// and the parts beside it), and as one bundle for grade's workers (dist/bin/worker-bundle.js). The loader,
// dist/bin/load.js, calls one of these: `cli` for dist/bin/chainrule.js, `worker` for dist/bin/worker.js
// (started by grade's pool). Both load their modules lazily, so neither initialises the other's.
export function cli(): void {
  void import('./main').then((m) => m.main(process.argv));
}

export function worker(): void {
  void import('../grade/worker');
}

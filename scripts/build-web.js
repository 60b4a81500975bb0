// `npm run build:web`: the web checker (docs/web.md) as a static site in web/dist/: index.html, the page's
// script, its checking Web Worker (the library's own checking code, bundled by esbuild), the service
// worker, KaTeX's stylesheet and fonts, and the bundled examples. No file is fetched from elsewhere.
const crypto = require('crypto');
const fs = require('fs');
const path = require('path');
const esbuild = require('esbuild');

const root = path.join(__dirname, '..');
const web = path.join(root, 'web');
const dist = path.join(web, 'dist');

/** The examples menu: documents from fixtures/, and an assignment to check one against. */
const EXAMPLES = [
  { title: 'Two-layer network (.cr, with slips)', from: 'fixtures/examples/two_layer.cr', format: 'cr' },
  { title: 'Numeric backpropagation (.cr)', from: 'fixtures/examples/numeric_backprop.cr', format: 'cr' },
  { title: 'Two-layer network (Markdown)', from: 'fixtures/latex/two_layer.md', format: 'md' },
  { title: 'Homework answers, graded against the homework', from: 'fixtures/grade/submissions/eve_transposes.cr', format: 'cr', assignment: 'examples/homework.cr' },
];
const ASSIGNMENTS = [{ from: 'fixtures/grade/assignment.cr', to: 'homework.cr' }];

/**
 * numeric/loadMathjs.ts loads mathjs with `require` on first use (Node pays a second for it), which a
 * bundler cannot prune; in the bundle, loadMathjs.bundled.ts imports the three functions statically.
 */
const staticMathjs = {
  name: 'static-mathjs',
  setup(build) {
    build.onResolve({ filter: /^\.\/loadMathjs$/ }, (args) => ({ path: path.join(args.resolveDir, 'loadMathjs.bundled.ts') }));
  },
};

async function bundle() {
  const result = await esbuild.build({
    entryPoints: { main: path.join(web, 'src/main.ts'), worker: path.join(web, 'src/worker.ts') },
    outdir: dist,
    bundle: true,
    minify: true,
    format: 'iife',
    target: 'es2022',
    platform: 'browser',
    legalComments: 'none',
    metafile: true,
    logLevel: 'warning',
    plugins: [staticMathjs],
  });
  fs.writeFileSync(path.join(web, 'bundle-meta.json'), JSON.stringify(result.metafile));
}

function copy(from, to) {
  fs.mkdirSync(path.dirname(to), { recursive: true });
  fs.copyFileSync(from, to);
}

/** KaTeX's stylesheet and its woff2 fonts (every browser that runs the page reads woff2; the CSS lists them first). */
function copyKatex() {
  const katex = path.dirname(require.resolve('katex/dist/katex.min.css'));
  copy(path.join(katex, 'katex.min.css'), path.join(dist, 'katex/katex.min.css'));
  for (const font of fs.readdirSync(path.join(katex, 'fonts')).filter((f) => f.endsWith('.woff2'))) {
    copy(path.join(katex, 'fonts', font), path.join(dist, 'katex/fonts', font));
  }
}

function copyExamples() {
  const index = EXAMPLES.map(({ from, ...example }) => {
    const file = path.basename(from);
    copy(path.join(root, from), path.join(dist, 'examples', file));
    return { ...example, file };
  });
  for (const a of ASSIGNMENTS) copy(path.join(root, a.from), path.join(dist, 'examples', a.to));
  fs.writeFileSync(path.join(dist, 'examples/index.json'), JSON.stringify(index, null, 2) + '\n');
}

function filesUnder(dir, prefix = '') {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? filesUnder(path.join(dir, e.name), `${prefix}${e.name}/`) : [`${prefix}${e.name}`]));
}

/** The service worker, told every file of the site and a version that changes when any of them does. */
async function serviceWorker() {
  const files = filesUnder(dist).filter((f) => f !== 'sw.js').sort();
  const hash = crypto.createHash('sha256');
  for (const f of files) hash.update(`${f}\0`).update(fs.readFileSync(path.join(dist, f)));
  await esbuild.build({
    entryPoints: [path.join(web, 'src/sw.ts')],
    outfile: path.join(dist, 'sw.js'),
    bundle: true,
    minify: true,
    format: 'iife',
    target: 'es2022',
    logLevel: 'warning',
    define: { PRECACHE: JSON.stringify(['./', ...files]), VERSION: JSON.stringify(hash.digest('hex').slice(0, 16)) },
  });
}

async function main() {
  const start = Date.now();
  fs.rmSync(dist, { recursive: true, force: true });
  fs.mkdirSync(dist, { recursive: true });
  await bundle();
  copy(path.join(web, 'index.html'), path.join(dist, 'index.html'));
  copy(path.join(web, 'style.css'), path.join(dist, 'style.css'));
  copyKatex();
  copyExamples();
  await serviceWorker();
  console.log(`web/dist built in ${Date.now() - start} ms`);
}

main().catch((err) => {
  console.error(err.message);
  process.exit(1);
});

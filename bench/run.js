// Runs every benchmark in bench/ (files named *.bench.js) one after another, on the compiled dist/.
// Benchmarks print figures; nothing here asserts on time.
const { execFileSync } = require('child_process');
const fs = require('fs');
const path = require('path');

const only = process.argv[2];
for (const file of fs.readdirSync(__dirname).filter((f) => f.endsWith('.bench.js')).sort()) {
  if (only && !file.includes(only)) continue;
  console.log(`\n== ${file}`);
  execFileSync(process.execPath, ['--expose-gc', path.join(__dirname, file)], { stdio: 'inherit' });
}

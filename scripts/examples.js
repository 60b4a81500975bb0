// Runs chainrule on every bundled example (fixtures/examples) and shows its report. Each example says
// on its first line which exit code it should give (`# exit: 1` when it holds deliberate mistakes);
// this script fails only when chainrule does something else.
const { spawnSync } = require('child_process');
const fs = require('fs');
const path = require('path');

const dir = path.join(__dirname, '..', 'fixtures', 'examples');
const cli = path.join(__dirname, '..', 'dist', 'bin', 'chainrule.js'); // the shipped binary (scripts/build-bin.js)
let failures = 0;
for (const file of fs.readdirSync(dir).filter((f) => f.endsWith('.cr')).sort()) {
  const target = path.join('fixtures', 'examples', file);
  const expected = Number((/^#\s*exit:\s*(\d)/m.exec(fs.readFileSync(path.join(dir, file), 'utf8')) ?? [, 0])[1]);
  console.log(`\n$ chainrule check ${target}`);
  const run = spawnSync(process.execPath, [cli, 'check', target], { stdio: 'inherit' });
  if (run.status !== expected) {
    failures++;
    console.error(`expected exit code ${expected}, got ${run.status}`);
  }
}
process.exit(failures ? 1 : 0);

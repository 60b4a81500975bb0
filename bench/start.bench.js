// Start-up (issue 18, item 1): the CPU time of one command of the shipped binary (dist/bin/chainrule.js)
// against Node's own start, `node -e 0`, measured in one run with the commands interleaved.
// Goal: one `check` of an 8-claim derivation at most 2x the CPU of `node -e 0`.
'use strict';
const path = require('path');
const { interleaved } = require('./cpu');

const root = path.join(__dirname, '..');
// BENCH_BIN: another build's binary, to compare (e.g. an older checkout's dist/src/cli/main.js).
const bin = process.env.BENCH_BIN ?? path.join(root, 'dist/bin/chainrule.js');
const eight = path.join(root, 'fixtures/check/square_layer.cr'); // 8 claims
const example = path.join(root, 'fixtures/examples/two_layer.cr');
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 15);

const commands = {
  'node -e 0': ['-e', '0'],
  'chainrule --version': [bin, '--version'],
  'chainrule check (8 claims)': [bin, 'check', eight],
  'chainrule check --json (8 claims)': [bin, 'check', '--json', eight],
  'chainrule diff --json': [bin, 'diff', example, '--of', 'L', '--wrt', 'W1', '--json'],
  'chainrule shapes': [bin, 'shapes', example],
  'dist/src (tsc) check (8 claims)': [path.join(root, 'dist/src/cli/main.js'), 'check', eight],
};
const cpu = interleaved(commands, ROUNDS);
const base = cpu['node -e 0'];
console.log(`CPU time (user + system), mean of ${ROUNDS} runs each, interleaved:`);
for (const [name, ms] of Object.entries(cpu)) console.log(`${name.padEnd(36)} ${ms.toFixed(0).padStart(6)} ms   ${(ms / base).toFixed(2)}x node -e 0`);
const ratio = cpu['chainrule check (8 claims)'] / base;
console.log(`goal: check at most 2x node -e 0: ${ratio <= 2 ? 'met' : 'NOT met'} (${ratio.toFixed(2)}x)`);

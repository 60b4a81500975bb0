// CPU time (user + system) of child processes, read from /proc/self/stat (Linux): the CPU time of the
// children this process has waited for. CPU time is steadier than wall time on a shared machine.
'use strict';
const fs = require('fs');
const { spawnSync } = require('child_process');

const TICK_MS = 10; // USER_HZ is 100 on Linux

function childrenCpuMs() {
  const stat = fs.readFileSync('/proc/self/stat', 'utf8');
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  return (Number(fields[13]) + Number(fields[14])) * TICK_MS; // cutime, cstime
}

/** CPU ms of one run of `node ...args` (spawnSync; output ignored unless `stdio` says otherwise). */
function nodeCpuMs(args, options = {}) {
  const before = childrenCpuMs();
  const r = spawnSync(process.execPath, args, { stdio: 'ignore', ...options });
  if (r.error) throw r.error;
  return childrenCpuMs() - before;
}

/**
 * Mean CPU ms of each command over `rounds` rounds, the commands interleaved within each round so that a
 * change in the machine's load falls on all of them alike.
 */
function interleaved(commands, rounds) {
  const total = Object.fromEntries(Object.keys(commands).map((k) => [k, 0]));
  for (let r = 0; r < rounds; r++) for (const [k, args] of Object.entries(commands)) total[k] += nodeCpuMs(args);
  return Object.fromEntries(Object.entries(total).map(([k, t]) => [k, t / rounds]));
}

module.exports = { childrenCpuMs, nodeCpuMs, interleaved };

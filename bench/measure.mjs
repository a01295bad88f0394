// Runs one command and reports its wall time and peak RSS. Peak RSS comes from GNU time's %M
// (the kernel's maxrss of the child, which covers what it waited for) when /usr/bin/time exists,
// else from polling VmHWM of the child and its descendants in /proc (an upper bound: the sum of
// each process's own peak).
import { spawn, spawnSync } from 'node:child_process';
import { closeSync, existsSync, openSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';

const GNU_TIME = '/usr/bin/time';
export const rssSource = existsSync(GNU_TIME) && spawnSync(GNU_TIME, ['-f', '%M', 'true']).status === 0 ? 'gnu-time' : 'proc-poll';

/**
 * @param {string[]} argv command and arguments
 * @param {{ cwd?: string, env?: object, stdout?: string, okCodes?: number[] }} options stdout: file to keep the output in
 * @returns {Promise<{ wallMs: number, rssMB: number, code: number }>}
 */
export async function measure(argv, options = {}) {
  const outFile = options.stdout ?? path.join(os.tmpdir(), `banjia-bench-${process.pid}.out`);
  const errFile = `${outFile}.err`;
  const out = openSync(outFile, 'w');
  const err = openSync(errFile, 'w');
  const rssFile = path.join(os.tmpdir(), `banjia-bench-${process.pid}.rss`);
  const [cmd, ...args] = rssSource === 'gnu-time' ? [GNU_TIME, '-f', '%M', '-o', rssFile, ...argv] : argv;
  const started = performance.now();
  const child = spawn(cmd, args, { cwd: options.cwd, env: options.env ?? process.env, stdio: ['ignore', out, err] });
  let polledKB = 0;
  const poll = rssSource === 'proc-poll' ? setInterval(() => (polledKB = Math.max(polledKB, treeHwmKB(child.pid))), 10) : undefined;
  const code = await new Promise((resolve, reject) => {
    child.on('error', reject);
    child.on('exit', (status, signal) => resolve(status ?? (signal ? 128 : -1)));
  });
  const wallMs = performance.now() - started;
  if (poll) clearInterval(poll);
  closeSync(out);
  closeSync(err);
  const okCodes = options.okCodes ?? [0];
  if (!okCodes.includes(code)) {
    throw new Error(`${argv.join(' ')} exited ${code}: ${readFileSync(errFile, 'utf8').slice(0, 2000)}`);
  }
  rmSync(errFile, { force: true });
  if (!options.stdout) rmSync(outFile, { force: true });
  const rssKB = rssSource === 'gnu-time' ? Number(readFileSync(rssFile, 'utf8').trim().split('\n').pop()) : polledKB;
  rmSync(rssFile, { force: true });
  return { wallMs, rssMB: rssKB / 1024, code };
}

function treeHwmKB(pid) {
  let total = 0;
  try {
    const status = readFileSync(`/proc/${pid}/status`, 'utf8');
    total += Number(/VmHWM:\s+(\d+)/.exec(status)?.[1] ?? 0);
    for (const task of readdirSync(`/proc/${pid}/task`)) {
      const children = readFileSync(`/proc/${pid}/task/${task}/children`, 'utf8').trim();
      for (const child of children ? children.split(/\s+/) : []) total += treeHwmKB(Number(child));
    }
  } catch {
    // the process ended between two reads
  }
  return total;
}

export function median(values) {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}

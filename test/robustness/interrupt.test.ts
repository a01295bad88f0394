/**
 * Signals during apply's write phase on a 2,000-file tree: SIGINT and SIGTERM must leave the tree
 * original (every written file put back) or fully applied; after SIGKILL, `migrate undo` must put
 * back every byte. Never a half-applied tree that nothing can repair, never a leftover temp file.
 * The signal is sent a few moments after the journal appears (the write phase has begun).
 */
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { REPO, treeSnapshot } from '../helpers/cli.js';

const FILES = 2000;
const BIN = path.join(REPO, 'bin', 'migrate.js');
const APPLY = ['apply', '.', '--provider', 'qwen', '--yes', '--format', 'json'];
let dir: string;
let original: Record<string, string>;
let applied: Record<string, string>;

function journals(): string[] {
  const journalDir = path.join(dir, '.migrate', 'journal');
  return existsSync(journalDir) ? readdirSync(journalDir).filter((n) => n.endsWith('.json')) : [];
}

/** Starts apply, waits for its journal (the writes begin), waits `delay` ms, sends `signal`. */
async function interrupt(signal: NodeJS.Signals, delay: number): Promise<{ code: number | null; stderr: string }> {
  const before = new Set(journals());
  const child = spawn(process.execPath, [BIN, ...APPLY], { cwd: dir, stdio: ['ignore', 'ignore', 'pipe'], env: { ...process.env, NO_COLOR: '1' } });
  let stderr = '';
  child.stderr.on('data', (chunk) => (stderr += chunk));
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  let done = false;
  void exited.then(() => (done = true));
  while (!done && !journals().some((n) => !before.has(n))) await sleep(1);
  if (!done) {
    if (delay) await sleep(delay);
    child.kill(signal);
  }
  return { code: await exited, stderr };
}

/** The CLI, with room for the 2,000-file report. */
function runCli(args: string[], options: { cwd: string }) {
  const result = spawnSync(process.execPath, [BIN, ...args], { cwd: options.cwd, encoding: 'utf8', maxBuffer: 256 * 1024 * 1024, env: { ...process.env, NO_COLOR: '1' } });
  return { code: result.status ?? -1, stdout: result.stdout, stderr: result.stderr };
}

function undo(): void {
  const result = runCli(['undo', '.'], { cwd: dir });
  expect(result.code, result.stderr).toBe(0);
}

beforeAll(() => {
  dir = mkdtempSync(path.join(tmpdir(), 'banjia-interrupt-'));
  for (let i = 0; i < FILES; i++) {
    const folder = path.join(dir, 'src', `m${i % 40}`);
    mkdirSync(folder, { recursive: true });
    writeFileSync(
      path.join(folder, `f${i}.ts`),
      `import OpenAI from 'openai';\n// 第${i}号\nconst client = new OpenAI();\nexport const ask${i} = () => client.chat.completions.create({ model: 'gpt-4o', messages: [] });\n`,
    );
  }
  original = treeSnapshot(dir);
  const full = runCli(APPLY, { cwd: dir });
  expect(full.code, full.stderr).toBe(0);
  applied = treeSnapshot(dir);
  expect(Object.keys(applied).filter((f) => applied[f] !== original[f])).toHaveLength(FILES);
  undo();
  expect(treeSnapshot(dir)).toEqual(original);
}, 120_000);
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('an apply interrupted while writing', () => {
  it('is original or fully applied after SIGINT/SIGTERM; after SIGKILL, undo or the next apply puts it back', async () => {
    // Spread over the write phase, each signal right at its start, early, and later on. The last
    // SIGKILL is repaired by the next apply instead of undo.
    const runs: Array<[NodeJS.Signals, number]> = [
      ['SIGINT', 0],
      ['SIGTERM', 0],
      ['SIGKILL', 0],
      ['SIGTERM', 60],
      ['SIGKILL', 20],
      ['SIGINT', 120],
      ['SIGKILL', 50],
      ['SIGTERM', 180],
      ['SIGINT', 250],
      ['SIGKILL', 100],
    ];
    const outcomes: string[] = [];
    for (const [i, [signal, delay]] of runs.entries()) {
      const { code, stderr } = await interrupt(signal, delay);
      const tree = treeSnapshot(dir);
      const state = JSON.stringify(tree) === JSON.stringify(original) ? 'original' : JSON.stringify(tree) === JSON.stringify(applied) ? 'applied' : 'partial';
      outcomes.push(`${signal}+${delay}ms: ${state}`);
      if (signal !== 'SIGKILL') {
        // Held and handled: nothing half-done, no temp file, no journal left pending.
        expect(state, `${signal}+${delay}ms ${stderr}`).not.toBe('partial');
        if (state === 'original') {
          expect(code).toBe(signal === 'SIGINT' ? 130 : 143);
          expect(stderr).toContain(`interrupted by ${signal} while writing; every file was restored, nothing changed`);
        }
        expect(existsSync(path.join(dir, '.migrate', 'lock'))).toBe(false);
      }
      if (i === runs.length - 1 && state === 'partial') {
        const next = runCli(APPLY, { cwd: dir });
        expect(next.code, next.stderr).toBe(0);
        expect(next.stderr).toContain('An earlier apply was interrupted');
        expect(treeSnapshot(dir)).toEqual(applied);
        expect(readFileSync(path.join(dir, '.migrate', 'journal', journals().sort().at(-1)!), 'utf8')).toContain('"status": "complete"');
      }
      // Whatever the state, undo ends with the original bytes (and a second undo has nothing to do).
      // A SIGKILL that lands after the journal is written but before the first file leaves the tree
      // original with a pending journal: undo runs after every SIGKILL, whatever the tree looks like.
      if (signal === 'SIGKILL' || JSON.stringify(treeSnapshot(dir)) !== JSON.stringify(original)) undo();
      expect(treeSnapshot(dir)).toEqual(original);
      expect(runCli(['undo', '.'], { cwd: dir }).stdout).toBe('Nothing to undo.\n');
    }
    // The signals did land mid-write: at least one SIGINT/SIGTERM rolled back, and the SIGKILLs left half-written trees.
    expect(outcomes.filter((o) => /SIG(INT|TERM).*original/.test(o)).length, outcomes.join('\n')).toBeGreaterThan(0);
    expect(outcomes.at(-1), outcomes.join('\n')).toMatch(/partial/);
  }, 300_000);
});

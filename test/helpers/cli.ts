/** Runs the built binary the way a user does (npm test builds dist/ first). */
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';

export const REPO = path.resolve(import.meta.dirname, '../..');
const BIN = path.join(REPO, 'bin', 'migrate.js');

export interface CliResult {
  code: number;
  stdout: string;
  stderr: string;
}

export function runCli(args: string[], options: { cwd?: string; env?: Record<string, string> } = {}): CliResult {
  if (!existsSync(path.join(REPO, 'dist', 'cli.js'))) throw new Error('dist/ is missing: run `npm run build` (npm test does it)');
  const result = spawnSync(process.execPath, [BIN, ...args], {
    cwd: options.cwd ?? REPO,
    encoding: 'utf8',
    env: { ...process.env, NO_COLOR: '1', FORCE_COLOR: undefined, COLUMNS: undefined, LANG: 'en_US.UTF-8', ...options.env } as NodeJS.ProcessEnv,
    timeout: 120_000,
  });
  return { code: result.status ?? -1, stdout: result.stdout, stderr: result.stderr };
}

/** Every file of a tree (except .git and .migrate), path → bytes as text. */
export function treeSnapshot(root: string, base = root): Record<string, string> {
  const out: Record<string, string> = {};
  for (const name of readdirSync(root)) {
    if (name === '.git' || name === '.migrate' || name === 'node_modules') continue;
    const full = path.join(root, name);
    if (statSync(full).isDirectory()) Object.assign(out, treeSnapshot(full, base));
    else out[path.relative(base, full).split(path.sep).join('/')] = readFileSync(full, 'latin1');
  }
  return out;
}

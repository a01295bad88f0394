/**
 * Issue 14, items 3 and 6: the report of an apply describes what was written (counters, diff, the
 * closing "wrote N files (undo: …)"), and apply without a terminal refuses unless --yes or --dry-run.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { REPO, runCli } from '../helpers/cli.js';

const DRIVER = path.join(REPO, 'test', 'helpers', 'pty-drive.py');
const A = "import OpenAI from 'openai';\nexport const a = new OpenAI();\n";
const B = "import OpenAI from 'openai';\nexport const b = new OpenAI();\n";

const dirs: string[] = [];
afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

function project(): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'banjia-ux-'));
  dirs.push(dir);
  writeFileSync(path.join(dir, 'a.ts'), A);
  writeFileSync(path.join(dir, 'b.ts'), B);
  const git = (...args: string[]) => execFileSync('git', ['-c', 'user.email=t@example.com', '-c', 'user.name=t', ...args], { cwd: dir });
  git('init', '-q');
  git('add', '-A');
  git('commit', '-qm', 'base');
  return dir;
}

function drive(cwd: string, args: string[], steps: Array<[string, string[]]>, env: Record<string, string> = {}): { code: number; transcript: string } {
  const spec = { cmd: [process.execPath, path.join(REPO, 'bin', 'migrate.js'), ...args], cwd, env: { LANG: 'en_US.UTF-8', NO_COLOR: '1', ...env }, steps, timeout: 90 };
  const result = spawnSync('python3', [DRIVER, JSON.stringify(spec)], { encoding: 'utf8', timeout: 120_000 });
  return { code: result.status ?? -1, transcript: result.stdout + result.stderr };
}

describe('apply without a terminal', () => {
  it('refuses without --yes or --dry-run, says so, and writes nothing (exit 2)', () => {
    const dir = project();
    const result = runCli(['apply', dir, '--provider', 'qwen']);
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/apply would write 2 file\(s\) but there is no terminal to ask in; nothing was written/);
    expect(result.stderr).toMatch(/pass --yes to write without asking, or --dry-run/);
    expect(readFileSync(path.join(dir, 'a.ts'), 'utf8')).toBe(A);
    expect(readFileSync(path.join(dir, 'b.ts'), 'utf8')).toBe(B);
  });

  it('with --yes writes and ends with "wrote N files (undo: …)"', () => {
    const dir = project();
    const result = runCli(['apply', dir, '--provider', 'qwen', '--yes']);
    expect(result.code).toBe(0);
    expect(result.stdout.trimEnd().split('\n').at(-1)).toBe('wrote 2 files (undo: npx migrate undo)');
  });

  it('with --dry-run ends by saying nothing was written', () => {
    const dir = project();
    const result = runCli(['apply', dir, '--provider', 'qwen', '--dry-run']);
    expect(result.code).toBe(1);
    expect(result.stdout.trimEnd().split('\n').at(-1)).toBe('dry run: nothing written; 2 files would change');
  });
});

describe('the report of an interactive apply matches what was written', () => {
  it('quitting at the first prompt: 0 changed, no diff, "wrote 0 files", git clean', () => {
    const dir = project();
    const { code, transcript } = drive(dir, ['apply', '.', '--provider', 'qwen'], [['Write a\\.ts', ['q']]]);
    expect(transcript, transcript).toMatch(/\[steps done: 1\/1\]/);
    expect(code).toBe(1);
    expect(execFileSync('git', ['status', '--porcelain'], { cwd: dir, encoding: 'utf8' })).toBe('');
    const after = transcript.slice(transcript.lastIndexOf('Files:'));
    expect(after).toMatch(/0 changed/);
    expect(after).not.toMatch(/^diff --git/m);
    expect(after).toMatch(/wrote 0 files; 2 files not written/);
  });

  it('accepting one file and skipping the other: the counters and the diff are of the written file only', () => {
    const dir = project();
    const { code, transcript } = drive(dir, ['apply', '.', '--provider', 'qwen'], [
      ['Write a\\.ts', ['y']],
      ['Write b\\.ts', ['n']],
    ]);
    expect(transcript, transcript).toMatch(/\[steps done: 2\/2\]/);
    expect(code).toBe(1);
    expect(execFileSync('git', ['status', '--porcelain'], { cwd: dir, encoding: 'utf8' }).trim()).toBe('M a.ts');
    const after = transcript.slice(transcript.lastIndexOf('Files:'));
    expect(after).toMatch(/1 changed/);
    expect(after).toMatch(/^diff --git a\/a\.ts/m);
    expect(after).not.toMatch(/^diff --git a\/b\.ts/m);
    expect(after).toMatch(/wrote 1 file \(undo: npx migrate undo\); 1 file not written/);
  });
});

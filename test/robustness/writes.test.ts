/**
 * apply, undo and --output on trees that are not polite: non-UTF-8 bytes, special files as
 * --output, symlinks out of the root, hard links, foreign owners, broken or foreign journals,
 * a held lock, edits made while apply writes. Bytes, modes and owners stay as they should.
 */
import { spawn, spawnSync } from 'node:child_process';
import {
  chmodSync, chownSync, existsSync, linkSync, lstatSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, symlinkSync, writeFileSync,
} from 'node:fs';
import * as fs from 'node:fs';
import os, { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { FilePlan } from '../../src/core/types.js';
import { realFs, writePlans, type WriterFs } from '../../src/pipeline/write.js';
import { REPO, runCli } from '../helpers/cli.js';

const dirs: string[] = [];
afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

function tempDir(): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'banjia-writes-'));
  dirs.push(dir);
  return dir;
}

function project(files: Record<string, string | Buffer>): string {
  const dir = tempDir();
  for (const [name, content] of Object.entries(files)) {
    mkdirSync(path.dirname(path.join(dir, name)), { recursive: true });
    writeFileSync(path.join(dir, name), content);
  }
  return dir;
}

const CALL = (model = "'gpt-4o'") =>
  `import OpenAI from 'openai';\nconst client = new OpenAI();\nexport const ask = () => client.chat.completions.create({ model: ${model}, messages: [] });\n`;
const APPLY = ['apply', '.', '--provider', 'qwen', '--yes'];

describe('bytes that are not UTF-8 (issue 17.3)', () => {
  const gbk = Buffer.from([0xd6, 0xd0, 0xce, 0xc4]); // 中文
  const latin1 = Buffer.from('caf\xe9 na\xefve', 'latin1');

  it('keeps GBK and Latin-1 bytes outside the edits, and undo restores every byte', () => {
    const original = Buffer.concat([Buffer.from('// '), gbk, Buffer.from('\n'), Buffer.from(CALL()), Buffer.from('// '), latin1, Buffer.from('\n')]);
    const dir = project({ 'a.ts': original });
    const result = runCli(APPLY, { cwd: dir });
    expect(result.code, result.stderr).toBe(0);
    const written = readFileSync(path.join(dir, 'a.ts'));
    expect(written.includes(gbk)).toBe(true);
    expect(written.includes(latin1)).toBe(true);
    expect(written.includes(Buffer.from('\uFFFD'))).toBe(false);
    expect(written.toString('latin1')).not.toContain('gpt-4o');
    // The journal keeps the original bytes (they are not text).
    const journal = readdirSync(path.join(dir, '.migrate', 'journal'))[0];
    expect(readFileSync(path.join(dir, '.migrate', 'journal', journal), 'utf8')).toContain('"beforeBase64"');
    expect(runCli(['undo', '.'], { cwd: dir }).code).toBe(0);
    expect(readFileSync(path.join(dir, 'a.ts')).equals(original)).toBe(true);
  });

  it('refuses, with a clear message, a file whose edited line holds such bytes', () => {
    const original = Buffer.concat([Buffer.from(CALL().replace('messages: [] });\n', 'messages: [] }); // ')), latin1, Buffer.from('\n')]);
    const dir = project({ 'a.ts': original, 'b.ts': CALL() });
    const result = runCli(APPLY, { cwd: dir });
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('Not written: a.ts: line 3 holds bytes that are not UTF-8 and an edit changes that line');
    expect(readFileSync(path.join(dir, 'a.ts')).equals(original)).toBe(true);
    expect(readFileSync(path.join(dir, 'b.ts'), 'utf8')).not.toContain('gpt-4o');
  });
});

describe('--output to something that is not a regular file (issue 17.1)', () => {
  it('keeps a symlink and writes its target', () => {
    const dir = project({ 'a.ts': CALL(), 'report.json': 'old' });
    symlinkSync('report.json', path.join(dir, 'link.json'));
    const result = runCli(['scan', '.', '--format', 'json', '--output', 'link.json'], { cwd: dir });
    expect(result.code, result.stderr).toBe(0);
    expect(lstatSync(path.join(dir, 'link.json')).isSymbolicLink()).toBe(true);
    expect(JSON.parse(readFileSync(path.join(dir, 'report.json'), 'utf8')).command).toBe('scan');
  });

  it('writes through a symlink to a device (/dev/null) and keeps both', () => {
    const dir = project({ 'a.ts': CALL() });
    symlinkSync('/dev/null', path.join(dir, 'null-link'));
    const result = runCli(['scan', '.', '--output', 'null-link'], { cwd: dir });
    expect(result.code, result.stderr).toBe(0);
    expect(lstatSync(path.join(dir, 'null-link')).isSymbolicLink()).toBe(true);
    expect(statSync('/dev/null').isCharacterDevice()).toBe(true);
    expect(readdirSync(dir).filter((n) => n.endsWith('.tmp'))).toEqual([]);
  });

  it('writes into a FIFO instead of replacing it', async () => {
    const dir = project({ 'a.ts': CALL() });
    const fifo = path.join(dir, 'pipe');
    expect(spawnSync('mkfifo', [fifo]).status).toBe(0);
    const reader = spawn('cat', [fifo], { stdio: ['ignore', 'pipe', 'ignore'] });
    let read = '';
    reader.stdout.on('data', (chunk) => (read += chunk));
    const closed = new Promise((resolve) => reader.on('close', resolve));
    const result = runCli(['scan', '.', '--format', 'json', '--output', fifo], { cwd: dir });
    // Whatever happened, the reader must not outlive the test.
    if (!lstatSync(fifo).isFIFO()) reader.kill();
    await closed;
    expect(result.code, result.stderr).toBe(0);
    expect(lstatSync(fifo).isFIFO()).toBe(true);
    expect(JSON.parse(read).command).toBe('scan');
    expect(readdirSync(dir).filter((n) => n.endsWith('.tmp'))).toEqual([]);
  });

  it('writes a hard-linked file in place, so every name sees the report', () => {
    const dir = project({ 'a.ts': CALL(), 'report.txt': 'old' });
    linkSync(path.join(dir, 'report.txt'), path.join(dir, 'other-name.txt'));
    expect(runCli(['scan', '.', '--format', 'json', '--output', 'report.txt'], { cwd: dir }).code).toBe(0);
    expect(readFileSync(path.join(dir, 'other-name.txt'), 'utf8')).toBe(readFileSync(path.join(dir, 'report.txt'), 'utf8'));
    expect(statSync(path.join(dir, 'report.txt')).nlink).toBe(2);
  });
});

describe('journals (issues 17.4, 17.8, 17.10)', () => {
  it('skips a truncated or foreign journal with a warning naming it, and still undoes', () => {
    const dir = project({ 'a.ts': CALL() });
    expect(runCli(APPLY, { cwd: dir }).code).toBe(0);
    const journalDir = path.join(dir, '.migrate', 'journal');
    writeFileSync(path.join(journalDir, 'zz-truncated.json'), '{"version":1,"id":"x","entr');
    writeFileSync(path.join(journalDir, 'zz-foreign.json'), '{"hello":"world"}');
    const result = runCli(['undo', '.'], { cwd: dir });
    expect(result.code, result.stderr).toBe(0);
    expect(result.stderr).toContain('.migrate/journal/zz-truncated.json');
    expect(result.stderr).toContain('.migrate/journal/zz-foreign.json');
    expect(result.stderr).not.toContain('internal error');
    expect(readFileSync(path.join(dir, 'a.ts'), 'utf8')).toBe(CALL());
  });

  it('keeps journals private: .migrate/ 0700, journals 0600, the .env mode kept', () => {
    const dir = project({ 'a.ts': CALL(), '.env': 'OPENAI_API_KEY=sk-plantedSECRET0123456789abcdef\n' });
    chmodSync(path.join(dir, '.env'), 0o600);
    mkdirSync(path.join(dir, '.migrate'), { mode: 0o755 }); // as an older version left it
    chmodSync(path.join(dir, '.migrate'), 0o755);
    const result = runCli([...APPLY, '--include-env-files'], { cwd: dir });
    expect(result.code, result.stderr).toBe(0);
    expect(readFileSync(path.join(dir, '.env'), 'utf8')).toContain('DASHSCOPE');
    expect(statSync(path.join(dir, '.env')).mode & 0o777).toBe(0o600);
    expect(statSync(path.join(dir, '.migrate')).mode & 0o777).toBe(0o700);
    expect(statSync(path.join(dir, '.migrate', 'journal')).mode & 0o777).toBe(0o700);
    for (const name of readdirSync(path.join(dir, '.migrate', 'journal'))) {
      expect(statSync(path.join(dir, '.migrate', 'journal', name)).mode & 0o777).toBe(0o600);
    }
    expect(existsSync(path.join(dir, '.migrate', 'lock'))).toBe(false);
  });

  it('undo --force refuses journal paths that leave the root, and writes nothing', () => {
    const outside = tempDir();
    writeFileSync(path.join(outside, 'victim.txt'), 'precious');
    const dir = project({ 'a.ts': CALL() });
    expect(runCli(APPLY, { cwd: dir }).code).toBe(0);
    const journalDir = path.join(dir, '.migrate', 'journal');
    const name = readdirSync(journalDir)[0];
    const journal = JSON.parse(readFileSync(path.join(journalDir, name), 'utf8'));
    const applied = readFileSync(path.join(dir, 'a.ts'), 'utf8');
    const evil = { before: 'pwned', beforeSha256: 'x', afterSha256: 'y' };
    journal.entries.push({ file: `../${path.basename(outside)}/victim.txt`, ...evil }, { file: path.join(outside, 'victim.txt'), ...evil });
    writeFileSync(path.join(journalDir, name), JSON.stringify(journal));
    const result = runCli(['undo', '.', '--force'], { cwd: dir });
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('outside the project');
    expect(readFileSync(path.join(outside, 'victim.txt'), 'utf8')).toBe('precious');
    expect(readFileSync(path.join(dir, 'a.ts'), 'utf8')).toBe(applied);
  });
});

describe('what apply writes to (issue 17.10)', () => {
  it('does not write through a symlink to a file outside the scanned root', () => {
    const outside = tempDir();
    writeFileSync(path.join(outside, 'shared.ts'), CALL());
    const dir = project({ 'a.ts': CALL() });
    symlinkSync(path.join(outside, 'shared.ts'), path.join(dir, 'shared.ts'));
    // git lists the symlink (globby, outside git, does not follow it).
    expect(spawnSync('git', ['init', '-q', dir]).status).toBe(0);
    const result = runCli([...APPLY, '--force'], { cwd: dir });
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('Not written: shared.ts: a symlink to');
    expect(result.stderr).toContain('outside the scanned root');
    expect(readFileSync(path.join(outside, 'shared.ts'), 'utf8')).toBe(CALL());
    expect(readFileSync(path.join(dir, 'a.ts'), 'utf8')).not.toContain('gpt-4o');
  });

  it('keeps hard links: every name of the file sees the new content', () => {
    const outside = tempDir();
    const dir = project({ 'a.ts': CALL() });
    linkSync(path.join(dir, 'a.ts'), path.join(outside, 'a-link.ts'));
    expect(runCli(APPLY, { cwd: dir }).code).toBe(0);
    expect(readFileSync(path.join(outside, 'a-link.ts'), 'utf8')).not.toContain('gpt-4o');
    expect(statSync(path.join(dir, 'a.ts')).nlink).toBe(2);
    expect(runCli(['undo', '.'], { cwd: dir }).code).toBe(0);
    expect(readFileSync(path.join(outside, 'a-link.ts'), 'utf8')).toBe(CALL());
  });

  it.skipIf(process.getuid?.() !== 0)('keeps the owner and mode of a file owned by another user (run as root)', () => {
    const dir = project({ 'a.ts': CALL() });
    const file = path.join(dir, 'a.ts');
    chownSync(file, 1234, 2345);
    chmodSync(file, 0o640);
    expect(runCli(APPLY, { cwd: dir }).code).toBe(0);
    const stat = statSync(file);
    expect([stat.uid, stat.gid, stat.mode & 0o7777]).toEqual([1234, 2345, 0o640]);
    expect(readFileSync(file, 'utf8')).not.toContain('gpt-4o');
  });
});

describe('one writer at a time, and edits made meanwhile (issue 17.9)', () => {
  it('stops a second apply while the lock is held (exit 2, nothing written)', () => {
    const dir = project({ 'a.ts': CALL() });
    mkdirSync(path.join(dir, '.migrate'));
    writeFileSync(path.join(dir, '.migrate', 'lock'), JSON.stringify({ pid: process.pid, host: os.hostname(), command: 'apply', createdAt: new Date().toISOString() }));
    const result = runCli(APPLY, { cwd: dir });
    expect(result.code).toBe(2);
    expect(result.stderr).toContain(`migrate apply (pid ${process.pid}`);
    expect(result.stderr).toContain('is writing to this tree');
    expect(readFileSync(path.join(dir, 'a.ts'), 'utf8')).toBe(CALL());
  });

  it('breaks a stale lock (its process is gone)', () => {
    const dir = project({ 'a.ts': CALL() });
    const gone = spawnSync(process.execPath, ['-e', 'console.log(process.pid)'], { encoding: 'utf8' });
    mkdirSync(path.join(dir, '.migrate'));
    writeFileSync(path.join(dir, '.migrate', 'lock'), JSON.stringify({ pid: Number(gone.stdout.trim()), host: os.hostname(), command: 'apply', createdAt: new Date().toISOString() }));
    const result = runCli(APPLY, { cwd: dir });
    expect(result.code, result.stderr).toBe(0);
    expect(readFileSync(path.join(dir, 'a.ts'), 'utf8')).not.toContain('gpt-4o');
    expect(existsSync(path.join(dir, '.migrate', 'lock'))).toBe(false);
  });

  it('two applies at once: the tree is one run’s result or the other’s, never a mix', async () => {
    const files: Record<string, string> = {};
    for (let i = 0; i < 30; i++) files[`src/f${i}.ts`] = CALL();
    const dir = project(files);
    const start = (provider: string) =>
      new Promise<number | null>((resolve) => {
        const child = spawn(process.execPath, [path.join(REPO, 'bin', 'migrate.js'), 'apply', '.', '--provider', provider, '--yes'], { cwd: dir, stdio: 'ignore' });
        child.on('exit', resolve);
      });
    const codes = await Promise.all([start('qwen'), start('deepseek')]);
    expect(codes.every((c) => c === 0 || c === 2), String(codes)).toBe(true);
    const texts = Object.keys(files).map((f) => readFileSync(path.join(dir, f), 'utf8'));
    const providers = new Set(texts.map((t) => (t.includes('DASHSCOPE') ? 'qwen' : t.includes('DEEPSEEK') ? 'deepseek' : 'none')));
    expect([...providers]).toHaveLength(1);
  });

  it('leaves a file edited while apply writes as the person left it, and says so', async () => {
    const root = tempDir();
    const plans: FilePlan[] = ['a.ts', 'b.ts', 'c.ts'].map((name) => {
      writeFileSync(path.join(root, name), `${name} old`);
      return { path: name, absPath: path.join(root, name), before: `${name} old`, after: `${name} new`, findings: [] };
    });
    const editing: WriterFs = {
      ...realFs,
      renameSync(from: string, to: string) {
        fs.renameSync(from, to);
        // Someone saves b.ts right after a.ts was written.
        if (to.endsWith('a.ts')) writeFileSync(path.join(root, 'b.ts'), 'b.ts edited by hand');
      },
    };
    const result = await writePlans(plans, { root, command: 'apply', fs: editing });
    expect(result.written).toEqual(['a.ts', 'c.ts']);
    expect(result.skipped).toEqual([{ file: 'b.ts', reason: 'edited while apply was writing; left as it is' }]);
    expect(readFileSync(path.join(root, 'b.ts'), 'utf8')).toBe('b.ts edited by hand');
    const journal = JSON.parse(readFileSync(result.journal!, 'utf8'));
    expect(journal.entries.map((e: { file: string }) => e.file)).toEqual(['a.ts', 'c.ts']);
  });
});

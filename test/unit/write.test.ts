import { mkdtempSync, readFileSync, rmSync, writeFileSync, symlinkSync, statSync, chmodSync, readdirSync, lstatSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import * as fs from 'node:fs';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { realFs, undoLast, writePlans, type WriterFs } from '../../src/pipeline/write.js';
import { UnsafeTreeError, WriteError } from '../../src/core/errors.js';
import type { FilePlan } from '../../src/core/types.js';

let root: string;

function plan(name: string, before: string, after: string): FilePlan {
  const absPath = path.join(root, name);
  writeFileSync(absPath, before);
  return { path: name, absPath, before, after, findings: [] };
}

function snapshot(): Record<string, string> {
  const out: Record<string, string> = {};
  for (const name of readdirSync(root)) {
    if (name === '.migrate') continue;
    out[name] = readFileSync(path.join(root, name), 'utf8');
  }
  return out;
}

beforeEach(() => {
  root = mkdtempSync(path.join(tmpdir(), 'banjia-write-'));
});
afterEach(() => rmSync(root, { recursive: true, force: true }));

describe('writePlans', () => {
  it('writes every file and keeps its mode', async () => {
    const a = plan('a.ts', 'old a', 'new a');
    const b = plan('b.sh', 'old b', 'new b');
    chmodSync(b.absPath, 0o755);
    const result = await writePlans([a, b], { root, command: 'apply' });
    expect(snapshot()).toEqual({ 'a.ts': 'new a', 'b.sh': 'new b' });
    expect(statSync(b.absPath).mode & 0o777).toBe(0o755);
    expect(result.written).toEqual(['a.ts', 'b.sh']);
    expect(readFileSync(path.join(root, '.migrate', '.gitignore'), 'utf8')).toBe('*\n');
  });

  it('writes through a symlink and keeps the link', async () => {
    const target = plan('real.ts', 'old', 'new');
    symlinkSync('real.ts', path.join(root, 'link.ts'));
    await writePlans([{ ...target, path: 'link.ts', absPath: path.join(root, 'link.ts') }], { root, command: 'apply' });
    expect(lstatSync(path.join(root, 'link.ts')).isSymbolicLink()).toBe(true);
    expect(readFileSync(target.absPath, 'utf8')).toBe('new');
  });

  it('leaves the tree byte-identical when a write fails midway', async () => {
    const plans = [plan('a.ts', 'A\r\n', 'A2'), plan('b.ts', '\uFEFFB', 'B2'), plan('c.ts', 'C', 'C2')];
    const before = snapshot();
    let renames = 0;
    const failing: WriterFs = {
      ...(realFs as WriterFs),
      renameSync(from: string, to: string) {
        renames++;
        // The third rename (c.ts) fails after a.ts and b.ts were written.
        if (renames === 3) throw new Error('disk full');
        fs.renameSync(from, to);
      },
    };
    await expect(writePlans(plans, { root, command: 'apply', fs: failing })).rejects.toThrow(WriteError);
    expect(snapshot()).toEqual(before);
    expect(readdirSync(root).filter((n) => n.endsWith('.tmp'))).toEqual([]);
    expect(readdirSync(path.join(root, '.migrate', 'journal'))).toEqual([]);
  });

  it('refuses a file that changed since the plan, and writes nothing', async () => {
    const a = plan('a.ts', 'A', 'A2');
    const b = plan('b.ts', 'B', 'B2');
    writeFileSync(b.absPath, 'B edited');
    await expect(writePlans([a, b], { root, command: 'apply' })).rejects.toThrow(UnsafeTreeError);
    expect(snapshot()).toEqual({ 'a.ts': 'A', 'b.ts': 'B edited' });
  });
});

describe('undoLast', () => {
  it('restores every byte of the last apply', async () => {
    const plans = [plan('a.ts', '\uFEFFone\r\ntwo', 'changed'), plan('b.ts', 'x', 'y')];
    const before = snapshot();
    await writePlans(plans, { root, command: 'apply' });
    const result = undoLast(root);
    expect('restored' in result && result.restored).toEqual(['a.ts', 'b.ts']);
    expect(snapshot()).toEqual(before);
    expect(undoLast(root)).toEqual({ warnings: [] });
  });

  it('refuses, naming the files, when one was edited after the apply', async () => {
    await writePlans([plan('a.ts', 'a', 'a2'), plan('b.ts', 'b', 'b2')], { root, command: 'apply' });
    writeFileSync(path.join(root, 'b.ts'), 'b2 and a manual fix');
    let error: unknown;
    try {
      undoLast(root);
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(UnsafeTreeError);
    expect((error as UnsafeTreeError).files).toEqual(['b.ts']);
    expect(snapshot()).toEqual({ 'a.ts': 'a2', 'b.ts': 'b2 and a manual fix' });
    undoLast(root, { force: true });
    expect(snapshot()).toEqual({ 'a.ts': 'a', 'b.ts': 'b' });
  });
});

/**
 * Breaking a stale lock: only the run holding `.migrate/lock.break` removes the lock, after reading
 * it again; a breaker left by a killed run is cleared after a few seconds.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, utimesSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { acquireLock } from '../../src/pipeline/lock.js';
import { tempProjects } from '../helpers/tree.js';

const project = tempProjects('banjia-lock-');

function staleLock(dir: string): string {
  const gone = spawnSync(process.execPath, ['-e', 'console.log(process.pid)'], { encoding: 'utf8' });
  mkdirSync(path.join(dir, '.migrate'), { recursive: true });
  const raw = JSON.stringify({ pid: Number(gone.stdout.trim()), host: os.hostname(), command: 'apply', createdAt: new Date().toISOString() });
  writeFileSync(path.join(dir, '.migrate', 'lock'), raw);
  return raw;
}

describe('stale locks', () => {
  it('breaks a stale lock and takes it, leaving no breaker behind', () => {
    const dir = project({});
    staleLock(dir);
    const release = acquireLock(dir, 'apply');
    expect(JSON.parse(readFileSync(path.join(dir, '.migrate', 'lock'), 'utf8')).pid).toBe(process.pid);
    expect(existsSync(path.join(dir, '.migrate', 'lock.break'))).toBe(false);
    release();
    expect(existsSync(path.join(dir, '.migrate', 'lock'))).toBe(false);
  });

  it('does not remove a stale lock while another run holds the breaker', () => {
    const dir = project({});
    const raw = staleLock(dir);
    writeFileSync(path.join(dir, '.migrate', 'lock.break'), '12345');
    expect(() => acquireLock(dir, 'apply')).toThrow(/keeps taking it/);
    expect(readFileSync(path.join(dir, '.migrate', 'lock'), 'utf8')).toBe(raw);
  });

  it('clears a breaker left by a killed run (older than a few seconds), then breaks the lock', () => {
    const dir = project({});
    staleLock(dir);
    const breaker = path.join(dir, '.migrate', 'lock.break');
    writeFileSync(breaker, '12345');
    const old = new Date(Date.now() - 60_000);
    utimesSync(breaker, old, old);
    const release = acquireLock(dir, 'apply');
    expect(JSON.parse(readFileSync(path.join(dir, '.migrate', 'lock'), 'utf8')).pid).toBe(process.pid);
    release();
  });
});

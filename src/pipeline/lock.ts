/**
 * One writer at a time: `.migrate/lock` is created exclusively by apply (for its writes) and undo.
 * A lock whose process is gone (same host, pid not alive), or that is older than any write phase
 * takes, is stale and is broken (under a breaker file, see breakStale); otherwise the second run
 * stops with a clear error (exit 2).
 */
import * as fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { UnsafeTreeError } from '../core/errors.js';
import { ensureMigrateDir } from './journal.js';

/** Longer than any write phase; the lock is not held while a person reviews the diff. */
export const STALE_LOCK_MS = 10 * 60 * 1000;

interface Holder {
  pid: number;
  host: string;
  command: string;
  createdAt: string;
}

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: the process exists but belongs to someone else.
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

function readHolder(file: string): { holder?: Holder; raw: string; ageMs: number } | undefined {
  try {
    const raw = fs.readFileSync(file, 'utf8');
    const ageMs = Date.now() - fs.statSync(file).mtimeMs;
    try {
      return { holder: JSON.parse(raw) as Holder, raw, ageMs };
    } catch {
      return { raw, ageMs };
    }
  } catch {
    return undefined; // released meanwhile
  }
}

function stale(read: { holder?: Holder; ageMs: number }): boolean {
  if (read.ageMs > STALE_LOCK_MS) return true;
  // Unreadable: a holder between creating the file and writing it, unless it is older than that.
  if (!read.holder || typeof read.holder.pid !== 'number') return read.ageMs > 5000;
  return read.holder.host === os.hostname() && !alive(read.holder.pid);
}

/** A breaker older than this belongs to a run killed while breaking; removing a lock takes milliseconds. */
const STALE_BREAKER_MS = 5000;

function pause(ms: number): void {
  Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, ms);
}

/**
 * Removes a lock judged stale, under `lock.break` (created exclusively): only the breaker's holder
 * may remove the lock, after reading it again and finding the same stale content. Two runs breaking
 * the same stale lock at once cannot remove a fresh lock that one of them (or a third run) took
 * meanwhile, which moving the lock aside and back could. Returns false when another run is breaking.
 */
function breakStale(file: string, staleRaw: string): boolean {
  const breaker = `${file}.break`;
  try {
    fs.writeFileSync(breaker, String(process.pid), { flag: 'wx', mode: 0o600 });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    const since = readHolder(breaker)?.ageMs;
    if (since !== undefined && since > STALE_BREAKER_MS) fs.rmSync(breaker, { force: true });
    return false;
  }
  try {
    if (readHolder(file)?.raw === staleRaw) fs.rmSync(file, { force: true });
  } finally {
    fs.rmSync(breaker, { force: true });
  }
  return true;
}

/** Takes the lock or throws; returns the function that releases it. */
export function acquireLock(root: string, command: string): () => void {
  const file = path.join(ensureMigrateDir(root), 'lock');
  const mine = JSON.stringify({ pid: process.pid, host: os.hostname(), command, createdAt: new Date().toISOString() } satisfies Holder);
  for (let attempt = 0; attempt < 20; attempt++) {
    try {
      fs.writeFileSync(file, mine, { flag: 'wx', mode: 0o600 });
      return () => {
        if (readHolder(file)?.raw === mine) fs.rmSync(file, { force: true });
      };
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    }
    const read = readHolder(file);
    if (!read) continue;
    if (!stale(read)) {
      const h = read.holder;
      const who = h ? `migrate ${h.command} (pid ${h.pid}${h.host === os.hostname() ? '' : ` on ${h.host}`}, since ${h.createdAt})` : 'another migrate run';
      throw new UnsafeTreeError(`${who} is writing to this tree: ${path.relative(process.cwd(), file) || file} is held`, [], 'wait for it to finish; if no migrate process is running, delete .migrate/lock').inChinese(
        `另一个 migrate 进程正在写入此目录（${file}）`,
        '请等待其结束；若没有 migrate 进程在运行，可删除 .migrate/lock',
      );
    }
    // Another run is breaking the same stale lock: give it a moment, then look again.
    if (!breakStale(file, read.raw)) pause(25);
  }
  throw new UnsafeTreeError(`could not take ${file}: another migrate run keeps taking it`, [], 'try again').inChinese(`无法获取 ${file}：另一个 migrate 进程一直占用它`, '请重试');
}

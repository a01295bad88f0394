/**
 * apply's last stage: all-or-nothing writes with an undo journal.
 *
 * - The journal (status `pending`, every file's original bytes) is on disk before the first write,
 *   so a run killed at any moment (SIGKILL, power) is put back by `migrate undo` or the next apply.
 * - SIGINT, SIGTERM and SIGHUP are held while writing: the run stops between two files, puts back
 *   every file already written and exits 128+signal, having changed nothing.
 * - Each file is re-read just before it is written and skipped (reported) when it is no longer the
 *   content the plan was made from: an edit made meanwhile is never overwritten.
 * - Bytes outside the edits are kept, even when they are not UTF-8 (see bytes.ts).
 * - A file is written to a temp file in its own folder and renamed over the original, with mode and
 *   owner kept; where a rename would change the owner or break hard links it is written in place.
 *   Symlinks are written through, never replaced, and only to targets inside the scanned root.
 */
import * as nodeFs from 'node:fs';
import { constants as osConstants } from 'node:os';
import path from 'node:path';
import { randomBytes } from 'node:crypto';
import { InterruptedError, UnsafeTreeError, WriteError } from '../core/errors.js';
import type { FilePlan } from '../core/types.js';
import { editBytes } from './bytes.js';
import { beforeBytes, deleteJournal, ensureMigrateDir, listJournals, removeJournalTemps, saveJournal, sha256, type Journal, type JournalEntry } from './journal.js';

export { JOURNAL_DIR, listJournals, sha256, type Journal, type JournalEntry } from './journal.js';

/** The file-system calls the writer makes on the user's files; tests inject failures through it. */
export interface WriterFs {
  readFileSync(file: string): Buffer;
  writeFileSync(file: string, data: Buffer, options?: { mode?: number; flag?: string }): void;
  renameSync(from: string, to: string): void;
  unlinkSync(file: string): void;
  statSync(file: string): nodeFs.Stats;
  realpathSync(file: string): string;
  chmodSync(file: string, mode: number): void;
  chownSync(file: string, uid: number, gid: number): void;
  existsSync(file: string): boolean;
}

export const realFs: WriterFs = nodeFs as unknown as WriterFs;

const SIGNALS: NodeJS.Signals[] = ['SIGINT', 'SIGTERM', 'SIGHUP'];

/** While installed, the signals only set a flag: the write loop looks at it between two files. */
function holdSignals(): { readonly received: NodeJS.Signals | undefined; release(): void } {
  let received: NodeJS.Signals | undefined;
  const note = (signal: NodeJS.Signals) => {
    received ??= signal;
  };
  for (const signal of SIGNALS) process.on(signal, note);
  return {
    get received() {
      return received;
    },
    release: () => {
      for (const signal of SIGNALS) process.off(signal, note);
    },
  };
}

/** Lets a pending signal reach its handler (the loop is otherwise synchronous). */
const nextTick = () => new Promise<void>((resolve) => setImmediate(resolve));

function inside(root: string, file: string): boolean {
  const relative = path.relative(root, file);
  return relative !== '' && !relative.startsWith('..') && !path.isAbsolute(relative);
}

/** The temp file of one run in a folder; one file is written at a time, so one name per run. */
function tempName(dir: string, token: string): string {
  return path.join(dir, `.banjia-${token}.tmp`);
}

function writeInPlace(file: string, bytes: Buffer): void {
  const fd = nodeFs.openSync(file, 'r+');
  try {
    nodeFs.writeSync(fd, bytes, 0, bytes.length, 0);
    nodeFs.ftruncateSync(fd, bytes.length);
  } finally {
    nodeFs.closeSync(fd);
  }
}

/** Writes a regular file's new bytes; `real` has no symlink left in it. */
function writeFile(real: string, bytes: Buffer, token: string, fs: WriterFs): void {
  const stat = fs.statSync(real);
  if (!stat.isFile()) throw new Error(`${real} is not a regular file`);
  // A rename would give the other names of a hard-linked file the old content.
  if (stat.nlink > 1) return writeInPlace(real, bytes);
  const temp = tempName(path.dirname(real), token);
  try {
    fs.writeFileSync(temp, bytes, { mode: 0o600 });
    if (stat.uid !== process.geteuid?.() || stat.gid !== process.getegid?.()) {
      try {
        fs.chownSync(temp, stat.uid, stat.gid);
      } catch {
        // Not allowed to give the file its owner back (not root): writing in place keeps it.
        fs.unlinkSync(temp);
        return writeInPlace(real, bytes);
      }
    }
    // After chown, which clears set-id bits.
    fs.chmodSync(temp, stat.mode & 0o7777);
    fs.renameSync(temp, real);
  } catch (error) {
    try {
      if (fs.existsSync(temp)) fs.unlinkSync(temp);
    } catch {
      // the temp file may never have been created
    }
    throw error;
  }
}

/** Puts original bytes back; returns the files it could not restore. */
function restore(files: Array<{ real: string; bytes: Buffer }>, token: string, fs: WriterFs): string[] {
  const failed: string[] = [];
  for (const file of files) {
    try {
      writeFile(file.real, file.bytes, token, fs);
    } catch {
      failed.push(file.real);
    }
  }
  return failed;
}

export interface WriteOptions {
  root: string;
  command: string;
  provider?: string;
  fs?: WriterFs;
}

export interface SkippedWrite {
  file: string;
  reason: string;
}

export interface WriteResult {
  written: string[];
  /** Files left as they are, with why: edited during the write, outside the root, bytes an edit cannot keep. */
  skipped: SkippedWrite[];
  journal?: string;
}

/** Files whose current text differs from the text their plan was made from. */
export function staleFiles(plans: FilePlan[], fs: WriterFs = realFs): string[] {
  return plans
    .filter((plan) => {
      try {
        return fs.readFileSync(plan.absPath).toString('utf8') !== plan.before;
      } catch {
        return true;
      }
    })
    .map((plan) => plan.path);
}

interface Prepared {
  plan: FilePlan;
  real: string;
  before: Buffer;
  after: Buffer;
  mode: number;
}

function prepare(plans: FilePlan[], root: string, fs: WriterFs, skipped: SkippedWrite[]): Prepared[] {
  const realRoot = fs.realpathSync(root);
  const prepared: Prepared[] = [];
  for (const plan of plans) {
    let real: string;
    let stat: nodeFs.Stats;
    let before: Buffer;
    try {
      real = fs.realpathSync(plan.absPath);
      stat = fs.statSync(real);
      before = stat.isFile() ? fs.readFileSync(real) : Buffer.alloc(0);
    } catch (error) {
      skipped.push({ file: plan.path, reason: `could not be read (${(error as NodeJS.ErrnoException).code ?? String(error)})` });
      continue;
    }
    if (!inside(realRoot, real)) {
      skipped.push({ file: plan.path, reason: `a symlink to ${real}, outside the scanned root` });
      continue;
    }
    if (!stat.isFile()) {
      skipped.push({ file: plan.path, reason: 'not a regular file' });
      continue;
    }
    const edited = editBytes(before, plan.before, plan.after);
    if ('refused' in edited) {
      skipped.push({ file: plan.path, reason: edited.refused });
      continue;
    }
    prepared.push({ plan, real, before, after: edited.bytes, mode: stat.mode & 0o7777 });
  }
  return prepared;
}

function entryOf(p: Prepared): JournalEntry {
  const utf8 = p.before.toString('utf8');
  const text = Buffer.from(utf8, 'utf8').equals(p.before) ? { before: utf8 } : { beforeBase64: p.before.toString('base64') };
  return { file: p.plan.path, ...text, beforeSha256: sha256(p.before), afterSha256: sha256(p.after), mode: p.mode };
}

function unchanged(real: string, bytes: Buffer, fs: WriterFs): boolean {
  try {
    return fs.readFileSync(real).equals(bytes);
  } catch {
    return false;
  }
}

function signalMessage(signal: NodeJS.Signals, what: string): InterruptedError {
  return new InterruptedError(`interrupted by ${signal} while writing; ${what}`, signal, 128 + (osConstants.signals[signal] ?? 0));
}

export async function writePlans(plans: FilePlan[], options: WriteOptions): Promise<WriteResult> {
  const fs = options.fs ?? realFs;
  const stale = staleFiles(plans, fs);
  if (stale.length) {
    throw new UnsafeTreeError(`${stale.length} file(s) changed since they were scanned: ${stale.join(', ')}`, stale, 'run the command again').inChinese(`${stale.length} 个文件在扫描后被修改：${stale.join(', ')}`, '请重新运行该命令');
  }
  const skipped: SkippedWrite[] = [];
  const prepared = prepare(plans, options.root, fs, skipped);
  if (!prepared.length) return { written: [], skipped };
  const token = randomBytes(3).toString('hex');
  const journal: Journal = {
    version: 1,
    id: `${new Date().toISOString().replace(/[:.]/g, '-')}-${token}`,
    createdAt: new Date().toISOString(),
    command: options.command,
    ...(options.provider ? { provider: options.provider } : {}),
    status: 'pending',
    entries: prepared.map(entryOf),
  };
  const signals = holdSignals();
  try {
    ensureMigrateDir(options.root);
    // On disk before any source file, so a run killed at any point leaves the originals on record.
    const journalPath = saveJournal(options.root, journal);
    const written: Prepared[] = [];
    try {
      for (const p of prepared) {
        if (signals.received) throw signals.received;
        if (!unchanged(p.real, p.before, fs)) {
          skipped.push({ file: p.plan.path, reason: 'edited while apply was writing; left as it is' });
          continue;
        }
        writeFile(p.real, p.after, token, fs);
        written.push(p);
        await nextTick();
      }
    } catch (error) {
      const failed = restore(written.map((p) => ({ real: p.real, bytes: p.before })), token, fs);
      // A journal whose files could not all be put back stays pending, for `migrate undo`.
      if (!failed.length) deleteJournal(options.root, journal);
      const restored = failed.length ? `${failed.length} file(s) could not be restored: ${failed.join(', ')}; run \`npx migrate undo\`` : 'every file was restored, nothing changed';
      const restoredZh = failed.length ? `${failed.length} 个文件无法还原：${failed.join(', ')}；请运行 \`npx migrate undo\`` : '所有文件都已还原，没有任何改动';
      if (typeof error === 'string') throw signalMessage(error as NodeJS.Signals, restored);
      const reason = error instanceof Error ? error.message : String(error);
      throw new WriteError(`write failed (${reason}); ${restored}`).inChinese(`写入失败（${reason}）；${restoredZh}`);
    }
    const writtenFiles = new Set(written.map((p) => p.plan.path));
    journal.entries = journal.entries.filter((e) => writtenFiles.has(e.file));
    journal.status = 'complete';
    if (journal.entries.length) saveJournal(options.root, journal);
    else deleteJournal(options.root, journal);
    return { written: written.map((p) => p.plan.path), skipped, ...(journal.entries.length ? { journal: journalPath } : {}) };
  } finally {
    signals.release();
  }
}

export interface UndoResult {
  journal: string;
  restored: string[];
  /** The journal was an apply that never finished (killed): its written files were put back. */
  interrupted: boolean;
}

/** Journal paths come from a file anyone could have edited: only relative paths inside the root. */
function unsafeEntries(root: string, journal: Journal): string[] {
  const realRoot = nodeFs.realpathSync(root);
  return journal.entries
    .filter((entry) => {
      const parts = entry.file.split(/[\\/]/);
      if (path.isAbsolute(entry.file) || /^[A-Za-z]:/.test(entry.file) || parts.includes('..') || parts.includes('')) return true;
      const file = path.join(root, ...parts);
      try {
        return !inside(realRoot, nodeFs.realpathSync(file));
      } catch {
        return !inside(root, file); // a file removed since can be recreated, inside the root only
      }
    })
    .map((entry) => entry.file);
}

/**
 * Puts back every file of the last apply: a complete one, or one that was killed before it could
 * finish (`pending`). A file still holding its original bytes needs nothing; one that holds neither
 * the original nor the written bytes was edited since, and is restored only with `force`.
 */
export function undoLast(root: string, options: { force?: boolean; fs?: WriterFs } = {}): (UndoResult & { warnings: string[] }) | { warnings: string[] } {
  const fs = options.fs ?? realFs;
  const { journals, warnings } = listJournals(root);
  const last = journals.filter((j) => j.status !== 'undone').at(-1);
  if (!last) return { warnings };
  const unsafe = unsafeEntries(root, last);
  if (unsafe.length) {
    throw new UnsafeTreeError(`the journal of ${last.createdAt} names file(s) outside the project: ${unsafe.join(', ')}; nothing was restored`, unsafe, `remove ${path.join('.migrate', 'journal', `${last.id}.json`)} if it is not yours`).inChinese(
      `${last.createdAt} 的日志列出了项目之外的文件：${unsafe.join(', ')}；未还原任何文件`,
      `如果它不是你的，请删除 ${path.join('.migrate', 'journal', `${last.id}.json`)}`,
    );
  }
  const todo: Array<{ entry: JournalEntry; real: string }> = [];
  const edited: string[] = [];
  for (const entry of last.entries) {
    const file = path.join(root, ...entry.file.split('/'));
    let current: Buffer | undefined;
    try {
      current = fs.readFileSync(file);
    } catch {
      current = undefined;
    }
    const sha = current && sha256(current);
    if (sha === entry.beforeSha256) continue;
    if (sha !== entry.afterSha256) edited.push(entry.file);
    if (sha === entry.afterSha256 || options.force) todo.push({ entry, real: current ? fs.realpathSync(file) : file });
  }
  if (edited.length && !options.force) {
    throw new UnsafeTreeError(
      `${edited.length} file(s) were edited after the apply of ${last.createdAt}: ${edited.join(', ')}`,
      edited,
      'undo --force puts the old text back anyway, losing those edits',
    ).inChinese(`${edited.length} 个文件在 ${last.createdAt} 的 apply 之后被编辑过：${edited.join(', ')}`, 'undo --force 仍会放回旧文本，这些编辑将丢失');
  }
  const token = last.id.split('-').at(-1) ?? 'undo';
  // A run killed between writing a temp file and renaming it left that temp file behind.
  for (const dir of new Set(last.entries.map((e) => path.dirname(path.join(root, ...e.file.split('/')))))) {
    nodeFs.rmSync(tempName(dir, token), { force: true });
  }
  removeJournalTemps(root);
  const failed: string[] = [];
  for (const { entry, real } of todo) {
    try {
      if (!fs.existsSync(real)) fs.writeFileSync(real, Buffer.alloc(0), { mode: entry.mode ?? 0o644 });
      writeFile(real, beforeBytes(entry), token, fs);
    } catch {
      failed.push(entry.file);
    }
  }
  if (failed.length) throw new WriteError(`could not restore ${failed.join(', ')}`).inChinese(`无法还原 ${failed.join(', ')}`);
  const interrupted = last.status === 'pending';
  last.status = 'undone';
  const journalPath = saveJournal(root, last);
  return { journal: journalPath, restored: last.entries.map((e) => e.file), interrupted, warnings };
}

/** The last journal, when it is an apply that was killed before it finished. */
export function pendingJournal(root: string): Journal | undefined {
  const last = listJournals(root).journals.filter((j) => j.status !== 'undone').at(-1);
  return last?.status === 'pending' ? last : undefined;
}

/**
 * apply's last stage: all-or-nothing writes with an undo journal. Every file is re-read and must
 * still equal the text the plan was made from; each is written to a temp file in its own folder
 * and renamed over the original (mode kept, symlinks written through); if any write fails, every
 * file already written is put back. The journal under .migrate/ lets `migrate undo` restore every
 * byte.
 */
import { createHash, randomBytes } from 'node:crypto';
import * as nodeFs from 'node:fs';
import path from 'node:path';
import { UnsafeTreeError, WriteError } from '../core/errors.js';
import type { FilePlan } from '../core/types.js';

/** The file-system calls the writer uses; tests inject failures through it. */
export interface WriterFs {
  readFileSync(file: string, encoding: 'utf8'): string;
  writeFileSync(file: string, data: string, options?: { mode?: number }): void;
  renameSync(from: string, to: string): void;
  unlinkSync(file: string): void;
  statSync(file: string): { mode: number };
  lstatSync(file: string): { isSymbolicLink(): boolean };
  realpathSync(file: string): string;
  chmodSync(file: string, mode: number): void;
  mkdirSync(dir: string, options: { recursive: true }): unknown;
  existsSync(file: string): boolean;
  readdirSync(dir: string): string[];
}

export const realFs: WriterFs = nodeFs as unknown as WriterFs;

export const JOURNAL_DIR = '.migrate';

export interface JournalEntry {
  file: string;
  before: string;
  beforeSha256: string;
  afterSha256: string;
}

export interface Journal {
  version: 1;
  id: string;
  createdAt: string;
  command: string;
  provider?: string;
  status: 'pending' | 'complete' | 'undone';
  entries: JournalEntry[];
}

export function sha256(text: string): string {
  return createHash('sha256').update(text, 'utf8').digest('hex');
}

function journalDir(root: string): string {
  return path.join(root, JOURNAL_DIR, 'journal');
}

function ensureJournalDir(root: string, fs: WriterFs): string {
  const dir = journalDir(root);
  fs.mkdirSync(dir, { recursive: true });
  // The folder ignores itself, so the user's .gitignore is never touched and the tree stays clean.
  const ignore = path.join(root, JOURNAL_DIR, '.gitignore');
  if (!fs.existsSync(ignore)) fs.writeFileSync(ignore, '*\n');
  return dir;
}

function writeAtomic(target: string, text: string, fs: WriterFs): void {
  const real = fs.lstatSync(target).isSymbolicLink() ? fs.realpathSync(target) : target;
  const mode = fs.statSync(real).mode & 0o7777;
  const temp = path.join(path.dirname(real), `.${path.basename(real)}.banjia-${process.pid}-${randomBytes(4).toString('hex')}.tmp`);
  try {
    fs.writeFileSync(temp, text, { mode });
    fs.chmodSync(temp, mode);
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

/** Restores texts; used both for rollback and undo. Returns the files it could not restore. */
function restore(files: Array<{ absPath: string; text: string }>, fs: WriterFs): string[] {
  const failed: string[] = [];
  for (const file of files) {
    try {
      writeAtomic(file.absPath, file.text, fs);
    } catch {
      failed.push(file.absPath);
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

export interface WriteResult {
  written: string[];
  journal: string;
}

/** Files whose current text differs from the text their plan was made from. */
export function staleFiles(plans: FilePlan[], fs: WriterFs = realFs): string[] {
  return plans
    .filter((plan) => {
      try {
        return fs.readFileSync(plan.absPath, 'utf8') !== plan.before;
      } catch {
        return true;
      }
    })
    .map((plan) => plan.path);
}

export function writePlans(plans: FilePlan[], options: WriteOptions): WriteResult {
  const fs = options.fs ?? realFs;
  const stale = staleFiles(plans, fs);
  if (stale.length) {
    throw new UnsafeTreeError(`${stale.length} file(s) changed since they were scanned: ${stale.join(', ')}`, stale, 'run the command again');
  }
  const journal: Journal = {
    version: 1,
    id: `${new Date().toISOString().replace(/[:.]/g, '-')}-${randomBytes(3).toString('hex')}`,
    createdAt: new Date().toISOString(),
    command: options.command,
    ...(options.provider ? { provider: options.provider } : {}),
    status: 'pending',
    entries: plans.map((plan) => ({ file: plan.path, before: plan.before, beforeSha256: sha256(plan.before), afterSha256: sha256(plan.after) })),
  };
  const journalPath = path.join(ensureJournalDir(options.root, fs), `${journal.id}.json`);
  // Written before any source file, so even a crash mid-apply leaves the originals on record.
  fs.writeFileSync(journalPath, JSON.stringify(journal, null, 2));
  const written: FilePlan[] = [];
  try {
    for (const plan of plans) {
      writeAtomic(plan.absPath, plan.after, fs);
      written.push(plan);
    }
  } catch (error) {
    const failed = restore(written.map((p) => ({ absPath: p.absPath, text: p.before })), fs);
    try {
      fs.unlinkSync(journalPath);
    } catch {
      // keep going: the rollback matters more than the journal
    }
    const reason = error instanceof Error ? error.message : String(error);
    if (failed.length) {
      throw new WriteError(`write failed (${reason}) and ${failed.length} file(s) could not be restored: ${failed.join(', ')}`);
    }
    throw new WriteError(`write failed (${reason}); every file was restored, nothing changed`);
  }
  journal.status = 'complete';
  fs.writeFileSync(journalPath, JSON.stringify(journal, null, 2));
  return { written: plans.map((p) => p.path), journal: journalPath };
}

export function listJournals(root: string, fs: WriterFs = realFs): Journal[] {
  const dir = journalDir(root);
  if (!fs.existsSync(dir)) return [];
  return fs
    .readdirSync(dir)
    .filter((name) => name.endsWith('.json'))
    .sort()
    .map((name) => JSON.parse(fs.readFileSync(path.join(dir, name), 'utf8')) as Journal);
}

export interface UndoResult {
  journal: string;
  restored: string[];
}

/** Puts back every file of the last complete apply, refusing when one was edited since. */
export function undoLast(root: string, options: { force?: boolean; fs?: WriterFs } = {}): UndoResult | undefined {
  const fs = options.fs ?? realFs;
  const journals = listJournals(root, fs).filter((j) => j.status === 'complete');
  const last = journals[journals.length - 1];
  if (!last) return undefined;
  const edited: string[] = [];
  for (const entry of last.entries) {
    let current: string | undefined;
    try {
      current = fs.readFileSync(path.join(root, entry.file), 'utf8');
    } catch {
      current = undefined;
    }
    if (current === undefined || sha256(current) !== entry.afterSha256) edited.push(entry.file);
  }
  if (edited.length && !options.force) {
    throw new UnsafeTreeError(
      `${edited.length} file(s) were edited after the apply of ${last.createdAt}: ${edited.join(', ')}`,
      edited,
      'undo --force puts the old text back anyway, losing those edits',
    );
  }
  const failed = restore(last.entries.map((e) => ({ absPath: path.join(root, e.file), text: e.before })), fs);
  if (failed.length) throw new WriteError(`could not restore ${failed.join(', ')}`);
  last.status = 'undone';
  const journalPath = path.join(journalDir(root), `${last.id}.json`);
  fs.writeFileSync(journalPath, JSON.stringify(last, null, 2));
  return { journal: journalPath, restored: last.entries.map((e) => e.file) };
}

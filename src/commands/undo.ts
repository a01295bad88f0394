/** `migrate undo [path]`: put back every file of the last apply, byte for byte, even a killed one. */
import path from 'node:path';
import { resolveRoot } from '../pipeline/discover.js';
import { acquireLock } from '../pipeline/lock.js';
import { listJournals, undoLast, type UndoResult } from '../pipeline/write.js';

export interface UndoOptions {
  path: string;
  force?: boolean;
}

export interface UndoOutcome {
  root: string;
  result?: UndoResult;
  /** Journal files that were skipped (truncated, foreign), each naming the file. */
  warnings: string[];
}

export function undo(options: UndoOptions): UndoOutcome {
  const root = path.resolve(resolveRoot(options.path).root);
  // No journal at all: nothing to lock, and no .migrate/ to create.
  if (!listJournals(root).journals.length) return { root, warnings: listJournals(root).warnings };
  const release = acquireLock(root, 'undo');
  try {
    const outcome = undoLast(root, { force: options.force === true });
    return { root, warnings: outcome.warnings, ...('journal' in outcome ? { result: outcome } : {}) };
  } finally {
    release();
  }
}

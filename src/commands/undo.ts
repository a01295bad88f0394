/** `migrate undo [path]`: put back every file of the last apply, byte for byte. */
import path from 'node:path';
import { resolveRoot } from '../pipeline/discover.js';
import { undoLast, type UndoResult } from '../pipeline/write.js';

export interface UndoOptions {
  path: string;
  force?: boolean;
}

export function undo(options: UndoOptions): (UndoResult & { root: string }) | undefined {
  const { root } = resolveRoot(options.path);
  const result = undoLast(path.resolve(root), { force: options.force === true });
  return result ? { ...result, root } : undefined;
}

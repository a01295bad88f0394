/**
 * `--output <file>`: a regular file is replaced atomically (temp file in its folder, renamed over
 * it, mode kept), so a reader never sees half a report. Nothing else is ever renamed over: a
 * device (/dev/null), a FIFO or anything not a regular file is written to directly, a symlink is
 * kept and its target written, and a hard-linked or foreign-owned file is written in place.
 */
import * as fs from 'node:fs';
import path from 'node:path';

function statOrUndefined(file: string, follow: boolean): fs.Stats | undefined {
  try {
    return follow ? fs.statSync(file) : fs.lstatSync(file);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw error;
  }
}

export function writeReportFile(file: string, text: string): void {
  const link = statOrUndefined(file, false);
  const stat = link && (link.isSymbolicLink() ? statOrUndefined(file, true) : link);
  const replaceable = stat ? stat.isFile() && stat.nlink === 1 && stat.uid === process.geteuid?.() : !link;
  if (!replaceable) {
    // Written through: a dangling symlink gets its target created, as a shell's `>` would do.
    fs.writeFileSync(file, text);
    return;
  }
  const real = stat ? fs.realpathSync(file) : file;
  const temp = path.join(path.dirname(real), `.${path.basename(real)}.${process.pid}.tmp`);
  try {
    fs.writeFileSync(temp, text, { flag: 'wx' });
    if (stat) fs.chmodSync(temp, stat.mode & 0o7777);
    fs.renameSync(temp, real);
  } catch (error) {
    fs.rmSync(temp, { force: true });
    throw error;
  }
}

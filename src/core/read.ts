/**
 * Reading files that may not be files: a FIFO, a socket or a device named like a source or env
 * file must never block a run. The file is opened without blocking and read only when fstat says
 * it is a regular file.
 */
import { closeSync, constants, fstatSync, openSync, readSync } from 'node:fs';

/**
 * Opens a file for reading without ever waiting: a FIFO without a writer reads as empty (or
 * EAGAIN), a folder fails on read. For a caller whose reads are bounded anyway (a device then
 * reads as "too large"); it saves the fstat per file that listing a 20,000-file tree noticed.
 */
export function openNonBlocking(absPath: string): number | undefined {
  try {
    return openSync(absPath, constants.O_RDONLY | (constants.O_NONBLOCK ?? 0));
  } catch {
    return undefined;
  }
}

/** Opens a regular file for reading (never waits on a FIFO); undefined for anything else or on error. */
export function openRegular(absPath: string): number | undefined {
  const fd = openNonBlocking(absPath);
  if (fd === undefined) return undefined;
  try {
    if (fstatSync(fd).isFile()) return fd;
  } catch {
    // fall through: not readable
  }
  closeSync(fd);
  return undefined;
}

/** The UTF-8 text of a regular file; undefined for a FIFO, a device, a folder, or a missing file. */
export function readRegularText(absPath: string): string | undefined {
  const fd = openRegular(absPath);
  if (fd === undefined) return undefined;
  try {
    const chunks: Buffer[] = [];
    const chunk = Buffer.allocUnsafe(64 * 1024);
    for (let n; (n = readSync(fd, chunk, 0, chunk.length, null)) > 0; ) chunks.push(Buffer.from(chunk.subarray(0, n)));
    return Buffer.concat(chunks).toString('utf8');
  } catch {
    return undefined;
  } finally {
    closeSync(fd);
  }
}

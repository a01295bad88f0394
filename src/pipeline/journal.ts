/**
 * The undo journal under `.migrate/journal/`: one JSON file per apply holding the original bytes of
 * every file it writes. It can hold the old text of `.env` files, so `.migrate/` is 0700 and each
 * journal 0600. A journal is replaced by rename, never rewritten in place, so a crash leaves either
 * the old or the new one; a file that is not a journal is skipped with a warning, never an error.
 */
import { createHash } from 'node:crypto';
import * as nodeFs from 'node:fs';
import path from 'node:path';

export const JOURNAL_DIR = '.migrate';

export interface JournalEntry {
  /** Posix path relative to the root. */
  file: string;
  /** The original content, when it is valid UTF-8 (readable in the file). */
  before?: string;
  /** The original bytes otherwise. */
  beforeBase64?: string;
  beforeSha256: string;
  afterSha256: string;
  /** Permission bits of the file when it was journaled. */
  mode?: number;
}

export interface Journal {
  version: 1;
  id: string;
  createdAt: string;
  command: string;
  provider?: string;
  /** `pending` from before the first write until the last; a pending journal is an interrupted apply. */
  status: 'pending' | 'complete' | 'undone';
  entries: JournalEntry[];
}

export function sha256(data: string | Buffer): string {
  return createHash('sha256').update(data).digest('hex');
}

export function beforeBytes(entry: JournalEntry): Buffer {
  return entry.beforeBase64 !== undefined ? Buffer.from(entry.beforeBase64, 'base64') : Buffer.from(entry.before ?? '', 'utf8');
}

export function journalDir(root: string): string {
  return path.join(root, JOURNAL_DIR, 'journal');
}

/** Creates `.migrate/` (0700, ignoring itself in git, so the user's .gitignore is never touched). */
export function ensureMigrateDir(root: string, fs: Pick<typeof nodeFs, 'mkdirSync' | 'chmodSync' | 'existsSync' | 'writeFileSync'> = nodeFs): string {
  const dir = path.join(root, JOURNAL_DIR);
  fs.mkdirSync(path.join(dir, 'journal'), { recursive: true, mode: 0o700 });
  // Folders made by older versions were 0755; one owned by someone else is left as it is.
  for (const folder of [dir, path.join(dir, 'journal')]) {
    try {
      fs.chmodSync(folder, 0o700);
    } catch {
      // not ours to change
    }
  }
  const ignore = path.join(dir, '.gitignore');
  if (!fs.existsSync(ignore)) fs.writeFileSync(ignore, '*\n', { mode: 0o600 });
  return dir;
}

/** Writes the journal durably: a 0600 temp file, flushed, then renamed over the old one. */
export function saveJournal(root: string, journal: Journal): string {
  const file = path.join(journalDir(root), `${journal.id}.json`);
  const temp = `${file}.tmp`;
  const fd = nodeFs.openSync(temp, 'w', 0o600);
  try {
    nodeFs.writeSync(fd, JSON.stringify(journal, null, 2));
    nodeFs.fsyncSync(fd);
  } finally {
    nodeFs.closeSync(fd);
  }
  nodeFs.chmodSync(temp, 0o600);
  nodeFs.renameSync(temp, file);
  return file;
}

export function deleteJournal(root: string, journal: Journal): void {
  nodeFs.rmSync(path.join(journalDir(root), `${journal.id}.json`), { force: true });
}

const isString = (v: unknown) => typeof v === 'string';

function isJournal(value: unknown): value is Journal {
  const j = value as Journal;
  return (
    typeof j === 'object' && j !== null && j.version === 1 && isString(j.id) && isString(j.createdAt) &&
    ['pending', 'complete', 'undone'].includes(j.status) && Array.isArray(j.entries) &&
    j.entries.every((e) => typeof e === 'object' && e !== null && isString(e.file) && isString(e.beforeSha256) && isString(e.afterSha256) && (isString(e.before) || isString(e.beforeBase64)))
  );
}

export interface JournalList {
  journals: Journal[];
  /** One line per `*.json` that is not a readable journal, naming it. */
  warnings: string[];
}

/** The journals, oldest first; truncated or foreign files are skipped with a warning. */
export function listJournals(root: string): JournalList {
  const dir = journalDir(root);
  if (!nodeFs.existsSync(dir)) return { journals: [], warnings: [] };
  const journals: Journal[] = [];
  const warnings: string[] = [];
  for (const name of nodeFs.readdirSync(dir).filter((n) => n.endsWith('.json')).sort()) {
    const shown = path.posix.join(JOURNAL_DIR, 'journal', name);
    try {
      const value: unknown = JSON.parse(nodeFs.readFileSync(path.join(dir, name), 'utf8'));
      if (isJournal(value)) journals.push(value);
      else warnings.push(`skipped ${shown}: not a banjia journal`);
    } catch (error) {
      warnings.push(`skipped ${shown}: ${error instanceof Error ? error.message : String(error)}`);
    }
  }
  return { journals, warnings };
}

/** Removes journal temp files a killed run left behind (call with the lock held). */
export function removeJournalTemps(root: string): void {
  const dir = journalDir(root);
  if (!nodeFs.existsSync(dir)) return;
  for (const name of nodeFs.readdirSync(dir)) if (name.endsWith('.json.tmp')) nodeFs.rmSync(path.join(dir, name), { force: true });
}

/**
 * A full garbage collection at a stage boundary, for when a stage has just let go of most of the
 * heap (the syntax trees after detection): V8 sizes the next limit from the live heap of its last
 * collection, so without one the planning stage grows the heap on top of ~90 MB of dead trees
 * (langchainjs: peak RSS ~440 MB → ~365 MB). `gc` is not exposed without --expose-gc; setting the
 * flag at run time exposes it in new contexts, which is where it is taken from. Any failure leaves
 * collection to V8.
 */
import v8 from 'node:v8';
import vm from 'node:vm';

let gc: (() => void) | null | undefined;

/**
 * From this many characters of source, syntax trees are worth a full collection once let go, and
 * a run worth a heap tuned small (~23 bytes of heap per character: ~45 MB). Small scans, and the
 * test suite's many, are not slowed by a full collection.
 */
export const LARGE_SOURCE_CHARACTERS = 2_000_000;

/** The next turn of the event loop: a tree looked up in this one is kept by its weak references until it ends. */
export function nextTurn(): Promise<void> {
  return new Promise((resolve) => setImmediate(resolve));
}

/** A full collection once this job has ended, so that what it let go through weak references can be freed. */
export async function collectAfterThisJob(): Promise<void> {
  await nextTurn();
  collectGarbage();
}

/** The V8 flags changed at run time, each with the setting that puts back V8's default. */
const changed = new Map<string, string>();

function setFlag(flag: string, value: string, restore: string): void {
  v8.setFlagsFromString(`${flag}${value}`);
  // A flag given at start (node --expose-gc, NODE_OPTIONS) is the user's: never "restored" to a default.
  const atStart = [...process.execArgv, ...(process.env.NODE_OPTIONS ?? '').split(/\s+/)].some((arg) => arg.startsWith(flag));
  if (!atStart) changed.set(flag, restore);
}

/**
 * Puts back the V8 flags changed at run time. V8 stamps a code cache with a hash of the flags in
 * force when it is made and rejects it when they differ on load: a cache written at the end of a
 * large scan, after these changes, was rejected by every later run, which loads the compiler
 * before making them (measured: each large scan compiled TypeScript again and rewrote its cache).
 */
export function restoreStartupFlags(): void {
  for (const restore of changed.values()) {
    try {
      v8.setFlagsFromString(restore);
    } catch {
      // Nothing to put back on an engine without the flag.
    }
  }
  changed.clear();
}

export function collectGarbage(): void {
  if (gc === undefined) {
    try {
      setFlag('--expose-gc', '', '--no-expose-gc');
      gc = vm.runInNewContext('gc') as () => void;
    } catch {
      gc = null;
    }
  }
  if (!gc) return;
  // Twice: a collection asked for while incremental marking is under way only finishes that
  // cycle, which began before the trees were let go and so keeps them (measured: 248 → 229 MB,
  // then 134 MB).
  gc();
  gc();
}

/**
 * Asks V8 to grow the heap by at most half of what a collection left alive, instead of the up to
 * fourfold it allows when collections are quick: on a scan that lets go of most of what it
 * parses, live data stays small and the peak is garbage awaiting a late collection (langchainjs:
 * heap limit ~260 MB for ~110 MB alive). Costs more, smaller collections (~+5% of run time there).
 * For large runs only; the setting holds for the rest of the process.
 */
export function favourSmallHeap(): void {
  try {
    // V8's default, 0, leaves the growing factor to its own heuristics.
    setFlag('--heap-growing-percent', '=50', '--heap-growing-percent=0');
  } catch {
    // An engine without the flag keeps its own sizing.
  }
}

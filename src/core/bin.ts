/**
 * The name the user ran banjia under (`migrate` or `banjia`), so that every hint a person reads
 * ("Next: …", "do: …", error hints) names a command that works for them. Set once by the CLI.
 */
import path from 'node:path';

const KNOWN = new Set(['migrate', 'banjia']);
let current = 'migrate';

/** The bin name from a script path (process.argv[1]): `.../node_modules/.bin/banjia` → banjia. */
export function binFromPath(script: string | undefined, fallback = 'migrate'): string {
  const base = script ? path.basename(script).replace(/\.(c|m)?js$/, '') : '';
  return KNOWN.has(base) ? base : fallback;
}

export function setBinName(name: string): void {
  current = name;
}

export function binName(): string {
  return current;
}

/** Rewrites the `npx migrate …` / `migrate …` of a hint to the bin the user ran. */
export function withBin(text: string): string {
  if (current === 'migrate') return text;
  return text.replace(/\bnpx migrate\b/g, `npx ${current}`).replace(/(^|[\s`'(（：:])migrate (scan|apply|check|undo|cost|providers)\b/g, `$1${current} $2`);
}

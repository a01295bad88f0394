/**
 * The command the user ran banjia with (`npx banjia`, `npx migrate`, or a bare `banjia` / `migrate`
 * from a global install), so that every hint a person reads ("Next: …", "do: …", error hints) names
 * a command that works for them. Set once by the CLI.
 */
import path from 'node:path';

const KNOWN = new Set(['migrate', 'banjia']);
let current = 'migrate';
let npx = true;

/** The bin name from a script path (process.argv[1]): `.../node_modules/.bin/banjia` → banjia. */
export function binFromPath(script: string | undefined, fallback = 'migrate'): string {
  const base = script ? path.basename(script).replace(/\.(c|m)?js$/, '') : '';
  return KNOWN.has(base) ? base : fallback;
}

/**
 * Whether the hints should say `npx <bin>`: yes under npx (npm sets npm_command=exec), from a
 * project's node_modules/.bin (an npm script: at the prompt the same bin is `npx <bin>`) and from a
 * clone (`node bin/migrate.js`, README's quick start says `npx migrate`); no when the bin was found
 * on PATH outside node_modules (a global install), where `npx <bin>` would be a detour at best.
 */
export function ranThroughNpx(script: string | undefined, env: NodeJS.ProcessEnv = process.env): boolean {
  if (env.npm_command === 'exec') return true;
  if (!script || /\.(c|m)?js$/.test(script)) return true;
  const parts = path.resolve(script).split(path.sep);
  return parts.includes('node_modules');
}

export function setBinName(name: string, viaNpx = true): void {
  current = name;
  npx = viaNpx;
}

export function binName(): string {
  return current;
}

/** What the user types to run banjia: `npx banjia`, `migrate`, … */
export function invocation(): string {
  return npx ? `npx ${current}` : current;
}

/**
 * Rewrites the `npx migrate …` of a hint to the command the user ran, and a bare `migrate <command>`
 * (prose: "as migrate undo does") to the bin's name. The texts say `npx migrate`, the form for a
 * project where banjia is a devDependency.
 */
export function withBin(text: string): string {
  const command = invocation();
  if (command === 'npx migrate') return text;
  return text.replace(/\bnpx migrate\b/g, command).replace(/(^|[\s`'(（：:])migrate (scan|apply|check|undo|cost|providers)\b/g, `$1${current} $2`);
}

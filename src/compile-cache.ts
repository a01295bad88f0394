/**
 * A V8 code cache for the TypeScript compiler that ts-morph bundles: ~9 MB of CommonJS that V8
 * otherwise compiles again on every run (~0.3 s here, on a run of ~1 s). Node 22.1+ has this built
 * in (module.enableCompileCache); on Node 20 the few big files are compiled here through vm.Script
 * with cachedData, as the v8-compile-cache package does for every file. The cache lives in the
 * user's cache folder, is keyed by Node version, path, size and mtime, is rewritten whenever V8
 * rejects it, and any failure falls back to Node's own loading. BANJIA_NO_COMPILE_CACHE=1 turns it off.
 */
import { createHash } from 'node:crypto';
import { mkdirSync, readdirSync, readFileSync, renameSync, rmdirSync, statSync, unlinkSync, utimesSync, writeFileSync } from 'node:fs';
import Module from 'node:module';
import os from 'node:os';
import path from 'node:path';
import vm from 'node:vm';
import { restoreStartupFlags } from './core/collect.js';

/** The files worth it: the compiler and ts-morph's layers over it (~90% of banjia's load time). */
const CACHED = /[\\/]node_modules[\\/](@ts-morph[\\/]common[\\/]dist[\\/](typescript|ts-morph-common)|ts-morph[\\/]dist[\\/]ts-morph)\.js$/;

interface InternalModule {
  exports: unknown;
  filename: string;
  require(id: string): unknown;
  _compile(content: string, filename: string): unknown;
}

interface ModuleStatics {
  wrap(source: string): string;
  _resolveFilename(request: string, parent: unknown, isMain: boolean, options?: unknown): string;
  _extensions: unknown;
  _cache: unknown;
  enableCompileCache?: (dir?: string) => unknown;
  prototype: InternalModule;
}

function cacheDir(): string {
  // XDG: a relative XDG_CACHE_HOME is ignored.
  const xdg = process.env.XDG_CACHE_HOME;
  const base = (xdg && path.isAbsolute(xdg) ? xdg : '') || (os.homedir() ? path.join(os.homedir(), '.cache') : os.tmpdir());
  return path.join(base, 'banjia', `v8-${process.version}-${process.arch}`);
}

const DAY = 24 * 3600 * 1000;
/**
 * A cache unused for this long goes when another is written: each project's node_modules, each
 * upgrade of the compiler and each Node version has its own (~8 MB), and nothing else removes them.
 */
const UNUSED_FOR = 30 * DAY;

/** The scripts compiled through the cache, kept to write their caches at exit when one is stale. */
const compiled: Array<{ filename: string; file: string; script: vm.Script; accepted: boolean }> = [];

/**
 * A module taken out of the module cache once read (the lib files' bundle) is not kept alive here
 * for its code cache (its source alone is ~6 MB of heap), unless that cache is still to be written.
 */
export function forgetCompiled(filename: string): void {
  const index = compiled.findIndex((entry) => entry.filename === filename && entry.accepted);
  if (index >= 0) compiled.splice(index, 1);
}

export function enableCompileCache(): void {
  if (process.env.BANJIA_NO_COMPILE_CACHE) return;
  const statics = Module as unknown as ModuleStatics;
  const dir = cacheDir();
  if (typeof statics.enableCompileCache === 'function') {
    statics.enableCompileCache(dir);
    return;
  }
  const original = statics.prototype._compile;
  let stale = false;
  statics.prototype._compile = function compile(this: InternalModule, content: string, filename: string) {
    if (!CACHED.test(filename)) return original.call(this, content, filename);
    let script: vm.Script;
    let file: string;
    try {
      const { size, mtimeMs } = statSync(filename);
      file = path.join(dir, `${createHash('sha256').update(`${filename}\0${size}\0${mtimeMs}`).digest('hex').slice(0, 24)}.bin`);
      let cachedData: Buffer | undefined;
      try {
        cachedData = readFileSync(file);
        markUsed(file);
      } catch {
        // first run: no cache yet
      }
      script = new vm.Script(statics.wrap(content), { filename, cachedData });
      const accepted = cachedData !== undefined && !script.cachedDataRejected;
      compiled.push({ filename, file, script, accepted });
      if (!accepted) stale = true;
    } catch {
      return original.call(this, content, filename);
    }
    const fn = script.runInThisContext({ displayErrors: true }) as (...args: unknown[]) => unknown;
    return fn.call(this.exports, this.exports, requireFor(this, statics), this, filename, path.dirname(filename));
  };
  // Written at exit, so that the functions compiled lazily during the run are in the cache too.
  // When one file's cache is new (the first run that type-checks loads ts-morph-common for its lib files), the compiler's
  // is written again as well: it now holds the checker's functions, ~0.2 s more per run otherwise.
  // The caches are stamped with the flags in force: those of the next run's start, not ours now.
  process.once('exit', () => {
    if (!stale) return;
    restoreStartupFlags();
    for (const { file, script } of compiled) save(file, script.createCachedData());
    removeUnused(path.dirname(dir));
  });
}

/** What Node passes a CommonJS module as `require`. */
function requireFor(module: InternalModule, statics: ModuleStatics) {
  const require = (id: string) => module.require(id);
  const resolve = (request: string, options?: unknown) => statics._resolveFilename(request, module, false, options);
  return Object.assign(require, { resolve, main: process.mainModule, extensions: statics._extensions, cache: statics._cache });
}

/**
 * mkdir -p by hand: Node's recursive mkdirSync never returns under /proc (XDG_CACHE_HOME=/proc).
 * False when the folder cannot be made, and then there is simply no cache.
 */
export function ensureDir(dir: string): boolean {
  const missing: string[] = [];
  for (let current = dir; ; current = path.dirname(current)) {
    try {
      if (!statSync(current).isDirectory()) return false;
      break;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'ENOENT' || path.dirname(current) === current) return false;
      missing.push(current);
    }
  }
  for (const folder of missing.reverse()) {
    try {
      mkdirSync(folder);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') return false;
    }
  }
  return true;
}

/** A cache in use has its time set now and then (once a day at most), so that its age says when it was last used. */
function markUsed(file: string): void {
  try {
    if (Date.now() - statSync(file).mtimeMs > DAY) utimesSync(file, new Date(), new Date());
  } catch {
    // a read-only cache: it is only ever removed by a run that can write
  }
}

/** Caches (and leftover temporary files) unused for UNUSED_FOR, in every Node version's folder. */
function removeUnused(banjiaDir: string): void {
  try {
    for (const version of readdirSync(banjiaDir)) {
      if (!version.startsWith('v8-')) continue;
      const folder = path.join(banjiaDir, version);
      let left = 0;
      for (const name of readdirSync(folder)) {
        const file = path.join(folder, name);
        if (/^[0-9a-f]{24}\.bin(\.\d+\.tmp)?$/.test(name) && Date.now() - statSync(file).mtimeMs > UNUSED_FOR) unlinkSync(file);
        else left++;
      }
      if (!left) rmdirSync(folder);
    }
  } catch {
    // what cannot be removed now is tried again at the next write
  }
}

function save(file: string, data: Buffer): void {
  try {
    if (!ensureDir(path.dirname(file))) return;
    const temp = `${file}.${process.pid}.tmp`;
    writeFileSync(temp, data);
    renameSync(temp, file);
  } catch {
    // a read-only home or a full disk: the next run compiles as usual
  }
}

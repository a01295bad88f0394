/**
 * discover: list the files of the tree (git when inside a work tree, globby otherwise), drop
 * generated and vendored code, read each remaining file once and keep those a cheap text
 * prefilter marks as candidates. Most files of a big repository never reach the parser.
 */
import { importSpecifiers } from '../core/text.js';
import { execFileSync } from 'node:child_process';
import { closeSync, existsSync, readdirSync, readSync, statSync } from 'node:fs';
import path from 'node:path';
import { UsageError } from '../core/errors.js';
import { openNonBlocking } from '../core/read.js';
import type { SourceText } from '../core/types.js';
import { ignoreMatcher } from './ignore.js';
import { SCHEMA_FILE_RE, VECTOR_HINT } from './vector-columns.js';

export const SOURCE_EXTENSIONS = ['js', 'jsx', 'mjs', 'cjs', 'ts', 'tsx', 'mts', 'cts', 'vue', 'svelte'];

/** Folders of generated, installed or vendored code, skipped by default and counted. */
export const GENERATED_DIRS = ['node_modules', 'dist', 'build', 'out', '.next', '.nuxt', '.output', '.svelte-kit', 'coverage', 'vendor', 'vendors', 'bower_components', '.git', '.migrate', '.turbo', '.cache'];

export interface Skipped {
  path: string;
  reason: 'generated' | 'minified' | 'declaration' | 'unreadable' | 'too-large' | 'ignored';
}

export interface DiscoverResult {
  /** Absolute path of the scanned root. */
  root: string;
  /** How the files were listed. */
  lister: 'git' | 'globby';
  /** Files listed that banjia reads (source, env, compose and settings files), before the prefilter. */
  listed: number;
  /** Files that passed the prefilter, read once. */
  candidates: SourceText[];
  skipped: Skipped[];
  /** Source files the prefilter passed over (paths only). */
  others: string[];
  /** Their relative and aliased import specifiers (see ReadResult). */
  otherImports?: string[][];
  /** Of those, the ones that mention `vector(` (a Drizzle column, say): the re-index finding reads them. */
  vectorHints: string[];
  /** SQL and Prisma schema files (paths only): read when a re-index finding looks for vector columns. */
  schemaFiles: string[];
}

export interface DiscoverOptions {
  /** Text markers; a file is a candidate when one matches. */
  markers: RegExp[];
  /** Only these files (posix, relative to root), e.g. when a single file is scanned. */
  only?: string[];
  maxFileBytes?: number;
  /** gitignore-style patterns (the config's `ignore`), on top of .migrateignore. */
  ignore?: string[];
  /**
   * Called once, on the first candidate, while a big tree is still being read by a worker thread:
   * the caller loads the parser then, on the main thread, instead of after discovery.
   */
  onFirstCandidate?: () => void;
}

/** From this many listed files on, reading runs in a worker (measured: below it the worker's start costs more). */
export const WORKER_MIN_FILES = 3000;

export interface ReadResult {
  listed: number;
  candidates: SourceText[];
  skipped: Skipped[];
  /** Source files the prefilter passed over (paths only): the second wave looks at them again. */
  others: string[];
  /**
   * For each of `others`, the specifiers of its imports that can name a project module (relative
   * or aliased), taken while the text was in hand: the second wave then reads again only the files
   * that import a module making a client, not every file (~0.5 s on 20,000 files).
   */
  otherImports?: string[][];
  /** Of those, the ones that may declare a vector column (their text is not kept). */
  vectorHints: string[];
}

const SOURCE_RE = new RegExp(`\\.(${SOURCE_EXTENSIONS.join('|')})$`, 'i');

/** `.env`, `.env.example`, `.env.production.local`, `production.env`. */
const ENV_FILE_RE = /(^|\/)(\.env(\.[\w.-]+)?|[\w.-]+\.env)$/;
/** `docker-compose.yml`, `docker-compose.prod.yaml`, `compose.yml`. */
const COMPOSE_FILE_RE = /(^|\/)(docker-)?compose(\.[\w-]+)?\.ya?ml$/i;

/**
 * Settings a bot or an extension is configured by instead of env variables (config.json,
 * settings.yaml, a VS Code extension's package.json defaults): only the sweep reads them.
 * Lockfiles, compiler and lint settings hold no settings of the app.
 */
const CONFIG_FILE_RE = /\.(json|jsonc|json5|ya?ml|toml|ini)$/i;
const NOT_CONFIG_RE = /(^|\/)(package-lock\.json|npm-shrinkwrap\.json|pnpm-lock\.yaml|yarn\.lock|bun\.lockb|composer\.lock|tsconfig[\w.-]*\.json|jsconfig\.json|\.eslintrc[\w.]*|\.prettierrc[\w.]*|\.babelrc[\w.]*|lerna\.json|turbo\.json|renovate\.json|\.?swcrc|vercel\.json|netlify\.toml|\.github\/.*|\.gitlab-ci\.yml|\.pre-commit[\w.-]*|labels\.json)$/i;

export function fileKind(file: string): SourceText['kind'] | undefined {
  if (SOURCE_RE.test(file)) return 'code';
  if (ENV_FILE_RE.test(file)) return 'env';
  if (COMPOSE_FILE_RE.test(file)) return 'compose';
  if (CONFIG_FILE_RE.test(file) && !NOT_CONFIG_RE.test(file) && !/(^|\/)(locales?|i18n|lang|translations?|messages)\//i.test(file)) return 'config';
  return undefined;
}

function isGenerated(file: string): boolean {
  const parts = file.split('/');
  if (parts.slice(0, -1).some((p) => GENERATED_DIRS.includes(p))) return true;
  return /\.min\.[cm]?js$/i.test(file) || /(^|\/)out\/[^/]*\.cjs$/.test(file);
}

function looksMinified(text: string): boolean {
  // A bundle puts thousands of characters on a line; hand-written code almost never does.
  const head = text.slice(0, 20000);
  const lines = head.split('\n');
  return lines.some((line) => line.length > 2000) && lines.length < 20;
}

function gitList(root: string): string[] | undefined {
  try {
    const out = execFileSync('git', ['-C', root, 'ls-files', '-co', '--exclude-standard', '-z'], {
      encoding: 'utf8',
      stdio: ['ignore', 'pipe', 'ignore'],
      maxBuffer: 256 * 1024 * 1024,
    });
    return out.split('\0').filter(Boolean);
  } catch {
    return undefined;
  }
}

export async function listFiles(root: string): Promise<{ files: string[]; lister: 'git' | 'globby' }> {
  const fromGit = gitList(root);
  if (fromGit) return { files: fromGit, lister: 'git' };
  // globby (and its fast-glob) only outside git: loading it costs more than git's whole listing.
  const { globby } = await import('globby');
  const files = await globby([`**/*.{${SOURCE_EXTENSIONS.join(',')}}`, '**/.env', '**/.env.*', '**/*.env', '**/*.{json,jsonc,json5,yml,yaml,toml,ini}', '**/*.{sql,prisma}'], {
    cwd: root,
    gitignore: true,
    dot: true,
    followSymbolicLinks: false,
    // Installed packages are never counted; other generated folders are listed so the summary can count them.
    ignore: ['**/node_modules/**', '**/.git/**'],
  });
  return { files, lister: 'globby' };
}

export function resolveRoot(target: string): { root: string; only?: string[] } {
  const absolute = path.resolve(target);
  let stat;
  try {
    stat = statSync(absolute);
  } catch {
    throw new UsageError(`path not found: ${target}`).inChinese(`路径不存在：${target}`);
  }
  if (stat.isDirectory()) return { root: absolute };
  if (stat.isFile()) return { root: path.dirname(absolute), only: [path.basename(absolute)] };
  throw new UsageError(`not a file or directory: ${target}`).inChinese(`不是文件或目录：${target}`);
}

/**
 * Real env files (`.env`, `.env.local`) are git-ignored, so a git listing misses them; the ones at
 * the root are added so scan can say what they hold (apply never writes them without a flag).
 */
function withRootEnvFiles(root: string, files: string[]): string[] {
  const listed = new Set(files);
  let extra: string[] = [];
  try {
    extra = readdirSync(root).filter((name) => ENV_FILE_RE.test(name) && !listed.has(name));
  } catch {
    // an unreadable root is reported elsewhere
  }
  return extra.length ? [...files, ...extra] : files;
}

const TOO_LARGE = Symbol('too-large');

/** A relative specifier or a path alias (`@/lib/ai`, `~/openai`, `#/x`): the imports the second wave can match. */
function mayNameProjectModule(specifier: string): boolean {
  return specifier.startsWith('.') || /^[@~#]\//.test(specifier);
}

/**
 * The file's text, read into one reused buffer: no size check (reading more than the buffer holds is
 * how a file is found too large) and no allocation per file; only regular files are read. Decoded as readFileSync(…, 'utf8') does.
 */
function readUpTo(absPath: string, buffer: Buffer): string | typeof TOO_LARGE | undefined {
  // Opened without blocking: a FIFO named like a source file reads as empty instead of waiting for a
  // writer, a device fills the buffer and is "too large"; no fstat per file.
  const fd = openNonBlocking(absPath);
  if (fd === undefined) return undefined;
  try {
    let length = 0;
    for (let n; length < buffer.length && (n = readSync(fd, buffer, length, buffer.length - length, null)) > 0; ) length += n;
    return length === buffer.length ? TOO_LARGE : buffer.toString('utf8', 0, length);
  } catch {
    return undefined; // a directory (a submodule) or an unreadable file
  } finally {
    closeSync(fd);
  }
}

/**
 * One pass instead of one per marker for the files that match none (nearly all of them): the
 * markers joined into one case-insensitive alternation, a superset of their union, and the
 * markers themselves only on a hit. Falls back to the markers one by one when joining could
 * change a marker's meaning (flags other than i, backreferences, negative lookarounds or
 * classes, which case-insensitivity narrows instead of widening).
 */
export function markerTest(markers: RegExp[]): (text: string) => boolean {
  const exact = (text: string) => markers.some((marker) => marker.test(text));
  const joinable = markers.length > 1 && markers.every((m) => /^i?$/.test(m.flags) && !/\\[1-9]|\\k<|\(\?<?!|\[\^|\\[WDSB]/.test(m.source));
  if (!joinable) return exact;
  const any = new RegExp(markers.map((m) => `(?:${m.source})`).join('|'), 'i');
  return (text) => any.test(text) && exact(text);
}

export async function discover(root: string, options: DiscoverOptions): Promise<DiscoverResult> {
  const { files, lister } = options.only ? { files: options.only, lister: 'globby' as const } : await listFiles(root);
  const all = withRootEnvFiles(root, files);
  let read: ReadResult | undefined;
  if (all.length >= WORKER_MIN_FILES && options.onFirstCandidate) {
    const { readInWorker } = await import('./discover-worker.js');
    read = await readInWorker(root, all, options);
  }
  const result = read ?? readCandidates(root, all, options);
  const ignored = options.ignore?.length || existsSync(path.join(root, '.migrateignore')) ? ignoreMatcher(root, options.ignore) : undefined;
  const schemaFiles = all.filter((file) => SCHEMA_FILE_RE.test(file) && !isGenerated(file) && !ignored?.ignores(file));
  return { root, lister, ...result, schemaFiles };
}

/** Reads the listed files once, drops what is skipped by rule, and keeps the prefilter's candidates. */
export function readCandidates(root: string, files: string[], options: DiscoverOptions): ReadResult {
  const maxBytes = options.maxFileBytes ?? 2 * 1024 * 1024;
  // The matcher's only sources are .migrateignore and the config's patterns; without either, asking
  // it about every listed file costs ~90 ms on 20,000 files for nothing.
  const ignored = options.ignore?.length || existsSync(path.join(root, '.migrateignore')) ? ignoreMatcher(root, options.ignore) : undefined;
  const prefilter = markerTest(options.markers);
  const buffer = Buffer.allocUnsafe(maxBytes + 1);
  const skipped: Skipped[] = [];
  const candidates: SourceText[] = [];
  const others: string[] = [];
  const otherImports: string[][] = [];
  const vectorHints: string[] = [];
  let listed = 0;
  for (const file of files) {
    const kind = fileKind(file);
    if (!kind) continue;
    // Settings files count too: they are swept, and can be among the files that mention OpenAI
    // (a summary said "11 listed, 12 mention OpenAI" when they did not).
    listed++;
    if (/\.d\.[cm]?ts$/i.test(file)) {
      skipped.push({ path: file, reason: 'declaration' });
      continue;
    }
    if (ignored?.ignores(file)) {
      skipped.push({ path: file, reason: 'ignored' });
      continue;
    }
    if (isGenerated(file)) {
      skipped.push({ path: file, reason: 'generated' });
      continue;
    }
    const absPath = path.join(root, ...file.split('/'));
    const text = readUpTo(absPath, buffer);
    // Listed by git but deleted in the work tree, or unreadable.
    if (text === undefined) continue;
    if (text === TOO_LARGE) {
      skipped.push({ path: file, reason: 'too-large' });
      continue;
    }
    if (!prefilter(text)) {
      if (kind === 'code') {
        others.push(file);
        otherImports.push(importSpecifiers(text).filter(mayNameProjectModule));
        if (VECTOR_HINT.test(text)) vectorHints.push(file);
      }
      continue;
    }
    if (kind === 'code' && looksMinified(text)) {
      skipped.push({ path: file, reason: 'minified' });
      continue;
    }
    if (!candidates.length) options.onFirstCandidate?.();
    candidates.push({ path: file, absPath, text, kind });
  }
  return { listed, candidates, skipped, others, otherImports, vectorHints };
}

/**
 * Modules that make an OpenAI client or model (`export const llm = new ChatOpenAI(…)`): a file that
 * imports one uses OpenAI without naming it (`llm.invoke(…)`), so it is read again and analysed.
 */
const MAKES_CLIENT = /\bnew\s+(?:Azure)?(?:OpenAI|ChatOpenAI|OpenAIEmbeddings|OpenAIApi|ChatGPTAPI)\b|\bcreate(?:OpenAI|Azure)\s*\(|@ai-sdk\/openai/;

export function secondWave(root: string, read: Pick<ReadResult, 'candidates' | 'others' | 'otherImports'>, maxBytes = 2 * 1024 * 1024): SourceText[] {
  const makers = read.candidates.filter((c) => c.kind === 'code' && MAKES_CLIENT.test(c.text));
  if (!makers.length) return [];
  const strip = (file: string) => file.replace(/\.(m|c)?[jt]sx?$|\.(vue|svelte)$/, '').replace(/\/index$/, '');
  const keys = new Set(makers.map((m) => strip(m.path)));
  const makes = (file: string, specifier: string): boolean => {
    if (!mayNameProjectModule(specifier)) return false;
    if (specifier.startsWith('.')) return keys.has(strip(path.posix.normalize(path.posix.join(path.posix.dirname(file), specifier))));
    // A path alias (`@/lib/ai`, `~/openai`): its tail names the module.
    const tail = strip(specifier.replace(/^[@~#]\/?/, ''));
    if (!tail) return false;
    for (const key of keys) if (key === tail || key.endsWith(`/${tail}`)) return true;
    return false;
  };
  const importsMaker = (file: string, text: string) => importSpecifiers(text).some((specifier) => makes(file, specifier));
  // Candidates that import one are analysed by every module, whatever their markers say.
  for (const candidate of read.candidates) if (candidate.kind === 'code' && importsMaker(candidate.path, candidate.text)) candidate.importsClient = true;
  const buffer = Buffer.allocUnsafe(maxBytes + 1);
  const found: SourceText[] = [];
  for (const [index, file] of read.others.entries()) {
    const known = read.otherImports?.[index];
    if (known && !known.some((specifier) => makes(file, specifier))) continue;
    const absPath = path.join(root, ...file.split('/'));
    const text = readUpTo(absPath, buffer);
    if (typeof text !== 'string' || looksMinified(text)) continue;
    if (importsMaker(file, text)) found.push({ path: file, absPath, text, kind: 'code', importsClient: true });
  }
  return found;
}

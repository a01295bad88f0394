/**
 * Finds and loads the config file: from the scanned folder up to the project root and never above
 * it. The project root is the git work tree's root; outside git, the nearest folder with a
 * package.json (or the scanned folder itself). A package.json or migrate.config.* above the root
 * is never read, let alone executed. TypeScript configs are transpiled with the TypeScript that
 * ts-morph bundles. Every error names the file and, where there is one, the line.
 */
import { existsSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { ConfigError } from '../core/errors.js';
import { readRegularText } from '../core/read.js';
import { Config } from './schema.js';

export interface LoadedConfig {
  config: Config;
  /** The file it came from; undefined when there is none. */
  file: string | undefined;
}

async function importModule(file: string): Promise<unknown> {
  const module = await import(pathToFileURL(file).href);
  return module.default ?? module;
}

async function importTypeScript(file: string, content: string): Promise<unknown> {
  const { ts } = await import('../analysis/ts.js');
  const output = ts.transpileModule(content, {
    compilerOptions: { module: ts.ModuleKind.ESNext, target: ts.ScriptTarget.ES2022, esModuleInterop: true },
    fileName: file,
  }).outputText;
  const dir = mkdtempSync(path.join(tmpdir(), 'banjia-config-'));
  const compiled = path.join(dir, 'migrate.config.mjs');
  try {
    writeFileSync(compiled, output);
    const module = await import(pathToFileURL(compiled).href);
    return module.default ?? module;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

const SEARCH_PLACES = ['package.json', 'migrate.config.json', 'migrate.config.js', 'migrate.config.mjs', 'migrate.config.cjs', 'migrate.config.ts'];

/** 1-based line of a text offset. */
function lineAt(text: string, offset: number): number {
  let line = 1;
  for (let i = 0; i < offset && i < text.length; i++) if (text.charCodeAt(i) === 10) line++;
  return line;
}

/** The first syntax error's line, as the TypeScript parser finds it (JSON, JavaScript or TypeScript). */
async function syntaxErrorLine(file: string, text: string, json: boolean): Promise<number | undefined> {
  try {
    const { ts } = await import('../analysis/ts.js');
    const source = (json ? ts.parseJsonText(file, text) : ts.createSourceFile(file, text, ts.ScriptTarget.Latest, false)) as unknown as {
      parseDiagnostics?: Array<{ start?: number }>;
    };
    const start = source.parseDiagnostics?.[0]?.start;
    return start === undefined ? undefined : lineAt(text, start);
  } catch {
    return undefined;
  }
}

/** Where a JSON text stops being JSON, as `file:line`: from the parser's position, or TypeScript's. */
async function jsonError(file: string, text: string, error: unknown): Promise<ConfigError> {
  const message = error instanceof Error ? error.message : String(error);
  const position = /at position (\d+)/.exec(message)?.[1];
  const line = position !== undefined ? lineAt(text, Number(position) + (text.charCodeAt(0) === 0xfeff ? 1 : 0)) : await syntaxErrorLine(file, text, true);
  return new ConfigError(`invalid JSON in ${line ? `${file}:${line}` : file}: ${message}`).inChinese(`${line ? `${file}:${line}` : file} 中的 JSON 无效：${message}`);
}

/**
 * The line a script config's error points to: from its stack (`file:///…/migrate.config.js:3`),
 * or, for a syntax error (whose stack names no file in ES modules), where TypeScript finds one.
 */
async function scriptError(file: string, text: string, error: unknown): Promise<ConfigError> {
  const message = error instanceof Error ? error.message : String(error);
  const stack = error instanceof Error ? `${error.stack ?? ''}` : '';
  const escape = (name: string) => name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  let line: number | undefined = Number([pathToFileURL(file).href, file].map((name) => new RegExp(`${escape(name)}:(\\d+)`).exec(stack)?.[1]).find(Boolean)) || undefined;
  if (line === undefined && error instanceof SyntaxError) line = await syntaxErrorLine(file, text, false);
  return new ConfigError(`could not load the config ${line ? `${file}:${line}` : file}: ${message}`).inChinese(`无法加载配置 ${line ? `${file}:${line}` : file}：${message}`);
}

/** The line of a key in the config's text, for an error about its value. */
function keyLine(text: string | undefined, keyPath: PropertyKey[]): number | undefined {
  if (!text) return undefined;
  let from = 0;
  let found: number | undefined;
  for (const key of keyPath) {
    if (typeof key !== 'string') continue;
    const match = new RegExp(`["']?${key.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}["']?\\s*:`).exec(text.slice(from));
    if (!match) break;
    from += match.index;
    found = from;
    from += match[0].length;
  }
  return found === undefined ? undefined : lineAt(text, found);
}

function validate(raw: unknown, file: string, text?: string, within: string[] = []): Config {
  const parsed = Config.safeParse(raw ?? {});
  if (!parsed.success) {
    const first = parsed.error.issues[0] as (typeof parsed.error.issues)[number] & { keys?: string[] };
    const line = first ? keyLine(text, [...within, ...first.path, ...(first.keys?.slice(0, 1) ?? [])]) : undefined;
    const issues = parsed.error.issues.map((i) => `${i.path.join('.') || '(root)'}: ${i.message}`).join('; ');
    throw new ConfigError(`invalid config in ${line ? `${file}:${line}` : file}: ${issues}`).inChinese(`${line ? `${file}:${line}` : file} 中的配置无效：${issues}`);
  }
  return parsed.data;
}

/** Reads one candidate; undefined when it holds no config (a package.json without "migrate"). */
async function loadFile(file: string, explicit: boolean): Promise<LoadedConfig | undefined> {
  const text = readRegularText(file);
  if (text === undefined) {
    if (!explicit) return undefined;
    throw new ConfigError(`cannot read the config file ${file}: ${existsSync(file) ? 'not a regular file' : 'no such file'}`).inChinese(`无法读取配置文件 ${file}：${existsSync(file) ? '不是普通文件' : '文件不存在'}`);
  }
  const base = path.basename(file);
  const ext = path.extname(file).toLowerCase();
  let raw: unknown;
  if (ext === '.json' || ext === '') {
    let data: unknown;
    try {
      data = JSON.parse(text.replace(/^\uFEFF/, ''));
    } catch (error) {
      throw await jsonError(file, text, error);
    }
    if (base === 'package.json') {
      const own = (data as Record<string, unknown> | null)?.migrate;
      if (own === undefined) return explicit ? { config: validate({}, file), file } : undefined;
      raw = own;
    } else raw = data;
  } else if (ext === '.ts' || ext === '.mts' || ext === '.cts') {
    try {
      raw = await importTypeScript(file, text);
    } catch (error) {
      throw await scriptError(file, text, error);
    }
  } else if (ext === '.js' || ext === '.mjs' || ext === '.cjs') {
    try {
      raw = await importModule(file);
    } catch (error) {
      throw await scriptError(file, text, error);
    }
  } else {
    throw new ConfigError(`cannot load the config file ${file}: use .json, .js, .mjs, .cjs or .ts`).inChinese(`无法加载配置文件 ${file}：请使用 .json、.js、.mjs、.cjs 或 .ts`);
  }
  return { config: validate(raw, file, text, base === 'package.json' ? ['migrate'] : []), file };
}

export async function loadConfig(root: string, explicit?: string): Promise<LoadedConfig> {
  if (explicit) return (await loadFile(path.resolve(explicit), true))!;
  const start = path.resolve(root);
  const stop = projectRoot(start);
  for (let dir = start; ; dir = path.dirname(dir)) {
    for (const place of SEARCH_PLACES) {
      const found = await loadFile(path.join(dir, place), false);
      if (found) return found;
    }
    if (dir === stop || path.dirname(dir) === dir) break;
  }
  return { config: {}, file: undefined };
}

/**
 * Where the config search stops: the git work tree's root, else the nearest folder (from the
 * scanned one up) with a package.json, else the scanned folder.
 */
export function projectRoot(start: string): string {
  const git = gitRoot(start);
  if (git) return git;
  for (let dir = path.resolve(start); ; dir = path.dirname(dir)) {
    if (isFile(path.join(dir, 'package.json'))) return dir;
    if (path.dirname(dir) === dir) return path.resolve(start);
  }
}

function isFile(file: string): boolean {
  try {
    return statSync(file).isFile();
  } catch {
    return false;
  }
}

function gitRoot(start: string): string | undefined {
  for (let dir = path.resolve(start); ; dir = path.dirname(dir)) {
    if (isFile(path.join(dir, '.git', 'HEAD'))) return dir;
    // .git may be a file (worktrees); a directory without HEAD is not a repo root either
    if (isFile(path.join(dir, '.git'))) {
      try {
        if (readFileSync(path.join(dir, '.git'), 'utf8').startsWith('gitdir:')) return dir;
      } catch {
        // unreadable: not a root
      }
    }
    if (path.dirname(dir) === dir) return undefined;
  }
}

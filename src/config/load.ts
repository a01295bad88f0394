/**
 * Finds and loads the config file with lilconfig: from the scanned folder up to the git root (or
 * the home folder). TypeScript configs are transpiled with the TypeScript that ts-morph bundles.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { lilconfig, type Loader } from 'lilconfig';
import { ConfigError } from '../core/errors.js';
import { Config } from './schema.js';

export interface LoadedConfig {
  config: Config;
  /** The file it came from; undefined when there is none. */
  file: string | undefined;
}

const importModule: Loader = async (file) => {
  const module = await import(pathToFileURL(file).href);
  return module.default ?? module;
};

const importTypeScript: Loader = async (file, content) => {
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
};

const SEARCH_PLACES = ['package.json', 'migrate.config.json', 'migrate.config.js', 'migrate.config.mjs', 'migrate.config.cjs', 'migrate.config.ts'];

function validate(raw: unknown, file: string): Config {
  const parsed = Config.safeParse(raw ?? {});
  if (!parsed.success) {
    const issues = parsed.error.issues.map((i) => `${i.path.join('.') || '(root)'}: ${i.message}`).join('; ');
    throw new ConfigError(`invalid config in ${file}: ${issues}`);
  }
  return parsed.data;
}

export async function loadConfig(root: string, explicit?: string): Promise<LoadedConfig> {
  const explorer = lilconfig('migrate', {
    searchPlaces: SEARCH_PLACES,
    loaders: { '.js': importModule, '.mjs': importModule, '.cjs': importModule, '.ts': importTypeScript },
    stopDir: gitRoot(root) ?? path.parse(root).root,
  });
  try {
    const result = explicit ? await explorer.load(path.resolve(explicit)) : await explorer.search(root);
    if (!result) return { config: {}, file: undefined };
    return { config: validate(result.config, result.filepath), file: result.filepath };
  } catch (error) {
    if (error instanceof ConfigError) throw error;
    const where = explicit ?? root;
    throw new ConfigError(`could not read the config (${where}): ${error instanceof Error ? error.message : String(error)}`);
  }
}

function gitRoot(start: string): string | undefined {
  for (let dir = path.resolve(start); ; dir = path.dirname(dir)) {
    try {
      readFileSync(path.join(dir, '.git', 'HEAD'));
      return dir;
    } catch {
      // .git may be a file (worktrees); a directory without HEAD is not a repo root either
    }
    try {
      if (readFileSync(path.join(dir, '.git'), 'utf8').startsWith('gitdir:')) return dir;
    } catch {
      // no .git here
    }
    if (path.dirname(dir) === dir) return undefined;
  }
}

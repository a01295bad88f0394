/**
 * The set of files one scan works on. Candidate files come from discover; other files are read and
 * parsed only when an import is followed into them (a model constant, a client module). Each file
 * is read once and parsed once.
 */
import { readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { ts } from './ts.js';
import { parseUnit, type Unit } from './unit.js';
import { isComponentFile, scriptBlocks } from './sfc.js';

const SOURCE_EXTENSIONS = ['.ts', '.tsx', '.mts', '.cts', '.js', '.jsx', '.mjs', '.cjs', '.vue', '.svelte'];

interface PathAlias {
  prefix: string;
  suffix: string;
  targets: string[];
}

export class Workspace {
  private readonly texts = new Map<string, string | null>();
  private readonly parsed = new Map<string, Unit[]>();
  private aliases: PathAlias[] | undefined;
  private aliasBase = '';

  constructor(
    /** Absolute path of the scanned root. */
    readonly root: string,
    initialTexts: Iterable<[string, string]> = [],
  ) {
    for (const [file, text] of initialTexts) this.texts.set(file, text);
  }

  absolute(file: string): string {
    return path.join(this.root, ...file.split('/'));
  }

  /** posix path relative to the root, or undefined when outside it. */
  relative(absPath: string): string | undefined {
    const rel = path.relative(this.root, absPath);
    if (!rel || rel.startsWith('..') || path.isAbsolute(rel)) return undefined;
    return rel.split(path.sep).join('/');
  }

  text(file: string): string | undefined {
    if (!this.texts.has(file)) {
      try {
        this.texts.set(file, readFileSync(this.absolute(file), 'utf8'));
      } catch {
        this.texts.set(file, null);
      }
    }
    return this.texts.get(file) ?? undefined;
  }

  /** Parsed units of a file (one per script block for components), parsed at most once. */
  units(file: string): Unit[] {
    const cached = this.parsed.get(file);
    if (cached) return cached;
    const text = this.text(file);
    let units: Unit[] = [];
    if (text !== undefined && /\.(m|c)?[jt]sx?$|\.(vue|svelte)$/i.test(file)) {
      const abs = this.absolute(file);
      units = isComponentFile(file)
        ? scriptBlocks(text).map((block) => parseUnit(file, abs, text, block))
        : [parseUnit(file, abs, text)];
    }
    this.parsed.set(file, units);
    return units;
  }

  parsedFiles(): string[] {
    return [...this.parsed.keys()];
  }

  /** Resolves an import specifier to a file of the workspace, or undefined for packages and misses. */
  resolveModule(fromFile: string, specifier: string): string | undefined {
    if (specifier.startsWith('.')) {
      const base = path.posix.join(path.posix.dirname(fromFile), specifier);
      return this.probe(base);
    }
    for (const alias of this.pathAliases()) {
      if (!specifier.startsWith(alias.prefix) || !specifier.endsWith(alias.suffix)) continue;
      if (specifier.length < alias.prefix.length + alias.suffix.length) continue;
      const star = specifier.slice(alias.prefix.length, specifier.length - alias.suffix.length);
      for (const target of alias.targets) {
        const found = this.probe(path.posix.join(this.aliasBase, target.replace('*', star)));
        if (found) return found;
      }
    }
    return undefined;
  }

  private probe(base: string): string | undefined {
    const normalized = path.posix.normalize(base);
    if (normalized.startsWith('..')) return undefined;
    const candidates = [normalized];
    // TypeScript's ESM style imports './x.js' for './x.ts'.
    const jsExt = /\.(m|c)?jsx?$/.exec(normalized);
    if (jsExt) {
      const stem = normalized.slice(0, -jsExt[0].length);
      const ts = jsExt[1] === 'm' ? '.mts' : jsExt[1] === 'c' ? '.cts' : '.ts';
      candidates.push(stem + ts, `${stem}.tsx`);
    }
    for (const ext of SOURCE_EXTENSIONS) candidates.push(normalized + ext);
    for (const ext of SOURCE_EXTENSIONS) candidates.push(`${normalized}/index${ext}`);
    for (const candidate of candidates) if (this.isFile(candidate)) return candidate;
    return undefined;
  }

  private isFile(file: string): boolean {
    if (this.texts.has(file)) return this.texts.get(file) !== null;
    try {
      return statSync(this.absolute(file)).isFile();
    } catch {
      return false;
    }
  }

  /** `compilerOptions.paths` of the root tsconfig.json / jsconfig.json (Next.js `@/…` aliases). */
  private pathAliases(): PathAlias[] {
    if (this.aliases) return this.aliases;
    this.aliases = [];
    for (const name of ['tsconfig.json', 'jsconfig.json']) {
      const text = this.text(name);
      if (text === undefined) continue;
      const parsed = ts.parseConfigFileTextToJson(name, text);
      const options = parsed.config?.compilerOptions;
      if (!options?.paths) continue;
      this.aliasBase = typeof options.baseUrl === 'string' ? path.posix.normalize(options.baseUrl) : '.';
      for (const [pattern, targets] of Object.entries(options.paths as Record<string, string[]>)) {
        const star = pattern.indexOf('*');
        this.aliases.push({
          prefix: star < 0 ? pattern : pattern.slice(0, star),
          suffix: star < 0 ? '' : pattern.slice(star + 1),
          targets: Array.isArray(targets) ? targets : [],
        });
      }
      break;
    }
    return this.aliases;
  }
}

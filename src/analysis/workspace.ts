/**
 * The set of files one scan works on. Candidate files come from discover; other files are read and
 * parsed only when an import is followed into them (a model constant, a client module). Each file
 * is read once and parsed once.
 */
import { readdirSync, statSync } from 'node:fs';
import { readRegularText } from '../core/read.js';
import { importSpecifiers } from '../core/text.js';
import path from 'node:path';
import { ts } from './ts.js';
import { parseUnit, type Unit } from './unit.js';
import { isComponentFile, scriptBlocks } from './sfc.js';

const SOURCE_EXTENSIONS = ['.ts', '.tsx', '.mts', '.cts', '.js', '.jsx', '.mjs', '.cjs', '.vue', '.svelte'];

interface PathAlias {
  prefix: string;
  suffix: string;
  /** A pattern without `*` matches only itself. */
  exact: boolean;
  targets: string[];
  /** Folder the targets are relative to (tsconfig `baseUrl`, or the root for workspace packages). */
  base: string;
}

export class Workspace {
  private readonly texts = new Map<string, string | null>();
  /** Trees held for sure: every parsed file, or in weak mode the most recently used ones. */
  private readonly parsed = new Map<string, Unit[]>();
  /** Characters of source of the trees in `parsed`. */
  private parsedCharacters = 0;
  /**
   * Trees let go (weak mode, releaseTrees): kept by the garbage collector only while something
   * else still holds one of their nodes (a finding, a module's state, a cache entry's value), and
   * then handed back as they were, so that no node is ever compared with its own re-parse. A tree
   * nobody holds is parsed again when asked for.
   */
  private readonly weak = new Map<string, Array<WeakRef<ts.SourceFile>>>();
  private readonly unitsOfTree = new WeakMap<ts.SourceFile, Unit[]>();
  /**
   * In weak mode, how many characters of source the trees held for sure may come from (the
   * modules a run of files imports in turn); at least the most recent tree is held.
   */
  private held = Infinity;
  private reparsed = 0;
  private aliases: PathAlias[] | undefined;
  private readonly resolved = new Map<string, string | undefined>();
  private readonly files = new Map<string, boolean>();
  private readonly identities = new Map<string, string | undefined>();

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
      // Only regular files: a FIFO named like a module would block the run.
      this.texts.set(file, readRegularText(this.absolute(file)) ?? null);
    }
    return this.texts.get(file) ?? undefined;
  }

  /** The units already parsed for a file, without parsing it (and so without adding it to parsedFiles). */
  parsedUnits(file: string): Unit[] | undefined {
    return this.parsed.get(file) ?? this.resurrect(file);
  }

  /** Parsed units of a file (one per script block for components), parsed at most once while anything holds them. */
  units(file: string): Unit[] {
    const cached = this.parsed.get(file);
    if (cached) {
      if (this.held !== Infinity && cached.length) {
        // Most recently used last: the first entries are the ones let go when the set is full.
        this.parsed.delete(file);
        this.parsed.set(file, cached);
      }
      return cached;
    }
    const units = this.resurrect(file) ?? this.parse(file);
    this.hold(file, units);
    return units;
  }

  private parse(file: string): Unit[] {
    if (this.weak.has(file)) this.reparsed++;
    const text = this.text(file);
    let units: Unit[] = [];
    if (text !== undefined && /\.(m|c)?[jt]sx?$|\.(vue|svelte)$/i.test(file)) {
      const abs = this.absolute(file);
      units = isComponentFile(file)
        ? scriptBlocks(text).map((block) => parseUnit(file, abs, text, block))
        : [parseUnit(file, abs, text)];
    }
    for (const unit of units) this.unitsOfTree.set(unit.sf, units);
    return units;
  }

  private resurrect(file: string): Unit[] | undefined {
    for (const ref of this.weak.get(file) ?? []) {
      const sf = ref.deref();
      if (sf) return this.unitsOfTree.get(sf);
    }
    return undefined;
  }

  private hold(file: string, units: Unit[]): void {
    if (!this.parsed.has(file)) this.parsedCharacters += this.sizeOf(file);
    this.parsed.set(file, units);
    this.weak.set(file, units.map((unit) => new WeakRef(unit.sf)));
    this.evict();
  }

  private evict(): void {
    for (const oldest of this.parsed.keys()) {
      if (this.parsedCharacters <= this.held || this.parsed.size <= 1) return;
      this.parsed.delete(oldest);
      this.parsedCharacters -= this.sizeOf(oldest);
    }
  }

  private sizeOf(file: string): number {
    return this.texts.get(file)?.length ?? 0;
  }

  /**
   * Weak mode, for a run that visits files one after the other: beyond the most recently used
   * trees that come from at most `characters` of source, a tree stays only while something still
   * holds it. The garbage collector can free
   * a tree only after the job that let it go has ended, so such a run yields to the event loop now
   * and then (pipeline/detect.ts, detectAllAsync).
   */
  holdRecent(characters: number): void {
    this.held = characters;
    this.evict();
  }

  /** How many trees were parsed again because nothing held them any more. */
  get reparses(): number {
    return this.reparsed;
  }

  /**
   * Lets go of the syntax trees of every parsed file but those `keep` names: after detection, most
   * parsed files (imports followed, candidates that found nothing) are needed by no later stage,
   * and their trees were ~40% of the heap when planning began on langchainjs. A tree still held
   * elsewhere is handed back; one nobody holds is parsed again if asked for. Returns how many
   * characters of source the released trees were parsed from.
   */
  releaseTrees(keep: (file: string) => boolean): number {
    let characters = 0;
    this.held = Infinity;
    for (const file of this.weak.keys()) {
      const units = keep(file) ? this.parsedUnits(file) : undefined;
      if (units) {
        this.parsed.set(file, units);
        continue;
      }
      characters += this.sizeOf(file);
      this.parsed.delete(file);
    }
    this.parsedCharacters = [...this.parsed.keys()].reduce((sum, file) => sum + this.sizeOf(file), 0);
    return characters;
  }

  /**
   * The npm package a workspace file stands for, when it is the entry of one the scan knows by
   * name (`isKnown`): the package's own source (`import { ChatGPTAPI } from '../src'` in the repo
   * of `chatgpt`, its package.json naming it) or a vendored copy in a folder named after the
   * package and its version (`chatgpt-5.1.1/index.js`). Imports of it then bind as imports of the
   * package, so its clients and calls are found as anywhere else.
   */
  packageIdentity(file: string, isKnown: (name: string) => boolean): string | undefined {
    if (this.identities.has(file)) return this.identities.get(file);
    const identity = this.identityUncached(file, isKnown);
    this.identities.set(file, identity);
    return identity;
  }

  private identityUncached(file: string, isKnown: (name: string) => boolean): string | undefined {
    const dir = path.posix.dirname(file);
    const base = path.posix.basename(file).replace(/\.(m|c)?[jt]sx?$/, '');
    const folder = path.posix.basename(dir);
    const vendored = /^(@?[a-z0-9][\w.-]*?)-\d+\.\d+\.\d+(?:[-+][\w.]+)?$/.exec(folder);
    if (vendored && base === 'index' && isKnown(vendored[1])) return vendored[1];
    for (let current = dir; ; current = path.posix.dirname(current)) {
      const manifest = this.text(current === '.' ? 'package.json' : `${current}/package.json`);
      if (manifest !== undefined) {
        let pkg: { name?: unknown; source?: unknown; main?: unknown; module?: unknown };
        try {
          pkg = JSON.parse(manifest);
        } catch {
          return undefined;
        }
        if (typeof pkg.name !== 'string' || !isKnown(pkg.name)) return undefined;
        const prefix = current === '.' ? '' : `${current}/`;
        const stem = (entry: unknown) => (typeof entry === 'string' ? path.posix.normalize(prefix + entry).replace(/\.(m|c)?[jt]sx?$/, '') : undefined);
        const entries = [stem(pkg.source), stem(pkg.main), stem(pkg.module), `${prefix}src/index`, `${prefix}index`];
        return entries.includes(file.replace(/\.(m|c)?[jt]sx?$/, '')) ? pkg.name : undefined;
      }
      if (current === '.' || current === '') return undefined;
    }
  }

  /**
   * A relative import of a package's built entry that is not in the tree (`../build/index.js`,
   * generated and git-ignored): the package whose package.json names that entry, when known.
   */
  packageOfBuiltEntry(fromFile: string, specifier: string, isKnown: (name: string) => boolean): string | undefined {
    if (!specifier.startsWith('.')) return undefined;
    const target = path.posix.normalize(path.posix.join(path.posix.dirname(fromFile), specifier));
    if (target.startsWith('..')) return undefined;
    for (let current = path.posix.dirname(target); ; current = path.posix.dirname(current)) {
      const manifest = this.text(current === '.' ? 'package.json' : `${current}/package.json`);
      if (manifest !== undefined) {
        try {
          const pkg = JSON.parse(manifest) as { name?: unknown; main?: unknown; module?: unknown; exports?: unknown };
          if (typeof pkg.name !== 'string' || !isKnown(pkg.name)) return undefined;
          const prefix = current === '.' ? '' : `${current}/`;
          const entries = [pkg.main, pkg.module, ...JSON.stringify(pkg.exports ?? null).match(/"\.\/[^"]+"/g) ?? []]
            .filter((e): e is string => typeof e === 'string')
            .map((e) => path.posix.normalize(prefix + e.replace(/^"|"$/g, '')));
          return entries.includes(target) ? pkg.name : undefined;
        } catch {
          return undefined;
        }
      }
      if (current === '.' || current === '') return undefined;
    }
  }

  /** Every file parsed so far, whether its tree is still held or not. */
  parsedFiles(): string[] {
    return [...this.weak.keys()];
  }

  /**
   * The parsed files that can use what `definers` define under `names`: those whose text has one
   * of the names as a whole word, or that import one of the definers (a default import binds any
   * name). A pass looking for such uses after every file walks only these, so that it does not
   * parse again, for nothing, trees let go. Not seen: a use through another module's renaming
   * re-export (`export { default as X } from './client'`) in a file that names nothing.
   */
  parsedFilesUsing(names: Iterable<string>, definers: ReadonlySet<string>): string[] {
    const words = [...names].map((name) => name.replace(/[$]/g, '\\$&'));
    const pattern = words.length ? new RegExp(`(?<![\\w$])(?:${words.join('|')})(?![\\w$])`) : undefined;
    return this.parsedFiles().filter((file) => {
      const text = this.text(file) ?? '';
      if (definers.has(file) || pattern?.test(text)) return true;
      return importSpecifiers(text).some((specifier) => {
        const target = this.resolveModule(file, specifier);
        return target !== undefined && definers.has(target);
      });
    });
  }

  /** Resolves an import specifier to a file of the workspace, or undefined for packages and misses. */
  resolveModule(fromFile: string, specifier: string): string | undefined {
    // Every import is resolved again by every question about it: one stat per probe adds up.
    const key = `${specifier.startsWith('.') ? path.posix.dirname(fromFile) : ''}\0${specifier}`;
    if (this.resolved.has(key)) return this.resolved.get(key);
    const found = this.resolveUncached(fromFile, specifier);
    this.resolved.set(key, found);
    return found;
  }

  private resolveUncached(fromFile: string, specifier: string): string | undefined {
    if (specifier.startsWith('.')) {
      const base = path.posix.join(path.posix.dirname(fromFile), specifier);
      return this.probe(base);
    }
    for (const alias of this.pathAliases()) {
      if (alias.exact ? specifier !== alias.prefix : !specifier.startsWith(alias.prefix) || !specifier.endsWith(alias.suffix)) continue;
      if (specifier.length < alias.prefix.length + alias.suffix.length) continue;
      const star = specifier.slice(alias.prefix.length, specifier.length - alias.suffix.length);
      for (const target of alias.targets) {
        const found = this.probe(path.posix.join(alias.base, target.replace('*', star)));
        if (found) return found;
      }
    }
    return undefined;
  }

  private probe(base: string): string | undefined {
    const normalized = path.posix.normalize(base);
    if (normalized.startsWith('..')) return undefined;
    const candidates = [normalized];
    // TypeScript's ESM style imports './x.js' for './x.ts'; and where both are in the tree the .js
    // is the .ts compiled: the source is what a person edits and what reads clearly.
    const jsExt = /\.(m|c)?jsx?$/.exec(normalized);
    if (jsExt) {
      const stem = normalized.slice(0, -jsExt[0].length);
      const ts = jsExt[1] === 'm' ? '.mts' : jsExt[1] === 'c' ? '.cts' : '.ts';
      candidates.unshift(stem + ts, `${stem}.tsx`);
    }
    for (const ext of SOURCE_EXTENSIONS) candidates.push(normalized + ext);
    for (const ext of SOURCE_EXTENSIONS) candidates.push(`${normalized}/index${ext}`);
    for (const candidate of candidates) if (this.isFile(candidate)) return candidate;
    return undefined;
  }

  private isFile(file: string): boolean {
    if (this.texts.has(file)) return this.texts.get(file) !== null;
    const known = this.files.get(file);
    if (known !== undefined) return known;
    let found = false;
    try {
      found = statSync(this.absolute(file)).isFile();
    } catch {
      found = false;
    }
    this.files.set(file, found);
    return found;
  }

  /**
   * `compilerOptions.paths` of the root tsconfig.json / jsconfig.json (Next.js `@/…` aliases),
   * following `extends` to relative files: monorepos keep their paths in a tsconfig.base.json.
   */
  private pathAliases(): PathAlias[] {
    if (this.aliases) return this.aliases;
    this.aliases = [];
    for (const name of ['tsconfig.json', 'jsconfig.json']) {
      const found = this.configWithPaths(name, new Set());
      if (!found) continue;
      const { file, options } = found;
      const dir = path.posix.dirname(file);
      const base = path.posix.normalize(path.posix.join(dir, typeof options.baseUrl === 'string' ? options.baseUrl : '.'));
      for (const [pattern, targets] of Object.entries(options.paths as Record<string, string[]>)) {
        const star = pattern.indexOf('*');
        this.aliases.push({
          prefix: star < 0 ? pattern : pattern.slice(0, star),
          suffix: star < 0 ? '' : pattern.slice(star + 1),
          exact: star < 0,
          targets: Array.isArray(targets) ? targets : [],
          base,
        });
      }
      break;
    }
    this.aliases.push(...this.workspacePackages());
    return this.aliases;
  }

  private configWithPaths(file: string, seen: Set<string>): { file: string; options: { baseUrl?: unknown; paths: unknown } } | undefined {
    if (seen.has(file)) return undefined;
    seen.add(file);
    const text = this.text(file);
    if (text === undefined) return undefined;
    const config = ts.parseConfigFileTextToJson(file, text).config;
    if (config?.compilerOptions?.paths) return { file, options: config.compilerOptions };
    const parents = typeof config?.extends === 'string' ? [config.extends] : Array.isArray(config?.extends) ? config.extends : [];
    // Later entries of an `extends` array win, as in TypeScript.
    for (const parent of [...parents].reverse()) {
      if (typeof parent !== 'string' || !parent.startsWith('.')) continue;
      const target = path.posix.normalize(path.posix.join(path.posix.dirname(file), parent));
      const found = this.configWithPaths(target.endsWith('.json') ? target : `${target}.json`, seen);
      if (found) return found;
    }
    return undefined;
  }

  /**
   * Packages of an npm/yarn/pnpm workspace, importable by name from their siblings. Their source
   * is followed (the `main`/`source`/`types` entry when it is source, else `src/index`).
   */
  private workspacePackages(): PathAlias[] {
    const aliases: PathAlias[] = [];
    for (const dir of this.workspaceDirs()) {
      const manifest = this.text(`${dir}/package.json`);
      if (manifest === undefined) continue;
      let pkg: { name?: unknown; main?: unknown; source?: unknown; types?: unknown };
      try {
        pkg = JSON.parse(manifest);
      } catch {
        continue;
      }
      if (typeof pkg.name !== 'string') continue;
      const entries = [pkg.source, pkg.main, pkg.types]
        .filter((e): e is string => typeof e === 'string' && /\.(m|c)?[jt]sx?$/.test(e) && !/\.d\.[mc]?ts$/.test(e))
        .map((e) => path.posix.join(dir, e));
      aliases.push({ prefix: pkg.name, suffix: '', exact: true, targets: [...entries, `${dir}/src/index`, `${dir}/index`], base: '.' });
      aliases.push({ prefix: `${pkg.name}/`, suffix: '', exact: false, targets: [`${dir}/src/*`, `${dir}/*`], base: '.' });
    }
    return aliases;
  }

  /** Folders matched by the workspace globs (`dir/*` and plain folders; enough for real layouts). */
  private workspaceDirs(): string[] {
    const patterns: string[] = [];
    const manifest = this.text('package.json');
    if (manifest !== undefined) {
      try {
        const workspaces = JSON.parse(manifest).workspaces;
        const list = Array.isArray(workspaces) ? workspaces : workspaces?.packages;
        if (Array.isArray(list)) patterns.push(...list.filter((p: unknown): p is string => typeof p === 'string'));
      } catch {
        // an unreadable manifest has no workspaces
      }
    }
    const pnpm = this.text('pnpm-workspace.yaml');
    if (pnpm !== undefined) {
      for (const match of pnpm.matchAll(/^\s*-\s*['"]?([^'"#\s]+)['"]?/gm)) patterns.push(match[1]);
    }
    const dirs: string[] = [];
    for (const pattern of patterns) {
      if (pattern.startsWith('!')) continue;
      const clean = pattern.replace(/^\.\//, '').replace(/\/+$/, '');
      if (clean.endsWith('/*') || clean.endsWith('/**')) {
        const parent = clean.slice(0, clean.lastIndexOf('/'));
        if (parent.includes('*')) continue;
        try {
          for (const entry of readdirSync(this.absolute(parent), { withFileTypes: true })) {
            if (entry.isDirectory() && entry.name !== 'node_modules') dirs.push(`${parent}/${entry.name}`);
          }
        } catch {
          // a glob over a missing folder matches nothing
        }
      } else if (!clean.includes('*')) {
        dirs.push(clean);
      }
    }
    return dirs;
  }
}

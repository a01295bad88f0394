/**
 * The type-checker stage: only for call receivers that syntax could not bind (a generic container,
 * an inferred return type, a library's typed context). It builds one TypeScript program over just
 * the files those receivers live in plus what they import, and asks the checker whether each
 * receiver is an instance of the SDK's client class. A tiny ambient declaration always stands in
 * for the `openai` package (installed or not), so that types resolve to the class without its
 * typings. The program reuses the syntax trees detection already parsed (the checker binds them in
 * place), so a file is parsed once per run; a ts-morph Project re-parsed every file (~0.7 s of
 * ~1.6 s on a 103-file program).
 */
import { createRequire } from 'node:module';
import path from 'node:path';
import { PARSE_OPTIONS, ts } from '../analysis/ts.js';
import { forgetCompiled } from '../compile-cache.js';
import { isComponentFile } from '../analysis/sfc.js';
import { scriptKindFor } from '../analysis/unit.js';
import type { Workspace } from '../analysis/workspace.js';
import type { DeferredReceiver } from '../sdks/types.js';
import { importSpecifiers } from '../core/text.js';

const SHIM_PATH = '/__banjia__/openai-shim.d.ts';
/** The lib files' folder in the program: they come from ts-morph's bundle, never from disk. */
const LIB_DIR = '/__banjia__/lib/';
const SHIM = `declare module 'openai' {
  class OpenAI { constructor(options?: any); readonly [member: string]: any; }
  namespace OpenAI {}
  export default OpenAI;
  export { OpenAI };
  export class AzureOpenAI extends OpenAI {}
}
`;

const CLIENT_CLASSES = new Set(['OpenAI', 'AzureOpenAI']);

function isClientType(type: ts.Type, depth = 0): boolean {
  if (depth > 5) return false;
  if (type.isUnion()) return type.types.some((t) => isClientType(t, depth + 1));
  const symbol = type.getSymbol() ?? type.aliasSymbol;
  if (symbol && CLIENT_CLASSES.has(symbol.getName()) && symbol.getDeclarations()?.some((d) => d.getSourceFile().fileName === SHIM_PATH)) return true;
  // A class of the user's that extends the client.
  return (type.getBaseTypes() ?? []).some((base) => isClientType(base, depth + 1));
}

const EXTENSIONS: Record<string, ts.Extension> = {
  '.ts': ts.Extension.Ts, '.tsx': ts.Extension.Tsx, '.mts': ts.Extension.Mts, '.cts': ts.Extension.Cts,
  '.js': ts.Extension.Js, '.jsx': ts.Extension.Jsx, '.mjs': ts.Extension.Mjs, '.cjs': ts.Extension.Cjs,
};

function extensionOf(file: string): ts.Extension | undefined {
  return file.endsWith('.d.ts') ? ts.Extension.Dts : EXTENSIONS[path.posix.extname(file)];
}

/**
 * The receivers' files and what they import, two levels deep, through the workspace's own module
 * map: enough to see a client made by an imported factory or held by an imported class, without
 * the transitive closure of a monorepo (which cost seconds for a handful of receivers).
 */
function programFiles(workspace: Workspace, roots: string[], depth = 2): string[] {
  const seen = new Set(roots);
  let frontier = roots;
  for (let level = 0; level < depth && frontier.length; level++) {
    const next: string[] = [];
    for (const file of frontier) {
      // From the text: files that only the checker reads are parsed once, by it.
      for (const specifier of importSpecifiers(workspace.text(file) ?? '')) {
        const target = workspace.resolveModule(file, specifier);
        if (!target || seen.has(target) || !extensionOf(target)) continue;
        seen.add(target);
        next.push(target);
      }
    }
    frontier = next;
  }
  return [...seen];
}

let libTexts: Map<string, string> | undefined;

/** The language's own declarations, as ts-morph bundles them (no typescript/lib folder is installed). */
function libText(fileName: string): string | undefined {
  libTexts ??= reachableLibs(OPTIONS.lib ?? []);
  return libTexts.get(fileName);
}

/**
 * The lib files the options name and those they reference (`/// <reference lib="es2015" />`), by
 * path in the program. The others, the DOM's among them (~5 MB of heap: they are two-byte
 * strings), are not kept; nor is the bundle they come from, whose source V8 would otherwise hold
 * for the rest of the run (~6 MB) once it is out of the module cache.
 */
function reachableLibs(roots: readonly string[]): Map<string, string> {
  const require = createRequire(import.meta.url);
  const bundle = require.resolve('@ts-morph/common');
  const all = new Map((require(bundle) as { getLibFiles(): Array<{ fileName: string; text: string }> }).getLibFiles().map((f) => [f.fileName, f.text]));
  forgetModule(require.cache, require.cache[bundle]);
  forgetCompiled(bundle);
  const kept = new Map<string, string>();
  const visit = (name: string): void => {
    const text = all.get(name);
    if (text === undefined || kept.has(LIB_DIR + name)) return;
    kept.set(LIB_DIR + name, text);
    for (const reference of text.matchAll(/^\/\/\/\s*<reference\s+lib="([^"]+)"/gm)) visit(`lib.${reference[1].toLowerCase()}.d.ts`);
  };
  for (const root of roots) visit(root);
  return kept;
}

/** Out of the module cache with the modules it loaded first, which point back to it (module.parent). */
function forgetModule(cache: NodeJS.Require['cache'], loaded: NodeJS.Module | undefined): void {
  if (!loaded) return;
  for (const child of loaded.children) if (child.parent === loaded) forgetModule(cache, child);
  delete cache[loaded.id];
}

const OPTIONS: ts.CompilerOptions = {
  allowJs: true,
  checkJs: false,
  noEmit: true,
  skipLibCheck: true,
  strict: false,
  target: ts.ScriptTarget.ES2022,
  // The language's own types (Map, Promise, …) and no DOM: the default for ES2022 adds
  // lib.dom.d.ts, which alone took ~0.4 s of a ~0.7 s type check, and a receiver's class never
  // comes from it.
  lib: ['lib.es2022.d.ts'],
  module: ts.ModuleKind.ESNext,
  moduleResolution: ts.ModuleResolutionKind.Bundler,
  jsx: ts.JsxEmit.Preserve,
  types: [],
  // Only the files given below: an import outside them is `any`, never a reason to read more.
  noResolve: true,
};

/** Whether the checker is asked about a receiver: a whole-file unit (not a Vue/Svelte script block). */
export function checkable(request: DeferredReceiver): boolean {
  return !isComponentFile(request.unit.path);
}

/** The requests whose receiver the checker proves to be an SDK client. */
export function resolveDeferred(workspace: Workspace, requests: DeferredReceiver[]): DeferredReceiver[] {
  const typed = requests.filter(checkable);
  if (!typed.length) return [];
  // The trees detection parsed are reused; a file only the checker reads is parsed here and not
  // kept by the workspace, so that the stage adds nothing other passes would see (the raw-HTTP
  // wrapper pass walks every parsed file).
  const files = new Map<string, ts.SourceFile>();
  const reused = new Map<ts.SourceFile, string>();
  for (const file of programFiles(workspace, [...new Set(typed.map((r) => r.unit.path))])) {
    const parsed = workspace.parsedUnits(file);
    if (parsed) {
      const [unit, ...more] = parsed;
      if (unit && !more.length && unit.offset === 0) {
        files.set(workspace.absolute(file), unit.sf);
        reused.set(unit.sf, unit.sf.fileName);
      }
      continue;
    }
    const text = workspace.text(file);
    if (text !== undefined) files.set(workspace.absolute(file), ts.createSourceFile(workspace.absolute(file), text, PARSE_OPTIONS, true, scriptKindFor(file)));
  }
  const host: ts.CompilerHost = {
    getSourceFile: (fileName, languageVersion) => {
      const own = files.get(fileName);
      if (own) return own;
      const text = fileName === SHIM_PATH ? SHIM : libText(fileName);
      return text === undefined ? undefined : ts.createSourceFile(fileName, text, languageVersion, false, ts.ScriptKind.TS);
    },
    // The program hands it to getSourceFile with the language version: the libraries' JSDoc unparsed.
    jsDocParsingMode: PARSE_OPTIONS.jsDocParsingMode,
    getDefaultLibFileName: (options) => LIB_DIR + ts.getDefaultLibFileName(options),
    getDefaultLibLocation: () => LIB_DIR,
    writeFile: () => undefined,
    getCurrentDirectory: () => workspace.root,
    getCanonicalFileName: (fileName) => fileName,
    useCaseSensitiveFileNames: () => true,
    getNewLine: () => '\n',
    fileExists: (fileName) => files.has(fileName) || fileName === SHIM_PATH || libText(fileName) !== undefined,
    readFile: (fileName) => (fileName === SHIM_PATH ? SHIM : libText(fileName)),
    // Imports resolve through the workspace's map (relative paths and tsconfig aliases); packages,
    // including `openai` itself, fall through to the ambient shim, so no typings are loaded.
    resolveModuleNames: (names, containingFile) =>
      names.map((name) => {
        const from = workspace.relative(containingFile);
        const found = from === undefined ? undefined : workspace.resolveModule(from, name);
        const extension = found && extensionOf(found);
        return found && extension && files.has(workspace.absolute(found)) ? { resolvedFileName: workspace.absolute(found), extension, isExternalLibraryImport: false } : undefined;
      }),
  };
  const program = ts.createProgram({ rootNames: [SHIM_PATH, ...files.keys()], options: OPTIONS, host });
  try {
    const checker = program.getTypeChecker();
    return typed.filter((request) => files.get(workspace.absolute(request.unit.path)) === request.unit.sf && isClientType(checker.getTypeAtLocation(request.receiver)));
  } finally {
    // The program renames the trees it is given to absolute paths; detection's names are relative.
    for (const [sf, fileName] of reused) sf.fileName = fileName;
  }
}

/**
 * The type-checker stage: only for call receivers that syntax could not bind (a generic container,
 * an inferred return type, a library's typed context). It builds one ts-morph Project over just the
 * files those receivers live in plus what they import, and asks the checker whether each receiver
 * is an instance of the SDK's client class. A tiny ambient declaration always stands in for the
 * `openai` package (installed or not), so that types resolve to the class without its typings.
 */
import { createRequire } from 'node:module';
import path from 'node:path';
import type { Node, SourceFile, Type } from 'ts-morph';
import { ts } from '../analysis/ts.js';
import type { Workspace } from '../analysis/workspace.js';
import type { DeferredReceiver } from '../sdks/types.js';
import { importSpecifiers } from './discover.js';

const SHIM_PATH = '/__banjia__/openai-shim.d.ts';
const SHIM = `declare module 'openai' {
  class OpenAI { constructor(options?: any); readonly [member: string]: any; }
  namespace OpenAI {}
  export default OpenAI;
  export { OpenAI };
  export class AzureOpenAI extends OpenAI {}
}
`;

const CLIENT_CLASSES = new Set(['OpenAI', 'AzureOpenAI']);

function isClientDeclaration(declarationFile: string, name: string): boolean {
  return CLIENT_CLASSES.has(name) && declarationFile.split(path.sep).join('/') === SHIM_PATH;
}

function isClientType(type: Type, depth = 0): boolean {
  if (depth > 5) return false;
  if (type.isUnion()) return type.getUnionTypes().some((t) => isClientType(t, depth + 1));
  const symbol = type.getSymbol() ?? type.getAliasSymbol();
  if (symbol) {
    for (const declaration of symbol.getDeclarations()) {
      if (isClientDeclaration(declaration.getSourceFile().getFilePath(), symbol.getName())) return true;
    }
  }
  // A class of the user's that extends the client.
  return type.getBaseTypes().some((base) => isClientType(base, depth + 1));
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

function findNode(file: SourceFile, start: number, end: number): Node | undefined {
  return file.getDescendantAtStartWithWidth(start, end - start);
}

/** The requests whose receiver the checker proves to be an SDK client. */
export function resolveDeferred(workspace: Workspace, requests: DeferredReceiver[]): DeferredReceiver[] {
  const typed = requests.filter((r) => r.unit.offset === 0 && !/\.(vue|svelte)$/i.test(r.unit.path));
  if (!typed.length) return [];
  // ts-morph's own layers load here, on the first receiver that needs them, not with the parser.
  const { Project } = createRequire(import.meta.url)('ts-morph') as typeof import('ts-morph');
  const project = new Project({
    compilerOptions: {
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
    },
    skipAddingFilesFromTsConfig: true,
    // Imports resolve through the workspace's map (relative paths and tsconfig aliases); packages,
    // including `openai` itself, fall through to the ambient shim, so no typings are loaded.
    resolutionHost: () => ({
      resolveModuleNames: (names: string[], containingFile: string) =>
        names.map((name) => {
          const from = workspace.relative(containingFile);
          const found = from === undefined ? undefined : workspace.resolveModule(from, name);
          const extension = found && extensionOf(found);
          return found && extension ? { resolvedFileName: workspace.absolute(found), extension, isExternalLibraryImport: false } : undefined;
        }),
    }),
  });
  project.createSourceFile(SHIM_PATH, SHIM, { overwrite: true });
  for (const file of programFiles(workspace, [...new Set(typed.map((r) => r.unit.path))])) {
    const text = workspace.text(file);
    if (text !== undefined) project.createSourceFile(workspace.absolute(file), text, { overwrite: true });
  }
  const bound: DeferredReceiver[] = [];
  for (const request of typed) {
    const file = project.getSourceFile(workspace.absolute(request.unit.path));
    if (!file) continue;
    const receiver = findNode(file, request.receiver.getStart(request.unit.sf), request.receiver.getEnd());
    if (!receiver) continue;
    if (isClientType(receiver.getType())) bound.push(request);
  }
  return bound;
}

/**
 * The type-checker stage: only for call receivers that syntax could not bind (a generic container,
 * an inferred return type, a library's typed context). It builds one ts-morph Project over just the
 * files those receivers live in plus what they import, and asks the checker whether each receiver
 * is an instance of the SDK's client class. When the scanned project has no node_modules/openai,
 * a tiny ambient declaration stands in for the package so that types still resolve to the class.
 */
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import type { Node, SourceFile, Type } from 'ts-morph';
import { ts } from '../analysis/ts.js';
import type { Workspace } from '../analysis/workspace.js';
import type { DeferredReceiver } from '../sdks/types.js';

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

function hasInstalledSdk(root: string): boolean {
  for (let dir = root; ; dir = path.dirname(dir)) {
    if (existsSync(path.join(dir, 'node_modules', 'openai', 'package.json'))) return true;
    if (path.dirname(dir) === dir) return false;
  }
}

function isClientDeclaration(declarationFile: string, name: string, shimmed: boolean): boolean {
  if (!CLIENT_CLASSES.has(name)) return false;
  const normalized = declarationFile.split(path.sep).join('/');
  return normalized.includes('/node_modules/openai/') || (shimmed && normalized === SHIM_PATH);
}

function isClientType(type: Type, shimmed: boolean, depth = 0): boolean {
  if (depth > 5) return false;
  if (type.isUnion()) return type.getUnionTypes().some((t) => isClientType(t, shimmed, depth + 1));
  const symbol = type.getSymbol() ?? type.getAliasSymbol();
  if (symbol) {
    for (const declaration of symbol.getDeclarations()) {
      if (isClientDeclaration(declaration.getSourceFile().getFilePath(), symbol.getName(), shimmed)) return true;
    }
  }
  // A class of the user's that extends the client.
  return type.getBaseTypes().some((base) => isClientType(base, shimmed, depth + 1));
}

function findNode(file: SourceFile, start: number, end: number): Node | undefined {
  return file.getDescendantAtStartWithWidth(start, end - start);
}

/** The requests whose receiver the checker proves to be an SDK client. */
export function resolveDeferred(workspace: Workspace, requests: DeferredReceiver[]): DeferredReceiver[] {
  const typed = requests.filter((r) => r.unit.offset === 0 && !/\.(vue|svelte)$/i.test(r.unit.path));
  if (!typed.length) return [];
  const shimmed = !hasInstalledSdk(workspace.root);
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
    },
    skipAddingFilesFromTsConfig: true,
  });
  if (shimmed) project.createSourceFile(SHIM_PATH, SHIM, { overwrite: true });
  for (const file of new Set(typed.map((r) => r.unit.path))) {
    const text = workspace.text(file);
    if (text !== undefined) project.createSourceFile(workspace.absolute(file), text, { overwrite: true });
  }
  project.resolveSourceFileDependencies();
  const bound: DeferredReceiver[] = [];
  for (const request of typed) {
    const file = project.getSourceFile(workspace.absolute(request.unit.path));
    if (!file) continue;
    const receiver = findNode(file, request.receiver.getStart(request.unit.sf), request.receiver.getEnd());
    if (!receiver) continue;
    if (isClientType(receiver.getType(), shimmed)) bound.push(request);
  }
  return bound;
}

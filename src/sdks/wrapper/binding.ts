/**
 * The third-party packages built on OpenAI's API that this module knows, and which of their
 * exports make clients:
 * - `chatgpt` (transitive-bullshit/chatgpt-api, later "agentic"): `ChatGPTAPI` (official API,
 *   `${apiBaseUrl}/chat/completions`, apiBaseUrl defaulting to https://api.openai.com/v1, model to
 *   gpt-3.5-turbo, src/chatgpt-api.ts) and `ChatGPTUnofficialProxyAPI` (ChatGPT web backend via a
 *   reverse proxy);
 * - `llamaindex` / `@llamaindex/openai`: `OpenAI` (LLM) and `OpenAIEmbedding`;
 * - `@azure/openai` 1.0 beta: `OpenAIClient` (`getChatCompletions(deployment, messages)`, …);
 * - `openai-api` (community, 2021): `new OpenAI(key)` with `complete({ engine })` and friends.
 */
import path from 'node:path';
import type { ModuleValue, SdkValue, Value } from '../../analysis/values.js';
import type { Workspace } from '../../analysis/workspace.js';
import type { ApiFamily } from '../../core/types.js';
import { alternatives } from '../shared/trace.js';

export type WrapperPackage = 'chatgpt' | 'llamaindex' | '@azure/openai' | 'openai-api';
export type WrapperClass = 'ChatGPTAPI' | 'ChatGPTUnofficialProxyAPI' | 'LlamaOpenAI' | 'LlamaOpenAIEmbedding' | 'OpenAIClient' | 'OpenAIApiClient';

export function wrapperPackageOf(specifier: string): WrapperPackage | undefined {
  const bare = specifier.replace(/^npm:/, '');
  if (bare === 'chatgpt') return 'chatgpt';
  if (bare === 'llamaindex' || bare.startsWith('llamaindex/') || bare === '@llamaindex/openai') return 'llamaindex';
  if (bare === '@azure/openai') return '@azure/openai';
  if (bare === 'openai-api') return 'openai-api';
  return undefined;
}

export function wrapperClassOf(module: ModuleValue): { pkg: WrapperPackage; cls: WrapperClass } | undefined {
  const pkg = wrapperPackageOf(module.specifier);
  if (!pkg) return undefined;
  const names = module.path.filter((segment) => segment !== 'default');
  const name = names.length === 1 ? names[0] : undefined;
  switch (pkg) {
    case 'chatgpt':
      return name === 'ChatGPTAPI' || name === 'ChatGPTUnofficialProxyAPI' ? { pkg, cls: name } : undefined;
    case 'llamaindex':
      if (name === 'OpenAI') return { pkg, cls: 'LlamaOpenAI' };
      if (name === 'OpenAIEmbedding') return { pkg, cls: 'LlamaOpenAIEmbedding' };
      return undefined;
    case '@azure/openai':
      return name === 'OpenAIClient' ? { pkg, cls: 'OpenAIClient' } : undefined;
    case 'openai-api':
      // `module.exports = OpenAI`: the module itself (require) or its default export is the class.
      return names.length === 0 && (module.via === 'require' || module.path.includes('default')) ? { pkg, cls: 'OpenAIApiClient' } : undefined;
  }
}

/** Which import names make an import this module's (llamaindex exports much more than OpenAI). */
export function ownsImport(pkg: WrapperPackage, specifier: string, names: string[]): boolean {
  if (pkg !== 'llamaindex' || specifier.endsWith('@llamaindex/openai')) return true;
  return names.some((n) => n === 'OpenAI' || n === 'OpenAIEmbedding' || n === '*');
}

/** The wrapper client instances a value may be, with their member path. */
export function wrapperInstances(value: Value): Array<SdkValue & { pkg: WrapperPackage; cls: WrapperClass }> {
  const found: Array<SdkValue & { pkg: WrapperPackage; cls: WrapperClass }> = [];
  for (const option of alternatives(value)) {
    if (option.t !== 'sdk') continue;
    const cls = wrapperClassOf(option.module);
    if (cls) found.push({ ...option, ...cls });
  }
  return found;
}

export interface WrapperMethod {
  family: ApiFamily;
  /** Index of the deployment-name argument (`@azure/openai`). */
  deployment?: number;
}

/** Methods that send a request, per client class. */
export const WRAPPER_METHODS: Record<WrapperClass, Record<string, WrapperMethod>> = {
  ChatGPTAPI: { sendMessage: { family: 'chat' } },
  ChatGPTUnofficialProxyAPI: { sendMessage: { family: 'chat' } },
  LlamaOpenAI: { chat: { family: 'chat' }, complete: { family: 'chat' } },
  LlamaOpenAIEmbedding: {
    getTextEmbedding: { family: 'embeddings' },
    getTextEmbeddings: { family: 'embeddings' },
    getTextEmbeddingsBatch: { family: 'embeddings' },
    getQueryEmbedding: { family: 'embeddings' },
  },
  OpenAIClient: {
    getChatCompletions: { family: 'chat', deployment: 0 },
    streamChatCompletions: { family: 'chat', deployment: 0 },
    getCompletions: { family: 'completions', deployment: 0 },
    streamCompletions: { family: 'completions', deployment: 0 },
    getEmbeddings: { family: 'embeddings', deployment: 0 },
    getImages: { family: 'images', deployment: 0 },
    getAudioTranscription: { family: 'audio', deployment: 0 },
    getAudioTranslation: { family: 'audio', deployment: 0 },
  },
  OpenAIApiClient: {
    complete: { family: 'completions' },
    embeddings: { family: 'embeddings' },
    search: { family: 'other' },
    answers: { family: 'other' },
    classification: { family: 'other' },
    engines: { family: 'models' },
    engine: { family: 'models' },
  },
};

export function wrapperMethod(cls: WrapperClass, name: string): WrapperMethod | undefined {
  const table = WRAPPER_METHODS[cls];
  return Object.prototype.hasOwnProperty.call(table, name) ? table[name] : undefined;
}

export const ALL_METHOD_NAMES = new Set(Object.values(WRAPPER_METHODS).flatMap((table) => Object.keys(table)));

const DEPENDENCY_FIELDS = ['dependencies', 'devDependencies', 'peerDependencies', 'optionalDependencies'];

/** The major version of `pkg` declared by the nearest package.json that names it, up from `file`. */
export function declaredMajor(workspace: Workspace, file: string, pkg: string): number | undefined {
  for (let dir = path.posix.dirname(file); ; dir = path.posix.dirname(dir)) {
    const text = workspace.text(dir === '.' || dir === '' ? 'package.json' : `${dir}/package.json`);
    if (text !== undefined) {
      try {
        const json = JSON.parse(text) as Record<string, unknown>;
        for (const field of DEPENDENCY_FIELDS) {
          const deps = json[field] as Record<string, unknown> | undefined;
          const spec = deps && typeof deps === 'object' ? deps[pkg] : undefined;
          if (typeof spec === 'string') {
            const match = /^\s*(?:npm:[^@]*@)?(?:[\^~]|[<>]=?|=|v)*\s*(\d+)/.exec(spec);
            return match ? Number(match[1]) : undefined;
          }
        }
      } catch {
        // not JSON: keep looking upwards
      }
    }
    if (dir === '.' || dir === '/' || dir === '') return undefined;
  }
}

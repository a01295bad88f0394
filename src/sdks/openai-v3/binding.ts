/**
 * Which values belong to the legacy v3 API: `Configuration` and `OpenAIApi` from `openai` (3.x,
 * openapi-generator over axios) or from `openai-edge` (the fetch-based clone of 3.3.0), and the
 * methods of an `OpenAIApi` as data.
 * Sources: openai-node v3.3.0 `api.ts` (class OpenAIApi), `base.ts` (BaseAPI), `configuration.ts`;
 * https://github.com/dan-kwiat/openai-edge (README: "feature parity with the official v3.3.0").
 */
import type { ModuleValue, SdkValue, Value } from '../../analysis/values.js';
import type { ApiFamily } from '../../core/types.js';
import { isV3Name } from '../openai/binding.js';
import { alternatives } from '../shared/trace.js';

export type V3Package = 'openai' | 'openai-edge';
export type V3Class = 'Configuration' | 'OpenAIApi';

export function v3PackageOf(specifier: string): V3Package | undefined {
  if (specifier === 'openai' || specifier === 'npm:openai') return 'openai';
  if (specifier === 'openai-edge' || specifier === 'npm:openai-edge') return 'openai-edge';
  return undefined;
}

/** `Configuration` / `OpenAIApi` under every import style (named, namespace, CJS, default-interop). */
export function v3ClassOf(module: ModuleValue): { cls: V3Class; pkg: V3Package } | undefined {
  const pkg = v3PackageOf(module.specifier);
  if (!pkg) return undefined;
  const path = module.path.filter((segment) => segment !== 'default');
  if (path.length === 1 && (path[0] === 'Configuration' || path[0] === 'OpenAIApi')) return { cls: path[0], pkg };
  return undefined;
}

/** Imports of `openai` that bind only v3 names are this module's; `openai-edge` is always. */
export function ownsImport(pkg: V3Package, names: string[]): boolean {
  if (pkg === 'openai-edge') return true;
  if (!names.length || names.includes('*') || names.includes('default')) return false;
  return names.every((n) => isV3Name(n));
}

/** The v3 client instances a value may be (a union's options included), with their member path. */
export function v3Instances(value: Value): Array<SdkValue & { pkg: V3Package }> {
  const found: Array<SdkValue & { pkg: V3Package }> = [];
  for (const option of alternatives(value)) {
    if (option.t !== 'sdk') continue;
    const cls = v3ClassOf(option.module);
    if (cls?.cls === 'OpenAIApi') found.push({ ...option, pkg: cls.pkg });
  }
  return found;
}

export interface V3Method {
  family: ApiFamily;
  ruleId: string;
  /** Index of the request-object argument. */
  request?: number;
  /** Index of a positional model argument. */
  model?: number;
  /** Endpoints OpenAI has shut down: no provider serves them, nothing to move to. */
  retired?: 'edits' | 'fineTunes' | 'engines';
  /** The v4 call for the automatic upgrade (only where the request object keeps its shape). */
  upgrade?: string;
}

const files: V3Method = { family: 'files', ruleId: 'openai-v3/files' };
const fineTunes: V3Method = { family: 'fine_tuning', ruleId: 'openai-v3/fineTune', retired: 'fineTunes' };
const models: V3Method = { family: 'models', ruleId: 'openai-v3/models' };
const engines: V3Method = { family: 'other', ruleId: 'openai-v3/retiredApi', retired: 'engines' };

/** `OpenAIApi` methods (v3.3.0 api.ts; openai-edge has the same list). */
export const V3_METHODS: Record<string, V3Method> = {
  createChatCompletion: { family: 'chat', ruleId: 'openai-v3/chatCompletion', request: 0, upgrade: 'chat.completions.create' },
  createCompletion: { family: 'completions', ruleId: 'openai-v3/legacyCompletion', request: 0, upgrade: 'completions.create' },
  createEmbedding: { family: 'embeddings', ruleId: 'openai-v3/embedding', request: 0, upgrade: 'embeddings.create' },
  createImage: { family: 'images', ruleId: 'openai-v3/image', request: 0, upgrade: 'images.generate' },
  createImageEdit: { family: 'images', ruleId: 'openai-v3/image' },
  createImageVariation: { family: 'images', ruleId: 'openai-v3/image' },
  createTranscription: { family: 'audio', ruleId: 'openai-v3/audio', model: 1 },
  createTranslation: { family: 'audio', ruleId: 'openai-v3/audio', model: 1 },
  createModeration: { family: 'moderations', ruleId: 'openai-v3/moderation', request: 0, upgrade: 'moderations.create' },
  createEdit: { family: 'other', ruleId: 'openai-v3/edit', request: 0, retired: 'edits' },
  createFile: files,
  listFiles: files,
  retrieveFile: files,
  deleteFile: files,
  downloadFile: files,
  createFineTune: { ...fineTunes, request: 0 },
  listFineTunes: fineTunes,
  retrieveFineTune: fineTunes,
  cancelFineTune: fineTunes,
  listFineTuneEvents: fineTunes,
  listModels: models,
  retrieveModel: { ...models, model: 0 },
  deleteModel: models,
  createAnswer: engines,
  createClassification: engines,
  createSearch: engines,
  listEngines: engines,
  retrieveEngine: engines,
};

export function v3Method(name: string): V3Method | undefined {
  return Object.prototype.hasOwnProperty.call(V3_METHODS, name) ? V3_METHODS[name] : undefined;
}

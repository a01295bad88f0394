/**
 * The provider catalogue: a sorted, explicit registry of provider data files, validated on load.
 * Everything that knows a provider fact reads it from here.
 */
import { ConfigError } from '../core/errors.js';
import { ProviderData, type OpenAiModel, type OpenAiTier, type Provider } from './schema.js';
import { chooseChatModel, chooseEmbeddingModel, confirmedChoice, deriveModelMap, type LockedChoice } from './mapping.js';
import { OPENAI_MODELS, OPENAI_MODEL_PATTERN } from './openai.js';
import { PROVIDER_DATA } from './providers/index.js';
import { applyImportedPrices, applyProviderOverride, customProvider, type CatalogueOverrides } from './overrides.js';

export type { Provider } from './schema.js';

export class CatalogueError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'CatalogueError';
  }
}

let builtIn: Map<string, Provider> | undefined;
let cache: Map<string, Provider> | undefined;
let overrides: CatalogueOverrides | undefined;

/** The catalogue as shipped, validated once. */
function loadBuiltIn(): Map<string, Provider> {
  if (builtIn) return builtIn;
  const map = new Map<string, Provider>();
  for (const input of PROVIDER_DATA) {
    const parsed = ProviderData.safeParse(input);
    if (!parsed.success) {
      throw new CatalogueError(`catalogue entry ${input.id}: ${parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ')}`);
    }
    if (map.has(parsed.data.id)) throw new CatalogueError(`two providers share the id ${parsed.data.id}`);
    map.set(parsed.data.id, { ...parsed.data, modelMap: deriveModelMap(parsed.data) });
  }
  builtIn = map;
  return map;
}

/** Installs the user's overrides (config file, --base-url, LiteLLM prices) for this run. */
export function setCatalogueOverrides(next: CatalogueOverrides | undefined): void {
  overrides = next;
  cache = undefined;
}

export function catalogueOverrides(): CatalogueOverrides | undefined {
  return overrides;
}

function load(): Map<string, Provider> {
  if (cache) return cache;
  const map = new Map<string, Provider>();
  const origin = overrides?.origin ?? 'file:///command-line';
  for (const [id, provider] of loadBuiltIn()) {
    let next = provider;
    if (overrides?.imported) next = applyImportedPrices(next, overrides.imported);
    const override = overrides?.providers?.[id];
    if (override) next = applyProviderOverride(next, override, origin);
    map.set(id, next);
  }
  for (const id of Object.keys(overrides?.providers ?? {})) {
    if (!map.has(id)) throw new ConfigError(`config: unknown provider '${id}' under providers (known: ${[...map.keys()].join(', ')})`).inChinese(`配置：providers 下有未知的服务商 '${id}'（已知：${[...map.keys()].join(', ')}）`);
  }
  if (overrides?.custom) map.set('custom', customProvider(overrides.custom, origin));
  cache = map;
  return map;
}

export function listProviders(): Provider[] {
  return [...load().values()];
}

export function providerIds(): string[] {
  return [...load().keys()];
}

export function findProvider(id: string): Provider | undefined {
  return load().get(id);
}

export function defaultRegion(provider: Provider) {
  return provider.regions.find((r) => r.default) ?? provider.regions[0];
}

const openaiById = new Map(OPENAI_MODELS.map((m) => [m.id, m]));

/** Strips dated snapshot suffixes and fine-tune wrappers so `gpt-4o-2024-08-06` prices as `gpt-4o`. */
export function normalizeOpenAiId(id: string): string {
  let base = id.trim();
  const ft = /^ft:([^:]+):/.exec(base);
  if (ft) base = ft[1];
  // Azure spells gpt-3.5 as gpt-35.
  return base
    .replace(/^gpt-35/, 'gpt-3.5')
    .replace(/-\d{4}-\d{2}-\d{2}$/, '')
    .replace(/-(0301|0314|0613|0125|1106|0409)$/, '');
}

export function isOpenAiModelId(value: string): boolean {
  return openaiById.has(value) || OPENAI_MODEL_PATTERN.test(value);
}

export function findOpenAiModel(id: string): OpenAiModel | undefined {
  const model = openaiById.get(id) ?? openaiById.get(normalizeOpenAiId(id)) ?? guessFamily(id);
  const imported = overrides?.imported?.byProvider.get('openai');
  const price = imported?.get(id) ?? imported?.get(model?.id ?? '');
  return model && price ? { ...model, price } : model;
}

/** Classifies an id the table lacks by the family it belongs to, so newer snapshots still map. */
function guessFamily(id: string): OpenAiModel | undefined {
  const base = normalizeOpenAiId(id);
  if (!OPENAI_MODEL_PATTERN.test(base)) return undefined;
  const tier: OpenAiTier = /embedding-3-large/.test(base)
    ? 'embeddingLarge'
    : /embedding/.test(base)
      ? 'embeddingSmall'
      : /^(dall-e|gpt-image)/.test(base)
        ? 'image'
        : /^whisper|transcribe/.test(base)
          ? 'transcription'
          : /^tts|-tts/.test(base)
            ? 'speech'
            : /moderation/.test(base)
              ? 'moderation'
              : /realtime|audio/.test(base)
                ? 'realtime'
                : /^sora/.test(base)
                  ? 'video'
                  : /-luna\b/.test(base)
                    ? 'cheap'
                    : /-terra\b/.test(base)
                      ? 'balanced'
                      : /-(sol|astra)\b/.test(base)
                        ? 'flagship'
                        : /^o\d.*mini/.test(base)
                    ? 'reasoningSmall'
                    : /^o\d/.test(base)
                      ? 'reasoning'
                      : /nano/.test(base)
                        ? 'cheap'
                        : /mini|3\.5/.test(base)
                          ? 'balanced'
                          : /davinci|babbage|instruct/.test(base)
                            ? 'legacyCompletion'
                            : 'flagship';
  return { id, tier, contextWindow: 'unknown', price: null };
}

export interface ModelMapping {
  openai: string;
  tier: OpenAiTier | undefined;
  /** The provider's model id, or undefined when the provider has none for this class. */
  target: string | undefined;
  /** Where the choice came from, for the report. */
  via: 'override' | 'config' | 'catalogue-override' | 'tier' | 'none';
  /** Set when the target's context window is smaller than the OpenAI model's (both named). */
  warning?: string;
  /** Set when the provider's lock (doctor) did not confirm the id the mapping chose. */
  lock?: LockedChoice;
}

/**
 * Maps an OpenAI model id to the provider's. User overrides (`--model-map`, config) win, then the
 * provider's explicit exceptions for the id, then its explicit choice for the class, then the rule
 * of mapping.ts with this id's own context window. A target carrying doctor's lock
 * (pipeline/provider-lock.ts) swaps an id doctor did not confirm for a confirmed one of the class.
 */
export function mapModel(openaiId: string, provider: Provider, overrides: Record<string, string> = {}): ModelMapping {
  const mapping = mapByCatalogue(openaiId, provider, overrides);
  if (!provider.lock || !mapping.target || !(mapping.target in provider.lock.missing)) return mapping;
  // The user's own --model-map or top-level config modelMap choice is kept as given; the finding still names the lock.
  const fallback = mapping.via === 'override' ? undefined : confirmedChoice(provider, provider.lock, findOpenAiModel(openaiId));
  const lock = { file: provider.lock.file, missing: mapping.target, reason: provider.lock.missing[mapping.target], ...(fallback ? { fallback } : {}) };
  return { ...mapping, ...(fallback ? { target: fallback } : {}), lock };
}

function mapByCatalogue(openaiId: string, provider: Provider, overrides: Record<string, string>): ModelMapping {
  const user = overrides[openaiId] ?? overrides[normalizeOpenAiId(openaiId)];
  if (user) return { openai: openaiId, tier: findOpenAiModel(openaiId)?.tier, target: user === 'none' ? undefined : user, via: 'override' };
  const model = findOpenAiModel(openaiId);
  const exception = provider.modelOverrides[openaiId] ?? provider.modelOverrides[normalizeOpenAiId(openaiId)];
  if (exception) return { openai: openaiId, tier: model?.tier, target: exception === 'none' ? undefined : exception, via: 'catalogue-override' };
  if (!model) return { openai: openaiId, tier: undefined, target: undefined, via: 'none' };
  const explicit = provider.tierOverrides[model.tier];
  if (explicit) return { openai: openaiId, tier: model.tier, target: explicit === 'none' ? undefined : explicit, via: explicit === 'none' ? 'none' : 'tier' };
  const choice =
    model.tier === 'embeddingSmall' || model.tier === 'embeddingLarge'
      ? { target: chooseEmbeddingModel(provider, model.tier, model.embeddingDimensions) }
      : chooseChatModel(provider, model.tier, model.contextWindow, model.id);
  return {
    openai: openaiId,
    tier: model.tier,
    target: choice.target,
    via: choice.target ? 'tier' : 'none',
    ...('warning' in choice && choice.warning ? { warning: choice.warning } : {}),
  };
}

export function findProviderModel(provider: Provider, id: string) {
  return provider.chatModels.find((m) => m.id === id) ?? provider.embeddingModels.find((m) => m.id === id);
}

/** Which provider a base URL belongs to (any region), by host and path prefix. */
export function providerForBaseUrl(url: string): { provider: Provider; region: string } | undefined {
  const normalized = url.trim().replace(/\/+$/, '');
  for (const provider of load().values()) {
    for (const region of provider.regions) {
      const base = region.baseURL.replace(/\/+$/, '');
      if (normalized === base || normalized.startsWith(`${base}/`) || base.startsWith(`${normalized}/`)) {
        return { provider, region: region.id };
      }
      try {
        if (new URL(normalized).host === new URL(base).host) return { provider, region: region.id };
      } catch {
        // not a URL: no match
      }
    }
  }
  return undefined;
}

export function isOpenAiUrl(url: string): boolean {
  return /^https?:\/\/([a-z0-9-]+\.)?api\.openai\.com(\/|$)/i.test(url.trim());
}

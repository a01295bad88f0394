/**
 * User overrides on the built-in catalogue: the config file's per-provider regions, endpoints, env
 * names, model maps and prices; a `custom` provider for any OpenAI-compatible endpoint; prices taken
 * from a LiteLLM price map. The result is validated like the built-in data.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { ConfigError } from '../core/errors.js';
import type { Config, ProviderOverride } from '../config/schema.js';
import { TIER_KEYS } from '../config/schema.js';
import { FEATURE_IDS, OPENAI_TIERS, Provider, type FeatureId, type OpenAiTier, type Price } from './schema.js';

export interface CustomEndpoint {
  baseURL: string;
  apiKeyEnv: string;
  name?: string;
  modelMap?: Record<string, string>;
}

export interface CatalogueOverrides {
  providers?: Record<string, ProviderOverride>;
  custom?: CustomEndpoint;
  /** Prices imported from LiteLLM, by provider id ('openai' for OpenAI's own) then model id. */
  imported?: ImportedPrices;
  /** Where the overrides came from, cited as the source of user prices. */
  origin?: string;
}

export interface ImportedPrices {
  byProvider: Map<string, Map<string, Price>>;
  file: string;
  read: number;
  used: number;
}

/** LiteLLM's `litellm_provider` values for the providers it lists. */
const LITELLM_PROVIDERS: Record<string, string> = {
  openai: 'openai',
  'text-completion-openai': 'openai',
  dashscope: 'qwen',
  deepseek: 'deepseek',
  zai: 'zhipu',
  moonshot: 'moonshot',
  volcengine: 'doubao',
  minimax: 'minimax',
};

/** Reads a LiteLLM `model_prices_and_context_window.json` (USD per token) into USD per 1M tokens. */
export function importLitellmPrices(file: string, asOf?: string): ImportedPrices {
  let raw: unknown;
  try {
    raw = JSON.parse(readFileSync(file, 'utf8'));
  } catch (error) {
    throw new ConfigError(`cannot read LiteLLM prices from ${file}: ${error instanceof Error ? error.message : String(error)}`).inChinese(`无法从 ${file} 读取 LiteLLM 价格：${error instanceof Error ? error.message : String(error)}`);
  }
  if (!raw || typeof raw !== 'object' || Array.isArray(raw)) throw new ConfigError(`${file}: expected LiteLLM's object of model entries`).inChinese(`${file}：应为 LiteLLM 的模型条目对象`);
  const source = pathToFileURL(path.resolve(file)).href;
  const date = asOf ?? new Date().toISOString().slice(0, 10);
  const byProvider = new Map<string, Map<string, Price>>();
  let read = 0;
  for (const [key, value] of Object.entries(raw as Record<string, Record<string, unknown>>)) {
    if (!value || typeof value !== 'object') continue;
    const provider = LITELLM_PROVIDERS[String(value.litellm_provider)];
    const input = value.input_cost_per_token;
    const output = value.output_cost_per_token ?? 0;
    if (!provider || typeof input !== 'number' || typeof output !== 'number') continue;
    read++;
    const id = key.includes('/') ? key.slice(key.indexOf('/') + 1) : key;
    const cached = value.cache_read_input_token_cost;
    const perMillion = (n: number) => Math.round(n * 1e6 * 1e9) / 1e9;
    const price: Price = {
      currency: 'USD',
      input: perMillion(input),
      output: perMillion(output),
      cachedInput: typeof cached === 'number' ? perMillion(cached) : null,
      asOf: date,
      checkedOn: date,
      source,
      note: `LiteLLM entry ${key}`,
    };
    if (!byProvider.has(provider)) byProvider.set(provider, new Map());
    byProvider.get(provider)!.set(id, price);
  }
  return { byProvider, file, read, used: 0 };
}

function userPrice(modelId: string, override: NonNullable<ProviderOverride['prices']>[string], fallbackCurrency: 'CNY' | 'USD', origin: string): Price {
  // The user's asOf is when they read their price: our checkedOn.
  const checkedOn = override.checkedOn ?? override.asOf ?? new Date().toISOString().slice(0, 10);
  return {
    currency: override.currency ?? fallbackCurrency,
    input: override.input,
    output: override.output,
    cachedInput: override.cachedInput ?? null,
    asOf: checkedOn,
    checkedOn,
    ...(override.effectiveFrom ? { effectiveFrom: override.effectiveFrom } : {}),
    source: override.source && /^(https|file):/.test(override.source) ? override.source : origin,
    note: `user price for ${modelId}`,
  };
}

/** A provider with the config's overrides applied; throws ConfigError on a bad value. */
export function applyProviderOverride(provider: Provider, override: ProviderOverride, origin: string): Provider {
  const next: Provider = structuredClone(provider);
  if (override.region) {
    if (!next.regions.some((r) => r.id === override.region)) {
      throw new ConfigError(`config: provider ${provider.id} has no region '${override.region}' (regions: ${next.regions.map((r) => r.id).join(', ')})`).inChinese(`配置：服务商 ${provider.id} 没有区域 '${override.region}'（可选：${next.regions.map((r) => r.id).join(', ')}）`);
    }
    next.regions = next.regions.map((r) => ({ ...r, default: r.id === override.region }));
  }
  if (override.baseURL) {
    const region = next.regions.find((r) => r.default) ?? next.regions[0];
    region.baseURL = override.baseURL;
    region.source = origin;
  }
  if (override.apiKeyEnv) next.apiKeyEnv = override.apiKeyEnv;
  if (override.baseUrlEnv) next.baseUrlEnv = override.baseUrlEnv;
  for (const [key, target] of Object.entries(override.modelMap ?? {})) {
    if (TIER_KEYS.has(key)) {
      next.tierOverrides[key as OpenAiTier] = target;
      next.modelMap[key as OpenAiTier] = target;
    } else next.modelOverrides[key] = target;
  }
  const currency = next.chatModels[0]?.price.currency ?? 'CNY';
  for (const [modelId, price] of Object.entries(override.prices ?? {})) {
    const model = next.chatModels.find((m) => m.id === modelId) ?? next.embeddingModels.find((m) => m.id === modelId);
    const value = userPrice(modelId, price, model?.price.currency ?? currency, origin);
    if (model) model.price = value;
    else
      next.chatModels.push({
        id: modelId,
        tier: 'balanced',
        contextWindow: 'unknown',
        maxOutput: 'unknown',
        vision: false,
        thinking: 'unknown',
        status: 'active',
        preview: false,
        price: value,
        note: 'added by the config file',
      });
  }
  return next;
}

/** Imported LiteLLM prices replace the built-in ones for the models both know. */
export function applyImportedPrices(provider: Provider, imported: ImportedPrices): Provider {
  const prices = imported.byProvider.get(provider.id);
  if (!prices) return provider;
  const next: Provider = structuredClone(provider);
  for (const model of [...next.chatModels, ...next.embeddingModels]) {
    const price = prices.get(model.id);
    if (!price) continue;
    // LiteLLM has no context tiers or peak hours: its flat price replaces the whole record.
    model.price = price;
    imported.used++;
  }
  return next;
}

/** A provider record for any OpenAI-compatible endpoint (vLLM, Ollama, one-api, LiteLLM proxy…). */
export function customProvider(endpoint: CustomEndpoint, origin: string): Provider {
  if (!/^https?:\/\//.test(endpoint.baseURL)) throw new ConfigError(`custom provider: baseURL must be an http(s) URL, got '${endpoint.baseURL}'`).inChinese(`自定义服务商：baseURL 必须是 http(s) 地址，实际为 '${endpoint.baseURL}'`);
  if (!/^[A-Za-z_][A-Za-z0-9_]*$/.test(endpoint.apiKeyEnv)) throw new ConfigError(`custom provider: '${endpoint.apiKeyEnv}' is not an environment variable name`).inChinese(`自定义服务商：'${endpoint.apiKeyEnv}' 不是环境变量名`);
  const features = Object.fromEntries(FEATURE_IDS.map((id) => [id, { support: 'unknown' as const }])) as Record<FeatureId, { support: 'unknown' }>;
  const modelMap = Object.fromEntries(OPENAI_TIERS.map((tier) => [tier, 'none'])) as Provider['modelMap'];
  const modelOverrides: Record<string, string> = {};
  const tierOverrides: Provider['tierOverrides'] = {};
  for (const [key, target] of Object.entries(endpoint.modelMap ?? {})) {
    if (TIER_KEYS.has(key)) {
      modelMap[key as OpenAiTier] = target;
      tierOverrides[key as OpenAiTier] = target;
    } else modelOverrides[key] = target;
  }
  const today = new Date().toISOString().slice(0, 10);
  return {
    id: 'custom',
    name: { en: endpoint.name ?? 'Custom OpenAI-compatible endpoint', zh: endpoint.name ?? '自定义 OpenAI 兼容接口' },
    website: endpoint.baseURL,
    docs: { openaiCompatibility: endpoint.baseURL, pricing: endpoint.baseURL },
    regions: [{ id: 'custom', label: endpoint.name ?? 'custom', baseURL: endpoint.baseURL, default: true, source: origin }],
    apiKeyEnv: endpoint.apiKeyEnv,
    baseUrlEnv: endpoint.apiKeyEnv.replace(/_?(API_?KEY|KEY|TOKEN)$/i, '') + '_BASE_URL',
    features,
    chatModels: [],
    embeddingModels: [],
    modelMap,
    tierOverrides,
    modelOverrides,
    quirks: [],
    keepUnmappedModels: true,
    checkedOn: today,
    asOf: today,
  };
}

export function overridesFromConfig(config: Config, configFile: string | undefined, cli: { baseUrl?: string; apiKeyEnv?: string; litellm?: string }): CatalogueOverrides {
  const origin = configFile ? pathToFileURL(configFile).href : 'file:///command-line';
  const overrides: CatalogueOverrides = { origin };
  if (config.providers) overrides.providers = config.providers;
  const baseURL = cli.baseUrl ?? config.custom?.baseURL;
  const apiKeyEnv = cli.apiKeyEnv ?? config.custom?.apiKeyEnv;
  if (baseURL || apiKeyEnv) {
    if (!baseURL || !apiKeyEnv) throw new ConfigError('the custom provider needs both --base-url and --api-key-env (or custom.baseURL and custom.apiKeyEnv in the config)').inChinese('自定义服务商需要同时提供 --base-url 和 --api-key-env（或配置中的 custom.baseURL 和 custom.apiKeyEnv）');
    overrides.custom = { baseURL, apiKeyEnv, ...(config.custom?.name ? { name: config.custom.name } : {}), ...(config.custom?.modelMap ? { modelMap: config.custom.modelMap } : {}) };
  }
  const litellm = cli.litellm ?? (config.litellmPrices && configFile ? path.resolve(path.dirname(configFile), config.litellmPrices) : config.litellmPrices);
  if (litellm) overrides.imported = importLitellmPrices(litellm);
  return overrides;
}

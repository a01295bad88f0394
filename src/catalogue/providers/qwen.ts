/**
 * Alibaba Cloud Model Studio (Bailian) / DashScope, OpenAI-compatible mode.
 * Facts from ../shared/providers.md §4.1, each re-linked to its source below.
 */
import type { ChatModelInput, ProviderInput } from '../schema.js';
import { evidence, MODEL_BANK_DATE, modelBank, REVIEWED } from './facts.js';

const COMPAT = 'https://www.alibabacloud.com/help/en/model-studio/compatibility-of-openai-with-dashscope';
const CHAT_API = 'https://www.alibabacloud.com/help/en/model-studio/qwen-api-via-openai-chat-completions';
const JSON_MODE = 'https://www.alibabacloud.com/help/en/model-studio/json-mode';
const STRUCTURED = 'https://www.alibabacloud.com/help/en/model-studio/qwen-structured-output';
const BILLING = 'https://www.alibabacloud.com/help/en/model-studio/billing-for-model-studio';
const EMBEDDING = 'https://help.aliyun.com/zh/dashscope/developer-reference/openai-embedding-interface';
const MODEL_BANK = modelBank('qwen');
const DIFY = 'https://github.com/langgenius/dify-official-plugins/tree/7af22831/models/tongyi';
const MODELS_DEV = 'https://github.com/anomalyco/models.dev/tree/f3fc6922/providers/alibaba-cn';
const LITELLM = 'https://github.com/RoCry/llm-api-price/blob/8442b939/model_prices_and_context_window.json';

// Alibaba's own notices and pages (checked 2026-12-06).
const RETIREMENT_NOTICE = 'https://www.alibabacloud.com/zh/notice/model_studionotice_on_the_decommissioning_of_certain_historical_mainline_models_731';
const CONTEXT_CACHE = 'https://www.alibabacloud.com/help/en/model-studio/context-cache';
// A gateway that passes Model Studio through; the only written record found for qwen3-max's removal.
const APIYI_OFFLINE = 'https://docs.apiyi.com/en/live/2026-10/bailian-models-offline';

const cny = (input: number, output: number, cachedInput: number | null, asOf: string, source: string) =>
  ({ currency: 'CNY', input, output, cachedInput, checkedOn: asOf, source }) as const;

/** Models retired on 2026-10-10 ("部分历史主线模型下线通知"); kept so scan can name them, never a target. */
const RETIRED_PRICES: Record<string, [number, number]> = { 'qwen-turbo': [0.3, 3], 'qwq-plus': [1.6, 4], 'qwen-vl-max': [1.6, 4], 'qwen-vl-plus': [0.8, 2], 'qvq-max': [8, 32] };
const retired = (id: string): ChatModelInput => ({
  id,
  tier: id.includes('vl') || id.startsWith('qvq') ? 'vision' : id.startsWith('qwq') ? 'reasoning' : 'cheap',
  contextWindow: 'unknown',
  vision: id.includes('vl') || id.startsWith('qvq'),
  status: 'retired',
  retiresOn: '2026-10-10',
  lifecycle: evidence(RETIREMENT_NOTICE, REVIEWED, { note: 'Alibaba recommends the Qwen3.6/3.7 series instead' }),
  price: cny(RETIRED_PRICES[id][0], RETIRED_PRICES[id][1], null, MODEL_BANK_DATE, MODEL_BANK),
});

export const qwen: ProviderInput = {
  id: 'qwen',
  name: { en: 'Alibaba Qwen (Model Studio / DashScope)', zh: '阿里云百炼 · 通义千问' },
  website: 'https://www.alibabacloud.com/product/modelstudio',
  docs: { openaiCompatibility: COMPAT, pricing: BILLING, models: CHAT_API },
  regions: [
    { id: 'cn', label: 'China (Beijing)', baseURL: 'https://dashscope.aliyuncs.com/compatible-mode/v1', default: true, source: COMPAT },
    { id: 'intl', label: 'Singapore (international)', baseURL: 'https://dashscope-intl.aliyuncs.com/compatible-mode/v1', source: COMPAT },
    { id: 'us', label: 'US (Virginia)', baseURL: 'https://dashscope-us.aliyuncs.com/compatible-mode/v1', source: COMPAT },
    { id: 'hk', label: 'China (Hong Kong)', baseURL: 'https://cn-hongkong.dashscope.aliyuncs.com/compatible-mode/v1', source: COMPAT },
  ],
  apiKeyEnv: 'DASHSCOPE_API_KEY',
  baseUrlEnv: 'DASHSCOPE_BASE_URL',
  apiKeyEnvNote: 'Used in Alibaba’s own samples. Keys are per region: a Beijing key does not work in Singapore or Virginia.',
  checkedOn: '2026-12-06',
  features: {
    streaming: { support: 'yes', source: CHAT_API },
    streamOptions: { support: 'yes', note: 'The official curl sample sets stream_options.include_usage.', source: CHAT_API },
    tools: { support: 'yes', note: 'qwen-max/plus/turbo/flash and Qwen3 models.', source: DIFY },
    streamingTools: { support: 'yes', note: 'dify declares stream-tool-call for the Qwen models.', source: DIFY },
    toolChoice: { support: 'yes', values: ['auto', 'none', 'required', 'function'], source: LITELLM },
    parallelToolCalls: { support: 'unknown' },
    jsonObject: { support: 'yes', note: 'The messages must contain the word "JSON", or the request is rejected.', source: JSON_MODE },
    jsonSchema: { support: 'partial', note: 'Only some models (qwen-plus series, qwen3-max, qwen3.5-plus/flash), non-thinking mode only.', source: STRUCTURED },
    parse: { support: 'partial', note: '.parse() needs strict json_schema, which only some models accept.', source: STRUCTURED },
    vision: { support: 'partial', note: 'qwen-vl-* and qwen3-vl-* models, and Qwen3.5+ plus/flash; text models reject image parts.', source: MODEL_BANK },
    multipleChoices: { support: 'unknown' },
    logprobs: { support: 'unknown' },
    seed: { support: 'yes', source: DIFY },
    logitBias: { support: 'unknown' },
    temperature: { support: 'unknown' },
    maxCompletionTokens: { support: 'unknown' },
    thinking: { support: 'yes', values: ['enable_thinking', 'thinking_budget'], note: 'Sent as extra body fields; Qwen bills thinking output at a higher rate.', source: MODELS_DEV },
    reasoningContent: { support: 'yes', note: 'Thinking is returned in message.reasoning_content / delta.reasoning_content.', source: CHAT_API },
    embeddings: { support: 'yes', note: 'Input must be a string or a list of strings; token arrays are rejected.', source: EMBEDDING },
    images: { support: 'no', note: 'Image generation is on the native DashScope API, not the compatible mode.', source: COMPAT },
    audio: { support: 'no', note: 'Speech models are on the native DashScope API, not the compatible mode.', source: COMPAT },
    moderations: { support: 'no', source: COMPAT },
    files: { support: 'partial', note: 'Files exist for the OpenAI-compatible Batch API.', source: BILLING },
    batch: { support: 'yes', note: 'Batch costs 50% of real-time for qwen-max/plus/turbo.', source: BILLING },
    fineTuning: { support: 'no', source: COMPAT },
    responses: { support: 'yes', note: 'POST /compatible-mode/v1/responses (reasoning.effort).', source: MODELS_DEV },
    assistants: { support: 'unknown' },
    vectorStores: { support: 'no', source: COMPAT },
    realtime: { support: 'no', source: COMPAT },
  },
  chatModels: [
    {
      id: 'qwen3.8-max',
      tier: 'flagship',
      contextWindow: 1000000,
      maxOutput: 131072,
      limits: evidence(MODEL_BANK, MODEL_BANK_DATE),
      vision: true,
      thinking: 'always',
      released: '2026-08-02',
      price: cny(12, 36, 1.5, MODEL_BANK_DATE, MODEL_BANK),
      unverified: ['thinking-only: said by a third-party host (Venice), not read on an Alibaba page'],
    },
    {
      id: 'qwen3.7-max',
      tier: 'flagship',
      contextWindow: 1000000,
      maxOutput: 65536,
      limits: evidence(MODEL_BANK, MODEL_BANK_DATE),
      thinking: 'optional',
      released: '2026-05-20',
      price: cny(12, 36, 2.4, MODEL_BANK_DATE, MODEL_BANK),
    },
    {
      id: 'qwen3-max',
      tier: 'flagship',
      contextWindow: 262144,
      maxOutput: 65536,
      limits: evidence(MODEL_BANK, MODEL_BANK_DATE),
      thinking: 'optional',
      released: '2026-01-23',
      status: 'deprecated',
      lifecycle: evidence(APIYI_OFFLINE, REVIEWED, {
        note: 'a gateway that passes Model Studio through removed it with the 2026-10-10 retirements; Alibaba’s notice does not list it (unverified), so it is not a target',
      }),
      price: {
        ...cny(2.5, 10, 0.5, MODEL_BANK_DATE, MODEL_BANK),
        tiers: [
          { maxInputTokens: 32768, input: 2.5, output: 10, cachedInput: 0.5 },
          { maxInputTokens: 131072, input: 4, output: 16 },
          { maxInputTokens: 262144, input: 7, output: 28 },
        ],
      },
    },
    {
      id: 'qwen-max',
      tier: 'flagship',
      contextWindow: 32768,
      maxOutput: 8192,
      limits: evidence(DIFY, '2026-04-13', { note: 'model-bank lists 131,072; LiteLLM 30,720. The smallest is kept.' }),
      released: '2025-01-25',
      price: cny(2.4, 9.6, 0.48, MODEL_BANK_DATE, MODEL_BANK),
      note: 'Stable alias of the Qwen2.5-Max snapshot; small context for a 2026 migration.',
    },
    {
      id: 'qwen3.7-plus',
      tier: 'balanced',
      contextWindow: 1000000,
      maxOutput: 65536,
      limits: evidence(MODEL_BANK, MODEL_BANK_DATE),
      vision: true,
      thinking: 'optional',
      released: '2026-06-01',
      price: cny(2, 8, 0.4, MODEL_BANK_DATE, MODEL_BANK),
    },
    {
      id: 'qwen-plus',
      tier: 'balanced',
      contextWindow: 1000000,
      maxOutput: 32768,
      limits: evidence(MODEL_BANK, MODEL_BANK_DATE),
      thinking: 'optional',
      released: '2025-07-28',
      price: { ...cny(0.8, 2, 0.16, MODEL_BANK_DATE, MODEL_BANK), thinkingOutput: 8, note: 'Up to 128K input; longer prompts are billed at 2.4 (≤256K) and 4.8 (≤1M) input.' },
    },
    {
      id: 'qwen3.8-flash',
      tier: 'cheap',
      contextWindow: 1000000,
      maxOutput: 131072,
      limits: evidence(MODEL_BANK, MODEL_BANK_DATE),
      vision: true,
      thinking: 'optional',
      released: '2026-08-26',
      price: cny(0.8, 2.7, 0.16, MODEL_BANK_DATE, MODEL_BANK),
    },
    {
      id: 'qwen3.7-flash',
      tier: 'cheap',
      contextWindow: 1000000,
      maxOutput: 65536,
      limits: evidence(MODEL_BANK, MODEL_BANK_DATE),
      vision: true,
      thinking: 'optional',
      released: '2026-07-21',
      price: {
        ...cny(0.2, 0.8, 0.04, MODEL_BANK_DATE, MODEL_BANK),
        tiers: [
          { maxInputTokens: 32000, input: 0.2, output: 0.8, cachedInput: 0.04 },
          { maxInputTokens: 256000, input: 0.6, output: 2.4, cachedInput: 0.12 },
          { maxInputTokens: 1000000, input: 1.2, output: 4.8, cachedInput: 0.24 },
        ],
      },
    },
    {
      id: 'qwen-flash',
      tier: 'cheap',
      contextWindow: 1000000,
      maxOutput: 32768,
      limits: evidence(MODEL_BANK, MODEL_BANK_DATE),
      thinking: 'optional',
      released: '2025-07-28',
      price: {
        ...cny(0.15, 1.5, 0.03, MODEL_BANK_DATE, MODEL_BANK),
        tiers: [
          { maxInputTokens: 131072, input: 0.15, output: 1.5, cachedInput: 0.03 },
          { maxInputTokens: 262144, input: 0.6, output: 6 },
          { maxInputTokens: 1000000, input: 1.2, output: 12 },
        ],
      },
      note: 'Successor of qwen-turbo.',
    },
    {
      id: 'qwen3-vl-plus',
      tier: 'vision',
      contextWindow: 262144,
      maxOutput: 32768,
      limits: evidence(MODEL_BANK, MODEL_BANK_DATE),
      vision: true,
      thinking: 'optional',
      released: '2025-09-23',
      price: {
        ...cny(1, 10, null, MODEL_BANK_DATE, MODEL_BANK),
        tiers: [
          { maxInputTokens: 32000, input: 1, output: 10 },
          { maxInputTokens: 128000, input: 1.5, output: 15 },
          { maxInputTokens: 262144, input: 3, output: 30 },
        ],
      },
    },
    { id: 'qwen-long', tier: 'long', contextWindow: 10000000, maxOutput: 32768, limits: evidence(MODEL_BANK, MODEL_BANK_DATE), price: cny(0.5, 2, null, MODEL_BANK_DATE, MODEL_BANK) },
    {
      id: 'qwen3-coder-plus',
      tier: 'code',
      contextWindow: 1000000,
      maxOutput: 65536,
      limits: evidence(MODEL_BANK, MODEL_BANK_DATE),
      status: 'deprecated',
      lifecycle: evidence(APIYI_OFFLINE, REVIEWED, { note: 'removed by a pass-through gateway with the 2026-10-10 retirements; not in Alibaba’s notice (unverified)' }),
      price: { ...cny(4, 16, 0.8, MODEL_BANK_DATE, MODEL_BANK), note: 'Price for prompts up to 32K tokens.' },
    },
    ...['qwen-turbo', 'qwq-plus', 'qwen-vl-max', 'qwen-vl-plus', 'qvq-max'].map((id) => retired(id)),
  ],
  embeddingModels: [
    {
      id: 'text-embedding-v4',
      dimensions: 1024,
      dimensionOptions: [2048, 1536, 1024, 768, 512, 256, 128, 64],
      dimensionsParam: 'yes',
      maxBatch: 10,
      maxInputTokens: 8192,
      price: cny(0.5, 0, null, '2026-08', DIFY),
      note: 'The default of 1024 comes from a third-party page; send `dimensions` explicitly.',
    },
    {
      id: 'text-embedding-v3',
      dimensions: 1024,
      dimensionOptions: [1024, 768, 512],
      dimensionsParam: 'unknown',
      maxBatch: 10,
      maxInputTokens: 8192,
      price: cny(0.7, 0, null, '2026-08', DIFY),
    },
  ],
  // Embeddings by hand: text-embedding-v4 is the only model with OpenAI's 1536 (and 2048 is its largest).
  tierOverrides: { embeddingSmall: 'text-embedding-v4', embeddingLarge: 'text-embedding-v4' },
  quirks: [
    { id: 'thinkingModelsStreamOnly', message: 'QwQ and other thinking-only models answer only when stream: true.', source: CHAT_API },
    { id: 'jsonModeNeedsWord', message: 'response_format json_object requires the word "JSON" in the messages.', source: JSON_MODE },
    {
      id: 'cacheDiscount',
      message: 'Implicit-cache hits are billed at 20% of the input price; explicit-cache hits at 10%, and creating an explicit cache costs 125%.',
      source: CONTEXT_CACHE,
    },
  ],
};

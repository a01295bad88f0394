/**
 * Alibaba Cloud Model Studio (Bailian) / DashScope, OpenAI-compatible mode.
 * Facts from ../shared/providers.md §4.1, each re-linked to its source below.
 */
import type { ProviderInput } from '../schema.js';

const COMPAT = 'https://www.alibabacloud.com/help/en/model-studio/compatibility-of-openai-with-dashscope';
const CHAT_API = 'https://www.alibabacloud.com/help/en/model-studio/qwen-api-via-openai-chat-completions';
const JSON_MODE = 'https://www.alibabacloud.com/help/en/model-studio/json-mode';
const STRUCTURED = 'https://www.alibabacloud.com/help/en/model-studio/qwen-structured-output';
const BILLING = 'https://www.alibabacloud.com/help/en/model-studio/billing-for-model-studio';
const EMBEDDING = 'https://help.aliyun.com/zh/dashscope/developer-reference/openai-embedding-interface';
const MODEL_BANK = 'https://github.com/lobehub/lobehub/blob/main/packages/model-bank/src/aiModels/qwen.ts';
const DIFY = 'https://github.com/langgenius/dify-official-plugins/tree/main/models/tongyi';
const MODELS_DEV = 'https://github.com/anomalyco/models.dev/tree/dev/providers/alibaba-cn';
const LITELLM = 'https://github.com/BerriAI/litellm/blob/main/model_prices_and_context_window.json';

const cny = (input: number, output: number, cachedInput: number | null, asOf: string, source: string) =>
  ({ currency: 'CNY', input, output, cachedInput, asOf, source }) as const;

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
  asOf: '2026-09-27',
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
    { id: 'qwen-max', tier: 'flagship', contextWindow: 32768, price: cny(2.4, 9.6, 0.48, '2026-09', MODEL_BANK), note: 'Stable alias (Qwen2.5-Max snapshot).' },
    {
      id: 'qwen3-max',
      tier: 'flagship',
      contextWindow: 262144,
      thinking: 'optional',
      price: {
        ...cny(2.5, 10, 0.5, '2026-09', MODEL_BANK),
        tiers: [
          { maxInputTokens: 32768, input: 2.5, output: 10, cachedInput: 0.5 },
          { maxInputTokens: 131072, input: 4, output: 16 },
          { maxInputTokens: 262144, input: 7, output: 28 },
        ],
      },
    },
    {
      id: 'qwen-plus',
      tier: 'balanced',
      contextWindow: 1000000,
      thinking: 'optional',
      price: { ...cny(0.8, 2, 0.16, '2026-09', MODEL_BANK), thinkingOutput: 8, note: 'Up to 128K input; longer prompts are billed at 2.4 (≤256K) and 4.8 (≤1M) input.' },
    },
    {
      id: 'qwen-flash',
      tier: 'cheap',
      contextWindow: 1000000,
      thinking: 'optional',
      price: {
        ...cny(0.15, 1.5, 0.03, '2026-09', MODEL_BANK),
        tiers: [
          { maxInputTokens: 131072, input: 0.15, output: 1.5, cachedInput: 0.03 },
          { maxInputTokens: 262144, input: 0.6, output: 6 },
          { maxInputTokens: 1000000, input: 1.2, output: 12 },
        ],
      },
      note: 'Successor of qwen-turbo (released 2025-07-28).',
    },
    { id: 'qwen-turbo', tier: 'cheap', contextWindow: 1000000, thinking: 'optional', price: { ...cny(0.3, 0.6, null, '2025-07', MODELS_DEV), thinkingOutput: 3 }, deprecated: 'No longer updated; Alibaba recommends qwen-flash.' },
    { id: 'qwq-plus', tier: 'reasoning', contextWindow: 131072, thinking: 'always', price: cny(1.6, 4, null, '2026-09', MODEL_BANK), note: 'Thinking-only; answers only over streaming.' },
    { id: 'qwen-vl-max', tier: 'vision', contextWindow: 131072, vision: true, price: cny(1.6, 4, 0.32, '2026-09', MODEL_BANK) },
    { id: 'qwen-vl-plus', tier: 'vision', contextWindow: 131072, vision: true, price: cny(0.8, 2, 0.16, '2026-09', MODEL_BANK) },
    { id: 'qwen-long', tier: 'long', contextWindow: 10000000, price: cny(0.5, 2, null, '2026-09', MODEL_BANK) },
    { id: 'qwen3-coder-plus', tier: 'code', contextWindow: 1000000, price: cny(4, 16, 0.8, '2026-09', MODEL_BANK), note: 'Price for prompts up to 32K tokens.' },
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
  modelMap: {
    flagship: 'qwen-max',
    balanced: 'qwen-plus',
    cheap: 'qwen-flash',
    reasoning: 'qwq-plus',
    reasoningSmall: 'qwq-plus',
    vision: 'qwen-vl-max',
    embeddingSmall: 'text-embedding-v4',
    embeddingLarge: 'text-embedding-v4',
    legacyCompletion: 'none',
    image: 'none',
    transcription: 'none',
    speech: 'none',
    moderation: 'none',
    realtime: 'none',
    video: 'none',
  },
  quirks: [
    { id: 'thinkingModelsStreamOnly', message: 'QwQ and other thinking-only models answer only when stream: true.', source: CHAT_API },
    { id: 'jsonModeNeedsWord', message: 'response_format json_object requires the word "JSON" in the messages.', source: JSON_MODE },
    { id: 'cacheDiscount', message: 'A context-cache hit is billed at 40% of the input price on most models.', source: BILLING },
  ],
};

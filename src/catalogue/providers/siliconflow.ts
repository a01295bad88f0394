/**
 * SiliconFlow (SiliconCloud), a host for open models. Facts from ../shared/providers.md §4.8,
 * each re-linked to its source below. Model ids are org/model; a Pro/ prefix is the paid variant.
 */
import type { ProviderInput } from '../schema.js';
import { evidence, MODEL_BANK_DATE, modelBank } from './facts.js';

const CHAT_API = 'https://docs.siliconflow.cn/cn/api-reference/chat-completions/chat-completions';
const EMBEDDINGS_API = 'https://docs.siliconflow.cn/api-reference/embeddings/create-embeddings';
const LLMS_FULL = 'https://docs.siliconflow.cn/llms-full.txt';
const PRICING = 'https://siliconflow.cn/pricing';
const MODEL_BANK = modelBank('siliconcloud');
const DIFY = 'https://github.com/langgenius/dify-official-plugins/tree/7af22831/models/siliconflow';
const MODELS_DEV_CN = 'https://github.com/anomalyco/models.dev/tree/f3fc6922/providers/siliconflow-cn';
const MODELS_DEV_INTL = 'https://github.com/anomalyco/models.dev/tree/f3fc6922/providers/siliconflow';

const cny = (input: number, output: number, cachedInput: number | null, asOf: string, source: string) =>
  ({ currency: 'CNY', input, output, cachedInput, checkedOn: asOf, source }) as const;

export const siliconflow: ProviderInput = {
  id: 'siliconflow',
  name: { en: 'SiliconFlow (SiliconCloud)', zh: '硅基流动' },
  website: 'https://siliconflow.cn',
  docs: { openaiCompatibility: CHAT_API, pricing: PRICING, models: 'https://cloud.siliconflow.com/models' },
  regions: [
    { id: 'cn', label: 'China', baseURL: 'https://api.siliconflow.cn/v1', default: true, source: MODELS_DEV_CN },
    { id: 'intl', label: 'International', baseURL: 'https://api.siliconflow.com/v1', source: MODELS_DEV_INTL },
  ],
  apiKeyEnv: 'SILICONFLOW_API_KEY',
  baseUrlEnv: 'SILICONFLOW_BASE_URL',
  apiKeyEnvNote: 'models.dev uses SILICONFLOW_API_KEY for siliconflow.com and SILICONFLOW_CN_API_KEY for siliconflow.cn.',
  checkedOn: '2026-12-06',
  features: {
    streaming: { support: 'yes', source: CHAT_API },
    streamOptions: { support: 'unknown' },
    tools: { support: 'partial', note: 'Per model (LobeChat marks function calling on many, not all).', source: MODEL_BANK },
    toolChoice: { support: 'unknown' },
    parallelToolCalls: { support: 'unknown' },
    jsonObject: { support: 'yes', note: 'JSON mode is documented; support still varies by model.', source: LLMS_FULL },
    jsonSchema: { support: 'unknown' },
    parse: { support: 'unknown' },
    vision: { support: 'partial', note: 'Only VL models accept image parts.', source: MODEL_BANK },
    multipleChoices: { support: 'unknown' },
    logprobs: { support: 'unknown' },
    seed: { support: 'unknown' },
    logitBias: { support: 'unknown' },
    temperature: { support: 'unknown' },
    maxCompletionTokens: { support: 'unknown' },
    thinking: {
      support: 'yes',
      values: ['enable_thinking', 'thinking_budget', 'reasoning_effort'],
      note: 'enable_thinking only on listed models; thinking_budget 128–32768; reasoning_effort (high|max) only for DeepSeek-V4-Flash.',
      source: MODELS_DEV_CN,
    },
    reasoningContent: { support: 'yes', note: 'Thinking is returned in reasoning_content.', source: CHAT_API },
    embeddings: { support: 'yes', source: EMBEDDINGS_API },
    images: { support: 'yes', note: '/images/generations.', source: LLMS_FULL },
    audio: { support: 'yes', note: '/audio/speech and /audio/transcriptions.', source: LLMS_FULL },
    moderations: { support: 'unknown' },
    files: { support: 'yes', source: LLMS_FULL },
    batch: { support: 'yes', note: '/v1/batches (create, get, list, cancel).', source: LLMS_FULL },
    fineTuning: { support: 'unknown' },
    responses: { support: 'unknown' },
    assistants: { support: 'no', note: 'Not in the API reference’s endpoint list.', source: LLMS_FULL },
    vectorStores: { support: 'unknown' },
    realtime: { support: 'unknown' },
  },
  chatModels: [
    { id: 'zai-org/GLM-5.2', tier: 'flagship', contextWindow: 1048576, limits: evidence(MODEL_BANK, MODEL_BANK_DATE), thinking: 'optional', released: '2026-06-17', price: cny(8, 28, 2, MODEL_BANK_DATE, MODEL_BANK) },
    { id: 'deepseek-ai/DeepSeek-V4-Pro', tier: 'flagship', contextWindow: 1048576, limits: evidence(MODEL_BANK, MODEL_BANK_DATE), thinking: 'optional', released: '2026-04-24', price: cny(12, 24, 0.1, MODEL_BANK_DATE, MODEL_BANK) },
    {
      id: 'Pro/moonshotai/Kimi-K2.6',
      tier: 'flagship',
      contextWindow: 262144,
      limits: evidence(MODEL_BANK, MODEL_BANK_DATE),
      vision: true,
      thinking: 'optional',
      released: '2026-04-21',
      price: cny(6.5, 27, 1.1, MODEL_BANK_DATE, MODEL_BANK),
    },
    { id: 'deepseek-ai/DeepSeek-V3', tier: 'flagship', contextWindow: 65536, limits: evidence(MODEL_BANK, MODEL_BANK_DATE), released: '2025-01', price: cny(2, 8, null, MODEL_BANK_DATE, MODEL_BANK) },
    { id: 'deepseek-ai/DeepSeek-V4-Flash', tier: 'balanced', contextWindow: 1048576, limits: evidence(MODEL_BANK, MODEL_BANK_DATE), thinking: 'optional', released: '2026-04-24', price: cny(1, 2, 0.02, MODEL_BANK_DATE, MODEL_BANK) },
    { id: 'deepseek-ai/DeepSeek-V3.2', tier: 'balanced', contextWindow: 163840, limits: evidence(MODEL_BANK, MODEL_BANK_DATE), thinking: 'optional', released: '2025-12-01', price: cny(4, 6, 0.4, MODEL_BANK_DATE, MODEL_BANK) },
    { id: 'deepseek-ai/DeepSeek-R1', tier: 'reasoning', contextWindow: 98304, limits: evidence(MODEL_BANK, MODEL_BANK_DATE), thinking: 'always', released: '2025-01', price: cny(4, 16, null, MODEL_BANK_DATE, MODEL_BANK) },
    {
      id: 'deepseek-ai/DeepSeek-R1-0528-Qwen3-8B',
      tier: 'reasoning',
      contextWindow: 131072,
      limits: evidence(MODEL_BANK, MODEL_BANK_DATE),
      thinking: 'always',
      released: '2025-05-28',
      price: cny(0, 0, null, MODEL_BANK_DATE, MODEL_BANK),
      note: 'Free.',
    },
    { id: 'Qwen/Qwen3-8B', tier: 'cheap', contextWindow: 131072, limits: evidence(MODEL_BANK, MODEL_BANK_DATE), thinking: 'optional', released: '2025-04-28', price: cny(0, 0, null, MODEL_BANK_DATE, MODEL_BANK), note: 'Free.' },
    { id: 'Qwen/Qwen2.5-7B-Instruct', tier: 'cheap', contextWindow: 'unknown', released: '2024-09', price: cny(0, 0, null, MODEL_BANK_DATE, MODEL_BANK), note: 'Free; Pro/ variant ¥0.35/¥0.35.' },
    { id: 'THUDM/GLM-4-9B-0414', tier: 'cheap', contextWindow: 32768, limits: evidence(MODEL_BANK, MODEL_BANK_DATE), released: '2025-04-14', price: cny(0, 0, null, MODEL_BANK_DATE, MODEL_BANK), note: 'Free.' },
    { id: 'Qwen/Qwen3-VL-32B-Instruct', tier: 'vision', contextWindow: 262144, limits: evidence(MODEL_BANK, MODEL_BANK_DATE), vision: true, released: '2025-10-21', price: cny(1, 4, null, MODEL_BANK_DATE, MODEL_BANK) },
  ],
  embeddingModels: [
    {
      id: 'Pro/BAAI/bge-m3',
      dimensions: 1024,
      dimensionsParam: 'unknown',
      maxBatch: 'unknown',
      maxInputTokens: 8192,
      price: cny(0.07, 0, null, '2026-08', DIFY),
      note: 'Paid variant of BAAI/bge-m3, whose free price is unverified.',
    },
    {
      id: 'Qwen/Qwen3-Embedding-8B',
      dimensions: 'unknown',
      dimensionsParam: 'unknown',
      maxBatch: 'unknown',
      maxInputTokens: 32768,
      price: cny(0.28, 0, null, '2026-08', DIFY),
      note: 'Qwen3-Embedding supports Matryoshka sizes in general; whether SiliconFlow honours dimensions is unverified.',
    },
  ],
  // bge-m3 (1024-d, 8K tokens) for the small class; Qwen3-Embedding-8B (32K tokens) for the large one.
  tierOverrides: { embeddingSmall: 'Pro/BAAI/bge-m3', embeddingLarge: 'Qwen/Qwen3-Embedding-8B' },
  quirks: [
    { id: 'orgSlashModelIds', message: 'Model ids are org/model (deepseek-ai/DeepSeek-V3); Pro/ selects the paid, higher-rate variant.', source: MODEL_BANK },
    { id: 'separateSites', message: 'siliconflow.cn and siliconflow.com are separate platforms; models.dev configures separate keys for them.', source: MODELS_DEV_INTL },
    { id: 'modelsChangeOften', message: 'SiliconFlow changes its hosted models without fixed notice; check /models before relying on an id.', source: EMBEDDINGS_API },
  ],
};

/**
 * Tencent Hunyuan, OpenAI-compatible endpoint. Facts from ../shared/providers.md §4.6, each
 * re-linked to its source below. Tencent is moving Hunyuan to TokenHub (hy3); the classic
 * endpoint's model line-up in 2026 is not confirmed by any source read here.
 */
import type { ProviderInput } from '../schema.js';
import { evidence, MODEL_BANK_DATE, modelBank, REVIEWED } from './facts.js';

const COMPAT = 'https://cloud.tencent.com/document/product/1729/111007';
const NATIVE_CHAT = 'https://cloud.tencent.com/document/api/1729/101837';
const NATIVE_EMBEDDING = 'https://cloud.tencent.com/document/product/1729/102832';
const PRICING = 'https://cloud.tencent.com/document/product/1729/97731';
const MODELS = 'https://cloud.tencent.com/document/product/1729/104753';
const AIART = 'https://cloud.tencent.com/document/product/1668/129429';
const LOBE_2025 = 'https://github.com/lobehub/lobe-chat/blob/0737d9a2/src/config/aiModels/hunyuan.ts';
const MODEL_BANK = modelBank('hunyuan');
const TOKENHUB_MODELS = 'https://cloud.tencent.com/document/product/1823/132252';
const DIFY = 'https://github.com/langgenius/dify-official-plugins/tree/7af22831/models/hunyuan';
const ONE_API_RATIO = 'https://github.com/songquanpeng/one-api/blob/8df4a267/relay/billing/ratio/model.go';

const cny = (input: number, output: number, cachedInput: number | null, asOf: string, source: string) =>
  ({ currency: 'CNY', input, output, cachedInput, checkedOn: asOf, source }) as const;

export const hunyuan: ProviderInput = {
  id: 'hunyuan',
  name: { en: 'Tencent Hunyuan', zh: '腾讯混元' },
  website: 'https://cloud.tencent.com/product/hunyuan',
  docs: { openaiCompatibility: COMPAT, pricing: PRICING, models: MODELS },
  regions: [
    { id: 'cn', label: 'China', baseURL: 'https://api.hunyuan.cloud.tencent.com/v1', default: true, source: COMPAT },
    {
      id: 'tokenhub',
      label: 'Tencent TokenHub (2026; hosts hy3 and third-party models; separate API key)',
      baseURL: 'https://tokenhub.tencentmaas.com/v1',
      source: MODEL_BANK,
    },
  ],
  apiKeyEnv: 'HUNYUAN_API_KEY',
  baseUrlEnv: 'HUNYUAN_BASE_URL',
  apiKeyEnvNote: 'Used in Tencent’s own OpenAI-SDK samples. TokenHub keys are separate (models.dev: TENCENT_TOKENHUB_API_KEY).',
  checkedOn: '2026-12-06',
  features: {
    streaming: { support: 'yes', source: COMPAT },
    streamOptions: { support: 'unknown' },
    tools: { support: 'yes', note: 'turbo, turbos, large, lite, standard, t1 and hunyuan-functioncall.', source: DIFY },
    streamingTools: { support: 'yes', note: 'dify declares stream-tool-call for the Hunyuan chat models.', source: DIFY },
    toolChoice: { support: 'unknown' },
    parallelToolCalls: { support: 'yes', note: 'dify declares multi-tool-call; the parallel_tool_calls parameter itself is unverified.', source: DIFY },
    jsonObject: { support: 'unknown' },
    jsonSchema: { support: 'unknown' },
    parse: { support: 'unknown' },
    vision: { support: 'partial', note: 'hunyuan-vision, -turbos-vision, -lite-vision, -standard-vision; text models reject image parts.', source: LOBE_2025 },
    multipleChoices: { support: 'unknown' },
    logprobs: { support: 'unknown' },
    seed: { support: 'unknown' },
    logitBias: { support: 'unknown' },
    temperature: {
      support: 'partial',
      min: 0,
      max: 2,
      note: 'Range documented for the native API (Tencent advises leaving it unchanged); not restated for the OpenAI endpoint.',
      source: NATIVE_CHAT,
    },
    maxCompletionTokens: { support: 'unknown' },
    thinking: { support: 'unknown', note: 'hunyuan-t1 is thinking-only; no documented switch on the classic endpoint.' },
    reasoningContent: { support: 'unknown', note: 'TokenHub returns reasoning_content (models.dev); the classic endpoint is unverified.' },
    embeddings: {
      support: 'unknown',
      note: 'hunyuan-embedding exists on the native API; /v1/embeddings on the OpenAI endpoint is only listed by third parties.',
    },
    images: { support: 'no', note: 'Image generation is a separate aiart API (api.cloudai.tencent.com), not /images/generations.', source: AIART },
    audio: { support: 'unknown' },
    moderations: { support: 'unknown' },
    files: { support: 'unknown' },
    batch: { support: 'unknown' },
    fineTuning: { support: 'unknown' },
    responses: { support: 'unknown' },
    assistants: { support: 'unknown', note: 'The native API has threads; no OpenAI Assistants API (unverified).' },
    vectorStores: { support: 'unknown' },
    realtime: { support: 'unknown' },
  },
  chatModels: [
    {
      id: 'hunyuan-2.0-thinking-20251109',
      tier: 'flagship',
      contextWindow: 192000,
      maxOutput: 64000,
      limits: evidence(MODEL_BANK, MODEL_BANK_DATE),
      thinking: 'always',
      released: '2025-11-09',
      price: {
        ...cny(3.975, 15.9, null, MODEL_BANK_DATE, MODEL_BANK),
        tiers: [
          { maxInputTokens: 32000, input: 3.975, output: 15.9 },
          { maxInputTokens: 192000, input: 5.3, output: 21.2 },
        ],
      },
      unverified: ['served on the classic api.hunyuan.cloud.tencent.com endpoint (LobeChat lists it; Tencent’s endpoint model list was not read)'],
    },
    {
      id: 'hunyuan-2.0-instruct-20251111',
      tier: 'balanced',
      contextWindow: 128000,
      maxOutput: 32000,
      limits: evidence(MODEL_BANK, MODEL_BANK_DATE),
      released: '2025-11-11',
      price: {
        ...cny(3.18, 7.95, null, MODEL_BANK_DATE, MODEL_BANK),
        tiers: [
          { maxInputTokens: 32000, input: 3.18, output: 7.95 },
          { maxInputTokens: 128000, input: 4.505, output: 11.13 },
        ],
      },
      unverified: ['served on the classic endpoint (as above)'],
    },
    {
      id: 'hy3',
      tier: 'flagship',
      contextWindow: 256000,
      maxOutput: 128000,
      limits: evidence(TOKENHUB_MODELS, REVIEWED, { note: 'TokenHub lists hy3-preview at 256K context, 192K input, 128K output.' }),
      thinking: 'optional',
      released: '2026-07-06',
      regions: ['tokenhub'],
      price: cny(1, 4, 0.25, MODEL_BANK_DATE, MODEL_BANK),
      note: 'TokenHub only (region tokenhub, separate key): never chosen for the classic endpoint.',
    },
    { id: 'hunyuan-turbo-latest', tier: 'flagship', contextWindow: 32000, limits: evidence(LOBE_2025, '2025-04'), released: '2024-12-23', price: cny(2.4, 9.6, null, '2025-04', LOBE_2025), note: 'hunyuan-turbo was ¥15/¥50 in 2024 (dify).' },
    { id: 'hunyuan-turbos-latest', tier: 'balanced', contextWindow: 32000, limits: evidence(LOBE_2025, '2025-04'), released: '2025-03', price: cny(0.8, 2, null, '2025-04', LOBE_2025) },
    { id: 'hunyuan-lite', tier: 'cheap', contextWindow: 256000, limits: evidence(LOBE_2025, '2025-04'), released: '2024-10', price: cny(0, 0, null, '2025-04', LOBE_2025), note: 'Free.' },
    { id: 'hunyuan-t1-latest', tier: 'reasoning', contextWindow: 92000, maxOutput: 64000, limits: evidence(LOBE_2025, '2025-04'), thinking: 'always', released: '2025-03', price: cny(1, 4, null, '2025-04', LOBE_2025) },
    { id: 'hunyuan-vision', tier: 'vision', contextWindow: 12000, limits: evidence(LOBE_2025, '2025-04'), vision: true, price: cny(18, 18, null, '2025-04', LOBE_2025) },
    { id: 'hunyuan-turbos-vision', tier: 'vision', contextWindow: 8000, limits: evidence(LOBE_2025, '2025-04'), vision: true, released: '2025-04', price: cny(3, 9, null, '2025-04', LOBE_2025) },
  ],
  embeddingModels: [
    {
      id: 'hunyuan-embedding',
      dimensions: 1024,
      dimensionsParam: 'unknown',
      maxBatch: 'unknown',
      maxInputTokens: 1024,
      price: cny(0.7, 0, null, '2025-02', ONE_API_RATIO),
      note: `1024-d and 1024 input tokens per the native GetEmbedding API (${NATIVE_EMBEDDING}), which takes one text per call; the OpenAI-compatible path is unverified.`,
    },
  ],
  tierOverrides: { embeddingSmall: 'hunyuan-embedding', embeddingLarge: 'hunyuan-embedding' },
  quirks: [
    { id: 'concurrencyLimit', message: 'Accounts get 5 concurrent requests by default, shared by sub-accounts.', source: COMPAT },
    {
      id: 'messageAlternation',
      message: 'The native API requires user/assistant alternation starting and ending with user (≤40 messages); unverified for the OpenAI endpoint.',
      source: NATIVE_CHAT,
    },
    { id: 'enableEnhancement', message: 'Tencent’s samples pass the non-OpenAI enable_enhancement flag through extra_body.', source: COMPAT },
  ],
};

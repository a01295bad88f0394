/**
 * Baidu AI Cloud Qianfan (ERNIE), OpenAI-compatible v2 API. Facts from ../shared/providers.md §4.5,
 * each re-linked to its source below.
 */
import type { ProviderInput } from '../schema.js';
import { evidence, MODEL_BANK_DATE, modelBank, REVIEWED } from './facts.js';

const COMPAT = 'https://cloud.baidu.com/doc/WENXINWORKSHOP/s/2m3fihw8s';
const PRICING = 'https://cloud.baidu.com/doc/WENXINWORKSHOP/s/hlrk4akp7';
const LOBE_2025 = 'https://github.com/lobehub/lobe-chat/blob/0316dcfa/src/config/aiModels/wenxin.ts';
const MODEL_BANK = modelBank('wenxin');
// Baidu's own pages: the prompt-cache notice (current ernie-4.0-turbo-8k price) and the model limits table.
const PROMPT_CACHE = 'https://ai.baidu.com/ai-doc/WENXINWORKSHOP/Rm6uq7jy9';
const MODEL_LIMITS = 'https://ai.baidu.com/ai-doc/WENXINWORKSHOP/Jlugqd6pw';
const DIFY = 'https://github.com/langgenius/dify-official-plugins/tree/7af22831/models/wenxin';
const ONE_API_MODELS = 'https://github.com/songquanpeng/one-api/blob/8df4a267/relay/adaptor/baiduv2/constants.go';

const cny = (input: number, output: number, cachedInput: number | null, asOf: string, source: string) =>
  ({ currency: 'CNY', input, output, cachedInput, checkedOn: asOf, source }) as const;

export const qianfan: ProviderInput = {
  id: 'qianfan',
  name: { en: 'Baidu AI Cloud Qianfan (ERNIE)', zh: '百度智能云千帆 · 文心' },
  website: 'https://cloud.baidu.com/product/wenxinworkshop',
  docs: { openaiCompatibility: COMPAT, pricing: PRICING },
  regions: [{ id: 'cn', label: 'China', baseURL: 'https://qianfan.baidubce.com/v2', default: true, source: COMPAT }],
  apiKeyEnv: 'QIANFAN_API_KEY',
  baseUrlEnv: 'QIANFAN_BASE_URL',
  apiKeyEnvNote:
    'Convention, not in official text. The key is the console API Key (bce-v3/ALTAK-…); the native qianfan SDK uses AK/SK variables instead.',
  checkedOn: '2026-12-06',
  features: {
    streaming: { support: 'yes', source: COMPAT },
    streamOptions: { support: 'unknown' },
    tools: {
      support: 'partial',
      note: 'LobeChat marks function calling on ernie-4.0/3.5/4.5-turbo; dify’s plugin declares none, so it is per model.',
      source: MODEL_BANK,
    },
    toolChoice: { support: 'unknown' },
    parallelToolCalls: { support: 'unknown' },
    jsonObject: { support: 'yes', note: 'ernie-4.x and ernie-3.5 (dify exposes response_format).', source: DIFY },
    jsonSchema: { support: 'unknown' },
    parse: { support: 'unknown' },
    vision: { support: 'partial', note: 'ernie-4.5-8k-preview, ernie-4.5-*-vl and ernie-5.0; text models reject image parts.', source: MODEL_BANK },
    multipleChoices: { support: 'unknown' },
    logprobs: { support: 'unknown' },
    seed: { support: 'unknown' },
    logitBias: { support: 'unknown' },
    temperature: { support: 'unknown' },
    maxCompletionTokens: { support: 'unknown' },
    thinking: { support: 'unknown', note: 'ernie-x1* are thinking-only models; no documented thinking switch.' },
    reasoningContent: { support: 'unknown' },
    embeddings: { support: 'yes', note: 'POST /v2/embeddings (dify’s wenxin plugin uses the v2 base).', source: DIFY },
    images: { support: 'unknown', note: 'LobeChat lists image models under wenxin; the endpoint is unverified.' },
    audio: { support: 'no', note: 'The compatibility page covers chat models only.', source: COMPAT },
    moderations: { support: 'unknown' },
    files: { support: 'no', note: 'The compatibility page covers chat models only.', source: COMPAT },
    batch: {
      support: 'partial',
      note: 'Batch inference runs through the platform OpenAPI with AK/SK signing, not OpenAI’s /batches.',
      source: COMPAT,
    },
    fineTuning: { support: 'unknown', note: 'The platform has SFT, but not through an OpenAI-compatible API as far as sources show.' },
    responses: { support: 'unknown' },
    assistants: { support: 'unknown', note: 'Not offered as far as the sources show (unverified).' },
    vectorStores: { support: 'unknown' },
    realtime: { support: 'unknown' },
  },
  chatModels: [
    {
      id: 'ernie-5.1',
      tier: 'flagship',
      contextWindow: 131072,
      maxOutput: 65536,
      limits: evidence(MODEL_BANK, MODEL_BANK_DATE),
      thinking: 'optional',
      released: '2026-05-09',
      price: {
        ...cny(4, 18, null, MODEL_BANK_DATE, MODEL_BANK),
        tiers: [
          { maxInputTokens: 32000, input: 4, output: 18 },
          { maxInputTokens: 128000, input: 6, output: 22 },
        ],
      },
    },
    {
      id: 'ernie-5.0',
      tier: 'flagship',
      contextWindow: 131072,
      maxOutput: 65536,
      limits: evidence(MODEL_BANK, MODEL_BANK_DATE),
      vision: true,
      thinking: 'optional',
      released: '2026-03-05',
      price: { ...cny(6, 24, null, MODEL_BANK_DATE, MODEL_BANK), note: 'Price for ≤32K input; longer prompts cost more.' },
    },
    {
      id: 'ernie-4.0-turbo-8k',
      tier: 'flagship',
      contextWindow: 8192,
      maxOutput: 2048,
      limits: evidence(MODEL_LIMITS, REVIEWED, { note: 'At most 5,120 input tokens and 2,048 output tokens.' }),
      released: '2024-06',
      price: cny(3, 9, 1.2, REVIEWED, PROMPT_CACHE),
      note: 'Baidu’s prompt-cache notice lists ¥0.003 / ¥0.009 per 1K (¥3 / ¥9 per 1M), cache hits ¥0.0012 per 1K.',
    },
    { id: 'ernie-4.0-8k', tier: 'flagship', contextWindow: 8192, maxOutput: 2048, limits: evidence(MODEL_LIMITS, REVIEWED), released: '2024-03', price: cny(30, 90, null, '2025-04', LOBE_2025) },
    {
      id: 'ernie-4.5-turbo-128k',
      tier: 'balanced',
      contextWindow: 131072,
      maxOutput: 12288,
      limits: evidence(MODEL_BANK, MODEL_BANK_DATE),
      released: '2025-04',
      price: cny(0.8, 3.2, 0.2, MODEL_BANK_DATE, MODEL_BANK),
    },
    { id: 'ernie-4.5-turbo-32k', tier: 'balanced', contextWindow: 32768, maxOutput: 12288, limits: evidence(MODEL_BANK, MODEL_BANK_DATE), released: '2025-04', price: cny(0.8, 3.2, 0.2, MODEL_BANK_DATE, MODEL_BANK) },
    { id: 'ernie-3.5-8k', tier: 'balanced', contextWindow: 8192, maxOutput: 2048, limits: evidence(MODEL_LIMITS, REVIEWED), released: '2024-03', price: cny(0.8, 2, null, '2025-04', LOBE_2025), note: 'ernie-3.5-128k costs the same.' },
    { id: 'ernie-speed-128k', tier: 'cheap', contextWindow: 128000, limits: evidence(LOBE_2025, '2025-04'), released: '2024-05', price: cny(0, 0, null, '2025-04', LOBE_2025), note: 'Free.' },
    { id: 'ernie-lite-8k', tier: 'cheap', contextWindow: 8192, limits: evidence(LOBE_2025, '2025-04'), released: '2024-05', price: cny(0, 0, null, '2025-04', LOBE_2025), note: 'Free.' },
    { id: 'ernie-4.5-turbo-vl', tier: 'vision', contextWindow: 131072, maxOutput: 16384, limits: evidence(MODEL_BANK, MODEL_BANK_DATE), vision: true, released: '2025-04', price: cny(3, 9, 0.75, MODEL_BANK_DATE, MODEL_BANK) },
    { id: 'ernie-4.5-8k-preview', tier: 'vision', contextWindow: 8192, limits: evidence(LOBE_2025, '2025-04'), vision: true, preview: true, price: cny(4, 16, null, '2025-04', LOBE_2025) },
    { id: 'ernie-x1.1', tier: 'reasoning', contextWindow: 65536, maxOutput: 65536, limits: evidence(MODEL_BANK, MODEL_BANK_DATE), thinking: 'always', released: '2025-09', price: cny(1, 4, null, MODEL_BANK_DATE, MODEL_BANK) },
  ],
  embeddingModels: [
    {
      id: 'embedding-v1',
      dimensions: 'unknown',
      dimensionsParam: 'unknown',
      maxBatch: 16,
      maxInputTokens: 384,
      price: cny(0.5, 0, null, '2026-08', DIFY),
      note: '384 dimensions is often quoted but unverified. one-api (2024) priced it at ¥2/1M.',
    },
    {
      id: 'bge-large-zh',
      dimensions: 'unknown',
      dimensionsParam: 'unknown',
      maxBatch: 16,
      maxInputTokens: 512,
      price: cny(0.5, 0, null, '2026-08', DIFY),
      note: 'The open BAAI model is 1024-d; Baidu’s hosted output size is unverified.',
    },
    {
      id: 'tao-8k',
      dimensions: 'unknown',
      dimensionsParam: 'unknown',
      maxBatch: 1,
      maxInputTokens: 8192,
      price: cny(0.5, 0, null, '2026-08', DIFY),
      note: 'One text per request.',
    },
  ],
  // Embedding sizes are unverified for every Qianfan model, so the rule cannot choose: bge-large-zh
  // (512 tokens) for the small class, tao-8k (8K tokens) for the large one, as before.
  tierOverrides: { embeddingSmall: 'bge-large-zh', embeddingLarge: 'tao-8k' },
  quirks: [
    { id: 'bceApiKey', message: 'The Bearer key is the console API Key of the form bce-v3/ALTAK-…/…, not an AK/SK pair.', source: COMPAT },
    { id: 'lowercaseModelIds', message: 'v2 model ids are lowercase (ernie-3.5-8k); v1 names such as ERNIE-3.5-8K do not work.', source: ONE_API_MODELS },
    { id: 'optionalAppidHeader', message: 'An optional appid header (default_headers) bills calls to a V2 application.', source: COMPAT },
  ],
};

/**
 * Volcengine Ark (ByteDance Doubao), OpenAI-compatible v3 API. Facts from ../shared/providers.md
 * §4.11, each re-linked to its source below. Doubao embedding prices are unverified (LiteLLM lists
 * 0), so no embedding model is listed and the embedding tiers map to none.
 */
import type { ProviderInput } from '../schema.js';
import { evidence, MODEL_BANK_DATE, modelBank } from './facts.js';

const SDK_OVERVIEW = 'https://www.volcengine.com/docs/82379/1302007';
const DOC_TREE = 'https://www.volcengine.com/docs/82379/1330626';
const EMBEDDING_API = 'https://www.volcengine.com/docs/82379/1302003';
const PRICING = 'https://www.volcengine.com/docs/82379/1544106';
const MODEL_BANK = modelBank('volcengine');
const DIFY = 'https://github.com/langgenius/dify-official-plugins/tree/7af22831/models/volcengine_maas';
const DIFY_README = 'https://github.com/langgenius/dify-official-plugins/blob/7af22831/models/volcengine/README.md';
const LITELLM = 'https://github.com/RoCry/llm-api-price/blob/8442b939/model_prices_and_context_window.json';
// Third-party gateway docs; the sheet had the BytePlus URL unverified.
const BIFROST_BYTEPLUS = 'https://docs.getbifrost.ai/providers/supported-providers/byteplus';

const cny = (input: number, output: number, cachedInput: number | null, asOf: string, source: string) =>
  ({ currency: 'CNY', input, output, cachedInput, checkedOn: asOf, source }) as const;

/** Seed 2.x input-length bands: ≤32K, ≤128K, ≤256K, as [input, output] per band. */
const bands = (...rows: Array<[number, number]>) => rows.map(([input, output], i) => ({ maxInputTokens: [32000, 128000, 256000][i], input, output }));

export const doubao: ProviderInput = {
  id: 'doubao',
  name: { en: 'Volcengine Ark (ByteDance Doubao)', zh: '火山方舟 · 豆包' },
  website: 'https://www.volcengine.com/product/ark',
  docs: { openaiCompatibility: SDK_OVERVIEW, pricing: PRICING, models: DOC_TREE },
  regions: [
    { id: 'cn', label: 'China (Beijing)', baseURL: 'https://ark.cn-beijing.volces.com/api/v3', default: true, source: SDK_OVERVIEW },
    {
      id: 'intl',
      label: 'BytePlus ModelArk (international; separate account and key)',
      baseURL: 'https://ark.ap-southeast.bytepluses.com/api/v3',
      source: BIFROST_BYTEPLUS,
    },
  ],
  apiKeyEnv: 'ARK_API_KEY',
  baseUrlEnv: 'ARK_BASE_URL',
  apiKeyEnvNote: 'Used in Ark’s public samples. The OpenAI SDK works only with a long-lived Ark API key; AK/SK needs the Volcengine SDK.',
  checkedOn: '2026-12-06',
  features: {
    streaming: { support: 'yes', source: SDK_OVERVIEW },
    streamOptions: { support: 'unknown' },
    tools: { support: 'yes', note: 'Doubao 1.5 and seed models.', source: DIFY },
    toolChoice: { support: 'partial', note: 'LiteLLM marks tool_choice unsupported for doubao-seed-2.0.', source: LITELLM },
    parallelToolCalls: { support: 'yes', note: 'dify declares multi-tool-call for seed-2.0; the parameter itself is unverified.', source: DIFY_README },
    jsonObject: { support: 'yes', source: DOC_TREE },
    jsonSchema: { support: 'partial', note: 'Structured output is documented; dify exposes json_schema for seed-2.0 models.', source: DOC_TREE },
    parse: { support: 'partial', note: '.parse() needs json_schema, which only some models accept.', source: DOC_TREE },
    vision: { support: 'partial', note: 'seed-1.6 / seed-2.x and the *-vision-* models; text models reject image parts.', source: MODEL_BANK },
    multipleChoices: { support: 'unknown' },
    logprobs: { support: 'unknown' },
    seed: { support: 'unknown' },
    logitBias: { support: 'unknown' },
    temperature: { support: 'unknown' },
    maxCompletionTokens: { support: 'unknown' },
    thinking: {
      support: 'yes',
      values: ['thinking.type', 'reasoning_effort'],
      note: 'extra_body thinking: {type: enabled|disabled} on seed models; reasoning_effort on doubao-seed-2-0-lite-260428 (dify).',
      source: DIFY,
    },
    reasoningContent: { support: 'unknown', note: 'Thinking is likely returned as reasoning_content; unverified.' },
    embeddings: {
      support: 'yes',
      note: 'doubao-embedding (2560-d), doubao-embedding-large (2048-d) and others; not listed as models because their prices are unverified.',
      source: EMBEDDING_API,
    },
    images: { support: 'yes', note: 'Seedream models through /images/generations.', source: DOC_TREE },
    audio: { support: 'unknown' },
    moderations: { support: 'unknown' },
    files: { support: 'yes', source: DOC_TREE },
    batch: { support: 'partial', note: 'Native batch chat and batch jobs; whether they follow OpenAI’s /batches shape is unverified.', source: DOC_TREE },
    fineTuning: { support: 'unknown' },
    responses: { support: 'yes', source: DOC_TREE },
    assistants: { support: 'unknown', note: 'Ark offers a Bot API instead (unverified whether an Assistants API exists).' },
    vectorStores: { support: 'unknown' },
    realtime: { support: 'unknown' },
  },
  chatModels: [
    {
      id: 'doubao-seed-2-1-pro-260628',
      tier: 'flagship',
      contextWindow: 256000,
      maxOutput: 128000,
      limits: evidence(MODEL_BANK, MODEL_BANK_DATE),
      vision: true,
      thinking: 'optional',
      released: '2026-06-28',
      price: cny(6, 30, 1.2, MODEL_BANK_DATE, MODEL_BANK),
    },
    {
      id: 'doubao-seed-2-1-turbo-260628',
      tier: 'balanced',
      contextWindow: 256000,
      maxOutput: 128000,
      limits: evidence(MODEL_BANK, MODEL_BANK_DATE),
      vision: true,
      thinking: 'optional',
      released: '2026-06-28',
      price: cny(3, 15, 0.6, MODEL_BANK_DATE, MODEL_BANK),
    },
    {
      id: 'doubao-seed-2-0-pro-260215',
      tier: 'flagship',
      contextWindow: 256000,
      maxOutput: 128000,
      limits: evidence(MODEL_BANK, MODEL_BANK_DATE),
      vision: true,
      thinking: 'optional',
      released: '2026-02-15',
      price: { ...cny(3.2, 16, 0.64, MODEL_BANK_DATE, MODEL_BANK), tiers: bands([3.2, 16], [4.8, 24], [9.6, 48]) },
    },
    {
      id: 'doubao-seed-2-0-lite-260428',
      tier: 'balanced',
      contextWindow: 256000,
      maxOutput: 128000,
      limits: evidence(MODEL_BANK, MODEL_BANK_DATE),
      vision: true,
      thinking: 'optional',
      released: '2026-04-28',
      price: { ...cny(0.6, 3.6, 0.12, MODEL_BANK_DATE, MODEL_BANK), tiers: bands([0.6, 3.6], [0.9, 5.4], [1.8, 10.8]) },
    },
    {
      id: 'doubao-seed-2-0-mini-260428',
      tier: 'cheap',
      contextWindow: 256000,
      maxOutput: 128000,
      limits: evidence(MODEL_BANK, MODEL_BANK_DATE),
      vision: true,
      thinking: 'optional',
      released: '2026-04-28',
      price: { ...cny(0.2, 2, 0.04, MODEL_BANK_DATE, MODEL_BANK), tiers: bands([0.2, 2], [0.4, 4], [0.8, 8]) },
    },
    {
      id: 'doubao-seed-1-6-250615',
      tier: 'flagship',
      contextWindow: 256000,
      maxOutput: 32000,
      limits: evidence(MODEL_BANK, MODEL_BANK_DATE),
      vision: true,
      thinking: 'optional',
      released: '2025-06-15',
      price: {
        ...cny(0.8, 8, 0.16, MODEL_BANK_DATE, MODEL_BANK),
        tiers: [
          { maxInputTokens: 32000, input: 0.8, output: 8, cachedInput: 0.16 },
          { maxInputTokens: 128000, input: 1.2, output: 16, cachedInput: 0.16 },
          { maxInputTokens: 256000, input: 2.4, output: 24, cachedInput: 0.16 },
        ],
        note: 'Replies of ≤200 output tokens with ≤32K input are billed at 2 out; the listed band is for longer replies.',
      },
      unverified: ['price bands read from model-bank; Volcengine’s price page (82379/1544106) was not readable as text here'],
    },
    {
      id: 'doubao-seed-1-6-flash-250615',
      tier: 'cheap',
      contextWindow: 256000,
      maxOutput: 32000,
      limits: evidence(MODEL_BANK, MODEL_BANK_DATE),
      vision: true,
      thinking: 'optional',
      released: '2025-06-15',
      price: { ...cny(0.15, 1.5, 0.03, MODEL_BANK_DATE, MODEL_BANK), note: 'Price for ≤32K input.' },
    },
    {
      id: 'doubao-1-5-pro-32k-250115',
      tier: 'balanced',
      contextWindow: 'unknown',
      released: '2025-01-15',
      price: cny(0.8, 2, null, MODEL_BANK_DATE, MODEL_BANK),
      note: 'Sources disagree on the context (128K in LobeChat, 32K by name and in dify).',
    },
    { id: 'doubao-1-5-lite-32k-250115', tier: 'cheap', contextWindow: 32768, maxOutput: 12288, limits: evidence(MODEL_BANK, MODEL_BANK_DATE), released: '2025-01-15', price: cny(0.3, 0.6, null, MODEL_BANK_DATE, MODEL_BANK) },
  ],
  embeddingModels: [],
  tierOverrides: {},
  quirks: [
    {
      id: 'modelOrEndpointId',
      message: 'model is either a preset model id (doubao-1-5-pro-32k-250115) or an inference endpoint id (ep-…) created in the console.',
      source: DIFY_README,
    },
    { id: 'apiKeyOnly', message: 'The OpenAI SDK path accepts only a long-lived Ark API key, not AK/SK or STS credentials.', source: SDK_OVERVIEW },
    { id: 'tieredPricing', message: 'Seed models are billed by input-length bands (and output length on seed-1.6); the listed price is the cheapest band.', source: MODEL_BANK },
  ],
};

/**
 * iFlytek Spark, OpenAI-compatible HTTP API. Facts from ../shared/providers.md §4.13, each
 * re-linked to its source below. Spark sells token packages; apart from the free lite model the
 * prices are one-api's gateway default (¥0.018 per 1K for every SparkDesk version), not a list price.
 */
import type { ProviderInput } from '../schema.js';

const HTTP_DOC = 'https://www.xfyun.cn/doc/spark/HTTP%E8%B0%83%E7%94%A8%E6%96%87%E6%A1%A3.html';
const PRICING = 'https://xinghuo.xfyun.cn/sparkapi?scr=price';
const ONE_API_RATIO = 'https://github.com/songquanpeng/one-api/blob/main/relay/billing/ratio/model.go';
const ONE_API_MODELS = 'https://github.com/songquanpeng/one-api/tree/main/relay/adaptor/xunfeiv2';
const LOBE_RUNTIME = 'https://github.com/lobehub/lobe-chat/blob/14365bea/packages/model-runtime/src/providers/spark/index.ts';

const cny = (input: number, output: number, cachedInput: number | null, asOf: string, source: string) =>
  ({ currency: 'CNY', input, output, cachedInput, asOf, source }) as const;

const GATEWAY_NOTE = 'one-api gateway default for every Spark version, not an iFlytek list price (Spark sells token packages).';
const gateway = () => ({ ...cny(18, 18, null, '2025-02', ONE_API_RATIO), note: GATEWAY_NOTE });

export const spark: ProviderInput = {
  id: 'spark',
  name: { en: 'iFlytek Spark', zh: '讯飞星火' },
  website: 'https://xinghuo.xfyun.cn',
  docs: { openaiCompatibility: HTTP_DOC, pricing: PRICING },
  regions: [{ id: 'cn', label: 'China', baseURL: 'https://spark-api-open.xf-yun.com/v1', default: true, source: HTTP_DOC }],
  apiKeyEnv: 'SPARK_API_PASSWORD',
  baseUrlEnv: 'SPARK_BASE_URL',
  apiKeyEnvNote: 'Convention, not in official text. The key is the APIPassword of one model version; each version has its own.',
  asOf: '2025-02-21',
  features: {
    streaming: { support: 'partial', note: 'SSE works, but LobeChat needs a custom stream parser for it.', source: LOBE_RUNTIME },
    streamOptions: { support: 'unknown' },
    tools: { support: 'partial', note: 'Only 4.0Ultra and Max (generalv3.5), over HTTP.', source: HTTP_DOC },
    toolChoice: { support: 'unknown' },
    parallelToolCalls: { support: 'unknown' },
    jsonObject: { support: 'unknown' },
    jsonSchema: { support: 'unknown', note: 'Probably unsupported (unverified).' },
    parse: { support: 'unknown' },
    vision: { support: 'unknown', note: 'Probably unsupported on this endpoint (unverified).' },
    multipleChoices: { support: 'unknown' },
    logprobs: { support: 'unknown' },
    seed: { support: 'unknown' },
    logitBias: { support: 'unknown' },
    temperature: { support: 'unknown' },
    maxCompletionTokens: { support: 'unknown' },
    thinking: { support: 'unknown', note: 'X1 reasoning models reportedly use a separate endpoint (unverified).' },
    reasoningContent: { support: 'unknown' },
    embeddings: { support: 'no', note: 'The OpenAI-compatible HTTP API covers chat completions only.', source: HTTP_DOC },
    images: { support: 'no', note: 'The OpenAI-compatible HTTP API covers chat completions only.', source: HTTP_DOC },
    audio: { support: 'no', note: 'The OpenAI-compatible HTTP API covers chat completions only.', source: HTTP_DOC },
    moderations: { support: 'unknown' },
    files: { support: 'no', note: 'The OpenAI-compatible HTTP API covers chat completions only.', source: HTTP_DOC },
    batch: { support: 'no', note: 'The OpenAI-compatible HTTP API covers chat completions only.', source: HTTP_DOC },
    fineTuning: { support: 'unknown' },
    responses: { support: 'no', note: 'The OpenAI-compatible HTTP API covers chat completions only.', source: HTTP_DOC },
    assistants: { support: 'no', note: 'The OpenAI-compatible HTTP API covers chat completions only.', source: HTTP_DOC },
    vectorStores: { support: 'unknown' },
    realtime: { support: 'unknown' },
  },
  chatModels: [
    {
      id: 'lite',
      tier: 'cheap',
      contextWindow: 'unknown',
      price: { ...cny(0, 0, null, '2025-02', HTTP_DOC), note: 'Free. The iFlytek page is undated (≈2024–2025).' },
      note: 'Spark Lite: max input 8K, output 4K tokens.',
    },
    { id: 'generalv3', tier: 'balanced', contextWindow: 'unknown', price: gateway(), note: 'Spark Pro: max input 8K.' },
    { id: 'pro-128k', tier: 'long', contextWindow: 'unknown', price: gateway(), note: 'Spark Pro-128K: max input 128K.' },
    { id: 'generalv3.5', tier: 'balanced', contextWindow: 'unknown', price: gateway(), note: 'Spark Max: max input 8K; supports function calls.' },
    { id: 'max-32k', tier: 'long', contextWindow: 'unknown', price: gateway(), note: 'Spark Max-32K: max input 32K.' },
    {
      id: '4.0Ultra',
      tier: 'flagship',
      contextWindow: 'unknown',
      price: gateway(),
      note: 'Spark 4.0 Ultra: max input 32K; supports function calls. iFlytek says Ultra now runs X1.5 in fast-thinking mode.',
    },
  ],
  embeddingModels: [],
  modelMap: {
    flagship: '4.0Ultra',
    balanced: 'generalv3.5',
    cheap: 'lite',
    reasoning: 'none',
    reasoningSmall: 'none',
    vision: 'none',
    embeddingSmall: 'none',
    embeddingLarge: 'none',
    legacyCompletion: 'none',
    image: 'none',
    transcription: 'none',
    speech: 'none',
    moderation: 'none',
    realtime: 'none',
    video: 'none',
  },
  quirks: [
    { id: 'keyPerModelVersion', message: 'Each model version has its own APIPassword; one key does not unlock every model.', source: HTTP_DOC },
    { id: 'systemAndToolsLimited', message: 'The system role and function calling work only on 4.0Ultra and Max.', source: HTTP_DOC },
    { id: 'noUserField', message: 'LobeChat omits the user field for Spark (noUserId); sending it may fail.', source: LOBE_RUNTIME },
    { id: 'modelIdsAreVersions', message: 'model values are version names (lite, generalv3.5, 4.0Ultra), not product names.', source: ONE_API_MODELS },
  ],
};

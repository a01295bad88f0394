/**
 * iFlytek Spark, OpenAI-compatible HTTP API. Facts from ../shared/providers.md §4.13, each
 * re-linked to its source below. Spark sells token packages and publishes no per-token list price:
 * apart from the free lite model every model is `unlisted` (one-api's ¥18 per 1M was a gateway
 * default, not a price), so the cost estimate says it cannot price Spark instead of inventing one.
 */
import type { ChatModelInput, ProviderInput } from '../schema.js';
import { evidence, MODEL_BANK_DATE, modelBank, REVIEWED } from './facts.js';

const HTTP_DOC = 'https://www.xfyun.cn/doc/spark/HTTP%E8%B0%83%E7%94%A8%E6%96%87%E6%A1%A3.html';
const PRICING = 'https://xinghuo.xfyun.cn/sparkapi?scr=price';
const ONE_API_MODELS = 'https://github.com/songquanpeng/one-api/tree/8df4a267/relay/adaptor/xunfeiv2';
const LOBE_RUNTIME = 'https://github.com/lobehub/lobe-chat/blob/14365bea/packages/model-runtime/src/providers/spark/index.ts';

const cny = (input: number, output: number, cachedInput: number | null, asOf: string, source: string) =>
  ({ currency: 'CNY', input, output, cachedInput, checkedOn: asOf, source }) as const;

const MODEL_BANK = modelBank('spark');
const unlisted = () => ({ ...cny(0, 0, null, REVIEWED, PRICING), unlisted: true as const, note: 'Sold as token packages; no per-token list price.' });

export const spark: ProviderInput = {
  id: 'spark',
  name: { en: 'iFlytek Spark', zh: '讯飞星火' },
  website: 'https://xinghuo.xfyun.cn',
  docs: { openaiCompatibility: HTTP_DOC, pricing: PRICING },
  regions: [
    { id: 'cn', label: 'China', baseURL: 'https://spark-api-open.xf-yun.com/v1', default: true, source: HTTP_DOC },
    { id: 'x', label: 'Spark X reasoning models (/v2)', baseURL: 'https://spark-api-open.xf-yun.com/v2', source: HTTP_DOC },
  ],
  apiKeyEnv: 'SPARK_API_PASSWORD',
  baseUrlEnv: 'SPARK_BASE_URL',
  apiKeyEnvNote: 'Convention, not in official text. The key is the APIPassword of one model version; each version has its own.',
  checkedOn: '2026-12-06',
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
      contextWindow: 8192,
      maxOutput: 4096,
      limits: evidence(HTTP_DOC, REVIEWED),
      price: { ...cny(0, 0, null, REVIEWED, HTTP_DOC), note: 'Free.' },
      note: 'Spark Lite.',
    },
    { id: 'pro-128k', tier: 'long', contextWindow: 131072, maxOutput: 4096, limits: evidence(HTTP_DOC, REVIEWED), price: unlisted(), note: 'Spark Pro-128K.' },
    { id: 'generalv3.5', tier: 'balanced', contextWindow: 8192, maxOutput: 8192, limits: evidence(HTTP_DOC, REVIEWED), price: unlisted(), note: 'Spark Max; supports system and function calls.' },
    { id: 'generalv3', tier: 'balanced', contextWindow: 8192, maxOutput: 8192, limits: evidence(HTTP_DOC, REVIEWED), price: unlisted(), note: 'Spark Pro.' },
    { id: 'max-32k', tier: 'long', contextWindow: 32768, maxOutput: 8192, limits: evidence(HTTP_DOC, REVIEWED), price: unlisted(), note: 'Spark Max-32K.' },
    {
      id: '4.0Ultra',
      tier: 'flagship',
      contextWindow: 8192,
      maxOutput: 8192,
      limits: evidence(HTTP_DOC, REVIEWED),
      price: unlisted(),
      note: 'Spark 4.0 Ultra; supports system and function calls. iFlytek says Ultra now runs X1.5 in fast-thinking mode.',
    },
    ...([
      ['spark-x2', 131072],
      ['spark-x2-flash', 262144],
      ['spark-x1.5', 65535],
    ] as const).map(
      ([id, contextWindow]): ChatModelInput => ({
        id,
        tier: 'reasoning',
        contextWindow,
        limits: evidence(MODEL_BANK, MODEL_BANK_DATE),
        thinking: 'always',
        regions: ['x'],
        price: unlisted(),
        note: 'Spark X reasoning model, served on /v2 (region x) only.',
        unverified: ['model id and context window from model-bank; iFlytek’s X-series page was not read'],
      }),
    ),
  ],
  embeddingModels: [],
  tierOverrides: {},
  quirks: [
    { id: 'keyPerModelVersion', message: 'Each model version has its own APIPassword; one key does not unlock every model.', source: HTTP_DOC },
    { id: 'systemAndToolsLimited', message: 'The system role and function calling work only on 4.0Ultra and Max.', source: HTTP_DOC },
    { id: 'noUserField', message: 'LobeChat omits the user field for Spark (noUserId); sending it may fail.', source: LOBE_RUNTIME },
    { id: 'modelIdsAreVersions', message: 'model values are version names (lite, generalv3.5, 4.0Ultra), not product names.', source: ONE_API_MODELS },
  ],
};

/**
 * Zhipu AI BigModel (GLM), international brand Z.ai. Facts from ../shared/providers.md §4.3,
 * each re-linked to its source below.
 */
import type { ChatModelInput, ProviderInput } from '../schema.js';
import { evidence, MODEL_BANK_DATE, modelBank } from './facts.js';

const COMPAT = 'https://docs.bigmodel.cn/cn/guide/develop/openai/introduction';
const PRICING = 'https://open.bigmodel.cn/pricing';
const SDK = 'https://github.com/MetaGLM/zhipuai-sdk-python-v4/blob/main/zhipuai/_client.py';
const MODEL_BANK = modelBank('zhipu');
const DIFY = 'https://github.com/langgenius/dify-official-plugins/tree/7af22831/models/zhipuai';
const MODELS_DEV_ZAI = 'https://github.com/anomalyco/models.dev/tree/f3fc6922/providers/zai';
const ONE_API = 'https://github.com/songquanpeng/one-api/blob/8df4a267/relay/adaptor/zhipu/adaptor.go';
const LOBE_RUNTIME = 'https://github.com/lobehub/lobe-chat/blob/14365bea/packages/model-runtime/src/providers/zhipu/index.ts';
// Third-party adapter docs; the only written statement found for tool_choice and max_tokens.
const AGENTSCOPE = 'https://java.agentscope.io/v2/en/integration/model/glm';
const EMBEDDING_2 = 'https://zhipu-ef7018ed.mintlify.app/cn/guide/models/embedding/embedding-2';

const cny = (input: number, output: number, cachedInput: number | null, asOf: string, source: string) =>
  ({ currency: 'CNY', input, output, cachedInput, checkedOn: asOf, source }) as const;

export const zhipu: ProviderInput = {
  id: 'zhipu',
  name: { en: 'Zhipu AI BigModel (GLM) / Z.ai', zh: '智谱 AI 开放平台' },
  website: 'https://open.bigmodel.cn',
  docs: { openaiCompatibility: COMPAT, pricing: PRICING },
  regions: [
    { id: 'cn', label: 'China', baseURL: 'https://open.bigmodel.cn/api/paas/v4', default: true, source: COMPAT },
    { id: 'intl', label: 'International (Z.ai)', baseURL: 'https://api.z.ai/api/paas/v4', source: MODELS_DEV_ZAI },
  ],
  apiKeyEnv: 'ZHIPUAI_API_KEY',
  baseUrlEnv: 'ZHIPUAI_BASE_URL',
  apiKeyEnvNote: 'Read by Zhipu’s official Python SDK, which also reads ZHIPUAI_BASE_URL. models.dev uses ZHIPU_API_KEY.',
  checkedOn: '2026-12-06',
  features: {
    streaming: { support: 'yes', source: DIFY },
    streamOptions: { support: 'unknown', note: 'dify and AgentScope strip stream_options before calling Zhipu; whether Zhipu rejects it is unverified.' },
    tools: { support: 'yes', note: 'glm-4* and GLM-4.5+. Zhipu also accepts a non-OpenAI {"type":"web_search"} tool.', source: DIFY },
    streamingTools: { support: 'partial', note: 'GLM-4.5 streams tool_calls[].index = -1; code that indexes deltas by index breaks.', source: LOBE_RUNTIME },
    toolChoice: {
      support: 'partial',
      values: ['auto'],
      note: 'Only "auto" (AgentScope’s GLM adapter, a third-party source, degrades forced choices to auto).',
      source: AGENTSCOPE,
    },
    parallelToolCalls: { support: 'yes', note: 'dify declares multi-tool-call; the parallel_tool_calls parameter itself is unverified.', source: DIFY },
    jsonObject: { support: 'yes', source: DIFY },
    jsonSchema: { support: 'unknown', note: 'dify passes json_schema through; whether Zhipu enforces it is unverified.' },
    parse: { support: 'unknown', note: '.parse() sends json_schema, which is unverified for Zhipu.' },
    vision: { support: 'partial', note: 'glm-4v*, glm-4.1v-thinking*, glm-4.5v, glm-4.6v*, glm-5v-turbo, glm-5.3-flash; text models reject image parts.', source: MODEL_BANK },
    multipleChoices: { support: 'unknown' },
    logprobs: { support: 'unknown' },
    seed: { support: 'unknown' },
    logitBias: { support: 'unknown' },
    temperature: {
      support: 'yes',
      min: 0,
      max: 1,
      note: 'OpenAI’s 0–2 must be rescaled (LobeChat normalises it). glm-4-alltools needs temperature and top_p within [0.01, 0.99].',
      source: LOBE_RUNTIME,
    },
    maxCompletionTokens: { support: 'no', note: 'GLM takes max_tokens only; adapters map max_completion_tokens to it (AgentScope, third-party).', source: AGENTSCOPE },
    thinking: {
      support: 'yes',
      values: ['thinking.type'],
      note: 'thinking: {type: enabled|disabled}, enabled by default on GLM-4.5+; AgentScope reports GLM-5.2 also takes reasoning_effort.',
      source: MODELS_DEV_ZAI,
    },
    reasoningContent: { support: 'yes', note: 'Thinking is returned in reasoning_content.', source: MODELS_DEV_ZAI },
    embeddings: { support: 'yes', note: 'POST /api/paas/v4/embeddings (embedding-2, embedding-3).', source: ONE_API },
    images: { support: 'yes', note: 'CogView through /api/paas/v4/images/generations.', source: ONE_API },
    audio: { support: 'unknown' },
    moderations: { support: 'unknown' },
    files: {
      support: 'partial',
      note: 'Zhipu’s own SDK has files, batches and fine_tuning resources on the same base URL; whether they match OpenAI’s request shapes is unverified.',
      source: SDK,
    },
    batch: { support: 'partial', note: 'Batches exist in Zhipu’s SDK; OpenAI-shape compatibility unverified.', source: SDK },
    fineTuning: { support: 'partial', note: 'Fine-tuning exists in Zhipu’s SDK; OpenAI-shape compatibility unverified.', source: SDK },
    responses: { support: 'unknown' },
    assistants: { support: 'unknown', note: 'Not offered as far as the sources show (unverified).' },
    vectorStores: { support: 'unknown' },
    realtime: { support: 'unknown' },
  },
  chatModels: [
    ...(['glm-5.3', 'glm-5.2'] as const).map(
      (id): ChatModelInput => ({
        id,
        tier: 'flagship',
        contextWindow: 1048576,
        maxOutput: 131072,
        limits: evidence(MODEL_BANK, MODEL_BANK_DATE),
        thinking: 'optional',
        released: id === 'glm-5.3' ? '2026-08-14' : '2026-06-17',
        price: cny(8, 28, 2, MODEL_BANK_DATE, MODEL_BANK),
      }),
    ),
    {
      id: 'glm-5.1',
      tier: 'flagship',
      contextWindow: 200000,
      maxOutput: 131072,
      limits: evidence(MODEL_BANK, MODEL_BANK_DATE),
      thinking: 'optional',
      released: '2026-03-27',
      price: {
        ...cny(6, 24, 1.3, MODEL_BANK_DATE, MODEL_BANK),
        tiers: [
          { maxInputTokens: 32000, input: 6, output: 24, cachedInput: 1.3 },
          { maxInputTokens: 200000, input: 8, output: 28, cachedInput: 2 },
        ],
      },
    },
    {
      id: 'glm-5',
      tier: 'flagship',
      contextWindow: 200000,
      maxOutput: 131072,
      limits: evidence(MODEL_BANK, MODEL_BANK_DATE),
      thinking: 'optional',
      released: '2026-02-12',
      price: { ...cny(4, 18, 1, MODEL_BANK_DATE, MODEL_BANK), note: 'Price for ≤32K input; longer prompts cost more.' },
    },
    {
      id: 'glm-4.7',
      tier: 'flagship',
      contextWindow: 200000,
      maxOutput: 131072,
      limits: evidence(MODEL_BANK, MODEL_BANK_DATE),
      thinking: 'optional',
      released: '2025-12-22',
      price: {
        ...cny(3, 14, 0.6, MODEL_BANK_DATE, MODEL_BANK),
        tiers: [
          { maxInputTokens: 32000, input: 3, output: 14, cachedInput: 0.6 },
          { maxInputTokens: 200000, input: 4, output: 16, cachedInput: 0.8 },
        ],
        note: 'Zhipu bills replies of ≤200 output tokens at 2 in / 8 out; almost no reply is that short, so the listed band is the next one.',
      },
      unverified: ['price bands read from model-bank; Zhipu’s own price page was not readable here'],
    },
    { id: 'glm-4-plus', tier: 'flagship', contextWindow: 131072, limits: evidence(DIFY, '2026-08'), released: '2024-08', price: cny(5, 5, null, '2026-08', DIFY), note: 'Was ¥50/¥50 per 1M in 2024 (one-api, Feb 2025).' },
    {
      id: 'glm-4.5-air',
      tier: 'balanced',
      contextWindow: 131072,
      maxOutput: 98304,
      limits: evidence(MODEL_BANK, MODEL_BANK_DATE),
      thinking: 'optional',
      released: '2025-07-28',
      price: {
        ...cny(0.8, 6, 0.16, MODEL_BANK_DATE, MODEL_BANK),
        tiers: [
          { maxInputTokens: 32000, input: 0.8, output: 6, cachedInput: 0.16 },
          { maxInputTokens: 128000, input: 1.2, output: 8, cachedInput: 0.24 },
        ],
        note: 'Replies of ≤200 output tokens are billed at 2 out; the listed band is for longer replies.',
      },
    },
    { id: 'glm-4-air-250414', tier: 'balanced', contextWindow: 131072, maxOutput: 16384, limits: evidence(MODEL_BANK, MODEL_BANK_DATE), released: '2025-04-14', price: cny(0.5, 0.5, null, '2026-08', DIFY) },
    {
      id: 'glm-5.3-flash',
      tier: 'cheap',
      contextWindow: 1048576,
      maxOutput: 131072,
      limits: evidence(MODEL_BANK, MODEL_BANK_DATE),
      vision: true,
      thinking: 'optional',
      released: '2026-08-26',
      price: cny(0.8, 2.8, 0.23, MODEL_BANK_DATE, MODEL_BANK),
    },
    { id: 'glm-4.7-flash', tier: 'cheap', contextWindow: 200000, maxOutput: 131072, limits: evidence(MODEL_BANK, MODEL_BANK_DATE), thinking: 'optional', released: '2026-01-19', price: cny(0, 0, 0, MODEL_BANK_DATE, MODEL_BANK), note: 'Free.' },
    { id: 'glm-4-flash-250414', tier: 'cheap', contextWindow: 131072, maxOutput: 32768, limits: evidence(MODEL_BANK, MODEL_BANK_DATE), released: '2025-04-14', price: cny(0, 0, null, '2026-08', DIFY), note: 'Free.' },
    { id: 'glm-z1-air', tier: 'reasoning', contextWindow: 131072, maxOutput: 32768, limits: evidence(MODEL_BANK, MODEL_BANK_DATE), thinking: 'always', released: '2025-04-14', price: cny(0.5, 0.5, null, MODEL_BANK_DATE, MODEL_BANK) },
    { id: 'glm-z1-airx', tier: 'reasoning', contextWindow: 32768, maxOutput: 32768, limits: evidence(MODEL_BANK, MODEL_BANK_DATE), thinking: 'always', released: '2025-04-14', price: cny(5, 5, null, MODEL_BANK_DATE, MODEL_BANK) },
    {
      id: 'glm-4.6v',
      tier: 'vision',
      contextWindow: 131072,
      maxOutput: 32768,
      limits: evidence(MODEL_BANK, MODEL_BANK_DATE),
      vision: true,
      thinking: 'optional',
      released: '2025-12-08',
      price: {
        ...cny(1, 3, 0.2, MODEL_BANK_DATE, MODEL_BANK),
        tiers: [
          { maxInputTokens: 32000, input: 1, output: 3, cachedInput: 0.2 },
          { maxInputTokens: 131072, input: 2, output: 6, cachedInput: 0.4 },
        ],
      },
    },
    {
      id: 'glm-4v-plus-0111',
      tier: 'vision',
      contextWindow: 16000,
      limits: evidence(MODEL_BANK, MODEL_BANK_DATE),
      vision: true,
      released: '2025-01-11',
      price: cny(4, 4, null, MODEL_BANK_DATE, MODEL_BANK),
      note: 'Requests with stop words fail with finish_reason network_error (dify).',
    },
  ],
  embeddingModels: [
    {
      id: 'embedding-3',
      dimensions: 2048,
      dimensionOptions: [2048, 1024, 512, 256],
      dimensionsParam: 'yes',
      maxBatch: 64,
      maxInputTokens: 3072,
      price: cny(0.5, 0, null, '2026-08', DIFY),
      note: 'Default 2048 and the 256/512/1024 options come from third-party SDK docs (zhipuai-sdk-go, smart_prompt); the sheet had them unverified.',
    },
    {
      id: 'embedding-2',
      dimensions: 1024,
      dimensionsParam: 'no',
      maxBatch: 'unknown',
      maxInputTokens: 'unknown',
      price: cny(0.5, 0, null, '2026-08', DIFY),
      note: `1024 dimensions per Zhipu’s model page (${EMBEDDING_2}).`,
    },
  ],
  // embedding-3 is Zhipu's current embedding model (selectable sizes up to 2048).
  tierOverrides: { embeddingSmall: 'embedding-3', embeddingLarge: 'embedding-3' },
  quirks: [
    { id: 'noV1InBaseUrl', message: 'The base URL ends in /api/paas/v4; clients must not append /v1.', source: SDK },
    { id: 'temperatureRange', message: 'temperature is limited to [0, 1]; halve OpenAI values or clamp them.', source: LOBE_RUNTIME },
    { id: 'streamToolCallIndex', message: 'GLM-4.5 streams tool_calls[].index = -1; use the array position instead.', source: LOBE_RUNTIME },
    { id: 'toolChoiceAutoOnly', message: 'tool_choice other than "auto" is not honoured; forced tool calls need prompting instead.', source: AGENTSCOPE },
  ],
};

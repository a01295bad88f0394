/**
 * Moonshot AI (Kimi). Facts from ../shared/providers.md §4.4, each re-linked to its source below.
 * kimi-k3 (2026-07) is the flagship; kimi-k2.6 stays as the cheaper 256K model.
 */
import type { ProviderInput } from '../schema.js';
import { evidence, MODEL_BANK_DATE, modelBank } from './facts.js';

const MIGRATION = 'https://platform.moonshot.cn/docs/guide/migrating-from-openai-to-kimi';
const CHAT_API = 'https://platform.moonshot.cn/docs/api/chat';
const PRICING = 'https://platform.moonshot.cn/docs/pricing/chat';
const LITELLM_MOONSHOT = 'https://github.com/BerriAI/litellm/blob/0647d5ba/litellm/llms/moonshot/chat/transformation.py';
const LOBE_2025 = 'https://github.com/lobehub/lobe-chat/blob/0bc8ddc9/src/config/aiModels/moonshot.ts';
const MODEL_BANK = modelBank('moonshot');
const K3_PRICING = 'https://platform.kimi.ai/docs/pricing/chat-k3';
const MODELS_DEV_CN = 'https://github.com/anomalyco/models.dev/tree/f3fc6922/providers/moonshotai-cn';
const MODELS_DEV_INTL = 'https://github.com/anomalyco/models.dev/tree/f3fc6922/providers/moonshotai';
const DIFY = 'https://github.com/langgenius/dify-official-plugins/tree/7af22831/models/moonshot';

const cny = (input: number, output: number, cachedInput: number | null, asOf: string, source: string) =>
  ({ currency: 'CNY', input, output, cachedInput, checkedOn: asOf, source }) as const;

export const moonshot: ProviderInput = {
  id: 'moonshot',
  name: { en: 'Moonshot AI (Kimi)', zh: '月之暗面 · Kimi' },
  website: 'https://platform.moonshot.cn',
  docs: { openaiCompatibility: MIGRATION, pricing: PRICING, models: CHAT_API },
  regions: [
    { id: 'cn', label: 'China', baseURL: 'https://api.moonshot.cn/v1', default: true, source: MIGRATION },
    { id: 'intl', label: 'International', baseURL: 'https://api.moonshot.ai/v1', source: MODELS_DEV_INTL },
  ],
  apiKeyEnv: 'MOONSHOT_API_KEY',
  baseUrlEnv: 'MOONSHOT_BASE_URL',
  apiKeyEnvNote: 'Used in Moonshot’s own migration guide and by models.dev.',
  checkedOn: '2026-12-06',
  features: {
    streaming: { support: 'yes', source: MIGRATION },
    streamOptions: {
      support: 'partial',
      note: 'Kimi documents its own stream-mode usage semantics next to stream_options.include_usage; the exact chunk shape is unverified.',
      source: MIGRATION,
    },
    tools: { support: 'yes', note: 'The legacy functions parameter is not supported; kimi-thinking-preview has no tools.', source: LITELLM_MOONSHOT },
    toolChoice: {
      support: 'partial',
      values: ['auto', 'none', 'function'],
      note: '"required" is not supported (LiteLLM rewrites it into a user message); a forced function clashes with thinking.',
      source: LITELLM_MOONSHOT,
    },
    parallelToolCalls: { support: 'yes', note: 'dify declares multi-tool-call; the parallel_tool_calls parameter itself is unverified.', source: DIFY },
    jsonObject: { support: 'yes', source: DIFY },
    jsonSchema: { support: 'partial', note: 'Only kimi-k2.7-code and kimi-k3 (dify).', source: DIFY },
    parse: { support: 'partial', note: '.parse() needs json_schema, which only kimi-k2.7-code and kimi-k3 accept.', source: DIFY },
    vision: { support: 'partial', note: 'moonshot-v1-*-vision-preview, kimi-latest and kimi-k2.5+; text models reject list content.', source: MODEL_BANK },
    multipleChoices: {
      support: 'partial',
      note: 'n > 1 fails with temperature ≈ 0 (invalid_request_error) and is fixed by the platform on thinking models.',
      source: MIGRATION,
    },
    logprobs: { support: 'unknown' },
    seed: { support: 'unknown' },
    logitBias: { support: 'unknown' },
    temperature: {
      support: 'yes',
      min: 0,
      max: 1,
      note: 'Recommended 0.3. kimi-k2.5/k2.6/k3 accept only temperature 1 ("only 1 is allowed for this model").',
      source: MIGRATION,
    },
    maxCompletionTokens: { support: 'partial', note: 'LiteLLM maps it to max_tokens for moonshot-v1; K-series docs use max_completion_tokens.', source: LITELLM_MOONSHOT },
    thinking: {
      support: 'yes',
      values: ['thinking.type', 'reasoning_effort'],
      note: 'thinking: {type} on K2.5/K2.6 (on by default; K2.7-code always on). reasoning_effort low/high/max only on kimi-k3 (AgentScope).',
      source: MODELS_DEV_CN,
    },
    reasoningContent: {
      support: 'yes',
      note: 'Multi-turn tool calls on thinking models need reasoning_content kept on the assistant messages.',
      source: LITELLM_MOONSHOT,
    },
    embeddings: { support: 'no', note: 'Moonshot has no embeddings endpoint; keep another provider for embeddings.', source: MIGRATION },
    images: { support: 'no', source: MIGRATION },
    audio: { support: 'no', source: MIGRATION },
    moderations: { support: 'no', source: MIGRATION },
    files: { support: 'yes', note: '/v1/files, /v1/files/{id} and /v1/files/{id}/content are in the official compatibility list.', source: MIGRATION },
    batch: { support: 'unknown', note: 'LiteLLM has a Moonshot batches handler; Moonshot’s own compatibility list does not mention batches.' },
    fineTuning: { support: 'no', note: 'Not in the official compatibility list.', source: MIGRATION },
    responses: { support: 'unknown' },
    assistants: { support: 'no', note: 'Not in the official compatibility list.', source: MIGRATION },
    vectorStores: { support: 'no', note: 'Not in the official compatibility list.', source: MIGRATION },
    realtime: { support: 'no', note: 'Not in the official compatibility list.', source: MIGRATION },
  },
  chatModels: [
    {
      id: 'kimi-k3',
      tier: 'flagship',
      contextWindow: 1048576,
      maxOutput: 131072,
      limits: evidence(MODEL_BANK, MODEL_BANK_DATE),
      vision: true,
      thinking: 'optional',
      released: '2026-07-16',
      price: { ...cny(20, 100, 2, '2026-08', DIFY), note: `Moonshot’s international page lists $3 / $15, cache hits $0.30 (${K3_PRICING}).` },
      note: 'Reasoning models accept only temperature 1; reasoning_effort low/high/max.',
      unverified: ['the ¥2 cache-hit price is from a third-party guide; the RMB list price was read from dify, not a Moonshot page'],
    },
    {
      id: 'kimi-k2.6',
      tier: 'balanced',
      contextWindow: 262144,
      maxOutput: 98304,
      limits: evidence(MODEL_BANK, MODEL_BANK_DATE),
      vision: true,
      thinking: 'optional',
      released: '2026-04-21',
      price: cny(6.5, 27, 1.1, MODEL_BANK_DATE, MODEL_BANK),
      note: 'The 2026 flagship before kimi-k3; classed balanced since K3. Thinking is on by default; temperature must be 1.',
    },
    { id: 'kimi-k2.7-code', tier: 'code', contextWindow: 262144, maxOutput: 32768, limits: evidence(MODEL_BANK, MODEL_BANK_DATE), thinking: 'always', released: '2026-06-12', price: cny(6.5, 27, 1.3, MODEL_BANK_DATE, MODEL_BANK) },
    { id: 'moonshot-v1-8k', tier: 'cheap', contextWindow: 8192, limits: evidence(LOBE_2025, '2025-04'), released: '2023-11', price: cny(2, 10, null, '2025-04', LOBE_2025), note: 'Was ¥12/¥12 in 2024 (one-api).' },
    { id: 'moonshot-v1-32k', tier: 'balanced', contextWindow: 32768, limits: evidence(LOBE_2025, '2025-04'), released: '2023-11', price: cny(5, 20, null, '2025-04', LOBE_2025), note: 'Was ¥24/¥24 in 2024 (one-api).' },
    { id: 'moonshot-v1-128k', tier: 'long', contextWindow: 131072, limits: evidence(LOBE_2025, '2025-04'), released: '2023-11', price: cny(10, 30, null, '2025-04', LOBE_2025), note: 'Was ¥60/¥60 in 2024 (one-api).' },
    {
      id: 'moonshot-v1-auto',
      tier: 'long',
      contextWindow: 131072,
      limits: evidence(LOBE_2025, '2025-04'),
      price: cny(10, 30, null, '2025-04', LOBE_2025),
      note: 'Picks 8k/32k/128k by prompt size; the listed price is the 128k one.',
    },
    { id: 'moonshot-v1-32k-vision-preview', tier: 'vision', contextWindow: 32768, limits: evidence(LOBE_2025, '2025-04'), vision: true, preview: true, price: cny(5, 20, null, '2025-04', LOBE_2025) },
  ],
  embeddingModels: [],
  tierOverrides: {},
  quirks: [
    { id: 'temperatureRange', message: 'temperature is limited to [0, 1]; Kimi K2.5+ thinking models accept only 1.', source: MIGRATION },
    { id: 'nNeedsTemperature', message: 'n > 1 with temperature near 0 is rejected; LiteLLM raises temperature to 0.3.', source: LITELLM_MOONSHOT },
    { id: 'noRequiredToolChoice', message: 'tool_choice "required" is not supported.', source: LITELLM_MOONSHOT },
    { id: 'contextSizedIds', message: 'moonshot-v1-8k/32k/128k are one model at three context limits and prices; pick by prompt size.', source: LOBE_2025 },
  ],
};

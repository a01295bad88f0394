/**
 * MiniMax, OpenAI-compatible endpoint. Facts from ../shared/providers.md §4.10, each re-linked to
 * its source below. MiniMax-M3 is the flagship; the 2024 abab ids, MiniMax-Text-01 and MiniMax-M1 are
 * not in MiniMax's current OpenAI-compatible model list and stay for pricing only.
 */
import type { ChatModelInput, ProviderInput } from '../schema.js';
import { evidence, MODEL_BANK_DATE, modelBank, REVIEWED } from './facts.js';

const OPENAI_CN = 'https://platform.minimaxi.com/docs/api-reference/text-openai-api';
const OPENAI_INTL = 'https://platform.minimax.io/docs/api-reference/text-openai-api';
const CHAT_REFERENCE = 'https://platform.minimax.io/docs/api-reference/text-chat';
const PRICING = 'https://platform.minimaxi.com/docs/guides/pricing-paygo';
const MODEL_BANK = modelBank('minimax');
// The role-play chat endpoint (M2-her), whose 2048-token output cap was once taken for all models.
const ROLE_PLAY = 'https://platform.minimaxi.com/docs/api-reference/text-chat-openai';
const DIFY = 'https://github.com/langgenius/dify-official-plugins/tree/7af22831/models/minimax';
const ONE_API_RATIO = 'https://github.com/songquanpeng/one-api/blob/8df4a267/relay/billing/ratio/model.go';
const LITELLM = 'https://github.com/RoCry/llm-api-price/blob/8442b939/model_prices_and_context_window.json';

const cny = (input: number, output: number, cachedInput: number | null, asOf: string, source: string) =>
  ({ currency: 'CNY', input, output, cachedInput, checkedOn: asOf, source }) as const;

export const minimax: ProviderInput = {
  id: 'minimax',
  name: { en: 'MiniMax', zh: '稀宇科技 MiniMax' },
  website: 'https://www.minimaxi.com',
  docs: { openaiCompatibility: OPENAI_CN, pricing: PRICING, models: CHAT_REFERENCE },
  regions: [
    { id: 'cn', label: 'China', baseURL: 'https://api.minimaxi.com/v1', default: true, source: OPENAI_CN },
    { id: 'intl', label: 'International', baseURL: 'https://api.minimax.io/v1', source: OPENAI_INTL },
  ],
  apiKeyEnv: 'MINIMAX_API_KEY',
  baseUrlEnv: 'MINIMAX_BASE_URL',
  apiKeyEnvNote: 'The name models.dev and promptfoo use; MiniMax’s own quick start exports OPENAI_API_KEY and OPENAI_BASE_URL.',
  checkedOn: '2026-12-06',
  features: {
    streaming: { support: 'yes', source: OPENAI_CN },
    streamOptions: { support: 'unknown' },
    tools: {
      support: 'yes',
      note: 'In multi-turn tool use, append the full assistant message including tool_calls (and its <think> content).',
      source: OPENAI_CN,
    },
    toolChoice: { support: 'unknown' },
    parallelToolCalls: { support: 'unknown' },
    jsonObject: { support: 'unknown', note: 'Documented for the abab era (camel-ai); unverified for M2.x.' },
    jsonSchema: { support: 'unknown' },
    parse: { support: 'unknown' },
    vision: { support: 'partial', note: 'MiniMax-M3, MiniMax-Text-01 and MiniMax-VL-01.', source: MODEL_BANK },
    multipleChoices: { support: 'unknown', note: 'camel-ai documents n = 1 only.' },
    logprobs: { support: 'unknown' },
    seed: { support: 'unknown' },
    logitBias: { support: 'unknown' },
    temperature: {
      support: 'yes',
      min: 0.01,
      max: 1,
      note: 'The range is (0, 1]: 0 is rejected, so 0.01 stands in for the open lower bound. Default 1.0 on M2.7.',
      source: CHAT_REFERENCE,
    },
    maxCompletionTokens: {
      support: 'unknown',
      note: 'AgentScope reports max_completion_tokens preferred and max_tokens deprecated; the chat reference caps output at 2048.',
    },
    thinking: {
      support: 'partial',
      values: ['reasoning_split'],
      note: 'M2.x always think (interleaved); reasoning_split: true moves the thinking out of content. MiniMax-M3 reportedly takes thinking.type (unverified).',
      source: OPENAI_CN,
    },
    reasoningContent: {
      support: 'partial',
      note: 'M2.x put <think>…</think> inside content; with reasoning_split it moves to reasoning_details, not reasoning_content.',
      source: OPENAI_CN,
    },
    embeddings: {
      support: 'unknown',
      note: 'embo-01 uses MiniMax’s native schema (texts, type db|query); an OpenAI-compatible embeddings endpoint is unverified.',
    },
    images: { support: 'no', note: 'Image, video and music generation are native APIs only.', source: OPENAI_INTL },
    audio: { support: 'partial', note: 'TTS (speech-02/2.6) is a native API; gateways such as LiteLLM translate /audio/speech to it.', source: LITELLM },
    moderations: { support: 'unknown' },
    files: { support: 'unknown' },
    batch: { support: 'unknown' },
    fineTuning: { support: 'unknown' },
    responses: { support: 'yes', note: 'Listed on the international OpenAI-compatible docs.', source: OPENAI_INTL },
    assistants: { support: 'unknown', note: 'Not offered as far as the sources show (unverified).' },
    vectorStores: { support: 'unknown' },
    realtime: { support: 'unknown' },
  },
  chatModels: [
    {
      id: 'MiniMax-M3',
      tier: 'flagship',
      contextWindow: 1000000,
      maxOutput: 524288,
      limits: evidence(MODEL_BANK, MODEL_BANK_DATE),
      vision: true,
      thinking: 'optional',
      released: '2026-06-01',
      price: {
        ...cny(2.1, 8.4, 0.42, MODEL_BANK_DATE, MODEL_BANK),
        tiers: [
          { maxInputTokens: 512000, input: 2.1, output: 8.4, cachedInput: 0.42 },
          { maxInputTokens: 1000000, input: 4.2, output: 16.8, cachedInput: 0.84 },
        ],
      },
      note: 'Reads images and video; thinking is adaptive unless disabled.',
    },
    {
      id: 'MiniMax-M2.7',
      tier: 'balanced',
      contextWindow: 204800,
      maxOutput: 131072,
      limits: evidence(MODEL_BANK, MODEL_BANK_DATE),
      thinking: 'always',
      released: '2026-03-18',
      price: { ...cny(2.1, 8.4, 0.42, MODEL_BANK_DATE, MODEL_BANK), note: 'Cache writes cost 2.625.' },
    },
    {
      id: 'MiniMax-M2.5',
      tier: 'balanced',
      contextWindow: 204800,
      maxOutput: 131072,
      limits: evidence(MODEL_BANK, MODEL_BANK_DATE),
      thinking: 'always',
      released: '2026-02-12',
      price: { ...cny(2.1, 8.4, 0.21, MODEL_BANK_DATE, MODEL_BANK), note: 'Cache writes cost 2.625.' },
    },
    {
      id: 'M2-her',
      tier: 'long',
      contextWindow: 65536,
      maxOutput: 2048,
      limits: evidence(ROLE_PLAY, REVIEWED, { note: 'The role-play chat endpoint; its output cap of 2,048 tokens is this model’s, not the M2/M3 models’.' }),
      released: '2026-01-23',
      price: cny(2.1, 8.4, null, MODEL_BANK_DATE, MODEL_BANK),
      note: 'Role-play model; never a migration target.',
    },
    ...(['MiniMax-Text-01', 'MiniMax-M1'] as const).map(
      (id): ChatModelInput => ({
        id,
        tier: id === 'MiniMax-M1' ? 'reasoning' : 'cheap',
        contextWindow: 1000192,
        maxOutput: 40000,
        limits: evidence(MODEL_BANK, MODEL_BANK_DATE),
        vision: id === 'MiniMax-Text-01',
        thinking: id === 'MiniMax-M1' ? 'always' : 'none',
        released: id === 'MiniMax-M1' ? '2025-06-16' : '2025-01-15',
        status: 'deprecated',
        lifecycle: evidence(OPENAI_CN, REVIEWED, { note: 'not in the model list of MiniMax’s current OpenAI-compatible reference; kept for pricing only' }),
        price: id === 'MiniMax-M1' ? cny(1.2, 16, null, MODEL_BANK_DATE, MODEL_BANK) : cny(1, 8, null, MODEL_BANK_DATE, MODEL_BANK),
      }),
    ),
    {
      id: 'abab6.5s-chat',
      tier: 'balanced',
      contextWindow: 245760,
      limits: evidence(ONE_API_RATIO, '2025-02'),
      released: '2024-04',
      status: 'deprecated',
      lifecycle: evidence(OPENAI_CN, REVIEWED, { note: '2024 model, not in MiniMax’s current OpenAI-compatible model list' }),
      price: cny(10, 10, null, '2025-02', ONE_API_RATIO),
    },
  ],
  embeddingModels: [
    {
      id: 'embo-01',
      dimensions: 'unknown',
      dimensionsParam: 'unknown',
      maxBatch: 'unknown',
      maxInputTokens: 4096,
      price: cny(0.5, 0, null, '2026-08', DIFY),
      note: 'Native API only as far as sources show; 1536 dimensions is often quoted but unverified.',
    },
  ],
  tierOverrides: { embeddingSmall: 'embo-01', embeddingLarge: 'embo-01' },
  quirks: [
    { id: 'temperatureNotZero', message: 'temperature must be in (0, 1]; temperature 0 is an error.', source: CHAT_REFERENCE },
    { id: 'thinkInContent', message: 'M2.x return <think>…</think> inside content, which must be kept in the history; reasoning_split: true separates it.', source: OPENAI_CN },
    {
      id: 'maxTokensParam',
      message: 'Send max_completion_tokens (MiniMax marks max_tokens deprecated). The 2048-token output cap applies only to the role-play endpoint (M2-her).',
      source: ROLE_PLAY,
    },
    { id: 'singleChoice', message: 'Only n = 1 is accepted (camel-ai MinimaxConfig).' },
  ],
};

/**
 * MiniMax, OpenAI-compatible endpoint. Facts from ../shared/providers.md §4.10, each re-linked to
 * its source below. The map uses MiniMax-M2.x: MiniMax's own chat reference lists only M2.x model
 * ids, so the 2024 abab ids, MiniMax-Text-01 and MiniMax-M1 stay in the list for pricing only.
 */
import type { ProviderInput } from '../schema.js';

const OPENAI_CN = 'https://platform.minimaxi.com/docs/api-reference/text-openai-api';
const OPENAI_INTL = 'https://platform.minimax.io/docs/api-reference/text-openai-api';
const CHAT_REFERENCE = 'https://platform.minimax.io/docs/api-reference/text-chat';
const PRICING = 'https://platform.minimaxi.com/docs/guides/pricing-paygo';
const MODEL_BANK = 'https://github.com/lobehub/lobehub/blob/main/packages/model-bank/src/aiModels/minimax.ts';
const DIFY = 'https://github.com/langgenius/dify-official-plugins/tree/main/models/minimax';
const ONE_API_RATIO = 'https://github.com/songquanpeng/one-api/blob/main/relay/billing/ratio/model.go';
const LITELLM = 'https://github.com/BerriAI/litellm/blob/main/model_prices_and_context_window.json';

const cny = (input: number, output: number, cachedInput: number | null, asOf: string, source: string) =>
  ({ currency: 'CNY', input, output, cachedInput, asOf, source }) as const;

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
  asOf: '2026-09-27',
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
      id: 'MiniMax-M2.7',
      tier: 'flagship',
      contextWindow: 204800,
      thinking: 'always',
      price: { ...cny(2.1, 8.4, 0.42, '2026-09', MODEL_BANK), note: 'Cache writes cost 2.625.' },
    },
    {
      id: 'MiniMax-M2.5',
      tier: 'balanced',
      contextWindow: 204800,
      thinking: 'always',
      price: { ...cny(2.1, 8.4, 0.21, '2026-09', MODEL_BANK), note: 'Cache writes cost 2.625.' },
    },
    {
      id: 'MiniMax-M3',
      tier: 'flagship',
      contextWindow: 1000000,
      vision: true,
      thinking: 'unknown',
      price: { ...cny(2.1, 8.4, 0.42, '2026-09', MODEL_BANK), note: 'Price for ≤512K input; longer prompts cost 4.2 in / 16.8 out.' },
      note: 'Released 2026-06; reads images and video.',
    },
    {
      id: 'MiniMax-Text-01',
      tier: 'cheap',
      contextWindow: 1000192,
      vision: true,
      price: cny(1, 8, null, '2026-09', MODEL_BANK),
      note: 'Not in the model list of MiniMax’s current chat reference; availability on /v1 is unverified.',
    },
    {
      id: 'MiniMax-M1',
      tier: 'reasoning',
      contextWindow: 1000192,
      thinking: 'always',
      price: { ...cny(1.2, 16, null, '2026-09', MODEL_BANK), note: 'Input price may be tiered by prompt length (unverified).' },
      note: 'Not in the model list of MiniMax’s current chat reference; availability on /v1 is unverified.',
    },
    {
      id: 'abab6.5s-chat',
      tier: 'balanced',
      contextWindow: 245760,
      price: cny(10, 10, null, '2025-02', ONE_API_RATIO),
      deprecated: '2024 model; one-api calls it through the native chatcompletion_v2 API. Whether /v1 still serves it is unverified.',
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
  modelMap: {
    flagship: 'MiniMax-M2.7',
    balanced: 'MiniMax-M2.5',
    cheap: 'MiniMax-M2.5',
    reasoning: 'MiniMax-M2.7',
    reasoningSmall: 'MiniMax-M2.5',
    vision: 'MiniMax-M3',
    embeddingSmall: 'embo-01',
    embeddingLarge: 'embo-01',
    legacyCompletion: 'none',
    image: 'none',
    transcription: 'none',
    speech: 'none',
    moderation: 'none',
    realtime: 'none',
    video: 'none',
  },
  quirks: [
    { id: 'temperatureNotZero', message: 'temperature must be in (0, 1]; temperature 0 is an error.', source: CHAT_REFERENCE },
    { id: 'thinkInContent', message: 'M2.x return <think>…</think> inside content, which must be kept in the history; reasoning_split: true separates it.', source: OPENAI_CN },
    { id: 'maxTokensCap', message: 'Output is capped at 2048 tokens per request in the chat reference.', source: CHAT_REFERENCE },
    { id: 'singleChoice', message: 'Only n = 1 is accepted (camel-ai MinimaxConfig).' },
  ],
};

/**
 * StepFun. Facts from ../shared/providers.md §4.12, each re-linked to its source below.
 * one-api's StepFun ratios carry a unit slip (¥0.005 instead of ¥5 per 1M); prices here are LobeChat's.
 */
import type { ProviderInput } from '../schema.js';
import { evidence, MODEL_BANK_DATE, modelBank, REVIEWED } from './facts.js';

const CHAT_API = 'https://platform.stepfun.com/docs/zh/api-reference/chat/chat-completion-create';
const PRICING = 'https://platform.stepfun.com/docs/pricing/details';
const CONCEPT = 'https://platform.stepfun.com/docs/zh/overview/concept';
const MODEL_BANK = modelBank('stepfun');
// A gateway's listing; the only readable record of step-5's GA (2026-11-30).
const VERCEL_STEP5 = 'https://vercel.com/ai-gateway/models/step-5';
const DIFY = 'https://github.com/langgenius/dify-official-plugins/tree/7af22831/models/stepfun';
const MODELS_DEV = 'https://github.com/anomalyco/models.dev/tree/f3fc6922/providers/stepfun';

const cny = (input: number, output: number, cachedInput: number | null, asOf: string, source: string) =>
  ({ currency: 'CNY', input, output, cachedInput, checkedOn: asOf, source }) as const;

export const stepfun: ProviderInput = {
  id: 'stepfun',
  name: { en: 'StepFun', zh: '阶跃星辰' },
  website: 'https://platform.stepfun.com',
  docs: { openaiCompatibility: CHAT_API, pricing: PRICING, models: CONCEPT },
  regions: [
    { id: 'cn', label: 'China', baseURL: 'https://api.stepfun.com/v1', default: true, source: MODELS_DEV },
    { id: 'intl', label: 'International', baseURL: 'https://api.stepfun.ai/v1', source: DIFY },
  ],
  apiKeyEnv: 'STEPFUN_API_KEY',
  baseUrlEnv: 'STEPFUN_BASE_URL',
  apiKeyEnvNote: 'The name models.dev uses.',
  checkedOn: '2026-12-06',
  features: {
    streaming: { support: 'yes', source: DIFY },
    streamOptions: { support: 'unknown' },
    tools: { support: 'yes', source: DIFY },
    toolChoice: { support: 'unknown' },
    parallelToolCalls: { support: 'yes', note: 'dify declares multi-tool-call; the parallel_tool_calls parameter itself is unverified.', source: DIFY },
    jsonObject: { support: 'partial', note: 'dify exposes response_format for step-3.7-flash; other models unverified.', source: DIFY },
    jsonSchema: { support: 'unknown' },
    parse: { support: 'unknown' },
    vision: { support: 'partial', note: 'step-1v*, step-1o*, step-3, step-r1-v-mini and step-3.7-flash.', source: MODEL_BANK },
    multipleChoices: { support: 'unknown' },
    logprobs: { support: 'unknown' },
    seed: { support: 'unknown' },
    logitBias: { support: 'unknown' },
    temperature: { support: 'unknown' },
    maxCompletionTokens: { support: 'unknown' },
    thinking: {
      support: 'yes',
      values: ['reasoning_effort'],
      note: 'Top-level reasoning_effort: low/medium/high on step-3.7-flash, low/high on step-3.5-flash-2603.',
      source: MODELS_DEV,
    },
    reasoningContent: {
      support: 'partial',
      note: 'Thinking comes back in message.reasoning; reasoning_format: "deepseek-style" switches to reasoning_content.',
      source: MODELS_DEV,
    },
    embeddings: { support: 'unknown', note: 'No embedding model is known.' },
    images: { support: 'unknown', note: 'StepFun has image models (step-1x-medium, step-2x-large); the endpoint shape is unverified.' },
    audio: { support: 'unknown' },
    moderations: { support: 'unknown' },
    files: { support: 'unknown' },
    batch: { support: 'unknown' },
    fineTuning: { support: 'unknown' },
    responses: { support: 'partial', note: 'POST /v1/responses, only for step-3.7-flash.', source: MODELS_DEV },
    assistants: { support: 'unknown', note: 'Not offered as far as the sources show (unverified).' },
    vectorStores: { support: 'unknown' },
    realtime: { support: 'unknown' },
  },
  chatModels: [
    {
      id: 'step-5',
      tier: 'flagship',
      contextWindow: 1000000,
      maxOutput: 64000,
      limits: evidence(VERCEL_STEP5, REVIEWED),
      vision: true,
      thinking: 'optional',
      released: '2026-11-30',
      price: { currency: 'USD', input: 1, cachedInput: 0.1, output: 2.7, source: VERCEL_STEP5, checkedOn: REVIEWED, note: 'USD list price as a gateway shows it; no CNY price found.' },
      unverified: ['id, price and limits read from Vercel AI Gateway’s listing (released 2026-11-30); StepFun’s own model page was not readable here'],
    },
    { id: 'step-5-preview', tier: 'flagship', contextWindow: 1000000, limits: evidence(MODEL_BANK, MODEL_BANK_DATE), vision: true, thinking: 'optional', preview: true, price: cny(7, 20, 0.35, MODEL_BANK_DATE, MODEL_BANK) },
    { id: 'step-2-16k', tier: 'flagship', contextWindow: 16000, limits: evidence(MODEL_BANK, MODEL_BANK_DATE), released: '2024-07', price: cny(38, 120, 7.6, MODEL_BANK_DATE, MODEL_BANK) },
    {
      id: 'step-3.7-flash',
      tier: 'balanced',
      contextWindow: 256000,
      limits: evidence(MODEL_BANK, MODEL_BANK_DATE),
      vision: true,
      thinking: 'optional',
      released: '2026-06',
      price: cny(1.35, 8.1, 0.27, MODEL_BANK_DATE, MODEL_BANK),
    },
    { id: 'step-1-8k', tier: 'balanced', contextWindow: 8000, limits: evidence(MODEL_BANK, MODEL_BANK_DATE), released: '2024-03', price: cny(5, 20, 1, MODEL_BANK_DATE, MODEL_BANK) },
    { id: 'step-3.5-flash', tier: 'cheap', contextWindow: 256000, limits: evidence(MODEL_BANK, MODEL_BANK_DATE), thinking: 'optional', released: '2026-02-02', price: cny(0.7, 2.1, 0.14, MODEL_BANK_DATE, MODEL_BANK) },
    { id: 'step-2-mini', tier: 'cheap', contextWindow: 8000, limits: evidence(MODEL_BANK, MODEL_BANK_DATE), released: '2025-01-14', price: cny(1, 2, 0.2, MODEL_BANK_DATE, MODEL_BANK) },
    {
      id: 'step-3',
      tier: 'reasoning',
      contextWindow: 64000,
      limits: evidence(MODEL_BANK, MODEL_BANK_DATE),
      vision: true,
      thinking: 'always',
      released: '2025-07',
      price: {
        ...cny(1.5, 4, 0.3, MODEL_BANK_DATE, MODEL_BANK),
        tiers: [
          { maxInputTokens: 4000, input: 1.5, output: 4, cachedInput: 0.3 },
          { maxInputTokens: 64000, input: 4, output: 8, cachedInput: 0.8 },
        ],
        note: 'LobeChat notes its output price still differs from StepFun’s documentation.',
      },
    },
    { id: 'step-r1-v-mini', tier: 'reasoning', contextWindow: 100000, limits: evidence(MODEL_BANK, MODEL_BANK_DATE), vision: true, thinking: 'always', released: '2025-04', price: cny(2.5, 8, 0.5, MODEL_BANK_DATE, MODEL_BANK) },
    { id: 'step-1o-turbo-vision', tier: 'vision', contextWindow: 32000, limits: evidence(MODEL_BANK, MODEL_BANK_DATE), vision: true, released: '2025-02-14', price: cny(2.5, 8, 0.5, MODEL_BANK_DATE, MODEL_BANK) },
  ],
  embeddingModels: [],
  tierOverrides: {},
  quirks: [
    { id: 'reasoningField', message: 'Thinking is in message.reasoning, not reasoning_content, unless reasoning_format is "deepseek-style".', source: MODELS_DEV },
    { id: 'cacheFromPrefix', message: 'Prompt caching is automatic for byte-identical prefixes of 256+ tokens; hits bill at 20%.', source: MODELS_DEV },
  ],
};

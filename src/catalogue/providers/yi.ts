/**
 * 01.AI (Lingyiwanwu). Facts from ../shared/providers.md §4.9, each re-linked to its source below.
 * 01.AI's commercial API status after 2025 is unverified; LobeChat still lists it in 2026.
 */
import type { ProviderInput } from '../schema.js';
import { evidence, MODEL_BANK_DATE, modelBank } from './facts.js';

const DOCS = 'https://platform.lingyiwanwu.com/docs';
const API_REFERENCE = 'https://platform.lingyiwanwu.com/docs/api-reference';
const MODEL_BANK = modelBank('zeroone');
const DIFY = 'https://github.com/langgenius/dify-official-plugins/tree/7af22831/models/yi';

const cny = (input: number, output: number, cachedInput: number | null, asOf: string, source: string) =>
  ({ currency: 'CNY', input, output, cachedInput, checkedOn: asOf, source }) as const;

export const yi: ProviderInput = {
  id: 'yi',
  name: { en: '01.AI (Yi)', zh: '零一万物' },
  website: 'https://platform.lingyiwanwu.com',
  docs: { openaiCompatibility: API_REFERENCE, pricing: DOCS },
  regions: [{ id: 'cn', label: 'China', baseURL: 'https://api.lingyiwanwu.com/v1', default: true, source: DIFY }],
  apiKeyEnv: 'YI_API_KEY',
  baseUrlEnv: 'YI_BASE_URL',
  apiKeyEnvNote: 'Convention, not in official text; LobeChat uses ZEROONE_API_KEY.',
  checkedOn: '2026-12-06',
  features: {
    streaming: { support: 'yes', source: DIFY },
    streamOptions: { support: 'unknown' },
    tools: { support: 'partial', note: 'Only yi-large-fc calls tools.', source: MODEL_BANK },
    toolChoice: { support: 'unknown' },
    parallelToolCalls: { support: 'unknown' },
    jsonObject: { support: 'unknown' },
    jsonSchema: { support: 'unknown' },
    parse: { support: 'unknown' },
    vision: { support: 'partial', note: 'yi-vision and yi-vision-v2 only.', source: MODEL_BANK },
    multipleChoices: { support: 'unknown' },
    logprobs: { support: 'unknown' },
    seed: { support: 'unknown' },
    logitBias: { support: 'unknown' },
    temperature: { support: 'unknown' },
    maxCompletionTokens: { support: 'unknown' },
    thinking: { support: 'no', note: 'No reasoning model is offered.', source: MODEL_BANK },
    reasoningContent: { support: 'no', note: 'No reasoning model is offered.', source: MODEL_BANK },
    embeddings: { support: 'no', note: 'No embedding model is offered; keep another provider for embeddings.', source: MODEL_BANK },
    images: { support: 'no', note: 'Sources list chat models only.', source: DIFY },
    audio: { support: 'no', note: 'Sources list chat models only.', source: DIFY },
    moderations: { support: 'unknown' },
    files: { support: 'no', note: 'Sources list chat models only.', source: DIFY },
    batch: { support: 'no', note: 'Sources list chat models only.', source: DIFY },
    fineTuning: { support: 'unknown' },
    responses: { support: 'unknown' },
    assistants: { support: 'no', note: 'Sources list chat models only.', source: DIFY },
    vectorStores: { support: 'unknown' },
    realtime: { support: 'unknown' },
  },
  chatModels: [
    { id: 'yi-large', tier: 'flagship', contextWindow: 32768, limits: evidence(MODEL_BANK, MODEL_BANK_DATE), price: cny(20, 20, null, '2026-09', MODEL_BANK), note: 'dify lists 16,384 context.' },
    { id: 'yi-large-turbo', tier: 'flagship', contextWindow: 16384, limits: evidence(MODEL_BANK, MODEL_BANK_DATE), price: cny(12, 12, null, '2026-09', MODEL_BANK) },
    { id: 'yi-large-fc', tier: 'flagship', contextWindow: 32768, limits: evidence(MODEL_BANK, MODEL_BANK_DATE), price: cny(20, 20, null, '2026-09', MODEL_BANK), note: 'The only model with function calling.' },
    { id: 'yi-lightning', tier: 'balanced', contextWindow: 16384, limits: evidence(MODEL_BANK, MODEL_BANK_DATE), price: cny(0.99, 0.99, null, '2026-09', MODEL_BANK) },
    { id: 'yi-medium', tier: 'balanced', contextWindow: 16384, limits: evidence(MODEL_BANK, MODEL_BANK_DATE), price: cny(2.5, 2.5, null, '2026-09', MODEL_BANK) },
    { id: 'yi-spark', tier: 'cheap', contextWindow: 16384, limits: evidence(MODEL_BANK, MODEL_BANK_DATE), price: cny(1, 1, null, '2026-09', MODEL_BANK) },
    { id: 'yi-vision', tier: 'vision', contextWindow: 16384, limits: evidence(MODEL_BANK, MODEL_BANK_DATE), vision: true, price: cny(6, 6, null, '2026-09', MODEL_BANK) },
    { id: 'yi-vision-v2', tier: 'vision', contextWindow: 16384, limits: evidence(MODEL_BANK, MODEL_BANK_DATE), vision: true, price: cny(6, 6, null, '2026-09', MODEL_BANK) },
  ],
  embeddingModels: [],
  tierOverrides: {},
  quirks: [
    { id: 'toolsOnlyOnFcModel', message: 'Only yi-large-fc supports tools; code that sends tools must map to it.', source: MODEL_BANK },
    { id: 'fewSamplingParams', message: 'dify exposes only temperature, top_p and max_tokens for Yi models.', source: DIFY },
  ],
};

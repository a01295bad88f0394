/**
 * Baichuan AI. Facts from ../shared/providers.md §4.7, each re-linked to its source below.
 * Baichuan-Text-Embedding is left out of the model list: its price is unverified (gateways list
 * ¥0.5, ¥1 and ¥2 per 1M), and every listed model must carry a sourced price.
 */
import type { ProviderInput } from '../schema.js';
import { evidence, MODEL_BANK_DATE, modelBank } from './facts.js';

const API_DOCS = 'https://platform.baichuan-ai.com/docs/api';
const MODEL_BANK = modelBank('baichuan');
const DIFY = 'https://github.com/langgenius/dify-official-plugins/tree/7af22831/models/baichuan';
const ONE_API_URLS = 'https://github.com/songquanpeng/one-api/blob/8df4a267/relay/channeltype/url.go';
const LANGCHAIN_EMBEDDING = 'https://docs.langchain.com/oss/python/integrations/text_embedding/baichuan';

const cny = (input: number, output: number, cachedInput: number | null, asOf: string, source: string) =>
  ({ currency: 'CNY', input, output, cachedInput, checkedOn: asOf, source }) as const;

export const baichuan: ProviderInput = {
  id: 'baichuan',
  name: { en: 'Baichuan AI', zh: '百川智能' },
  website: 'https://www.baichuan-ai.com',
  docs: { openaiCompatibility: API_DOCS, pricing: MODEL_BANK },
  regions: [{ id: 'cn', label: 'China', baseURL: 'https://api.baichuan-ai.com/v1', default: true, source: ONE_API_URLS }],
  apiKeyEnv: 'BAICHUAN_API_KEY',
  baseUrlEnv: 'BAICHUAN_BASE_URL',
  apiKeyEnvNote: 'Convention, not in official text; LangChain’s Baichuan integrations read BAICHUAN_API_KEY.',
  checkedOn: '2026-12-06',
  features: {
    streaming: { support: 'yes', source: DIFY },
    streamOptions: { support: 'unknown' },
    tools: { support: 'yes', note: 'Baichuan4, Baichuan4-Turbo/Air and Baichuan3-Turbo.', source: MODEL_BANK },
    toolChoice: { support: 'unknown' },
    parallelToolCalls: { support: 'yes', note: 'dify declares multi-tool-call; the parallel_tool_calls parameter itself is unverified.', source: DIFY },
    jsonObject: {
      support: 'partial',
      note: 'dify sends JSON mode as res_format; whether OpenAI’s response_format is accepted is unverified.',
      source: DIFY,
    },
    jsonSchema: { support: 'unknown' },
    parse: { support: 'unknown' },
    vision: { support: 'unknown', note: 'No vision model is listed by the sources.' },
    multipleChoices: { support: 'unknown' },
    logprobs: { support: 'unknown' },
    seed: { support: 'unknown' },
    logitBias: { support: 'unknown' },
    temperature: { support: 'unknown' },
    maxCompletionTokens: { support: 'unknown' },
    thinking: { support: 'unknown', note: 'Only the medical Baichuan-M2/M3 models reason; no general thinking switch is documented.' },
    reasoningContent: { support: 'unknown' },
    embeddings: {
      support: 'yes',
      note: 'Baichuan-Text-Embedding: 1024-d (LangChain docs), 512 tokens, ≤16 inputs. Not in the model list because its price is unverified.',
      source: LANGCHAIN_EMBEDDING,
    },
    images: { support: 'no', note: 'Sources list only chat and embeddings.', source: DIFY },
    audio: { support: 'no', note: 'Sources list only chat and embeddings.', source: DIFY },
    moderations: { support: 'unknown' },
    files: { support: 'no', note: 'Sources list only chat and embeddings.', source: DIFY },
    batch: { support: 'no', note: 'Sources list only chat and embeddings.', source: DIFY },
    fineTuning: { support: 'unknown' },
    responses: { support: 'unknown' },
    assistants: { support: 'unknown', note: 'Not offered as far as the sources show (unverified).' },
    vectorStores: { support: 'unknown' },
    realtime: { support: 'unknown' },
  },
  chatModels: [
    { id: 'Baichuan4', tier: 'flagship', contextWindow: 32768, limits: evidence(MODEL_BANK, MODEL_BANK_DATE), price: cny(100, 100, null, '2026-09', MODEL_BANK) },
    { id: 'Baichuan4-Turbo', tier: 'balanced', contextWindow: 32768, limits: evidence(MODEL_BANK, MODEL_BANK_DATE), price: cny(15, 15, null, '2026-09', MODEL_BANK) },
    { id: 'Baichuan4-Air', tier: 'cheap', contextWindow: 32768, limits: evidence(MODEL_BANK, MODEL_BANK_DATE), price: cny(0.98, 0.98, null, '2026-09', MODEL_BANK) },
    {
      id: 'Baichuan-M2',
      tier: 'reasoning',
      contextWindow: 32768, limits: evidence(MODEL_BANK, MODEL_BANK_DATE),
      thinking: 'unknown',
      price: cny(2, 20, null, '2026-09', MODEL_BANK),
      note: 'Medical-domain reasoning model, not a general o-series substitute.',
    },
  ],
  embeddingModels: [],
  tierOverrides: {},
  quirks: [
    { id: 'jsonModeResFormat', message: 'JSON mode is sent as res_format by dify; response_format may be ignored.', source: DIFY },
    { id: 'searchEnhanceParam', message: 'Web search is the non-OpenAI with_search_enhance field (extra_body).', source: DIFY },
  ],
};

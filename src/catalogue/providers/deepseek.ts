/**
 * DeepSeek. Facts from ../shared/providers.md §4.2, each re-linked to its source below.
 * DeepSeek reprices often and bills peak hours double; prices here are the Oct–Nov 2026 page.
 */
import type { ChatModelInput, ProviderInput } from '../schema.js';
import { evidence, REVIEWED } from './facts.js';

const PRICING = 'https://api-docs.deepseek.com/zh-cn/quick_start/pricing';
// DeepSeek's V4 announcement: the legacy names retire on 2026-07-24 15:59 UTC.
const V4_NEWS = 'https://api-docs.deepseek.com/news/news260424';
const QUICK_START = 'https://api-docs.deepseek.com/';
const REASONING = 'https://api-docs.deepseek.com/zh-cn/guides/reasoning_model';
const JSON_OUTPUT = 'https://api-docs.deepseek.com/guides/json_mode';
const LITELLM = 'https://github.com/RoCry/llm-api-price/blob/8442b939/model_prices_and_context_window.json';
const MODELS_DEV = 'https://github.com/anomalyco/models.dev/tree/f3fc6922/providers/deepseek';
const DIFY = 'https://github.com/langgenius/dify-official-plugins/tree/7af22831/models/deepseek';

// Beijing time, Mon–Fri 09:00–12:00 and 14:00–18:00, excluding public holidays; off-peak is half.
const PEAK_WINDOWS = [
  { days: [1, 2, 3, 4, 5], start: '09:00', end: '12:00' },
  { days: [1, 2, 3, 4, 5], start: '14:00', end: '18:00' },
];

export const deepseek: ProviderInput = {
  id: 'deepseek',
  name: { en: 'DeepSeek', zh: '深度求索' },
  website: 'https://www.deepseek.com',
  docs: { openaiCompatibility: QUICK_START, pricing: PRICING, models: PRICING },
  regions: [{ id: 'cn', label: 'Global', baseURL: 'https://api.deepseek.com', default: true, source: QUICK_START }],
  apiKeyEnv: 'DEEPSEEK_API_KEY',
  baseUrlEnv: 'DEEPSEEK_BASE_URL',
  checkedOn: '2026-12-06',
  features: {
    streaming: { support: 'yes', source: QUICK_START },
    streamOptions: { support: 'unknown', note: 'Gateways force include_usage and it works; DeepSeek does not document it.' },
    tools: { support: 'yes', note: 'The R1-era deepseek-reasoner did not support function calling.', source: REASONING },
    toolChoice: { support: 'yes', values: ['auto', 'none', 'required', 'function'], source: LITELLM },
    parallelToolCalls: { support: 'partial', note: 'Yes for chat models, no for deepseek-reasoner.', source: LITELLM },
    jsonObject: { support: 'yes', source: JSON_OUTPUT },
    jsonSchema: { support: 'unknown', note: 'DeepSeek documents JSON Output (json_object) only.' },
    parse: { support: 'unknown', note: '.parse() sends json_schema, which DeepSeek does not document.' },
    vision: { support: 'partial', note: 'Only deepseek-flash (2026) reads images.', source: PRICING },
    multipleChoices: { support: 'unknown' },
    logprobs: { support: 'partial', note: 'Thinking models return an error for logprobs/top_logprobs.', source: REASONING },
    seed: { support: 'unknown' },
    logitBias: { support: 'unknown' },
    temperature: { support: 'yes', min: 0, max: 2, note: 'Accepted but ignored in thinking mode.', source: REASONING },
    maxCompletionTokens: { support: 'unknown' },
    thinking: { support: 'yes', values: ['thinking.type', 'reasoning_effort'], note: 'thinking: {type: enabled|disabled}; reasoning_effort high|max.', source: MODELS_DEV },
    reasoningContent: {
      support: 'yes',
      note: 'Returned as reasoning_content; sending it back inside messages was an HTTP 400 on the R1-era reasoner.',
      source: REASONING,
    },
    embeddings: { support: 'no', note: 'DeepSeek has no embeddings endpoint; keep another provider for embeddings.', source: PRICING },
    images: { support: 'no', source: PRICING },
    audio: { support: 'no', source: PRICING },
    moderations: { support: 'no', source: PRICING },
    files: { support: 'no', source: PRICING },
    batch: { support: 'no', source: PRICING },
    fineTuning: { support: 'no', source: PRICING },
    responses: { support: 'yes', note: 'Added in 2026.', source: PRICING },
    assistants: { support: 'no', source: PRICING },
    vectorStores: { support: 'no', source: PRICING },
    realtime: { support: 'no', source: PRICING },
  },
  chatModels: [
    {
      id: 'deepseek-flash',
      tier: 'balanced',
      contextWindow: 1048576,
      maxOutput: 393216,
      limits: evidence(PRICING, REVIEWED, { note: 'The page says “1M” context and at most “384K” output; the binary sizes (1,048,576 / 393,216) are model-bank’s.' }),
      vision: true,
      thinking: 'optional',
      released: '2026-10-17',
      price: {
        currency: 'CNY',
        input: 1,
        cachedInput: 0.02,
        output: 4,
        timeOfDay: { timezone: 'Asia/Shanghai', windows: PEAK_WINDOWS, peak: { input: 2, cachedInput: 0.04, output: 8 } },
        source: PRICING,
        checkedOn: REVIEWED,
        note: 'DeepSeek-V4.1-Flash-1017; the base price is off-peak.',
      },
    },
    {
      id: 'deepseek-v4-pro',
      tier: 'flagship',
      contextWindow: 1048576,
      maxOutput: 393216,
      limits: evidence(PRICING, REVIEWED),
      thinking: 'optional',
      released: '2026-08-13',
      price: {
        currency: 'CNY',
        input: 4.5,
        cachedInput: 0.15,
        output: 13.5,
        timeOfDay: { timezone: 'Asia/Shanghai', windows: PEAK_WINDOWS, peak: { input: 9, cachedInput: 0.3, output: 27 } },
        source: PRICING,
        checkedOn: REVIEWED,
        note: 'DeepSeek-V4-Pro-0813; the base price is off-peak.',
      },
    },
    ...['deepseek-chat', 'deepseek-reasoner'].map(
      (id): ChatModelInput => ({
        id,
        tier: id === 'deepseek-chat' ? 'balanced' : 'reasoning',
        contextWindow: 'unknown',
        thinking: id === 'deepseek-chat' ? 'none' : 'always',
        status: 'retired',
        retiresOn: '2026-07-24',
        lifecycle: evidence(V4_NEWS, REVIEWED, { note: '“fully retired and inaccessible after Jul 24th, 2026, 15:59 (UTC)”; use deepseek-flash' }),
        // The last price before retirement: the aliases routed to V4-Flash from 2026-04-24.
        price: { currency: 'CNY', input: 1, cachedInput: null, output: 2, source: DIFY, checkedOn: '2026-04-24', effectiveFrom: '2026-04-24' },
      }),
    ),
  ],
  embeddingModels: [],
  tierOverrides: {},
  quirks: [
    { id: 'peakPricing', message: 'Peak hours (Beijing, Mon–Fri 09:00–12:00 and 14:00–18:00) cost twice the off-peak price.', source: PRICING },
    { id: 'thinkingDropsSampling', message: 'In thinking mode temperature, top_p and the penalties are ignored.', source: REASONING },
  ],
};

/**
 * OpenAI models, the side banjia migrates FROM: every id the `openai` SDK enumerates (ChatModel,
 * ResponsesModel, EmbeddingModel, ImageModel, AudioModel, SpeechModel, ModerationModel, VideoModel
 * in openai@7.59.0 `src/resources/shared.ts` and siblings), each with its class (tier) and its USD
 * price per 1M tokens.
 *
 * Prices: OpenAI's models page for the GPT-5.6 and GPT-6 families (checked 2026-12-06); LiteLLM's
 * public price map synced 2026-07-24 for the rest (rows of 2025-06-28 come from the same file's
 * history, for models it dropped later). `null` = not priced per token (images, audio minutes) or
 * not in the map; the cost stage then prices the id as its family alias. Shutdown days come from
 * OpenAI's deprecations page.
 */
import { Price, type OpenAiModel, type OpenAiTier } from './schema.js';

// LiteLLM's price map through a verbatim mirror pinned at the commit that synced it on 2026-07-24.
export const LITELLM_SOURCE = 'https://github.com/RoCry/llm-api-price/blob/8442b939/model_prices_and_context_window.json';
const LITELLM_2025_06 = 'https://github.com/RoCry/llm-api-price/blob/d485e517/model_prices_and_context_window.json';
export const MODELS_PAGE = 'https://developers.openai.com/api/docs/models';
export const DEPRECATIONS_PAGE = 'https://developers.openai.com/api/docs/deprecations';
export const OPENAI_SDK_SOURCE = 'https://www.npmjs.com/package/openai/v/6.49.0';

/** The price cell's source is LiteLLM's map (synced 2026-07-24) unless a row names another; a date as source means that LiteLLM snapshot. */
type Row = [id: string, tier: OpenAiTier, contextWindow: number | 'unknown', price: [number, number, number | null] | null, source?: string, effectiveFrom?: string];

// prettier-ignore
const ROWS: Row[] = [
  // Classes by OpenAI's own naming (models page): Astra and Sol are the flagships, Terra the middle
  // tier, Luna the cheapest. Prices from the same page, checked 2026-12-06.
  ["gpt-6.2-astra", 'flagship', 1050000, [8,40,0.4], MODELS_PAGE],
  ["gpt-6-astra", 'flagship', 1050000, [10,50,1], MODELS_PAGE],
  ["gpt-6.2-sol", 'flagship', 1050000, [2,10,null], MODELS_PAGE],
  ["gpt-6.1-sol", 'flagship', 1050000, [2,10,0.2], MODELS_PAGE],
  ["gpt-6-sol", 'flagship', 1050000, [2,10,0.2], MODELS_PAGE],
  ["gpt-6.1-terra", 'balanced', 1050000, [1,5,0.05], MODELS_PAGE],
  ["gpt-6-luna", 'cheap', 1050000, [0.1,0.5,0.01], MODELS_PAGE],
  ["gpt-5.6-sol", 'flagship', 1050000, [4,20,null], MODELS_PAGE],
  ["gpt-5.6-terra", 'balanced', 1050000, [2,12,0.2], MODELS_PAGE, '2026-07-30'],
  ["gpt-5.6-luna", 'cheap', 1050000, [0.2,1.2,0.02], MODELS_PAGE, '2026-07-30'],
  ["gpt-5.5", 'flagship', 1050000, [5,30,0.5]],
  ["gpt-5.5-2026-04-23", 'flagship', 1050000, [5,30,0.5]],
  ["gpt-5.4", 'flagship', 1050000, [2.5,15,0.25]],
  ["gpt-5.4-mini", 'balanced', 1050000, [0.75,4.5,0.075]],
  ["gpt-5.4-nano", 'cheap', 1050000, [0.2,1.25,0.02]],
  ["gpt-5.4-mini-2026-03-17", 'balanced', 1050000, [0.75,4.5,0.075]],
  ["gpt-5.4-nano-2026-03-17", 'cheap', 1050000, [0.2,1.25,0.02]],
  ["gpt-5.3-chat-latest", 'flagship', 128000, [1.75,14,0.175]],
  ["gpt-5.2", 'flagship', 272000, [1.75,14,0.175]],
  ["gpt-5.2-2025-12-11", 'flagship', 272000, [1.75,14,0.175]],
  ["gpt-5.2-chat-latest", 'flagship', 128000, [1.75,14,0.175]],
  ["gpt-5.2-pro", 'flagship', 272000, [21,168,null]],
  ["gpt-5.2-pro-2025-12-11", 'flagship', 272000, [21,168,null]],
  ["gpt-5.1", 'flagship', 272000, [1.25,10,0.125]],
  ["gpt-5.1-2025-11-13", 'flagship', 272000, [1.25,10,0.125]],
  ["gpt-5.1-codex", 'flagship', 272000, [1.25,10,0.125]],
  ["gpt-5.1-mini", 'balanced', 'unknown', null],
  ["gpt-5.1-chat-latest", 'flagship', 128000, [1.25,10,0.125]],
  ["gpt-5", 'flagship', 272000, [1.25,10,0.125]],
  ["gpt-5-mini", 'balanced', 272000, [0.25,2,0.025]],
  ["gpt-5-nano", 'cheap', 272000, [0.05,0.4,0.005]],
  ["gpt-5-2025-08-07", 'flagship', 272000, [1.25,10,0.125]],
  ["gpt-5-mini-2025-08-07", 'balanced', 272000, [0.25,2,0.025]],
  ["gpt-5-nano-2025-08-07", 'cheap', 272000, [0.05,0.4,0.005]],
  ["gpt-5-chat-latest", 'flagship', 128000, [1.25,10,0.125]],
  ["gpt-4.1", 'flagship', 1047576, [2,8,0.5]],
  ["gpt-4.1-mini", 'balanced', 1047576, [0.4,1.6,0.1]],
  ["gpt-4.1-nano", 'cheap', 1047576, [0.1,0.4,0.025]],
  ["gpt-4.1-2025-04-14", 'flagship', 1047576, [2,8,0.5]],
  ["gpt-4.1-mini-2025-04-14", 'balanced', 1047576, [0.4,1.6,0.1]],
  ["gpt-4.1-nano-2025-04-14", 'cheap', 1047576, [0.1,0.4,0.025]],
  ["o4-mini", 'reasoningSmall', 200000, [1.1,4.4,0.275]],
  ["o4-mini-2025-04-16", 'reasoningSmall', 200000, [1.1,4.4,0.275]],
  ["o3", 'reasoning', 200000, [2,8,0.5]],
  ["o3-2025-04-16", 'reasoning', 200000, [2,8,0.5]],
  ["o3-mini", 'reasoningSmall', 200000, [1.1,4.4,0.55]],
  ["o3-mini-2025-01-31", 'reasoningSmall', 200000, [1.1,4.4,0.55]],
  ["o1", 'reasoning', 200000, [15,60,7.5]],
  ["o1-2024-12-17", 'reasoning', 200000, [15,60,7.5]],
  ["o1-preview", 'reasoning', 128000, [15, 60, 7.5], LITELLM_2025_06],
  ["o1-preview-2024-09-12", 'reasoning', 'unknown', null],
  ["o1-mini", 'reasoningSmall', 128000, [1.1, 4.4, 0.55], LITELLM_2025_06],
  ["o1-mini-2024-09-12", 'reasoningSmall', 'unknown', null],
  ["gpt-4o", 'flagship', 128000, [2.5,10,1.25]],
  ["gpt-4o-2024-11-20", 'flagship', 128000, [2.5,10,1.25]],
  ["gpt-4o-2024-08-06", 'flagship', 128000, [2.5,10,1.25]],
  ["gpt-4o-2024-05-13", 'flagship', 128000, [5,15,null]],
  ["gpt-audio-mini", 'realtime', 128000, [0.6,2.4,null]],
  ["gpt-audio-mini-2025-12-15", 'realtime', 128000, [0.6,2.4,null]],
  ["gpt-4o-audio-preview", 'realtime', 128000, [2.5,10,null]],
  ["gpt-4o-audio-preview-2024-10-01", 'realtime', 'unknown', null],
  ["gpt-4o-audio-preview-2024-12-17", 'realtime', 128000, [2.5,10,null]],
  ["gpt-4o-audio-preview-2025-06-03", 'realtime', 128000, [2.5,10,null]],
  ["gpt-4o-mini-audio-preview", 'realtime', 128000, [0.15,0.6,null]],
  ["gpt-4o-mini-audio-preview-2024-12-17", 'realtime', 128000, [0.15,0.6,null]],
  ["gpt-4o-search-preview", 'flagship', 128000, [2.5,10,1.25]],
  ["gpt-4o-mini-search-preview", 'balanced', 128000, [0.15,0.6,0.075]],
  ["gpt-4o-search-preview-2025-03-11", 'flagship', 128000, [2.5,10,1.25]],
  ["gpt-4o-mini-search-preview-2025-03-11", 'balanced', 128000, [0.15,0.6,0.075]],
  ["chatgpt-4o-latest", 'flagship', 128000, [5,15,null]],
  ["codex-mini-latest", 'reasoningSmall', 200000, [1.5,6,0.375]],
  ["gpt-4o-mini", 'balanced', 128000, [0.15,0.6,0.075]],
  ["gpt-4o-mini-2024-07-18", 'balanced', 128000, [0.15,0.6,0.075]],
  ["gpt-4-turbo", 'flagship', 128000, [10,30,null]],
  ["gpt-4-turbo-2024-04-09", 'flagship', 128000, [10,30,null]],
  ["gpt-4-0125-preview", 'flagship', 128000, [10,30,null]],
  ["gpt-4-turbo-preview", 'flagship', 128000, [10,30,null]],
  ["gpt-4-1106-preview", 'flagship', 128000, [10,30,null]],
  ["gpt-4-vision-preview", 'vision', 'unknown', null],
  ["gpt-4", 'flagship', 8192, [30,60,null]],
  ["gpt-4-0314", 'flagship', 8192, [30,60,null]],
  ["gpt-4-0613", 'flagship', 8192, [30,60,null]],
  ["gpt-4-32k", 'flagship', 32768, [60, 120, null], LITELLM_2025_06],
  ["gpt-4-32k-0314", 'flagship', 'unknown', null],
  ["gpt-4-32k-0613", 'flagship', 'unknown', null],
  ["gpt-3.5-turbo", 'balanced', 16385, [0.5,1.5,null]],
  ["gpt-3.5-turbo-16k", 'balanced', 16385, [3,4,null]],
  ["gpt-3.5-turbo-0301", 'balanced', 'unknown', null],
  ["gpt-3.5-turbo-0613", 'balanced', 'unknown', null],
  ["gpt-3.5-turbo-1106", 'balanced', 16385, [1,2,null]],
  ["gpt-3.5-turbo-0125", 'balanced', 16385, [0.5,1.5,null]],
  ["gpt-3.5-turbo-16k-0613", 'balanced', 'unknown', null],
  ["o1-pro", 'reasoning', 200000, [150,600,null]],
  ["o1-pro-2025-03-19", 'reasoning', 200000, [150,600,null]],
  ["o3-pro", 'reasoning', 200000, [20,80,null]],
  ["o3-pro-2025-06-10", 'reasoning', 200000, [20,80,null]],
  ["o3-deep-research", 'reasoning', 200000, [10,40,2.5]],
  ["o3-deep-research-2025-06-26", 'reasoning', 200000, [10,40,2.5]],
  ["o4-mini-deep-research", 'reasoningSmall', 200000, [2,8,0.5]],
  ["o4-mini-deep-research-2025-06-26", 'reasoningSmall', 200000, [2,8,0.5]],
  ["computer-use-preview", 'flagship', 8192, [3,12,null]],
  ["computer-use-preview-2025-03-11", 'flagship', 'unknown', null],
  ["gpt-5.5-pro", 'flagship', 1050000, [30,180,3]],
  ["gpt-5.5-pro-2026-04-23", 'flagship', 1050000, [30,180,3]],
  ["gpt-5-codex", 'flagship', 272000, [1.25,10,0.125]],
  ["gpt-5-pro", 'flagship', 400000, [15,120,null]],
  ["gpt-5-pro-2025-10-06", 'flagship', 400000, [15,120,null]],
  ["gpt-5.1-codex-max", 'flagship', 272000, [1.25,10,0.125]],
  ["gpt-3.5-turbo-instruct", 'legacyCompletion', 8192, [1.5,2,null]],
  ["davinci-002", 'legacyCompletion', 16384, [2,2,null]],
  ["babbage-002", 'legacyCompletion', 16384, [0.4,0.4,null]],
  ["text-davinci-003", 'legacyCompletion', 'unknown', null],
  ["text-davinci-002", 'legacyCompletion', 'unknown', null],
  ["code-davinci-002", 'legacyCompletion', 'unknown', null],
  ["text-embedding-3-small", 'embeddingSmall', 8191, [0.02,0,null]],
  ["text-embedding-ada-002", 'embeddingSmall', 8191, [0.1,0,null]],
  ["text-embedding-3-large", 'embeddingLarge', 8191, [0.13,0,null]],
  ["gpt-image-1", 'image', 'unknown', null],
  ["gpt-image-1-mini", 'image', 'unknown', null],
  ["gpt-image-1.5", 'image', 'unknown', [5,10,1.25]],
  ["gpt-image-2", 'image', 'unknown', [5,10,1.25]],
  ["dall-e-2", 'image', 'unknown', null],
  ["dall-e-3", 'image', 'unknown', null],
  ["chatgpt-image-latest", 'image', 'unknown', null],
  ["whisper-1", 'transcription', 'unknown', null],
  ["gpt-transcribe", 'transcription', 'unknown', null],
  ["gpt-4o-transcribe", 'transcription', 16000, [2.5,10,null]],
  ["gpt-4o-mini-transcribe", 'transcription', 16000, [1.25,5,null]],
  ["gpt-4o-transcribe-diarize", 'transcription', 16000, [2.5,10,null]],
  ["tts-1", 'speech', 'unknown', null],
  ["tts-1-hd", 'speech', 'unknown', null],
  ["gpt-4o-mini-tts", 'speech', 'unknown', [2.5,10,null]],
  ["omni-moderation-latest", 'moderation', 32768, [0,0,null]],
  ["omni-moderation-2024-09-26", 'moderation', 32768, [0,0,null]],
  ["text-moderation-latest", 'moderation', 32768, [0,0,null]],
  ["text-moderation-stable", 'moderation', 32768, [0,0,null]],
  ["gpt-realtime", 'realtime', 32000, [4,16,0.4]],
  ["gpt-realtime-mini", 'realtime', 128000, [0.6,2.4,null]],
  ["gpt-4o-realtime-preview", 'realtime', 128000, [5,20,2.5]],
  ["gpt-4o-mini-realtime-preview", 'realtime', 128000, [0.6,2.4,0.3]],
  ["sora-2", 'video', 'unknown', null],
  ["sora-2-pro", 'video', 'unknown', null],

];

const EMBEDDING_DIMENSIONS: Record<string, number> = {
  'text-embedding-3-small': 1536,
  'text-embedding-ada-002': 1536,
  'text-embedding-3-large': 3072,
};

/**
 * OpenAI's deprecations page (checked 2026-12-06): shutdown day → ids and the replacement it names.
 * Dates after 2027-01-14 were read from copies of the page (dev.to, 2026-10-28), said in the evidence.
 */
const SHUTDOWNS: Array<{ on: string; ids: string[]; replacement?: string; note?: string }> = [
  { on: '2026-01-16', ids: ['codex-mini-latest'], replacement: 'gpt-5-codex-mini' },
  { on: '2026-02-17', ids: ['chatgpt-4o-latest'], replacement: 'gpt-5.1-chat-latest' },
  {
    on: '2026-07-23',
    ids: [
      'computer-use-preview', 'computer-use-preview-2025-03-11', 'gpt-4o-audio-preview-2024-12-17', 'gpt-4o-mini-audio-preview-2024-12-17',
      'gpt-4o-mini-realtime-preview', 'gpt-4o-mini-search-preview', 'gpt-4o-mini-search-preview-2025-03-11', 'gpt-4o-search-preview',
      'gpt-4o-search-preview-2025-03-11', 'gpt-5-chat-latest', 'gpt-5-codex', 'gpt-5.1-chat-latest', 'gpt-5.1-codex', 'gpt-5.1-codex-max',
      'o3-deep-research', 'o3-deep-research-2025-06-26', 'o4-mini-deep-research', 'o4-mini-deep-research-2025-06-26',
    ],
  },
  { on: '2026-08-10', ids: ['gpt-5.2-chat-latest', 'gpt-5.3-chat-latest'], replacement: 'gpt-5.5' },
  {
    on: '2026-10-23',
    ids: [
      'gpt-3.5-turbo', 'gpt-3.5-turbo-0125', 'gpt-4', 'gpt-4-0613', 'gpt-4-1106-preview', 'gpt-4-turbo', 'gpt-4-turbo-2024-04-09',
      'gpt-4o-2024-05-13', 'o1', 'o1-2024-12-17', 'o1-pro', 'o1-pro-2025-03-19', 'o3-mini', 'o3-mini-2025-01-31', 'o4-mini', 'o4-mini-2025-04-16',
      'gpt-4.1-nano', 'gpt-4.1-nano-2025-04-14', 'gpt-image-1',
    ],
    replacement: 'gpt-5.6-sol (gpt-5.6-terra for gpt-3.5-turbo and o4-mini)',
  },
  { on: '2026-12-01', ids: ['gpt-image-1-mini', 'gpt-image-1.5', 'chatgpt-image-latest'], replacement: 'gpt-image-2.6-sunburst or gpt-image-2.6-flare' },
  {
    on: '2026-12-11',
    ids: [
      'gpt-5', 'gpt-5-2025-08-07', 'gpt-5-mini', 'gpt-5-mini-2025-08-07', 'gpt-5-nano', 'gpt-5-nano-2025-08-07', 'gpt-5-pro', 'gpt-5-pro-2025-10-06',
      'o3', 'o3-2025-04-16', 'o3-pro', 'o3-pro-2025-06-10',
    ],
    replacement: 'gpt-6.1-sol / gpt-6.1-terra / gpt-6-luna',
  },
  {
    on: '2027-01-14',
    // The page lists the dated snapshots; the aliases resolve to them, so they go on the same day.
    ids: ['gpt-4o', 'gpt-4o-2024-08-06', 'gpt-4o-2024-11-20', 'gpt-4o-mini', 'gpt-4o-mini-2024-07-18', 'gpt-4.1', 'gpt-4.1-2025-04-14', 'gpt-4.1-mini', 'gpt-4.1-mini-2025-04-14'],
    replacement: 'gpt-6-luna',
  },
  { on: '2027-01-06', ids: ['tts-1', 'tts-1-hd', 'gpt-4o-mini-tts'], note: 'date read from a copy of the page' },
  { on: '2027-02-26', ids: ['whisper-1', 'gpt-4o-transcribe', 'gpt-4o-mini-transcribe', 'gpt-4o-transcribe-diarize'], note: 'date read from a copy of the page' },
  { on: '2027-04-01', ids: ['gpt-5.1', 'gpt-5.1-2025-11-13'], note: 'date read from a copy of the page' },
];

const shutdownById = new Map(SHUTDOWNS.flatMap((s) => s.ids.map((id) => [id, s] as const)));

/** A dated snapshot (`gpt-4o-2024-08-06`, `gpt-4-0613`) belongs to its base's class. */
export function snapshotBase(id: string): string | undefined {
  const base = id.replace(/-\d{4}-\d{2}-\d{2}$/, '').replace(/-(0301|0314|0613|0125|1106|0409)$/, '');
  return base === id ? undefined : base;
}

const tierById = new Map(ROWS.map(([id, tier]) => [id, tier]));

export const OPENAI_MODELS: OpenAiModel[] = ROWS.map(([id, rowTier, contextWindow, price, source, effectiveFrom]) => {
  const base = snapshotBase(id);
  const tier = (base && tierById.get(base)) || rowTier;
  const fromLitellm = !source || source.startsWith('https://github.com/RoCry/');
  const shutdown = shutdownById.get(id);
  return {
    id,
    tier,
    contextWindow,
    price: price
      ? Price.parse({
          currency: 'USD',
          input: price[0],
          output: price[1],
          cachedInput: price[2],
          source: source ?? LITELLM_SOURCE,
          checkedOn: fromLitellm ? (source === LITELLM_2025_06 ? '2025-06-28' : '2026-07-24') : '2026-12-06',
          ...(effectiveFrom ? { effectiveFrom } : {}),
        })
      : null,
    ...(EMBEDDING_DIMENSIONS[id] ? { embeddingDimensions: EMBEDDING_DIMENSIONS[id] } : {}),
    ...(shutdown
      ? {
          shutdownOn: shutdown.on,
          ...(shutdown.replacement ? { replacement: shutdown.replacement } : {}),
          lifecycle: { source: DEPRECATIONS_PAGE, checkedOn: '2026-12-06', ...(shutdown.note ? { note: shutdown.note } : {}) },
        }
      : {}),
  };
});

/**
 * Ids not in the table still look like OpenAI's (a newer snapshot, a fine-tune `ft:gpt-4o:org::id`).
 * The SDK's own fallback pattern (openai-sdk.md §10c) decides whether a string is an OpenAI model id.
 */
export const OPENAI_MODEL_PATTERN =
  /^(ft:)?(gpt-|o[1-9](-|$)|chatgpt-|codex-|text-embedding-|dall-e|gpt-image|whisper|tts-|omni-moderation|text-moderation|sora-|computer-use|text-davinci|davinci|babbage)/;

/**
 * The provider catalogue's schema. The catalogue is data: adding a provider adds one file under
 * `providers/` and touches no code path. Every price and every non-`unknown` fact carries a source
 * URL, the date it was checked (`checkedOn`) and, where the source says so, the date it took effect
 * (`effectiveFrom`); `unknown` is a value, not a guess. `asOf` is kept in the output for the JSON
 * contract (schemaVersion 1) and equals `checkedOn`.
 */
import { z } from 'zod';

/** `YYYY-MM-DD` or `YYYY-MM` (several sources only date a month). */
export const AsOf = z.string().regex(/^\d{4}-\d{2}(-\d{2})?$/, 'a date must be YYYY-MM or YYYY-MM-DD');
/** A day: retirement dates are announced to the day. */
export const Day = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'a day must be YYYY-MM-DD');
/** Built-in data cites https pages (a test enforces it); user overrides may cite a local file. */
export const SourceUrl = z.url({ protocol: /^(https|file)$/ });
export const HttpsUrl = z.url({ protocol: /^https$/ });

export const Support = z.enum(['yes', 'no', 'partial', 'unknown']);
export type Support = z.infer<typeof Support>;

/** A cheaper or dearer band of a model's price by prompt length (Qwen, GLM-4.5+, Doubao seed…). */
export const PriceTier = z.object({
  /** The band applies to requests whose input is at most this many tokens. */
  maxInputTokens: z.number().int().positive(),
  input: z.number().nonnegative(),
  cachedInput: z.number().nonnegative().nullable().optional(),
  output: z.number().nonnegative(),
});

export const PeakWindow = z.object({
  /** ISO weekdays, 1 = Monday … 7 = Sunday. */
  days: z.array(z.number().int().min(1).max(7)).min(1),
  start: z.string().regex(/^\d{2}:\d{2}$/),
  end: z.string().regex(/^\d{2}:\d{2}$/),
});

/** DeepSeek-style time-of-day pricing: the base price is off-peak, `peak` applies inside the windows. */
export const TimeOfDayPricing = z.object({
  timezone: z.string(),
  windows: z.array(PeakWindow).min(1),
  peak: z.object({
    input: z.number().nonnegative(),
    cachedInput: z.number().nonnegative().nullable(),
    output: z.number().nonnegative(),
  }),
  note: z.string().optional(),
});

/**
 * Where one fact comes from: the page, when it was read, and when the fact took effect where the
 * page dates it. `asOf` used to mean either, which made a price read in December look current when
 * it had changed in July.
 */
export const Evidence = z.object({
  source: SourceUrl,
  /** When the source was read; for a pinned snapshot, the snapshot's date. */
  checkedOn: AsOf,
  effectiveFrom: AsOf.optional(),
  note: z.string().optional(),
});
export type Evidence = z.infer<typeof Evidence>;

/** Prices per 1M tokens. `input` is the cache-miss price. */
const PriceFields = z.object({
  currency: z.enum(['CNY', 'USD']),
  input: z.number().nonnegative(),
  /** Cache-hit input price; null when the provider publishes none. */
  cachedInput: z.number().nonnegative().nullable(),
  output: z.number().nonnegative(),
  /** Output price when the model thinks (Qwen bills thinking output higher). */
  thinkingOutput: z.number().nonnegative().optional(),
  tiers: z.array(PriceTier).optional(),
  timeOfDay: TimeOfDayPricing.optional(),
  source: SourceUrl,
  /** When the source was read; for a pinned snapshot (a package version, a commit), the snapshot's date. */
  checkedOn: AsOf,
  /** When the price took effect, where the source dates it. */
  effectiveFrom: AsOf.optional(),
  /** The provider publishes no per-token price (token packages only): the numbers are 0 and never billed. */
  unlisted: z.literal(true).optional(),
  /** Legacy input spelling of checkedOn; in the output always equal to checkedOn. */
  asOf: AsOf.optional(),
  note: z.string().optional(),
});
export const Price = PriceFields.transform((p) => ({ ...p, asOf: p.asOf ?? p.checkedOn }));
export type Price = z.infer<typeof Price>;
export type PriceInput = z.input<typeof Price>;

export const ChatTier = z.enum(['flagship', 'balanced', 'cheap', 'reasoning', 'vision', 'code', 'long']);

export type ChatTier = z.infer<typeof ChatTier>;

/** active: served and not announced for retirement; deprecated: announced or superseded; retired: calls fail. */
export const ModelStatus = z.enum(['active', 'deprecated', 'retired']);
export type ModelStatus = z.infer<typeof ModelStatus>;

const TokenCount = z.union([z.number().int().positive(), z.literal('unknown')]);

export const ChatModel = z
  .object({
    id: z.string().min(1),
    tier: ChatTier,
    contextWindow: TokenCount,
    /** Most output tokens one response may have (reasoning included where the provider counts it). */
    maxOutput: TokenCount.default('unknown'),
    /** Evidence for contextWindow and maxOutput. */
    limits: Evidence.optional(),
    vision: z.boolean().default(false),
    /** none: never thinks; optional: a switch turns thinking on; always: a thinking-only model. */
    thinking: z.enum(['none', 'optional', 'always', 'unknown']).default('none'),
    price: Price,
    status: ModelStatus.default('active'),
    /** The announced retirement day (past for a retired model). */
    retiresOn: Day.optional(),
    /** Evidence for status and retiresOn; required unless the model is active. */
    lifecycle: Evidence.optional(),
    /** Release month or day; the mapping rule prefers the newest model of a tier. */
    released: AsOf.optional(),
    /** Preview models can go with short notice: never chosen by the mapping rule. */
    preview: z.boolean().default(false),
    /** Region ids that serve the model, when not all of the provider's regions do. */
    regions: z.array(z.string()).optional(),
    /** Facts about this model that could not be verified, in words. */
    unverified: z.array(z.string()).optional(),
    note: z.string().optional(),
    /** Kept for the JSON contract: a one-line lifecycle text when the model is not active. */
    deprecated: z.string().optional(),
  })
  .refine((m) => m.status === 'active' || m.lifecycle !== undefined, { message: 'a deprecated or retired model needs lifecycle evidence' })
  .refine((m) => m.contextWindow === 'unknown' || m.limits !== undefined, { message: 'a known context window needs limits evidence' })
  .transform((m) =>
    m.status === 'active' || m.deprecated ? m : { ...m, deprecated: `${m.status}${m.retiresOn ? ` ${m.retiresOn}` : ''}${m.lifecycle?.note ? `: ${m.lifecycle.note}` : ''}` },
  );
export type ChatModel = z.infer<typeof ChatModel>;
export type ChatModelInput = z.input<typeof ChatModel>;

export const EmbeddingModel = z.object({
  id: z.string().min(1),
  /** Vector size returned when `dimensions` is not sent. */
  dimensions: z.union([z.number().int().positive(), z.literal('unknown')]),
  /** Sizes selectable with OpenAI's `dimensions` parameter. */
  dimensionOptions: z.array(z.number().int().positive()).optional(),
  dimensionsParam: Support,
  /** Most inputs accepted in one request. */
  maxBatch: z.union([z.number().int().positive(), z.literal('unknown')]),
  maxInputTokens: z.union([z.number().int().positive(), z.literal('unknown')]),
  price: Price,
  status: ModelStatus.default('active'),
  retiresOn: Day.optional(),
  lifecycle: Evidence.optional(),
  note: z.string().optional(),
});
export type EmbeddingModel = z.infer<typeof EmbeddingModel>;

export const FeatureFlag = z.object({
  support: Support,
  note: z.string().optional(),
  /** Evidence; required unless support is `unknown`. */
  source: SourceUrl.optional(),
  /** Accepted values where the feature has a closed set (tool_choice, thinking dialect…). */
  values: z.array(z.string()).optional(),
  min: z.number().optional(),
  max: z.number().optional(),
});
export type FeatureFlag = z.infer<typeof FeatureFlag>;

/** Every feature the capability lint can check. The keys are part of the JSON output contract. */
export const FEATURE_IDS = [
  'streaming',
  'streamOptions',
  'tools',
  'streamingTools',
  'toolChoice',
  'parallelToolCalls',
  'jsonObject',
  'jsonSchema',
  'parse',
  'vision',
  'multipleChoices',
  'logprobs',
  'seed',
  'logitBias',
  'temperature',
  'maxCompletionTokens',
  'thinking',
  'reasoningContent',
  'embeddings',
  'images',
  'audio',
  'moderations',
  'files',
  'batch',
  'fineTuning',
  'responses',
  'assistants',
  'vectorStores',
  'realtime',
] as const;
export type FeatureId = (typeof FEATURE_IDS)[number];

const UNKNOWN_FLAG = { support: 'unknown' as const };

/** Every feature; one a provider file leaves out is `unknown`, which is a value, not a guess. */
export const Features = z.object(
  Object.fromEntries(FEATURE_IDS.map((id) => [id, FeatureFlag.default(UNKNOWN_FLAG)])) as Record<FeatureId, z.ZodDefault<typeof FeatureFlag>>,
);
export type Features = z.infer<typeof Features>;

/**
 * Classes of OpenAI models. Each OpenAI model id belongs to one (see openai.ts); each provider maps
 * each class to one of its models or to `none`.
 */
export const OPENAI_TIERS = [
  'flagship',
  'balanced',
  'cheap',
  'reasoning',
  'reasoningSmall',
  'vision',
  'embeddingSmall',
  'embeddingLarge',
  'legacyCompletion',
  'image',
  'transcription',
  'speech',
  'moderation',
  'realtime',
  'video',
] as const;
export type OpenAiTier = (typeof OPENAI_TIERS)[number];

export const ModelTarget = z.union([z.string().min(1), z.literal('none')]);
export const ModelMap = z.object(
  Object.fromEntries(OPENAI_TIERS.map((tier) => [tier, ModelTarget])) as Record<OpenAiTier, typeof ModelTarget>,
);
export type ModelMap = z.infer<typeof ModelMap>;
/** Explicit per-provider choices for some classes; every other class is mapped by rule (mapping.ts). */
export const TierOverrides = ModelMap.partial();
export type TierOverrides = z.infer<typeof TierOverrides>;

export const Region = z.object({
  id: z.string().regex(/^[a-z][a-z0-9-]*$/),
  label: z.string(),
  baseURL: HttpsUrl,
  default: z.boolean().default(false),
  source: SourceUrl,
});

export const Quirk = z.object({
  id: z.string().regex(/^[a-z][a-zA-Z0-9]*$/),
  message: z.string(),
  source: SourceUrl.optional(),
});

const Provider = z.object({
  id: z.string().regex(/^[a-z][a-z0-9-]*$/),
  name: z.object({ en: z.string(), zh: z.string() }),
  website: HttpsUrl,
  docs: z.object({
    openaiCompatibility: HttpsUrl,
    pricing: HttpsUrl,
    models: HttpsUrl.optional(),
  }),
  regions: z.array(Region).min(1),
  /** The env var that holds the key (the provider's own convention where it has one). */
  apiKeyEnv: z.string().regex(/^[A-Z][A-Z0-9_]*$/),
  /** The env var banjia's rewrite reads first for the base URL, so a deployment can override it. */
  baseUrlEnv: z.string().regex(/^[A-Z][A-Z0-9_]*$/),
  /** Facts about the env var name: verified from an official sample, or a convention. */
  apiKeyEnvNote: z.string().optional(),
  features: Features,
  chatModels: z.array(ChatModel).min(1),
  embeddingModels: z.array(EmbeddingModel),
  /** Classes this provider maps by hand instead of by rule; say why in the data file. */
  tierOverrides: TierOverrides.default({}),
  /** Exceptions to the tier map for particular OpenAI ids. */
  modelOverrides: z.record(z.string(), ModelTarget).default({}),
  quirks: z.array(Quirk).default([]),
  /** Leave OpenAI model ids in place when unmapped (gateways that serve OpenAI's names). */
  keepUnmappedModels: z.boolean().default(false),
  /** When the provider's data was last checked against its pages. */
  checkedOn: AsOf,
});
/** The validated data file. */
export const ProviderData = Provider.transform((p) => ({ ...p, asOf: p.checkedOn }));
export type ProviderData = z.infer<typeof ProviderData>;
/**
 * What `migrate doctor` found for the user's account and region (`.migrate/provider-lock.json`),
 * attached to the target provider of a plan so that the mapping prefers the ids it confirmed.
 */
export interface ModelLock {
  /** The lock file, relative to the project root, named in findings. */
  file: string;
  checkedAt: string;
  confirmed: string[];
  /** Ids doctor could not confirm, each with doctor's reason. */
  missing: Record<string, string>;
}

/** A provider as the rest of banjia sees it: its data plus the class map the rule derives (index.ts). */
export type Provider = ProviderData & { modelMap: ModelMap; lock?: ModelLock };
export type ProviderInput = z.input<typeof Provider>;

export const OpenAiModel = z.object({
  id: z.string(),
  tier: z.enum(OPENAI_TIERS),
  contextWindow: z.union([z.number().int().positive(), z.literal('unknown')]),
  /** USD per 1M tokens; null for models billed otherwise (images, audio minutes) or unpriced. */
  price: Price.nullable(),
  embeddingDimensions: z.number().int().positive().optional(),
  /** OpenAI's shutdown day for this id, from its deprecations page. */
  shutdownOn: Day.optional(),
  /** OpenAI's recommended replacement, as the deprecations page names it. */
  replacement: z.string().optional(),
  lifecycle: Evidence.optional(),
});
export type OpenAiModel = z.infer<typeof OpenAiModel>;

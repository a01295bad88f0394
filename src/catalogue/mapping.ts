/**
 * Which provider model an OpenAI model becomes, by rule rather than by a hand-kept table, so that a
 * new model, a retirement or a context window in the data changes the mapping without code:
 *
 * 1. Only active, non-preview models served at the endpoint the rewrite points to are candidates (a
 *    retired id fails at run time; a preview can go with two weeks' notice).
 * 2. Each OpenAI class has a pool of provider tiers, tried in order; the first pool with any
 *    candidate is used, so a provider without a `cheap` model falls back to its `balanced` one.
 *    reasoning and reasoningSmall take only thinking models; vision only models that read images.
 * 3. In the pool, the newest model whose context window holds the source model's (for a class
 *    that does not reason, one that can answer without thinking, where such a model fits); if
 *    none does, the one with the largest window, with a warning naming both windows.
 *
 * Explicit per-provider choices (`tierOverrides`, `modelOverrides` in the data, and the user's
 * config) win over the rule; `mapModel` in index.ts applies them.
 */
import type { ChatModel, ChatTier, EmbeddingModel, ModelLock, ModelMap, OpenAiModel, OpenAiTier, ProviderData } from './schema.js';
import { OPENAI_TIERS } from './schema.js';

interface ChatClassRule {
  pools: ChatTier[][];
  thinking?: true;
  vision?: true;
}

const CHAT_RULES: Partial<Record<OpenAiTier, ChatClassRule>> = {
  flagship: { pools: [['flagship'], ['balanced']] },
  balanced: { pools: [['balanced'], ['cheap'], ['flagship']] },
  cheap: { pools: [['cheap'], ['balanced']] },
  reasoning: { pools: [['reasoning', 'flagship'], ['balanced']], thinking: true },
  reasoningSmall: { pools: [['reasoning', 'balanced', 'cheap'], ['flagship']], thinking: true },
  vision: { pools: [['vision'], ['flagship', 'balanced', 'cheap']], vision: true },
};

export interface RuleChoice {
  target: string | undefined;
  /** Set when no candidate's context window holds the source's. */
  warning?: string;
}

function defaultRegionId(provider: ProviderData): string | undefined {
  return (provider.regions.find((r) => r.default) ?? provider.regions[0])?.id;
}

/** A model the rewrite may point code at: served, announced nowhere for retirement, not a preview. */
export function isTargetable(model: ChatModel, regionId: string | undefined): boolean {
  return model.status === 'active' && !model.preview && (!model.regions || (regionId !== undefined && model.regions.includes(regionId)));
}

const ctx = (n: number | 'unknown') => (n === 'unknown' ? 0 : n);
const fmt = (n: number | 'unknown') => (n === 'unknown' ? 'unknown' : n.toLocaleString('en-US'));

function newestFirst(a: ChatModel, b: ChatModel, order: Map<ChatModel, number>): number {
  const ra = a.released ?? '';
  const rb = b.released ?? '';
  if (ra !== rb) return ra < rb ? 1 : -1;
  return order.get(a)! - order.get(b)!;
}

/**
 * An OpenAI model that answers without thinking becomes one that can too, where one fits: a
 * thinking-only model bills reasoning tokens on every call, answers later, and on some providers
 * refuses a request that does not stream (Qwen, rule qwen-thinking-stream-only).
 */
function preferAnswering(rule: ChatClassRule, models: ChatModel[]): ChatModel[] {
  if (rule.thinking) return models;
  const answering = models.filter((m) => m.thinking !== 'always');
  return answering.length ? answering : models;
}

/** The rule for one chat class and one source context window (`unknown` asks for nothing). */
export function chooseChatModel(provider: ProviderData, tier: OpenAiTier, sourceContext: number | 'unknown', sourceId: string = tier): RuleChoice {
  const rule = CHAT_RULES[tier];
  if (!rule) return { target: undefined };
  const region = defaultRegionId(provider);
  const order = new Map(provider.chatModels.map((m, i) => [m, i]));
  for (const pool of rule.pools) {
    const candidates = provider.chatModels.filter(
      (m) =>
        isTargetable(m, region) &&
        pool.includes(m.tier) &&
        (!rule.thinking || m.thinking === 'always' || m.thinking === 'optional') &&
        (!rule.vision || m.vision),
    );
    if (candidates.length === 0) continue;
    const need = sourceContext === 'unknown' ? 0 : sourceContext;
    const fitting = candidates.filter((m) => m.contextWindow !== 'unknown' && m.contextWindow >= need);
    if (fitting.length > 0 || need === 0) {
      const list = preferAnswering(rule, fitting.length > 0 ? fitting : candidates);
      return { target: [...list].sort((a, b) => newestFirst(a, b, order))[0].id };
    }
    const largest = [...candidates].sort((a, b) => ctx(b.contextWindow) - ctx(a.contextWindow) || newestFirst(a, b, order))[0];
    return {
      target: largest.id,
      warning: `${largest.id}'s context window (${fmt(largest.contextWindow)} tokens) is smaller than ${sourceId}'s (${fmt(sourceContext)} tokens): long prompts that work today will be rejected`,
    };
  }
  return { target: undefined };
}

function dimensionsOf(model: EmbeddingModel): number[] {
  const dims = model.dimensionOptions ?? [];
  return model.dimensions === 'unknown' ? dims : [model.dimensions, ...dims];
}

/**
 * Embeddings: the small class wants OpenAI's 1536 dimensions where a model offers them, the large
 * class the most dimensions on offer; ties go to the first listed model. A vector index must be
 * rebuilt either way (another model's space), which the rewrite says.
 */
export function chooseEmbeddingModel(provider: ProviderData, tier: 'embeddingSmall' | 'embeddingLarge', sourceDimensions?: number): string | undefined {
  const candidates = provider.embeddingModels.filter((m) => m.status === 'active');
  if (candidates.length === 0) return undefined;
  if (tier === 'embeddingSmall') {
    const exact = sourceDimensions ? candidates.find((m) => dimensionsOf(m).includes(sourceDimensions)) : undefined;
    return (exact ?? candidates[0]).id;
  }
  const best = (m: EmbeddingModel) => Math.max(0, ...dimensionsOf(m));
  return [...candidates].sort((a, b) => best(b) - best(a))[0].id;
}

/**
 * The class map shown in `migrate providers` and the README: the explicit choices, else the rule for
 * a 128K-context source (gpt-4o, gpt-4o-mini, o-series); `mapModel` applies each id's own window.
 */
export const DISPLAY_CONTEXT = 128000;
export function deriveModelMap(provider: ProviderData): ModelMap {
  const map = {} as ModelMap;
  for (const tier of OPENAI_TIERS) {
    const explicit = provider.tierOverrides[tier];
    if (explicit) {
      map[tier] = explicit;
      continue;
    }
    const chosen =
      tier === 'embeddingSmall' || tier === 'embeddingLarge'
        ? chooseEmbeddingModel(provider, tier, tier === 'embeddingSmall' ? 1536 : 3072)
        : chooseChatModel(provider, tier, DISPLAY_CONTEXT).target;
    map[tier] = chosen ?? 'none';
  }
  return map;
}

export interface LockedChoice {
  /** The lock file that did not confirm `missing`. */
  file: string;
  missing: string;
  /** Doctor's reason, as the lock records it. */
  reason: string;
  /** The confirmed id written instead, when the catalogue has one for the same class. */
  fallback?: string;
}

/**
 * The id the rule picks for this OpenAI model among the models doctor confirmed only: the same
 * class, pools, thinking and vision needs and context window as any mapping, so a confirmed model of
 * another role is never offered. Undefined when none fits (or the OpenAI id has no known class).
 */
export function confirmedChoice(provider: ProviderData, lock: ModelLock, model: OpenAiModel | undefined): string | undefined {
  if (!model) return undefined;
  const confirmed = new Set(lock.confirmed);
  const only: ProviderData = {
    ...provider,
    chatModels: provider.chatModels.filter((m) => confirmed.has(m.id)),
    embeddingModels: provider.embeddingModels.filter((m) => confirmed.has(m.id)),
  };
  if (model.tier === 'embeddingSmall' || model.tier === 'embeddingLarge') return chooseEmbeddingModel(only, model.tier, model.embeddingDimensions);
  return chooseChatModel(only, model.tier, model.contextWindow, model.id).target;
}

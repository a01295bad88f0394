/**
 * The cost engine of `migrate cost`: what the usage cost on OpenAI (USD, catalogue prices) and what
 * it would cost on each provider (its own currency, converted with the CNY-per-USD rate), per model,
 * per provider and in total, normalized to a month and ranked.
 *
 * Provider prices honour the catalogue's structure: cached input at `cachedInput`, context-length
 * `tiers` by the average prompt of each usage row, `thinkingOutput` when a reasoning model moves to a
 * model that thinks on request, and DeepSeek-style `timeOfDay` pricing per bucket (≤ 1 hour) or at a
 * stated blended share. Token counts are re-based to the target's tokenizer (tokens.ts).
 *
 * Every figure is exact (no rounding); every assumption made is listed in `assumptions` so the CLI
 * can print it next to the figure and put it in the JSON.
 */
import { DEFAULT_FX } from '../catalogue/fx.js';
import { findOpenAiModel, findProviderModel, listProviders, mapModel, normalizeOpenAiId, type ModelMapping } from '../catalogue/index.js';
import type { ChatModel, EmbeddingModel, OpenAiModel, OpenAiTier, Price, Provider } from '../catalogue/schema.js';
import { ConfigError } from '../core/errors.js';
import { tokenRatio, type PromptLanguage, type TokenRatio, type TokenRatioOverrides } from './tokens.js';
import { describeSeconds, type UsageKind, type UsageRecord } from './usage.js';

type Currency = Price['currency'];
type TimeOfDay = NonNullable<Price['timeOfDay']>;
type PriceTier = NonNullable<Price['tiers']>[number];

/** Days in an average month (365.25 / 12). */
export const MONTH_DAYS = 365.25 / 12;
const MONTH_SECONDS = MONTH_DAYS * 86400;
/** Buckets at most this long are priced by their own time of day. */
export const HOURLY_BUCKET_MAX_SECONDS = 3600;
/** OpenAI's Batch API costs half the synchronous price. */
export const OPENAI_BATCH_DISCOUNT = 0.5;
const OPENAI_BATCH_SOURCE = 'https://platform.openai.com/docs/guides/batch';

export interface CostOptions {
  /** CNY per USD; default DEFAULT_FX (fx.ts). */
  cnyPerUsd?: number;
  /** `--model-map` / config overrides, OpenAI id (or tier) → provider model id. */
  modelMap?: Record<string, string>;
  /** Providers to price; default every provider of the catalogue. */
  providers?: Provider[];
  /** Language of most prompts, for the token re-basing; default 'en'. */
  language?: PromptLanguage;
  tokenRatios?: TokenRatioOverrides;
  /** Ratios counted with installed provider tokenizers (provider-tokenizers.ts), by tokenizer family. */
  measuredRatios?: Record<string, { ratio: number; tokenizer: string }>;
  /** Share of traffic in peak hours where the usage has no hourly buckets; default the share of peak hours in a week. */
  peakShare?: number;
  /** Length of the usage in days, instead of the buckets' span. */
  periodDays?: number;
  /** The period the usage file covers (UsageDescription.period), when known. */
  period?: { start: number; end: number };
}

export interface Assumption {
  id: string;
  text: string;
  value: number | string | boolean | null;
  /** The text in Chinese, for `--lang zh`. */
  zh?: string;
}

export interface TokenTotals {
  inputTokens: number;
  cachedInputTokens: number;
  outputTokens: number;
  requests: number;
}

export interface OpenAiModelCost extends TokenTotals {
  /** The id as in the usage. */
  model: string;
  kind: UsageKind;
  tier: OpenAiTier | null;
  /** The catalogue id whose price was used (a dated snapshot prices as its family), or null. */
  pricedAs: string | null;
  priced: boolean;
  /** Why it is not priced. */
  reason?: string;
  usd: number;
  monthlyUsd: number;
}

export interface ProviderModelCost extends TokenTotals {
  openaiModel: string;
  targetModel: string;
  via: ModelMapping['via'];
  tier: OpenAiTier | null;
  currency: Currency;
  /** In the model's price currency. */
  amount: number;
  usd: number;
  monthlyAmount: number;
  monthlyUsd: number;
  /** OpenAI's cost of the same rows (0 when OpenAI's price is unknown). */
  openaiUsd: number;
  openaiPriced: boolean;
  /** Token counts above are re-based by this ratio. */
  tokenRatio: number;
  /** Context-length tiers chosen (their maxInputTokens), when the price has tiers. */
  priceTiers: number[];
  /** Output billed at the thinking price. */
  thinking: boolean;
  /** Share of the tokens billed at peak prices, when the price has time-of-day pricing. */
  peakShare?: number;
  /** 'buckets': each bucket by its own time; 'blended': the default share; 'mixed': both. */
  timeOfDay?: 'buckets' | 'blended' | 'mixed';
  notes: string[];
  /** `notes` in Chinese, same order, for `--lang zh`. */
  notesZh: string[];
}

export interface UncoveredUsage {
  openaiModel: string;
  reason: string;
  /** `reason` in Chinese, for `--lang zh`. */
  reasonZh: string;
  openaiUsd: number;
  inputTokens: number;
  outputTokens: number;
}

export interface ProviderCost {
  id: string;
  name: { en: string; zh: string };
  /** 1-based position in the ranking. */
  rank: number;
  currency: Currency;
  amount: number;
  usd: number;
  cny: number;
  monthlyAmount: number;
  monthlyUsd: number;
  monthlyCny: number;
  /** Every row with a model is priced on this provider (rows without a model are priced nowhere). */
  complete: boolean;
  models: ProviderModelCost[];
  uncovered: UncoveredUsage[];
  /** Against OpenAI, over the rows priced on both sides. Negative delta = cheaper than OpenAI. */
  comparison: {
    openaiUsd: number;
    providerUsd: number;
    deltaUsd: number;
    deltaCny: number;
    monthlyOpenaiUsd: number;
    monthlyProviderUsd: number;
    monthlyDeltaUsd: number;
    monthlyDeltaCny: number;
    /** (provider − OpenAI) / OpenAI; null when OpenAI's cost is 0. */
    ratio: number | null;
  };
}

export interface CostResult {
  fx: { cnyPerUsd: number; asOf: string | null; source: string | null; isDefault: boolean };
  period: {
    /** 'static': a scan's estimate, a month by construction (static.ts). */
    basis: 'usage' | 'given' | 'assumed-month' | 'static';
    start?: number;
    end?: number;
    days: number | null;
    /** Multiply a figure of the usage by this for a month. */
    monthlyFactor: number;
  };
  language: PromptLanguage;
  openai: {
    usd: number;
    cny: number;
    monthlyUsd: number;
    monthlyCny: number;
    models: OpenAiModelCost[];
    /** Rows with no model (usage not grouped by model): not priced anywhere. */
    unattributed: TokenTotals | null;
  };
  providers: ProviderCost[];
  assumptions: Assumption[];
}

// ---------------------------------------------------------------------------------------------
// Time of day

const offsetFormatters = new Map<string, Intl.DateTimeFormat>();

/** UTC offset of `timeZone` at `epochSeconds`, in seconds (Asia/Shanghai: +08:00, no DST). */
export function timeZoneOffsetSeconds(timeZone: string, epochSeconds: number): number {
  if (timeZone === 'Asia/Shanghai' || timeZone === 'PRC' || timeZone === 'Asia/Chongqing' || timeZone === '+08:00') return 8 * 3600;
  if (timeZone === 'UTC' || timeZone === 'Etc/UTC') return 0;
  let dtf = offsetFormatters.get(timeZone);
  if (!dtf) {
    try {
      dtf = new Intl.DateTimeFormat('en-US', {
        timeZone,
        hourCycle: 'h23',
        year: 'numeric',
        month: '2-digit',
        day: '2-digit',
        hour: '2-digit',
        minute: '2-digit',
        second: '2-digit',
      });
    } catch {
      throw new ConfigError(`unknown time zone '${timeZone}' in a time-of-day price`);
    }
    offsetFormatters.set(timeZone, dtf);
  }
  const whole = Math.floor(epochSeconds);
  const parts: Record<string, number> = {};
  for (const part of dtf.formatToParts(new Date(whole * 1000))) if (part.type !== 'literal') parts[part.type] = Number(part.value);
  const asUtc = Date.UTC(parts.year, parts.month - 1, parts.day, parts.hour % 24, parts.minute, parts.second) / 1000;
  return asUtc - whole;
}

function minutesOf(hhmm: string): number {
  const [h, m] = hhmm.split(':').map(Number);
  return h * 60 + m;
}

/** Share of the interval [start, start + seconds) that falls in the price's peak windows. */
export function peakFraction(start: number, seconds: number, timeOfDay: TimeOfDay): number {
  if (seconds <= 0) return 0;
  const local0 = start + timeZoneOffsetSeconds(timeOfDay.timezone, start);
  const local1 = local0 + seconds;
  let inPeak = 0;
  // The day before too, for windows that cross midnight.
  for (let day = Math.floor(local0 / 86400) - 1; day <= Math.floor((local1 - 1e-9) / 86400); day++) {
    const isoWeekday = ((((day + 3) % 7) + 7) % 7) + 1; // 1970-01-01 (day 0) was a Thursday (4)
    for (const window of timeOfDay.windows) {
      if (!window.days.includes(isoWeekday)) continue;
      const ws = day * 86400 + minutesOf(window.start) * 60;
      let we = day * 86400 + minutesOf(window.end) * 60;
      if (we <= ws) we += 86400;
      inPeak += Math.max(0, Math.min(we, local1) - Math.max(ws, local0));
    }
  }
  return Math.min(1, inPeak / seconds);
}

/** Share of the hours of a week inside the peak windows (DeepSeek: 35 of 168 hours). */
export function weeklyPeakShare(timeOfDay: TimeOfDay): number {
  let seconds = 0;
  for (const window of timeOfDay.windows) {
    let minutes = minutesOf(window.end) - minutesOf(window.start);
    if (minutes <= 0) minutes += 24 * 60;
    seconds += minutes * 60 * new Set(window.days).size;
  }
  return Math.min(1, seconds / (7 * 86400));
}

// ---------------------------------------------------------------------------------------------
// Prices

/** Prices per 1M tokens, in the price's currency. */
export interface UnitPrices {
  input: number;
  cachedInput: number;
  output: number;
}

export interface ResolvedPrice {
  offPeak: UnitPrices;
  /** Present when the price has time-of-day pricing. */
  peak?: UnitPrices;
  /** The context-length tier chosen, if any. */
  tier?: PriceTier;
  /** The average prompt was longer than every tier: the last tier was used. */
  beyondTiers: boolean;
  /** No cached price is published: cached input billed at the full input price. */
  cachedAtInput: boolean;
  /** Output billed at `thinkingOutput`. */
  thinking: boolean;
}

/**
 * The unit prices for one usage row: the context tier for `averageInputTokens` (null: unknown, the
 * first tier), the thinking output price when `thinking`, and the peak prices scaled alike.
 */
export function resolvePrice(price: Price, averageInputTokens: number | null, thinking: boolean): ResolvedPrice {
  let input = price.input;
  let cached: number | null = price.cachedInput;
  let output = price.output;
  let tier: PriceTier | undefined;
  let beyondTiers = false;
  if (price.tiers && price.tiers.length > 0) {
    const tiers = [...price.tiers].sort((a, b) => a.maxInputTokens - b.maxInputTokens);
    tier = averageInputTokens === null ? tiers[0] : tiers.find((t) => averageInputTokens <= t.maxInputTokens);
    if (!tier) {
      tier = tiers[tiers.length - 1];
      beyondTiers = true;
    }
    input = tier.input;
    output = tier.output;
    cached = tier.cachedInput !== undefined ? tier.cachedInput : tier.input === price.input ? price.cachedInput : null;
  }
  const useThinking = thinking && price.thinkingOutput !== undefined;
  if (useThinking) output = output === price.output || price.output === 0 ? price.thinkingOutput! : output * (price.thinkingOutput! / price.output);
  const cachedAtInput = cached === null;
  const offPeak: UnitPrices = { input, cachedInput: cached ?? input, output };
  let peak: UnitPrices | undefined;
  if (price.timeOfDay) {
    const p = price.timeOfDay.peak;
    // The peak price is given for the base price; a tier or the thinking price scale by the same factor.
    const scale = (value: number, base: number, peakBase: number) => (value === base || base === 0 ? peakBase : value * (peakBase / base));
    const peakInput = scale(input, price.input, p.input);
    const peakCached = cached === null ? peakInput : p.cachedInput === null ? peakInput : scale(cached, price.cachedInput ?? cached, p.cachedInput);
    const peakOutput = scale(output, price.output, p.output);
    peak = { input: peakInput, cachedInput: peakCached, output: peakOutput };
  }
  return { offPeak, ...(peak ? { peak } : {}), ...(tier ? { tier } : {}), beyondTiers, cachedAtInput, thinking: useThinking };
}

function rowCost(unit: UnitPrices, inputTokens: number, cachedInputTokens: number, outputTokens: number): number {
  return ((inputTokens - cachedInputTokens) * unit.input + cachedInputTokens * unit.cachedInput + outputTokens * unit.output) / 1e6;
}

function toUsd(amount: number, currency: Currency, cnyPerUsd: number): number {
  return currency === 'USD' ? amount : amount / cnyPerUsd;
}

function fromUsd(usd: number, currency: Currency, cnyPerUsd: number): number {
  return currency === 'USD' ? usd : usd * cnyPerUsd;
}

function fmtPrice(value: number, currency: Currency): string {
  return `${currency === 'USD' ? '$' : '¥'}${value}/1M`;
}

// ---------------------------------------------------------------------------------------------
// OpenAI

export interface OpenAiPricing {
  model: OpenAiModel | undefined;
  price: Price | null;
  pricedAs: string | null;
  familyFallback: boolean;
}

export function openaiPricing(id: string): OpenAiPricing {
  const model = findOpenAiModel(id);
  if (model?.price) return { model, price: model.price, pricedAs: model.id, familyFallback: false };
  // A snapshot the table lists without a price prices as its family alias.
  const family = findOpenAiModel(normalizeOpenAiId(id));
  if (family?.price) return { model: model ?? family, price: family.price, pricedAs: family.id, familyFallback: family.id !== model?.id };
  return { model, price: null, pricedAs: null, familyFallback: false };
}

function isReasoningTier(tier: OpenAiTier | undefined | null): boolean {
  return tier === 'reasoning' || tier === 'reasoningSmall';
}

// ---------------------------------------------------------------------------------------------
// The computation

class Assumptions {
  private readonly list: Assumption[] = [];
  private readonly ids = new Set<string>();

  add(id: string, text: string, value: Assumption['value'], zh?: string): void {
    if (this.ids.has(id)) return;
    this.ids.add(id);
    this.list.push({ id, text, value, ...(zh ? { zh } : {}) });
  }

  all(): Assumption[] {
    return this.list;
  }
}

function emptyTotals(): TokenTotals {
  return { inputTokens: 0, cachedInputTokens: 0, outputTokens: 0, requests: 0 };
}

function addTotals(into: TokenTotals, input: number, cached: number, output: number, requests: number): void {
  into.inputTokens += input;
  into.cachedInputTokens += cached;
  into.outputTokens += output;
  into.requests += requests;
}

export function computeCost(records: UsageRecord[], options: CostOptions = {}): CostResult {
  const cnyPerUsd = options.cnyPerUsd ?? DEFAULT_FX.cnyPerUsd;
  if (!Number.isFinite(cnyPerUsd) || cnyPerUsd <= 0) throw new ConfigError(`the CNY-per-USD rate must be a positive number, got ${cnyPerUsd}`);
  const language = options.language ?? 'en';
  const modelMap = options.modelMap ?? {};
  const providers = options.providers ?? listProviders();
  if (options.peakShare !== undefined && !(options.peakShare >= 0 && options.peakShare <= 1)) {
    throw new ConfigError(`the peak-hour share must be between 0 and 1, got ${options.peakShare}`);
  }
  const assumptions = new Assumptions();

  // Period and monthly factor.
  const period = computePeriod(records, options);
  const factor = period.monthlyFactor;
  const isDefaultFx = options.cnyPerUsd === undefined || options.cnyPerUsd === DEFAULT_FX.cnyPerUsd;
  assumptions.add(
    'fx',
    isDefaultFx
      ? `CNY per USD: ${cnyPerUsd} (default; ${DEFAULT_FX.source}, as of ${DEFAULT_FX.asOf}; gateways use 7.0–7.3)`
      : `CNY per USD: ${cnyPerUsd} (given)`,
    cnyPerUsd,
    isDefaultFx
      ? `美元兑人民币：${cnyPerUsd}（默认值；${DEFAULT_FX.source}，截至 ${DEFAULT_FX.asOf}；各网关用 7.0–7.3）`
      : `美元兑人民币：${cnyPerUsd}（指定）`,
  );
  if (period.basis === 'usage') {
    const days = period.days!;
    assumptions.add(
      'period',
      `The usage covers ${describeDays(days)}; monthly figures scale it to ${MONTH_DAYS} days (×${round(factor, 4)})${days < 1 ? ', a short sample' : ''}`,
      factor,
      `用量覆盖 ${describeDaysZh(days)}；月度数字按 ${MONTH_DAYS} 天折算（×${round(factor, 4)}）${days < 1 ? '，样本较短' : ''}`,
    );
  } else if (period.basis === 'given') {
    assumptions.add(
      'period',
      `The usage covers ${describeDays(period.days!)} (given); monthly figures scale it to ${MONTH_DAYS} days (×${round(factor, 4)})`,
      factor,
      `用量覆盖 ${describeDaysZh(period.days!)}（指定）；月度数字按 ${MONTH_DAYS} 天折算（×${round(factor, 4)}）`,
    );
  } else {
    assumptions.add('period', 'The usage file gives no time span: it is treated as one month', 1, '用量文件未给出时间范围：按一个月计');
  }

  // OpenAI, per model.
  const openaiModels = new Map<string, OpenAiModelCost>();
  const rowOpenAiUsd: number[] = [];
  let unattributed: TokenTotals | null = null;
  let batchRows = 0;
  let fineTunes = 0;
  const familyFallbacks = new Set<string>();
  const pricingCache = new Map<string, OpenAiPricing>();
  records.forEach((row, i) => {
    if (row.model === null) {
      unattributed ??= emptyTotals();
      addTotals(unattributed, row.inputTokens, row.cachedInputTokens, row.outputTokens, row.requests);
      rowOpenAiUsd[i] = 0;
      return;
    }
    let pricing = pricingCache.get(row.model);
    if (!pricing) {
      pricing = openaiPricing(row.model);
      pricingCache.set(row.model, pricing);
    }
    let entry = openaiModels.get(row.model);
    if (!entry) {
      entry = {
        model: row.model,
        kind: row.kind,
        tier: pricing.model?.tier ?? null,
        pricedAs: pricing.pricedAs,
        priced: pricing.price !== null,
        ...(pricing.price
          ? {}
          : { reason: pricing.model ? `the catalogue has no per-token price for ${row.model}` : `${row.model} is not an OpenAI model the catalogue knows` }),
        ...emptyTotals(),
        usd: 0,
        monthlyUsd: 0,
      };
      openaiModels.set(row.model, entry);
    }
    addTotals(entry, row.inputTokens, row.cachedInputTokens, row.outputTokens, row.requests);
    if (!pricing.price) {
      rowOpenAiUsd[i] = 0;
      return;
    }
    if (pricing.familyFallback) familyFallbacks.add(`${row.model} → ${pricing.pricedAs}`);
    if (/^ft:/.test(row.model)) fineTunes++;
    const p = pricing.price;
    let usd = toUsd(rowCost({ input: p.input, cachedInput: p.cachedInput ?? p.input, output: p.output }, row.inputTokens, row.cachedInputTokens, row.outputTokens), p.currency, cnyPerUsd);
    if (row.batch) {
      usd *= OPENAI_BATCH_DISCOUNT;
      batchRows++;
    }
    rowOpenAiUsd[i] = usd;
    entry.usd += usd;
  });
  for (const entry of openaiModels.values()) entry.monthlyUsd = entry.usd * factor;
  const openaiUsd = [...openaiModels.values()].reduce((sum, m) => sum + m.usd, 0);
  assumptions.add(
    'openaiPrices',
    'OpenAI prices: the catalogue’s USD list prices (LiteLLM’s price map); dated snapshots price as their family',
    null,
    'OpenAI 价格：目录中的美元标价（LiteLLM 价格表）；带日期的快照按其模型族计价',
  );
  if (familyFallbacks.size) {
    const list = [...familyFallbacks].join(', ');
    assumptions.add('openaiFamilyPrice', `Priced as their family alias (no own price): ${list}`, familyFallbacks.size, `按模型族别名计价（自身无价格）：${list}`);
  }
  if (fineTunes) {
    assumptions.add(
      'openaiFineTune',
      'Fine-tuned models are priced as their base model; OpenAI bills fine-tuned inference higher, so their OpenAI cost is understated',
      fineTunes,
      '微调模型按其基础模型计价；OpenAI 对微调模型推理收费更高，因此其 OpenAI 费用偏低',
    );
  }
  if (batchRows) {
    assumptions.add(
      'openaiBatch',
      `Rows sent through OpenAI’s Batch API are priced at ${OPENAI_BATCH_DISCOUNT * 100}% (${OPENAI_BATCH_SOURCE}); providers are priced at their real-time list price`,
      OPENAI_BATCH_DISCOUNT,
      `经 OpenAI Batch API 发送的行按 ${OPENAI_BATCH_DISCOUNT * 100}% 计价（${OPENAI_BATCH_SOURCE}）；各服务商按实时标价计`,
    );
  }
  if (unattributed) {
    const u = unattributed as TokenTotals;
    const total = u.inputTokens + u.outputTokens;
    assumptions.add('unattributed', `${total} tokens have no model (usage not grouped by model) and are priced nowhere`, total, `${total} 个 token 没有模型（用量未按模型分组），不计价`);
  }

  // Providers.
  const anyTimeOfDay = providers.some((p) => [...p.chatModels, ...p.embeddingModels].some((m) => m.price.timeOfDay));
  const tokenNotes = new Map<string, { ratio: TokenRatio; providers: Set<string> }>();
  let bucketRows = 0;
  let blendedRows = 0;
  let tiersUsed = false;
  let tierWithoutRequests = false;
  const blendedShares = new Map<string, number>();

  const results: ProviderCost[] = providers.map((provider) => {
    const models = new Map<string, ProviderModelCost & { peakWeighted: number; weight: number; buckets: number; blended: number }>();
    const uncovered = new Map<string, UncoveredUsage>();
    const currencies = new Set<Currency>();
    const targets = new Map<string, { mapping: ModelMapping; target: ChatModel | EmbeddingModel | undefined; ratio: TokenRatio | undefined }>();
    let comparedOpenAiUsd = 0;
    let comparedProviderUsd = 0;
    let complete = true;

    records.forEach((row, i) => {
      // Rows without a model are priced nowhere; they are reported once, under openai.unattributed.
      if (row.model === null) return;
      const openaiModel = row.model;
      const openaiUsdRow = rowOpenAiUsd[i] ?? 0;
      const addUncovered = (reason: string, reasonZh: string) => {
        complete = false;
        const key = `${openaiModel}\u0000${reason}`;
        const u = uncovered.get(key) ?? { openaiModel, reason, reasonZh, openaiUsd: 0, inputTokens: 0, outputTokens: 0 };
        u.openaiUsd += openaiUsdRow;
        u.inputTokens += row.inputTokens;
        u.outputTokens += row.outputTokens;
        uncovered.set(key, u);
      };
      let resolvedModel = targets.get(openaiModel);
      if (!resolvedModel) {
        const m = mapModel(openaiModel, provider, modelMap);
        const t = m.target ? findProviderModel(provider, m.target) : undefined;
        resolvedModel = { mapping: m, target: t, ratio: t ? tokenRatio(provider.id, t.id, openaiModel, language, options.tokenRatios, options.measuredRatios) : undefined };
        targets.set(openaiModel, resolvedModel);
      }
      const mapping = resolvedModel.mapping;
      if (!mapping.target) {
        addUncovered(
          mapping.tier ? `${provider.name.en} has no model for OpenAI’s ${mapping.tier} class` : `${row.model} is not an OpenAI model the catalogue can classify`,
          mapping.tier ? `${provider.name.zh} 没有对应 OpenAI ${mapping.tier} 类的模型` : `目录无法归类 ${row.model}，它不是已知的 OpenAI 模型`,
        );
        return;
      }
      const target = resolvedModel.target;
      if (!target) {
        addUncovered(`${mapping.target} has no price in the catalogue`, `目录中没有 ${mapping.target} 的价格`);
        return;
      }
      const price = target.price;
      // Token-package providers (Spark) publish no per-token price: say so rather than bill zero.
      if (price.unlisted) {
        addUncovered(`${target.id} has no published per-token price`, `${target.id} 没有公开的按 token 单价`);
        return;
      }
      currencies.add(price.currency);
      const ratioInfo = resolvedModel.ratio!;
      const noteKey = `${ratioInfo.basis}|${ratioInfo.ratio}|${ratioInfo.family}`;
      const noted = tokenNotes.get(noteKey) ?? { ratio: ratioInfo, providers: new Set<string>() };
      noted.providers.add(provider.id);
      tokenNotes.set(noteKey, noted);
      const r = ratioInfo.ratio;
      const input = row.inputTokens * r;
      const cached = row.cachedInputTokens * r;
      const output = row.kind === 'embeddings' ? 0 : row.outputTokens * r;

      const isChat = 'tier' in target;
      const thinkingMode = isChat ? (target as ChatModel).thinking : 'none';
      const thinking = isReasoningTier(mapping.tier) && thinkingMode === 'optional';
      const average = price.tiers?.length ? (row.requests > 0 ? input / row.requests : null) : null;
      if (price.tiers?.length) {
        tiersUsed = true;
        if (row.requests <= 0) tierWithoutRequests = true;
      }
      const resolved = resolvePrice(price, average, thinking);

      let share: number;
      let byBucket = false;
      if (resolved.peak && price.timeOfDay) {
        if (row.startTime !== undefined && row.bucketSeconds !== undefined && row.bucketSeconds <= HOURLY_BUCKET_MAX_SECONDS) {
          share = peakFraction(row.startTime, row.bucketSeconds, price.timeOfDay);
          byBucket = true;
          bucketRows++;
        } else {
          share = options.peakShare ?? weeklyPeakShare(price.timeOfDay);
          blendedShares.set(`${provider.id}/${target.id}`, share);
          blendedRows++;
        }
      } else share = 0;
      const offCost = rowCost(resolved.offPeak, input, cached, output);
      const amount = resolved.peak ? (1 - share) * offCost + share * rowCost(resolved.peak, input, cached, output) : offCost;
      const usd = toUsd(amount, price.currency, cnyPerUsd);

      const key = `${row.model}\u0000${target.id}`;
      let entry = models.get(key);
      if (!entry) {
        entry = {
          openaiModel: row.model,
          targetModel: target.id,
          via: mapping.via,
          tier: mapping.tier ?? null,
          currency: price.currency,
          amount: 0,
          usd: 0,
          monthlyAmount: 0,
          monthlyUsd: 0,
          openaiUsd: 0,
          openaiPriced: openaiModels.get(row.model)?.priced ?? false,
          tokenRatio: r,
          priceTiers: [],
          thinking: resolved.thinking,
          notes: [],
          notesZh: [],
          ...emptyTotals(),
          peakWeighted: 0,
          weight: 0,
          buckets: 0,
          blended: 0,
        };
        models.set(key, entry);
      }
      addTotals(entry, input, cached, output, row.requests);
      entry.amount += amount;
      entry.usd += usd;
      entry.openaiUsd += openaiUsdRow;
      if (resolved.tier && !entry.priceTiers.includes(resolved.tier.maxInputTokens)) entry.priceTiers.push(resolved.tier.maxInputTokens);
      const note = (text: string, zh: string) => {
        if (entry!.notes.includes(text)) return;
        entry!.notes.push(text);
        entry!.notesZh.push(zh);
      };
      if (resolved.tier) {
        const max = resolved.tier.maxInputTokens;
        const at = fmtPrice(resolved.offPeak.input, price.currency);
        if (average === null) note(`requests unknown: the first context tier (≤${max} tokens) is assumed`, `请求数未知：按第一档上下文阶梯（≤${max} token）计`);
        else note(`context tier by the average prompt: ≤${max} tokens at ${at} input`, `按平均提示长度选上下文阶梯：≤${max} token，输入 ${at}`);
        if (resolved.beyondTiers) note(`the average prompt exceeds every published tier; the last (≤${max}) is used`, `平均提示长度超过所有公布的阶梯；按最后一档（≤${max}）计`);
      }
      if (resolved.cachedAtInput && cached > 0) {
        const at = fmtPrice(resolved.offPeak.input, price.currency);
        note(`no cached-input price published: cached input billed at the full input price (${at})`, `未公布缓存命中价：缓存输入按完整输入价（${at}）计费`);
        assumptions.add(
          `cachedAtInput:${provider.id}/${target.id}`,
          `${provider.name.en} ${target.id} publishes no cached-input price: cached tokens are billed at the full input price`,
          resolved.offPeak.input,
          `${provider.name.zh} ${target.id} 未公布缓存命中价：缓存 token 按完整输入价计费`,
        );
      }
      if (resolved.thinking) {
        const at = fmtPrice(resolved.offPeak.output, price.currency);
        note(`${row.model} is a reasoning model: thinking on, output at the thinking price ${at}`, `${row.model} 是推理模型：开启思考，输出按思考价 ${at} 计`);
        assumptions.add(
          `thinking:${provider.id}/${target.id}`,
          `${row.model} → ${provider.name.en} ${target.id} with thinking on: output billed at the thinking price ${fmtPrice(price.thinkingOutput!, price.currency)} instead of ${fmtPrice(price.output, price.currency)}`,
          price.thinkingOutput!,
          `${row.model} → ${provider.name.zh} ${target.id} 开启思考：输出按思考价 ${fmtPrice(price.thinkingOutput!, price.currency)} 计费，而非 ${fmtPrice(price.output, price.currency)}`,
        );
      } else if (isReasoningTier(mapping.tier) && thinkingMode === 'optional') {
        note(`${row.model} is a reasoning model: thinking on; the catalogue lists no separate thinking price`, `${row.model} 是推理模型：开启思考；目录中没有单独的思考价`);
      } else if (isReasoningTier(mapping.tier) && thinkingMode === 'always') {
        note(`${target.id} always thinks; its output price is the thinking price`, `${target.id} 始终思考；其输出价即思考价`);
      }
      // The rule found no model whose context holds the OpenAI model's: long prompts will be rejected.
      if (mapping.warning) note(mapping.warning, `${target.id} 的上下文窗口小于 ${row.model} 的：今天能用的长提示会被拒绝`);
      const weight = input + output;
      entry.peakWeighted += share * weight;
      entry.weight += weight;
      if (resolved.peak) {
        if (byBucket) entry.buckets++;
        else entry.blended++;
      }
      if (openaiModels.get(row.model)?.priced) {
        comparedOpenAiUsd += openaiUsdRow;
        comparedProviderUsd += usd;
      }
    });

    const currency: Currency = currencies.size === 1 ? [...currencies][0] : currencies.has('CNY') ? 'CNY' : (provider.chatModels[0]?.price.currency ?? 'CNY');
    if (currencies.size > 1) {
      assumptions.add(
        `mixedCurrency:${provider.id}`,
        `${provider.name.en} has prices in both CNY and USD: its total is in ${currency}, converted at ${cnyPerUsd}`,
        currency,
        `${provider.name.zh} 的价格有人民币也有美元：合计以 ${currency} 表示，按 ${cnyPerUsd} 换算`,
      );
    }
    const modelList: ProviderModelCost[] = [...models.values()].map(({ peakWeighted, weight, buckets, blended, ...m }) => {
      const out: ProviderModelCost = { ...m, monthlyAmount: m.amount * factor, monthlyUsd: m.usd * factor };
      if (buckets + blended > 0) {
        out.peakShare = weight > 0 ? peakWeighted / weight : 0;
        out.timeOfDay = buckets && blended ? 'mixed' : buckets ? 'buckets' : 'blended';
      }
      return out;
    });
    const usd = modelList.reduce((sum, m) => sum + m.usd, 0);
    const amount = fromUsd(usd, currency, cnyPerUsd);
    // Keep exact native amounts when the provider has one currency.
    const nativeAmount = currencies.size <= 1 ? modelList.reduce((sum, m) => sum + m.amount, 0) : amount;
    const deltaUsd = comparedProviderUsd - comparedOpenAiUsd;
    return {
      id: provider.id,
      name: provider.name,
      rank: 0,
      currency,
      amount: nativeAmount,
      usd,
      cny: usd * cnyPerUsd,
      monthlyAmount: nativeAmount * factor,
      monthlyUsd: usd * factor,
      monthlyCny: usd * cnyPerUsd * factor,
      complete: complete && modelList.length > 0,
      models: modelList.sort((a, b) => b.usd - a.usd || a.openaiModel.localeCompare(b.openaiModel)),
      uncovered: [...uncovered.values()],
      comparison: {
        openaiUsd: comparedOpenAiUsd,
        providerUsd: comparedProviderUsd,
        deltaUsd,
        deltaCny: deltaUsd * cnyPerUsd,
        monthlyOpenaiUsd: comparedOpenAiUsd * factor,
        monthlyProviderUsd: comparedProviderUsd * factor,
        monthlyDeltaUsd: deltaUsd * factor,
        monthlyDeltaCny: deltaUsd * cnyPerUsd * factor,
        ratio: comparedOpenAiUsd > 0 ? deltaUsd / comparedOpenAiUsd : null,
      },
    };
  });

  rankProviders(results);

  // Assumptions made along the way.
  for (const { ratio, providers: ids } of tokenNotes.values()) {
    const list = [...ids].sort().join(', ');
    const id = ratio.basis === 'english' ? 'tokenRatio' : `tokenRatio:${ratio.family}`;
    if (ratio.basis === 'english') {
      assumptions.add(id, `Token counts re-based ×1: ${ratio.text}`, 1, 'token 数按 ×1 换算：英文提示在 OpenAI 与目标分词器上视为相同（没有厂商公布对比）');
    } else if (ratio.basis === 'unknown') {
      assumptions.add(
        `tokenRatio:unknown:${list}`,
        `Token counts re-based ×1 on ${list}: ${ratio.text}`,
        1,
        `${list} 的 token 数按 ×1 换算：${ratio.family} 没有公布每个汉字的 token 数，按 OpenAI 的计`,
      );
    } else if (ratio.basis === 'measured') {
      assumptions.add(`${id}:${ratio.ratio}`, `Token counts re-based ×${round(ratio.ratio, 3)} on ${list}: ${ratio.text}`, ratio.ratio, `${list} 的 token 数按 ×${round(ratio.ratio, 3)} 换算：用已安装的分词器对字面提示文本计数`);
    } else if (ratio.basis === 'override') {
      assumptions.add(`${id}:${ratio.ratio}`, `Token counts re-based ×${round(ratio.ratio, 3)} on ${list}: ${ratio.text}`, ratio.ratio, `${list} 的 token 数按 ×${round(ratio.ratio, 3)} 换算（用户指定）`);
    } else {
      const sources = ratio.sources.length ? ` (${ratio.sources.join(', ')})` : '';
      assumptions.add(
        `${id}:${ratio.ratio}`,
        `Token counts re-based ×${round(ratio.ratio, 3)} on ${list}: ${ratio.text}${sources}`,
        ratio.ratio,
        `${list} 的 token 数按 ×${round(ratio.ratio, 3)} 换算：中文提示，依据厂商公布的每汉字 token 数与 OpenAI 分词器的估计值之比${sources}`,
      );
    }
  }
  if (tiersUsed) {
    assumptions.add(
      'tierByAverage',
      'Context-length price tiers are chosen by each usage row’s average prompt (input tokens ÷ requests): an approximation, since requests longer than the average pay a higher tier',
      null,
      '上下文长度阶梯价按每行用量的平均提示长度（输入 token ÷ 请求数）选择：这是近似，长于平均值的请求实际按更高阶梯计费',
    );
  }
  if (tierWithoutRequests) {
    assumptions.add('tierNoRequests', 'Where the usage gives no request count, the first (cheapest) context tier is assumed', null, '用量未给出请求数时，按第一档（最便宜的）上下文阶梯计');
  }
  if (anyTimeOfDay && bucketRows) {
    assumptions.add(
      'timeOfDayBuckets',
      `Peak/off-peak prices applied per usage bucket of ≤ 1 hour by its own time in the price’s time zone (${bucketRows} rows)`,
      bucketRows,
      `峰谷价按每个 ≤ 1 小时的用量时段桶在价格时区中的时间计（${bucketRows} 行）`,
    );
  }
  if (anyTimeOfDay && blendedRows) {
    const shares = [...new Set(blendedShares.values())];
    const share = shares.length === 1 ? shares[0] : (options.peakShare ?? null);
    const basis =
      options.peakShare !== undefined
        ? 'given'
        : 'the share of peak hours in a week (DeepSeek: Mon–Fri 09:00–12:00 and 14:00–18:00 Beijing time = 35 of 168 hours), i.e. traffic spread evenly over the week; business-hours traffic in China would pay more';
    const basisZh =
      options.peakShare !== undefined
        ? '指定'
        : '即一周中高峰时段的占比（DeepSeek：北京时间周一至周五 09:00–12:00 和 14:00–18:00，168 小时中的 35 小时），相当于流量在一周内均匀分布；集中在国内工作时间的流量会付得更多';
    assumptions.add(
      'peakShare',
      `Without hourly buckets, ${share === null ? 'each model’s share of' : `${round((share ?? 0) * 100, 1)}% of`} traffic is assumed to fall in peak hours: ${basis}`,
      share,
      `没有按小时的时段桶时，假定${share === null ? '各模型按其比例的' : ` ${round((share ?? 0) * 100, 1)}% 的`}流量落在高峰时段：${basisZh}`,
    );
  }
  assumptions.add(
    'providerPrices',
    'Provider prices: the catalogue’s list prices for the default (mainland) region, each with the date its source was checked and the source; free quotas, volume and batch discounts are not counted',
    null,
    '服务商价格：目录中默认（中国大陆）区域的标价，各附截至日期与来源；不计免费额度、用量折扣与批量折扣',
  );
  assumptions.add('savingsBasis', 'Savings compare each provider with OpenAI’s cost of the rows priced on both sides', null, '节省额只比较两边都能计价的行');
  assumptions.add(
    'ranking',
    'Providers are ranked by monthly cost in USD; those that cannot price every model in the usage come after those that can',
    null,
    '服务商按折合美元的月费用排序；无法为用量中每个模型计价的排在能计价的之后',
  );

  return {
    fx: {
      cnyPerUsd,
      asOf: isDefaultFx ? DEFAULT_FX.asOf : null,
      source: isDefaultFx ? DEFAULT_FX.source : null,
      isDefault: isDefaultFx,
    },
    period,
    language,
    openai: {
      usd: openaiUsd,
      cny: openaiUsd * cnyPerUsd,
      monthlyUsd: openaiUsd * factor,
      monthlyCny: openaiUsd * cnyPerUsd * factor,
      models: [...openaiModels.values()].sort((a, b) => b.usd - a.usd || a.model.localeCompare(b.model)),
      unattributed,
    },
    providers: results,
    assumptions: assumptions.all(),
  };
}

/** Sorts in place and numbers the ranks: complete first, then partial, then unpriced; cheapest first. */
export function rankProviders(results: ProviderCost[]): ProviderCost[] {
  const group = (p: ProviderCost) => (p.complete ? 0 : p.models.length > 0 ? 1 : 2);
  results.sort((a, b) => group(a) - group(b) || a.monthlyUsd - b.monthlyUsd || a.id.localeCompare(b.id));
  results.forEach((p, i) => (p.rank = i + 1));
  return results;
}

function computePeriod(records: UsageRecord[], options: CostOptions): CostResult['period'] {
  if (options.periodDays !== undefined) {
    if (!(options.periodDays > 0)) throw new ConfigError(`the usage period must be a positive number of days, got ${options.periodDays}`);
    return { basis: 'given', days: options.periodDays, monthlyFactor: MONTH_DAYS / options.periodDays };
  }
  let span = options.period;
  if (!span) {
    let start = Infinity;
    let end = -Infinity;
    for (const r of records) {
      if (r.startTime === undefined || r.bucketSeconds === undefined) continue;
      start = Math.min(start, r.startTime);
      end = Math.max(end, r.startTime + r.bucketSeconds);
    }
    if (Number.isFinite(start) && end > start) span = { start, end };
  }
  if (span && span.end > span.start) {
    const seconds = span.end - span.start;
    return { basis: 'usage', start: span.start, end: span.end, days: seconds / 86400, monthlyFactor: MONTH_SECONDS / seconds };
  }
  return { basis: 'assumed-month', days: null, monthlyFactor: 1 };
}

function describeDays(days: number): string {
  if (days >= 1) return `${round(days, 2)} day${days === 1 ? '' : 's'}`;
  return describeSeconds(Math.round(days * 86400));
}

function describeDaysZh(days: number): string {
  return days >= 1 ? `${round(days, 2)} 天` : `${round(days * 24, 2)} 小时`;
}

function round(n: number, digits: number): number {
  const f = 10 ** digits;
  return Math.round(n * f) / f;
}


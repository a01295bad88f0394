/**
 * Hand-computed costs. Prices (per 1M tokens) are the catalogue's at the time of writing:
 *   OpenAI (USD):  gpt-4o 2.5 / cached 1.25 / out 10;  gpt-4o-mini 0.15 / 0.075 / 0.6;
 *                  o3-mini 1.1 / 0.55 / 4.4;  gpt-4.1-nano 0.1 / 0.025 / 0.4;  gpt-3.5-turbo 0.5 / – / 1.5;
 *                  gpt-4 30 / – / 60;  text-embedding-3-small 0.02;  -3-large 0.13;  ada-002 0.1.
 *   DeepSeek (CNY, off-peak / peak): deepseek-flash 1 / 0.02 / 4  (peak 2 / 0.04 / 8);
 *                  deepseek-v4-pro 4.5 / 0.15 / 13.5  (peak 9 / 0.3 / 27); peak = Mon–Fri 09–12, 14–18 Beijing.
 *   Qwen (CNY):    qwen-max 2.4 / 0.48 / 9.6;  qwen-plus 0.8 / 0.16 / 2, thinking output 8;
 *                  qwen-flash tiers ≤131072: 0.15 / 0.03 / 1.5, ≤262144: 0.6 / – / 6;  qwq-plus 1.6 / – / 4;
 *                  text-embedding-v4 0.5.
 *   Zhipu (CNY):   glm-4-plus 5 / – / 5;  glm-4-air-250414 0.5 / – / 0.5.
 *   SiliconFlow (CNY): Pro/BAAI/bge-m3 0.07;  Qwen/Qwen3-Embedding-8B 0.28.
 * If the catalogue is repriced, these expectations must be recomputed by hand.
 */
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { DEFAULT_FX } from '../../src/catalogue/fx.js';
import { findProvider } from '../../src/catalogue/index.js';
import type { Price, Provider } from '../../src/catalogue/schema.js';
import { computeCost, MONTH_DAYS, peakFraction, resolvePrice, timeZoneOffsetSeconds, weeklyPeakShare, type CostResult } from '../../src/cost/compute.js';
import { readUsageFile, type UsageRecord } from '../../src/cost/usage.js';

const FIXTURES = path.resolve(import.meta.dirname, '../../fixtures/cost');
const usage = (name: string) => readUsageFile(path.join(FIXTURES, name));
const provider = (id: string) => findProvider(id)!;
const byId = (result: CostResult, id: string) => result.providers.find((p) => p.id === id)!;
const DEEPSEEK_PEAK = provider('deepseek').chatModels.find((m) => m.id === 'deepseek-flash')!.price.timeOfDay!;

// Beijing times, as unix seconds (UTC + 8 h).
const TUE_10_BJ = 1793671200; // 2026-11-03 02:00 UTC = Tuesday 10:00 in Beijing (peak)
const SAT_10_BJ = 1794016800; // 2026-11-07 02:00 UTC = Saturday 10:00 in Beijing (off-peak)

describe('time of day', () => {
  it('Asia/Shanghai is UTC+8, and Intl agrees', () => {
    expect(timeZoneOffsetSeconds('Asia/Shanghai', TUE_10_BJ)).toBe(28800);
    expect(timeZoneOffsetSeconds('Asia/Tokyo', TUE_10_BJ)).toBe(32400);
    expect(timeZoneOffsetSeconds('Europe/Berlin', TUE_10_BJ)).toBe(3600); // CET in November
  });

  it('puts a Tuesday 10:00 hour in peak and a Saturday 10:00 hour off-peak', () => {
    expect(peakFraction(TUE_10_BJ, 3600, DEEPSEEK_PEAK)).toBe(1);
    expect(peakFraction(SAT_10_BJ, 3600, DEEPSEEK_PEAK)).toBe(0);
    // Tuesday 12:00–13:00 is the lunch gap; 08:30–09:30 is half peak.
    expect(peakFraction(TUE_10_BJ + 2 * 3600, 3600, DEEPSEEK_PEAK)).toBe(0);
    expect(peakFraction(TUE_10_BJ - 1.5 * 3600, 3600, DEEPSEEK_PEAK)).toBe(0.5);
    // A whole Tuesday (Beijing midnight to midnight): 7 of 24 hours.
    expect(peakFraction(TUE_10_BJ - 10 * 3600, 86400, DEEPSEEK_PEAK)).toBeCloseTo(7 / 24, 12);
  });

  it('the weekly peak share of DeepSeek is 35 of 168 hours', () => {
    // 5 days × (3 h + 4 h) = 35 h; 35 / 168 = 0.208333…
    expect(weeklyPeakShare(DEEPSEEK_PEAK)).toBeCloseTo(35 / 168, 12);
  });
});

describe('resolvePrice', () => {
  const qwenFlash = provider('qwen').chatModels.find((m) => m.id === 'qwen-flash')!.price;
  const qwenPlus = provider('qwen').chatModels.find((m) => m.id === 'qwen-plus')!.price;

  it('chooses the context tier by the average prompt', () => {
    expect(resolvePrice(qwenFlash, 2000, false).offPeak).toEqual({ input: 0.15, cachedInput: 0.03, output: 1.5 });
    const long = resolvePrice(qwenFlash, 200_000, false);
    expect(long.tier?.maxInputTokens).toBe(262144);
    // The ≤256K tier publishes no cached price: cached input at the tier's input price.
    expect(long.offPeak).toEqual({ input: 0.6, cachedInput: 0.6, output: 6 });
    expect(long.cachedAtInput).toBe(true);
    expect(resolvePrice(qwenFlash, 5_000_000, false).beyondTiers).toBe(true);
    // Unknown request count: the first tier.
    expect(resolvePrice(qwenFlash, null, false).tier?.maxInputTokens).toBe(131072);
  });

  it('uses the thinking output price only when asked and published', () => {
    expect(resolvePrice(qwenPlus, null, true).offPeak.output).toBe(8);
    expect(resolvePrice(qwenPlus, null, false).offPeak.output).toBe(2);
    expect(resolvePrice(qwenFlash, null, true).thinking).toBe(false);
  });

  it('scales peak prices with a tier', () => {
    const price: Price = {
      currency: 'CNY',
      input: 1,
      cachedInput: 0.1,
      output: 2,
      tiers: [
        { maxInputTokens: 1000, input: 1, cachedInput: 0.1, output: 2 },
        { maxInputTokens: 10000, input: 3, cachedInput: 0.3, output: 6 },
      ],
      timeOfDay: { timezone: 'Asia/Shanghai', windows: [{ days: [1], start: '09:00', end: '10:00' }], peak: { input: 2, cachedInput: 0.2, output: 4 } },
      asOf: '2026-01',
      checkedOn: '2026-01',
      source: 'https://example.com',
    };
    // Peak doubles every price; the ≤10000 tier (3 / 0.3 / 6) becomes 6 / 0.6 / 12 at peak.
    const r = resolvePrice(price, 5000, false);
    expect(r.offPeak).toEqual({ input: 3, cachedInput: 0.3, output: 6 });
    expect(r.peak!.input).toBeCloseTo(6, 12);
    expect(r.peak!.cachedInput).toBeCloseTo(0.6, 12);
    expect(r.peak!.output).toBeCloseTo(12, 12);
  });
});

describe('hourly Usage API page: cached tokens and DeepSeek peak/off-peak by bucket', () => {
  const { records, description } = usage('usage-api-completions-hourly.json');
  const result = computeCost(records, { providers: [provider('deepseek'), provider('qwen')], period: description.period });

  it('prices OpenAI with cached input at the cached price, snapshots as their family', () => {
    // gpt-4o-mini, per bucket: 600k uncached × 0.15 = 0.09; 400k cached × 0.075 = 0.03; 200k out × 0.6 = 0.12 → 0.24; two buckets 0.48
    // gpt-4o: 500k × 2.5 = 1.25; 100k × 10 = 1.0 → 2.25
    const mini = result.openai.models.find((m) => m.model === 'gpt-4o-mini-2024-07-18')!;
    expect(mini.pricedAs).toBe('gpt-4o-mini-2024-07-18');
    expect(mini.usd).toBeCloseTo(0.48, 10);
    expect(result.openai.models.find((m) => m.model === 'gpt-4o-2024-08-06')!.usd).toBeCloseTo(2.25, 10);
    expect(result.openai.usd).toBeCloseTo(2.73, 10);
  });

  it('prices the Tuesday 10:00 bucket at peak and the Saturday one off-peak', () => {
    const deepseek = byId(result, 'deepseek');
    // Tue 10:00 (peak), gpt-4o-mini → deepseek-flash: 600k × 2 = 1.2; 400k × 0.04 = 0.016; 200k × 8 = 1.6 → 2.816
    // Sat 10:00 (off-peak):                          600k × 1 = 0.6; 400k × 0.02 = 0.008; 200k × 4 = 0.8 → 1.408
    const flash = deepseek.models.find((m) => m.targetModel === 'deepseek-flash')!;
    expect(flash.amount).toBeCloseTo(2.816 + 1.408, 10);
    // Half the tokens were in a peak bucket.
    expect(flash.peakShare).toBeCloseTo(0.5, 10);
    expect(flash.timeOfDay).toBe('buckets');
    // Tue 10:00 (peak), gpt-4o → deepseek-v4-pro: 500k × 9 = 4.5; 100k × 27 = 2.7 → 7.2
    expect(deepseek.models.find((m) => m.targetModel === 'deepseek-v4-pro')!.amount).toBeCloseTo(7.2, 10);
    // Total 11.424 CNY; at ¥7.2 = $1 → $1.58667
    expect(deepseek.currency).toBe('CNY');
    expect(deepseek.amount).toBeCloseTo(11.424, 10);
    expect(deepseek.usd).toBeCloseTo(11.424 / 7.2, 10);
    // vs OpenAI $2.73: 1.586667 − 2.73 = −1.143333 USD = −8.232 CNY
    expect(deepseek.comparison.deltaUsd).toBeCloseTo(11.424 / 7.2 - 2.73, 10);
    expect(deepseek.comparison.deltaCny).toBeCloseTo(11.424 - 2.73 * 7.2, 10);
    expect(result.assumptions.find((a) => a.id === 'timeOfDayBuckets')?.value).toBe(3);
    expect(result.assumptions.some((a) => a.id === 'peakShare')).toBe(false);
  });

  it('prices Qwen with cached input at its cached price', () => {
    // Targets by rule since issue 18 (the 2024 qwen-max/qwen-plus aliases are no longer the current models):
    // gpt-4o-mini → qwen3.7-plus per bucket: 600k × 2 = 1.2; 400k × 0.4 = 0.16; 200k × 8 = 1.6 → 2.96; × 2 = 5.92
    // gpt-4o → qwen3.7-max: 500k × 12 = 6; 100k × 36 = 3.6 → 9.6;  total 15.52 CNY
    const qwen = byId(result, 'qwen');
    expect(qwen.amount).toBeCloseTo(15.52, 10);
    expect(qwen.usd).toBeCloseTo(15.52 / 7.2, 10);
  });

  it('normalizes to a month from the buckets’ span', () => {
    // Tue 02:00 UTC → Sat 03:00 UTC = 97 h; a month is 30.4375 days = 730.5 h; factor 730.5 / 97
    expect(result.period.basis).toBe('usage');
    expect(result.period.days).toBeCloseTo(97 / 24, 12);
    expect(result.period.monthlyFactor).toBeCloseTo(730.5 / 97, 12);
    expect(result.openai.monthlyUsd).toBeCloseTo(2.73 * (730.5 / 97), 10);
    expect(byId(result, 'deepseek').monthlyAmount).toBeCloseTo(11.424 * (730.5 / 97), 10);
  });

  it('ranks DeepSeek before Qwen here', () => {
    // DeepSeek ¥11.424 < Qwen ¥15.52
    expect(result.providers.map((p) => p.id)).toEqual(['deepseek', 'qwen']);
    expect(result.providers.map((p) => p.rank)).toEqual([1, 2]);
  });

  it('converts at another rate', () => {
    const at7 = computeCost(records, { providers: [provider('deepseek')], cnyPerUsd: 7 });
    // 11.424 CNY / 7 = 1.632 USD; the CNY amount does not change
    expect(byId(at7, 'deepseek').amount).toBeCloseTo(11.424, 10);
    expect(byId(at7, 'deepseek').usd).toBeCloseTo(1.632, 10);
    expect(at7.openai.cny).toBeCloseTo(2.73 * 7, 10);
    expect(at7.fx).toEqual({ cnyPerUsd: 7, asOf: null, source: null, isDefault: false });
    expect(at7.assumptions.find((a) => a.id === 'fx')).toEqual({ id: 'fx', text: 'CNY per USD: 7 (given)', value: 7, zh: '美元兑人民币：7（指定）' });
  });
});

describe('two concatenated pages with daily buckets: blended peak share, thinking, no model', () => {
  const { records, description } = usage('usage-api-two-pages.json');
  const providers = [provider('deepseek'), provider('qwen')];
  const result = computeCost(records, { providers, period: description.period });

  it('prices OpenAI and lists the rows with no model', () => {
    // gpt-4o: 1M × 2.5 + 1M × 10 = 12.5
    // gpt-4o-mini: 1M uncached × 0.15 = 0.15; 1M cached × 0.075 = 0.075; 1M out × 0.6 = 0.6 → 0.825
    // o3-mini: 1M × 1.1 + 1M × 4.4 = 5.5;  total 18.825
    expect(result.openai.usd).toBeCloseTo(18.825, 10);
    expect(result.openai.unattributed).toEqual({ inputTokens: 5000, cachedInputTokens: 0, outputTokens: 1000, requests: 3 });
    expect(result.assumptions.find((a) => a.id === 'unattributed')?.value).toBe(6000);
    // …once, not against every provider: a row without a model does not make a provider incomplete
    expect(byId(result, 'qwen').uncovered).toEqual([]);
    expect(byId(result, 'qwen').complete).toBe(true);
  });

  it('applies the stated blended peak share to DeepSeek when buckets are daily', () => {
    // share s = 35/168 = 5/24, so each cost is off-peak × (1 − s) + 2 × off-peak × s = off-peak × 29/24
    // gpt-4o → v4-pro: 1M × 4.5 + 1M × 13.5 = 18
    // gpt-4o-mini → flash: 1M × 1 + 1M × 0.02 + 1M × 4 = 5.02
    // o3-mini → flash (thinks on request; no separate thinking price): 1M × 1 + 1M × 4 = 5
    // (18 + 5.02 + 5) × 29/24 = 33.8575 CNY
    const deepseek = byId(result, 'deepseek');
    expect(deepseek.amount).toBeCloseTo(33.8575, 10);
    expect(deepseek.models.every((m) => m.timeOfDay === 'blended')).toBe(true);
    const share = result.assumptions.find((a) => a.id === 'peakShare')!;
    expect(share.value).toBeCloseTo(35 / 168, 12);
    expect(share.text).toMatch(/20\.8% of traffic .* 35 of 168 hours/);
  });

  it('takes a given peak share', () => {
    // (18 + 5.02 + 5) × (0.5 × 1 + 0.5 × 2) = 28.02 × 1.5 = 42.03
    const given = computeCost(records, { providers: [provider('deepseek')], peakShare: 0.5 });
    expect(byId(given, 'deepseek').amount).toBeCloseTo(42.03, 10);
    expect(given.assumptions.find((a) => a.id === 'peakShare')?.value).toBe(0.5);
  });

  it('maps the reasoning model to a thinking-only model, or bills the thinking price', () => {
    // Default: o3-mini → qwen3.8-flash (thinks on request, no separate thinking price): 1M × 0.8 + 1M × 2.7 = 3.5
    // gpt-4o → qwen3.7-max 12 + 36 = 48;  gpt-4o-mini → qwen3.7-plus 1M × 2 + 1M × 0.4 + 1M × 8 = 10.4;  total 61.9
    const qwen = byId(result, 'qwen');
    expect(qwen.amount).toBeCloseTo(61.9, 10);
    // A reasoning model moved to a thinking-only model is noted as such (o3-mini → qwen3.8-max by hand).
    const always = computeCost(records, { providers: [provider('qwen')], modelMap: { 'o3-mini': 'qwen3.8-max' } });
    expect(byId(always, 'qwen').models.find((m) => m.openaiModel.startsWith('o3-mini'))!.notes.join(' ')).toMatch(/always thinks/);
    // With o3-mini mapped to qwen-plus (thinks on request): 1M × 0.8 + 1M × 8 (thinking output) = 8.8; total 48 + 10.4 + 8.8 = 67.2
    const mapped = computeCost(records, { providers: [provider('qwen')], modelMap: { 'o3-mini': 'qwen-plus' } });
    expect(byId(mapped, 'qwen').amount).toBeCloseTo(67.2, 10);
    const thinking = byId(mapped, 'qwen').models.find((m) => m.openaiModel.startsWith('o3-mini'))!;
    expect(thinking.thinking).toBe(true);
    expect(thinking.via).toBe('override');
    expect(mapped.assumptions.find((a) => a.id === 'thinking:qwen/qwen-plus')?.value).toBe(8);
  });

  it('normalizes three days to a month', () => {
    // 3 daily buckets: factor 30.4375 / 3
    expect(result.period.monthlyFactor).toBeCloseTo(MONTH_DAYS / 3, 12);
    expect(result.openai.monthlyUsd).toBeCloseTo(18.825 * (30.4375 / 3), 10);
  });
});

describe('2024 dashboard CSV: context tiers by average prompt, batch rows', () => {
  const { records, description } = usage('dashboard-2024-usage.csv');
  // Pinned to qwen-flash, whose price has context tiers: this block tests the tiers, not the mapping.
  const result = computeCost(records, { providers: [provider('qwen')], period: description.period, modelMap: { 'gpt-4.1-nano-2025-04-14': 'qwen-flash' } });
  const qwen = byId(result, 'qwen');

  it('chooses the ≤256K tier for long prompts and the first tier for short ones', () => {
    // Row 1: 2,000,000 input / 10 requests = 200,000 average → tier ≤262144 (0.6 / no cached price / 6):
    //   1.5M uncached × 0.6 = 0.9; 0.5M cached at the full 0.6 = 0.3; 10k × 6 = 0.06 → 1.26
    // Row 2: 2,000,000 / 1000 = 2,000 average → tier ≤131072 (0.15 / 0.03 / 1.5):
    //   1.5M × 0.15 = 0.225; 0.5M × 0.03 = 0.015; 10k × 1.5 = 0.015 → 0.255
    const flash = qwen.models.find((m) => m.targetModel === 'qwen-flash')!;
    expect(flash.amount).toBeCloseTo(1.26 + 0.255, 10);
    expect(flash.priceTiers.sort((a, b) => a - b)).toEqual([131072, 262144]);
    expect(flash.notes.join('\n')).toMatch(/cached input billed at the full input price/);
    expect(result.assumptions.some((a) => a.id === 'tierByAverage')).toBe(true);
    expect(result.assumptions.find((a) => a.id === 'cachedAtInput:qwen/qwen-flash')?.value).toBe(0.6);
  });

  it('prices OpenAI Batch rows at half', () => {
    // gpt-4.1-nano, each row: 1.5M × 0.1 = 0.15; 0.5M × 0.025 = 0.0125; 10k × 0.4 = 0.004 → 0.1665; × 2 = 0.333
    // gpt-4o-mini batch: (1M × 0.15 + 1M × 0.6) × 0.5 = 0.375
    expect(result.openai.models.find((m) => m.model === 'gpt-4o-mini')!.usd).toBeCloseTo(0.375, 10);
    expect(result.openai.usd).toBeCloseTo(0.333 + 0.375, 10);
    expect(result.assumptions.find((a) => a.id === 'openaiBatch')?.value).toBe(0.5);
  });

  it('scales a one-hour file to a month', () => {
    expect(result.period.monthlyFactor).toBeCloseTo(730.5, 10);
  });
});

describe('2023 activity CSV: snapshots without a price use their family', () => {
  const { records, description } = usage('dashboard-2023-activity.csv');
  const result = computeCost(records, { providers: [provider('qwen')], period: description.period });

  it('prices gpt-3.5-turbo-0613 as gpt-3.5-turbo and says so', () => {
    // gpt-3.5-turbo: 2M × 0.5 = 1.0; 1M × 1.5 = 1.5 → 2.5;  gpt-4: 0.1M × 30 = 3; 0.02M × 60 = 1.2 → 4.2;  ada: 2M × 0.1 = 0.2
    expect(result.openai.models.find((m) => m.model === 'gpt-3.5-turbo-0613')).toMatchObject({ pricedAs: 'gpt-3.5-turbo', priced: true });
    expect(result.openai.usd).toBeCloseTo(6.9, 10);
    expect(result.assumptions.find((a) => a.id === 'openaiFamilyPrice')?.text).toMatch(/gpt-3\.5-turbo-0613 → gpt-3\.5-turbo/);
    // Two daily rows: 2 days → factor 30.4375 / 2
    expect(result.period.monthlyFactor).toBeCloseTo(MONTH_DAYS / 2, 12);
  });
});

describe('simple CSV: one month, language re-basing, ranking', () => {
  const { records } = usage('simple.csv');

  it('treats a file without times as one month, and says so', () => {
    const result = computeCost(records, { providers: [provider('qwen')] });
    expect(result.period).toEqual({ basis: 'assumed-month', days: null, monthlyFactor: 1 });
    expect(result.assumptions.find((a) => a.id === 'period')).toEqual({
      id: 'period',
      text: 'The usage file gives no time span: it is treated as one month',
      value: 1,
      zh: '用量文件未给出时间范围：按一个月计',
    });
    // gpt-4o: 1M × 2.5 + 1M cached × 1.25 + 0.5M × 10 = 8.75;  gpt-4o-mini: 10M × 0.15 + 2M × 0.6 = 2.7 → 11.45
    expect(result.openai.monthlyUsd).toBeCloseTo(11.45, 10);
    // qwen3.7-max: 1M × 12 + 1M × 2.4 + 0.5M × 36 = 32.4;  qwen3.7-plus: 10M × 2 + 2M × 8 = 36 → 68.4 CNY
    expect(byId(result, 'qwen').monthlyAmount).toBeCloseTo(68.4, 10);
    // 68.4 / 7.2 = 9.5 USD; vs 11.45 → −1.95 USD, ratio −0.1703
    expect(byId(result, 'qwen').comparison.ratio).toBeCloseTo(68.4 / 7.2 / 11.45 - 1, 10);
  });

  it('re-bases Chinese prompts to Qwen’s tokenizer', () => {
    // zh: Qwen 1/1.65 tokens per 汉字 vs OpenAI o200k 0.8 → ×0.757575…; no tiers here, so 68.4 × 0.757575… = 51.818…
    const zh = computeCost(records, { providers: [provider('qwen')], language: 'zh' });
    const ratio = 1 / 1.65 / 0.8;
    expect(byId(zh, 'qwen').amount).toBeCloseTo(68.4 * ratio, 10);
    expect(byId(zh, 'qwen').models[0].tokenRatio).toBeCloseTo(ratio, 12);
    expect(byId(zh, 'qwen').models.find((m) => m.openaiModel === 'gpt-4o')!.inputTokens).toBeCloseTo(2_000_000 * ratio, 6);
    // OpenAI's own figures are not re-based
    expect(zh.openai.usd).toBeCloseTo(11.45, 10);
    expect(zh.assumptions.some((a) => a.id.startsWith('tokenRatio:qwen') && /1\.5–1\.8 汉字/.test(a.text))).toBe(true);
    // A user ratio replaces it
    const given = computeCost(records, { providers: [provider('qwen')], language: 'zh', tokenRatios: { qwen: 0.5 } });
    expect(byId(given, 'qwen').amount).toBeCloseTo(68.4 * 0.5, 10);
  });

  it('ranks providers by monthly cost', () => {
    // zhipu: glm-5.3 1M × 8 + 1M cached × 2 + 0.5M × 28 = 24; glm-4.5-air (≤32K band, 2,000-token average) 10M × 0.8 + 2M × 6 = 20 → 44
    // qwen: 68.4
    // deepseek, no buckets (× 29/24): v4-pro 1M × 4.5 + 1M × 0.15 + 0.5M × 13.5 = 11.4 → 13.775;
    //           flash 10M × 1 + 2M × 4 = 18 → 21.75;  total 35.525
    const result = computeCost(records, { providers: [provider('deepseek'), provider('qwen'), provider('zhipu')] });
    expect(result.providers.map((p) => [p.id, p.rank])).toEqual([
      ['deepseek', 1],
      ['zhipu', 2],
      ['qwen', 3],
    ]);
    expect(byId(result, 'zhipu').amount).toBeCloseTo(44, 10);
    expect(byId(result, 'deepseek').amount).toBeCloseTo(35.525, 10);
  });

  it('ranks every catalogue provider, cheapest complete one first', () => {
    const result = computeCost(records);
    expect(result.providers).toHaveLength(13);
    const complete = result.providers.filter((p) => p.complete);
    for (let i = 1; i < complete.length; i++) expect(complete[i].monthlyUsd).toBeGreaterThanOrEqual(complete[i - 1].monthlyUsd);
    const firstIncomplete = result.providers.findIndex((p) => !p.complete);
    if (firstIncomplete >= 0) expect(result.providers.slice(firstIncomplete).every((p) => !p.complete)).toBe(true);
    expect(result.fx).toEqual({ cnyPerUsd: DEFAULT_FX.cnyPerUsd, asOf: DEFAULT_FX.asOf, source: DEFAULT_FX.source, isDefault: true });
  });
});

describe('embeddings: a provider without embeddings ranks after those with', () => {
  const { records, description } = usage('usage-api-embeddings.json');
  const result = computeCost(records, { providers: [provider('deepseek'), provider('qwen'), provider('siliconflow')], period: description.period });

  it('prices embeddings and ranks the incomplete provider last', () => {
    // OpenAI: 10M × 0.02 = 0.2; 2M × 0.13 = 0.26 → 0.46 USD
    expect(result.openai.usd).toBeCloseTo(0.46, 10);
    // qwen text-embedding-v4: 12M × 0.5 = 6 CNY = 0.8333 USD (dearer than OpenAI: +81%)
    expect(byId(result, 'qwen').amount).toBeCloseTo(6, 10);
    expect(byId(result, 'qwen').comparison.ratio).toBeCloseTo(6 / 7.2 / 0.46 - 1, 10);
    // siliconflow: small → Pro/BAAI/bge-m3 10M × 0.07 = 0.7; large → Qwen/Qwen3-Embedding-8B 2M × 0.28 = 0.56 → 1.26 CNY
    expect(byId(result, 'siliconflow').amount).toBeCloseTo(1.26, 10);
    const deepseek = byId(result, 'deepseek');
    expect(deepseek.complete).toBe(false);
    expect(deepseek.models).toHaveLength(0);
    expect(deepseek.uncovered.map((u) => u.openaiModel)).toEqual(['text-embedding-3-small', 'text-embedding-3-large']);
    expect(deepseek.uncovered[0].reason).toMatch(/no model for OpenAI’s embeddingSmall class/);
    expect(result.providers.map((p) => p.id)).toEqual(['siliconflow', 'qwen', 'deepseek']);
  });
});

describe('unpriced and unknown models are listed, not dropped', () => {
  it('keeps a model without a price with its reason', () => {
    const records: UsageRecord[] = [
      { model: 'gpt-4-vision-preview', inputTokens: 1000, cachedInputTokens: 0, outputTokens: 10, requests: 1, kind: 'completions' },
      { model: 'my-own-model', inputTokens: 1000, cachedInputTokens: 0, outputTokens: 10, requests: 1, kind: 'completions' },
      { model: 'gpt-4o', inputTokens: 1_000_000, cachedInputTokens: 0, outputTokens: 0, requests: 1, kind: 'completions' },
    ];
    const result = computeCost(records, { providers: [provider('qwen')] });
    const astra = result.openai.models.find((m) => m.model === 'gpt-4-vision-preview')!;
    expect(astra.priced).toBe(false);
    expect(astra.reason).toMatch(/no per-token price/);
    expect(result.openai.models.find((m) => m.model === 'my-own-model')!.reason).toMatch(/not an OpenAI model/);
    // gpt-4-vision-preview (unpriced by OpenAI) is a vision model: Qwen prices it (qwen3-vl-plus), but the comparison only counts gpt-4o
    const qwen = byId(result, 'qwen');
    expect(qwen.models.map((m) => m.openaiModel).sort()).toEqual(['gpt-4-vision-preview', 'gpt-4o']);
    // gpt-4o: 1M × 2.5 = 2.5 USD vs qwen3.7-max 1M × 12 = 12 CNY
    expect(qwen.comparison.openaiUsd).toBeCloseTo(2.5, 10);
    expect(qwen.comparison.providerUsd).toBeCloseTo(12 / 7.2, 10);
    expect(qwen.uncovered.map((u) => u.openaiModel)).toEqual(['my-own-model']);
    expect(qwen.complete).toBe(false);
  });

  it('rejects an impossible rate or peak share', () => {
    expect(() => computeCost([], { cnyPerUsd: 0 })).toThrow(/positive/);
    expect(() => computeCost([], { peakShare: 1.5 })).toThrow(/between 0 and 1/);
  });

  it('keeps providers with a USD price in USD', () => {
    const usdProvider: Provider = {
      ...provider('qwen'),
      id: 'usd-host',
      chatModels: [{ ...provider('qwen').chatModels[0], id: 'host-max', tier: 'flagship', price: { currency: 'USD', input: 1, cachedInput: null, output: 2, asOf: '2026-01', checkedOn: '2026-01', source: 'https://example.com' } }],
      modelMap: { ...provider('qwen').modelMap, flagship: 'host-max' },
    };
    const records: UsageRecord[] = [{ model: 'gpt-4o', inputTokens: 1_000_000, cachedInputTokens: 500_000, outputTokens: 1_000_000, requests: 10, kind: 'completions' }];
    const result = computeCost(records, { providers: [usdProvider] });
    const p = byId(result, 'usd-host');
    // 0.5M × 1 + 0.5M cached at the full 1 (no cached price) + 1M × 2 = 3 USD
    expect(p.currency).toBe('USD');
    expect(p.amount).toBeCloseTo(3, 10);
    expect(p.usd).toBeCloseTo(3, 10);
    expect(p.cny).toBeCloseTo(3 * 7.2, 10);
    expect(result.assumptions.find((a) => a.id === 'cachedAtInput:usd-host/host-max')).toBeDefined();
  });
});

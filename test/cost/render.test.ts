import { describe, expect, it } from 'vitest';
import { findProvider } from '../../src/catalogue/index.js';
import { computeCost } from '../../src/cost/compute.js';
import type { UsageRecord } from '../../src/cost/usage.js';
import { bar, COST_LABELS, formatDelta, renderAssumptions, renderCost, renderCostChart, renderCostShort, renderCostTable, renderProviderBreakdown } from '../../src/render/cost.js';

// One month (no times) of gpt-4o: 1,000M input, 200M output, and 1M tokens of an unknown model.
const records: UsageRecord[] = [
  { model: 'gpt-4o', inputTokens: 1_000_000_000, cachedInputTokens: 0, outputTokens: 200_000_000, requests: 1_000_000, kind: 'completions' },
  { model: 'my-own-model', inputTokens: 1_000_000, cachedInputTokens: 0, outputTokens: 0, requests: 10, kind: 'completions' },
];
const providers = ['deepseek', 'qwen', 'zhipu', 'baichuan'].map((id) => findProvider(id)!);
// OpenAI: 1000 × 2.5 + 200 × 10 = $4,500
// (targets by the rule of issue 18)
// deepseek-v4-pro, blended 35/168 peak: (1000 × 4.5 + 200 × 13.5) × 29/24 = ¥8,700 = $1,208.33 → −$3,292 (−73%)
// glm-5.3: 1000 × 8 + 200 × 28 = ¥13,600 = $1,888.89 → −$2,611 (−58%)
// qwen3.8-max: 1000 × 12 + 200 × 36 = ¥19,200 = $2,666.67 → −$1,833 (−41%)
// Baichuan4: 1200 × 100 = ¥120,000 = $16,666.67 → +$12,167 (+270%)
const result = computeCost(records, { providers });
const ESC = '\u001b[';

describe('the cost table', () => {
  const text = renderCostTable(result, { color: false });
  const lines = text.split('\n');

  it('lists OpenAI, then every provider in rank order, with separators and symbols', () => {
    const order = ['OpenAI (today)', 'DeepSeek', 'Zhipu AI', 'Alibaba Qwen', 'Baichuan AI'].map((name) => lines.findIndex((l) => l.includes(name)));
    expect(order.every((i) => i >= 0)).toBe(true);
    expect([...order].sort((a, b) => a - b)).toEqual(order);
    const deepseek = lines.find((l) => l.includes('DeepSeek'))!;
    expect(deepseek).toMatch(/^1 {2}DeepSeek/);
    expect(deepseek).toContain('¥8,700');
    expect(deepseek).toContain('$1,208');
    expect(deepseek).toContain('−$3,292 (−73%)');
    expect(lines.find((l) => l.includes('Alibaba Qwen'))).toContain('¥19,200');
    expect(lines.find((l) => l.includes('Baichuan AI'))).toContain('+$12,167 (+270%)');
    expect(lines.find((l) => l.includes('OpenAI (today)'))).toContain('$4,500');
    expect(text).toContain('treated as one month');
    expect(text).toContain('Not priced on OpenAI: my-own-model.');
  });

  it('notes what a provider cannot price', () => {
    expect(lines.find((l) => l.includes('Alibaba Qwen'))).toContain('cannot price: my-own-model');
  });

  it('has colour only when asked', () => {
    expect(text).not.toContain(ESC);
    const colored = renderCostTable(result, { color: true });
    expect(colored).toContain(ESC);
    // Savings are green (32), increases red (31).
    expect(colored).toContain(`${ESC}32m−$3,292 (−73%)`);
    expect(colored).toContain(`${ESC}31m+$12,167 (+270%)`);
  });
});

describe('the bar chart', () => {
  it('draws eighth blocks in proportion', () => {
    expect(bar(1, 1, 10)).toBe('██████████');
    expect(bar(0.5, 1, 3)).toBe('█▌'); // 1.5 cells = 12 eighths
    expect(bar(0, 1, 10)).toBe('');
    expect(bar(0.0001, 1, 10)).toBe('▏'); // never invisible when above 0
  });

  it('stays within the width, longest bar for the dearest', () => {
    const chart = renderCostChart(result, { color: false, width: 60 });
    const lines = chart.split('\n').slice(1);
    expect(lines).toHaveLength(5); // OpenAI + 4 providers
    for (const line of lines) expect([...line].length).toBeLessThanOrEqual(60);
    const barLength = (name: string) => [...(lines.find((l) => l.includes(name)) ?? '')].filter((c) => /[█▏▎▍▌▋▊▉]/.test(c)).length;
    expect(barLength('Baichuan')).toBeGreaterThan(barLength('OpenAI'));
    expect(barLength('OpenAI')).toBeGreaterThan(barLength('DeepSeek'));
    expect(barLength('Alibaba')).toBeGreaterThan(barLength('DeepSeek'));
  });
});

describe('the per-model breakdown', () => {
  it('shows each OpenAI model with its target, tokens and both costs', () => {
    const text = renderProviderBreakdown(result, 'deepseek', { color: false });
    expect(text).toContain('DeepSeek · 深度求索');
    const row = text.split('\n').find((l) => l.startsWith('gpt-4o → deepseek-v4-pro'))!;
    expect(row).toContain('1,000,000,000');
    expect(row).toContain('200,000,000');
    expect(row).toContain('$4,500');
    expect(row).toContain('¥8,700');
    expect(text).toContain('20.8% of tokens at peak prices (assumed share)');
    expect(text).toMatch(/not covered:\n {2}my-own-model: my-own-model is not an OpenAI model/);
  });

  it('says when the provider is unknown', () => {
    expect(renderProviderBreakdown(result, 'nope', { color: false })).toBe("no cost figures for provider 'nope'");
  });
});

describe('assumptions, the full report and the short line', () => {
  it('lists every assumption', () => {
    const text = renderAssumptions(result, { color: false });
    for (const a of result.assumptions) expect(text).toContain(a.text);
  });

  it('puts table, chart, breakdown and assumptions together', () => {
    const text = renderCost(result, { color: false, provider: 'qwen' });
    expect(text.indexOf('Estimated monthly cost')).toBeLessThan(text.indexOf('Monthly cost in USD'));
    expect(text.indexOf('Monthly cost in USD')).toBeLessThan(text.indexOf('per model, per month'));
    expect(text.indexOf('per model, per month')).toBeLessThan(text.indexOf('Assumptions'));
    expect(renderCost(result, { color: false })).not.toContain('per model, per month');
  });

  it('gives one line for scan and apply', () => {
    // The change in both currencies: −$1,833.33 × 7.2 = −¥13,200.
    expect(renderCostShort(result, 'qwen')).toBe('Cost on Alibaba Qwen (Model Studio / DashScope): ¥19,200/month ($2,667) vs OpenAI $4,500/month, −$1,833 / −¥13,200 (−41%).');
    // The cheapest provider that prices everything priceable; here none prices my-own-model, so the cheapest with figures
    expect(renderCostShort(result)).toMatch(/^Cheapest: DeepSeek/);
  });

  it('formats changes with a sign', () => {
    expect(formatDelta(-1234.4, -0.5)).toBe('−$1,234 (−50%)');
    expect(formatDelta(12, 0.2)).toBe('+$12.00 (+20%)');
    expect(formatDelta(5, null)).toBe('+$5.00');
  });

  it('keeps its labels in one object', () => {
    expect(Object.keys(COST_LABELS)).toEqual(['en', 'zh']);
    expect(COST_LABELS.en.title).toBe('Estimated monthly cost');
    // Every label exists in both languages.
    expect(Object.keys(COST_LABELS.zh).sort()).toEqual(Object.keys(COST_LABELS.en).sort());
  });

  it('renders in Chinese with the Chinese provider names and assumption texts', () => {
    const zh = renderCost(result, { color: false, provider: 'qwen', labels: COST_LABELS.zh });
    expect(zh).toContain('预估每月费用');
    expect(zh).toMatch(/^3 {2}阿里云百炼 · 通义千问/m);
    expect(zh).toContain('−¥13,200');
    expect(zh).toContain('用量未给出时间范围：按一个月计。');
    expect(zh).toContain('服务商按折合美元的月费用排序');
    expect(zh).not.toContain('Providers are ranked');
    expect(renderCostShort(result, 'qwen', COST_LABELS.zh)).toBe('阿里云百炼 · 通义千问 费用：每月 ¥19,200（$2,667），OpenAI 每月 $4,500，−$1,833 / −¥13,200 (−41%)。');
  });
});

/**
 * Text rendering of a cost result (cost/compute.ts): the ranking table, a terminal bar chart, one
 * provider's per-model breakdown and the assumptions. Pure: strings in, strings out; colour only
 * when asked. Every label is in COST_LABELS so another language is one more entry.
 */
import { Chalk, type ChalkInstance } from 'chalk';
import type { CostResult, ProviderCost, ProviderModelCost } from '../cost/compute.js';
import { formatMoney, formatPercent } from './format.js';

export interface CostLabels {
  /** Which provider name and assumption text to show. */
  lang: 'en' | 'zh';
  title: string;
  openaiToday: string;
  rank: string;
  provider: string;
  monthly: string;
  monthlyUsd: string;
  vsOpenai: string;
  vsOpenaiCny: string;
  note: string;
  cannotPrice: (models: string[]) => string;
  nothingPriced: string;
  chartTitle: string;
  breakdownTitle: (provider: string) => string;
  model: string;
  tokensIn: string;
  tokensCached: string;
  tokensOut: string;
  openai: string;
  total: string;
  notCovered: string;
  assumptions: string;
  periodUsage: (days: string, factor: string) => string;
  periodGiven: (days: string, factor: string) => string;
  periodAssumed: string;
  periodStatic: string;
  fx: (rate: number, source: string) => string;
  fxDefault: (asOf: string) => string;
  fxGiven: string;
  duration: (value: number, unit: 'day' | 'hour') => string;
  rebased: (ratio: number) => string;
  peakTokens: (percent: number, basis: 'buckets' | 'mixed' | 'blended') => string;
  unpricedOpenai: (models: string[]) => string;
  unknownProvider: (id: string) => string;
  perMonth: string;
  short: (provider: string, amount: string, usd: string, openai: string, delta: string) => string;
  shortAll: (best: string, amount: string, openai: string, delta: string) => string;
}

export const COST_LABELS: Record<'en' | 'zh', CostLabels> = {
  en: {
    lang: 'en',
    title: 'Estimated monthly cost',
    openaiToday: 'OpenAI (today)',
    rank: '#',
    provider: 'provider',
    monthly: 'per month',
    monthlyUsd: 'in USD',
    vsOpenai: 'vs OpenAI',
    vsOpenaiCny: 'vs OpenAI in CNY',
    note: 'note',
    cannotPrice: (models) => `cannot price: ${models.join(', ')}`,
    nothingPriced: 'nothing in the usage is priced here',
    chartTitle: 'Monthly cost in USD',
    breakdownTitle: (provider) => `${provider}: per model, per month`,
    model: 'OpenAI model → target',
    tokensIn: 'input',
    tokensCached: 'cached',
    tokensOut: 'output',
    openai: 'OpenAI',
    total: 'total',
    notCovered: 'not covered',
    assumptions: 'Assumptions',
    periodUsage: (days, factor) => `Usage covers ${days}; scaled ×${factor} to a month.`,
    periodGiven: (days, factor) => `Usage covers ${days} (given); scaled ×${factor} to a month.`,
    periodAssumed: 'The usage gives no time span: treated as one month.',
    periodStatic: 'Static estimate of the scanned call sites, per month.',
    fx: (rate, source) => `¥${rate} = $1 (${source}).`,
    fxDefault: (asOf) => `default, ${asOf}`,
    fxGiven: 'given',
    duration: (value, unit) => `${value} ${unit}${value === 1 ? '' : 's'}`,
    rebased: (ratio) => `tokens ×${ratio} (re-based to the target tokenizer)`,
    peakTokens: (percent, basis) =>
      `${percent}% of tokens at peak prices (${basis === 'buckets' ? 'by bucket time' : basis === 'mixed' ? 'by bucket time where known' : 'assumed share'})`,
    unpricedOpenai: (models) => `Not priced on OpenAI: ${models.join(', ')}.`,
    unknownProvider: (id) => `no cost figures for provider '${id}'`,
    perMonth: '/month',
    short: (provider, amount, usd, openai, delta) => `Cost on ${provider}: ${amount}/month (${usd}) vs OpenAI ${openai}/month, ${delta}.`,
    shortAll: (best, amount, openai, delta) => `Cheapest: ${best} at ${amount}/month vs OpenAI ${openai}/month, ${delta}.`,
  },
  zh: {
    lang: 'zh',
    title: '预估每月费用',
    openaiToday: 'OpenAI（当前）',
    rank: '#',
    provider: '服务商',
    monthly: '每月',
    monthlyUsd: '折合美元',
    vsOpenai: '相比 OpenAI',
    vsOpenaiCny: '相比 OpenAI（人民币）',
    note: '备注',
    cannotPrice: (models) => `无法计价：${models.join('、')}`,
    nothingPriced: '用量中没有可在此计价的模型',
    chartTitle: '每月费用（美元）',
    breakdownTitle: (provider) => `${provider}：按模型，每月`,
    model: 'OpenAI 模型 → 目标模型',
    tokensIn: '输入',
    tokensCached: '缓存命中',
    tokensOut: '输出',
    openai: 'OpenAI',
    total: '合计',
    notCovered: '未覆盖',
    assumptions: '假设',
    periodUsage: (days, factor) => `用量覆盖 ${days}，按 ×${factor} 折算为一个月。`,
    periodGiven: (days, factor) => `用量覆盖 ${days}（指定），按 ×${factor} 折算为一个月。`,
    periodAssumed: '用量未给出时间范围：按一个月计。',
    periodStatic: '按扫描到的调用点做静态估算，每月。',
    fx: (rate, source) => `¥${rate} = $1（${source}）。`,
    fxDefault: (asOf) => `默认值，${asOf}`,
    fxGiven: '指定',
    duration: (value, unit) => `${value} ${unit === 'day' ? '天' : '小时'}`,
    rebased: (ratio) => `token 数 ×${ratio}（按目标分词器换算）`,
    peakTokens: (percent, basis) => `${percent}% 的 token 按高峰价计（${basis === 'buckets' ? '按时段桶的时间' : basis === 'mixed' ? '已知处按时段桶的时间' : '假定比例'}）`,
    unpricedOpenai: (models) => `OpenAI 侧无价格：${models.join('、')}。`,
    unknownProvider: (id) => `没有服务商 '${id}' 的费用数据`,
    perMonth: '/月',
    short: (provider, amount, usd, openai, delta) => `${provider} 费用：每月 ${amount}（${usd}），OpenAI 每月 ${openai}，${delta}。`,
    shortAll: (best, amount, openai, delta) => `最便宜：${best}，每月 ${amount}，OpenAI 每月 ${openai}，${delta}。`,
  },
};

export interface CostRenderOptions {
  color: boolean;
  /** Terminal width for the chart and the table (default 80). */
  width?: number;
  labels?: CostLabels;
}

function chalkFor(options: CostRenderOptions): ChalkInstance {
  return new Chalk({ level: options.color ? 1 : 0 });
}

/** Visible width: ANSI codes take none, wide (CJK) characters two. */
export function visibleWidth(text: string): number {
  // eslint-disable-next-line no-control-regex
  const plain = text.replace(/\u001b\[[0-9;]*m/g, '');
  let width = 0;
  for (const ch of plain) width += /[\u1100-\u115f\u2e80-\ua4cf\uac00-\ud7a3\uf900-\ufaff\ufe30-\ufe4f\uff00-\uff60\uffe0-\uffe6]/.test(ch) ? 2 : 1;
  return width;
}

export function pad(text: string, width: number, align: 'left' | 'right' = 'left'): string {
  const gap = Math.max(0, width - visibleWidth(text));
  return align === 'left' ? text + ' '.repeat(gap) : ' '.repeat(gap) + text;
}

function table(rows: string[][], align: Array<'left' | 'right'>): string[] {
  const widths = align.map((_, c) => Math.max(...rows.map((r) => visibleWidth(r[c] ?? ''))));
  return rows.map((r) =>
    r
      .map((cell, c) => (c === r.length - 1 && align[c] === 'left' ? cell : pad(cell ?? '', widths[c], align[c])))
      .join('  ')
      .trimEnd(),
  );
}

function tokens(n: number): string {
  return Math.round(n).toLocaleString('en-US');
}

function signed(amount: number, currency: string): string {
  const sign = amount < 0 ? '−' : amount > 0 ? '+' : '±';
  return `${sign}${formatMoney(Math.abs(amount), currency)}`;
}

/** `−$1,234 (−97%)` / `+$12.00 (+20%)`. */
export function formatDelta(deltaUsd: number, ratio: number | null): string {
  const money = signed(deltaUsd, 'USD');
  return ratio === null ? money : `${money} (${formatPercent(ratio)})`;
}

/** The change in both currencies: `−$1,234 / −¥8,885 (−97%)`. */
export function formatDeltaBoth(deltaUsd: number, deltaCny: number, ratio: number | null): string {
  const money = `${signed(deltaUsd, 'USD')} / ${signed(deltaCny, 'CNY')}`;
  return ratio === null ? money : `${money} (${formatPercent(ratio)})`;
}

function deltaColor(chalk: ChalkInstance, deltaUsd: number, text: string): string {
  return deltaUsd < 0 ? chalk.green(text) : deltaUsd > 0 ? chalk.red(text) : text;
}

function providerLabel(p: ProviderCost, labels: CostLabels): string {
  return p.name[labels.lang];
}

function describeDays(days: number, labels: CostLabels): string {
  return days >= 1 ? labels.duration(Math.round(days * 100) / 100, 'day') : labels.duration(Math.round(days * 24 * 100) / 100, 'hour');
}

function headerLines(result: CostResult, labels: CostLabels): string[] {
  const lines: string[] = [];
  const factor = String(Math.round(result.period.monthlyFactor * 100) / 100);
  const days = result.period.days === null ? '' : describeDays(result.period.days, labels);
  if (result.period.basis === 'usage') lines.push(labels.periodUsage(days, factor));
  else if (result.period.basis === 'given') lines.push(labels.periodGiven(days, factor));
  else if (result.period.basis === 'static') lines.push(labels.periodStatic);
  else lines.push(labels.periodAssumed);
  lines.push(labels.fx(result.fx.cnyPerUsd, result.fx.isDefault ? labels.fxDefault(result.fx.asOf ?? '') : labels.fxGiven));
  const unpriced = result.openai.models.filter((m) => !m.priced).map((m) => m.model);
  if (unpriced.length) lines.push(labels.unpricedOpenai(unpriced));
  return lines;
}

/** The ranking: OpenAI today, then every provider by monthly cost, with the change against OpenAI. */
export function renderCostTable(result: CostResult, options: CostRenderOptions): string {
  const labels = options.labels ?? COST_LABELS.en;
  const chalk = chalkFor(options);
  const rows: string[][] = [[labels.rank, labels.provider, labels.monthly, labels.monthlyUsd, labels.vsOpenai, labels.vsOpenaiCny, labels.note]];
  rows.push(['', labels.openaiToday, formatMoney(result.openai.monthlyUsd, 'USD'), formatMoney(result.openai.monthlyUsd, 'USD'), '', '', '']);
  for (const p of result.providers) {
    const note = p.models.length === 0 ? labels.nothingPriced : p.complete ? '' : labels.cannotPrice([...new Set(p.uncovered.map((u) => u.openaiModel))]);
    const delta = p.models.length ? formatDelta(p.comparison.monthlyDeltaUsd, p.comparison.ratio) : '';
    rows.push([
      String(p.rank),
      providerLabel(p, labels),
      p.models.length ? formatMoney(p.monthlyAmount, p.currency) : '–',
      p.models.length ? formatMoney(p.monthlyUsd, 'USD') : '–',
      delta,
      p.models.length ? signed(p.comparison.monthlyDeltaCny, 'CNY') : '',
      note,
    ]);
  }
  const lines = table(rows, ['right', 'left', 'right', 'right', 'right', 'right', 'left']);
  const colored = lines.map((line, i) => {
    if (i === 0) return chalk.bold(line);
    const p = result.providers[i - 2];
    if (!p) return line;
    if (!p.models.length || !p.complete) return chalk.dim(line);
    return line;
  });
  // Colour the change column after layout, so widths stay right.
  const out = colored.map((line, i) => {
    const p = result.providers[i - 2];
    if (!p || !p.models.length || !options.color) return line;
    const delta = formatDelta(p.comparison.monthlyDeltaUsd, p.comparison.ratio);
    return line.replace(delta, deltaColor(chalk, p.comparison.monthlyDeltaUsd, delta));
  });
  return [chalk.bold(labels.title), ...headerLines(result, labels), '', ...out].join('\n');
}

const EIGHTHS = ['', '▏', '▎', '▍', '▌', '▋', '▊', '▉'];

/** A horizontal bar of `value / max` of `width` cells, in eighth blocks. */
export function bar(value: number, max: number, width: number): string {
  if (!(max > 0) || !(value > 0) || width <= 0) return '';
  const eighths = Math.max(1, Math.round((Math.min(value, max) / max) * width * 8));
  return '█'.repeat(Math.floor(eighths / 8)) + EIGHTHS[eighths % 8];
}

/** Monthly cost in USD per provider, OpenAI first, as bars no wider than the terminal. */
export function renderCostChart(result: CostResult, options: CostRenderOptions): string {
  const labels = options.labels ?? COST_LABELS.en;
  const chalk = chalkFor(options);
  const width = Math.max(40, options.width ?? 80);
  const entries: Array<{ label: string; usd: number; kind: 'openai' | 'cheaper' | 'dearer' | 'partial' }> = [
    { label: labels.openaiToday, usd: result.openai.monthlyUsd, kind: 'openai' },
  ];
  for (const p of result.providers) {
    if (!p.models.length) continue;
    entries.push({ label: providerLabel(p, labels), usd: p.monthlyUsd, kind: !p.complete ? 'partial' : p.monthlyUsd <= result.openai.monthlyUsd ? 'cheaper' : 'dearer' });
  }
  const labelWidth = Math.min(28, Math.max(...entries.map((e) => visibleWidth(e.label))));
  const values = entries.map((e) => formatMoney(e.usd, 'USD'));
  const valueWidth = Math.max(...values.map((v) => v.length));
  const barWidth = Math.max(10, width - labelWidth - valueWidth - 4);
  const max = Math.max(...entries.map((e) => e.usd));
  const lines = entries.map((e, i) => {
    const label = visibleWidth(e.label) > labelWidth ? `${[...e.label].slice(0, labelWidth - 1).join('')}…` : e.label;
    const b = bar(e.usd, max, barWidth);
    const painted = e.kind === 'openai' ? chalk.yellow(b) : e.kind === 'cheaper' ? chalk.green(b) : e.kind === 'dearer' ? chalk.red(b) : chalk.dim(b);
    return `${pad(label, labelWidth)}  ${pad(values[i], valueWidth, 'right')}  ${painted}`.trimEnd();
  });
  return [chalk.bold(labels.chartTitle), ...lines].join('\n');
}

/** One provider's figures per OpenAI model, with the notes on how each was priced. */
export function renderProviderBreakdown(result: CostResult, providerId: string, options: CostRenderOptions): string {
  const labels = options.labels ?? COST_LABELS.en;
  const chalk = chalkFor(options);
  const p = result.providers.find((x) => x.id === providerId);
  if (!p) return labels.unknownProvider(providerId);
  const factor = result.period.monthlyFactor;
  const rows: string[][] = [[labels.model, labels.tokensIn, labels.tokensCached, labels.tokensOut, labels.openai, p.id, labels.vsOpenai]];
  const notes: string[][] = [];
  const byModel = (m: ProviderModelCost) => {
    const deltaUsd = (m.usd - m.openaiUsd) * factor;
    rows.push([
      `${m.openaiModel} → ${m.targetModel}`,
      tokens(m.inputTokens * factor),
      tokens(m.cachedInputTokens * factor),
      tokens(m.outputTokens * factor),
      m.openaiPriced ? formatMoney(m.openaiUsd * factor, 'USD') : '–',
      formatMoney(m.monthlyAmount, m.currency),
      m.openaiPriced ? formatDelta(deltaUsd, m.openaiUsd > 0 ? (m.usd - m.openaiUsd) / m.openaiUsd : null) : '',
    ]);
    const extra = [...(labels.lang === 'zh' ? m.notesZh : m.notes)];
    if (m.tokenRatio !== 1) extra.unshift(labels.rebased(Math.round(m.tokenRatio * 1000) / 1000));
    if (m.peakShare !== undefined) extra.push(labels.peakTokens(Math.round(m.peakShare * 1000) / 10, m.timeOfDay ?? 'blended'));
    notes.push(extra);
  };
  p.models.forEach(byModel);
  rows.push([
    labels.total,
    '',
    '',
    '',
    formatMoney(p.comparison.monthlyOpenaiUsd, 'USD'),
    formatMoney(p.monthlyAmount, p.currency),
    p.comparison.openaiUsd > 0 ? formatDelta(p.comparison.monthlyDeltaUsd, p.comparison.ratio) : '',
  ]);
  const lines = table(rows, ['left', 'right', 'right', 'right', 'right', 'right', 'right']);
  const out: string[] = [chalk.bold(labels.breakdownTitle(`${p.name.en} · ${p.name.zh}`)), chalk.bold(lines[0])];
  for (let i = 1; i < lines.length; i++) {
    out.push(i === lines.length - 1 ? chalk.bold(lines[i]) : lines[i]);
    for (const note of notes[i - 1] ?? []) out.push(chalk.dim(`    ${note}`));
  }
  if (p.uncovered.length) {
    out.push('', `${labels.notCovered}:`);
    for (const u of p.uncovered) out.push(`  ${u.openaiModel}: ${labels.lang === 'zh' ? u.reasonZh : u.reason}${u.openaiUsd > 0 ? ` (OpenAI ${formatMoney(u.openaiUsd * factor, 'USD')}${labels.perMonth})` : ''}`);
  }
  return out.join('\n');
}

export function renderAssumptions(result: CostResult, options: CostRenderOptions): string {
  const labels = options.labels ?? COST_LABELS.en;
  const chalk = chalkFor(options);
  return [chalk.bold(labels.assumptions), ...result.assumptions.map((a) => `  • ${labels.lang === 'zh' && a.zh ? a.zh : a.text}`)].join('\n');
}

/** The full `migrate cost` report: table and chart; with a provider, its breakdown; the assumptions. */
export function renderCost(result: CostResult, options: CostRenderOptions & { provider?: string }): string {
  const parts = [renderCostTable(result, options), renderCostChart(result, options)];
  if (options.provider) parts.push(renderProviderBreakdown(result, options.provider, options));
  parts.push(renderAssumptions(result, options));
  return `${parts.join('\n\n')}\n`;
}

/** One line for `scan` and `apply`: the given provider, or the cheapest complete one. */
export function renderCostShort(result: CostResult, provider?: string, labels: CostLabels = COST_LABELS.en): string {
  const p = provider ? result.providers.find((x) => x.id === provider) : (result.providers.find((x) => x.complete) ?? result.providers.find((x) => x.models.length > 0));
  if (!p || !p.models.length) return provider ? labels.unknownProvider(provider) : labels.nothingPriced;
  const delta = formatDeltaBoth(p.comparison.monthlyDeltaUsd, p.comparison.monthlyDeltaCny, p.comparison.ratio);
  const openai = formatMoney(result.openai.monthlyUsd, 'USD');
  return provider
    ? labels.short(p.name[labels.lang], formatMoney(p.monthlyAmount, p.currency), formatMoney(p.monthlyUsd, 'USD'), openai, delta)
    : labels.shortAll(p.name[labels.lang], formatMoney(p.monthlyAmount, p.currency), openai, delta);
}

/** The result for JSON: exact numbers, English texts only (the Chinese ones are for `--lang zh`). */
export function costResultForJson(result: CostResult): CostResult {
  return {
    ...result,
    providers: result.providers.map((p) => ({
      ...p,
      models: p.models.map(({ notesZh: _n, ...m }) => m as ProviderModelCost),
      uncovered: p.uncovered.map(({ reasonZh: _r, ...u }) => u as ProviderCost['uncovered'][number]),
    })),
    assumptions: result.assumptions.map(({ zh: _zh, ...a }) => a),
  };
}

/**
 * Text rendering of a cost result (cost/compute.ts): the ranking table, a terminal bar chart, one
 * provider's per-model breakdown and the assumptions. Pure: strings in, strings out; colour only
 * when asked. Every label is in COST_LABELS so another language is one more entry.
 */
import { Chalk, type ChalkInstance } from 'chalk';
import type { CostResult, ProviderCost, ProviderModelCost } from '../cost/compute.js';
import { formatMoney, formatPercent } from './format.js';

export interface CostLabels {
  title: string;
  openaiToday: string;
  rank: string;
  provider: string;
  monthly: string;
  monthlyUsd: string;
  vsOpenai: string;
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
  fx: (rate: number, source: string) => string;
  unpricedOpenai: (models: string[]) => string;
  unknownProvider: (id: string) => string;
  perMonth: string;
  short: (provider: string, amount: string, usd: string, openai: string, delta: string) => string;
  shortAll: (best: string, amount: string, openai: string, delta: string) => string;
}

export const COST_LABELS: Record<'en', CostLabels> = {
  en: {
    title: 'Estimated monthly cost',
    openaiToday: 'OpenAI (today)',
    rank: '#',
    provider: 'provider',
    monthly: 'per month',
    monthlyUsd: 'in USD',
    vsOpenai: 'vs OpenAI',
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
    fx: (rate, source) => `¥${rate} = $1 (${source}).`,
    unpricedOpenai: (models) => `Not priced on OpenAI: ${models.join(', ')}.`,
    unknownProvider: (id) => `no cost figures for provider '${id}'`,
    perMonth: '/month',
    short: (provider, amount, usd, openai, delta) => `Cost on ${provider}: ${amount}/month (${usd}) vs OpenAI ${openai}/month, ${delta}.`,
    shortAll: (best, amount, openai, delta) => `Cheapest: ${best} at ${amount}/month vs OpenAI ${openai}/month, ${delta}.`,
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
function visibleWidth(text: string): number {
  // eslint-disable-next-line no-control-regex
  const plain = text.replace(/\u001b\[[0-9;]*m/g, '');
  let width = 0;
  for (const ch of plain) width += /[\u1100-\u115f\u2e80-\ua4cf\uac00-\ud7a3\uf900-\ufaff\ufe30-\ufe4f\uff00-\uff60\uffe0-\uffe6]/.test(ch) ? 2 : 1;
  return width;
}

function pad(text: string, width: number, align: 'left' | 'right' = 'left'): string {
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

/** `−$1,234 (−97%)` / `+$12.00 (+20%)`. */
export function formatDelta(deltaUsd: number, ratio: number | null): string {
  const sign = deltaUsd < 0 ? '−' : deltaUsd > 0 ? '+' : '±';
  const money = `${sign}${formatMoney(Math.abs(deltaUsd), 'USD')}`;
  return ratio === null ? money : `${money} (${formatPercent(ratio)})`;
}

function deltaColor(chalk: ChalkInstance, deltaUsd: number, text: string): string {
  return deltaUsd < 0 ? chalk.green(text) : deltaUsd > 0 ? chalk.red(text) : text;
}

function providerLabel(p: ProviderCost): string {
  return p.name.en;
}

function describeDays(days: number): string {
  const plural = (n: number, unit: string) => `${n} ${unit}${n === 1 ? '' : 's'}`;
  return days >= 1 ? plural(Math.round(days * 100) / 100, 'day') : plural(Math.round(days * 24 * 100) / 100, 'hour');
}

function headerLines(result: CostResult, labels: CostLabels): string[] {
  const lines: string[] = [];
  const factor = String(Math.round(result.period.monthlyFactor * 100) / 100);
  const days = result.period.days === null ? '' : describeDays(result.period.days);
  if (result.period.basis === 'usage') lines.push(labels.periodUsage(days, factor));
  else if (result.period.basis === 'given') lines.push(labels.periodGiven(days, factor));
  else lines.push(labels.periodAssumed);
  lines.push(labels.fx(result.fx.cnyPerUsd, result.fx.isDefault ? `default, ${result.fx.asOf}` : 'given'));
  const unpriced = result.openai.models.filter((m) => !m.priced).map((m) => m.model);
  if (unpriced.length) lines.push(labels.unpricedOpenai(unpriced));
  return lines;
}

/** The ranking: OpenAI today, then every provider by monthly cost, with the change against OpenAI. */
export function renderCostTable(result: CostResult, options: CostRenderOptions): string {
  const labels = options.labels ?? COST_LABELS.en;
  const chalk = chalkFor(options);
  const rows: string[][] = [[labels.rank, labels.provider, labels.monthly, labels.monthlyUsd, labels.vsOpenai, labels.note]];
  rows.push(['', labels.openaiToday, formatMoney(result.openai.monthlyUsd, 'USD'), formatMoney(result.openai.monthlyUsd, 'USD'), '', '']);
  for (const p of result.providers) {
    const note = p.models.length === 0 ? labels.nothingPriced : p.complete ? '' : labels.cannotPrice([...new Set(p.uncovered.map((u) => u.openaiModel))]);
    const delta = p.models.length ? formatDelta(p.comparison.monthlyDeltaUsd, p.comparison.ratio) : '';
    rows.push([
      String(p.rank),
      providerLabel(p),
      p.models.length ? formatMoney(p.monthlyAmount, p.currency) : '–',
      p.models.length ? formatMoney(p.monthlyUsd, 'USD') : '–',
      delta,
      note,
    ]);
  }
  const lines = table(rows, ['right', 'left', 'right', 'right', 'right', 'left']);
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
    entries.push({ label: providerLabel(p), usd: p.monthlyUsd, kind: !p.complete ? 'partial' : p.monthlyUsd <= result.openai.monthlyUsd ? 'cheaper' : 'dearer' });
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
    const extra = [...m.notes];
    if (m.tokenRatio !== 1) extra.unshift(`tokens ×${Math.round(m.tokenRatio * 1000) / 1000} (re-based to the target tokenizer)`);
    if (m.peakShare !== undefined) extra.push(`${Math.round(m.peakShare * 1000) / 10}% of tokens at peak prices (${m.timeOfDay === 'buckets' ? 'by bucket time' : m.timeOfDay === 'mixed' ? 'by bucket time where known' : 'assumed share'})`);
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
    for (const u of p.uncovered) out.push(`  ${u.openaiModel}: ${u.reason}${u.openaiUsd > 0 ? ` (OpenAI ${formatMoney(u.openaiUsd * factor, 'USD')}${labels.perMonth})` : ''}`);
  }
  return out.join('\n');
}

export function renderAssumptions(result: CostResult, options: CostRenderOptions): string {
  const labels = options.labels ?? COST_LABELS.en;
  const chalk = chalkFor(options);
  return [chalk.bold(labels.assumptions), ...result.assumptions.map((a) => `  • ${a.text}`)].join('\n');
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
  const delta = formatDelta(p.comparison.monthlyDeltaUsd, p.comparison.ratio);
  const openai = formatMoney(result.openai.monthlyUsd, 'USD');
  return provider
    ? labels.short(p.name.en, formatMoney(p.monthlyAmount, p.currency), formatMoney(p.monthlyUsd, 'USD'), openai, delta)
    : labels.shortAll(p.name.en, formatMoney(p.monthlyAmount, p.currency), openai, delta);
}

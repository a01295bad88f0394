/**
 * The `migrate cost` report: where the figures come from (the usage file and the columns read, or
 * the call sites of the scan with their token sizes), then the engine's table, chart, breakdown and
 * assumptions (cost.ts). Text for people, JSON with exact numbers for machines.
 */
import { Chalk } from 'chalk';
import type { CostOutcome } from '../commands/cost.js';
import type { Lang } from '../core/text.js';
import { billedPerToken, type StaticSite } from '../cost/static.js';
import { VERSION } from '../version.js';
import { COST_LABELS, costResultForJson, pad, renderCost, visibleWidth } from './cost.js';
import { formatMoney } from './format.js';
import { SCHEMA_VERSION } from './json.js';

const FORMAT_NAMES = {
  en: { 'openai-usage-api': 'OpenAI Usage API JSON', 'openai-dashboard-csv': 'OpenAI dashboard CSV export', 'simple-csv': 'simple CSV', 'simple-json': 'simple JSON' },
  zh: { 'openai-usage-api': 'OpenAI Usage API JSON', 'openai-dashboard-csv': 'OpenAI 控制台导出的 CSV', 'simple-csv': '简单 CSV', 'simple-json': '简单 JSON' },
} as const;

const LABELS = {
  en: {
    usage: (file: string, format: string, read: number, skipped: number) => `Usage: ${file} (${format}): ${read} row(s) read, ${skipped} skipped.`,
    columns: 'Columns read',
    skippedRow: 'skipped',
    note: 'note',
    static: (root: string, sites: number, priced: number) => `Static estimate of ${root}: ${sites} call site(s), ${priced} priced.`,
    noSites: 'No OpenAI call site found: nothing to price.',
    site: 'call site',
    api: 'API',
    model: 'model',
    input: 'input/call',
    output: 'output/call',
    calls: 'calls/month',
    openai: 'OpenAI/month',
    literal: (n: number, d: number) => `${n} literal + ${d}`,
    literalOnly: 'literal',
    byDefault: 'default',
    maxTokens: 'max_tokens',
    notPriced: (site: StaticSite) => `not priced: ${site.reason ?? ''}`,
  },
  zh: {
    usage: (file: string, format: string, read: number, skipped: number) => `用量：${file}（${format}）：读取 ${read} 行，跳过 ${skipped} 行。`,
    columns: '读取的列',
    skippedRow: '跳过',
    note: '说明',
    static: (root: string, sites: number, priced: number) => `静态估算 ${root}：${sites} 个调用点，${priced} 个已计价。`,
    noSites: '未发现 OpenAI 调用点：没有可计价的内容。',
    site: '调用点',
    api: 'API',
    model: '模型',
    input: '输入/次',
    output: '输出/次',
    calls: '调用/月',
    openai: 'OpenAI/月',
    literal: (n: number, d: number) => `字面 ${n} + ${d}`,
    literalOnly: '字面',
    byDefault: '默认',
    maxTokens: 'max_tokens',
    notPriced: (site: StaticSite) => `未计价：${billedPerToken(site.family) ? '模型名无法静态确定' : `${site.family} 调用不按 token 计费`}`,
  },
} as const;

export interface CostReportOptions {
  color: boolean;
  lang: Lang;
  width?: number;
}

const n = (value: number) => value.toLocaleString('en-US');

function siteRows(sites: StaticSite[], L: (typeof LABELS)[Lang]): string[] {
  const rows: string[][] = [[L.site, L.api, L.model, L.input, L.output, L.calls, L.openai]];
  for (const s of sites) {
    const where = `${s.file}:${s.line}`;
    if (!s.priced) {
      rows.push([where, s.call, s.model ?? '–', L.notPriced(s), '', '', '']);
      continue;
    }
    const input =
      s.inputBasis === 'literal+default' ? `${n(s.inputTokens)} (${L.literal(s.literalTokens, s.inputTokens - s.literalTokens)})`
      : s.inputBasis === 'literal' ? `${n(s.inputTokens)} (${L.literalOnly})`
      : `${n(s.inputTokens)} (${L.byDefault})`;
    const output = s.outputBasis === 'none' ? '0' : `${n(s.outputTokens)} (${s.outputBasis === 'max_tokens' ? L.maxTokens : L.byDefault})`;
    rows.push([where, s.call, s.model ?? '–', input, output, n(s.callsPerMonth), s.openaiUsd === null ? '–' : formatMoney(s.openaiUsd, 'USD')]);
  }
  // A site that is not priced has its reason in place of the figures: it does not set their widths.
  const full = rows.filter((r) => r[4] !== '' || r === rows[0]);
  const widths = rows[0].map((_, c) => Math.max(...(c < 3 ? rows : full).map((r) => visibleWidth(r[c]))));
  return rows.map((r) =>
    r
      .map((cell, c) => (c >= 3 && r[4] === '' && r !== rows[0] ? cell : pad(cell, widths[c], c >= 3 ? 'right' : 'left')))
      .join('  ')
      .trimEnd(),
  );
}

export function renderCostReport(outcome: CostOutcome, options: CostReportOptions): string {
  const L = LABELS[options.lang];
  const chalk = new Chalk({ level: options.color ? 1 : 0 });
  const head: string[] = [];
  if (outcome.usage) {
    const u = outcome.usage;
    head.push(chalk.bold(L.usage(u.file ?? '', FORMAT_NAMES[options.lang][u.format], u.rowsRead, u.rowsSkipped)));
    head.push(`${L.columns}: ${Object.entries(u.columns).map(([field, column]) => `${field} ← ${column}`).join(', ')}`);
    for (const s of u.skipped) head.push(chalk.dim(`  ${L.skippedRow} ${s.where}: ${s.reason}`));
    for (const note of u.notes) head.push(chalk.dim(`  ${L.note}: ${note}`));
  } else if (outcome.estimate) {
    const e = outcome.estimate;
    head.push(chalk.bold(L.static(outcome.path, e.sites.length, e.pricedSites)));
    if (e.sites.length) {
      const [header, ...rest] = siteRows(e.sites, L);
      head.push(chalk.bold(header), ...rest);
    } else head.push(L.noSites);
  }
  const body = renderCost(outcome.result, {
    color: options.color,
    width: options.width,
    labels: COST_LABELS[options.lang],
    ...(outcome.provider ? { provider: outcome.provider } : {}),
  });
  return `${head.join('\n')}\n\n${body}`;
}

/** One document, exact numbers; the person-facing Chinese texts stay out, as in every JSON format. */
export function renderCostJson(outcome: CostOutcome): string {
  const e = outcome.estimate;
  const document = {
    schemaVersion: SCHEMA_VERSION,
    tool: { name: 'banjia', version: VERSION },
    command: 'cost',
    source: outcome.source,
    root: outcome.root,
    provider: outcome.provider ?? null,
    usage: outcome.usage,
    static: e ? { assumptions: e.assumptions, pricedSites: e.pricedSites, unpricedSites: e.unpricedSites, sites: e.sites } : null,
    cost: costResultForJson(outcome.result),
  };
  return `${JSON.stringify(document, null, 2)}\n`;
}

/**
 * The CNY-per-USD rate used to compare OpenAI's USD prices with the providers' CNY prices. Data, not
 * a live quote: nothing is fetched at run time. `--fx` overrides it.
 *
 * Facts: ../shared/providers.md §1.1. The gateways that bill Chinese providers in USD hard-code a
 * rate: one-api 7.0, new-api 7.3 (and 7.2 for its 01.AI block); DeepSeek's own dual-currency tables
 * imply 6.7–7.4. 7.2 sits inside that spread and is the facts sheet's recommendation.
 */
import { ConfigError } from '../core/errors.js';

export interface FxRate {
  /** Yuan per US dollar. */
  cnyPerUsd: number;
  /** When the figure was read (the sources are code, mostly undated). */
  asOf: string;
  source: string;
  note: string;
}

export const DEFAULT_FX: FxRate = {
  cnyPerUsd: 7.2,
  asOf: '2026-11-28',
  source: 'https://github.com/QuantumNous/new-api',
  note: 'new-api converts 01.AI prices at 7.2 (setting/ratio_setting/model_ratio.go: "已经按照 7.2 来换算美元价格"); the middle of the 7.0–7.3 the gateways use.',
};

/** Other rates in use, for the report and the docs. */
export const FX_ALTERNATIVES: readonly FxRate[] = [
  {
    cnyPerUsd: 7.0,
    asOf: '2025-02-21',
    source: 'https://github.com/songquanpeng/one-api',
    note: 'one-api relay/billing/ratio/model.go: USD2RMB = 7.',
  },
  {
    cnyPerUsd: 7.3,
    asOf: '2026-11-28',
    source: 'https://github.com/QuantumNous/new-api',
    note: 'new-api setting/ratio_setting/model_ratio.go: USD2RMB = 7.3 ("暂定 1 USD = 7.3 RMB").',
  },
];

/** Reads a `--fx` value: a positive number of yuan per dollar. */
export function parseFx(value: string | number): number {
  const n = typeof value === 'number' ? value : Number(String(value).trim());
  if (!Number.isFinite(n) || n <= 0) throw new ConfigError(`--fx must be a positive number of CNY per USD (e.g. 7.2), got '${value}'`).inChinese(`--fx 必须是每美元兑人民币的正数（如 7.2），实际为 '${value}'`);
  if (n < 1 || n > 50) throw new ConfigError(`--fx ${n} is not a plausible CNY-per-USD rate (expected about 6–8; the default is ${DEFAULT_FX.cnyPerUsd})`).inChinese(`--fx ${n} 不是合理的美元兑人民币汇率（应约为 6–8；默认 ${DEFAULT_FX.cnyPerUsd}）`);
  return n;
}

/** Converts an amount between USD and CNY at `cnyPerUsd`. */
export function convert(amount: number, from: 'USD' | 'CNY', to: 'USD' | 'CNY', cnyPerUsd: number): number {
  if (from === to) return amount;
  return from === 'USD' ? amount * cnyPerUsd : amount / cnyPerUsd;
}

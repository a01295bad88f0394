/**
 * The short, static cost estimate of a scan: what the call sites found would cost per month on
 * OpenAI and on each provider, from stated assumptions. (`migrate cost` does the full work.)
 */
import { findOpenAiModel, findProviderModel, mapModel } from '../catalogue/index.js';
import type { Price, Provider } from '../catalogue/schema.js';
import type { Finding } from '../core/types.js';

export interface StaticAssumptions {
  callsPerMonth: number;
  defaultInputTokens: number;
  defaultOutputTokens: number;
  cnyPerUsd: number;
}

export const DEFAULT_ASSUMPTIONS: StaticAssumptions = {
  callsPerMonth: 1000,
  defaultInputTokens: 500,
  defaultOutputTokens: 300,
  cnyPerUsd: 7.2,
};

export interface StaticEstimate {
  assumptions: StaticAssumptions;
  /** Call sites with a statically known OpenAI model (the others are not priced). */
  pricedSites: number;
  unpricedSites: number;
  openaiUsd: number;
  provider?: { id: string; currency: string; amount: number; usd: number };
}

/** Rough token count: ~4 characters per token for Latin text, ~1.5 per token for CJK. */
export function roughTokens(text: string): number {
  const cjk = (text.match(/[\u3400-\u9fff\uf900-\ufaff]/g) ?? []).length;
  return Math.ceil(cjk / 1.5 + (text.length - cjk) / 4);
}

function cost(price: Price, inputTokens: number, outputTokens: number): number {
  return (price.input * inputTokens + price.output * outputTokens) / 1e6;
}

function toUsd(amount: number, currency: string, assumptions: StaticAssumptions): number {
  return currency === 'USD' ? amount : amount / assumptions.cnyPerUsd;
}

export function staticEstimate(findings: Finding[], provider: Provider | undefined, overrides: Record<string, string>, assumptions = DEFAULT_ASSUMPTIONS): StaticEstimate {
  let openaiUsd = 0;
  let amount = 0;
  let currency = 'CNY';
  let priced = 0;
  let unpriced = 0;
  for (const finding of findings) {
    const usage = finding.usage;
    if (!usage || finding.kind !== 'call') continue;
    const model = usage.model ? findOpenAiModel(usage.model) : undefined;
    if (!model?.price) {
      unpriced++;
      continue;
    }
    priced++;
    const input = Math.max(usage.promptText ? roughTokens(usage.promptText) : 0, assumptions.defaultInputTokens);
    const output = usage.family === 'embeddings' ? 0 : (usage.maxTokens ?? assumptions.defaultOutputTokens);
    openaiUsd += cost(model.price, input, output) * assumptions.callsPerMonth;
    if (provider) {
      const target = mapModel(usage.model!, provider, overrides).target;
      const targetModel = target ? findProviderModel(provider, target) : undefined;
      if (targetModel) {
        currency = targetModel.price.currency;
        amount += cost(targetModel.price, input, output) * assumptions.callsPerMonth;
      }
    }
  }
  return {
    assumptions,
    pricedSites: priced,
    unpricedSites: unpriced,
    openaiUsd,
    ...(provider ? { provider: { id: provider.id, currency, amount, usd: toUsd(amount, currency, assumptions) } } : {}),
  };
}

/**
 * computeCost for every provider, with the user's model map applied to the target provider only.
 * `--model-map gpt-4o=qwen-plus` names one provider's model; applied to DeepSeek it would name a
 * model DeepSeek does not have and leave gpt-4o unpriced there. So the ranking prices every other
 * provider with the catalogue's map and the target with the user's, then ranks them together.
 * The same goes for the provider lock (`migrate doctor`): it is the target's, and the target is
 * priced with the models the lock makes apply write.
 */
import { findProvider, listProviders } from '../catalogue/index.js';
import type { Provider } from '../catalogue/schema.js';
import { computeCost, rankProviders, type CostOptions, type CostResult } from './compute.js';
import type { UsageRecord } from './usage.js';

export interface EngineOptions extends Omit<CostOptions, 'modelMap' | 'providers'> {
  /**
   * The provider a breakdown is asked for, and the model map that applies to it; `provider` is
   * that provider as the plan sees it (with its lock), where it differs from the catalogue's.
   */
  target?: { id: string; modelMap: Record<string, string>; provider?: Provider };
}

export function costForAll(records: UsageRecord[], options: EngineOptions = {}): CostResult {
  const { target, ...base } = options;
  const providers = listProviders();
  const targetProvider = target ? (target.provider ?? findProvider(target.id)) : undefined;
  if (!target || !targetProvider || (Object.keys(target.modelMap).length === 0 && !targetProvider.lock)) return computeCost(records, { ...base, providers });

  const others = computeCost(records, { ...base, providers: providers.filter((p) => p.id !== target.id) });
  const mine = computeCost(records, { ...base, providers: [targetProvider], modelMap: target.modelMap });
  const seen = new Set(others.assumptions.map((a) => a.id));
  return {
    ...others,
    providers: rankProviders([...others.providers, ...mine.providers]),
    assumptions: [...others.assumptions, ...mine.assumptions.filter((a) => !seen.has(a.id))],
  };
}

/**
 * The readiness matrix of a provider-neutral scan: for every provider, how many call sites move
 * automatically, need review, or cannot move, and what the scanned calls would cost; best first.
 */
import { listProviders, defaultRegion } from '../catalogue/index.js';
import type { CostResult } from '../cost/compute.js';
import type { Finding } from '../core/types.js';
import type { DetectResult } from './detect.js';
import { planFindings } from './plan.js';

export interface ReadinessRow {
  provider: string;
  name: { en: string; zh: string };
  auto: number;
  review: number;
  manual: number;
  /**
   * Estimated monthly cost of the scanned call sites, in the provider's currency (the static
   * estimate's engine result); `complete` is false when some priced site has no price here.
   */
  monthlyCost: { amount: number; currency: string; usd: number; complete: boolean } | null;
}

export function callSites(findings: Finding[]): Finding[] {
  return findings.filter((f) => f.kind === 'call');
}

export function countReadiness(findings: Finding[]): { auto: number; review: number; manual: number } {
  const counts = { auto: 0, review: 0, manual: 0 };
  for (const finding of callSites(findings)) {
    if (finding.readiness === 'manual') counts.manual++;
    else if (finding.readiness === 'review') counts.review++;
    else counts.auto++;
  }
  return counts;
}

/** `cost`: the static estimate of the same scan, priced for every provider (cost/static.ts). */
export function readinessMatrix(detected: DetectResult, cost: CostResult): ReadinessRow[] {
  // Only call sites are counted: planning just them for 13 providers is ~5x cheaper than everything.
  const calls: DetectResult = { ...detected, detections: detected.detections.filter(({ detection }) => detection.kind === 'call') };
  const rows = listProviders().map((provider): ReadinessRow => {
    const region = defaultRegion(provider);
    const findings = planFindings(calls, { provider, regionId: region.id, baseURL: region.baseURL, modelOverrides: {} });
    const priced = cost.providers.find((p) => p.id === provider.id);
    return {
      provider: provider.id,
      name: provider.name,
      ...countReadiness(findings),
      monthlyCost: priced && priced.models.length ? { amount: priced.monthlyAmount, currency: priced.currency, usd: priced.monthlyUsd, complete: priced.complete } : null,
    };
  });
  return rows.sort(
    (a, b) =>
      a.manual - b.manual ||
      a.review - b.review ||
      (a.monthlyCost?.usd ?? Infinity) - (b.monthlyCost?.usd ?? Infinity) ||
      a.provider.localeCompare(b.provider),
  );
}

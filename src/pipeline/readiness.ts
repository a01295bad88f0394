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

/** A call, or a construction standing for the calls a framework makes (`callSite`, a LangChain model no call is made on). */
function isSite(site: { kind: string; callSite?: true }): boolean {
  return site.kind === 'call' || site.callSite === true;
}

export function callSites(findings: Finding[]): Finding[] {
  return findings.filter(isSite);
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

/**
 * `summary.sites`, the one count of call sites every format reports. With a target, the target's
 * plan. Without one, a provider-neutral plan matches no provider (it counted 0 cannot move where
 * every provider had at least one), so the counts are the best provider's row of the readiness
 * matrix (`provider` names it) and `cannotMove` is the range over all providers.
 */
export interface SiteCounts {
  auto: number;
  review: number;
  manual: number;
  /** The provider these counts are for: the target, or the best of the readiness matrix; null when neither. */
  provider: string | null;
  /** Without a target: fewest and most call sites that cannot move, over every provider; else null. */
  cannotMove: { min: number; max: number } | null;
}

export function siteCounts(findings: Finding[], target: string | undefined, readiness: ReadinessRow[] | undefined): SiteCounts {
  if (!target && readiness?.length) {
    const best = readiness[0];
    const manual = readiness.map((r) => r.manual);
    return { auto: best.auto, review: best.review, manual: best.manual, provider: best.provider, cannotMove: { min: Math.min(...manual), max: Math.max(...manual) } };
  }
  return { ...countReadiness(findings), provider: target ?? null, cannotMove: null };
}

/** Readiness without cost: planned while the detection still has its syntax (before concludeDetection). */
export type UnpricedRow = Omit<ReadinessRow, 'monthlyCost'>;

export function readinessCounts(detected: DetectResult): UnpricedRow[] {
  // Only call sites are counted: planning just them for 13 providers is ~5x cheaper than everything.
  const calls: DetectResult = { ...detected, detections: detected.detections.filter(({ detection }) => isSite(detection)) };
  return listProviders().map((provider) => {
    const region = defaultRegion(provider);
    const findings = planFindings(calls, { provider, regionId: region.id, baseURL: region.baseURL, modelOverrides: {} });
    return { provider: provider.id, name: provider.name, ...countReadiness(findings) };
  });
}

/** `cost`: the static estimate of the same scan, priced for every provider (cost/static.ts); best first. */
export function priceReadiness(rows: UnpricedRow[], cost: CostResult): ReadinessRow[] {
  const priced = rows.map((row): ReadinessRow => {
    const found = cost.providers.find((p) => p.id === row.provider);
    return {
      ...row,
      monthlyCost: found && found.models.length ? { amount: found.monthlyAmount, currency: found.currency, usd: found.monthlyUsd, complete: found.complete } : null,
    };
  });
  return priced.sort(
    (a, b) =>
      a.manual - b.manual ||
      a.review - b.review ||
      (a.monthlyCost?.usd ?? Infinity) - (b.monthlyCost?.usd ?? Infinity) ||
      a.provider.localeCompare(b.provider),
  );
}

/**
 * Time-dependent facts of the catalogue: whether an OpenAI model the code uses is shut down or about
 * to be (a reason to move now), and how old the catalogue's data is. Pure functions of the data and
 * a `today`, so callers and tests pass the date instead of reading the clock here.
 */
import { findOpenAiModel } from './index.js';
import { CATALOGUE_CHECKED_ON } from './meta.js';

export type OpenAiLifecycleStatus = 'active' | 'shutting-down' | 'shut-down';

export interface OpenAiLifecycle {
  model: string;
  status: OpenAiLifecycleStatus;
  /** OpenAI's shutdown day, when one is announced. */
  shutdownOn?: string;
  /** Days from today to the shutdown (negative once past). */
  daysLeft?: number;
  replacement?: string;
  source?: string;
}

const DAY_MS = 86_400_000;

/** Whole days from `from` to `to`, both read as UTC calendar days. */
export function daysBetween(from: string | Date, to: string | Date): number {
  const day = (d: string | Date) => {
    const iso = typeof d === 'string' ? d.slice(0, 10) : d.toISOString().slice(0, 10);
    return Date.parse(`${iso.length === 7 ? `${iso}-01` : iso}T00:00:00Z`);
  };
  return Math.round((day(to) - day(from)) / DAY_MS);
}

/**
 * Is this OpenAI model shut down, or shutting down (any announced date still ahead)? Unknown ids and
 * ids without an announced date are `active`.
 */
export function openaiLifecycle(modelId: string, today: string | Date): OpenAiLifecycle {
  const model = findOpenAiModel(modelId);
  if (!model?.shutdownOn) return { model: modelId, status: 'active' };
  const daysLeft = daysBetween(today, model.shutdownOn);
  return {
    model: modelId,
    status: daysLeft <= 0 ? 'shut-down' : 'shutting-down',
    shutdownOn: model.shutdownOn,
    daysLeft,
    ...(model.replacement ? { replacement: model.replacement } : {}),
    ...(model.lifecycle ? { source: model.lifecycle.source } : {}),
  };
}

/** Past this many days the catalogue's prices and line-ups are likely stale (providers reprice monthly). */
export const STALE_AFTER_DAYS = 90;

export interface CatalogueAge {
  checkedOn: string;
  days: number;
  stale: boolean;
}

export function catalogueAge(today: string | Date, checkedOn = CATALOGUE_CHECKED_ON): CatalogueAge {
  const days = daysBetween(checkedOn, today);
  return { checkedOn, days, stale: days > STALE_AFTER_DAYS };
}

/** The call-site counts as every format words them, from the one count (report.summary.sites). */
import type { Report } from './report.js';

export interface SiteFacts {
  total: number;
  auto: number;
  review: number;
  manual: number;
  /** Without a target: "1–2" (or "1"), the call sites that cannot move over every provider. */
  range: string | undefined;
  /** The provider the counts are for (the target, or the best provider without one). */
  provider: string | null;
}

export function siteFacts(report: Report): SiteFacts {
  const s = report.summary.sites;
  const range = s.cannotMove ? (s.cannotMove.min === s.cannotMove.max ? String(s.cannotMove.min) : `${s.cannotMove.min}–${s.cannotMove.max}`) : undefined;
  return { total: s.auto + s.review + s.manual, auto: s.auto, review: s.review, manual: s.manual, range, provider: s.provider };
}

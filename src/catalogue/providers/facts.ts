/**
 * Helpers the provider data files share. Pinned sources only: an aggregator is cited by package
 * version or commit, never by a moving branch, so a cited fact can be re-read as it was.
 */

/** LobeHub's maintained model list, as published on the npm registry (data dated 2026-09-27). */
export const MODEL_BANK_VERSION = '1.0.20260927202305';
export const MODEL_BANK_DATE = '2026-09-27';
export const modelBank = (file: string) => `https://www.npmjs.com/package/model-bank/v/${MODEL_BANK_VERSION}#dist/aiModels/${file}.mjs`;

/** The day this review read the providers' pages (issue 18). */
export const REVIEWED = '2026-12-06';

/** Evidence for a context window / max output, or for a lifecycle fact. */
export const evidence = (source: string, checkedOn: string, extra: { effectiveFrom?: string; note?: string } = {}) => ({ source, checkedOn, ...extra });

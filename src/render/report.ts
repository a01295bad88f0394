/** Everything a command reports, in one value; every renderer is a pure function of it. */
import type { Finding, FileOutcome } from '../core/types.js';
import type { StaticEstimate } from '../cost/static.js';
import type { ReadinessRow, SiteCounts } from '../pipeline/readiness.js';
import type { ApplyVerification } from '../commands/apply-verify.js';

export interface ReportTarget {
  provider: string;
  name: { en: string; zh: string };
  region: string;
  baseURL: string;
}

export interface Report {
  command: 'scan' | 'apply' | 'check';
  /** Absolute path of the scanned root. */
  root: string;
  target: ReportTarget | undefined;
  dryRun: boolean;
  findings: Finding[];
  /** One entry per file that was looked at, with what happens to it. */
  files: FileOutcome[];
  summary: {
    listed: number;
    candidates: number;
    changed: number;
    unchanged: number;
    skipped: number;
    errored: number;
    /** Call sites by readiness (pipeline/readiness.ts siteCounts): what every format reports. */
    sites: SiteCounts;
    severities: { error: number; warning: number; info: number };
    typeChecked: { asked: number; bound: number };
  };
  readiness: ReadinessRow[] | undefined;
  estimate: StaticEstimate;
  /** The unified diff of the planned changes (apply). */
  diff: string | undefined;
  /** Files written (apply without --dry-run). */
  written: string[] | undefined;
  journal: string | undefined;
  /** Files apply would change but did not write: skipped or left at the prompt, or declined (apply). */
  notWritten?: string[];
  /** `apply --verify`: the project's type check before and after the writes, and the rollback if any. */
  verify?: ApplyVerification;
}

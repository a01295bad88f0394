/**
 * The shared front half of scan, apply and check: discover → load → detect → plan, and the report
 * built from them. Loads the TypeScript parser only after the prefilter found candidates.
 */
import { discover, resolveRoot, type DiscoverResult } from '../pipeline/discover.js';
import { ALL_MARKERS } from '../sdks/markers.js';
import { parseModelMap, resolveTarget } from '../pipeline/target.js';
import { loadConfig, type LoadedConfig } from '../config/load.js';
import { overridesFromConfig } from '../catalogue/overrides.js';
import { setCatalogueOverrides } from '../catalogue/index.js';
import { staticEstimate, DEFAULT_ASSUMPTIONS } from '../cost/static.js';
import type { FileOutcome, Finding } from '../core/types.js';
import type { Report } from '../render/report.js';
import type { Target } from '../sdks/types.js';
import type { DetectResult } from '../pipeline/detect.js';
import type { PlanResult } from '../pipeline/plan.js';

export interface AnalyzeOptions {
  path: string;
  provider?: string;
  region?: string;
  modelMap?: string[];
  /** An explicit config file; otherwise one is searched from the scanned folder up. */
  config?: string;
  /** The `custom` provider's endpoint and key variable. */
  baseUrl?: string;
  apiKeyEnv?: string;
  /** A LiteLLM price map to take prices from. */
  prices?: string;
  /** Let apply write real secret env files (.env, .env.local). */
  includeEnvFiles?: boolean;
  includeReview?: boolean;
  typeCheck?: boolean;
  /** Build the readiness matrix (provider-neutral scans). */
  readiness?: boolean;
}

export interface Analysis {
  root: string;
  config: LoadedConfig;
  discovered: DiscoverResult;
  detected: DetectResult;
  target: Target | undefined;
  planned: PlanResult;
  report: Report;
}


export async function analyze(options: AnalyzeOptions, command: Report['command']): Promise<Analysis> {
  const { root, only } = resolveRoot(options.path);
  const config = await loadConfig(root, options.config);
  setCatalogueOverrides(overridesFromConfig(config.config, config.file, { baseUrl: options.baseUrl, apiKeyEnv: options.apiKeyEnv, litellm: options.prices }));
  const provider = options.provider ?? config.config.provider;
  const modelOverrides = { ...config.config.modelMap, ...parseModelMap(options.modelMap) };
  const target = provider ? resolveTarget({ provider, region: options.region ?? (options.provider ? undefined : config.config.region), modelOverrides }) : undefined;
  const typeCheck = options.typeCheck === false ? false : config.config.typeCheck !== false;
  const discovered = await discover(root, { markers: ALL_MARKERS, ...(only ? { only } : {}) });
  const [{ detectAll }, { plan }, { readinessMatrix, countReadiness }] = await Promise.all([
    import('../pipeline/detect.js'),
    import('../pipeline/plan.js'),
    import('../pipeline/readiness.js'),
  ]);
  const detected = detectAll(root, discovered.candidates, { typeCheck });
  const planned = plan(detected, target, {
    includeReview: options.includeReview === true,
    includeEnvFiles: options.includeEnvFiles ?? config.config.includeEnvFiles ?? false,
  });
  const files = outcomes(discovered, detected, planned);
  const count = (status: FileOutcome['status']) => files.filter((f) => f.status === status).length;
  const report: Report = {
    command,
    root,
    target: target ? { provider: target.provider.id, name: target.provider.name, region: target.regionId, baseURL: target.baseURL } : undefined,
    dryRun: false,
    findings: planned.findings,
    files,
    summary: {
      listed: discovered.listed,
      candidates: discovered.candidates.length,
      changed: count('changed'),
      unchanged: count('unchanged'),
      skipped: count('skipped'),
      errored: count('errored'),
      sites: countReadiness(planned.findings),
      severities: severities(planned.findings),
      typeChecked: detected.typeChecked,
    },
    readiness: options.readiness && !target ? readinessMatrix(detected) : undefined,
    estimate: staticEstimate(planned.findings, target?.provider, target?.modelOverrides ?? {}, DEFAULT_ASSUMPTIONS),
    diff: undefined,
    written: undefined,
    journal: undefined,
  };
  return { root, config, discovered, detected, target, planned, report };
}

function severities(findings: Finding[]) {
  const counts = { error: 0, warning: 0, info: 0 };
  for (const finding of findings) counts[finding.severity]++;
  return counts;
}

function outcomes(discovered: DiscoverResult, detected: DetectResult, planned: PlanResult): FileOutcome[] {
  const byFile = new Map<string, FileOutcome>();
  for (const skipped of discovered.skipped) byFile.set(skipped.path, { file: skipped.path, status: 'skipped', reason: skipped.reason });
  for (const file of detected.files) byFile.set(file, { file, status: 'unchanged' });
  for (const failure of detected.parseFailures) {
    byFile.set(failure.file, { file: failure.file, status: 'errored', reason: `could not be parsed (${failure.errors[0]}); skipped` });
  }
  for (const filePlan of planned.filePlans) byFile.set(filePlan.path, { file: filePlan.path, status: 'changed' });
  for (const errored of planned.errored) byFile.set(errored.file, errored);
  return [...byFile.values()].sort((a, b) => a.file.localeCompare(b.file));
}

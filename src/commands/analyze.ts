/**
 * The shared front half of scan, apply and check: discover → load → detect → plan, and the report
 * built from them. Loads the TypeScript parser only after the prefilter found candidates.
 */
import { discover, resolveRoot, type DiscoverResult } from '../pipeline/discover.js';
import { ALL_MARKERS } from '../sdks/markers.js';
import { parseModelMap, resolveTarget } from '../pipeline/target.js';
import { lockFindings, withProviderLock } from '../pipeline/provider-lock.js';
import { loadConfig, type LoadedConfig } from '../config/load.js';
import { overridesFromConfig } from '../catalogue/overrides.js';
import { setCatalogueOverrides } from '../catalogue/index.js';
import { staticEstimate } from '../cost/static.js';
import type { FileOutcome, Finding } from '../core/types.js';
// From core, not analysis/unit: that would load the TypeScript compiler before a candidate is found.
import { TOO_DEEP } from '../core/errors.js';
import type { Report } from '../render/report.js';
import type { Target } from '../sdks/types.js';
import type { DetectResult } from '../pipeline/detect.js';
import type { PlanResult } from '../pipeline/plan.js';
import { collectAfterThisJob, collectGarbage, LARGE_SOURCE_CHARACTERS } from '../core/collect.js';

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
  /** Add TODO(migrate) markers before statements that need manual work (apply). */
  annotate?: boolean;
  /** More text markers that make a file a candidate (check looks for leftovers). */
  extraMarkers?: RegExp[];
  includeReview?: boolean;
  typeCheck?: boolean;
  /** Build the readiness matrix (provider-neutral scans). */
  readiness?: boolean;
  /**
   * Keep the detection's syntax trees once planned, to plan again for another provider (the
   * interactive picker's retarget). Otherwise they are let go before the cost estimate.
   */
  keepSyntax?: boolean;
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


export type Progress = (stage: 'list' | 'read' | 'parse' | 'plan', count?: number) => void;

export async function analyze(options: AnalyzeOptions & { progress?: Progress }, command: Report['command']): Promise<Analysis> {
  const { root, only } = resolveRoot(options.path);
  const config = await loadConfig(root, options.config);
  setCatalogueOverrides(overridesFromConfig(config.config, config.file, { baseUrl: options.baseUrl, apiKeyEnv: options.apiKeyEnv, litellm: options.prices }));
  const provider = options.provider ?? config.config.provider;
  // Resolve the target before the slow stages, so a bad --provider fails at once.
  const target = provider ? targetFor(root, provider, options, config) : undefined;
  const typeCheck = options.typeCheck === false ? false : config.config.typeCheck !== false;
  options.progress?.('list');
  // The parser (TypeScript) loads during discovery when a worker reads a big tree and has found a
  // first candidate, so that both go on at once; otherwise after discovery, as before.
  let detectModule: Promise<typeof import('../pipeline/detect.js')> | undefined;
  const loadDetect = () => (detectModule ??= import('../pipeline/detect.js'));
  const discovered = await discover(root, {
    markers: options.extraMarkers ? [...ALL_MARKERS, ...options.extraMarkers] : ALL_MARKERS,
    ignore: config.config.ignore,
    ...(only ? { only } : {}),
    onFirstCandidate: () => void loadDetect(),
  });
  // Files that only import a module making an OpenAI client (`llm.invoke(…)`) join the candidates.
  const { secondWave } = await import('../pipeline/discover.js');
  const joined = secondWave(root, discovered);
  if (joined.length) discovered.candidates.push(...joined);
  options.progress?.('parse', discovered.candidates.length);
  const { detectAllAsync, releaseTrees } = await loadDetect();
  const detected = await detectAllAsync(root, discovered.candidates, { typeCheck });
  if (releaseTrees(detected) >= LARGE_SOURCE_CHARACTERS) collectGarbage();
  options.progress?.('plan');
  return planAnalysis({ root, config, discovered, detected }, target, options, command);
}

/** The target, with the project's provider lock (doctor's confirmed ids) when it is for this provider. */
function targetFor(root: string, provider: string, options: AnalyzeOptions, config: LoadedConfig): Target {
  const modelOverrides = { ...config.config.modelMap, ...parseModelMap(options.modelMap) };
  return withProviderLock(root, resolveTarget({ provider, region: options.region ?? (options.provider ? undefined : config.config.region), modelOverrides }));
}

/** Plans (again) for another provider, reusing discovery and detection: the interactive picker. */
export async function retarget(analysis: Analysis, provider: string, options: AnalyzeOptions): Promise<Analysis> {
  const target = targetFor(analysis.root, provider, options, analysis.config);
  return planAnalysis(analysis, target, options, analysis.report.command);
}

async function planAnalysis(
  base: Pick<Analysis, 'root' | 'config' | 'discovered' | 'detected'>,
  target: Target | undefined,
  options: AnalyzeOptions,
  command: Report['command'],
): Promise<Analysis> {
  const { root, config, discovered, detected } = base;
  const [{ plan, sortFindings }, { readinessCounts, priceReadiness, siteCounts }, { concludeDetection }] = await Promise.all([
    import('../pipeline/plan.js'),
    import('../pipeline/readiness.js'),
    import('../pipeline/detect.js'),
  ]);
  const planned = plan(detected, target, {
    includeReview: options.includeReview === true,
    includeEnvFiles: options.includeEnvFiles ?? config.config.includeEnvFiles ?? false,
    annotate: options.annotate === true,
    vectorFiles: [...discovered.schemaFiles, ...discovered.candidates.filter((c) => c.kind === 'code').map((c) => c.path), ...discovered.vectorHints],
  });
  const locked = target ? lockFindings(planned.findings, target, (file) => detected.workspace.text(file)) : [];
  if (locked.length) planned.findings = sortFindings([...planned.findings, ...locked]);
  const files = outcomes(discovered, detected, planned);
  const count = (status: FileOutcome['status']) => files.filter((f) => f.status === status).length;
  const unpriced = options.readiness && !target ? readinessCounts(detected) : undefined;
  if (!options.keepSyntax && concludeDetection(detected) >= LARGE_SOURCE_CHARACTERS) await collectAfterThisJob();
  const estimate = staticEstimate(planned.findings, target ? { target: { id: target.provider.id, modelMap: target.modelOverrides, provider: target.provider } } : {});
  const readiness = unpriced ? priceReadiness(unpriced, estimate.breakdown) : undefined;
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
      sites: siteCounts(planned.findings, target?.provider.id, readiness),
      severities: severities(planned.findings),
      typeChecked: detected.typeChecked,
    },
    readiness,
    estimate,
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
    const reason = failure.errors[0] === TOO_DEEP ? `${TOO_DEEP}; skipped` : `could not be parsed (${failure.errors[0]}); skipped`;
    byFile.set(failure.file, { file: failure.file, status: 'errored', reason });
  }
  for (const filePlan of planned.filePlans) byFile.set(filePlan.path, { file: filePlan.path, status: 'changed' });
  for (const errored of planned.errored) byFile.set(errored.file, errored);
  return [...byFile.values()].sort((a, b) => a.file.localeCompare(b.file));
}

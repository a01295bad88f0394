/**
 * `migrate cost [path]`: what the move would cost. With `--usage`, the team's real OpenAI traffic
 * priced on every provider; without, the static estimate of the call sites a scan of `path` finds.
 * Both go through the same engine (cost/compute.ts) and give the same result shape.
 */
import { findProvider, providerIds, setCatalogueOverrides } from '../catalogue/index.js';
import { overridesFromConfig } from '../catalogue/overrides.js';
import { parseFx } from '../catalogue/fx.js';
import { loadConfig } from '../config/load.js';
import { BanjiaError, UsageError } from '../core/errors.js';
import type { CostResult } from '../cost/compute.js';
import { costForAll } from '../cost/engine.js';
import { staticEstimate, type StaticEstimate } from '../cost/static.js';
import { parseTokenRatios, type PromptLanguage, type TokenRatioOverrides } from '../cost/tokens.js';
import { readUsageFile, type UsageDescription } from '../cost/usage.js';
import { resolveRoot } from '../pipeline/discover.js';
import { parseModelMap, resolveTarget } from '../pipeline/target.js';
import { withProviderLock } from '../pipeline/provider-lock.js';
import { usageErrorZh, usageHintZh } from '../cost/usage-zh.js';

export interface CostCommandOptions {
  path: string;
  /** The global --format: this report has text and JSON only. */
  format?: string;
  usage?: string;
  provider?: string;
  /** Flag values as typed; parsed and checked here so every error has both languages. */
  fx?: string;
  tokenRatio?: string;
  peakShare?: string;
  callsPerMonth?: string;
  periodDays?: string;
  promptLang?: PromptLanguage;
  modelMap?: string[];
  config?: string;
  prices?: string;
  typeCheck?: boolean;
}

export interface CostOutcome {
  source: 'usage' | 'static';
  /** The scanned folder (static) or the folder the config was searched from (usage), absolute. */
  root: string;
  /** The path as given, for people. */
  path: string;
  /** The provider whose per-model breakdown was asked for. */
  provider: string | undefined;
  usage: UsageDescription | null;
  estimate: StaticEstimate | null;
  result: CostResult;
}

/** Runs `parse`, giving its error a Chinese message too. */
function parsed<T>(parse: () => T, zh: (message: string) => string, hintZh: (hint: string | undefined) => string | undefined = (h) => h): T {
  try {
    return parse();
  } catch (error) {
    if (error instanceof BanjiaError && !error.zh) throw error.inChinese(zh(error.message), hintZh(error.hint));
    throw error;
  }
}

/** A trillion calls a month from one call site: far above any real traffic, far below overflow. */
const MAX_CALLS_PER_MONTH = 1e12;

function number(flag: string, raw: string | undefined, check: (n: number) => boolean, expected: { en: string; zh: string }): number | undefined {
  if (raw === undefined) return undefined;
  const n = Number(raw.trim().replace(/_/g, ''));
  if (raw.trim() === '' || !Number.isFinite(n) || !check(n)) {
    throw new UsageError(`${flag} must be ${expected.en}, got '${raw}'`).inChinese(`${flag} 必须是${expected.zh}，收到 '${raw}'`);
  }
  return n;
}

function checkProvider(id: string): void {
  if (findProvider(id)) return;
  const known = providerIds();
  throw new UsageError(`unknown provider '${id}'`, `known providers: ${known.join(', ')}`).inChinese(`未知的服务商 '${id}'`, `已知服务商：${known.join('、')}`);
}

export async function cost(options: CostCommandOptions): Promise<CostOutcome> {
  if (options.format !== undefined && options.format !== 'text' && options.format !== 'json') {
    throw new UsageError(`cost supports --format text or json, not ${options.format}`).inChinese(`cost 只支持 --format text 或 json，不支持 ${options.format}`);
  }
  const cnyPerUsd = options.fx === undefined ? undefined : parsed(() => parseFx(options.fx!), (m) => `汇率参数有误：${m}`);
  const tokenRatios: TokenRatioOverrides | undefined =
    options.tokenRatio === undefined ? undefined : parsed(() => parseTokenRatios(options.tokenRatio!), (m) => `token 换算比参数有误：${m}`);
  const peakShare = number('--peak-share', options.peakShare, (n) => n >= 0 && n <= 1, { en: 'a share between 0 and 1', zh: '0 到 1 之间的比例' });
  // Bounded, so that no product of them overflows to ∞ (or ∞ − ∞ to NaN) in a cost.
  const callsPerMonth = number('--calls-per-month', options.callsPerMonth, (n) => n > 0 && n <= MAX_CALLS_PER_MONTH, {
    en: 'a positive number of at most 1e12',
    zh: '不超过 1e12 的正数',
  });
  const periodDays = number('--period-days', options.periodDays, (n) => n > 0 && n <= 36_500, { en: 'a positive number of days (at most 36500)', zh: '正的天数（至多 36500）' });
  const modelMap = parsed(() => parseModelMap(options.modelMap), (m) => `--model-map 参数有误：${m}`);

  const { root } = resolveRoot(options.path);
  const loaded = await loadConfig(root, options.config);
  setCatalogueOverrides(overridesFromConfig(loaded.config, loaded.file, { litellm: options.prices }));
  const provider = options.provider ?? loaded.config.provider;
  if (provider) checkProvider(provider);
  // Like apply: the config's and the flag's model map name the target provider's models, and the
  // project's provider lock (doctor's confirmed ids) decides which of them apply would write.
  const targetModelMap = { ...loaded.config.modelMap, ...modelMap };
  const locked = provider && provider !== 'custom' ? withProviderLock(root, resolveTarget({ provider, region: options.provider ? undefined : loaded.config.region, modelOverrides: targetModelMap })) : undefined;
  const target = provider ? { id: provider, modelMap: targetModelMap, ...(locked?.provider.lock ? { provider: locked.provider } : {}) } : undefined;
  const shared = {
    ...(tokenRatios !== undefined ? { tokenRatios } : {}),
    ...(peakShare !== undefined ? { peakShare } : {}),
    ...(target ? { target } : {}),
  };

  if (options.usage) {
    if (callsPerMonth !== undefined) {
      throw new UsageError('--calls-per-month applies to the static estimate; the usage file gives the volume').inChinese('--calls-per-month 只用于静态估算；用量文件已给出调用量');
    }
    const usage = parsed(() => readUsageFile(options.usage!), (m) => `用量文件有误：${usageErrorZh(m)}`, usageHintZh);
    const result = costForAll(usage.records, {
      ...shared,
      ...(cnyPerUsd !== undefined ? { cnyPerUsd } : {}),
      language: options.promptLang ?? 'en',
      ...(periodDays !== undefined ? { periodDays } : {}),
      ...(usage.description.period ? { period: usage.description.period } : {}),
    });
    return { source: 'usage', root, path: options.path, provider, usage: usage.description, estimate: null, result };
  }

  if (periodDays !== undefined) {
    throw new UsageError('--period-days applies to a usage file (--usage)').inChinese('--period-days 只用于用量文件（--usage）');
  }
  const { analyze } = await import('./analyze.js');
  // The neutral scan: a breakdown for one provider needs no plan for it.
  const analysis = await analyze({ path: options.path, config: options.config, prices: options.prices, typeCheck: options.typeCheck, readiness: false }, 'scan');
  const assumptions = { ...(callsPerMonth !== undefined ? { callsPerMonth } : {}), ...(cnyPerUsd !== undefined ? { cnyPerUsd } : {}) };
  const estimate = staticEstimate(analysis.planned.findings, {
    ...shared,
    assumptions,
    ...(options.promptLang ? { language: options.promptLang } : {}),
  });
  return { source: 'static', root: analysis.root, path: options.path, provider, usage: null, estimate, result: estimate.breakdown };
}

/**
 * The static cost estimate: what the call sites a scan found would cost per month, on OpenAI and on
 * every provider. It runs the same engine as `migrate cost --usage` (compute.ts): each priced call
 * site becomes one month of usage rows, sized from what the code says (literal prompt text,
 * `max_tokens`) and stated defaults for what it does not. Every default is an assumption in the
 * result, with its value, so the text and JSON reports can print it next to the figure.
 */
import { DEFAULT_FX } from '../catalogue/fx.js';
import type { ApiFamily, Finding } from '../core/types.js';
import { openaiPricing, type Assumption, type CostResult, type ProviderCost } from './compute.js';
import { costForAll } from './engine.js';
import { OPENAI_ZH_TOKENS_PER_HANZI, openaiEncoding, type PromptLanguage, type TokenRatioOverrides } from './tokens.js';
import type { UsageRecord } from './usage.js';
import { countOpenAiTokens } from './tiktoken.js';
import { measureRatios, type TokenizerLoader } from './provider-tokenizers.js';

export interface StaticAssumptions {
  /** Calls per month of each call site (`--calls-per-month`). */
  callsPerMonth: number;
  /** Prompt tokens per call for what is only known at run time (added to the literal text). */
  defaultInputTokens: number;
  /** Output tokens per call where the code sets no `max_tokens`. */
  defaultOutputTokens: number;
  cnyPerUsd: number;
}

export const DEFAULT_ASSUMPTIONS: StaticAssumptions = {
  callsPerMonth: 1000,
  defaultInputTokens: 500,
  defaultOutputTokens: 300,
  cnyPerUsd: DEFAULT_FX.cnyPerUsd,
};

/** OpenAI's rule of thumb for English, 1 token ≈ 4 characters (help.openai.com, "What are tokens"); measured against the tokenizer only. */
export const CHARS_PER_TOKEN = 4;
const CJK = /[\u3400-\u9fff\uf900-\ufaff]/g;

/** APIs billed per token; the others (images, audio, moderations, files, …) are not priced here. */
const TOKEN_FAMILIES: ReadonlySet<ApiFamily> = new Set(['chat', 'completions', 'responses', 'embeddings']);

export function billedPerToken(family: ApiFamily): boolean {
  return TOKEN_FAMILIES.has(family);
}

export interface StaticSite {
  file: string;
  line: number;
  call: string;
  family: ApiFamily;
  model: string | null;
  /** Turned into a usage row; when not, `reason` says why. */
  priced: boolean;
  reason?: string;
  /** OpenAI tokens of the literal prompt text found at the call site. */
  literalTokens: number;
  /** Per call. `literal+default`: the literal text plus the run-time default. */
  inputTokens: number;
  inputBasis: 'literal+default' | 'literal' | 'default';
  outputTokens: number;
  outputBasis: 'max_tokens' | 'default' | 'none';
  callsPerMonth: number;
  /** This site on OpenAI per month; null when OpenAI's price is unknown or the site is not priced. */
  openaiUsd: number | null;
}

/** One provider's monthly figure, for the short forms (scan, apply, the readiness matrix). */
export interface EstimateFigure {
  id: string;
  currency: string;
  amount: number;
  usd: number;
  cny: number;
  /** Provider − OpenAI over what both price; negative = cheaper. */
  deltaUsd: number;
  deltaCny: number;
  /** Every priced call site has a price on this provider. */
  complete: boolean;
}

export interface StaticEstimate {
  assumptions: StaticAssumptions & { promptLanguage: PromptLanguage; peakShare: number | null };
  /** Call sites turned into usage rows (a statically known model, an API billed per token). */
  pricedSites: number;
  unpricedSites: number;
  /** OpenAI per month, USD. */
  openaiUsd: number;
  /** The target provider (scan/apply with `--provider`), per month. */
  provider?: EstimateFigure;
  /** The cheapest provider that prices every site, else the cheapest that prices some. */
  cheapest: EstimateFigure | null;
  sites: StaticSite[];
  /** The engine's full result: every provider ranked, per model, and every assumption. */
  breakdown: CostResult;
}

export interface StaticOptions {
  assumptions?: Partial<StaticAssumptions>;
  /** Prompt language for token re-basing; default: detected from the literal prompt text. */
  language?: PromptLanguage;
  peakShare?: number;
  tokenRatios?: TokenRatioOverrides;
  /** The provider the figure is for, with the model map that applies to it. */
  target?: { id: string; modelMap: Record<string, string>; provider?: import('../catalogue/schema.js').Provider };
  /** Loads the providers' own tokenizers where installed (tests pass their own). */
  tokenizers?: TokenizerLoader;
}

/** OpenAI tokens of a text, counted with the model's own encoding (o200k_base or cl100k_base). */
export function estimateOpenAiTokens(text: string, openaiModel: string): number {
  return countOpenAiTokens(text, openaiEncoding(openaiModel));
}

/**
 * The rule of thumb the estimate used before it counted: 汉字 at the encoding's per-汉字 estimate,
 * the rest at 4 characters per token. Kept to measure its error (README, Cost).
 */
export function ruleOfThumbTokens(text: string, openaiModel: string): number {
  const cjk = (text.match(CJK) ?? []).length;
  const perHanzi = OPENAI_ZH_TOKENS_PER_HANZI[openaiEncoding(openaiModel)].value;
  return Math.ceil(cjk * perHanzi + (text.length - cjk) / CHARS_PER_TOKEN);
}

function siteOf(finding: Finding, a: StaticAssumptions): StaticSite {
  const usage = finding.usage!;
  const base = { file: finding.file, line: finding.line, call: usage.call, family: usage.family, model: usage.model ?? null, callsPerMonth: a.callsPerMonth };
  const unpriced = (reason: string): StaticSite => ({
    ...base,
    priced: false,
    reason,
    literalTokens: 0,
    inputTokens: 0,
    inputBasis: 'default',
    outputTokens: 0,
    outputBasis: 'none',
    openaiUsd: null,
  });
  if (!billedPerToken(usage.family)) return unpriced(`${usage.family} calls are not billed per token`);
  if (!usage.model) return unpriced('the model is not known statically');
  const literalTokens = usage.promptText ? estimateOpenAiTokens(usage.promptText, usage.model) : 0;
  const embeddings = usage.family === 'embeddings';
  // A chat prompt nearly always carries run-time content (the user's message, history) besides its
  // literal text; an embeddings input with literal text is usually just that text.
  // The run-time default is added only where something besides the literal text makes up the prompt.
  const inputBasis: StaticSite['inputBasis'] = literalTokens === 0 ? 'default' : embeddings || usage.promptComplete ? 'literal' : 'literal+default';
  const inputTokens = inputBasis === 'literal' ? literalTokens : literalTokens + a.defaultInputTokens;
  const outputBasis: StaticSite['outputBasis'] = embeddings ? 'none' : usage.maxTokens !== undefined ? 'max_tokens' : 'default';
  const outputTokens = outputBasis === 'none' ? 0 : outputBasis === 'max_tokens' ? usage.maxTokens! : a.defaultOutputTokens;
  const price = openaiPricing(usage.model).price;
  const openaiUsd = price ? ((inputTokens * price.input + outputTokens * price.output) / 1e6) * a.callsPerMonth : null;
  return { ...base, priced: true, literalTokens, inputTokens, inputBasis, outputTokens, outputBasis, openaiUsd };
}

function detectLanguage(findings: Finding[]): { language: PromptLanguage; share: number | null } {
  const text = findings.map((f) => f.usage?.promptText ?? '').join('');
  const letters = text.replace(/[\s\p{P}\p{S}\d]/gu, '').length;
  if (letters === 0) return { language: 'en', share: null };
  const share = (text.match(CJK) ?? []).length / letters;
  return { language: share >= 0.5 ? 'zh' : 'en', share };
}

function fmt(n: number): string {
  return n.toLocaleString('en-US');
}

function staticAssumptionList(a: StaticAssumptions, language: PromptLanguage, languageBasis: { en: string; zh: string }): Assumption[] {
  return [
    {
      id: 'callsPerMonth',
      text: `Each call site is called ${fmt(a.callsPerMonth)} times a month (--calls-per-month)`,
      zh: `每个调用点每月调用 ${fmt(a.callsPerMonth)} 次（--calls-per-month）`,
      value: a.callsPerMonth,
    },
    {
      id: 'promptTokens',
      text: `Prompt tokens per call: the literal prompt text at the call site, counted with the model’s OpenAI encoding (gpt-tokenizer: o200k_base for GPT-4o and later, cl100k_base for GPT-4, GPT-3.5 and the embeddings), plus ${fmt(a.defaultInputTokens)} tokens for what is only known at run time (user input, history); ${fmt(a.defaultInputTokens)} where the code has no literal text; a prompt that is literal text only (constants followed across files, no history, no template hole) and a literal embeddings input count only that text`,
      zh: `每次调用的输入 token：调用点的字面提示文本，用该模型的 OpenAI 编码计数（gpt-tokenizer：GPT-4o 及之后为 o200k_base，GPT-4、GPT-3.5 和 embeddings 为 cl100k_base），加上运行时才知道的内容（用户输入、历史）${fmt(a.defaultInputTokens)} 个 token；代码中没有字面文本时按 ${fmt(a.defaultInputTokens)} 个计；完全由字面文本组成的提示（可跨文件追踪常量，无历史、无模板插值）和字面文本的 embeddings 输入只计该文本`,
      value: a.defaultInputTokens,
    },
    {
      id: 'outputTokens',
      text: `Output tokens per call: the call’s max_tokens where the code sets it (a ceiling, so an upper bound), else ${fmt(a.defaultOutputTokens)}; embeddings have no output`,
      zh: `每次调用的输出 token：代码设置了 max_tokens 时取该值（上限，因此偏高），否则按 ${fmt(a.defaultOutputTokens)} 个计；embeddings 没有输出`,
      value: a.defaultOutputTokens,
    },
    {
      id: 'noCache',
      text: 'No prompt-cache hits are assumed: a scan cannot know them, so all input is billed at the full input price (with --usage, cached tokens are billed at each cached price)',
      zh: '不假设任何提示缓存命中：静态扫描无从得知，所有输入按完整输入价计费（使用 --usage 时，缓存 token 按各自的缓存价计费）',
      value: 0,
    },
    {
      id: 'promptLanguage',
      text: `Prompts are taken as ${language === 'zh' ? 'Chinese' : 'English'} for the token re-basing (${languageBasis.en})`,
      zh: `按${language === 'zh' ? '中文' : '英文'}提示换算 token（${languageBasis.zh}）`,
      value: language,
    },
  ];
}

const STATIC_PERIOD: Assumption = {
  id: 'period',
  text: 'Figures are per month: calls per month × tokens per call',
  zh: '数字均为每月：每月调用次数 × 每次调用的 token 数',
  value: 1,
};

/** Sites and usage rows of a scan. */
export function staticUsage(findings: Finding[], assumptions: StaticAssumptions): { sites: StaticSite[]; records: UsageRecord[] } {
  const sites = findings
    .filter((f) => f.kind === 'call' && f.usage)
    .map((f) => siteOf(f, assumptions))
    .sort((a, b) => a.file.localeCompare(b.file) || a.line - b.line);
  const records: UsageRecord[] = sites
    .filter((s) => s.priced)
    .map((s) => ({
      model: s.model,
      inputTokens: s.inputTokens * s.callsPerMonth,
      cachedInputTokens: 0,
      outputTokens: s.outputTokens * s.callsPerMonth,
      requests: s.callsPerMonth,
      kind: s.family === 'embeddings' ? 'embeddings' : 'completions',
    }));
  return { sites, records };
}

function figure(p: ProviderCost | undefined): EstimateFigure | null {
  if (!p || p.models.length === 0) return null;
  return {
    id: p.id,
    currency: p.currency,
    amount: p.monthlyAmount,
    usd: p.monthlyUsd,
    cny: p.monthlyCny,
    deltaUsd: p.comparison.monthlyDeltaUsd,
    deltaCny: p.comparison.monthlyDeltaCny,
    complete: p.complete,
  };
}

export function staticEstimate(findings: Finding[], options: StaticOptions = {}): StaticEstimate {
  const a: StaticAssumptions = { ...DEFAULT_ASSUMPTIONS, ...options.assumptions };
  const { sites, records } = staticUsage(findings, a);
  const detected = detectLanguage(findings);
  const language = options.language ?? detected.language;
  const percent = Math.round((detected.share ?? 0) * 100);
  const languageBasis = options.language
    ? { en: '--prompt-lang', zh: '--prompt-lang' }
    : detected.share === null
      ? { en: 'no literal prompt text: English assumed', zh: '没有字面提示文本：按英文计' }
      : { en: `${percent}% of the literal prompt text is 汉字`, zh: `字面提示文本中汉字占 ${percent}%` };
  const literal = findings.flatMap((f) => (f.usage?.promptText && f.usage.model ? [{ text: f.usage.promptText, openaiModel: f.usage.model }] : []));
  const measuredRatios = measureRatios(literal, options.tokenizers);
  const computed = costForAll(records, {
    cnyPerUsd: a.cnyPerUsd,
    language,
    ...(Object.keys(measuredRatios).length ? { measuredRatios } : {}),
    ...(options.peakShare !== undefined ? { peakShare: options.peakShare } : {}),
    ...(options.tokenRatios !== undefined ? { tokenRatios: options.tokenRatios } : {}),
    ...(options.target ? { target: options.target } : {}),
  });
  // The engine's period note speaks of a usage file; here the month is given by construction.
  const breakdown: CostResult = {
    ...computed,
    period: { basis: 'static', days: null, monthlyFactor: 1 },
    assumptions: [...staticAssumptionList(a, language, languageBasis), ...computed.assumptions.map((x) => (x.id === 'period' ? STATIC_PERIOD : x))],
  };
  const priced = sites.filter((s) => s.priced).length;
  const provider = options.target ? figure(breakdown.providers.find((p) => p.id === options.target!.id)) : undefined;
  const target = options.target;
  return {
    assumptions: { ...a, promptLanguage: language, peakShare: options.peakShare ?? null },
    pricedSites: priced,
    unpricedSites: sites.length - priced,
    openaiUsd: breakdown.openai.monthlyUsd,
    ...(target
      ? { provider: provider ?? { id: target.id, currency: 'CNY', amount: 0, usd: 0, cny: 0, deltaUsd: 0, deltaCny: 0, complete: false } }
      : {}),
    cheapest: figure(breakdown.providers.find((p) => p.complete) ?? breakdown.providers.find((p) => p.models.length > 0)),
    sites,
    breakdown,
  };
}

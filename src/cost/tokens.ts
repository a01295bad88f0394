/**
 * Re-basing OpenAI token counts to a target's tokenizer. OpenAI's usage counts tokens of OpenAI's
 * tokenizer (o200k_base for GPT-4o and later, cl100k_base for GPT-4/3.5 and the embeddings); the
 * provider bills tokens of its own. For English the popular BPE vocabularies are close, so the ratio
 * is 1. For Chinese the domestic tokenizers pack more characters per token.
 *
 * Honesty: EVERY ratio here is an assumption. The only published figures are the providers' own
 * rules of thumb for Chinese (tokens per 汉字); OpenAI publishes none for Chinese, so its side is an
 * estimate too. Where nothing is published the ratio is 1.0 (no change), said as such. `--token-ratio`
 * (the `overrides` argument) replaces any of them.
 */
import { ConfigError } from '../core/errors.js';

export type PromptLanguage = 'en' | 'zh';
export type OpenAiEncoding = 'o200k_base' | 'cl100k_base';

/** Tokens per 汉字 on OpenAI's tokenizers: estimates. */
export const OPENAI_ZH_TOKENS_PER_HANZI: Record<OpenAiEncoding, { value: number; text: string; source: string }> = {
  o200k_base: {
    value: 0.8,
    text: 'estimate: OpenAI publishes no per-character figure; its GPT-4o launch page reports Chinese at 1.4× fewer tokens than cl100k_base, and third-party measurements put o200k_base at 0.6–1.0 tokens per 汉字',
    source: 'https://openai.com/index/hello-gpt-4o/',
  },
  cl100k_base: {
    value: 1.12,
    text: 'estimate: 1.4× the o200k_base estimate (OpenAI: GPT-4o’s tokenizer uses 1.4× fewer tokens for Chinese)',
    source: 'https://openai.com/index/hello-gpt-4o/',
  },
};

/** A tokenizer family's Chinese density, where the vendor publishes one. */
export interface TokenizerFamily {
  id: string;
  /** Tokens per 汉字 on this tokenizer, or null when unpublished. */
  zhTokensPerHanzi: number | null;
  text: string;
  source?: string;
}

export const TOKENIZER_FAMILIES: Record<string, TokenizerFamily> = {
  qwen: {
    id: 'qwen',
    zhTokensPerHanzi: 1 / 1.65,
    text: 'Alibaba: Chinese text is about 1 token per 1.5–1.8 汉字 (midpoint 1.65 → 0.606 tokens per 汉字)',
    source: 'https://www.alibabacloud.com/help/en/model-studio/billing-for-model-studio',
  },
  deepseek: {
    id: 'deepseek',
    zhTokensPerHanzi: 0.6,
    text: 'DeepSeek: 1 Chinese character ≈ 0.6 tokens (its own rule of thumb)',
    source: 'https://api-docs.deepseek.com/zh-cn/quick_start/token_usage',
  },
};

/** Which tokenizer a provider's model uses, by provider, then (for hosts of open models) by model id. */
export function tokenizerFamily(providerId: string, targetModel: string | undefined): string {
  const model = (targetModel ?? '').toLowerCase();
  if (providerId === 'qwen') return 'qwen';
  if (providerId === 'deepseek') return 'deepseek';
  // Hosts of open weights: the model's own family decides (SiliconFlow's `deepseek-ai/…`, `Qwen/…`).
  if (/(^|\/)deepseek/.test(model)) return 'deepseek';
  if (/(^|\/)(qwen|qwq)/.test(model)) return 'qwen';
  return providerId;
}

/** The encoding of an OpenAI model: cl100k_base for GPT-4, GPT-3.5 and the embeddings, else o200k_base. */
export function openaiEncoding(openaiModel: string): OpenAiEncoding {
  const id = openaiModel.replace(/^ft:/, '');
  if (/^gpt-4o|^gpt-4\.|^gpt-[5-9]|^o\d|^chatgpt-|^codex-|^computer-use/.test(id)) return 'o200k_base';
  if (/^gpt-4|^gpt-3\.5|^gpt-35|^text-embedding-|^davinci|^babbage/.test(id)) return 'cl100k_base';
  return 'o200k_base';
}

/** `--token-ratio`: one number for every provider, or per provider id (or tokenizer family). */
export type TokenRatioOverrides = number | Record<string, number>;

export interface TokenRatio {
  /** Multiply OpenAI token counts by this to get the target's. */
  ratio: number;
  family: string;
  /** `published-estimate`: derived from a vendor's rule of thumb; `unknown`: 1.0 for lack of data. */
  basis: 'override' | 'measured' | 'published-estimate' | 'unknown' | 'english';
  text: string;
  sources: string[];
}

export function tokenRatio(
  providerId: string,
  targetModel: string | undefined,
  openaiModel: string,
  language: PromptLanguage,
  overrides?: TokenRatioOverrides,
  measured?: Record<string, { ratio: number; tokenizer: string }>,
): TokenRatio {
  const family = tokenizerFamily(providerId, targetModel);
  const override = typeof overrides === 'number' ? overrides : (overrides?.[providerId] ?? overrides?.[family]);
  if (override !== undefined) {
    return { ratio: override, family, basis: 'override', text: `token ratio ×${override} given by the user`, sources: [] };
  }
  // A provider tokenizer the user installed counted the code's own prompts: better than any published ratio.
  const counted = measured?.[family];
  if (counted) {
    return { ratio: counted.ratio, family, basis: 'measured', text: `counted with ${counted.tokenizer} (installed) on the literal prompt text: ×${round3(counted.ratio)}`, sources: [] };
  }
  if (language === 'en') {
    return {
      ratio: 1,
      family,
      basis: 'english',
      text: 'English prompts: OpenAI and the target tokenizers are assumed to count alike (×1; no vendor publishes a comparison)',
      sources: [],
    };
  }
  const known = TOKENIZER_FAMILIES[family];
  if (!known || known.zhTokensPerHanzi === null) {
    return {
      ratio: 1,
      family,
      basis: 'unknown',
      text: `Chinese prompts: no published tokens-per-汉字 figure for ${family}; counted as OpenAI's (×1)`,
      sources: [],
    };
  }
  const encoding = openaiEncoding(openaiModel);
  const openai = OPENAI_ZH_TOKENS_PER_HANZI[encoding];
  const ratio = known.zhTokensPerHanzi / openai.value;
  return {
    ratio,
    family,
    basis: 'published-estimate',
    text: `Chinese prompts: ${known.text}; OpenAI ${encoding} ≈ ${openai.value} tokens per 汉字 (${openai.text}) → ×${round3(ratio)}`,
    sources: [known.source, openai.source].filter((s): s is string => Boolean(s)),
  };
}

function round3(n: number): string {
  return String(Math.round(n * 1000) / 1000);
}

/** Reads `--token-ratio` text: `0.8` or `qwen=0.75,deepseek=0.75`. */
export function parseTokenRatios(text: string): TokenRatioOverrides {
  const trimmed = text.trim();
  if (/^[\d.]+$/.test(trimmed)) {
    const n = Number(trimmed);
    if (!Number.isFinite(n) || n <= 0) throw new ConfigError(`--token-ratio must be a positive number, got '${text}'`).inChinese(`--token-ratio 必须是正数，实际为 '${text}'`);
    return n;
  }
  const out: Record<string, number> = {};
  for (const part of trimmed.split(',')) {
    const [key, value] = part.split('=').map((s) => s.trim());
    const n = Number(value);
    if (!key || value === undefined || !Number.isFinite(n) || n <= 0) throw new ConfigError(`--token-ratio '${part}' must look like provider=0.75`).inChinese(`--token-ratio '${part}' 的格式应为 provider=0.75`);
    out[key] = n;
  }
  return out;
}

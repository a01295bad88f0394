import { describe, expect, it } from 'vitest';
import { loadProviderTokenizer, measureRatios, type TokenizerLoader } from '../../src/cost/provider-tokenizers.js';
import { staticEstimate } from '../../src/cost/static.js';
import type { Finding } from '../../src/core/types.js';

// A stand-in tokenizer that counts one token per character: the arithmetic, not Qwen's vocabulary.
const perChar: TokenizerLoader = (family) => (family === 'qwen' ? { name: 'stub-qwen', count: (t) => [...t].length } : undefined);

describe('optional provider tokenizers', () => {
  it('are not shipped: without the packages nothing is measured', () => {
    expect(loadProviderTokenizer('qwen')).toBeUndefined();
    expect(loadProviderTokenizer('deepseek')).toBeUndefined();
    expect(measureRatios([{ text: 'Hello world', openaiModel: 'gpt-4o' }])).toEqual({});
  });

  it('measure provider tokens ÷ OpenAI tokens over the literal prompts when installed', () => {
    // 'Hello world' is 2 tokens on o200k_base and 11 characters.
    expect(measureRatios([{ text: 'Hello world', openaiModel: 'gpt-4o' }], perChar)).toEqual({ qwen: { ratio: 11 / 2, tokenizer: 'stub-qwen', openaiTokens: 2 } });
  });

  it('re-base the static estimate for that family and say so in the assumptions', () => {
    const finding = {
      ruleId: 'openai/call',
      kind: 'call',
      file: 'a.ts',
      line: 1,
      usage: { call: 'chat.completions.create', family: 'chat', model: 'gpt-4o', promptText: 'Hello world' },
    } as unknown as Finding;
    const estimate = staticEstimate([finding], { target: { id: 'qwen', modelMap: {} }, tokenizers: perChar });
    const qwen = estimate.breakdown.providers.find((p) => p.id === 'qwen')!;
    expect(qwen.models[0].tokenRatio).toBeCloseTo(5.5, 12);
    expect(estimate.breakdown.assumptions.find((a) => a.id.startsWith('tokenRatio:qwen'))!.text).toMatch(/counted with stub-qwen \(installed\) on the literal prompt text: ×5\.5/);
    // Other families keep the published (here: English ×1) ratio.
    expect(estimate.breakdown.providers.find((p) => p.id === 'zhipu')!.models[0].tokenRatio).toBe(1);
  });
});

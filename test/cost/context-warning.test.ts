import { describe, expect, it } from 'vitest';
import { findProvider } from '../../src/catalogue/index.js';
import { computeCost } from '../../src/cost/compute.js';

describe('a target with a smaller context window', () => {
  it('is priced, and its row says both windows', () => {
    const result = computeCost([{ model: 'gpt-4o', inputTokens: 1_000_000, cachedInputTokens: 0, outputTokens: 0, requests: 10, kind: 'completions' }], {
      providers: [findProvider('yi')!, findProvider('qwen')!],
    });
    const yi = result.providers.find((p) => p.id === 'yi')!.models[0];
    expect(yi.notes).toContain("yi-large's context window (32,768 tokens) is smaller than gpt-4o's (128,000 tokens): long prompts that work today will be rejected");
    expect(result.providers.find((p) => p.id === 'qwen')!.models[0].notes.join(' ')).not.toMatch(/context window/);
  });
});

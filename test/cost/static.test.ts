/** The static estimate's sizing rules and the engine's per-target model map (prices: see cli.test.ts). */
import { describe, expect, it } from 'vitest';
import type { CallUsage, Finding } from '../../src/core/types.js';
import { costForAll } from '../../src/cost/engine.js';
import { estimateOpenAiTokens, ruleOfThumbTokens, staticEstimate } from '../../src/cost/static.js';

function call(file: string, usage: CallUsage): Finding {
  return {
    ruleId: 'openai/chatCompletion',
    sdk: 'openai',
    kind: 'call',
    severity: 'info',
    readiness: 'auto',
    message: '',
    reason: '',
    file,
    start: 0,
    end: 1,
    line: 1,
    column: 1,
    endLine: 1,
    endColumn: 2,
    usage,
  };
}

describe('token sizes', () => {
  it('counts with the model’s OpenAI encoding (gpt-tokenizer), not the rule of thumb', () => {
    expect(estimateOpenAiTokens('Hello world', 'gpt-4o')).toBe(2);
    // A special token's text in a prompt is counted as the text it is, not refused.
    expect(estimateOpenAiTokens('a <|endoftext|> b', 'gpt-4o')).toBe(9);
    // 10 汉字: 10 tokens on o200k_base (gpt-4o), 12 on cl100k_base (gpt-4); the old rule said 8 and 12.
    expect(estimateOpenAiTokens('你们周末发货吗请问下', 'gpt-4o')).toBe(10);
    expect(estimateOpenAiTokens('你们周末发货吗请问下', 'gpt-4')).toBe(12);
    expect(ruleOfThumbTokens('你们周末发货吗请问下', 'gpt-4o')).toBe(8);
    expect(ruleOfThumbTokens('abcdefghi', 'gpt-4o')).toBe(3); // 4 characters per token, rounded up
    // A run of one letter is not a quarter of its length: 40 × 's' is 10 tokens on o200k_base, 20 on cl100k_base.
    expect(estimateOpenAiTokens('s'.repeat(40), 'gpt-4o')).toBe(10);
    expect(estimateOpenAiTokens('s'.repeat(40), 'gpt-4')).toBe(20);
    expect(estimateOpenAiTokens('', 'gpt-4o')).toBe(0);
  });

  it('uses max_tokens for output, literal-only input for embeddings, and leaves unknown models unpriced', () => {
    const estimate = staticEstimate([
      call('a.ts', { call: 'chat.completions.create', family: 'chat', model: 'gpt-4o', maxTokens: 800, promptText: 'x'.repeat(40) }),
      call('b.ts', { call: 'embeddings.create', family: 'embeddings', model: 'text-embedding-3-small', promptText: 'y'.repeat(20) }),
      call('c.ts', { call: 'chat.completions.create', family: 'chat' }),
    ]);
    const [a, b, c] = estimate.sites;
    // 40 × 'x' is 5 tokens on o200k_base + 500 run-time; 800 from max_tokens: (505 × 2.5 + 800 × 10) × 1000 / 1M = $9.2625
    expect(a).toMatchObject({ inputTokens: 505, inputBasis: 'literal+default', outputTokens: 800, outputBasis: 'max_tokens' });
    expect(a.openaiUsd).toBeCloseTo(9.2625, 12);
    expect(b).toMatchObject({ inputTokens: 5, inputBasis: 'literal', outputTokens: 0, outputBasis: 'none' });
    expect(c).toMatchObject({ priced: false, reason: 'the model is not known statically' });
    expect(estimate.openaiUsd).toBeCloseTo(9.2625 + (5 * 0.02 * 1000) / 1e6, 12);
  });

  it('takes mostly-Chinese literal prompts as Chinese and re-bases the tokens', () => {
    const zh = staticEstimate([call('a.ts', { call: 'chat.completions.create', family: 'chat', model: 'gpt-4o', promptText: '你是一个电商客服助手，请用中文回答' })], {
      target: { id: 'qwen', modelMap: {} },
    });
    expect(zh.assumptions.promptLanguage).toBe('zh');
    // Qwen: 1 / 1.65 tokens per 汉字 against o200k_base's 0.8.
    const model = zh.breakdown.providers.find((p) => p.id === 'qwen')!.models[0];
    expect(model.tokenRatio).toBeCloseTo(1 / 1.65 / 0.8, 12);
    expect(zh.breakdown.assumptions.find((a) => a.id === 'promptLanguage')!.text).toMatch(/Chinese .*100% of the literal prompt text is 汉字/);
  });
});

describe('the model map applies to the target provider only', () => {
  it('prices the target with the user’s map and every other provider with the catalogue’s', () => {
    const records = [{ model: 'gpt-4o', inputTokens: 1_000_000, cachedInputTokens: 0, outputTokens: 0, requests: 10, kind: 'completions' as const }];
    const result = costForAll(records, { target: { id: 'qwen', modelMap: { 'gpt-4o': 'qwen-plus' } } });
    const qwen = result.providers.find((p) => p.id === 'qwen')!;
    expect(qwen.models[0].targetModel).toBe('qwen-plus');
    expect(qwen.monthlyAmount).toBeCloseTo(0.8, 12);
    // Applied to DeepSeek, 'qwen-plus' would be unpriced; there the catalogue's map still holds.
    const deepseek = result.providers.find((p) => p.id === 'deepseek')!;
    expect(deepseek.complete).toBe(true);
    expect(deepseek.models[0].targetModel).toBe('deepseek-v4-pro');
    expect(result.providers.map((p) => p.rank)).toEqual(result.providers.map((_, i) => i + 1));
  });
});

describe('prompt sizes read from the code', () => {
  it('adds the run-time default only where something besides literal text makes up the prompt', async () => {
    const { mkdtempSync, writeFileSync } = await import('node:fs');
    const { tmpdir } = await import('node:os');
    const path = await import('node:path');
    const { analyze } = await import('../../src/commands/analyze.js');
    const dir = mkdtempSync(path.join(tmpdir(), 'banjia-prompt-'));
    writeFileSync(path.join(dir, 'prompts.ts'), `export const SYSTEM = '${'s'.repeat(40)}';\nexport const MAX = 120;\n`);
    writeFileSync(
      path.join(dir, 'a.ts'),
      `import OpenAI from 'openai';
import { MAX, SYSTEM } from './prompts';
const client = new OpenAI();
export const fixed = () => client.chat.completions.create({ model: 'gpt-4o', max_tokens: MAX, messages: [{ role: 'system', content: SYSTEM }, { role: 'user', content: '${'u'.repeat(20)}' }] });
export const open = (q: string) => client.chat.completions.create({ model: 'gpt-4o', messages: [{ role: 'system', content: SYSTEM }, { role: 'user', content: \`Q: \${q}\` }] });
export const history = (h: []) => client.chat.completions.create({ model: 'gpt-4o', messages: [{ role: 'system', content: SYSTEM }, ...h] });
`,
    );
    const { planned } = await analyze({ path: dir }, 'scan');
    const calls = planned.findings.filter((f) => f.kind === 'call').sort((a, b) => a.line - b.line);
    const sites = staticEstimate(calls).sites;
    // fixed: 40 × 's' and 20 × 'u' joined by a newline = 21 tokens on o200k_base, nothing added at run
    // time; 120 from the imported MAX.
    expect(sites[0]).toMatchObject({ line: 4, literalTokens: 21, inputTokens: 21, inputBasis: 'literal', outputTokens: 120, outputBasis: 'max_tokens' });
    // open: the template has a hole; history: a spread. Both get the 500-token default on top.
    expect(sites[1]).toMatchObject({ line: 5, inputBasis: 'literal+default', inputTokens: estimateOpenAiTokens(`${'s'.repeat(40)}\nQ: `, 'gpt-4o') + 500 });
    expect(sites[2]).toMatchObject({ line: 6, literalTokens: 10, inputTokens: 510, inputBasis: 'literal+default' });
  });
});

/**
 * logprobs at scan time (rule deepseek-logprobs-thinking): on DeepSeek a call that asks for them
 * while the model thinks is the rule's finding, replacing the catalogue's note; with thinking off it
 * is not; on a provider whose support is unknown the catalogue's note stays.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { analyze } from '../../src/commands/analyze.js';

const SOURCE = `import OpenAI from 'openai';
const c = new OpenAI();
export async function score(q: string) {
  await c.chat.completions.create({ model: 'gpt-4o', messages: [{ role: 'user', content: q }], logprobs: true, top_logprobs: 5 });
  await c.chat.completions.create({ model: 'gpt-4o', messages: [{ role: 'user', content: q }], logprobs: true, ...{ thinking: { type: 'disabled' } } });
}
`;

let dir: string;
beforeAll(() => {
  dir = mkdtempSync(path.join(tmpdir(), 'banjia-logprobs-'));
  writeFileSync(path.join(dir, 'calls.ts'), SOURCE);
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const callsFor = async (provider: string) => {
  const { planned } = await analyze({ path: dir, provider }, 'scan');
  return new Map(planned.findings.filter((f) => f.kind === 'call').map((f) => [f.line, f]));
};

describe('logprobs at scan time', () => {
  it('DeepSeek: refused while thinking (the default), not with thinking off', async () => {
    const deepseek = await callsFor('deepseek');
    expect(deepseek.get(4)!.reason).toMatch(/dialect rule deepseek-logprobs-thinking/);
    expect(deepseek.get(5)!.reason ?? '').not.toMatch(/deepseek-logprobs-thinking/);
  });

  it('Qwen: no rule; the catalogue says its logprobs support is unknown', async () => {
    const qwen = await callsFor('qwen');
    expect(qwen.get(4)!.reason ?? '').not.toMatch(/deepseek-logprobs-thinking/);
    expect(qwen.get(4)!.reason).toMatch(/logprobs/);
  });
});

import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { analyze } from '../../src/commands/analyze.js';
import type { Finding } from '../../src/core/types.js';

// One call per feature; the line numbers below are where each call starts.
const SOURCE = `import OpenAI from 'openai';
import { zodResponseFormat } from 'openai/helpers/zod';
const c = new OpenAI();
export async function all(schema: any, texts: string[]) {
  await c.chat.completions.create({ model: 'gpt-4o', messages: [], response_format: zodResponseFormat(schema, 'x') });
  await c.chat.completions.parse({ model: 'gpt-4o', messages: [] });
  await c.chat.completions.create({ model: 'gpt-4o', messages: [], tools: [], stream: true });
  await c.chat.completions.create({ model: 'gpt-4o', messages: [], n: 3, logprobs: true });
  await c.chat.completions.create({ model: 'gpt-4o', messages: [], temperature: 1.5, max_completion_tokens: 100 });
  await c.chat.completions.create({ model: 'gpt-4o', messages: [], tool_choice: 'required', tools: [] });
  const s = await c.chat.completions.create({ model: 'gpt-4o', messages: [], stream: true });
  for await (const chunk of s) console.log(chunk.usage);
  await c.embeddings.create({ model: 'text-embedding-3-small', input: ['1', '2', '3', '4', '5', '6', '7', '8', '9', '10', '11', '12'] });
  await c.embeddings.create({ model: 'text-embedding-3-large', input: texts });
  await c.images.generate({ model: 'dall-e-3', prompt: 'x' });
  await c.audio.transcriptions.create({ model: 'whisper-1', file: null as any });
  await c.beta.assistants.create({ model: 'gpt-4o' });
  await c.responses.create({ model: 'gpt-4o', input: 'x' });
  await c.files.list();
  await c.batches.list();
  await c.fineTuning.jobs.list();
}
`;

let dir: string;
beforeAll(() => {
  dir = mkdtempSync(path.join(tmpdir(), 'banjia-capability-'));
  writeFileSync(path.join(dir, 'calls.ts'), SOURCE);
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

async function callsFor(provider: string): Promise<Map<number, Finding>> {
  const { planned } = await analyze({ path: dir, provider }, 'scan');
  return new Map(planned.findings.filter((f) => f.kind === 'call').map((f) => [f.line, f]));
}

describe('the capability lint', () => {
  it('flags json_schema and .parse() where the provider only partly supports them, with the evidence link', async () => {
    const qwen = await callsFor('qwen');
    expect(qwen.get(5)).toMatchObject({ readiness: 'review' });
    expect(qwen.get(5)!.reason).toMatch(/json_schema/);
    expect(qwen.get(5)!.docs).toMatch(/^https:\/\/.*structured-output/);
    expect(qwen.get(6)!.reason).toMatch(/\.parse\(\)/);
  });

  it('flags tools while streaming, n > 1, logprobs, temperature out of range and max_completion_tokens', async () => {
    const zhipu = await callsFor('zhipu');
    expect(zhipu.get(7)!.reason).toMatch(/tool calls while streaming/);
    expect(zhipu.get(8)!.reason).toMatch(/n > 1/);
    expect(zhipu.get(8)!.reason).toMatch(/logprobs/);
    // GLM's range comes from its dialect rule (issue 15), which replaces the catalogue's generic note.
    expect(zhipu.get(9)!.reason).toMatch(/temperature range is \[0, 1\].*dialect rule zhipu-temperature-range/);
    expect(zhipu.get(9)!.reason).toMatch(/max_completion_tokens/);
  });

  it('reminds tool loops on a thinking model about reasoning_content', async () => {
    const { planned } = await analyze({ path: dir, provider: 'qwen', modelMap: ['gpt-4o=qwen3-max'] }, 'scan');
    const toolsCall = planned.findings.find((f) => f.kind === 'call' && f.line === 7)!;
    expect(toolsCall.reason).toMatch(/qwen3-max thinks: .*reasoning_content/);
    // The default target (qwen3.8-max) thinks too since issue 18; qwen-max does not.
    const plain = (await analyze({ path: dir, provider: 'qwen', modelMap: ['gpt-4o=qwen-max'] }, 'scan')).planned.findings.find((f) => f.kind === 'call' && f.line === 7)!;
    expect(plain.reason).not.toMatch(/reasoning_content/);
  });

  it('rejects a tool_choice value the provider does not take', async () => {
    const moonshot = await callsFor('moonshot');
    expect(moonshot.get(10)).toMatchObject({ readiness: 'manual' });
    expect(moonshot.get(10)!.reason).toMatch(/tool_choice .* not 'required'/);
  });

  it('flags usage read from a stream that never asks for it', async () => {
    const qwen = await callsFor('qwen');
    expect(qwen.get(11)!.reason).toMatch(/stream_options: \{ include_usage: true \}/);
    expect(qwen.get(11)!.fix).toMatchObject({ safety: 'review' });
    expect(qwen.get(11)!.fix!.edits[0].text).toMatch(/stream_options: \{ include_usage: true \}/);
  });

  it('warns about embeddings over the batch limit, lists built at run time, and names the old and new dimensions', async () => {
    const qwen = await callsFor('qwen');
    expect(qwen.get(13)!.reason).toMatch(/at most 10 inputs per request; this call sends 12/);
    expect(qwen.get(13)!.reason).toMatch(/Re-index required: vectors from text-embedding-v4 \(1024 dimensions\) .* \(1536 dimensions\)/);
    expect(qwen.get(14)!.reason).toMatch(/list built at run time/);
    expect(qwen.get(14)!.reason).toMatch(/\(3072 dimensions\)/);
    const deepseek = await callsFor('deepseek');
    expect(deepseek.get(13)).toMatchObject({ readiness: 'manual', severity: 'error' });
  });

  it('says which APIs the provider does not serve at all', async () => {
    const deepseek = await callsFor('deepseek');
    for (const line of [15, 16, 17, 19, 20, 21]) expect(deepseek.get(line), `line ${line}`).toMatchObject({ readiness: 'manual' });
    expect(deepseek.get(18)!.readiness).not.toBe('manual'); // DeepSeek serves the Responses API since 2026
    const qwen = await callsFor('qwen');
    expect(qwen.get(15)).toMatchObject({ readiness: 'manual' });
    expect(qwen.get(15)!.reason).toMatch(/does not support image generation/);
    expect(qwen.get(19)!.readiness).toBe('review'); // files exist at Qwen only for batches
  });
});

/**
 * The dialect rules on AI SDK helper calls and LangChain chat models: their option names are
 * mapped to the wire parameters the rules read (sdks/vercel-ai/wire.ts, sdks/langchain/wire.ts),
 * so the findings are the ones the `openai` module's calls get.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { analyze } from '../../src/commands/analyze.js';
import type { Finding } from '../../src/core/types.js';

// Line numbers below are where each call or construction starts. The sampling calls have a
// provider instance of their own: a client with a call that cannot move is split or kept, and the
// calls that stay lose their edits.
const AI_SDK = `import { generateText } from 'ai';
import { createOpenAI } from '@ai-sdk/openai';
const openai = createOpenAI({ apiKey: process.env.OPENAI_API_KEY });
export async function sampled(q: string) {
  await generateText({ model: openai.chat('gpt-4o'), temperature: 0.3, prompt: q });
  await generateText({ model: openai.chat('gpt-4o'), temperature: 1, prompt: q });
}
`;

const AI_SDK_TOOLS = `import { generateText, streamText } from 'ai';
import { createOpenAI } from '@ai-sdk/openai';
const openai = createOpenAI({ apiKey: process.env.OPENAI_API_KEY });
export async function all(q: string, tools: any) {
  await generateText({ model: openai.chat('gpt-4o'), tools, toolChoice: 'required', prompt: q });
  await generateText({ model: openai.chat('gpt-4o'), tools, toolChoice: { type: 'tool', toolName: 'search' }, prompt: q });
  await generateText({ model: openai.chat('gpt-4o'), tools, toolChoice: 'auto', prompt: q });
  await streamText({ model: openai.chat('gpt-4o'), prompt: q, providerOptions: { openai: { maxCompletionTokens: 100 } } });
}
`;

const LANGCHAIN = `import { ChatOpenAI } from '@langchain/openai';
export const pinned = new ChatOpenAI({ model: 'gpt-4o', temperature: 0.3 });
export const one = new ChatOpenAI({ model: 'gpt-4o', temperature: 1 });
export const many = new ChatOpenAI({ model: 'gpt-4o', n: 2 });
export const kwargs = new ChatOpenAI({ model: 'gpt-4o', modelKwargs: { n: 3 } });
export const plain = new ChatOpenAI({ model: 'gpt-4o' });
export const forced = (q: string) => plain.invoke(q, { tool_choice: 'any' });
`;

let dir: string;
beforeAll(() => {
  dir = mkdtempSync(path.join(tmpdir(), 'banjia-dialects-sdks-'));
  writeFileSync(path.join(dir, 'ai.ts'), AI_SDK);
  writeFileSync(path.join(dir, 'tools.ts'), AI_SDK_TOOLS);
  writeFileSync(path.join(dir, 'lc.ts'), LANGCHAIN);
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

async function findings(provider: string, sdk: string, kind: Finding['kind'], file?: string): Promise<Map<number, Finding>> {
  const { planned } = await analyze({ path: dir, provider }, 'scan');
  const found = planned.findings.filter((f) => f.sdk === sdk && f.kind === kind && (!file || path.basename(f.file) === file));
  return new Map(found.map((f) => [f.line, f]));
}

describe('dialect rules on AI SDK calls', () => {
  it("Kimi's pinned temperature: temperature 0.3 on the model gpt-4o maps to is a finding, temperature 1 is not", async () => {
    const calls = await findings('moonshot', 'vercel-ai', 'call', 'ai.ts');
    // The rule covers Kimi K2.5+ and K3; gpt-4o is written as kimi-k3.
    expect(calls.get(5)!.targetModel).toMatch(/^kimi-k(3|2\.[5-9])/);
    expect(calls.get(5)).toMatchObject({ readiness: 'review' });
    expect(calls.get(5)!.reason).toMatch(/only temperature 1.*dialect rule moonshot-temperature-pinned/);
    expect(calls.get(6)!.reason ?? '').not.toMatch(/moonshot-temperature-pinned/);
  });

  it('the literal temperature gets the same review edit to 1 as an openai SDK call; temperature 1 gets none', async () => {
    const calls = await findings('moonshot', 'vercel-ai', 'call', 'ai.ts');
    expect(calls.get(5)!.fix).toMatchObject({ safety: 'review' });
    expect(calls.get(5)!.fix!.edits.map((e) => [AI_SDK.slice(e.start, e.end), e.text])).toEqual([['0.3', '1']]);
    expect(calls.get(6)!.fix).toBeUndefined();
  });

  it("DeepSeek: toolChoice 'required' or a named tool is a forced tool_choice while thinking; 'auto' is not", async () => {
    const calls = await findings('deepseek', 'vercel-ai', 'call', 'tools.ts');
    for (const line of [5, 6]) {
      expect(calls.get(line), `line ${line}`).toMatchObject({ readiness: 'manual' });
      expect(calls.get(line)!.reason, `line ${line}`).toMatch(/dialect rule deepseek-tool-choice-thinking/);
    }
    expect(calls.get(7)!.reason ?? '').not.toMatch(/deepseek-tool-choice-thinking/);
  });

  it('providerOptions.openai.maxCompletionTokens is max_completion_tokens on the wire', async () => {
    const calls = await findings('deepseek', 'vercel-ai', 'call', 'tools.ts');
    expect(calls.get(8)!.reason).toMatch(/dialect rule deepseek-max-tokens/);
  });
});

describe('dialect rules on LangChain chat models', () => {
  it("Kimi's pinned temperature on new ChatOpenAI({ temperature: 0.3 }); temperature 1 is not a finding", async () => {
    const clients = await findings('moonshot', 'langchain', 'client');
    expect(clients.get(2)!.reason).toMatch(/only temperature 1.*dialect rule moonshot-temperature-pinned/);
    expect(clients.get(3)!.reason ?? '').not.toMatch(/moonshot-temperature-pinned/);
    const edits = (clients.get(2)!.suggestions ?? []).flatMap((s) => s.edits.map((e) => [s.safety, LANGCHAIN.slice(e.start, e.end), e.text]));
    expect(edits).toContainEqual(['review', '0.3', '1']);
    expect((clients.get(3)!.suggestions ?? []).flatMap((s) => s.edits.map((e) => e.text))).not.toContain('1');
  });

  it('DeepSeek: n (an option or in modelKwargs) above 1, and a call forcing a tool', async () => {
    const clients = await findings('deepseek', 'langchain', 'client');
    for (const line of [4, 5]) {
      expect(clients.get(line), `line ${line}`).toMatchObject({ readiness: 'manual' });
      expect(clients.get(line)!.reason, `line ${line}`).toMatch(/dialect rule deepseek-n/);
    }
    expect(clients.get(3)!.reason ?? '').not.toMatch(/deepseek-n/);
    const calls = await findings('deepseek', 'langchain', 'call');
    expect(calls.get(7)!.reason).toMatch(/dialect rule deepseek-tool-choice-thinking/);
  });
});

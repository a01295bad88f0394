/**
 * The dialect rules at scan time: each becomes part of the finding of the call it applies to, for
 * the chosen provider and the model the call maps to, with its evidence link; a rule with a
 * mechanical fix offers it at review level.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { analyze } from '../../src/commands/analyze.js';
import type { Finding } from '../../src/core/types.js';

// Line numbers below are where each call starts.
const SOURCE = `import OpenAI from 'openai';
import { zodResponseFormat } from 'openai/helpers/zod';
const c = new OpenAI();
export async function all(schema: any, q: string) {
  await c.responses.create({ model: 'gpt-4o', input: q, tools: [{ type: 'web_search' }] });
  await c.responses.create({ model: 'gpt-4o', input: q, instructions: 'Answer briefly.' });
  await c.chat.completions.create({ model: 'gpt-4o', messages: [{ role: 'developer', content: 'Be brief.' }, { role: 'user', content: q }] });
  await c.chat.completions.create({ model: 'gpt-4o', messages: [], response_format: zodResponseFormat(schema, 'x') });
  await c.chat.completions.parse({ model: 'gpt-4o', messages: [], response_format: { type: 'json_schema', json_schema: { name: 'x', schema: {} } } });
  await c.chat.completions.create({ model: 'gpt-4o', messages: [], max_tokens: 100 });
  await c.chat.completions.create({ model: 'gpt-4o', messages: [], max_completion_tokens: 100 });
  await c.chat.completions.create({ model: 'gpt-4o', messages: [], n: 2 });
  await c.chat.completions.create({ model: 'gpt-4o', messages: [], tools: [], tool_choice: 'required', enable_thinking: true } as any);
  await c.chat.completions.create({ model: 'gpt-4o', messages: [{ role: 'user', content: q }], response_format: { type: 'json_schema', json_schema: { name: 'x', schema } } });
  await c.chat.completions.create({ model: 'gpt-4o', stream: true, messages: [{ role: 'user', content: q }], response_format: { type: 'json_schema', json_schema: { name: 'x', schema } } });
  await c.chat.completions.create({ model: 'gpt-4o', messages: [{ role: 'user', content: 'List three colours.' }], response_format: { type: 'json_object' } });
  await c.chat.completions.create({ model: 'o3-mini', messages: [{ role: 'user', content: q }], reasoning_effort: 'low' });
  await c.chat.completions.create({ model: 'o3-mini', messages: [{ role: 'user', content: q }] });
  await c.chat.completions.create({ model: 'gpt-4o', messages: [], tools: [{ type: 'function', function: { name: 'f', parameters: {}, strict: true } }] });
}
`;

let dir: string;
beforeAll(() => {
  dir = mkdtempSync(path.join(tmpdir(), 'banjia-dialects-'));
  writeFileSync(path.join(dir, 'calls.ts'), SOURCE);
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

async function callsFor(provider: string, modelMap?: string[]): Promise<Map<number, Finding>> {
  const { planned } = await analyze({ path: dir, provider, ...(modelMap ? { modelMap } : {}) }, 'scan');
  return new Map(planned.findings.filter((f) => f.kind === 'call').map((f) => [f.line, f]));
}

describe('dialect rules at scan time', () => {
  it('a strict function tool on DeepSeek is reported (strict mode is beta-only); not on Qwen', async () => {
    expect((await callsFor('deepseek')).get(19)!.reason).toMatch(/api\.deepseek\.com\/beta.*dialect rule deepseek-strict-tools-beta/s);
    expect((await callsFor('qwen')).get(19)!.reason ?? '').not.toMatch(/deepseek-strict-tools-beta/);
  });

  it("reasoning_effort on Qwen is reported with Model Studio's switch (enable_thinking); not where it is not sent, not on DeepSeek V4", async () => {
    const qwen = await callsFor('qwen');
    expect(qwen.get(17)!.reason).toMatch(/enable_thinking.*dialect rule qwen-reasoning-effort/s);
    // The rule replaces the catalogue's generic note on the same point.
    expect(qwen.get(17)!.reason).not.toMatch(/switches thinking with/);
    expect(qwen.get(18)!.reason ?? '').not.toMatch(/qwen-reasoning-effort/);
    expect((await callsFor('deepseek')).get(17)!.reason ?? '').not.toMatch(/reasoning-effort/);
  });

  it('a Responses call with a hosted tool on Qwen no longer moves automatically; instructions are flagged', async () => {
    const qwen = await callsFor('qwen');
    expect(qwen.get(5)).toMatchObject({ readiness: 'manual' });
    expect(qwen.get(5)!.reason).toMatch(/dialect rule responses-hosted-tools/);
    expect(qwen.get(5)!.docs).toMatch(/^https:\/\/help\.aliyun\.com\/.*responses/);
    expect(qwen.get(6)!.readiness).toBe('review');
    expect(qwen.get(6)!.reason).toMatch(/instructions.*dialect rule qwen-responses-instructions/);
  });

  it('the developer role on DeepSeek: a finding, and a review edit to system', async () => {
    const deepseek = await callsFor('deepseek');
    const call = deepseek.get(7)!;
    expect(call.reason).toMatch(/dialect rule deepseek-developer-role/);
    expect(call.fix).toMatchObject({ safety: 'review' });
    expect(call.fix!.edits.map((e) => e.text)).toContain('system');
    expect((await callsFor('qwen')).get(7)!.reason ?? '').not.toMatch(/developer/);
  });

  it('json_schema on DeepSeek: .parse() cannot move as is; create() with zodResponseFormat moves at review with the json_object edit', async () => {
    const deepseek = await callsFor('deepseek');
    for (const line of [8, 9]) expect(deepseek.get(line)!.reason).toMatch(/json_object.*"json".*dialect rule deepseek-json-schema/);
    expect(deepseek.get(9)).toMatchObject({ readiness: 'manual' });
    expect(deepseek.get(8)).toMatchObject({ readiness: 'review' });
    expect(deepseek.get(8)!.fix!.edits.map((e) => e.text)).toEqual(expect.arrayContaining(["{ type: 'json_object' }"]));
  });

  it('json_schema in a create literal on DeepSeek moves at review level with the json_object edit; a stream stays manual', async () => {
    const deepseek = await callsFor('deepseek');
    const call = deepseek.get(14)!;
    expect(call.readiness).toBe('review');
    expect(call.reason).toMatch(/dialect rule deepseek-json-schema/);
    expect(call.fix).toMatchObject({ safety: 'review' });
    const texts = call.fix!.edits.map((e) => e.text);
    expect(texts).toContain("{ type: 'json_object' }");
    expect(texts.join()).toMatch(/\{ role: 'system', content: `Reply with one JSON object that matches this JSON schema: \$\{JSON\.stringify\(schema\)\}` \}, /);
    expect(deepseek.get(15)).toMatchObject({ readiness: 'manual' });
    expect(deepseek.get(15)!.fix?.edits.map((e) => e.text) ?? []).not.toContain("{ type: 'json_object' }");
    expect((await callsFor('qwen')).get(14)!.reason ?? '').not.toMatch(/deepseek-json-schema/);
  });

  it('json_object on DeepSeek with literal messages that never say "json" is a finding', async () => {
    const deepseek = await callsFor('deepseek');
    expect(deepseek.get(16)!.reason).toMatch(/Prompt must contain the word 'json'.*dialect rule deepseek-json-object-word/);
    // json_schema is not JSON mode: that call has its own rule only.
    expect(deepseek.get(14)!.reason).not.toMatch(/deepseek-json-object-word/);
  });

  it('the output-token field: Qwen toward max_completion_tokens, DeepSeek toward max_tokens', async () => {
    const qwen = await callsFor('qwen');
    expect(qwen.get(10)!.reason).toMatch(/dialect rule qwen-max-completion-tokens/);
    expect(qwen.get(10)!.fix!.edits.map((e) => e.text)).toContain('max_completion_tokens');
    // No rename toward the deprecated field, no "unconfirmed" note for the field Qwen asks for.
    expect(qwen.get(11)!.fix?.edits.map((e) => e.text) ?? []).not.toContain('max_tokens');
    expect(qwen.get(11)!.reason ?? '').not.toMatch(/max_completion_tokens/);
    const deepseek = await callsFor('deepseek');
    expect(deepseek.get(11)!.reason).toMatch(/dialect rule deepseek-max-tokens/);
    expect(deepseek.get(11)!.fix!.edits.map((e) => e.text)).toContain('max_tokens');
    expect(deepseek.get(10)!.reason ?? '').not.toMatch(/deepseek-max-tokens/);
  });

  it('n > 1 on DeepSeek and a forced tool_choice while Qwen thinks cannot move', async () => {
    expect((await callsFor('deepseek')).get(12)).toMatchObject({ readiness: 'manual' });
    const qwen = await callsFor('qwen', ['gpt-4o=qwen-plus']);
    expect(qwen.get(13)).toMatchObject({ readiness: 'manual' });
    expect(qwen.get(13)!.reason).toMatch(/dialect rule qwen-tool-choice-thinking/);
  });

  it('MiniMax M2 answers with <think> in content unless reasoning_split is sent; M3 is not matched', async () => {
    const m2 = await callsFor('minimax', ['gpt-4o=MiniMax-M2.7']);
    expect(m2.get(10)!.reason).toMatch(/<think>.*dialect rule minimax-think-in-content/);
    const m3 = await callsFor('minimax', ['gpt-4o=MiniMax-M3']);
    expect(m3.get(10)!.reason ?? '').not.toMatch(/minimax-think-in-content/);
  });
});

describe('image parts at scan time', () => {
  const IMAGES = `import OpenAI from 'openai';
const c = new OpenAI();
export async function look(b64: string, parts: any[]) {
  await c.chat.completions.create({ model: 'gpt-4o', messages: [{ role: 'user', content: [{ type: 'text', text: 'what?' }, { type: 'image_url', image_url: { url: \`data:image/png;base64,\${b64}\` } }] }] });
  await c.chat.completions.create({ model: 'gpt-4o', messages: [{ role: 'user', content: [{ type: 'image_url', image_url: { url: 'https://x/cat.png' } }] }] });
  await c.chat.completions.create({ model: 'gpt-4o', messages: [{ role: 'user', content: parts }] });
  await c.chat.completions.create({ model: 'deepseek-v4-pro', messages: [{ role: 'user', content: [{ type: 'image_url', image_url: { url: 'https://x/cat.png' } }] }] });
  await c.chat.completions.create({ model: 'deepseek-v4-pro', messages: [{ role: 'user', content: parts }] });
}
`;
  let imagesDir: string;
  beforeAll(() => {
    imagesDir = mkdtempSync(path.join(tmpdir(), 'banjia-dialect-images-'));
    writeFileSync(path.join(imagesDir, 'look.ts'), IMAGES);
  });
  afterAll(() => rmSync(imagesDir, { recursive: true, force: true }));
  const calls = async (provider: string, modelMap?: string[]) => {
    const { planned } = await analyze({ path: imagesDir, provider, ...(modelMap ? { modelMap } : {}) }, 'scan');
    return new Map(planned.findings.filter((f) => f.kind === 'call').map((f) => [f.line, f]));
  };

  it('DeepSeek: a call that names a text-only model and sends image parts cannot move; a mapped call gets deepseek-flash', async () => {
    const deepseek = await calls('deepseek');
    expect(deepseek.get(7)).toMatchObject({ readiness: 'manual' });
    expect(deepseek.get(7)!.reason).toMatch(/unknown variant `image_url`.*dialect rule deepseek-image-input/);
    // Content only run time knows: no finding from the rule.
    expect(deepseek.get(8)!.reason ?? '').not.toMatch(/deepseek-image-input/);
    // gpt-4o with images is written as the vision model (deepseek-flash), which reads them.
    for (const line of [4, 5]) expect(deepseek.get(line)!.reason ?? '', `line ${line}`).not.toMatch(/deepseek-image-input/);
    const model = (await analyze({ path: imagesDir, provider: 'deepseek' }, 'scan')).planned.findings.find((f) => f.kind === 'model' && f.line === 5);
    expect(model!.fix!.edits.map((e) => e.text).join()).toMatch(/deepseek-flash/);
  });

  it('GLM: a data: URL (template literal) is a finding with a review edit to the bare base64; an https URL is not', async () => {
    const zhipu = await calls('zhipu');
    const call = zhipu.get(4)!;
    expect(call.reason).toMatch(/dialect rule zhipu-image-base64/);
    expect(call.fix).toMatchObject({ safety: 'review' });
    expect(call.fix!.edits.map((e) => e.text)).toContain('`${b64}`');
    expect(zhipu.get(5)!.reason ?? '').not.toMatch(/zhipu-image-base64/);
  });
});

describe('error and retry advice on the client', () => {
  const CLIENT = `import OpenAI from 'openai';
export const retrying = new OpenAI({ maxRetries: 5 });
export const plain = new OpenAI({ timeout: 10_000 });
export async function ask(q: string) {
  return retrying.chat.completions.create({ model: 'gpt-4o', messages: [{ role: 'user', content: q }] });
}
declare function pRetry<T>(run: () => Promise<T>, options?: object): Promise<T>;
export const wrapped = (q: string) => pRetry(() => plain.chat.completions.create({ model: 'gpt-4o', messages: [{ role: 'user', content: q }] }), { retries: 5 });
export async function bare(q: string) {
  return plain.chat.completions.create({ model: 'gpt-4o', messages: [{ role: 'user', content: q }] });
}
`;
  let clientDir: string;
  beforeAll(() => {
    clientDir = mkdtempSync(path.join(tmpdir(), 'banjia-dialect-retries-'));
    writeFileSync(path.join(clientDir, 'client.ts'), CLIENT);
  });
  afterAll(() => rmSync(clientDir, { recursive: true, force: true }));
  const clients = async (provider: string) => {
    const { planned } = await analyze({ path: clientDir, provider }, 'scan');
    return new Map(planned.findings.filter((f) => f.kind === 'client').map((f) => [f.line, f]));
  };

  it('a client with maxRetries gets the provider’s advice (DeepSeek 402, Moonshot 429) without changing how it moves', async () => {
    const deepseek = await clients('deepseek');
    expect(deepseek.get(2)!.action).toMatch(/402 Insufficient Balance.*dialect rule deepseek-402-no-retry/);
    expect(deepseek.get(3)!.action ?? '').not.toMatch(/deepseek-402-no-retry/);
    expect(deepseek.get(2)!.readiness).toBe(deepseek.get(3)!.readiness);
    const moonshot = await clients('moonshot');
    expect(moonshot.get(2)!.action).toMatch(/Retry-After.*dialect rule moonshot-429-retry-after/);
    expect((await clients('qwen')).get(2)!.action ?? '').not.toMatch(/dialect rule/);
  });

  it('a call inside a retry helper (p-retry) gets the same advice; a bare call does not', async () => {
    const { planned } = await analyze({ path: clientDir, provider: 'deepseek' }, 'scan');
    const calls = new Map(planned.findings.filter((f) => f.kind === 'call').map((f) => [f.line, f]));
    expect(calls.get(8)!.action).toMatch(/402 Insufficient Balance.*dialect rule deepseek-402-no-retry/);
    expect(calls.get(10)!.action ?? '').not.toMatch(/deepseek-402-no-retry/);
    expect(calls.get(8)!.readiness).toBe(calls.get(10)!.readiness);
  });
});

describe('Ark model ids', () => {
  const MODEL = `import OpenAI from 'openai';
const c = new OpenAI();
export const ask = (q: string) => c.chat.completions.create({ model: 'gpt-4o', messages: [{ role: 'user', content: q }] });
`;
  let modelDir: string;
  beforeAll(() => {
    modelDir = mkdtempSync(path.join(tmpdir(), 'banjia-dialect-ark-'));
    writeFileSync(path.join(modelDir, 'ask.ts'), MODEL);
  });
  afterAll(() => rmSync(modelDir, { recursive: true, force: true }));
  const modelFinding = async (provider: string, modelMap?: string[]) =>
    (await analyze({ path: modelDir, provider, ...(modelMap ? { modelMap } : {}) }, 'scan')).planned.findings.find((f) => f.kind === 'model')!;

  it('a Model ID written for Ark says to activate it or read an endpoint id from the environment; an ep- id does not', async () => {
    const doubao = await modelFinding('doubao');
    expect(doubao.targetModel).toMatch(/^doubao-/);
    expect(doubao.action).toMatch(/inference endpoint \(ep-…\).*ARK_MODEL.*dialect rule doubao-model-id/);
    expect(doubao.severity).toBe('warning');
    expect((await modelFinding('doubao', ['gpt-4o=ep-20250512195705-c8kq4'])).action ?? '').not.toMatch(/doubao-model-id/);
    expect((await modelFinding('qwen')).action ?? '').not.toMatch(/doubao-model-id/);
  });
});

describe('turn order (Hunyuan, Qwen)', () => {
  // Line numbers below are where each call starts.
  const TURNS = `import OpenAI from 'openai';
const c = new OpenAI();
export async function turns(q: string, history: any[], call: any) {
  await c.chat.completions.create({ model: 'gpt-4o', messages: [{ role: 'assistant', content: 'Hello! How can I help?' }, { role: 'user', content: q }] });
  await c.chat.completions.create({ model: 'gpt-4o', messages: [{ role: 'system', content: 'Be brief.' }, { role: 'user', content: 'Context' }, { role: 'user', content: q }] });
  await c.chat.completions.create({ model: 'gpt-4o', messages: [{ role: 'system', content: 'Be brief.' }, { role: 'user', content: q }, { role: 'assistant', content: 'Sure.' }, { role: 'user', content: 'More.' }] });
  await c.chat.completions.create({ model: 'gpt-4o', messages: [...history, { role: 'assistant', content: 'Sure.' }, { role: 'user', content: q }] });
  await c.chat.completions.create({ model: 'gpt-4o', messages: [{ role: 'user', content: q }, { role: 'assistant', content: null, tool_calls: [call, call] }, { role: 'tool', tool_call_id: 'a', content: '1' }, { role: 'tool', tool_call_id: 'b', content: '2' }] });
  await c.chat.completions.create({ model: 'gpt-4o', messages: [{ role: 'system', content: 'Be brief.' }, { role: 'system', content: 'Answer in French.' }, { role: 'user', content: q }] });
  await c.chat.completions.create({ model: 'gpt-4o', messages: [...history, { role: 'system', content: 'Be brief.' }, { role: 'user', content: q }] });
}
`;
  let turnsDir: string;
  beforeAll(() => {
    turnsDir = mkdtempSync(path.join(tmpdir(), 'banjia-dialect-hunyuan-'));
    writeFileSync(path.join(turnsDir, 'turns.ts'), TURNS);
  });
  afterAll(() => rmSync(turnsDir, { recursive: true, force: true }));
  const calls = async (provider: string, modelMap?: string[]) =>
    new Map((await analyze({ path: turnsDir, provider, ...(modelMap ? { modelMap } : {}) }, 'scan')).planned.findings.filter((f) => f.kind === 'call').map((f) => [f.line, f]));

  it('a literal history that starts with an assistant greeting or repeats a role cannot move to Hunyuan as written', async () => {
    const hunyuan = await calls('hunyuan');
    for (const line of [4, 5]) {
      expect(hunyuan.get(line), `line ${line}`).toMatchObject({ readiness: 'manual' });
      expect(hunyuan.get(line)!.reason).toMatch(/交替出现.*dialect rule hunyuan-message-order/);
    }
    // Alternating turns, a spread history (order unknown) and a tool loop ending in tool results pass.
    for (const line of [6, 7, 8]) expect(hunyuan.get(line)?.reason ?? '', `line ${line}`).not.toMatch(/hunyuan-message-order/);
    expect((await calls('deepseek')).get(4)?.reason ?? '').not.toMatch(/hunyuan-message-order/);
  });

  it('a second system message on Qwen 3.6+ is flagged; older Qwen and a system message after a spread are not', async () => {
    const qwen37 = await calls('qwen', ['gpt-4o=qwen3.7-plus']);
    expect(qwen37.get(9)!.reason).toMatch(/System message must be at the beginning.*dialect rule qwen-system-first/);
    for (const line of [5, 6, 10]) expect(qwen37.get(line)?.reason ?? '', `line ${line}`).not.toMatch(/qwen-system-first/);
    expect((await calls('qwen', ['gpt-4o=qwen-plus'])).get(9)?.reason ?? '').not.toMatch(/qwen-system-first/);
  });
});

describe('a thinking Qwen model without stream (scan and the emulator read the same rule)', () => {
  // Line numbers below are where each call starts.
  const THINKING = `import OpenAI from 'openai';
const c = new OpenAI();
export async function all(q: string, live: boolean) {
  await c.chat.completions.create({ model: 'gpt-4o', messages: [{ role: 'user', content: q }] });
  await c.chat.completions.create({ model: 'gpt-4o', stream: true, messages: [{ role: 'user', content: q }] });
  await c.chat.completions.create({ model: 'gpt-4o-mini', messages: [{ role: 'user', content: q }], enable_thinking: true } as any);
  await c.chat.completions.create({ model: 'gpt-4o-mini', messages: [{ role: 'user', content: q }] });
  await c.chat.completions.create({ model: 'gpt-4o', stream: live, messages: [{ role: 'user', content: q }] });
  c.chat.completions.stream({ model: 'gpt-4o', messages: [{ role: 'user', content: q }] });
}
`;
  let thinkDir: string;
  beforeAll(() => {
    thinkDir = mkdtempSync(path.join(tmpdir(), 'banjia-dialect-thinking-'));
    writeFileSync(path.join(thinkDir, 'think.ts'), THINKING);
  });
  afterAll(() => rmSync(thinkDir, { recursive: true, force: true }));
  const calls = async (modelMap: string[]) =>
    new Map((await analyze({ path: thinkDir, provider: 'qwen', modelMap }, 'scan')).planned.findings.filter((f) => f.kind === 'call').map((f) => [f.line, f]));

  it('flags a thinking-only model or enable_thinking: true without stream; not a stream, a hybrid model not told to think, or a stream flag only run time knows', async () => {
    const found = await calls(['gpt-4o=qwen3.8-max', 'gpt-4o-mini=qwen3.7-plus']);
    for (const line of [4, 6]) expect(found.get(line)!.reason, `line ${line}`).toMatch(/stream mode.*dialect rule qwen-thinking-stream-only/s);
    for (const line of [5, 7, 8, 9]) expect(found.get(line)?.reason ?? '', `line ${line}`).not.toMatch(/qwen-thinking-stream-only/);
    // One finding, not the rule and the catalogue quirk's note side by side.
    expect(found.get(4)!.reason).not.toMatch(/answer only when stream: true/);
  });
});

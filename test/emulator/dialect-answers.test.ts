/**
 * How the emulator answers what a provider handles otherwise than OpenAI (issue 15): the thinking
 * switch behind reasoning_effort, DeepSeek's usage fields, GLM's tool-call deltas, logprobs. Each
 * test posts the request a fixture's input sends and the one its output sends, as verify would.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { ts } from '../../src/analysis/ts.js';
import { findProvider } from '../../src/catalogue/index.js';
import { FIXTURES } from '../helpers/fixtures.js';
import { startEmulator, type RunningServer } from '../../src/emulator/server.js';

const servers: RunningServer[] = [];
afterAll(async () => {
  await Promise.all(servers.map((s) => s.close()));
});

async function emulator(id: string): Promise<RunningServer> {
  const server = await startEmulator({ provider: findProvider(id)! });
  servers.push(server);
  return server;
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any
async function post(server: RunningServer, body: unknown): Promise<{ status: number; json: any; text: string }> {
  const res = await fetch(`${server.url}/chat/completions`, { method: 'POST', headers: { 'content-type': 'application/json', authorization: 'Bearer k' }, body: JSON.stringify(body) });
  const text = await res.text();
  return { status: res.status, text, json: text.startsWith('{') ? JSON.parse(text) : undefined };
}

const hi = [{ role: 'user', content: 'hi' }];
const last = (server: RunningServer) => server.recorder.entries[server.recorder.entries.length - 1];

describe('reasoning_effort on providers with their own thinking switch', () => {
  it("DeepSeek: reasoning_effort 'none' leaves thinking on (a warning); thinking: { type: 'disabled' } switches it off", async () => {
    const server = await emulator('deepseek');
    const before = await post(server, { model: 'deepseek-flash', messages: hi, reasoning_effort: 'none' });
    expect(before.status).toBe(200);
    expect(before.json.choices[0].message.reasoning_content).toEqual(expect.any(String));
    expect(last(server).warnings?.map((w) => w.rule)).toContain('deepseek-reasoning-effort-off');
    // 'minimal' is a documented level (low): thinking, without a warning.
    expect((await post(server, { model: 'deepseek-flash', messages: hi, reasoning_effort: 'minimal' })).json.choices[0].message.reasoning_content).toEqual(expect.any(String));
    expect(last(server).warnings).toBeUndefined();
    const after = await post(server, { model: 'deepseek-flash', messages: hi, thinking: { type: 'disabled' } });
    expect(after.status).toBe(200);
    expect(after.json.choices[0].message.reasoning_content).toBeUndefined();
    expect(last(server).warnings).toBeUndefined();
  });

  it('GLM before 5.2: reasoning_effort is recorded as ignored; thinking.type is not', async () => {
    const server = await emulator('zhipu');
    expect((await post(server, { model: 'glm-4.5-air', messages: hi, reasoning_effort: 'low' })).status).toBe(200);
    expect(last(server).warnings).toMatchObject([{ rule: 'zhipu-reasoning-effort', effect: 'ignored' }]);
    expect((await post(server, { model: 'glm-4.5-air', messages: hi, thinking: { type: 'enabled' } })).status).toBe(200);
    expect(last(server).warnings).toBeUndefined();
  });

  it("Qwen: reasoning_effort does not make a hybrid model think; the rewrite's enable_thinking: true on a stream does", async () => {
    const server = await emulator('qwen');
    const before = await post(server, { model: 'qwen3.7-plus', messages: hi, reasoning_effort: 'high', stream: true });
    expect(before.status).toBe(200);
    expect(before.text).not.toContain('reasoning_content');
    expect(last(server).warnings?.map((w) => w.rule)).toContain('qwen-reasoning-effort');
    const after = await post(server, { model: 'qwen3.7-plus', messages: hi, enable_thinking: true, stream: true });
    expect(after.status).toBe(200);
    expect(after.text).toContain('reasoning_content');
  });
});

/** The initializer of the fixture's variable that reads cached_tokens, run with `completion` bound to an answer. */
function cachedRead(file: string): (completion: unknown) => unknown {
  const text = readFileSync(path.join(FIXTURES, 'dialects', 'deepseek-cached-tokens', file), 'utf8');
  const sf = ts.createSourceFile(file, text, ts.ScriptTarget.ES2022, true);
  let init: ts.Expression | undefined;
  const visit = (node: ts.Node): void => {
    if (!init && ts.isVariableDeclaration(node) && node.initializer && /cached_tokens/.test(node.initializer.getText(sf))) init = node.initializer;
    else ts.forEachChild(node, visit);
  };
  visit(sf);
  const js = ts.transpile(`return (${init!.getText(sf)});`, { target: ts.ScriptTarget.ES2022 });
  return new Function('completion', js) as (completion: unknown) => unknown;
}

describe("DeepSeek's usage fields", () => {
  it('a DeepSeek answer reports cache hits as prompt_cache_hit_tokens, without prompt_tokens_details; Qwen does not', async () => {
    const server = await emulator('deepseek');
    const answer = (await post(server, { model: 'deepseek-flash', messages: hi, thinking: { type: 'disabled' } })).json;
    expect(answer.usage).toMatchObject({ prompt_cache_hit_tokens: 0, prompt_cache_miss_tokens: answer.usage.prompt_tokens });
    expect(answer.usage.prompt_tokens_details).toBeUndefined();
    const stream = await post(server, { model: 'deepseek-flash', messages: hi, stream: true, stream_options: { include_usage: true } });
    expect(stream.text).toContain('"prompt_cache_miss_tokens"');
    const qwen = (await post(await emulator('qwen'), { model: 'qwen3.7-plus', messages: hi })).json;
    expect(qwen.usage.prompt_cache_hit_tokens).toBeUndefined();
  });

  it("the fixture's read gets nothing from a DeepSeek answer before the rewrite and DeepSeek's count after", async () => {
    const server = await emulator('deepseek');
    const answer = (await post(server, { model: 'deepseek-flash', messages: hi })).json;
    // Both read with `?? 0`: the input's count is 0 whatever DeepSeek hit, the output's is DeepSeek's.
    const before = cachedRead('cost.input.ts');
    const after = cachedRead('cost.output.ts');
    const hits = { ...answer, usage: { ...answer.usage, prompt_cache_hit_tokens: 7 } };
    expect(before(hits)).toBe(0);
    expect(after(hits)).toBe(7);
    expect(after(answer)).toBe(0);
  });
});

describe('logprobs', () => {
  it('DeepSeek refuses them while the model thinks (by default) and answers them with thinking off; Qwen, unknown, answers', async () => {
    const server = await emulator('deepseek');
    const ask = { model: 'deepseek-flash', messages: hi, logprobs: true, top_logprobs: 3 };
    expect((await post(server, ask)).status).toBe(400);
    expect(last(server).rule).toBe('deepseek-logprobs-thinking');
    expect((await post(server, { ...ask, thinking: { type: 'disabled' } })).status).toBe(200);
    expect((await post(await emulator('qwen'), { ...ask, model: 'qwen3.7-plus' })).status).toBe(200);
  });
});

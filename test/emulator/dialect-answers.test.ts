/**
 * How the emulator answers what a provider handles otherwise than OpenAI (issue 15): the thinking
 * switch behind reasoning_effort, DeepSeek's usage fields, GLM's tool-call deltas, logprobs. Each
 * test posts the request a fixture's input sends and the one its output sends, as verify would.
 */
import { afterAll, describe, expect, it } from 'vitest';
import { findProvider } from '../../src/catalogue/index.js';
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
  it("DeepSeek: reasoning_effort 'minimal' leaves thinking on (a warning); thinking: { type: 'disabled' } switches it off", async () => {
    const server = await emulator('deepseek');
    const before = await post(server, { model: 'deepseek-flash', messages: hi, reasoning_effort: 'minimal' });
    expect(before.status).toBe(200);
    expect(before.json.choices[0].message.reasoning_content).toEqual(expect.any(String));
    expect(last(server).warnings?.map((w) => w.rule)).toContain('deepseek-reasoning-effort-off');
    // Even 'none' is not DeepSeek's off switch.
    expect((await post(server, { model: 'deepseek-flash', messages: hi, reasoning_effort: 'none' })).json.choices[0].message.reasoning_content).toEqual(expect.any(String));
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

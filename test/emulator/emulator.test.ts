/** The emulator against the catalogue: prefix, auth, model ids, constraints, answer shapes, record. */
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { findProvider, listProviders } from '../../src/catalogue/index.js';
import { readRecord } from '../../src/emulator/record.js';
import { RULES, type Rule } from '../../src/emulator/rules.js';
import { pathPrefix, startEmulator, type RunningServer } from '../../src/emulator/server.js';
import { REPO } from '../helpers/cli.js';
import { ts } from '../../src/analysis/ts.js';
import { parseUnit } from '../../src/analysis/unit.js';
import { literalView, UNKNOWN, type View } from '../../src/dialects/index.js';
import { discoverCases, FIXTURES } from '../helpers/fixtures.js';

const servers: RunningServer[] = [];
const dirs: string[] = [];
afterAll(async () => {
  await Promise.all(servers.map((s) => s.close()));
  for (const d of dirs) rmSync(d, { recursive: true, force: true });
});

async function emulator(id: string, extra: Partial<Parameters<typeof startEmulator>[0]> = {}) {
  const server = await startEmulator({ provider: findProvider(id)!, ...extra });
  servers.push(server);
  return server;
}

async function post(server: RunningServer, route: string, body: unknown, key = 'k') {
  const res = await fetch(`${server.url}${route}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(key ? { authorization: `Bearer ${key}` } : {}) },
    body: JSON.stringify(body),
  });
  const text = await res.text();
  return { status: res.status, text, json: text.startsWith('{') ? JSON.parse(text) : undefined };
}

const hi = [{ role: 'user', content: 'hi' }];

describe('emulator generated from the catalogue', () => {
  it('enforces the provider dialect rules that scan lints (one source of rules)', async () => {
    const server = await emulator('deepseek');
    const model = findProvider('deepseek')!.chatModels.find((m) => m.status !== 'retired')!.id;
    const developer = await post(server, '/chat/completions', { model, messages: [{ role: 'developer', content: 'be brief' }, ...hi] });
    expect(developer.status).toBe(400);
    expect(developer.json.error.message).toMatch(/developer role/);
    const system = await post(server, '/chat/completions', { model, messages: [{ role: 'system', content: 'be brief' }, ...hi] });
    expect(system.status).toBe(200);
    // A parameter the provider silently ignores is scan's finding; the provider answers, and so does the emulator.
    const ignored = await post(server, '/chat/completions', { model, messages: hi, max_completion_tokens: 10 });
    expect(ignored.status).toBe(200);
    expect(server.recorder.entries.map((e) => e.rule)).toEqual(['deepseek-developer-role', undefined, undefined]);
  });

  it('answers JSON requests as DeepSeek does (dialect rules deepseek-json-schema, deepseek-json-object-word)', async () => {
    const deepseek = await emulator('deepseek');
    const schema = { type: 'object', properties: { ok: { type: 'boolean' } } };
    const strict = await post(deepseek, '/chat/completions', { model: 'deepseek-flash', messages: hi, response_format: { type: 'json_schema', json_schema: { name: 's', schema } } });
    expect(strict.status).toBe(400);
    expect(strict.json.error.message).toMatch(/This response_format type is unavailable now/);
    const noWord = await post(deepseek, '/chat/completions', { model: 'deepseek-flash', messages: hi, response_format: { type: 'json_object' } });
    expect(noWord.status).toBe(400);
    expect(noWord.json.error.message).toMatch(/must contain the word 'json'/);
    // What banjia's rewrite sends: the schema in a first system message that says JSON.
    const system = { role: 'system', content: `Reply with one JSON object that matches this JSON schema: ${JSON.stringify(schema)}` };
    const moved = await post(deepseek, '/chat/completions', { model: 'deepseek-flash', messages: [system, ...hi], response_format: { type: 'json_object' } });
    expect(moved.status).toBe(200);
    expect(() => JSON.parse(moved.json.choices[0].message.content)).not.toThrow();
    expect(deepseek.recorder.entries.map((e) => e.rule)).toEqual(['deepseek-json-schema', 'deepseek-json-object-word', undefined]);
  });

  it('answers image parts as DeepSeek and GLM do (dialect rules deepseek-image-input, zhipu-image-base64)', async () => {
    const image = (model: string, url: string) => ({ model, messages: [{ role: 'user', content: [{ type: 'text', text: 'what is this?' }, { type: 'image_url', image_url: { url } }] }] });
    const deepseek = await emulator('deepseek');
    const pro = await post(deepseek, '/chat/completions', image('deepseek-v4-pro', 'https://x/cat.png'));
    expect(pro.status).toBe(400);
    expect(pro.json.error.message).toMatch(/unknown variant `image_url`, expected `text`/);
    expect((await post(deepseek, '/chat/completions', image('deepseek-flash', 'https://x/cat.png'))).status).toBe(200);
    expect(deepseek.recorder.entries.map((e) => e.rule)).toEqual(['deepseek-image-input', undefined]);
    const zhipu = await emulator('zhipu');
    expect((await post(zhipu, '/chat/completions', image('glm-4.6v', 'data:image/png;base64,iVBORw0KGgo='))).status).toBe(400);
    expect((await post(zhipu, '/chat/completions', image('glm-4.6v', 'iVBORw0KGgo='))).status).toBe(200);
    expect(zhipu.recorder.entries.map((e) => e.rule)).toEqual(['zhipu-image-base64', undefined]);
  });

  it('answers top_p 1 as GLM does (dialect rule zhipu-top-p-range)', async () => {
    const zhipu = await emulator('zhipu');
    const one = await post(zhipu, '/chat/completions', { model: 'glm-4.5-air', messages: hi, top_p: 1 });
    expect(one.status).toBe(400);
    expect(one.json.error.message).toMatch(/top_p参数非法/);
    expect((await post(zhipu, '/chat/completions', { model: 'glm-4.5-air', messages: hi, top_p: 0.99 })).status).toBe(200);
    expect(zhipu.recorder.entries.map((e) => e.rule)).toEqual(['zhipu-top-p-range', undefined]);
  });

  it('answers turn order as Hunyuan does (dialect rule hunyuan-message-order)', async () => {
    const hunyuan = await emulator('hunyuan');
    const model = findProvider('hunyuan')!.chatModels.find((m) => m.status !== 'retired')!.id;
    const greeting = await post(hunyuan, '/chat/completions', { model, messages: [{ role: 'assistant', content: 'Hello!' }, ...hi] });
    expect(greeting.status).toBe(400);
    expect(greeting.json.error.message).toMatch(/交替出现/);
    const lateSystem = await post(hunyuan, '/chat/completions', { model, messages: [...hi, { role: 'assistant', content: 'Hello!' }, { role: 'system', content: 'be brief' }, ...hi] });
    expect(lateSystem.status).toBe(400);
    const call = { id: 'a', type: 'function', function: { name: 'f', arguments: '{}' } };
    const toolLoop = [{ role: 'system', content: 'be brief' }, ...hi, { role: 'assistant', content: null, tool_calls: [call, { ...call, id: 'b' }] }, { role: 'tool', tool_call_id: 'a', content: '1' }, { role: 'tool', tool_call_id: 'b', content: '2' }];
    expect((await post(hunyuan, '/chat/completions', { model, messages: toolLoop })).status).toBe(200);
    expect(hunyuan.recorder.entries.map((e) => e.rule)).toEqual(['hunyuan-message-order', 'hunyuan-message-order', undefined]);
  });

  it('answers a tool loop as DeepSeek does in thinking mode: the second request must carry reasoning_content back (deepseek-reasoning-content-roundtrip)', async () => {
    const deepseek = await emulator('deepseek');
    const tools = [{ type: 'function', function: { name: 'get_weather', parameters: { type: 'object', properties: { city: { type: 'string' } } } } }];
    // deepseek-flash thinks unless told not to: the first answer asks for the tool and carries its reasoning.
    const first = await post(deepseek, '/chat/completions', { model: 'deepseek-flash', messages: hi, tools });
    expect(first.status).toBe(200);
    const message = first.json.choices[0].message;
    expect(message.tool_calls).toHaveLength(1);
    expect(message.reasoning_content).toBeTruthy();
    const result = { role: 'tool', tool_call_id: message.tool_calls[0].id, content: 'Sunny' };
    // Rebuilt from content and tool_calls, as OpenAI code often does: rejected.
    const rebuilt = { role: 'assistant', content: message.content, tool_calls: message.tool_calls };
    const dropped = await post(deepseek, '/chat/completions', { model: 'deepseek-flash', messages: [...hi, rebuilt, result], tools });
    expect(dropped.status).toBe(400);
    expect(dropped.json.error.message).toMatch(/reasoning_content/);
    // The message as received (or rebuilt with the field copied): accepted, and the loop ends.
    const kept = await post(deepseek, '/chat/completions', { model: 'deepseek-flash', messages: [...hi, message, result], tools });
    expect(kept.status).toBe(200);
    expect(kept.json.choices[0].finish_reason).toBe('stop');
    // With thinking off there is no reasoning to send back, and none is asked for.
    const off = await post(deepseek, '/chat/completions', { model: 'deepseek-flash', messages: [...hi, rebuilt, result], tools, thinking: { type: 'disabled' } });
    expect(off.status).toBe(200);
    expect(deepseek.recorder.entries.map((e) => e.rule)).toEqual([undefined, 'deepseek-reasoning-content-roundtrip', undefined, undefined]);
  });

  it('answers a late system message as Model Studio does for Qwen 3.6+ (dialect rule qwen-system-first)', async () => {
    const qwen = await emulator('qwen');
    const system = { role: 'system', content: 'be brief' };
    const late = await post(qwen, '/chat/completions', { model: 'qwen3.7-plus', messages: [...hi, { role: 'assistant', content: 'Hello!' }, system, ...hi] });
    expect(late.status).toBe(400);
    expect(late.json.error.message).toMatch(/System message must be at the beginning/);
    expect((await post(qwen, '/chat/completions', { model: 'qwen3.7-plus', messages: [system, ...hi] })).status).toBe(200);
    expect((await post(qwen, '/chat/completions', { model: 'qwen-plus', messages: [system, system, ...hi] })).status).toBe(200);
    expect(qwen.recorder.entries.map((e) => e.rule)).toEqual(['qwen-system-first', undefined, undefined]);
  });

  it('takes an Ark inference endpoint id (ep-…) as model, where the catalogue says Ark does; not elsewhere', async () => {
    const doubao = await emulator('doubao');
    expect((await post(doubao, '/chat/completions', { model: 'ep-20250512195705-c8kq4', messages: hi })).status).toBe(200);
    const qwen = await emulator('qwen');
    expect((await post(qwen, '/chat/completions', { model: 'ep-20250512195705-c8kq4', messages: hi })).status).toBe(404);
  });

  it('serves every provider under its base URL path and lists exactly its live model ids', async () => {
    for (const provider of listProviders()) {
      const server = await emulator(provider.id);
      expect(server.url).toBe(`http://127.0.0.1:${server.port}${new URL(provider.regions.find((r) => r.default)?.baseURL ?? provider.regions[0].baseURL).pathname.replace(/\/$/, '')}`);
      const res = await fetch(`${server.url}/models`, { headers: { authorization: 'Bearer k' } });
      const ids = ((await res.json()) as { data: { id: string }[] }).data.map((m) => m.id);
      const live = [...provider.chatModels, ...provider.embeddingModels].filter((m) => m.status !== 'retired').map((m) => m.id);
      expect(ids).toEqual(live);
      await server.close();
    }
  });

  it('requires a Bearer key and the path prefix', async () => {
    const server = await emulator('zhipu');
    const noKey = await post(server, '/chat/completions', { model: 'glm-4.5-air', messages: hi }, '');
    expect(noKey.status).toBe(401);
    expect(noKey.json.error.code).toBe('invalid_api_key');
    const wrongPrefix = await fetch(`http://127.0.0.1:${server.port}/v1/chat/completions`, { method: 'POST', headers: { authorization: 'Bearer k' }, body: '{}' });
    expect(wrongPrefix.status).toBe(404);
    expect(server.recorder.entries.map((e) => e.rule)).toEqual(['auth', 'path-prefix']);
    expect(pathPrefix(findProvider('zhipu')!)).toBe('/api/paas/v4');
  });

  it('accepts only the provider’s model ids, with a provider-shaped error', async () => {
    const server = await emulator('qwen');
    const openai = await post(server, '/chat/completions', { model: 'gpt-4o', messages: hi });
    expect(openai.status).toBe(404);
    expect(openai.json.error).toMatchObject({ code: 'model_not_found', param: 'model', type: 'invalid_request_error' });
    const retired = await post(server, '/chat/completions', { model: 'qwen-turbo', messages: hi });
    expect(retired.status).toBe(404);
    const kind = await post(server, '/chat/completions', { model: 'text-embedding-v4', messages: hi });
    expect(kind.status).toBe(400);
    expect(server.recorder.entries.map((e) => e.rule)).toEqual(['model-unknown', 'model-retired', 'model-kind']);
  });

  it('enforces the catalogue’s constraints', async () => {
    const zhipu = await emulator('zhipu');
    expect((await post(zhipu, '/chat/completions', { model: 'glm-4.5-air', messages: hi, tool_choice: 'required', tools: [] })).status).toBe(200);
    expect((await post(zhipu, '/chat/completions', { model: 'glm-4.5-air', messages: hi, temperature: 1.5 })).status).toBe(400);
    expect((await post(zhipu, '/embeddings', { model: 'embedding-3', input: 'x', dimensions: 100 })).status).toBe(400);
    expect((await post(zhipu, '/embeddings', { model: 'embedding-3', input: 'x', dimensions: 512 })).status).toBe(200);
    // Where a dialect rule and the catalogue both refuse (GLM's temperature), the dialect rule is recorded.
    expect(zhipu.recorder.entries.map((e) => e.rule ?? e.verdict)).toEqual(['ok', 'zhipu-temperature-range', 'embeddings-dimensions', 'ok']);
    // Where the dialect rule says the provider answers (GLM does not honour a forced tool_choice), it
    // decides over the catalogue's closed set: answered, with the rule as a warning.
    expect(zhipu.recorder.entries[0].warnings?.map((w) => w.rule)).toEqual(['zhipu-tool-choice-auto']);
    // Elsewhere the catalogue's set holds: Kimi lists auto, none and a named function, not required.
    const moonshot = await emulator('moonshot');
    expect((await post(moonshot, '/chat/completions', { model: 'moonshot-v1-8k', messages: hi, tool_choice: 'required', tools: [] })).status).toBe(400);
    expect(moonshot.recorder.entries.at(-1)!.rule).toBe('tool-choice');
    const qwen = await emulator('qwen');
    expect((await post(qwen, '/embeddings', { model: 'text-embedding-v4', input: Array.from({ length: 11 }, (_, i) => `t${i}`) })).json.error.message).toMatch(/at most 10/);
    expect((await post(qwen, '/moderations', { model: 'x', input: 'x' })).status).toBe(404);
    expect((await post(qwen, '/images/generations', { model: 'x', prompt: 'x' })).status).toBe(404);
    expect((await post(qwen, '/responses', { model: 'qwen-plus', input: 'hello' })).json.output_text).toBe('[emulated qwen/qwen-plus] reply to: hello');
    const deepseek = await emulator('deepseek');
    expect((await post(deepseek, '/embeddings', { model: 'deepseek-flash', input: 'x' })).status).toBe(404);
    const spark = await emulator('spark');
    expect((await post(spark, '/responses', { model: 'lite', input: 'x' })).status).toBe(404);
    expect(spark.recorder.entries[0].rule).toBe('endpoint-unsupported');
  });

  it('refuses a thinking Qwen model without stream as DashScope does, as scan warns (catalogue thinking-only, or enable_thinking)', async () => {
    const qwen = await emulator('qwen');
    const only = await post(qwen, '/chat/completions', { model: 'qwen3.8-max', messages: hi });
    expect(only.status).toBe(400);
    expect(only.json.error).toMatchObject({ code: 'invalid_parameter_error', message: expect.stringMatching(/^This model only support stream mode/) });
    // A thinking-only model thinks whatever the switch says.
    expect((await post(qwen, '/chat/completions', { model: 'qwen3.8-max', enable_thinking: false, messages: hi, stream: false })).status).toBe(400);
    const hybrid = await post(qwen, '/chat/completions', { model: 'qwen3.7-plus', enable_thinking: true, messages: hi });
    expect(hybrid.status).toBe(400);
    expect(hybrid.json.error).toMatchObject({ code: 'invalid_parameter_error', message: 'parameter.enable_thinking must be set to false for non-streaming calls' });
    expect(qwen.recorder.entries.map((e) => e.rule)).toEqual(['qwen-thinking-stream-only', 'qwen-thinking-stream-only', 'qwen-thinking-stream-only']);
    // Streamed, or a hybrid model not thinking: answered.
    expect((await post(qwen, '/chat/completions', { model: 'qwen3.8-max', messages: hi, stream: true })).status).toBe(200);
    expect((await post(qwen, '/chat/completions', { model: 'qwen3.7-plus', enable_thinking: true, messages: hi, stream: true })).status).toBe(200);
    expect((await post(qwen, '/chat/completions', { model: 'qwen3.7-plus', messages: hi })).status).toBe(200);
    expect((await post(qwen, '/chat/completions', { model: 'qwen3.7-plus', enable_thinking: false, messages: hi })).status).toBe(200);
  });

  it('answers a field the provider ignores or has deprecated, recording the dialect rule as a warning', async () => {
    const deepseek = await emulator('deepseek');
    expect((await post(deepseek, '/chat/completions', { model: 'deepseek-flash', messages: hi, max_completion_tokens: 5 })).status).toBe(200);
    expect((await post(deepseek, '/chat/completions', { model: 'deepseek-flash', messages: hi, max_tokens: 5 })).status).toBe(200);
    const [ignored, plain] = deepseek.recorder.entries;
    expect(ignored).toMatchObject({ verdict: 'ok', status: 200, warnings: [{ rule: 'deepseek-max-tokens', effect: 'ignored', message: expect.stringMatching(/ignores max_completion_tokens.*Fix: Send the limit as max_tokens/) }] });
    expect(plain.warnings).toBeUndefined();
    const qwen = await emulator('qwen');
    expect((await post(qwen, '/chat/completions', { model: 'qwen3.7-plus', messages: hi, max_tokens: 5 })).status).toBe(200);
    expect(qwen.recorder.entries[0].warnings).toMatchObject([{ rule: 'qwen-max-completion-tokens', effect: 'deprecated' }]);
    // DeepSeek does not honour parallel_tool_calls: false: answered, with the rule as a warning.
    const tools = [{ type: 'function', function: { name: 'lookup', parameters: { type: 'object', properties: {} } } }];
    expect((await post(deepseek, '/chat/completions', { model: 'deepseek-flash', messages: hi, tools, parallel_tool_calls: false })).status).toBe(200);
    expect(deepseek.recorder.entries[2].warnings).toMatchObject([{ rule: 'deepseek-parallel-tool-calls', effect: 'ignored' }]);
  });

  it('answers deterministically: usage, tool calls, reasoning_content for thinking models', async () => {
    const server = await emulator('qwen');
    const a = await post(server, '/chat/completions', { model: 'qwen-max', messages: hi });
    const b = await post(server, '/chat/completions', { model: 'qwen-max', messages: hi });
    expect(a.text).toBe(b.text);
    expect(a.json.choices[0].message).toEqual({ role: 'assistant', content: '[emulated qwen/qwen-max] reply to: hi' });
    expect(a.json.usage.total_tokens).toBe(a.json.usage.prompt_tokens + a.json.usage.completion_tokens);
    // A thinking Qwen model answers only as a stream: DeepSeek V4 thinks by default and answers without one.
    const thinking = await post(await emulator('deepseek'), '/chat/completions', { model: 'deepseek-v4-pro', messages: hi });
    expect(thinking.json.choices[0].message.reasoning_content).toBeTruthy();
    const tools = [{ type: 'function', function: { name: 'lookup', parameters: { type: 'object', properties: { id: { type: 'integer' } } } } }];
    const call = await post(server, '/chat/completions', { model: 'qwen-max', messages: hi, tools });
    expect(call.json.choices[0].finish_reason).toBe('tool_calls');
    expect(JSON.parse(call.json.choices[0].message.tool_calls[0].function.arguments)).toEqual({ id: 1 });
    const none = await post(server, '/chat/completions', { model: 'qwen-max', messages: hi, tools, tool_choice: 'none' });
    expect(none.json.choices[0].message.tool_calls).toBeUndefined();
    const schema = { type: 'object', properties: { title: { type: 'string' }, ok: { type: 'boolean' } } };
    const structured = await post(server, '/chat/completions', { model: 'qwen-plus', messages: hi, response_format: { type: 'json_schema', json_schema: { name: 's', schema } } });
    expect(JSON.parse(structured.json.choices[0].message.content)).toEqual({ title: 'emulated-title', ok: true });
  });

  it('streams SSE with a keep-alive comment and a final usage chunk when asked', async () => {
    const server = await emulator('deepseek');
    const withUsage = await post(server, '/chat/completions', { model: 'deepseek-flash', messages: hi, stream: true, stream_options: { include_usage: true } });
    expect(withUsage.text.startsWith(': keep-alive\n\n')).toBe(true);
    const events = withUsage.text.split('\n\n').filter((e) => e.startsWith('data: '));
    expect(events.at(-1)).toBe('data: [DONE]');
    const last = JSON.parse(events.at(-2)!.slice(6));
    expect(last.choices).toEqual([]);
    expect(last.usage.total_tokens).toBeGreaterThan(0);
    const content = events.slice(0, -1).map((e) => JSON.parse(e.slice(6)).choices[0]?.delta?.content ?? '').join('');
    expect(content).toBe('[emulated deepseek/deepseek-flash] reply to: hi');
    const without = await post(server, '/chat/completions', { model: 'deepseek-flash', messages: hi, stream: true });
    expect(without.text).not.toMatch(/"usage"/);
  });

  it('records every request as a JSON line', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'banjia-rec-'));
    dirs.push(dir);
    const file = path.join(dir, 'requests.jsonl');
    const server = await emulator('moonshot', { record: file });
    await post(server, '/chat/completions', { model: 'kimi-k2.6', messages: hi });
    await post(server, '/chat/completions', { model: 'gpt-4o', messages: hi });
    const lines = readRecord(readFileSync(file, 'utf8'));
    expect(lines).toHaveLength(2);
    expect(lines[0]).toMatchObject({ method: 'POST', path: '/v1/chat/completions', model: 'kimi-k2.6', verdict: 'ok', status: 200 });
    expect(lines[1]).toMatchObject({ model: 'gpt-4o', verdict: 'rejected', rule: 'model-unknown', status: 404 });
    expect(typeof lines[0].time).toBe('string');
  });

  it('takes more rules as data (the shape dialect rules use)', async () => {
    const noUser: Rule = {
      id: 'test-no-user-field',
      description: 'an example dialect rule',
      appliesTo: (provider, _model, request) => provider.id === 'qwen' && request.endpoint === 'chat' && request.body?.user !== undefined,
      check: () => ({ status: 400, code: 'invalid_parameter', message: 'user is not accepted', param: 'user' }),
    };
    const server = await emulator('qwen', { rules: [...RULES, noUser] });
    const res = await post(server, '/chat/completions', { model: 'qwen-max', messages: hi, user: 'u1' });
    expect(res.status).toBe(400);
    expect(server.recorder.entries[0].rule).toBe('test-no-user-field');
  });

  it('migrate emulate prints the base URL, logs each request and stops on SIGINT', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'banjia-rec-'));
    dirs.push(dir);
    const record = path.join(dir, 'r.jsonl');
    const child = spawn(process.execPath, [path.join(REPO, 'bin', 'migrate.js'), 'emulate', '--provider', 'doubao', '--record', record], { stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    child.stdout.setEncoding('utf8').on('data', (t: string) => (out += t));
    const exited = new Promise<number | null>((resolve) => child.on('close', (code) => resolve(code)));
    while (!/ARK_BASE_URL=\S+\n/.test(out)) await new Promise((r) => setTimeout(r, 50));
    const url = /ARK_BASE_URL=(\S+)\n/.exec(out)![1];
    expect(url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/api\/v3$/);
    const res = await fetch(`${url}/chat/completions`, { method: 'POST', headers: { authorization: 'Bearer k', 'content-type': 'application/json' }, body: JSON.stringify({ model: 'gpt-4o', messages: hi }) });
    expect(res.status).toBe(404);
    while (!out.includes('[model-unknown]')) await new Promise((r) => setTimeout(r, 50));
    child.kill('SIGINT');
    expect(await exited).toBe(0);
    expect(out).toContain('404 rejected [model-unknown] POST /api/v3/chat/completions gpt-4o');
    expect(readRecord(readFileSync(record, 'utf8'))).toHaveLength(1);
  });
});

/**
 * Dialect rule responses-unavailable on the wire: the requests of the fixture's input go to
 * /responses, which Spark does not serve (404) and which an unconfirmed provider's emulator does not
 * vouch for (501); the requests of banjia's output go to /chat/completions and are answered.
 */
describe('a Responses call rewritten as a chat completion, on the emulator', () => {
  const fixture = discoverCases('dialects').find((c) => c.name === 'responses-unavailable')!;
  const file = fixture.files[0];
  const before = createRequests(file.name, file.input);
  const after = createRequests(file.name, readFileSync(file.outputPath, 'utf8'));

  it(`the input's requests fail on ${fixture.provider}, the output's pass`, async () => {
    expect(before.length).toBeGreaterThan(1);
    expect(after.map((r) => r.method)).toEqual(before.map(() => 'chat.completions.create'));
    const server = await emulator(fixture.provider);
    for (const request of before) {
      expect(request.method).toBe('responses.create');
      expect((await post(server, '/responses', request.body)).status).toBe(404);
    }
    for (const request of after) {
      const res = await post(server, '/chat/completions', request.body);
      expect(res.status, res.text).toBe(200);
      expect(res.json.choices[0].message.content).toMatch(/^\[emulated spark\//);
    }
    expect(server.recorder.entries.map((e) => e.rule ?? e.verdict)).toEqual([...before.map(() => 'endpoint-unsupported'), ...after.map(() => 'ok')]);
  });

  it('on a provider whose Responses support is unknown, /responses is not proven (501); a provider with Responses answers it', async () => {
    const zhipu = await emulator('zhipu');
    const body = { ...before[0].body, model: 'glm-4.5-air' };
    const res = await post(zhipu, '/responses', body);
    expect(res.status).toBe(501);
    expect(zhipu.recorder.entries[0].rule).toBe('emulator-limit');
    expect((await post(zhipu, '/chat/completions', { ...after[0].body, model: 'glm-4.5-air' })).status).toBe(200);
    const qwen = await emulator('qwen');
    expect((await post(qwen, '/responses', { ...body, model: 'qwen-plus' })).status).toBe(200);
  });
});

/** Every `<client>.<…>.create({...})` of a file: the method path and the literal body (run-time values as a placeholder string). */
function createRequests(name: string, text: string): Array<{ method: string; body: Record<string, unknown> }> {
  const unit = parseUnit(name, path.join(FIXTURES, name), text);
  const found: Array<{ method: string; body: Record<string, unknown> }> = [];
  const visit = (node: ts.Node): void => {
    if (ts.isCallExpression(node) && ts.isPropertyAccessExpression(node.expression) && node.expression.name.text === 'create') {
      const method = node.expression.getText(unit.sf).split('.').slice(1).join('.');
      found.push({ method, body: concrete(literalView(node.arguments[0], unit)) as Record<string, unknown> });
    }
    ts.forEachChild(node, visit);
  };
  visit(unit.sf);
  return found;
}

function concrete(view: View): unknown {
  if (view === UNKNOWN) return 'run-time text';
  if (Array.isArray(view)) return view.map(concrete);
  if (view !== null && typeof view === 'object') return Object.fromEntries(Object.entries(view).map(([k, v]) => [k, concrete(v)]));
  return view;
}

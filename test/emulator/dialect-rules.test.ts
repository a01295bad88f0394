/**
 * Every dialect rule the emulator enforces (a wire rule whose effect is a rejection), over HTTP:
 * a request that breaks it is refused with the rule recorded, and the same request with the fix
 * the rule names is answered 200. A new rejected wire rule fails the first test until it has an
 * example here.
 */
import { afterAll, describe, expect, it } from 'vitest';
import { findProvider } from '../../src/catalogue/index.js';
import { DIALECT_RULES } from '../../src/dialects/index.js';
import { startEmulator, type RunningServer } from '../../src/emulator/server.js';

const servers = new Map<string, RunningServer>();
afterAll(async () => {
  await Promise.all([...servers.values()].map((s) => s.close()));
});

async function emulator(provider: string): Promise<RunningServer> {
  let server = servers.get(provider);
  if (!server) servers.set(provider, (server = await startEmulator({ provider: findProvider(provider)! })));
  return server;
}

type Body = Record<string, unknown>;
const user = (content: unknown = 'hi') => ({ role: 'user', content });
const call = { id: 'c1', type: 'function', function: { name: 'lookup', arguments: '{}' } };
const tools = [{ type: 'function', function: { name: 'lookup', parameters: { type: 'object', properties: {} } } }];
const toolTurn = (extra: Body = {}) => [user(), { role: 'assistant', content: '', tool_calls: [call], ...extra }, { role: 'tool', tool_call_id: 'c1', content: '42' }];
const image = (url: string) => [user([{ type: 'text', text: 'what is this?' }, { type: 'image_url', image_url: { url } }])];

interface Example {
  provider: string;
  route?: '/chat/completions' | '/embeddings';
  breaks: Body;
  fixed: Body;
}

/** Per rule: a request that breaks it and the request with the rule's fix applied. */
const EXAMPLES: Record<string, Example> = {
  'deepseek-developer-role': {
    provider: 'deepseek',
    breaks: { model: 'deepseek-v4-pro', messages: [{ role: 'developer', content: 'be brief' }, user()] },
    fixed: { model: 'deepseek-v4-pro', messages: [{ role: 'system', content: 'be brief' }, user()] },
  },
  'doubao-developer-role': {
    provider: 'doubao',
    breaks: { model: 'doubao-seed-2-1-pro-260628', messages: [{ role: 'developer', content: 'be brief' }, user()] },
    fixed: { model: 'doubao-seed-2-1-pro-260628', messages: [{ role: 'system', content: 'be brief' }, user()] },
  },
  'hunyuan-message-order': {
    provider: 'hunyuan',
    breaks: { model: 'hunyuan-turbos-latest', messages: [user(), user('and?')] },
    fixed: { model: 'hunyuan-turbos-latest', messages: [user('hi, and?')] },
  },
  'qwen-system-first': {
    provider: 'qwen',
    breaks: { model: 'qwen3.7-plus', messages: [user(), { role: 'system', content: 'be brief' }] },
    fixed: { model: 'qwen3.7-plus', messages: [{ role: 'system', content: 'be brief' }, user()] },
  },
  'qwen-thinking-stream-only': {
    provider: 'qwen',
    breaks: { model: 'qwen3.7-plus', enable_thinking: true, messages: [user()] },
    fixed: { model: 'qwen3.7-plus', enable_thinking: true, stream: true, messages: [user()] },
  },
  'deepseek-reasoning-content-roundtrip': {
    provider: 'deepseek',
    breaks: { model: 'deepseek-v4-pro', messages: toolTurn(), tools },
    fixed: { model: 'deepseek-v4-pro', messages: toolTurn({ reasoning_content: 'look it up' }), tools },
  },
  'moonshot-reasoning-content-roundtrip': {
    provider: 'moonshot',
    breaks: { model: 'kimi-k2.6', messages: toolTurn(), tools },
    fixed: { model: 'kimi-k2.6', messages: toolTurn({ reasoning_content: 'look it up' }), tools },
  },
  'moonshot-reasoning-content-empty': {
    provider: 'moonshot',
    breaks: { model: 'kimi-k2.6', messages: toolTurn({ reasoning_content: '' }), tools },
    fixed: { model: 'kimi-k2.6', messages: toolTurn({ reasoning_content: ' ' }), tools },
  },
  'deepseek-json-schema': {
    provider: 'deepseek',
    breaks: { model: 'deepseek-flash', messages: [user('answer in json')], response_format: { type: 'json_schema', json_schema: { name: 'a', schema: { type: 'object' } } } },
    fixed: { model: 'deepseek-flash', messages: [user('answer in json')], response_format: { type: 'json_object' } },
  },
  'deepseek-json-object-word': {
    provider: 'deepseek',
    breaks: { model: 'deepseek-flash', messages: [user('list three colours')], response_format: { type: 'json_object' } },
    fixed: { model: 'deepseek-flash', messages: [user('list three colours as a JSON object')], response_format: { type: 'json_object' } },
  },
  'qwen-tool-choice-thinking': {
    provider: 'qwen',
    breaks: { model: 'qwen3.7-plus', enable_thinking: true, stream: true, messages: [user()], tools, tool_choice: 'required' },
    fixed: { model: 'qwen3.7-plus', enable_thinking: true, stream: true, messages: [user()], tools, tool_choice: 'auto' },
  },
  'deepseek-tool-choice-thinking': {
    provider: 'deepseek',
    breaks: { model: 'deepseek-v4-pro', messages: [user()], tools, tool_choice: { type: 'function', function: { name: 'lookup' } } },
    fixed: { model: 'deepseek-v4-pro', messages: [user()], tools, tool_choice: 'auto' },
  },
  'moonshot-tool-choice-thinking': {
    provider: 'moonshot',
    breaks: { model: 'kimi-k2.6', messages: [user()], tools, tool_choice: 'required' },
    fixed: { model: 'kimi-k2.6', messages: [user()], tools, tool_choice: 'auto' },
  },
  'deepseek-n': {
    provider: 'deepseek',
    breaks: { model: 'deepseek-flash', messages: [user()], n: 2 },
    fixed: { model: 'deepseek-flash', messages: [user()], n: 1 },
  },
  'zhipu-temperature-range': {
    provider: 'zhipu',
    breaks: { model: 'glm-4.5-air', messages: [user()], temperature: 1.6 },
    fixed: { model: 'glm-4.5-air', messages: [user()], temperature: 0.8 },
  },
  'zhipu-top-p-range': {
    provider: 'zhipu',
    breaks: { model: 'glm-4.5-air', messages: [user()], top_p: 1 },
    fixed: { model: 'glm-4.5-air', messages: [user()], top_p: 0.99 },
  },
  'moonshot-temperature-pinned': {
    provider: 'moonshot',
    breaks: { model: 'kimi-k2.6', messages: [user()], temperature: 0.3 },
    fixed: { model: 'kimi-k2.6', messages: [user()], temperature: 1 },
  },
  'dashscope-embedding-batch': {
    provider: 'qwen',
    route: '/embeddings',
    breaks: { model: 'text-embedding-v4', input: Array.from({ length: 11 }, (_, i) => `chunk ${i}`) },
    fixed: { model: 'text-embedding-v4', input: Array.from({ length: 10 }, (_, i) => `chunk ${i}`) },
  },
  'deepseek-image-input': {
    provider: 'deepseek',
    breaks: { model: 'deepseek-v4-pro', messages: image('https://example.com/cat.png') },
    fixed: { model: 'deepseek-flash', messages: image('https://example.com/cat.png') },
  },
  'doubao-reasoning-effort-thinking-disabled': {
    provider: 'doubao',
    breaks: { model: 'doubao-seed-2-1-pro-260628', messages: [user()], reasoning_effort: 'high', thinking: { type: 'disabled' } },
    fixed: { model: 'doubao-seed-2-1-pro-260628', messages: [user()], reasoning_effort: 'minimal' },
  },
  'deepseek-logprobs-thinking': {
    provider: 'deepseek',
    breaks: { model: 'deepseek-flash', messages: [user()], logprobs: true, top_logprobs: 3 },
    fixed: { model: 'deepseek-flash', messages: [user()], logprobs: true, top_logprobs: 3, thinking: { type: 'disabled' } },
  },
  'zhipu-image-base64': {
    provider: 'zhipu',
    breaks: { model: 'glm-4.6v', messages: image('data:image/png;base64,iVBORw0KGgo=') },
    fixed: { model: 'glm-4.6v', messages: image('iVBORw0KGgo=') },
  },
};

async function post(server: RunningServer, route: string, body: Body): Promise<number> {
  const res = await fetch(`${server.url}${route}`, { method: 'POST', headers: { 'content-type': 'application/json', authorization: 'Bearer k' }, body: JSON.stringify(body) });
  await res.arrayBuffer();
  return res.status;
}

const enforced = DIALECT_RULES.filter((rule) => rule.wire && rule.effect === 'rejected');

describe('the emulator enforces each dialect rule it can check', () => {
  it('every rejected wire rule has an example, and every example names such a rule', () => {
    expect(Object.keys(EXAMPLES).sort()).toEqual(enforced.map((r) => r.id).sort());
  });

  for (const rule of enforced) {
    const example = EXAMPLES[rule.id];
    if (!example) continue;
    it(`${rule.id}: refused as written, answered once fixed`, async () => {
      expect(rule.providers).toContain(example.provider);
      const server = await emulator(example.provider);
      const route = example.route ?? '/chat/completions';
      const before = server.recorder.entries.length;
      expect(await post(server, route, example.breaks)).toBe(rule.status ?? 400);
      expect(await post(server, route, example.fixed)).toBe(200);
      expect(server.recorder.entries.slice(before).map((e) => e.rule)).toEqual([rule.id, undefined]);
    });
  }
});

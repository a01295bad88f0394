/**
 * The request path, end to end: fixture projects and the demo app are migrated to five providers
 * with `apply --yes`, then executed under `verify` against the emulator. Every request must carry
 * the provider's path prefix, a Bearer key and the mapped model, and the app must read the
 * emulated answers. The AI SDK and LangChain projects run the same way in frameworks.test.ts.
 */
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { findProvider, mapModel } from '../../src/catalogue/index.js';
import { verify } from '../../src/commands/verify.js';
import { pathPrefix } from '../../src/emulator/server.js';
import { cleanup, driverOutput, migratedCopy } from './project.js';

afterAll(cleanup);

const PROVIDERS = ['qwen', 'deepseek', 'zhipu', 'moonshot', 'doubao'];

/**
 * gpt-4o maps to Qwen's flagship qwen3.8-max, thinking-only in the catalogue: a non-streaming call to
 * it is refused (dialect rule qwen-thinking-stream-only), as scan reports. These apps make plain
 * calls, so for Qwen they are migrated as its finding advises, to a model that answers without thinking.
 */
const MODEL_MAP: Record<string, string[]> = { qwen: ['gpt-4o=qwen3.7-max'] };
const mappedTo = (openaiModel: string, providerId: string) =>
  MODEL_MAP[providerId]?.find((pair) => pair.startsWith(`${openaiModel}=`))?.split('=')[1] ?? mapModel(openaiModel, findProvider(providerId)!).target;

function expectProviderRequests(providerId: string, entries: Awaited<ReturnType<typeof verify>>['entries'], openaiModel: string) {
  const provider = findProvider(providerId)!;
  const prefix = pathPrefix(provider);
  const mapped = mappedTo(openaiModel, providerId)!;
  expect(mapped).toBeTruthy();
  const sent = entries.filter((e) => e.server === 'emulator');
  expect(sent.length).toBeGreaterThan(0);
  for (const e of sent) {
    expect(e.path.startsWith(`${prefix}/`)).toBe(true);
    expect(e.auth).toBe('bearer');
    expect(e.verdict).toBe('ok');
    expect(e.model).toBe(mapped);
    expect(e.fields).toEqual(expect.arrayContaining(['model', 'messages']));
  }
  return { sent, mapped };
}

describe.each(PROVIDERS)('request path to %s', (providerId) => {
  it('openai SDK client: chat, streamed chat with usage, tool call', async () => {
    const dir = migratedCopy('emulator/sdk-client', providerId);
    const result = await verify({ path: dir, provider: providerId, command: [process.execPath, 'src/main.js'], env: { PATH: process.env.PATH } });
    expect(result.stderr).toBe('');
    expect(result.openaiAttempts).toEqual([]);
    expect(result.passed).toBe(true);
    const { sent, mapped } = expectProviderRequests(providerId, result.entries, 'gpt-4o-mini');
    expect(sent.map((e) => e.endpoint)).toEqual(['chat', 'chat', 'chat']);
    expect(sent[1].fields).toEqual(expect.arrayContaining(['stream']));
    expect(sent[2].fields).toEqual(expect.arrayContaining(['tools']));
    expect(sent[0].fields).not.toContain('tools');
    const out = driverOutput(result.stdout);
    expect(out.ask.content).toBe(`[emulated ${providerId}/${mapped}] reply to: Hello there`);
    expect(out.ask.usage).toBeGreaterThan(0);
    expect(out.streamed.text).toBe(`[emulated ${providerId}/${mapped}] reply to: Tell me a story`);
    expect(out.streamed.chunks).toBeGreaterThanOrEqual(4);
    // The final usage chunk arrives only when the migrated code still asks for it.
    if (sent[1].fields!.includes('stream_options')) expect(out.streamed.usage).toBeGreaterThan(0);
    expect(out.tool).toEqual({ name: 'get_weather', args: { city: 'emulated-city' } });
  });

  it('raw fetch: the rewritten URL reaches the provider host, the app parses JSON and SSE', async () => {
    const dir = migratedCopy('emulator/raw-fetch', providerId, MODEL_MAP[providerId]);
    const provider = findProvider(providerId)!;
    const result = await verify({ path: dir, provider: providerId, command: [process.execPath, 'src/main.js'], env: { PATH: process.env.PATH } });
    expect(result.stderr).toBe('');
    expect(result.passed).toBe(true);
    const { sent, mapped } = expectProviderRequests(providerId, result.entries, 'gpt-4o');
    expect(sent).toHaveLength(2);
    // The literal URL now names the provider's own host; the preload kept it on this machine.
    for (const e of sent) expect(e.originalHost).toBe(new URL(provider.regions[0].baseURL).host);
    expect(sent[0].fields).not.toContain('stream');
    expect(sent[1].stream).toBe(true);
    // A synchronous fetch call has the app's line on the stack.
    expect(sent[0].source).toMatch(/src\/llm\.js:\d+:\d+$/);
    const out = driverOutput(result.stdout);
    expect(out.complete.content).toBe(`[emulated ${providerId}/${mapped}] reply to: Say hi`);
    expect(out.complete.tokens).toBeGreaterThan(0);
    expect(out.stream.text).toBe(`[emulated ${providerId}/${mapped}] reply to: Count to three`);
    expect(out.stream.events).toBeGreaterThanOrEqual(4);
  });
});

const DEMO_DRIVER = `
import { streamAnswer } from './src/chat.js';
import { answerWithTools } from './src/tools.js';
import { embed } from './src/embeddings.js';
const deltas = [];
const answer = await streamAnswer([{ role: 'user', content: 'Do you ship on weekends?' }], (d) => deltas.push(d));
const tools = await answerWithTools('Where is order 42?');
const vectors = await embed(['red dress', 'blue jeans']);
console.log(JSON.stringify({ answer, deltas: deltas.filter(Boolean).length, tools, vectors: vectors.length, dimensions: vectors[0].length }));
`;

describe.each(['qwen', 'zhipu'])('the demo app migrated to %s', (providerId) => {
  it('streams, runs the tool loop and embeds against the emulator', async () => {
    const dir = migratedCopy('demo-app', providerId);
    writeFileSync(path.join(dir, 'driver.mjs'), DEMO_DRIVER);
    const provider = findProvider(providerId)!;
    const result = await verify({ path: dir, provider: providerId, command: [process.execPath, 'driver.mjs'], env: { PATH: process.env.PATH } });
    expect(result.stderr).toBe('');
    expect(result.passed).toBe(true);
    const sent = result.entries.filter((e) => e.server === 'emulator');
    const prefix = pathPrefix(provider);
    expect(sent.every((e) => e.path.startsWith(`${prefix}/`) && e.auth === 'bearer' && e.verdict === 'ok')).toBe(true);
    const chat = mapModel('gpt-4o', provider).target;
    const fast = mapModel('gpt-4o-mini', provider).target;
    const embedding = mapModel('text-embedding-3-small', provider).target;
    expect(sent.map((e) => [e.endpoint, e.model])).toEqual([
      ['chat', chat],
      ['chat', fast],
      ['chat', fast],
      ['embeddings', embedding],
    ]);
    // The tool loop: the first turn sends tools and gets a call, the second sends the tool result.
    expect(sent[1].fields).toEqual(expect.arrayContaining(['tools', 'tool_choice']));
    const out = driverOutput(result.stdout);
    expect(out.answer).toBe(`[emulated ${providerId}/${chat}] reply to: Do you ship on weekends?`);
    expect(out.deltas).toBeGreaterThanOrEqual(3);
    expect(out.tools).toBe(`[emulated ${providerId}/${fast}] answer from the tool result`);
    expect(out.vectors).toBe(2);
    const model = provider.embeddingModels.find((m) => m.id === embedding)!;
    expect(out.dimensions).toBe(model.dimensions);
  });
});

describe.each(['qwen', 'zhipu', 'siliconflow'])('a client factory with JSON mode and embeddings, migrated to %s', (providerId) => {
  it('sends the mapped chat and embedding models and reads JSON and vectors', async () => {
    const dir = migratedCopy('emulator/sdk-factory', providerId, MODEL_MAP[providerId]);
    const provider = findProvider(providerId)!;
    const result = await verify({ path: dir, provider: providerId, command: [process.execPath, 'src/main.js'], env: { PATH: process.env.PATH } });
    expect(result.stderr).toBe('');
    expect(result.passed).toBe(true);
    const sent = result.entries.filter((e) => e.server === 'emulator');
    const chat = mappedTo('gpt-4o', providerId);
    const embedding = mapModel('text-embedding-3-large', provider).target;
    expect(sent.map((e) => [e.path, e.model, e.auth])).toEqual([
      [`${pathPrefix(provider)}/chat/completions`, chat, 'bearer'],
      [`${pathPrefix(provider)}/embeddings`, embedding, 'bearer'],
    ]);
    expect(sent[0].fields).toContain('response_format');
    expect(sent[1].fields).toEqual(expect.arrayContaining(['model', 'input']));
    expect(sent[1].fields).not.toContain('dimensions');
    const out = driverOutput(result.stdout);
    expect(out.classify).toEqual({ emulated: true, provider: providerId, model: chat });
    const model = provider.embeddingModels.find((m) => m.id === embedding)!;
    expect(out.vectors).toMatchObject({ count: 3, size: typeof model.dimensions === 'number' ? model.dimensions : 1024 });
    expect(out.vectors.tokens).toBeGreaterThan(0);
  });
});

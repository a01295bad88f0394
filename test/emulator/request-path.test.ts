/**
 * The request path, end to end: fixture projects are migrated to five providers and the demo app
 * to six with `apply --yes --include-review`, then executed under `verify` against the emulator.
 * Every request must carry the provider's path prefix, a Bearer key and the mapped model, and the
 * app must read the emulated answers. The AI SDK and LangChain projects run the same way in
 * frameworks.test.ts. The openai-SDK projects (demo app included) declare openai ^4 but execute
 * the openai installed in banjia's node_modules (see OPENAI_SDK below).
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { findProvider, mapModel } from '../../src/catalogue/index.js';
import { verify } from '../../src/commands/verify.js';
import { pathPrefix } from '../../src/emulator/server.js';
import { REPO, runCli } from '../helpers/cli.js';
import { cleanup, driverOutput, migratedCopy } from './project.js';
import { keptDimensions } from '../../src/sdks/shared/capability.js';

afterAll(cleanup);

const PROVIDERS = ['qwen', 'deepseek', 'zhipu', 'moonshot', 'doubao'];

/**
 * The openai package the fixtures execute: banjia's own node_modules (they are symlinked in), not
 * the `^4.104.0` their package.json declares. Their code is written to the v4 API, which this major
 * still serves; the test names say which major actually ran.
 */
const OPENAI_SDK = JSON.parse(readFileSync(path.join(REPO, 'node_modules', 'openai', 'package.json'), 'utf8')).version as string;

const mappedTo = (openaiModel: string, providerId: string) => mapModel(openaiModel, findProvider(providerId)!).target;

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
  it(`openai SDK client (v4-style code, run on openai ${OPENAI_SDK}): chat, streamed chat with usage, tool call`, async () => {
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
    const dir = migratedCopy('emulator/raw-fetch', providerId);
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

/**
 * The demo app is run by its own entry point (src/index.ts: streamed chat, tool loop, embeddings,
 * the Summarizer handed the shared client, moderation). No provider offers moderation, so apply
 * keeps the shared client on OpenAI for it and sends everything else through a second client:
 * verify must find every provider request valid and exactly the calls that stayed on OpenAI in
 * its trap, and so exit 1. Where the provider has no embeddings API (DeepSeek, Kimi, Doubao), the
 * embedding call stays on OpenAI too: the trap answers 403 and the app stops there.
 */
const DEMO_PROVIDERS = [
  { id: 'qwen', embeddings: true },
  { id: 'zhipu', embeddings: true },
  { id: 'siliconflow', embeddings: true },
  { id: 'deepseek', embeddings: false },
  { id: 'moonshot', embeddings: false },
  { id: 'doubao', embeddings: false },
];

describe.each(DEMO_PROVIDERS)('the demo app migrated to $id, run by its entry point', ({ id: providerId, embeddings }) => {
  it(`sends every call that can move to the emulator, valid, and only the rest to the OpenAI trap (openai ${OPENAI_SDK})`, async () => {
    const provider = findProvider(providerId)!;
    expect(provider.embeddingModels.length > 0).toBe(embeddings);
    const dir = migratedCopy('demo-app', providerId);
    // Apply says what stays on OpenAI, and why: the client kept for it.
    const scan = runCli(['--format', 'json', 'scan', dir, '--provider', providerId]);
    const kept = (JSON.parse(scan.stdout).findings as Array<{ ruleId: string; file: string; message: string }>).find((f) => f.ruleId === 'openai/client')!;
    expect(kept.file).toBe('src/lib/openai.ts');
    const staying = embeddings ? '(moderations.create)' : '(embeddings.create, moderations.create)';
    expect(kept.message).toBe(`OpenAI client kept on OpenAI: none of its calls can move to ${provider.name.en} ${staying}`);

    const result = await verify({ path: dir, provider: providerId, command: [process.execPath, 'src/index.js'], env: { PATH: process.env.PATH } });
    expect(result.exitCode).toBe(1);
    expect(result.passed).toBe(false);
    const prefix = pathPrefix(provider);
    const chat = mapModel('gpt-4o', provider).target;
    const fast = mapModel('gpt-4o-mini', provider).target;
    const sent = result.entries.filter((e) => e.server === 'emulator');
    expect(result.rejected).toEqual([]);
    for (const e of sent) {
      expect(e.path.startsWith(`${prefix}/`)).toBe(true);
      expect(e.auth).toBe('bearer');
      expect(e.verdict).toBe('ok');
    }
    const out = result.stdout;
    expect(out).toContain(`[emulated ${providerId}/${chat}] reply to: 你们周末发货吗？`);
    expect(out).toContain(`[emulated ${providerId}/${fast}] answer from the tool result`);
    // Streamed answer, then the tool loop: the first turn sends tools and gets a call, the second sends the tool result.
    const common = [
      ['chat', chat],
      ['chat', fast],
      ['chat', fast],
    ];
    expect(sent[0].fields).toEqual(expect.arrayContaining(['stream', 'temperature']));
    expect(sent[1].fields).toEqual(expect.arrayContaining(['tools', 'tool_choice']));
    if (embeddings) {
      const embedding = mapModel('text-embedding-3-small', provider).target;
      // The Summarizer, handed the shared client in index.ts, now gets the provider's client: JSON mode, SUMMARY_MODEL's default mapped.
      expect(sent.map((e) => [e.endpoint, e.model])).toEqual([...common, ['embeddings', embedding], ['chat', fast]]);
      expect(sent[4].fields).toEqual(expect.arrayContaining(['response_format']));
      const model = provider.embeddingModels.find((m) => m.id === embedding)!;
      // apply --include-review sends dimensions: 1536 (text-embedding-3-small's size) where the model offers it.
      expect(out).toContain(`${keptDimensions(model, 1536, false) ?? model.dimensions} dimensions`);
      expect(out).toMatch(new RegExp(`emulated: true,\\s+provider: '${providerId}',\\s+model: '${fast!.replace(/[.]/g, '\\.')}'`));
      expect(result.openaiAttempts.map((e) => [e.method, e.path, e.model, e.verdict])).toEqual([['POST', '/v1/moderations', 'omni-moderation-latest', 'trapped']]);
    } else {
      expect(sent.map((e) => [e.endpoint, e.model])).toEqual(common);
      // The embedding call kept on OpenAI reaches only the trap; its 403 ends the app before the Summarizer.
      expect(result.openaiAttempts.map((e) => [e.method, e.path, e.model, e.verdict])).toEqual([['POST', '/v1/embeddings', 'text-embedding-3-small', 'trapped']]);
    }
    expect(result.stderr).toContain('403 banjia verify caught this request: it was meant for OpenAI');
  });
});

describe.each(['qwen', 'zhipu', 'siliconflow'])('a client factory with JSON mode and embeddings, migrated to %s', (providerId) => {
  it(`sends the mapped chat and embedding models and reads JSON and vectors (openai ${OPENAI_SDK})`, async () => {
    const dir = migratedCopy('emulator/sdk-factory', providerId);
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

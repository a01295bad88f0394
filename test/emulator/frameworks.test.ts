/**
 * The request path through the AI SDK (ai 6, @ai-sdk/openai 3) and LangChain (@langchain/openai 1.5):
 * fixture projects migrated with `apply --yes --include-review`, then executed under `verify`
 * against the emulator. Chat, streamed chat and one embedding must reach the provider's path
 * prefix with a Bearer key and the mapped model, and the app must read the emulated answers.
 *
 * DeepSeek, Doubao and Moonshot have no counterpart for text-embedding-3-small: banjia reports the
 * embedding client as "cannot move" and leaves it on OpenAI (the embeddings live in their own module,
 * so the chat module still moves). There the chat requests are checked and the embedding must be
 * caught by the OpenAI trap, so `verify` fails on exactly that one request. On Moonshot the fixtures'
 * temperature 0.3, which Kimi K2.5+ rejects, is pinned to 1 by the review edit of the
 * `moonshot-temperature-pinned` rule in generateText({ temperature }) and new ChatOpenAI({ temperature })
 * alike; the emulator enforces that rule, so a chat request sent without the fix would be rejected.
 */
import { afterAll, describe, expect, it } from 'vitest';
import { findProvider, mapModel } from '../../src/catalogue/index.js';
import { verify } from '../../src/commands/verify.js';
import { pathPrefix } from '../../src/emulator/server.js';
import { cleanup, driverOutput, migratedCopy } from './project.js';

afterAll(cleanup);

const FRAMEWORKS = [
  { fixture: 'emulator/ai-sdk', name: 'AI SDK (generateText, streamText, embed)' },
  { fixture: 'emulator/langchain', name: 'LangChain (ChatOpenAI invoke + stream, OpenAIEmbeddings.embedQuery)' },
];
/** Providers that serve a counterpart for every call of the fixtures. */
const FULL = ['qwen', 'zhipu', 'siliconflow'];
/** Providers without an embeddings API: the chat moves, the embedding stays on OpenAI. */
const CHAT_ONLY = ['deepseek', 'doubao', 'moonshot'];

async function run(fixture: string, providerId: string) {
  const dir = migratedCopy(fixture, providerId);
  const provider = findProvider(providerId)!;
  const result = await verify({ path: dir, provider: providerId, command: [process.execPath, 'src/main.js'], env: { PATH: process.env.PATH } });
  expect(result.stderr).toBe('');
  const prefix = pathPrefix(provider);
  const chat = mapModel('gpt-4o-mini', provider).target!;
  expect(chat).toBeTruthy();
  const sent = result.entries.filter((e) => e.server === 'emulator');
  for (const e of sent) {
    expect(e.path.startsWith(`${prefix}/`)).toBe(true);
    expect(e.auth).toBe('bearer');
    expect(e.verdict).toBe('ok');
  }
  const chats = sent.filter((e) => e.endpoint === 'chat');
  // Chat completions, not the Responses API the AI SDK 6 default provider would use.
  expect(chats.map((e) => [e.path, e.model])).toEqual([
    [`${prefix}/chat/completions`, chat],
    [`${prefix}/chat/completions`, chat],
  ]);
  expect(chats[0].fields).toEqual(expect.arrayContaining(['model', 'messages']));
  expect(chats[0].stream).not.toBe(true);
  expect(chats[1].stream).toBe(true);
  const out = driverOutput(result.stdout);
  const said = (question: string) => `[emulated ${providerId}/${chat}] reply to: ${question}`;
  expect(out.ask.text ?? out.ask.content).toBe(said('Hello there'));
  expect(out.ask.tokens).toBeGreaterThan(0);
  expect(out.streamed.text).toBe(said('Tell me a story'));
  expect(out.streamed.parts ?? out.streamed.chunks).toBeGreaterThanOrEqual(3);
  return { result, provider, prefix, sent, out };
}

describe.each(FRAMEWORKS)('$name', ({ fixture }) => {
  it.each(FULL)('migrated to %s: chat, stream and embedding all reach the emulator', async (providerId) => {
    const { result, provider, prefix, sent, out } = await run(fixture, providerId);
    expect(result.openaiAttempts).toEqual([]);
    expect(result.passed).toBe(true);
    const embedding = mapModel('text-embedding-3-small', provider).target!;
    expect(embedding).toBeTruthy();
    expect(sent.map((e) => e.endpoint)).toEqual(['chat', 'chat', 'embeddings']);
    expect([sent[2].path, sent[2].model]).toEqual([`${prefix}/embeddings`, embedding]);
    expect(sent[2].fields).toEqual(expect.arrayContaining(['model', 'input']));
    const model = provider.embeddingModels.find((m) => m.id === embedding)!;
    expect(out.embed.size).toBe(typeof model.dimensions === 'number' ? model.dimensions : 1024);
  });

  it.each(CHAT_ONLY)('migrated to %s: chat and stream reach the emulator, the embedding stays on OpenAI', async (providerId) => {
    const { result, sent, out } = await run(fixture, providerId);
    expect(sent.map((e) => e.endpoint)).toEqual(['chat', 'chat']);
    expect(result.openaiAttempts).toHaveLength(1);
    expect(result.openaiAttempts[0].path).toMatch(/\/embeddings$/);
    expect(out.embed.error).toMatch(/meant for OpenAI/);
    expect(result.passed).toBe(false);
  });
});

/**
 * Deterministic answers in the OpenAI-compatible shape: the same request always gets the same
 * bytes (ids and `created` derive from a hash of the request), so tests can assert on them.
 */
import { createHash } from 'node:crypto';
import type { Provider } from '../catalogue/schema.js';
import type { CatalogueModel } from './rules.js';
import { effortIgnored, rulesFor, thinkingOn } from '../dialects/match.js';
import type { View } from '../dialects/types.js';

/** A fixed clock: 2026-01-01T00:00:00Z. */
export const EMULATED_CREATED = 1767225600;

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Body = any;

export function hashOf(value: unknown): string {
  return createHash('sha256').update(JSON.stringify(value) ?? '').digest('hex');
}

/** About four characters a token, at least one. */
export function countTokens(value: unknown): number {
  const text = typeof value === 'string' ? value : JSON.stringify(value ?? '');
  return Math.max(1, Math.ceil(text.length / 4));
}

function lastUserText(messages: Body[]): string {
  for (let i = messages.length - 1; i >= 0; i--) {
    const m = messages[i];
    if (m?.role !== 'user') continue;
    if (typeof m.content === 'string') return m.content;
    if (Array.isArray(m.content)) return m.content.map((p: Body) => (typeof p?.text === 'string' ? p.text : '')).join(' ');
  }
  return '';
}

/**
 * A JSON schema a message's text gives after "JSON schema:" (a prompt asking for that shape), or
 * undefined where none parses.
 */
function promptedSchema(messages: Body[]): Body | undefined {
  for (const m of messages) {
    const text = typeof m?.content === 'string' ? m.content : '';
    const at = text.search(/JSON schema:\s*\{/i);
    if (at < 0) continue;
    try {
      const schema = JSON.parse(text.slice(text.indexOf('{', at)));
      if (schema && typeof schema === 'object' && !Array.isArray(schema)) return schema;
    } catch {
      // not one JSON value to the end of the text: no schema
    }
  }
  return undefined;
}

/** A value that matches a JSON schema's shape (types only). */
export function sampleFromSchema(schema: Body, name = 'value'): unknown {
  if (!schema || typeof schema !== 'object') return 'emulated';
  if (Array.isArray(schema.enum) && schema.enum.length) return schema.enum[0];
  const type = Array.isArray(schema.type) ? schema.type[0] : schema.type;
  switch (type) {
    case 'object':
    case undefined: {
      if (!schema.properties && type === undefined) return 'emulated';
      const out: Record<string, unknown> = {};
      for (const [key, sub] of Object.entries(schema.properties ?? {})) out[key] = sampleFromSchema(sub, key);
      return out;
    }
    case 'array':
      return [sampleFromSchema(schema.items, name)];
    case 'string':
      return `emulated-${name}`;
    case 'integer':
    case 'number':
      return 1;
    case 'boolean':
      return true;
    case 'null':
      return null;
    default:
      return 'emulated';
  }
}

export interface ChatAnswer {
  content: string | null;
  reasoning?: string;
  toolCalls?: { id: string; type: 'function'; function: { name: string; arguments: string } }[];
  finishReason: 'stop' | 'tool_calls';
  /** The index every streamed tool-call delta carries where the model does not number them (GLM-4.5: -1). */
  streamToolIndex?: number;
  usage: {
    prompt_tokens: number;
    completion_tokens: number;
    total_tokens: number;
    completion_tokens_details?: { reasoning_tokens: number };
    prompt_cache_hit_tokens?: number;
    prompt_cache_miss_tokens?: number;
  };
  id: string;
}

/**
 * Whether the request makes the model think: thinking-only models always do; switchable ones as
 * the request says, else by the dialect rules' default for the model (DeepSeek V4 and Kimi K2.5+
 * think unless told not to), so that a tool loop which keeps reasoning_content has one to keep.
 */
export function thinks(provider: Provider, model: CatalogueModel | undefined, body: Body): boolean {
  if (provider.features.reasoningContent.support === 'no' || model?.kind !== 'chat') return false;
  if (model.thinking === 'always') return true;
  if (model.thinking !== 'optional') return false;
  const byDefault = rulesFor(provider.id, 'chat', model.id).some((rule) => rule.mode === 'thinking' && rule.thinkingByDefault === true);
  return thinkingOn(body as View, byDefault, effortIgnored(provider.id, model.id));
}

export function chatAnswer(provider: Provider, model: CatalogueModel | undefined, body: Body): ChatAnswer {
  const messages: Body[] = Array.isArray(body.messages) ? body.messages : [];
  const id = `chatcmpl-emu-${hashOf(body).slice(0, 16)}`;
  const question = lastUserText(messages).slice(0, 60);
  const tools: Body[] = Array.isArray(body.tools) ? body.tools.filter((t: Body) => t?.type === 'function' && t.function?.name) : [];
  const lastRole = messages[messages.length - 1]?.role;
  const choice = body.tool_choice;
  const named = choice && typeof choice === 'object' ? choice.function?.name : undefined;
  const callTool = tools.length > 0 && choice !== 'none' && lastRole !== 'tool';
  const reasoning = thinks(provider, model, body) ? `[emulated reasoning of ${body.model}]` : undefined;
  let content: string | null;
  let toolCalls: ChatAnswer['toolCalls'];
  if (callTool) {
    const tool = tools.find((t) => t.function.name === named) ?? tools[0];
    content = null;
    toolCalls = [{ id: `call_emu_${hashOf([body.model, tool.function.name]).slice(0, 12)}`, type: 'function', function: { name: tool.function.name, arguments: JSON.stringify(sampleFromSchema(tool.function.parameters ?? { type: 'object' })) } }];
  } else if (body.response_format?.type === 'json_schema') {
    content = JSON.stringify(sampleFromSchema(body.response_format.json_schema?.schema ?? { type: 'object' }));
  } else if (body.response_format?.type === 'json_object') {
    // A model that follows its prompt: a JSON schema written in a message (banjia's json_schema →
    // json_object move puts it there) shapes the object, else a fixed one.
    const prompted = promptedSchema(messages);
    content = JSON.stringify(prompted ? sampleFromSchema(prompted) : { emulated: true, provider: provider.id, model: body.model });
  } else {
    content = lastRole === 'tool' ? `[emulated ${provider.id}/${body.model}] answer from the tool result` : `[emulated ${provider.id}/${body.model}] reply to: ${question}`;
  }
  const prompt_tokens = countTokens(messages);
  const reasoningTokens = reasoning ? countTokens(reasoning) : 0;
  const completion_tokens = countTokens(content ?? JSON.stringify(toolCalls)) + reasoningTokens;
  return {
    id,
    content,
    ...(reasoning ? { reasoning } : {}),
    ...(toolCalls ? { toolCalls } : {}),
    finishReason: toolCalls ? 'tool_calls' : 'stop',
    // GLM-4.5 streams tool calls with index -1 (rule zhipu-stream-tool-call-index).
    ...(toolCalls && rulesFor(provider.id, 'chat', model?.id).some((rule) => 'toolCallIndexKeyed' in rule.when) ? { streamToolIndex: -1 } : {}),
    usage: {
      prompt_tokens,
      completion_tokens,
      total_tokens: prompt_tokens + completion_tokens,
      ...(reasoning ? { completion_tokens_details: { reasoning_tokens: reasoningTokens } } : {}),
      ...(ownCacheFields(provider, model) ? { prompt_cache_hit_tokens: 0, prompt_cache_miss_tokens: prompt_tokens } : {}),
    },
  };
}

/**
 * DeepSeek reports cache hits in its own usage fields and sends no prompt_tokens_details (rule
 * deepseek-cached-tokens): its answers carry those fields, every prompt token a miss (the emulator
 * keeps no cache), so code that reads only OpenAI's cached_tokens gets undefined, as on DeepSeek.
 */
function ownCacheFields(provider: Provider, model: CatalogueModel | undefined): boolean {
  return rulesFor(provider.id, 'chat', model?.id).some((rule) => 'cachedTokensRead' in rule.when);
}

export function chatCompletion(answer: ChatAnswer, model: string, n = 1) {
  const message = {
    role: 'assistant',
    content: answer.content,
    ...(answer.reasoning ? { reasoning_content: answer.reasoning } : {}),
    ...(answer.toolCalls ? { tool_calls: answer.toolCalls } : {}),
  };
  return {
    id: answer.id,
    object: 'chat.completion',
    created: EMULATED_CREATED,
    model,
    choices: Array.from({ length: Math.max(1, n) }, (_, index) => ({ index, message, finish_reason: answer.finishReason, logprobs: null })),
    usage: answer.usage,
  };
}

/** The SSE events of a streamed answer, keep-alive comment first, `[DONE]` last. */
export function chatStream(answer: ChatAnswer, model: string, includeUsage: boolean): string[] {
  const chunk = (delta: Body, finish: string | null = null) =>
    `data: ${JSON.stringify({ id: answer.id, object: 'chat.completion.chunk', created: EMULATED_CREATED, model, choices: [{ index: 0, delta, finish_reason: finish, logprobs: null }] })}\n\n`;
  const events = [': keep-alive\n\n', chunk({ role: 'assistant', content: '' })];
  if (answer.reasoning) events.push(chunk({ reasoning_content: answer.reasoning }));
  if (answer.content) for (const piece of splitText(answer.content)) events.push(chunk({ content: piece }));
  if (answer.toolCalls) {
    answer.toolCalls.forEach((call, position) => {
      const index = answer.streamToolIndex ?? position;
      events.push(chunk({ tool_calls: [{ index, id: call.id, type: 'function', function: { name: call.function.name, arguments: '' } }] }));
      events.push(chunk({ tool_calls: [{ index, function: { arguments: call.function.arguments } }] }));
    });
  }
  events.push(chunk({}, answer.finishReason));
  if (includeUsage) events.push(`data: ${JSON.stringify({ id: answer.id, object: 'chat.completion.chunk', created: EMULATED_CREATED, model, choices: [], usage: answer.usage })}\n\n`);
  events.push('data: [DONE]\n\n');
  return events;
}

/** Three pieces (fewer for short text), so a reader must join chunks. */
function splitText(text: string): string[] {
  const chars = [...text];
  const size = Math.max(1, Math.ceil(chars.length / 3));
  const out: string[] = [];
  for (let i = 0; i < chars.length; i += size) out.push(chars.slice(i, i + size).join(''));
  return out;
}

export function embeddings(model: CatalogueModel | undefined, body: Body) {
  const inputs: unknown[] = Array.isArray(body.input) ? body.input : [body.input];
  const size = typeof body.dimensions === 'number' ? body.dimensions : model?.kind === 'embedding' && typeof model.dimensions === 'number' ? model.dimensions : 1024;
  const data = inputs.map((input, index) => {
    const seed = hashOf(input);
    const embedding = Array.from({ length: size }, (_, i) => (parseInt(seed.slice((i * 2) % 62, ((i * 2) % 62) + 2), 16) - 128) / 128);
    // The openai SDK asks for base64 unless told otherwise (little-endian float32, as OpenAI sends).
    return { object: 'embedding', index, embedding: body.encoding_format === 'base64' ? Buffer.from(new Float32Array(embedding).buffer).toString('base64') : embedding };
  });
  const prompt_tokens = inputs.reduce<number>((sum, input) => sum + countTokens(input), 0);
  return { object: 'list', data, model: body.model, usage: { prompt_tokens, total_tokens: prompt_tokens } };
}

export function responsesAnswer(provider: Provider, model: CatalogueModel | undefined, body: Body) {
  const input = typeof body.input === 'string' ? body.input : JSON.stringify(body.input ?? '');
  const text = `[emulated ${provider.id}/${body.model}] reply to: ${input.slice(0, 60)}`;
  const input_tokens = countTokens(body.input);
  const output_tokens = countTokens(text);
  void model;
  return {
    id: `resp_emu_${hashOf(body).slice(0, 16)}`,
    object: 'response',
    created_at: EMULATED_CREATED,
    status: 'completed',
    model: body.model,
    output: [{ type: 'message', id: `msg_emu_${hashOf(text).slice(0, 12)}`, status: 'completed', role: 'assistant', content: [{ type: 'output_text', text, annotations: [] }] }],
    output_text: text,
    usage: { input_tokens, output_tokens, total_tokens: input_tokens + output_tokens },
  };
}

/** `/models`: the catalogue's ids that still answer. */
export function modelList(provider: Provider, hidden: string[] = []) {
  const ids = [...provider.chatModels, ...provider.embeddingModels].filter((m) => m.status !== 'retired' && !hidden.includes(m.id)).map((m) => m.id);
  return { object: 'list', data: ids.map((id) => ({ id, object: 'model', created: EMULATED_CREATED, owned_by: provider.id })) };
}

/** The error body: the OpenAI-compatible `{error: {message, type, code, param}}` the providers' compatible modes return. */
export function errorBody(message: string, code: string, param?: string, type = code === 'invalid_api_key' ? 'authentication_error' : 'invalid_request_error') {
  return { error: { message, type, code, param: param ?? null } };
}

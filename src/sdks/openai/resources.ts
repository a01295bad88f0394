/**
 * The `openai` client's resource tree (openai-node v4 → v7, see openai-sdk.md §6) as data: which
 * member path is which API, and how it is reported. Paths are written from the client, e.g.
 * `chat.completions.create`.
 */
import type { ApiFamily } from '../../core/types.js';

export interface ResourceRule {
  /** Member path without the method; `*` matches any one segment. */
  prefix: string[];
  /** Methods covered; undefined = any method. */
  methods?: string[];
  family: ApiFamily;
  ruleId: string;
  /** A chat call's flavour, for the capability lint. */
  flavour?: 'create' | 'stream' | 'parse' | 'runTools' | 'stored';
}

const CHAT_HELPERS: ResourceRule[] = [
  { prefix: ['chat', 'completions'], methods: ['create'], family: 'chat', ruleId: 'openai/chatCompletion', flavour: 'create' },
  { prefix: ['chat', 'completions'], methods: ['stream'], family: 'chat', ruleId: 'openai/chatCompletionStream', flavour: 'stream' },
  { prefix: ['chat', 'completions'], methods: ['parse'], family: 'chat', ruleId: 'openai/chatCompletionParse', flavour: 'parse' },
  { prefix: ['chat', 'completions'], methods: ['runTools', 'runFunctions'], family: 'chat', ruleId: 'openai/chatCompletionRunTools', flavour: 'runTools' },
  { prefix: ['chat', 'completions'], methods: ['retrieve', 'update', 'list', 'delete', 'del'], family: 'chat', ruleId: 'openai/storedCompletion', flavour: 'stored' },
  { prefix: ['chat', 'completions', 'messages'], family: 'chat', ruleId: 'openai/storedCompletion', flavour: 'stored' },
];

export const RESOURCE_RULES: ResourceRule[] = [
  ...CHAT_HELPERS,
  // v4 had the helpers under beta.chat (removed in v5).
  ...CHAT_HELPERS.filter((r) => r.flavour !== 'stored').map((r) => ({ ...r, prefix: ['beta', ...r.prefix] })),
  { prefix: ['completions'], methods: ['create'], family: 'completions', ruleId: 'openai/legacyCompletion' },
  { prefix: ['embeddings'], methods: ['create'], family: 'embeddings', ruleId: 'openai/embedding' },
  { prefix: ['images'], family: 'images', ruleId: 'openai/image' },
  { prefix: ['audio', '*'], family: 'audio', ruleId: 'openai/audio' },
  { prefix: ['moderations'], family: 'moderations', ruleId: 'openai/moderation' },
  { prefix: ['models'], family: 'models', ruleId: 'openai/models' },
  { prefix: ['files'], family: 'files', ruleId: 'openai/files' },
  { prefix: ['uploads'], family: 'files', ruleId: 'openai/files' },
  { prefix: ['uploads', 'parts'], family: 'files', ruleId: 'openai/files' },
  { prefix: ['batches'], family: 'batches', ruleId: 'openai/batches' },
  { prefix: ['fineTuning', '*'], family: 'fine_tuning', ruleId: 'openai/fineTuning' },
  { prefix: ['fineTuning', '*', '*'], family: 'fine_tuning', ruleId: 'openai/fineTuning' },
  { prefix: ['fineTunes'], family: 'fine_tuning', ruleId: 'openai/fineTuning' },
  { prefix: ['vectorStores'], family: 'vector_stores', ruleId: 'openai/vectorStores' },
  { prefix: ['vectorStores', '*'], family: 'vector_stores', ruleId: 'openai/vectorStores' },
  { prefix: ['beta', 'vectorStores'], family: 'vector_stores', ruleId: 'openai/vectorStores' },
  { prefix: ['beta', 'vectorStores', '*'], family: 'vector_stores', ruleId: 'openai/vectorStores' },
  { prefix: ['beta', 'assistants'], family: 'assistants', ruleId: 'openai/assistants' },
  { prefix: ['beta', 'threads'], family: 'assistants', ruleId: 'openai/assistants' },
  { prefix: ['beta', 'threads', '*'], family: 'assistants', ruleId: 'openai/assistants' },
  { prefix: ['beta', 'threads', '*', '*'], family: 'assistants', ruleId: 'openai/assistants' },
  { prefix: ['realtime', '*'], family: 'realtime', ruleId: 'openai/realtime' },
  { prefix: ['realtime', '*', '*'], family: 'realtime', ruleId: 'openai/realtime' },
  { prefix: ['beta', 'realtime', '*'], family: 'realtime', ruleId: 'openai/realtime' },
  { prefix: ['responses'], family: 'responses', ruleId: 'openai/responses' },
  { prefix: ['responses', '*'], family: 'responses', ruleId: 'openai/responses' },
  { prefix: ['beta', 'responses'], family: 'responses', ruleId: 'openai/responses' },
  ...['conversations', 'evals', 'containers', 'videos', 'webhooks', 'skills', 'admin', 'live', 'decisions', 'safety', 'contentProvenanceChecks', 'edits'].flatMap(
    (name): ResourceRule[] => [
      { prefix: [name], family: 'other', ruleId: 'openai/openaiOnlyApi' },
      { prefix: [name, '*'], family: 'other', ruleId: 'openai/openaiOnlyApi' },
      { prefix: [name, '*', '*'], family: 'other', ruleId: 'openai/openaiOnlyApi' },
    ],
  ),
  { prefix: ['beta', 'chatkit', '*'], family: 'other', ruleId: 'openai/openaiOnlyApi' },
  { prefix: ['beta', 'agents'], family: 'other', ruleId: 'openai/openaiOnlyApi' },
  { prefix: ['beta', 'agents', '*'], family: 'other', ruleId: 'openai/openaiOnlyApi' },
];

/** Every method name of the tree: a cheap filter before a call's receiver is evaluated. */
export const METHOD_NAMES = new Set([
  'create', 'stream', 'parse', 'runTools', 'runFunctions', 'retrieve', 'update', 'list', 'delete', 'del', 'cancel',
  'generate', 'edit', 'createVariation', 'content', 'retrieveContent', 'waitForProcessing', 'upload', 'uploadAndPoll',
  'createAndPoll', 'poll', 'createAndStream', 'createAndRun', 'createAndRunPoll', 'createAndRunStream',
  'submitToolOutputs', 'submitToolOutputsAndPoll', 'submitToolOutputsStream', 'search', 'complete', 'listEvents',
  'pause', 'resume', 'compact', 'count', 'listFiles', 'accept', 'hangup', 'refer', 'reject', 'unwrap', 'verifySignature',
  'remix', 'downloadContent', 'run', 'validate',
]);

/** A client method that returns the client itself (v5+ `withOptions`). */
const TRANSPARENT = new Set(['withOptions()']);

export function normalizeClientPath(path: readonly string[]): string[] {
  return path.filter((segment) => !TRANSPARENT.has(segment));
}

function matches(prefix: readonly string[], path: readonly string[]): boolean {
  return prefix.length === path.length && prefix.every((segment, i) => segment === '*' || segment === path[i]);
}

/** The rule for a call `client.<path>.<method>(...)`; path excludes the method. */
export function findResource(path: readonly string[], method: string): ResourceRule | undefined {
  let best: ResourceRule | undefined;
  for (const rule of RESOURCE_RULES) {
    if (!matches(rule.prefix, path)) continue;
    if (rule.methods && !rule.methods.includes(method)) continue;
    // Exact segments beat wildcards; explicit method lists beat catch-alls.
    if (!best || score(rule) > score(best)) best = rule;
  }
  return best;
}

function score(rule: ResourceRule): number {
  return rule.prefix.filter((s) => s !== '*').length * 10 + (rule.methods ? 1 : 0);
}

/** Chains that only the OpenAI SDK has: worth asking the type checker about an unbound receiver. */
export function isDistinctiveChain(path: readonly string[], method: string): boolean {
  const joined = [...path, method].join('.');
  return /(^|\.)chat\.completions\.(create|stream|parse|runTools)$|(^|\.)embeddings\.create$|(^|\.)images\.(generate|edit)$|(^|\.)audio\.(transcriptions|translations|speech)\.create$|(^|\.)responses\.(create|stream|parse)$|(^|\.)moderations\.create$|(^|\.)beta\.(assistants|threads)\./.test(
    joined,
  );
}

/**
 * SDK module `vercel-ai`: the Vercel AI SDK with OpenAI models — `@ai-sdk/openai` (the default
 * `openai` instance, `createOpenAI`, model factories, built-in tools), `@ai-sdk/azure` (reported),
 * the `ai` helpers fed by those models (`generateText`, `streamText`, `generateObject`,
 * `streamObject`, `embed`, `embedMany`, `generateImage`, `transcribe`, …) and the old
 * `OpenAIStream` / `StreamingTextResponse`. Rewrites the provider to `createOpenAI({ baseURL, apiKey })`,
 * direct calls to `.chat()` from @ai-sdk/openai 2.0 on, and model ids.
 * Upstream: https://ai-sdk.dev/providers/ai-sdk-providers/openai, https://github.com/vercel/ai
 */
import { MARKERS } from '../markers.js';
import type { SdkModule } from '../types.js';
import { detectVercelAi, SDK, type VercelDetection } from './detect.js';
import { planVercelAi } from './rewrite.js';

export const vercelAiSdk: SdkModule = {
  id: SDK,
  title: 'Vercel AI SDK (@ai-sdk/openai, @ai-sdk/azure, ai helpers)',
  docs: 'https://ai-sdk.dev/providers/ai-sdk-providers/openai',
  markers: MARKERS['vercel-ai'],
  detect: (unit, context) => detectVercelAi(unit, context),
  plan: (detection, context) => planVercelAi(detection as VercelDetection, context),
};

/**
 * SDK module `openai-v3`: the legacy v3 API — `Configuration` + `OpenAIApi` from `openai` 3.x
 * (axios) and from `openai-edge` (Vercel-era fetch clone) — its method calls (`createChatCompletion`,
 * `createCompletion`, `createEmbedding`, `createImage`, `createTranscription`, files, fine-tunes,
 * models, …) and their model ids. Moves it by pointing `basePath` at the provider; offers the v4
 * upgrade as a review fix for the common shape; flags axios response and error shapes.
 * Upstream: https://github.com/openai/openai-node/tree/v3.3.0, https://github.com/dan-kwiat/openai-edge
 */
import { MARKERS } from '../markers.js';
import type { SdkModule } from '../types.js';
import { detectV3, finishV3, SDK, type V3Detection } from './detect.js';
import { planV3 } from './rewrite.js';

export const openaiV3Sdk: SdkModule = {
  id: SDK,
  title: 'OpenAI v3 API (openai 3.x Configuration/OpenAIApi, openai-edge)',
  docs: 'https://github.com/openai/openai-node/tree/v3.3.0',
  markers: MARKERS['openai-v3'],
  detect: (unit, context) => detectV3(unit, context),
  finish: (context) => finishV3(context),
  plan: (detection, context) => planV3(detection as V3Detection, context),
};

/**
 * SDK module `openai`: the official OpenAI Node/TypeScript SDK, v4 to v7 (`new OpenAI()`).
 * Detects imports, clients, every resource call reached through a client and the model ids that
 * feed them; rewrites client options and model ids for the target provider.
 * Upstream: https://github.com/openai/openai-node (api.md lists the resource tree).
 */
import type { SdkModule } from '../types.js';
import { MARKERS } from '../markers.js';
import { detectOpenAi, callDetections, SDK, type OpenAiDetection } from './detect.js';
import { planOpenAi } from './rewrite.js';
import { findResource } from './resources.js';
import { factoryUses } from './factories.js';
import { bindHanded } from './handed.js';

export const openaiSdk: SdkModule = {
  id: SDK,
  title: 'OpenAI Node SDK (openai v4–v7)',
  docs: 'https://github.com/openai/openai-node',
  markers: MARKERS.openai,
  detect: (unit, context) => detectOpenAi(unit, context),
  detectTyped: (request, context) => {
    const path = [...request.path];
    const method = path.pop()!;
    const rule = findResource(path, method);
    return rule ? callDetections(context, request.unit, request.call, path, method, rule, undefined, true) : [];
  },
  finish: (context) => {
    bindHanded(context, (unit, call, path, method, rule, client) => callDetections(context, unit, call, path, method, rule, client, false));
    return factoryUses(context);
  },
  plan: (detection, context) => planOpenAi(detection as OpenAiDetection, context),
};

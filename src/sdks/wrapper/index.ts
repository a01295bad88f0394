/**
 * SDK module `wrapper`: third-party packages built on OpenAI's API — `chatgpt` (ChatGPTAPI,
 * ChatGPTUnofficialProxyAPI), LlamaIndex's OpenAI classes (`llamaindex`, `@llamaindex/openai`),
 * the retired `@azure/openai` 1.0 beta client and the community `openai-api` package. Reports the
 * options that set their endpoint and model; rewrites ChatGPTAPI's options where that is safe.
 * Upstream: https://www.npmjs.com/package/chatgpt, https://developers.llamaindex.ai/typescript,
 * https://github.com/Azure/azure-sdk-for-js/tree/main/sdk/openai/openai, https://www.npmjs.com/package/openai-api
 */
import { MARKERS } from '../markers.js';
import type { SdkModule } from '../types.js';
import { detectWrapper, SDK, type WrapperDetection } from './detect.js';
import { planWrapper } from './rewrite.js';

export const wrapperSdk: SdkModule = {
  id: SDK,
  title: 'Third-party wrappers (chatgpt, llamaindex, @azure/openai, openai-api)',
  docs: 'https://www.npmjs.com/package/chatgpt',
  markers: MARKERS.wrapper,
  detect: (unit, context) => detectWrapper(unit, context),
  plan: (detection, context) => planWrapper(detection as WrapperDetection, context),
};

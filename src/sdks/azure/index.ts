/**
 * SDK module `azure`: Azure OpenAI through the official `openai` package — `AzureOpenAI` (v4.41+)
 * and `OpenAI` clients pointed at `*.openai.azure.com` with `api-version` — their calls and the
 * deployment names used as models. Rewrites them into plain OpenAI clients for the provider.
 * Upstream: https://github.com/openai/openai-node/blob/master/src/azure.ts,
 * https://learn.microsoft.com/azure/ai-services/openai/
 */
import { MARKERS } from '../markers.js';
import type { SdkModule } from '../types.js';
import { detectAzure, SDK, type AzureDetection } from './detect.js';
import { planAzure } from './rewrite.js';

export const azureSdk: SdkModule = {
  id: SDK,
  title: 'Azure OpenAI (openai package: AzureOpenAI, Azure baseURL)',
  docs: 'https://learn.microsoft.com/azure/ai-services/openai/',
  markers: MARKERS.azure,
  detect: (unit, context) => detectAzure(unit, context),
  plan: (detection, context) => planAzure(detection as AzureDetection, context),
};

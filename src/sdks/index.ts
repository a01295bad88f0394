/**
 * The registry of SDK modules, sorted by id. One folder per SDK style under src/sdks/<id>/, each
 * with detect, rewrite and messages; module id = folder = fixture folder = test file.
 */
import { azureSdk } from './azure/index.js';
import { envSdk } from './env/index.js';
import { httpSdk } from './http/index.js';
import { langchainSdk } from './langchain/index.js';
import { openaiSdk } from './openai/index.js';
import { openaiV3Sdk } from './openai-v3/index.js';
import type { SdkModule } from './types.js';
import { vercelAiSdk } from './vercel-ai/index.js';
import { wrapperSdk } from './wrapper/index.js';

export const SDK_MODULES: readonly SdkModule[] = [azureSdk, envSdk, httpSdk, langchainSdk, openaiSdk, openaiV3Sdk, vercelAiSdk, wrapperSdk];

export function findSdk(id: string): SdkModule | undefined {
  return SDK_MODULES.find((m) => m.id === id);
}

/**
 * The registry of SDK modules, sorted by id. One folder per SDK style under src/sdks/<id>/, each
 * with detect, rewrite and messages; module id = folder = fixture folder = test file.
 */
import { azureSdk } from './azure/index.js';
import { envSdk } from './env/index.js';
import { openaiSdk } from './openai/index.js';
import type { SdkModule } from './types.js';

export const SDK_MODULES: readonly SdkModule[] = [azureSdk, envSdk, openaiSdk];

export function findSdk(id: string): SdkModule | undefined {
  return SDK_MODULES.find((m) => m.id === id);
}

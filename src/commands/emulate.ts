/** `migrate emulate --provider <id> [--port N] [--record FILE]`: the provider emulator, until stopped. */
import { UsageError } from '../core/errors.js';
import { startEmulator, type RunningServer } from '../emulator/server.js';
import { resolveProvider } from './verify.js';

export interface EmulateOptions {
  provider?: string;
  region?: string;
  port?: string | number;
  record?: string;
  /** Accept only this key instead of any Bearer token. */
  apiKey?: string;
}

export async function emulate(options: EmulateOptions): Promise<RunningServer & { provider: ReturnType<typeof resolveProvider> }> {
  const provider = resolveProvider(options.provider);
  if (options.region && !provider.regions.some((r) => r.id === options.region)) {
    throw new UsageError(`unknown region '${options.region}' for ${provider.id}`, `one of: ${provider.regions.map((r) => r.id).join(', ')}`).inChinese(`${provider.id} 没有区域 '${options.region}'`, `可选：${provider.regions.map((r) => r.id).join(', ')}`);
  }
  const port = options.port === undefined ? 0 : Number(options.port);
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new UsageError(`--port must be 0..65535, got ${options.port}`).inChinese(`--port 必须在 0..65535 之间，实际为 ${options.port}`);
  try {
    const server = await startEmulator({ provider, region: options.region, port, record: options.record, apiKey: options.apiKey });
    return { ...server, provider };
  } catch (error) {
    throw new UsageError(`cannot listen on 127.0.0.1:${port}: ${(error as Error).message}`).inChinese(`无法在 127.0.0.1:${port} 上监听：${(error as Error).message}`);
  }
}

/** Turns --provider/--region/--model-map into the Target a plan is made for. */
import { findProvider, providerIds, defaultRegion } from '../catalogue/index.js';
import { UsageError } from '../core/errors.js';
import type { Target } from '../sdks/types.js';

export interface TargetOptions {
  provider: string;
  region?: string;
  /** OpenAI id → provider id, already merged from the config file and --model-map. */
  modelOverrides?: Record<string, string>;
}

/** `gpt-4o=qwen-max,gpt-4o-mini=qwen-plus` (repeatable) → a map. */
export function parseModelMap(entries: string[] = []): Record<string, string> {
  const map: Record<string, string> = {};
  for (const entry of entries.flatMap((e) => e.split(','))) {
    const trimmed = entry.trim();
    if (!trimmed) continue;
    const match = /^([^=\s]+)\s*=\s*([^=\s]+)$/.exec(trimmed);
    if (!match) throw new UsageError(`--model-map expects openai-id=provider-id, got '${trimmed}'`).inChinese(`--model-map 的格式应为 openai-id=provider-id，实际为 '${trimmed}'`);
    map[match[1]] = match[2];
  }
  return map;
}

export function resolveTarget(options: TargetOptions): Target {
  const provider = findProvider(options.provider);
  if (!provider && options.provider === 'custom') {
    throw new UsageError('the custom provider needs --base-url <url> and --api-key-env <NAME> (or `custom` in the config file)').inChinese(
      '自定义服务商需要 --base-url <地址> 和 --api-key-env <变量名>（或在配置文件中设置 custom）',
    );
  }
  if (!provider) {
    throw new UsageError(`unknown provider '${options.provider}'`, `known providers: ${providerIds().join(', ')}, custom`).inChinese(
      `未知的服务商 '${options.provider}'`,
      `已知服务商：${providerIds().join('、')}、custom`,
    );
  }
  const region = options.region ? provider.regions.find((r) => r.id === options.region) : defaultRegion(provider);
  if (!region) {
    throw new UsageError(`provider '${provider.id}' has no region '${options.region}'`, `regions: ${provider.regions.map((r) => r.id).join(', ')}`).inChinese(
      `服务商 '${provider.id}' 没有区域 '${options.region}'`,
      `可用区域：${provider.regions.map((r) => r.id).join('、')}`,
    );
  }
  return { provider, regionId: region.id, baseURL: region.baseURL, modelOverrides: options.modelOverrides ?? {} };
}

/** Text and JSON views of the provider catalogue (`migrate providers`). */
import { Chalk } from 'chalk';
import { OPENAI_TIERS, type Price, type Provider } from '../catalogue/schema.js';
import type { Lang } from '../core/text.js';
import { VERSION } from '../version.js';
import { SCHEMA_VERSION } from './json.js';
import { formatMoney } from './format.js';

function defaultBase(provider: Provider): string {
  return (provider.regions.find((r) => r.default) ?? provider.regions[0]).baseURL;
}

function priceText(price: Price): string {
  if (price.unlisted) return 'no per-token list price';
  const cached = price.cachedInput === null ? '' : ` (cached ${formatMoney(price.cachedInput, price.currency)})`;
  const extras = [price.tiers ? 'length tiers' : '', price.timeOfDay ? 'peak ×' + (price.timeOfDay.peak.input / (price.input || 1)).toFixed(0) : '', price.thinkingOutput !== undefined ? `thinking out ${formatMoney(price.thinkingOutput, price.currency)}` : '']
    .filter(Boolean)
    .join(', ');
  return `${formatMoney(price.input, price.currency)} in${cached} / ${formatMoney(price.output, price.currency)} out${extras ? `; ${extras}` : ''}`;
}

export function renderProviderList(list: Provider[], options: { color: boolean; lang: Lang }): string {
  const chalk = new Chalk({ level: options.color ? 1 : 0 });
  const rows = list.map((p) => [p.id, options.lang === 'zh' ? p.name.zh : p.name.en, defaultBase(p), p.apiKeyEnv, `${p.chatModels.length} chat, ${p.embeddingModels.length} embedding`]);
  const header = options.lang === 'zh' ? ['id', '服务商', '默认接口', '密钥变量', '模型'] : ['id', 'provider', 'default endpoint', 'key env var', 'models'];
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i].length)));
  const line = (cells: string[]) => cells.map((c, i) => c.padEnd(widths[i])).join('  ').trimEnd();
  const custom = list.some((p) => p.id === 'custom')
    ? ''
    : `${'custom'.padEnd(widths[0])}  ${options.lang === 'zh' ? '任意 OpenAI 兼容接口：--provider custom --base-url <url> --api-key-env <变量名>' : 'any OpenAI-compatible endpoint: --provider custom --base-url <url> --api-key-env <NAME>'}\n`;
  return `${chalk.bold(line(header))}\n${rows.map(line).join('\n')}\n${custom}\n${options.lang === 'zh' ? '详情：migrate providers <id>' : 'Details: migrate providers <id>'}\n`;
}

/** `migrate providers custom` when no custom endpoint is configured: how to use one. */
export function renderCustomHelp(lang: Lang): string {
  if (lang === 'zh') {
    return [
      'custom · 任意 OpenAI 兼容接口（vLLM、Ollama、one-api / new-api、LiteLLM 代理）',
      '',
      '  npx migrate apply <路径> --provider custom --base-url http://localhost:8000/v1 --api-key-env VLLM_API_KEY',
      '  或在 migrate.config.json 中：{ "custom": { "baseURL": "…", "apiKeyEnv": "…", "name": "vLLM", "modelMap": { "gpt-4o": "Qwen/Qwen3-8B" } } }',
      '',
      '  功能支持未知：超出普通对话的功能都标为需复核；模型名保持不变，除非 --model-map 或配置映射了它们。',
      '',
    ].join('\n');
  }
  return [
    'custom · any OpenAI-compatible endpoint (vLLM, Ollama, one-api / new-api, LiteLLM proxy)',
    '',
    '  npx migrate apply <path> --provider custom --base-url http://localhost:8000/v1 --api-key-env VLLM_API_KEY',
    '  or in migrate.config.json: { "custom": { "baseURL": "…", "apiKeyEnv": "…", "name": "vLLM", "modelMap": { "gpt-4o": "Qwen/Qwen3-8B" } } }',
    '',
    '  Feature support is unknown: every feature beyond plain chat is flagged for review; model ids are kept unless --model-map or the config maps them.',
    '',
  ].join('\n');
}

export function renderProviderDetail(provider: Provider, options: { color: boolean; lang: Lang }): string {
  const chalk = new Chalk({ level: options.color ? 1 : 0 });
  const out: string[] = [];
  out.push(chalk.bold(`${provider.name.en} · ${provider.name.zh} (${provider.id})`), `${provider.website}  — checked on ${provider.checkedOn}`, '');
  out.push(chalk.bold('Endpoints'));
  for (const region of provider.regions) out.push(`  ${region.id.padEnd(6)} ${region.baseURL}${region.default ? '  (default)' : ''}  ${chalk.dim(region.source)}`);
  out.push(`  key: ${provider.apiKeyEnv}${provider.apiKeyEnvNote ? chalk.dim(` — ${provider.apiKeyEnvNote}`) : ''}; base URL override: ${provider.baseUrlEnv}`);
  out.push(`  docs: ${provider.docs.openaiCompatibility}  pricing: ${provider.docs.pricing}`, '');
  out.push(chalk.bold('OpenAI → this provider, by rule for a 128K-context model (each id is mapped with its own window)'));
  for (const tier of OPENAI_TIERS) out.push(`  ${tier.padEnd(17)} ${provider.modelMap[tier]}`);
  for (const [id, target] of Object.entries(provider.modelOverrides)) out.push(`  ${id.padEnd(17)} ${target}  (exception)`);
  out.push('', chalk.bold('Chat models (per 1M tokens)'));
  for (const model of provider.chatModels) {
    const ctx = model.contextWindow === 'unknown' ? 'ctx ?' : `ctx ${model.contextWindow.toLocaleString('en-US')}`;
    const out_ = model.maxOutput === 'unknown' ? '' : ` out ${model.maxOutput.toLocaleString('en-US')}`;
    const life = model.status === 'active' ? '' : chalk.yellow(`  ${model.deprecated ?? model.status}`);
    out.push(`  ${model.id.padEnd(30)} ${model.tier.padEnd(9)} ${(ctx + out_).padEnd(26)} ${priceText(model.price)}  ${chalk.dim(`checked ${model.price.checkedOn} ${model.price.source}`)}${life}`);
  }
  if (provider.embeddingModels.length) {
    out.push('', chalk.bold('Embedding models'));
    for (const model of provider.embeddingModels) {
      const dims = `${model.dimensions} dims${model.dimensionOptions ? ` (${model.dimensionOptions.join('/')})` : ''}, dimensions param ${model.dimensionsParam}, batch ≤ ${model.maxBatch}`;
      out.push(`  ${model.id.padEnd(30)} ${dims}; ${priceText(model.price)}  ${chalk.dim(`${model.price.asOf} ${model.price.source}`)}`);
    }
  }
  out.push('', chalk.bold('Features'));
  for (const [id, flag] of Object.entries(provider.features)) {
    const color = flag.support === 'yes' ? chalk.green : flag.support === 'no' ? chalk.red : flag.support === 'partial' ? chalk.yellow : chalk.dim;
    const range = flag.min !== undefined || flag.max !== undefined ? ` [${flag.min ?? '…'}, ${flag.max ?? '…'}]` : '';
    const values = flag.values ? ` (${flag.values.join(', ')})` : '';
    out.push(`  ${id.padEnd(20)} ${color(flag.support.padEnd(8))}${values}${range}${flag.note ? ` ${flag.note}` : ''}${flag.source ? chalk.dim(` ${flag.source}`) : ''}`);
  }
  if (provider.quirks.length) {
    out.push('', chalk.bold('Quirks'));
    for (const quirk of provider.quirks) out.push(`  - ${quirk.message}${quirk.source ? chalk.dim(` ${quirk.source}`) : ''}`);
  }
  return `${out.join('\n')}\n`;
}

export function renderProvidersJson(list: Provider[], single: boolean): string {
  const document = single
    ? { schemaVersion: SCHEMA_VERSION, tool: { name: 'banjia', version: VERSION }, provider: list[0] }
    : { schemaVersion: SCHEMA_VERSION, tool: { name: 'banjia', version: VERSION }, providers: list };
  return `${JSON.stringify(document, null, 2)}\n`;
}

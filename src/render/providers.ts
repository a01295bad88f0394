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

/** Every label of the detail view, per language; model ids, URLs and env names stay as they are. */
const DETAIL = {
  en: {
    checkedOn: (day: string) => `checked on ${day}`,
    endpoints: 'Endpoints',
    default: '(default)',
    key: (env: string) => `key: ${env}`,
    baseOverride: (env: string) => `base URL override: ${env}`,
    docs: 'docs',
    pricing: 'pricing',
    mapping: 'OpenAI → this provider, by rule for a 128K-context model (each id is mapped with its own window)',
    exception: '(exception)',
    chat: 'Chat models (per 1M tokens)',
    embedding: 'Embedding models',
    features: 'Features',
    quirks: 'Quirks',
    notesQuoted: '',
    ctx: 'ctx',
    out: 'out',
    checked: 'checked',
    status: { deprecated: 'deprecated', retired: 'retired' } as Record<string, string>,
    support: { yes: 'yes', no: 'no', partial: 'partial', unknown: 'unknown' } as Record<string, string>,
    dims: (dims: number | string, options: string, param: string, batch: number | string) => `${dims} dims${options}, dimensions param ${param}, batch ≤ ${batch}`,
    price: { unlisted: 'no per-token list price', in: 'in', out: 'out', cached: 'cached', tiers: 'length tiers', peak: 'peak', thinkingOut: 'thinking out' },
  },
  zh: {
    checkedOn: (day: string) => `核对于 ${day}`,
    endpoints: '接口',
    default: '（默认）',
    key: (env: string) => `密钥变量：${env}`,
    baseOverride: (env: string) => `覆盖接口地址：${env}`,
    docs: '文档',
    pricing: '价格',
    mapping: 'OpenAI → 此服务商，按 128K 上下文模型的规则映射（每个模型 id 按其自身的上下文窗口映射）',
    exception: '（例外）',
    chat: '对话模型（每百万 token）',
    embedding: '向量模型',
    features: '功能',
    quirks: '注意事项',
    notesQuoted: '（说明文字摘自英文来源，保留原文）',
    ctx: '上下文',
    out: '输出',
    checked: '核对于',
    status: { deprecated: '已弃用', retired: '已下线' } as Record<string, string>,
    support: { yes: '支持', no: '不支持', partial: '部分', unknown: '未知' } as Record<string, string>,
    dims: (dims: number | string, options: string, param: string, batch: number | string) => `${dims} 维${options}，dimensions 参数 ${param}，每批 ≤ ${batch}`,
    price: { unlisted: '无按 token 计的公开价格', in: '输入', out: '输出', cached: '缓存', tiers: '按长度分档', peak: '高峰', thinkingOut: '思考输出' },
  },
} as const;

function priceText(price: Price, lang: Lang = 'en'): string {
  const L = DETAIL[lang].price;
  if (price.unlisted) return L.unlisted;
  const cached = price.cachedInput === null ? '' : ` (${L.cached} ${formatMoney(price.cachedInput, price.currency)})`;
  const extras = [price.tiers ? L.tiers : '', price.timeOfDay ? `${L.peak} ×` + (price.timeOfDay.peak.input / (price.input || 1)).toFixed(0) : '', price.thinkingOutput !== undefined ? `${L.thinkingOut} ${formatMoney(price.thinkingOutput, price.currency)}` : '']
    .filter(Boolean)
    .join(', ');
  return `${formatMoney(price.input, price.currency)} ${L.in}${cached} / ${formatMoney(price.output, price.currency)} ${L.out}${extras ? `; ${extras}` : ''}`;
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
  return `${chalk.bold(line(header))}\n${rows.map(line).join('\n')}\n${custom}\n${options.lang === 'zh' ? '详情：npx migrate providers <id>' : 'Details: npx migrate providers <id>'}\n`;
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
  const L = DETAIL[options.lang];
  const zh = options.lang === 'zh';
  const count = (n: number) => n.toLocaleString('en-US');
  const out: string[] = [];
  out.push(chalk.bold(`${provider.name.en} · ${provider.name.zh} (${provider.id})`), `${provider.website}  — ${L.checkedOn(provider.checkedOn)}`);
  // The notes, features' remarks and quirks are the sources' words, kept as recorded.
  if (L.notesQuoted) out.push(chalk.dim(L.notesQuoted));
  out.push('', chalk.bold(L.endpoints));
  for (const region of provider.regions) out.push(`  ${region.id.padEnd(6)} ${region.baseURL}${region.default ? `  ${L.default}` : ''}  ${chalk.dim(region.source)}`);
  out.push(`  ${L.key(provider.apiKeyEnv)}${provider.apiKeyEnvNote ? chalk.dim(` — ${provider.apiKeyEnvNote}`) : ''}${zh ? '；' : '; '}${L.baseOverride(provider.baseUrlEnv)}`);
  out.push(`  ${L.docs}${zh ? '：' : ': '}${provider.docs.openaiCompatibility}  ${L.pricing}${zh ? '：' : ': '}${provider.docs.pricing}`, '');
  out.push(chalk.bold(L.mapping));
  for (const tier of OPENAI_TIERS) out.push(`  ${tier.padEnd(17)} ${provider.modelMap[tier]}`);
  for (const [id, target] of Object.entries(provider.modelOverrides)) out.push(`  ${id.padEnd(17)} ${target}  ${L.exception}`);
  out.push('', chalk.bold(L.chat));
  for (const model of provider.chatModels) {
    const ctx = model.contextWindow === 'unknown' ? `${L.ctx} ?` : `${L.ctx} ${count(model.contextWindow)}`;
    const out_ = model.maxOutput === 'unknown' ? '' : ` ${L.out} ${count(model.maxOutput)}`;
    const lifeText = zh && model.status !== 'active' ? `${L.status[model.status]}${model.retiresOn ? ` ${model.retiresOn}` : ''}${model.lifecycle?.note ? `：${model.lifecycle.note}` : ''}` : (model.deprecated ?? model.status);
    const life = model.status === 'active' ? '' : chalk.yellow(`  ${lifeText}`);
    out.push(`  ${model.id.padEnd(30)} ${model.tier.padEnd(9)} ${(ctx + out_).padEnd(26)} ${priceText(model.price, options.lang)}  ${chalk.dim(`${L.checked} ${model.price.checkedOn} ${model.price.source}`)}${life}`);
  }
  if (provider.embeddingModels.length) {
    out.push('', chalk.bold(L.embedding));
    for (const model of provider.embeddingModels) {
      const dims = L.dims(model.dimensions, model.dimensionOptions ? ` (${model.dimensionOptions.join('/')})` : '', L.support[model.dimensionsParam] ?? model.dimensionsParam, model.maxBatch);
      out.push(`  ${model.id.padEnd(30)} ${dims}; ${priceText(model.price, options.lang)}  ${chalk.dim(`${model.price.asOf} ${model.price.source}`)}`);
    }
  }
  out.push('', chalk.bold(L.features));
  for (const [id, flag] of Object.entries(provider.features)) {
    const color = flag.support === 'yes' ? chalk.green : flag.support === 'no' ? chalk.red : flag.support === 'partial' ? chalk.yellow : chalk.dim;
    const range = flag.min !== undefined || flag.max !== undefined ? ` [${flag.min ?? '…'}, ${flag.max ?? '…'}]` : '';
    const values = flag.values ? ` (${flag.values.join(', ')})` : '';
    const support = L.support[flag.support] ?? flag.support;
    // A Chinese character takes two columns: pad both languages to the same 8 columns.
    out.push(`  ${id.padEnd(20)} ${color(support.padEnd(zh ? 8 - support.length : 8))}${values}${range}${flag.note ? ` ${flag.note}` : ''}${flag.source ? chalk.dim(` ${flag.source}`) : ''}`.trimEnd());
  }
  if (provider.quirks.length) {
    out.push('', chalk.bold(L.quirks));
    for (const quirk of provider.quirks) out.push(`  - ${quirk.message}${quirk.source ? chalk.dim(` ${quirk.source}`) : ''}`);
  }
  return `${out.join('\n')}\n`;
}

/** How to configure the custom endpoint, for the JSON views (the text list says it in a line). */
export const CUSTOM_USAGE = '--provider custom --base-url <url> --api-key-env <NAME>, or "custom": { "baseURL", "apiKeyEnv", "name", "modelMap" } in migrate.config.json';

/**
 * The catalogue as JSON. Every entry says whether it is `custom` (the OpenAI-compatible endpoint
 * the user's config or flags declare) or built in; `customEndpoint` says whether one is configured
 * and how to configure it, as the text list's `custom` line does.
 */
export function renderProvidersJson(list: Provider[], single: boolean): string {
  const entry = (p: Provider) => ({ ...p, custom: p.id === 'custom' });
  const head = { schemaVersion: SCHEMA_VERSION, tool: { name: 'banjia', version: VERSION } };
  const document = single
    ? { ...head, provider: entry(list[0]) }
    : { ...head, providers: list.map(entry), customEndpoint: { configured: list.some((p) => p.id === 'custom'), usage: CUSTOM_USAGE } };
  return `${JSON.stringify(document, null, 2)}\n`;
}

/** `providers custom --format json` when no custom endpoint is configured. */
export function renderCustomUnconfiguredJson(): string {
  return `${JSON.stringify({ schemaVersion: SCHEMA_VERSION, tool: { name: 'banjia', version: VERSION }, provider: 'custom', configured: false, usage: CUSTOM_USAGE }, null, 2)}\n`;
}

/** Person-facing texts of the `openai` module, in English and Chinese. */
import { t, type Localized } from '../../core/text.js';
import type { Routing } from './detect.js';
import type { ResourceRule } from './resources.js';
import { routingText } from '../shared/routing.js';

export const DOCS = {
  sdk: 'https://github.com/openai/openai-node',
  clientOptions: 'https://github.com/openai/openai-node#configuring-the-client',
  realtime: 'https://platform.openai.com/docs/guides/realtime',
};

export const importOf = (specifier: string): Localized => t(`imports the OpenAI SDK ('${specifier}')`, `导入 OpenAI SDK（'${specifier}'）`);
export const importReason = (): Localized =>
  t(
    'The SDK stays: the providers speak the same protocol, so only the client options and model ids change.',
    'SDK 保留不变：这些服务商兼容同一协议，只需修改客户端选项和模型名。',
  );
export const importRouted = (specifier: string, where: Localized): Localized =>
  t(`imports the OpenAI SDK ('${specifier}') only for clients sent to ${where.en}`, `导入 OpenAI SDK（'${specifier}'），仅用于发往 ${where.zh} 的客户端`);
export const typeImport = (specifier: string): Localized => t(`imports types from the OpenAI SDK ('${specifier}')`, `从 OpenAI SDK 导入类型（'${specifier}'）`);
export const typeImportReason = (): Localized =>
  t('Type-only imports have no runtime effect; they are reported and never rewritten.', '仅类型导入没有运行时影响：只报告，不改写。');
export const realtimeImport = (): Localized =>
  t('The Realtime WebSocket client has no counterpart at the Chinese providers.', '国内服务商没有对应的 Realtime WebSocket 接口。');

export const client = (cls: string): Localized => t(`creates an OpenAI client (${cls})`, `创建 OpenAI 客户端（${cls}）`);
export const clientFactory = (cls: string, client: { file: string; line: number }): Localized =>
  t(`creates ${cls}, which makes an OpenAI client from what it is given (${client.file}:${client.line})`, `创建 ${cls}，它用传入的参数创建 OpenAI 客户端（${client.file}:${client.line}）`);
export const clientSubclass = (cls: string, base: string, client: { file: string; line: number }): Localized =>
  t(`${cls} extends ${base} and inherits its OpenAI client (${client.file}:${client.line})`, `${cls} 继承 ${base} 及其 OpenAI 客户端（${client.file}:${client.line}）`);
export const clientSubclassRouted = (cls: string, base: string, host: string): Localized =>
  t(`${cls} extends ${base}, whose OpenAI client it sends to ${host}`, `${cls} 继承 ${base}，其 OpenAI 客户端发往 ${host}`);
export const clientFactoryReason = (): Localized =>
  t(
    'The key, base URL and model of that client come from the arguments here: point them at the provider where they are chosen (the client itself is reported where it is made).',
    '该客户端的 key、base URL 与模型来自这里传入的参数：请在选择它们的地方改为指向服务商（客户端本身在创建处报告）。',
  );
export const clientReason = (): Localized =>
  t(
    'Without an explicit baseURL and apiKey the SDK calls api.openai.com with OPENAI_API_KEY, which mainland China cannot reach since 2024-07-09.',
    '未显式设置 baseURL 和 apiKey 时，SDK 会用 OPENAI_API_KEY 访问 api.openai.com；自 2024-07-09 起中国大陆已无法访问。',
  );


export const clientRouted = (routing: Routing): Localized => {
  const where = routingText(routing);
  return t(`OpenAI client already routed to ${where.en}`, `OpenAI 客户端已指向${where.zh}`);
};
export const clientRoutedReason = (): Localized =>
  t(
    'A client whose baseURL points elsewhere (or comes from configuration) is left exactly as written, and so are its calls and models.',
    'baseURL 已指向别处（或来自配置）的客户端保持原样，其调用和模型名也不改写。',
  );

export const modelId = (id: string): Localized => t(`OpenAI model id '${id}'`, `OpenAI 模型名 '${id}'`);
export const modelReason = (): Localized =>
  t('The target provider serves its own models; OpenAI ids are rejected.', '目标服务商只提供自己的模型，OpenAI 模型名会被拒绝。');

const FAMILY: Record<string, Localized> = {
  chat: t('chat completion', '对话补全'),
  completions: t('legacy text completion', '旧版文本补全'),
  embeddings: t('embeddings', '向量嵌入'),
  images: t('image generation', '图像生成'),
  audio: t('audio', '音频'),
  moderations: t('moderation', '内容审核'),
  models: t('model listing', '模型列表'),
  files: t('files', '文件'),
  batches: t('batch', '批处理'),
  fine_tuning: t('fine-tuning', '微调'),
  vector_stores: t('vector stores', '向量库'),
  assistants: t('Assistants', 'Assistants'),
  realtime: t('Realtime', 'Realtime'),
  responses: t('Responses API', 'Responses API'),
  other: t('OpenAI-only API', 'OpenAI 专有接口'),
};

export function familyText(family: string): Localized {
  return FAMILY[family] ?? t(family, family);
}

export const call = (callee: string, rule: ResourceRule): Localized => {
  const family = familyText(rule.family);
  return t(`${family.en} call ${callee}()`, `${family.zh}调用 ${callee}()`);
};
export const callReason = (rule: ResourceRule): Localized =>
  rule.family === 'chat'
    ? t('Chat completions are the OpenAI-compatible core every provider serves.', '对话补全是各服务商都兼容的核心接口。')
    : t(`Whether this moves depends on the provider's ${familyText(rule.family).en} support.`, `能否迁移取决于服务商是否支持${familyText(rule.family).zh}。`);

export const azureNotYet = (): Localized =>
  t('AzureOpenAI clients need the Azure rewrite: new OpenAI({ baseURL, apiKey }) without apiVersion/deployment.', 'AzureOpenAI 客户端需改为 new OpenAI({ baseURL, apiKey })，去掉 apiVersion/deployment。');

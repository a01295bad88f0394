/** Person-facing texts of the `langchain` module, in English and Chinese. */
import { t, type Localized } from '../../core/text.js';
import type { Routing } from '../openai/detect.js';
import type { LcClass } from './binding.js';
import { routingText } from '../shared/routing.js';

export const DOCS = {
  chat: 'https://js.langchain.com/docs/integrations/chat/openai/',
  embeddings: 'https://js.langchain.com/docs/integrations/text_embedding/openai/',
  llm: 'https://js.langchain.com/docs/integrations/llms/openai/',
  azure: 'https://js.langchain.com/docs/integrations/chat/azure/',
  structuredOutput: 'https://js.langchain.com/docs/how_to/structured_output/',
  dalle: 'https://js.langchain.com/docs/integrations/tools/dalle/',
  source: 'https://github.com/langchain-ai/langchainjs/tree/main/libs/langchain-openai',
};

export function docsFor(cls: LcClass): string {
  if (cls.kind === 'embeddings') return DOCS.embeddings;
  if (cls.kind === 'llm') return DOCS.llm;
  if (cls.kind === 'azure') return DOCS.azure;
  if (cls.kind === 'dalle') return DOCS.dalle;
  return DOCS.chat;
}

export const importOf = (specifier: string): Localized =>
  t(`imports LangChain's OpenAI integration ('${specifier}')`, `导入 LangChain 的 OpenAI 集成（'${specifier}'）`);
export const importReason = (): Localized =>
  t(
    'The package stays: its classes speak the OpenAI protocol the providers serve, so only the options (model, key, configuration.baseURL) change.',
    '依赖包保留不变：这些类使用服务商兼容的 OpenAI 协议，只需修改选项（model、密钥、configuration.baseURL）。',
  );
export const typeImport = (specifier: string): Localized =>
  t(`imports types from LangChain's OpenAI integration ('${specifier}')`, `从 LangChain 的 OpenAI 集成导入类型（'${specifier}'）`);
export const typeImportReason = (): Localized =>
  t('Type-only imports have no runtime effect; they are reported and never rewritten.', '仅类型导入没有运行时影响：只报告，不改写。');

const KIND_TEXT: Record<string, Localized> = {
  chat: t('chat model', '对话模型'),
  responses: t('chat model (Responses API)', '对话模型（Responses API）'),
  llm: t('text-completion LLM', '文本补全 LLM'),
  embeddings: t('embeddings model', '向量模型'),
  dalle: t('DALL·E image tool', 'DALL·E 图像工具'),
  azure: t('Azure OpenAI model', 'Azure OpenAI 模型'),
};

export const client = (cls: LcClass): Localized => {
  const kind = KIND_TEXT[cls.kind];
  return t(`creates a LangChain ${kind.en} (new ${cls.name})`, `创建 LangChain ${kind.zh}（new ${cls.name}）`);
};
export const clientOnAzure = (cls: LcClass): Localized => {
  const kind = KIND_TEXT[cls.kind];
  return t(`creates a LangChain ${kind.en} on Azure OpenAI (new ${cls.name} with Azure options or an Azure endpoint)`, `在 Azure OpenAI 上创建 LangChain ${kind.zh}（new ${cls.name}，带 Azure 选项或 Azure 接口）`);
};
export const clientReason = (): Localized =>
  t(
    'Without configuration.baseURL and a key, LangChain calls api.openai.com with OPENAI_API_KEY, which mainland China cannot reach since 2024-07-09.',
    '未设置 configuration.baseURL 和密钥时，LangChain 会用 OPENAI_API_KEY 访问 api.openai.com；自 2024-07-09 起中国大陆已无法访问。',
  );
export const llmReason = (): Localized =>
  t(
    "LangChain's OpenAI class (not the openai SDK) calls the legacy /completions endpoint, which the providers do not document.",
    'LangChain 的 OpenAI 类（并非 openai SDK）调用旧版 /completions 接口，各服务商均未说明支持。',
  );
export const azureReason = (): Localized =>
  t(
    'Azure OpenAI closed to individual mainland users in October 2024; the Azure options (instance, deployment, api-version) have no meaning at another provider.',
    'Azure OpenAI 自 2024 年 10 月起不再向中国大陆个人用户开放；Azure 专有选项（实例、部署、api-version）在其他服务商处没有意义。',
  );


export const clientRouted = (cls: LcClass, routing: Routing): Localized => {
  const where = routingText(routing);
  return t(`LangChain ${cls.name} already routed to ${where.en}`, `LangChain ${cls.name} 已指向${where.zh}`);
};
export const routedReason = (): Localized =>
  t(
    'A model whose configuration.baseURL points elsewhere (or comes from configuration) is left exactly as written, and so are its calls and model ids.',
    'configuration.baseURL 已指向别处（或来自配置）的模型保持原样，其调用和模型名也不改写。',
  );

export const modelId = (id: string): Localized => t(`OpenAI model id '${id}'`, `OpenAI 模型名 '${id}'`);
export const modelReason = (): Localized =>
  t('The target provider serves its own models; OpenAI ids are rejected.', '目标服务商只提供自己的模型，OpenAI 模型名会被拒绝。');

export const call = (callee: string, cls: LcClass): Localized => {
  const kind = KIND_TEXT[cls.kind];
  return t(`${kind.en} call ${callee}()`, `${kind.zh}调用 ${callee}()`);
};
export const callReason = (cls: LcClass): Localized =>
  cls.family === 'chat'
    ? t('Each call sends an OpenAI chat completion request built from the model options.', '每次调用都会按模型选项发送一次 OpenAI 对话补全请求。')
    : t(`Whether this moves depends on the provider's support for what ${cls.name} calls.`, `能否迁移取决于服务商是否支持 ${cls.name} 调用的接口。`);
export const callRouted = (callee: string): Localized => t(`call ${callee}() on an already routed model`, `在已指向其他服务商的模型上调用 ${callee}()`);
export const structuredOutput = (callee: string): Localized => t(`structured output ${callee}()`, `结构化输出 ${callee}()`);
export const structuredReason = (): Localized =>
  t(
    'withStructuredOutput sends json_schema (the default for any model id not starting with gpt-3 / gpt-4-), function calling or JSON mode, depending on `method`.',
    'withStructuredOutput 会根据 `method` 发送 json_schema（模型名不以 gpt-3 / gpt-4- 开头时的默认值）、函数调用或 JSON 模式。',
  );
export const bindTools = (callee: string): Localized => t(`binds tools ${callee}()`, `绑定工具 ${callee}()`);
export const bindToolsReason = (): Localized =>
  t('Bound tools are sent as OpenAI function tools with every call.', '绑定的工具会作为 OpenAI 函数工具随每次调用发送。');

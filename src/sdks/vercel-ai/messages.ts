/** Person-facing texts of the `vercel-ai` module, in English and Chinese. */
import { t, type Localized } from '../../core/text.js';
import type { Routing } from '../openai/detect.js';
import { routingText } from '../shared/routing.js';

export const DOCS = {
  provider: 'https://ai-sdk.dev/providers/ai-sdk-providers/openai',
  settings: 'https://ai-sdk.dev/providers/ai-sdk-providers/openai#provider-instance',
  migration5: 'https://ai-sdk.dev/docs/migration-guides/migration-guide-5-0',
  migration4: 'https://ai-sdk.dev/docs/migration-guides/migration-guide-4-0',
  compatible: 'https://ai-sdk.dev/providers/openai-compatible-providers',
  azure: 'https://ai-sdk.dev/providers/ai-sdk-providers/azure',
  tools: 'https://ai-sdk.dev/providers/ai-sdk-providers/openai#provider-defined-tools',
};

export const importOf = (specifier: string): Localized => t(`imports the AI SDK provider '${specifier}'`, `导入 AI SDK 服务商包 '${specifier}'`);
export const importReason = (): Localized =>
  t(
    'The package stays: createOpenAI from @ai-sdk/openai talks to any OpenAI-compatible endpoint, so only the provider instance and model ids change.',
    '该包保留不变：@ai-sdk/openai 的 createOpenAI 可连接任何 OpenAI 兼容接口，只需修改服务商实例和模型名。',
  );

export const defaultProvider = (local: string): Localized =>
  t(`uses the default AI SDK provider instance '${local}' (@ai-sdk/openai)`, `使用 AI SDK 默认服务商实例 '${local}'（@ai-sdk/openai）`);
export const defaultProviderReason = (): Localized =>
  t(
    'The default instance always calls api.openai.com with OPENAI_API_KEY, which mainland China cannot reach since 2024-07-09; it has no options to change that.',
    '默认实例总是用 OPENAI_API_KEY 访问 api.openai.com（自 2024-07-09 起中国大陆无法访问），且无法通过选项修改。',
  );

export const provider = (): Localized => t('creates an AI SDK OpenAI provider (createOpenAI)', '创建 AI SDK OpenAI 服务商实例（createOpenAI）');
export const providerReason = (): Localized =>
  t(
    'Without a baseURL and apiKey the provider calls api.openai.com with OPENAI_API_KEY, which mainland China cannot reach since 2024-07-09.',
    '未设置 baseURL 和 apiKey 时，该实例会用 OPENAI_API_KEY 访问 api.openai.com；自 2024-07-09 起中国大陆无法访问。',
  );


export const providerRouted = (routing: Routing): Localized => {
  const where = routingText(routing);
  return t(`AI SDK OpenAI provider already routed to ${where.en}`, `AI SDK OpenAI 服务商实例已指向${where.zh}`);
};
export const providerRoutedReason = (): Localized =>
  t(
    'A provider whose baseURL points elsewhere (or comes from configuration) is left exactly as written, and so are its models and calls.',
    'baseURL 已指向别处（或来自配置）的服务商实例保持原样，其模型和调用也不改写。',
  );

export const azureProvider = (how: string): Localized => t(`uses the AI SDK Azure provider (${how})`, `使用 AI SDK Azure 服务商（${how}）`);
export const azureReason = (): Localized =>
  t(
    'Azure OpenAI closed to individual mainland-China users in October 2024. @ai-sdk/azure builds Azure URLs (resource name, deployment, api-version) and sends an api-key header, which no other endpoint accepts, so it cannot be pointed at the provider.',
    'Azure OpenAI 于 2024 年 10 月起不再向中国大陆个人用户开放。@ai-sdk/azure 按 Azure 规则拼接 URL（资源名、部署名、api-version）并发送 api-key 请求头，其他接口都不接受，因此无法直接改指向服务商。',
  );
export const azureAction = (provider: Localized, keyEnv: string, baseURL: string): Localized =>
  t(
    `Not rewritten (manual): install @ai-sdk/openai, replace azure / createAzure(...) with createOpenAI({ baseURL: '${baseURL}', apiKey: process.env.${keyEnv} }) and call .chat('<${provider.en} model>') / .embedding(...) instead of the deployment names, which do not say which model they serve.`,
    `不自动改写（需手动）：安装 @ai-sdk/openai，将 azure / createAzure(...) 改为 createOpenAI({ baseURL: '${baseURL}', apiKey: process.env.${keyEnv} })，并用 .chat('<${provider.zh} 模型>') / .embedding(...) 代替部署名（部署名无法看出对应的模型）。`,
  );
export const azureCall = (): Localized =>
  t(
    'Its model comes from the AI SDK Azure provider, which is not rewritten: it moves when that provider is replaced by createOpenAI (see the Azure provider finding).',
    '其模型来自 AI SDK Azure 服务商，不会自动改写：需先将该服务商替换为 createOpenAI（见 Azure 服务商的发现项）。',
  );

export const responsesByDefault = (callee: string, version: string): Localized =>
  t(`${callee}(…) makes a Responses API model (${version})`, `${callee}(…) 创建的是 Responses API 模型（${version}）`);
export const responsesByDefaultReason = (): Localized =>
  t(
    'From @ai-sdk/openai 2.0 (AI SDK 5) a direct provider call and languageModel() use the Responses API (/responses), which most Chinese providers do not serve; .chat() uses chat completions, which they all do, and is the same in every major version.',
    '自 @ai-sdk/openai 2.0（AI SDK 5）起，直接调用服务商实例和 languageModel() 使用 Responses API（/responses），多数国内服务商不提供；.chat() 使用各家都支持的对话补全接口，且在所有主版本中含义相同。',
  );

export const modelId = (id: string): Localized => t(`OpenAI model id '${id}'`, `OpenAI 模型名 '${id}'`);
export const modelReason = (): Localized =>
  t('The target provider serves its own models; OpenAI ids are rejected.', '目标服务商只提供自己的模型，OpenAI 模型名会被拒绝。');
export const providerNotMigrated = (how: string): Localized =>
  t(
    `The default instance is bound through ${how}, which apply does not rewrite: replace it with createOpenAI({ baseURL, apiKey }) by hand first, then map this model.`,
    `默认实例通过${how}引入，apply 不会改写：请先手动改为 createOpenAI({ baseURL, apiKey })，再映射此模型。`,
  );

export const builtinTool = (name: string): Localized => t(`OpenAI built-in tool openai.tools.${name}`, `OpenAI 内置工具 openai.tools.${name}`);
export const builtinToolReason = (): Localized =>
  t(
    "OpenAI's built-in tools (web search, file search, code interpreter, image generation, computer use) run on OpenAI's servers through the Responses API; no Chinese provider offers them.",
    'OpenAI 内置工具（网页搜索、文件搜索、代码解释器、图像生成、电脑操作）在 OpenAI 服务器上经 Responses API 运行，国内服务商均不提供。',
  );
export const builtinToolAction = (): Localized =>
  t(
    'Replace it with a function tool (tool({ description, inputSchema, execute })) that calls a search or code service you host, or keep this feature on OpenAI.',
    '请改用自定义函数工具（tool({ description, inputSchema, execute })）调用自建的搜索或代码服务，或将该功能保留在 OpenAI 上。',
  );

const FAMILY: Record<string, Localized> = {
  chat: t('chat completion', '对话补全'),
  completions: t('legacy text completion', '旧版文本补全'),
  responses: t('Responses API', 'Responses API'),
  embeddings: t('embeddings', '向量嵌入'),
  images: t('image generation', '图像生成'),
  audio: t('audio', '音频'),
};

export function familyText(family: string): Localized {
  return FAMILY[family] ?? t(family, family);
}

export const helperCall = (helper: string, family: string): Localized => {
  const f = familyText(family);
  return t(`${f.en} call ${helper}() with an OpenAI model`, `使用 OpenAI 模型的${f.zh}调用 ${helper}()`);
};
export const routedHelperCall = (helper: string, family: string): Localized => {
  const f = familyText(family);
  return t(`${f.en} call ${helper}() through an AI SDK OpenAI provider routed elsewhere`, `经已指向别处的 AI SDK OpenAI 服务商实例发出的${f.zh}调用 ${helper}()`);
};
export const azureHelperCall = (helper: string, family: string): Localized => {
  const f = familyText(family);
  return t(`${f.en} call ${helper}() with an Azure OpenAI model`, `使用 Azure OpenAI 模型的${f.zh}调用 ${helper}()`);
};
export const helperReason = (family: string): Localized =>
  family === 'chat'
    ? t('The AI SDK sends chat completions through the OpenAI provider; every provider serves them, so the call moves with its provider and model.', 'AI SDK 通过 OpenAI 服务商发送对话补全请求；各服务商都支持，调用随服务商实例和模型一起迁移。')
    : t(`Whether this moves depends on the provider's ${familyText(family).en} support.`, `能否迁移取决于服务商是否支持${familyText(family).zh}。`);

export const openAIStream = (): Localized => t('OpenAIStream(response) from the ai package (ai 2.x/3.x)', 'ai 包的 OpenAIStream(response)（ai 2.x/3.x）');
export const streamingTextResponse = (): Localized =>
  t('new StreamingTextResponse(stream) from the ai package (ai 2.x/3.x)', 'ai 包的 new StreamingTextResponse(stream)（ai 2.x/3.x）');
export const legacyStreamReason = (): Localized =>
  t(
    'Deprecated in ai 3.x and removed in ai 4.0. It only parses the stream it is given and works with any OpenAI-compatible stream: once the client that produced the response (the openai SDK, openai-edge) points at the provider, nothing here has to change for the move.',
    '该 API 在 ai 3.x 中已弃用，并于 ai 4.0 移除。它只解析传入的流，兼容任何 OpenAI 兼容流：只要生成该响应的客户端（openai SDK、openai-edge）已指向服务商，迁移时此处无需修改。',
  );
export const importOpenAIStream = (): Localized => t("imports OpenAIStream from the ai package (ai 2.x/3.x)", '从 ai 包导入 OpenAIStream（ai 2.x/3.x）');
export const legacyStreamAction = (): Localized =>
  t(
    'Check that the client producing the stream is moved to the provider. When you upgrade ai, move to streamText with createOpenAI({ baseURL, apiKey }).chat(…) and result.toDataStreamResponse().',
    '请确认生成该流的客户端已迁移到服务商。升级 ai 时，改用 streamText 配合 createOpenAI({ baseURL, apiKey }).chat(…) 与 result.toDataStreamResponse()。',
  );

export const registry = (kind: 'custom' | 'registry'): Localized =>
  kind === 'custom'
    ? t('customProvider maps model aliases to OpenAI models', 'customProvider 把模型别名映射到 OpenAI 模型')
    : t('createProviderRegistry includes the OpenAI provider', 'createProviderRegistry 包含 OpenAI 服务商');
export const registryReason = (): Localized =>
  t(
    'Calls elsewhere name only the alias (myProvider.languageModel(\'chat-model\')); what they send is decided here, where the OpenAI models are made.',
    '其他地方的调用只写别名（myProvider.languageModel(\'chat-model\')）；实际发送到哪里由这里创建的 OpenAI 模型决定。',
  );

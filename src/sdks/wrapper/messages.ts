/** Person-facing texts of the `wrapper` module, in English and Chinese. */
import { t, type Localized } from '../../core/text.js';
import type { ApiFamily } from '../../core/types.js';
import type { Routing } from '../openai/detect.js';
import { familyText } from '../openai/messages.js';
import type { WrapperPackage } from './binding.js';
import { routingText } from '../shared/routing.js';

export { modelId, modelReason } from '../openai/messages.js';

export const DOCS = {
  chatgpt: 'https://www.npmjs.com/package/chatgpt',
  llamaindex: 'https://developers.llamaindex.ai/typescript/framework/modules/models/llms',
  azure: 'https://github.com/Azure/azure-sdk-for-js/blob/main/sdk/openai/openai/MIGRATION.md',
  openaiApi: 'https://www.npmjs.com/package/openai-api',
  openaiSdk: 'https://github.com/openai/openai-node#usage',
};

export function docsFor(pkg: WrapperPackage): string {
  return pkg === 'chatgpt' ? DOCS.chatgpt : pkg === 'llamaindex' ? DOCS.llamaindex : pkg === '@azure/openai' ? DOCS.azure : DOCS.openaiApi;
}

export const importOf = (specifier: string): Localized => t(`imports a third-party OpenAI wrapper ('${specifier}')`, `导入第三方 OpenAI 封装库（'${specifier}'）`);
export function importReason(pkg: WrapperPackage): Localized {
  switch (pkg) {
    case 'chatgpt':
      return t('ChatGPTAPI calls OpenAI\u2019s chat completions at its apiBaseUrl; the package stays, its options change.', 'ChatGPTAPI 通过 apiBaseUrl 调用 OpenAI 对话补全接口；依赖保留，只需修改选项。');
    case 'llamaindex':
      return t('LlamaIndex\u2019s OpenAI classes call OpenAI through the openai SDK; their options decide the endpoint and model.', 'LlamaIndex 的 OpenAI 类通过 openai SDK 调用 OpenAI；其选项决定接口地址和模型。');
    case '@azure/openai':
      return t('The @azure/openai 1.0 beta client has its own API shape (deployment first); it cannot be pointed at another provider.', '@azure/openai 1.0 beta 客户端有自己的接口形式（首个参数为部署名），无法指向其他服务商。');
    case 'openai-api':
      return t('openai-api calls fixed api.openai.com engine URLs and has no base URL option.', 'openai-api 固定调用 api.openai.com 的 engine 地址，没有 base URL 选项。');
  }
}


export const routedReason = (): Localized =>
  t('A client whose base URL points elsewhere (or comes from configuration) is left exactly as written, and so are its calls and models.', '接口地址已指向别处（或来自配置）的客户端保持原样，其调用和模型名也不改写。');

export const chatgptClient = (): Localized => t('creates a ChatGPTAPI client (chatgpt package)', '创建 ChatGPTAPI 客户端（chatgpt 包）');
export const chatgptReason = (): Localized =>
  t(
    'ChatGPTAPI posts to `${apiBaseUrl}/chat/completions` with apiBaseUrl defaulting to https://api.openai.com/v1, and sends completionParams.model (gpt-3.5-turbo when unset).',
    'ChatGPTAPI 向 `${apiBaseUrl}/chat/completions` 发请求，apiBaseUrl 默认为 https://api.openai.com/v1，模型取 completionParams.model（未设置时为 gpt-3.5-turbo）。',
  );
export const chatgptRouted = (routing: Routing): Localized => {
  const where = routingText(routing);
  return t(`ChatGPTAPI client already routed to ${where.en}`, `ChatGPTAPI 客户端已指向${where.zh}`);
};
export const chatgptCallReason = (defaulted: boolean): Localized =>
  defaulted
    ? t('sendMessage sends a chat completion; without completionParams.model the package sends gpt-3.5-turbo.', 'sendMessage 发送对话补全请求；未设置 completionParams.model 时使用 gpt-3.5-turbo。')
    : t('sendMessage sends a chat completion with the client\u2019s completionParams.', 'sendMessage 使用客户端的 completionParams 发送对话补全请求。');

export const unofficialProxy = (): Localized =>
  t('creates a ChatGPTUnofficialProxyAPI client (ChatGPT web backend through a reverse proxy)', '创建 ChatGPTUnofficialProxyAPI 客户端（经反向代理访问 ChatGPT 网页后端）');
export const unofficialProxyReason = (): Localized =>
  t(
    'It does not call the OpenAI API: it replays the ChatGPT website with an access token through a third-party reverse proxy (deprecated by the package). No provider offers that backend.',
    '它不调用 OpenAI API，而是用 access token 经第三方反向代理模拟 ChatGPT 网页（该包已弃用此类）。国内服务商没有对应的后端。',
  );
export const unofficialProxyAction = (url: string, keyEnv: string, model: string | undefined): Localized =>
  t(
    `Replace it with new ChatGPTAPI({ apiKey: process.env.${keyEnv}, apiBaseUrl: '${url}'${model ? `, completionParams: { model: '${model}' }` : ''} }); sendMessage keeps its shape (parentMessageId works the same).`,
    `改为 new ChatGPTAPI({ apiKey: process.env.${keyEnv}, apiBaseUrl: '${url}'${model ? `, completionParams: { model: '${model}' }` : ''} })；sendMessage 用法不变（parentMessageId 照常使用）。`,
  );

export const llamaClient = (embedding: boolean): Localized =>
  embedding ? t('creates a LlamaIndex OpenAIEmbedding', '创建 LlamaIndex OpenAIEmbedding') : t('creates a LlamaIndex OpenAI LLM', '创建 LlamaIndex OpenAI LLM');
export const llamaReason = (): Localized =>
  t(
    'It calls OpenAI through the openai SDK: the endpoint comes from additionalSessionOptions.baseURL (or OPENAI_BASE_URL), the key from apiKey (or OPENAI_API_KEY).',
    '它通过 openai SDK 调用 OpenAI：接口地址取 additionalSessionOptions.baseURL（或 OPENAI_BASE_URL），密钥取 apiKey（或 OPENAI_API_KEY）。',
  );
export const llamaRouted = (routing: Routing): Localized => {
  const where = routingText(routing);
  return t(`LlamaIndex OpenAI class already routed to ${where.en}`, `LlamaIndex OpenAI 类已指向${where.zh}`);
};
export const llamaAction = (options: string): Localized =>
  t(
    `Set its options to ${options}. LlamaIndex's OpenAI classes look model names up in their own OpenAI tables (context window, tool calling): check the provider model works with them, or use LlamaIndex's integration for that provider where one exists. banjia does not rewrite this: the right class depends on your LlamaIndex version.`,
    `请将其选项设为 ${options}。LlamaIndex 的 OpenAI 类会在自带的 OpenAI 模型表中查找模型（上下文长度、工具调用）：请确认服务商模型可用，或改用 LlamaIndex 针对该服务商的集成（如有）。banjia 不自动改写：合适的类取决于 LlamaIndex 版本。`,
  );

export const azureClient = (openaiKey: boolean): Localized =>
  openaiKey
    ? t('creates an @azure/openai OpenAIClient with an OpenAI key (calls api.openai.com)', '创建使用 OpenAI 密钥的 @azure/openai OpenAIClient（调用 api.openai.com）')
    : t('creates an Azure OpenAI client (@azure/openai OpenAIClient)', '创建 Azure OpenAI 客户端（@azure/openai OpenAIClient）');
export const azureReason = (): Localized =>
  t(
    '@azure/openai 1.0 beta was retired in favour of the openai package; its methods take a deployment name first. Azure OpenAI closed to individual mainland users in October 2024.',
    '@azure/openai 1.0 beta 已停止维护，官方改推 openai 包；其方法第一个参数为部署名。Azure OpenAI 已于 2024 年 10 月起不再向中国大陆个人用户开放。',
  );
export const azureAction = (url: string, keyEnv: string): Localized =>
  t(
    `Replace it with the openai package: const client = new OpenAI({ baseURL: '${url}', apiKey: process.env.${keyEnv} }); then getChatCompletions(deployment, messages, options) → client.chat.completions.create({ model: '<provider model>', messages, ...options }) (getEmbeddings → client.embeddings.create, getCompletions → client.completions.create). banjia then migrates it like any openai client.`,
    `请改用 openai 包：const client = new OpenAI({ baseURL: '${url}', apiKey: process.env.${keyEnv} })；再把 getChatCompletions(deployment, messages, options) 改为 client.chat.completions.create({ model: '<服务商模型>', messages, ...options })（getEmbeddings → client.embeddings.create，getCompletions → client.completions.create）。之后 banjia 会像其他 openai 客户端一样迁移它。`,
  );
export const deployment = (name: string): Localized => t(`Azure deployment name '${name}' used as the model`, `Azure 部署名 '${name}' 被用作模型名`);
export const deploymentReason = (): Localized =>
  t('On Azure the model is a deployment name; the provider needs one of its model ids.', '在 Azure 上 model 是部署名；服务商需要其自身的模型名。');

export const openaiApiClient = (): Localized => t('creates an openai-api client (community package)', '创建 openai-api 客户端（社区包）');
export const openaiApiReason = (): Localized =>
  t(
    'openai-api (2021) calls fixed https://api.openai.com/v1/engines/<engine>/… URLs, which OpenAI has retired, and has no base URL option.',
    'openai-api（2021 年）固定调用 https://api.openai.com/v1/engines/<engine>/… 地址，OpenAI 已停用这些接口，且该包没有 base URL 选项。',
  );
export const openaiApiAction = (url: string, keyEnv: string): Localized =>
  t(
    `Replace it with the openai package: new OpenAI({ baseURL: '${url}', apiKey: process.env.${keyEnv} }); complete({ engine, prompt, maxTokens }) → chat.completions.create({ model: '<provider model>', messages: [{ role: 'user', content: prompt }], max_tokens }).`,
    `请改用 openai 包：new OpenAI({ baseURL: '${url}', apiKey: process.env.${keyEnv} })；complete({ engine, prompt, maxTokens }) → chat.completions.create({ model: '<服务商模型>', messages: [{ role: 'user', content: prompt }], max_tokens })。`,
  );

export const endpoint = (url: string): Localized => t(`OpenAI endpoint '${url}' feeds ChatGPTAPI's apiBaseUrl`, `OpenAI 接口 '${url}' 被用作 ChatGPTAPI 的 apiBaseUrl`);
export const endpointReason = (): Localized =>
  t('This default reaches the client from another place; apply sets apiBaseUrl at the client itself, so the client stops reading it.', '该默认值从别处传入客户端；apply 会直接在客户端处设置 apiBaseUrl，客户端将不再读取它。');

export const call = (callee: string, family: ApiFamily): Localized => {
  const f = familyText(family);
  return t(`${f.en} call ${callee}()`, `${f.zh}调用 ${callee}()`);
};
export const wrapperCallReason = (pkg: WrapperPackage): Localized =>
  t(`It goes wherever its ${pkg} client points; it moves with the client.`, `其请求发往 ${pkg} 客户端所指的地址，随客户端一起迁移。`);
export const movesWithClient = (): Localized =>
  t('Move the client first (see the client finding); this call keeps its shape only where the client finding says so.', '请先迁移客户端（见客户端的发现）；此调用的写法是否保留以客户端的说明为准。');

export const versionBlocked = (major: number): Localized =>
  t(
    `package.json declares chatgpt ${major}.x: before 5.0 ChatGPTAPI used another endpoint layout and completion models. Upgrade chatgpt to 5.x or later, then run apply again.`,
    `package.json 中 chatgpt 为 ${major}.x：5.0 之前的 ChatGPTAPI 使用不同的接口路径和补全模型。请先升级 chatgpt 到 5.x 或更高，再重新运行 apply。`,
  );
export const optionsBlocked = (url: string, keyEnv: string, model: string | undefined): Localized =>
  t(
    `The options come from a value banjia cannot see into: set apiBaseUrl: '${url}', apiKey: process.env.${keyEnv}${model ? ` and completionParams.model: '${model}'` : ''} where they are built.`,
    `选项来自无法静态分析的值：请在构造处设置 apiBaseUrl: '${url}'、apiKey: process.env.${keyEnv}${model ? `，以及 completionParams.model: '${model}'` : ''}。`,
  );
export const systemMessageNote = (provider: Localized): Localized =>
  t(
    `No systemMessage is set, so the package's default one tells the model it is "ChatGPT, a large language model trained by OpenAI": set your own for ${provider.en}.`,
    `未设置 systemMessage，包的默认系统提示会告诉模型它是“ChatGPT, a large language model trained by OpenAI”：请为 ${provider.zh} 设置自己的 systemMessage。`,
  );
export const defaultModelNote = (target: string): Localized =>
  t(`completionParams had no model, so the package sent gpt-3.5-turbo; apply sets model: '${target}'.`, `completionParams 未设置 model，包默认发送 gpt-3.5-turbo；apply 会设置 model: '${target}'。`);
export const paramsOpaque = (target: string): Localized =>
  t(
    `completionParams comes from a value banjia cannot see into: make sure it sets model: '${target}' (the package sends gpt-3.5-turbo otherwise).`,
    `completionParams 来自无法静态分析的值：请确保其中设置 model: '${target}'（否则包会发送 gpt-3.5-turbo）。`,
  );
export const noDefaultModel = (provider: Localized): Localized =>
  t(
    `completionParams has no model, so the package sends gpt-3.5-turbo, and ${provider.en} has no counterpart for it: set completionParams.model, or pick one with --model-map gpt-3.5-turbo=<model>.`,
    `completionParams 未设置 model，包会发送 gpt-3.5-turbo，而 ${provider.zh} 没有对应模型：请设置 completionParams.model，或用 --model-map gpt-3.5-turbo=<模型> 指定。`,
  );

export const chatgptWebImport = (specifier: string): Localized =>
  t(`imports '${specifier}' before 4.0, a client of the ChatGPT web app`, `导入 4.0 之前的 '${specifier}'（ChatGPT 网页版客户端）`);
export const chatgptWebReason = (): Localized =>
  t(
    'Before 4.0 the chatgpt package drove the ChatGPT web app with a browser session, not the OpenAI API: no provider replaces it, and the move leaves it alone.',
    '4.0 之前的 chatgpt 包通过浏览器会话驱动 ChatGPT 网页版，而不是 OpenAI API：没有服务商可以替代，迁移不改动它。',
  );

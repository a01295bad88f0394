/** Person-facing texts of the `azure` module, in English and Chinese. */
import { t, type Localized } from '../../core/text.js';

export const DOCS = {
  azure: 'https://learn.microsoft.com/azure/ai-services/openai/',
  sdk: 'https://github.com/openai/openai-node/blob/master/src/azure.ts',
  closure: 'https://learn.microsoft.com/azure/ai-services/openai/overview',
};

export const importOf = (specifier: string): Localized => t(`imports the Azure OpenAI client ('${specifier}')`, `导入 Azure OpenAI 客户端（'${specifier}'）`);
export const importReason = (): Localized =>
  t('The Azure client becomes a plain OpenAI client pointed at the provider.', 'Azure 客户端将改为指向服务商的普通 OpenAI 客户端。');
export const client = (how: string): Localized => t(`creates an Azure OpenAI client (${how})`, `创建 Azure OpenAI 客户端（${how}）`);
export const endpoint = (client: string): Localized =>
  t(`Azure OpenAI endpoint, the baseURL of the client at ${client}`, `Azure OpenAI 接口地址，即 ${client} 处客户端的 baseURL`);
export const endpointReason = (): Localized =>
  t(
    'After the move the client uses the provider’s base URL: this constant is no longer read there; remove it once nothing else uses it.',
    '迁移后客户端改用服务商的 base URL，此处不再被读取；确认无其他用途后可删除。',
  );
export const clientReason = (): Localized =>
  t(
    'Azure OpenAI closed to individual mainland-China users in October 2024; the client moves to the provider like an OpenAI one: new OpenAI({ baseURL, apiKey }) without apiVersion, deployment or endpoint.',
    'Azure OpenAI 于 2024 年 10 月起不再向中国大陆个人用户开放；客户端按 OpenAI 客户端迁移：new OpenAI({ baseURL, apiKey })，去掉 apiVersion、deployment 和 endpoint。',
  );
export const deployment = (name: string): Localized => t(`Azure deployment name '${name}' used as the model`, `Azure 部署名 '${name}' 被用作模型名`);
export const deploymentReason = (): Localized =>
  t('On Azure the model is a deployment name; the provider needs one of its model ids.', '在 Azure 上 model 是部署名；服务商需要其自身的模型名。');
export const unknownDeployment = (name: string, provider: Localized): Localized =>
  t(
    `The deployment name '${name}' does not say which model it serves: map it with --model-map ${name}=<${provider.en} model>.`,
    `部署名 '${name}' 无法看出对应的模型：请用 --model-map ${name}=<${provider.zh} 模型> 指定。`,
  );
export const tokenProvider = (): Localized =>
  t(
    'The client authenticated with Microsoft Entra ID (azureADTokenProvider); the provider uses an API key instead, read from its env var.',
    '该客户端使用 Microsoft Entra ID（azureADTokenProvider）认证；服务商改用 API 密钥，从其环境变量读取。',
  );

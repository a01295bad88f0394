/** Person-facing texts of the `env` module, in English and Chinese. */
import { t, type Localized } from '../../core/text.js';
import type { EnvRole } from './detect.js';

export const DOCS = {
  dotenv: 'https://github.com/motdotla/dotenv#readme',
  compose: 'https://docs.docker.com/compose/how-tos/environment-variables/set-environment-variables/',
  sdkEnv: 'https://github.com/openai/openai-node#usage',
};

const ROLE: Record<EnvRole, Localized> = {
  key: t('an API key', 'API 密钥'),
  baseURL: t('an endpoint', '接口地址'),
  proxy: t('a network proxy', '网络代理'),
  model: t('a model name', '模型名'),
  azure: t('Azure OpenAI settings', 'Azure OpenAI 配置'),
  other: t('OpenAI settings', 'OpenAI 配置'),
};

export const read = (name: string): Localized => t(`reads ${name}`, `读取 ${name}`);
export const webSession = (name: string): Localized => t(`reads ${name}, a ChatGPT web session token`, `读取 ${name}（ChatGPT 网页会话令牌）`);
export const webSessionReason = (): Localized =>
  t('It is not an OpenAI API key: it drives the ChatGPT web app, which no provider replaces; the move leaves it alone.', '它不是 OpenAI API key，而是 ChatGPT 网页版的会话令牌，没有服务商可以替代；迁移不改动它。');
export const readReason = (role: EnvRole): Localized =>
  t(`It holds ${ROLE[role].en} for OpenAI; after the move the provider's value lives elsewhere.`, `它保存 OpenAI 的${ROLE[role].zh}；迁移后服务商的值放在别处。`);
export const envLine = (name: string, file: string): Localized => t(`${name} in ${file}`, `${file} 中的 ${name}`);
export const envLineReason = (example: boolean): Localized =>
  example
    ? t('Example env files tell every developer what to set; the provider’s variables belong next to OpenAI’s.', '示例环境文件告诉每位开发者需要设置什么；服务商的变量应放在 OpenAI 变量旁边。')
    : t('A real env file holds secrets: banjia does not write it without --include-env-files.', '真实的环境文件包含密钥：未加 --include-env-files 时 banjia 不会写入。');
export const composeEntry = (name: string, file: string): Localized => t(`${name} passed to a container in ${file}`, `${file} 中传给容器的 ${name}`);
export const composeReason = (): Localized =>
  t('The container only sees the variables its environment block passes; the provider’s must be passed too.', '容器只能看到 environment 中传入的变量；服务商的变量也要传入。');

/** Person-facing texts of the `http` module, in English and Chinese. */
import { t, type Localized } from '../../core/text.js';
import { familyText } from '../openai/messages.js';
import type { SseFacts } from './detect.js';
import type { FamilyRule } from './url.js';

export const DOCS = {
  api: 'https://platform.openai.com/docs/api-reference/introduction',
  auth: 'https://platform.openai.com/docs/api-reference/authentication',
  streaming: 'https://platform.openai.com/docs/api-reference/chat-streaming',
  sse: 'https://html.spec.whatwg.org/multipage/server-sent-events.html#event-stream-interpretation',
  viteProxy: 'https://vite.dev/config/server-options#server-proxy',
};

function what(rule: FamilyRule | undefined): Localized {
  if (!rule) return t('OpenAI API', 'OpenAI 接口');
  if (rule.stored) return t('stored chat completion', '存储的对话补全');
  return familyText(rule.family);
}

export const request = (rule: FamilyRule | undefined, method: string | undefined, url: string, library: string): Localized => {
  const kind = what(rule);
  const verb = method ? `${method} ` : '';
  return t(`${kind.en} request with ${library}: ${verb}${url}`, `使用 ${library} 的${kind.zh}请求：${verb}${url}`);
};
export const requestReason = (rule: FamilyRule | undefined): Localized =>
  !rule
    ? t(
        'The path after the OpenAI base is built at run time, so which API is called cannot be seen here.',
        'OpenAI 基础地址之后的路径在运行时拼接，无法从代码看出调用的是哪个接口。',
      )
    : rule.family === 'chat' && !rule.stored
      ? t(
          'api.openai.com is unreachable from mainland China since 2024-07-09; /chat/completions is the OpenAI-compatible core every provider serves at its own base URL.',
          '自 2024-07-09 起中国大陆无法访问 api.openai.com；/chat/completions 是各服务商在自己的基础地址下都兼容的核心接口。',
        )
      : t(
          `api.openai.com is unreachable from mainland China; whether this moves depends on the provider's ${familyText(rule.family).en} support.`,
          `中国大陆无法访问 api.openai.com；能否迁移取决于服务商是否支持${familyText(rule.family).zh}。`,
        );

export const requestRouted = (env: string, library: string): Localized =>
  t(`request with ${library} to a configurable endpoint (env ${env})`, `使用 ${library} 请求可配置的接口（环境变量 ${env}）`);
export const routedReason = (): Localized =>
  t(
    'The base URL comes from configuration, so the code already works with any OpenAI-compatible endpoint; it is left as written.',
    '基础地址来自配置，代码已可连接任何 OpenAI 兼容接口，保持原样。',
  );

export const instance = (library: string, url: string): Localized =>
  t(`creates an HTTP client on the OpenAI API (${library}, ${url})`, `创建指向 OpenAI 接口的 HTTP 客户端（${library}，${url}）`);
export const instanceReason = (): Localized =>
  t(
    'Every request of this client goes to api.openai.com, which mainland China cannot reach since 2024-07-09.',
    '该客户端的所有请求都发往 api.openai.com；自 2024-07-09 起中国大陆无法访问。',
  );
export const instanceRouted = (library: string, env: string): Localized =>
  t(`HTTP client (${library}) on a configurable endpoint (env ${env})`, `HTTP 客户端（${library}）指向可配置的接口（环境变量 ${env}）`);

export const endpoint = (url: string): Localized => t(`OpenAI API URL '${url}'`, `OpenAI 接口地址 '${url}'`);
export const endpointReason = (): Localized =>
  t(
    'Requests are built from this URL; the provider serves the same API under its own base URL.',
    '请求由该地址拼接而成；服务商在自己的基础地址下提供相同的接口。',
  );
export const proxyTarget = (url: string): Localized => t(`proxy forwards to the OpenAI API ('${url}')`, `代理转发到 OpenAI 接口（'${url}'）`);
export const proxyTargetReason = (): Localized =>
  t('The proxy forwards the client’s OpenAI requests to this target.', '该代理把客户端的 OpenAI 请求转发到此目标地址。');

export const modelId = (id: string): Localized => t(`OpenAI model id '${id}' in a request body`, `请求体中的 OpenAI 模型名 '${id}'`);
export const modelReason = (): Localized =>
  t('The target provider serves its own models; OpenAI ids are rejected.', '目标服务商只提供自己的模型，OpenAI 模型名会被拒绝。');

export const hardCodedKey = (): Localized => t('API key written into the Authorization header', 'Authorization 请求头中写死了 API 密钥');
export const hardCodedKeyReason = (): Localized =>
  t(
    'A key in the source leaks with the code, and an OpenAI key does not work at the provider anyway.',
    '写在源码里的密钥会随代码泄露，而且 OpenAI 的密钥在服务商处也无法使用。',
  );

export const sse = (facts: SseFacts): Localized => {
  const where = facts.library
    ? t('by @microsoft/fetch-event-source', '由 @microsoft/fetch-event-source 解析')
    : facts.dataLine !== undefined
      ? t(`by hand (data: lines, line ${facts.dataLine})`, `手动解析（data: 行，第 ${facts.dataLine} 行）`)
      : t('by hand', '手动解析');
  return t(`streamed response parsed as server-sent events ${where.en}`, `流式响应按 SSE（server-sent events）${where.zh}`);
};
export const sseReason = (): Localized =>
  t(
    'The providers stream chat completions in the same format: `data: {json}` events with choices[].delta, ending with `data: [DONE]`.',
    '各服务商以相同格式流式返回对话补全：`data: {json}` 事件（含 choices[].delta），以 `data: [DONE]` 结束。',
  );

export const urlProblem = (reason: 'dynamicPath' | 'unexpectedPath' | 'escaped' | 'sharedPath', url: string, origin: string, path: string, detail?: string): Localized => {
  switch (reason) {
    case 'sharedPath':
      return t(
        `${url} is only the default of a base URL the caller or the environment may set, and the /v1 written after it serves every value; the provider's API lives under ${path || '/'} at ${origin}, so dropping /v1 for the default would break every other value.`,
        `${url} 只是调用方或环境可设置的 base URL 的默认值，其后写的 /v1 对所有取值都生效；服务商的接口位于 ${origin} 的 ${path || '/'} 之下，为默认值去掉 /v1 会破坏其他取值。`,
      );
    case 'dynamicPath':
      return t(
        `The path after ${url} is built at run time and starts with /v1 at OpenAI; the provider's API lives under ${path || '/'} at ${origin}, which a host swap cannot express.`,
        `${url} 之后的路径在运行时拼接，在 OpenAI 上以 /v1 开头；服务商的接口位于 ${origin} 的 ${path || '/'} 之下，仅替换主机无法做到。`,
      );
    case 'unexpectedPath':
      return t(
        `The URL continues with '${detail ?? ''}' instead of /v1, which banjia does not know how to map.`,
        `该地址之后是 '${detail ?? ''}' 而不是 /v1，banjia 无法确定如何映射。`,
      );
    case 'escaped':
      return t('The URL literal is written with escapes; edit it by hand.', '该地址字面量含转义字符，请手动修改。');
  }
};
export const urlProblemAction = (origin: string, path: string): Localized =>
  t(
    `Point the host at ${origin} and make the path start with ${path || '/'} instead of /v1.`,
    `将主机改为 ${origin}，并把路径开头的 /v1 改为 ${path || '/'}。`,
  );

export const wireRequest = (base: string, path: string): Localized =>
  t(`OpenAI-format request to ${base}${path.startsWith('/') ? '' : '/'}${path}`, `OpenAI 格式的请求：${base}${path.startsWith('/') ? '' : '/'}${path}`);
export const wireRequestReason = (): Localized =>
  t(
    'The path is OpenAI’s API; the base comes from run-time configuration, so where it goes (OpenAI by default in many apps) cannot be seen here. Providers put their own prefix before the path (/compatible-mode/v1, /api/paas/v4).',
    '路径是 OpenAI 的接口；基础地址来自运行时配置，无法从代码看出发往何处（很多应用默认是 OpenAI）。服务商的路径前缀各不相同（/compatible-mode/v1、/api/paas/v4）。',
  );
export const hostRequest = (via: string, host: string, path: string | undefined): Localized =>
  t(`request to ${host}${path ?? ''} with ${via}`, `使用 ${via} 向 ${host}${path ?? ''} 发送的请求`);
export const hostRequestReason = (): Localized =>
  t('The host is OpenAI’s, given apart from the path: point both at the provider (its host and its path prefix).', '主机是 OpenAI 的，并且与路径分开给出：请把两者都改为服务商的（主机与路径前缀）。');
export const paramRequest = (via: string, caller: string): Localized =>
  t(`request with ${via} whose host comes from its caller (${caller} passes OpenAI's)`, `使用 ${via} 的请求，主机由调用方传入（${caller} 传入 OpenAI 的主机）`);
export const paramRequestReason = (): Localized =>
  t('The helper sends wherever its caller says; a caller sends it to OpenAI.', '此辅助函数把请求发往调用方指定的地址；有调用方把它发往 OpenAI。');
export const wrapperCall = (callee: string, request: { file: string; line: number }): Localized =>
  t(`calls ${callee}(), which sends an OpenAI request (${request.file}:${request.line})`, `调用 ${callee}()，它会发送 OpenAI 请求（${request.file}:${request.line}）`);
export const wrapperCallReason = (): Localized =>
  t('The request itself is reported where it is sent; this call is where the app reaches it.', '请求本身在发送处报告；此处是应用调用它的位置。');
export const localClient = (cls: string, request: { file: string; line: number }): Localized =>
  t(`creates ${cls}, an OpenAI client written in the project (it sends at ${request.file}:${request.line})`, `创建 ${cls}（项目自己编写的 OpenAI 客户端，在 ${request.file}:${request.line} 发送请求）`);
export const localClientReason = (): Localized =>
  t('Its requests go to OpenAI: they move when its base URL and key do (reported where it sends).', '它的请求发往 OpenAI：修改它的基础地址和密钥后即可迁移（在发送处报告）。');
export const localImport = (names: string[]): Localized =>
  t(`imports ${names.join(', ')}, which send OpenAI requests`, `导入 ${names.join('、')}（会发送 OpenAI 请求）`);
export const requestUrl = (url: string, line: number): Localized => t(`builds the URL ${url} sent at line ${line}`, `拼接第 ${line} 行请求的地址 ${url}`);
export const requestUrlReason = (): Localized =>
  t('The request’s address is assembled here; it moves with the base it is built from.', '请求地址在此拼接；它随所用的基础地址一起迁移。');

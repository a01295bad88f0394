/** Person-facing texts of the `openai-v3` module, in English and Chinese. */
import { t, type Localized } from '../../core/text.js';
import type { ApiFamily } from '../../core/types.js';
import { familyText } from '../openai/messages.js';
import type { Routing } from '../openai/detect.js';
import type { V3Method, V3Package } from './binding.js';
import { routingText } from '../shared/routing.js';

export { modelId, modelReason } from '../openai/messages.js';

export const DOCS = {
  v3: 'https://github.com/openai/openai-node/tree/v3.3.0#readme',
  v4Migration: 'https://github.com/openai/openai-node/discussions/217',
  edge: 'https://github.com/dan-kwiat/openai-edge',
  deprecations: 'https://platform.openai.com/docs/deprecations',
};

const PACKAGE: Record<V3Package, string> = { openai: 'openai v3', 'openai-edge': 'openai-edge' };

export const importOf = (specifier: string): Localized =>
  t(`imports the legacy v3 OpenAI API ('${specifier}')`, `导入旧版 v3 OpenAI 接口（'${specifier}'）`);
export const importReason = (pkg: V3Package): Localized =>
  pkg === 'openai-edge'
    ? t(
        'openai-edge is a fetch-based copy of openai v3.3.0; its Configuration takes a basePath, so the move needs no new package.',
        'openai-edge 是 openai v3.3.0 的 fetch 版复刻；其 Configuration 支持 basePath，迁移无需更换依赖。',
      )
    : t(
        'openai v3 stays usable: its Configuration takes a basePath, so pointing it at the provider is enough. The v4 upgrade is optional.',
        'openai v3 仍可使用：其 Configuration 支持 basePath，指向服务商即可。升级到 v4 是可选的。',
      );
export const typeImport = (specifier: string): Localized => t(`imports v3 types ('${specifier}')`, `导入 v3 类型（'${specifier}'）`);
export const typeImportReason = (): Localized =>
  t('Type-only imports have no runtime effect; they are reported and never rewritten.', '仅类型导入没有运行时影响：只报告，不改写。');

export const configuration = (pkg: V3Package): Localized =>
  t(`creates a Configuration (${PACKAGE[pkg]}: apiKey, basePath)`, `创建 Configuration（${PACKAGE[pkg]}：apiKey、basePath）`);
export const configurationReason = (): Localized =>
  t(
    'The Configuration holds the key and the endpoint: without basePath every request goes to https://api.openai.com/v1, which mainland China cannot reach since 2024-07-09.',
    'Configuration 保存密钥和接口地址：未设置 basePath 时所有请求都发往 https://api.openai.com/v1，自 2024-07-09 起中国大陆已无法访问。',
  );
export const client = (pkg: V3Package): Localized => t(`creates an OpenAIApi client (${PACKAGE[pkg]})`, `创建 OpenAIApi 客户端（${PACKAGE[pkg]}）`);
export const clientReason = (pkg: V3Package): Localized =>
  t(
    `Its requests go where its Configuration's basePath says (or its second argument, when the Configuration has none)${pkg === 'openai-edge' ? '; openai-edge returns fetch Responses' : '; v3 returns axios responses'}.`,
    `其请求发往 Configuration 的 basePath（Configuration 未设置时取第二个参数）${pkg === 'openai-edge' ? '；openai-edge 返回 fetch Response' : '；v3 返回 axios 响应'}。`,
  );


export const clientRouted = (routing: Routing, pkg: V3Package): Localized => {
  const where = routingText(routing);
  return t(`OpenAIApi client (${PACKAGE[pkg]}) already routed to ${where.en}`, `OpenAIApi 客户端（${PACKAGE[pkg]}）已指向${where.zh}`);
};
export const configurationRouted = (routing: Routing, pkg: V3Package): Localized => {
  const where = routingText(routing);
  return t(`Configuration (${PACKAGE[pkg]}) already routed to ${where.en}`, `Configuration（${PACKAGE[pkg]}）已指向${where.zh}`);
};
export const routedReason = (): Localized =>
  t(
    'A basePath that points elsewhere (or comes from configuration) is left exactly as written, and so are the calls and models of its client.',
    'basePath 已指向别处（或来自配置）的客户端保持原样，其调用和模型名也不改写。',
  );

export const basePathDefault = (url: string): Localized => t(`OpenAI endpoint '${url}' feeds a v3 basePath`, `OpenAI 接口 '${url}' 被用作 v3 的 basePath`);
export const basePathDefaultReason = (): Localized =>
  t(
    'This default reaches the client from another place; apply sets basePath at the client itself, so the client stops reading it.',
    '该默认值从别处传入客户端；apply 会直接在客户端处设置 basePath，客户端将不再读取它。',
  );

export const call = (callee: string, family: ApiFamily): Localized => {
  const f = familyText(family);
  return t(`${f.en} call ${callee}()`, `${f.zh}调用 ${callee}()`);
};
export const retiredCall = (callee: string): Localized => t(`call of a retired OpenAI endpoint ${callee}()`, `调用已停用的 OpenAI 接口 ${callee}()`);
export const callReason = (spec: V3Method, pkg: V3Package): Localized => {
  if (spec.retired) return retiredReason(spec.retired);
  const shape = pkg === 'openai-edge' ? t('a fetch Response', 'fetch Response') : t('an axios response (res.data…)', 'axios 响应（res.data…）');
  return spec.family === 'chat'
    ? t(`Chat completions are the OpenAI-compatible core every provider serves; the result is ${shape.en}.`, `对话补全是各服务商都兼容的核心接口；返回值为${shape.zh}。`)
    : t(`Whether this moves depends on the provider's ${familyText(spec.family).en} support.`, `能否迁移取决于服务商是否支持${familyText(spec.family).zh}。`);
};

export function retiredReason(kind: NonNullable<V3Method['retired']>): Localized {
  switch (kind) {
    case 'edits':
      return t(
        'OpenAI shut the /v1/edits endpoint down on 2024-01-04 and no provider serves it.',
        'OpenAI 已于 2024-01-04 关闭 /v1/edits 接口，国内服务商也均未提供。',
      );
    case 'fineTunes':
      return t(
        'OpenAI shut the legacy /v1/fine-tunes API down on 2024-01-04; the providers fine-tune on their own platforms.',
        'OpenAI 已于 2024-01-04 关闭旧版 /v1/fine-tunes 接口；国内服务商在各自平台上进行微调。',
      );
    default:
      return t(
        'OpenAI removed the engines, answers, classifications and search endpoints; no provider serves them.',
        'OpenAI 已移除 engines、answers、classifications 和 search 接口，国内服务商也均未提供。',
      );
  }
}

export function retiredAction(kind: NonNullable<V3Method['retired']>): Localized {
  switch (kind) {
    case 'edits':
      return t(
        'Rewrite it as a chat completion: the instruction as the system message, the input as the user message.',
        '改写为对话补全：instruction 作为 system 消息，input 作为 user 消息。',
      );
    case 'fineTunes':
      return t('Fine-tune on the provider\'s platform, or drop this code.', '在服务商平台上进行微调，或删除此代码。');
    default:
      return t('Remove the call, or rebuild it on chat completions or embeddings.', '删除此调用，或改用对话补全或向量嵌入实现。');
  }
}

export const axiosResponse = (method: string, lines: number[], pattern: boolean): Localized => {
  const where = pattern ? 'const { data } = …' : `res.data (line${lines.length > 1 ? 's' : ''} ${lines.join(', ')})`;
  const whereZh = pattern ? 'const { data } = …' : `res.data（第 ${lines.join('、')} 行）`;
  return t(`${method}() result read as an axios response: ${where}`, `${method}() 的返回值按 axios 响应读取：${whereZh}`);
};
export const axiosResponseReason = (): Localized =>
  t(
    'v3 returns an axios response, so the body is under .data; v4 returns the body itself (res.data.choices → res.choices, res.data.data[0].embedding → res.data[0].embedding). Nothing changes while the code stays on v3.',
    'v3 返回 axios 响应，响应体在 .data 下；v4 直接返回响应体（res.data.choices → res.choices，res.data.data[0].embedding → res.data[0].embedding）。继续使用 v3 时无需修改。',
  );
export const axiosError = (method: string, lines: number[]): Localized =>
  t(
    `errors of ${method}() read as axios errors: error.response (line${lines.length > 1 ? 's' : ''} ${lines.join(', ')})`,
    `${method}() 的错误按 axios 错误读取：error.response（第 ${lines.join('、')} 行）`,
  );
export const axiosErrorReason = (): Localized =>
  t(
    'v3 throws axios errors (error.response.status, error.response.data); v4 throws OpenAI.APIError, whose status is error.status and whose body is error.error, and error.response is undefined. Nothing changes while the code stays on v3.',
    'v3 抛出 axios 错误（error.response.status、error.response.data）；v4 抛出 OpenAI.APIError，状态码为 error.status，错误体为 error.error，error.response 为 undefined。继续使用 v3 时无需修改。',
  );
export const shapeAction = (offered: boolean): Localized =>
  offered
    ? t(
        'apply --include-review upgrades this file to openai v4 and drops the .data; check the result, then install openai@4 or later.',
        'apply --include-review 会将此文件升级到 openai v4 并去掉 .data；请检查结果，然后安装 openai@4 或更高版本。',
      )
    : t(
        'Only when you upgrade to openai v4: change these reads as the reason says (the import finding explains why the upgrade is not automatic here).',
        '仅在升级到 openai v4 时需要：按上述说明修改这些读取（import 的发现中说明了此处为何不能自动升级）。',
      );

export const edgeNoUpgrade = (): Localized =>
  t(
    'openai-edge returns fetch Responses (await res.json(), res.body for streams, often fed to OpenAIStream), which the v4 SDK does not: the upgrade is not automatic. Pointing basePath at the provider is all the move needs.',
    'openai-edge 返回 fetch Response（await res.json()，流式取 res.body，常交给 OpenAIStream），v4 SDK 不是这样：无法自动升级。迁移只需把 basePath 指向服务商。',
  );
export const upgradeImportShape = (): Localized =>
  t(
    'the import binds more than Configuration and OpenAIApi (v3 types and enums were renamed in v4), or uses aliases',
    '导入的不只是 Configuration 和 OpenAIApi（v3 的类型和枚举在 v4 中已改名），或使用了别名',
  );
export const upgradeNameTaken = (): Localized => t('the name OpenAI is already used in this file', '此文件中已使用了 OpenAI 这个名字');
export const upgradeOtherImports = (): Localized => t('the file imports openai more than once', '此文件多次导入 openai');
export const upgradeOtherUse = (name: string, line: number): Localized =>
  t(`${name} is used other than in a new expression (line ${line})`, `${name} 在 new 以外的地方被使用（第 ${line} 行）`);
export const upgradeNoClient = (): Localized => t('the file builds no OpenAIApi', '此文件没有创建 OpenAIApi');
export const upgradeRouted = (line: number): Localized => t(`the client at line ${line} is not moving (already routed)`, `第 ${line} 行的客户端已指向别处，不迁移`);
export const upgradeArguments = (line: number): Localized =>
  t(`new OpenAIApi at line ${line} takes a basePath or axios instance argument`, `第 ${line} 行的 new OpenAIApi 传入了 basePath 或 axios 实例参数`);
export const upgradeClientEscapes = (line: number): Localized =>
  t(`the client at line ${line} is exported, typed or not held in a plain const/let, so its other uses cannot be seen`, `第 ${line} 行的客户端被导出、带类型注解或未保存在普通 const/let 中，无法看到其所有用法`);
export const upgradeConfigElsewhere = (line: number): Localized =>
  t(`the Configuration used at line ${line} is built elsewhere or not in a plain const/let`, `第 ${line} 行使用的 Configuration 在别处创建或未保存在普通 const/let 中`);
export const upgradeConfigShared = (line: number): Localized =>
  t(`the Configuration used at line ${line} is also used elsewhere`, `第 ${line} 行使用的 Configuration 还在别处被使用`);
export const upgradeConfigOptions = (line: number, extra: string[]): Localized =>
  t(
    `the Configuration at line ${line} has options v4 names differently or lacks (${extra.join(', ') || 'not an object literal'})`,
    `第 ${line} 行的 Configuration 含有 v4 改名或不支持的选项（${extra.join('、') || '不是对象字面量'}）`,
  );
export const upgradeClientUse = (line: number): Localized =>
  t(
    `the client is used at line ${line} other than to call createChatCompletion, createCompletion, createEmbedding, createImage or createModeration`,
    `第 ${line} 行对客户端的用法不是调用 createChatCompletion、createCompletion、createEmbedding、createImage 或 createModeration`,
  );
export const upgradeCallOptions = (line: number): Localized =>
  t(`the call at line ${line} passes axios request options, which v4 does not take`, `第 ${line} 行的调用传入了 axios 请求选项，v4 不接受`);
export const upgradeStream = (line: number): Localized =>
  t(`the call at line ${line} streams (v3 streams through axios responseType: 'stream')`, `第 ${line} 行的调用使用流式输出（v3 通过 axios responseType: 'stream' 实现）`);
export const upgradeResultUse = (line: number): Localized =>
  t(`the result is used at line ${line} other than through .data`, `第 ${line} 行对返回值的使用不是通过 .data`);
export const upgradeErrors = (line: number): Localized =>
  t(`errors of the call at line ${line} are read as axios errors (error.response)`, `第 ${line} 行调用的错误按 axios 错误读取（error.response）`);

export const upgradeOffered = (clients: number, calls: number): Localized =>
  t(
    `openai v4 upgrade available (review): ${clients} client${clients === 1 ? '' : 's'}, ${calls} call${calls === 1 ? '' : 's'}`,
    `可升级到 openai v4（需审核）：${clients} 个客户端，${calls} 个调用`,
  );
export const upgradeAction = (): Localized =>
  t(
    'apply --include-review upgrades this file to openai v4: import OpenAI, new OpenAI({ apiKey, baseURL }) from the options, chat.completions.create / completions.create / embeddings.create / images.generate / moderations.create, and no .data on the results. Then install openai@4 or later (package.json is not edited). Without it, v3 keeps working against the provider.',
    'apply --include-review 会将此文件升级到 openai v4：import OpenAI，用原选项创建 new OpenAI({ apiKey, baseURL })，改用 chat.completions.create / completions.create / embeddings.create / images.generate / moderations.create，并去掉返回值上的 .data。之后请安装 openai@4 或更高版本（不会修改 package.json）。不升级时 v3 也能继续对接服务商。',
  );
export const upgradeNotOffered = (reasons: Localized[]): Localized =>
  t(
    `No automatic v4 upgrade here: ${reasons.map((r) => r.en).join('; ')}. v3 keeps working against the provider; upgrade by hand when you want to (see the migration guide).`,
    `此处无法自动升级到 v4：${reasons.map((r) => r.zh).join('；')}。v3 仍可继续对接服务商；如需升级请参照迁移指南手动进行。`,
  );

export const noConfiguration = (): Localized =>
  t(
    'new OpenAIApi() without a Configuration sends no API key. Pass new Configuration({ apiKey, basePath }) for the provider.',
    'new OpenAIApi() 未传入 Configuration，请求不带 API 密钥。请传入服务商的 new Configuration({ apiKey, basePath })。',
  );
export const mixedRouting = (): Localized =>
  t(
    'This Configuration is handed to OpenAIApi clients that disagree on the endpoint (some pass a basePath argument, some do not): give each client its own Configuration with its basePath.',
    '该 Configuration 被传给接口地址不一致的多个 OpenAIApi 客户端（有的传入 basePath 参数，有的没有）：请为每个客户端分别创建带 basePath 的 Configuration。',
  );
export const azureRouting = (): Localized =>
  t(
    'This v3 client points at Azure OpenAI (Azure closed to individual mainland users in October 2024): set basePath to the provider and remove the api-key header and api-version query from baseOptions.',
    '此 v3 客户端指向 Azure OpenAI（Azure 已于 2024 年 10 月起不再向中国大陆个人用户开放）：请将 basePath 改为服务商地址，并删除 baseOptions 中的 api-key 请求头和 api-version 查询参数。',
  );
export const proxyNote = (names: string[]): Localized =>
  t(
    `baseOptions sets ${names.join(', ')}: a proxy that was there to reach OpenAI is not needed for the provider; drop it if that was its only job.`,
    `baseOptions 中设置了 ${names.join('、')}：为访问 OpenAI 而设的代理对服务商并不需要；如仅为此用途，可删除。`,
  );
export const callProxyNote = (names: string[]): Localized =>
  t(
    `The request options set ${names.join(', ')}: a proxy that was there to reach OpenAI is not needed for the provider (and slows it down); drop it if that was its only job.`,
    `请求选项中设置了 ${names.join('、')}：为访问 OpenAI 而设的代理对服务商并不需要（还会拖慢请求）；如仅为此用途，可删除。`,
  );

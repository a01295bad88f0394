/** What the sweep's findings say, in English and Chinese. */
import { t, type Localized } from '../core/text.js';
import type { SweepPayload } from './detect.js';

export function message(payload: SweepPayload, subject: string): Localized {
  switch (payload.type) {
    case 'model':
      if (payload.dataSet) {
        const count = new Set(payload.spots.map((s) => s.id)).size;
        return t(`data file listing ${count} OpenAI model id${count === 1 ? "" : "s"} (${subject})`, `数据文件，列出 ${count} 个 OpenAI 模型名（${subject}）`);
      }
      if (payload.verdict === 'mention') return t(`mentions OpenAI model ${subject}`, `提到 OpenAI 模型 ${subject}`);
      if (payload.verdict === 'other-provider') {
        return payload.prefix
          ? t(`gateway model id ${payload.prefix}${subject} (another service's name for OpenAI's model)`, `网关模型名 ${payload.prefix}${subject}（其他服务对 OpenAI 模型的命名）`)
          : t(`OpenAI model id ${subject} used for ${payload.provider ?? 'another provider'}`, `用于 ${payload.provider ?? '其他服务商'} 的 OpenAI 模型名 ${subject}`);
      }
      return payload.spots.length > 1
        ? t(`list of ${payload.spots.length} OpenAI model ids (${subject})`, `包含 ${payload.spots.length} 个 OpenAI 模型名的列表（${subject}）`)
        : t(`OpenAI model id '${subject}'`, `OpenAI 模型名 '${subject}'`);
    case 'host':
      return payload.verdict === 'mention' ? t(`mentions ${subject}`, `提到 ${subject}`) : t(`OpenAI endpoint ${subject} in '${payload.value}'`, `OpenAI 接口 ${subject}（'${payload.value}'）`);
    case 'env':
      if (payload.verdict === 'not-api') return t(`${subject} is a ChatGPT web session token, not an API key`, `${subject} 是 ChatGPT 网页会话令牌，不是 API key`);
      return payload.verdict === 'mention' ? t(`mentions ${subject}`, `提到 ${subject}`) : t(`uses ${subject}`, `使用 ${subject}`);
    case 'import':
      return payload.typeOnly ? t(`imports types from '${subject}'`, `从 '${subject}' 导入类型`) : t(`imports '${subject}'`, `导入 '${subject}'`);
    case 'keyFormat':
      return t(`checks that an API key starts with 'sk-'`, `检查 API key 是否以 'sk-' 开头`);
    case 'header':
      return payload.verdict === 'mention' ? t(`mentions the ${subject} header`, `提到 ${subject} 请求头`) : t(`uses OpenAI's ${subject} header`, `使用 OpenAI 的 ${subject} 请求头`);
    case 'settingKey':
      if (payload.verdict === 'not-api') return t(`${subject} holds a ChatGPT web session value, not an API key`, `${subject} 保存的是 ChatGPT 网页会话值，不是 API key`);
      if (payload.verdict === 'other-provider') return t(`key '${subject}' belongs to ${payload.provider ?? 'another provider'}`, `键 '${subject}' 属于 ${payload.provider ?? '其他服务商'}`);
      return payload.verdict === 'mention' ? t(`mentions the setting '${subject}'`, `提到设置项 '${subject}'`) : t(`keeps the OpenAI key under '${subject}'`, `以 '${subject}' 保存 OpenAI 的 key`);
    default:
      return t(`call shaped like OpenAI's ${subject}()`, `形如 OpenAI ${subject}() 的调用`);
  }
}

export function reason(payload: SweepPayload): Localized {
  if (payload.verdict === 'other-provider') {
    return t('It belongs to another provider or gateway, not to OpenAI; the move leaves it alone.', '它属于其他服务商或网关，而不是 OpenAI；迁移不改动它。');
  }
  if (payload.verdict === 'not-api') {
    return t('The ChatGPT web app is not the OpenAI API; no provider replaces it, and the move leaves it alone.', 'ChatGPT 网页版不是 OpenAI API，没有服务商可以替代；迁移不改动它。');
  }
  if (payload.type === 'model' && payload.dataSet) {
    return t(
      'A list of records (a fetched model list, test results), not settings the app reads to pick a model: reported once and left as is; if the app does read it, map its ids by hand.',
      '这是记录列表（抓取的模型列表、测试结果），不是应用用来选择模型的设置：只报告一次、不做改动；如果应用确实读取它，请手动替换其中的模型名。',
    );
  }
  if (payload.verdict === 'mention') {
    return t('Only text names it (a comment, a message, a type); nothing sent changes, but the text may mislead after the move.', '只是文字提到（注释、提示文本、类型）；请求不受影响，但迁移后文字可能产生误导。');
  }
  switch (payload.type) {
    case 'model':
      return t('The providers reject OpenAI model ids; no SDK call was traced to this value, so banjia cannot tell which call it reaches.', '服务商不接受 OpenAI 模型名；未追踪到使用它的 SDK 调用，无法确定它流向哪个请求。');
    case 'host':
      return t('Requests to this address go to OpenAI, which does not serve mainland China.', '发往此地址的请求会到达 OpenAI，而 OpenAI 不为中国大陆提供服务。');
    case 'env':
      return t('The OpenAI setting is read here in a form banjia does not rewrite (an env object, a schema, a config key).', '此处以 banjia 不改写的形式读取 OpenAI 配置（环境对象、校验 schema、配置键）。');
    case 'import':
      return t('No client or call was traced through this import.', '未能通过此导入追踪到客户端或调用。');
    case 'header':
      return t(
        'It names an organization or project of an OpenAI account; the provider has no OpenAI accounts, so the value means nothing to it.',
        '它指定 OpenAI 账户下的组织或项目；服务商没有 OpenAI 账户，这个值对它没有意义。',
      );
    case 'settingKey':
      return t(
        'The app stores or reads the user’s OpenAI key under this name (browser storage, a settings file, a form field): after the move it must hold the provider’s key, and what the app says and checks about it still says OpenAI.',
        '应用以此名称保存或读取用户的 OpenAI key（浏览器存储、配置文件、表单字段）：迁移后这里必须保存服务商的 key，而应用对它的提示和检查仍写着 OpenAI。',
      );
    case 'keyFormat':
      return t(
        'OpenAI keys start with sk-; several providers’ keys do not (Zhipu’s are id.secret, Baidu’s and Tencent’s have other forms): the check would reject the new key.',
        'OpenAI 的 key 以 sk- 开头；一些服务商的 key 不是（智谱为 id.secret，百度、腾讯另有格式）：此检查会拒绝新的 key。',
      );
    default:
      return t('It has the shape of an OpenAI SDK call, but its client could not be traced to an import.', '它具有 OpenAI SDK 调用的形式，但无法追踪其客户端来自哪个导入。');
  }
}

export function action(payload: SweepPayload, target?: { baseURL: string; model?: string; keyEnv: string }): Localized | undefined {
  if (payload.verdict !== 'usage') return undefined;
  switch (payload.type) {
    case 'model':
      return target?.model
        ? t(`Use the provider's model id (${target.model}) where this value is sent to a model.`, `在此值被发送给模型的地方改用服务商的模型名（${target.model}）。`)
        : t('Use the provider’s model id where this value is sent to a model.', '在此值被发送给模型的地方改用服务商的模型名。');
    case 'host':
      return target
        ? t(`Point it at ${target.baseURL}, or make it configurable.`, `改为指向 ${target.baseURL}，或改为可配置。`)
        : t('Point it at the provider’s base URL, or make it configurable.', '改为指向服务商的 base URL，或改为可配置。');
    case 'env':
      return target ? t(`Read ${target.keyEnv} (or the provider's variable) where this is used for the provider.`, `在用于服务商的地方改为读取 ${target.keyEnv}（或服务商的变量）。`) : undefined;
    case 'import':
      if (payload.type === 'import' && /^@openai\/agents/.test(payload.specifier)) return agentsAction(payload.specifier, target);
      return t('Check what this module uses from OpenAI; mark it with migrate-ignore-next-line when nothing.', '检查此模块使用了 OpenAI 的哪些功能；若没有，用 migrate-ignore-next-line 标记。');
    case 'keyFormat':
      return t('Accept the provider’s key format, or drop the check.', '改为接受服务商的 key 格式，或删除此检查。');
    case 'header':
      return t('Drop this header (and its setting) where the request goes to the provider.', '在请求发往服务商的地方删除此请求头（及其配置）。');
    case 'settingKey':
      return target
        ? t(`Store the provider's key here (its variable is ${target.keyEnv}) and update the labels and checks around it; keep the name or rename it everywhere it is read.`, `在此保存服务商的 key（其环境变量为 ${target.keyEnv}），并更新相关的提示与检查；保留此名称，或在所有读取处一并改名。`)
        : t('Store the provider’s key here and update the labels and checks around it.', '在此保存服务商的 key，并更新相关的提示与检查。');
    default:
      return t('Check which client this is; if it is OpenAI’s, point it at the provider.', '确认这是哪个客户端；如果是 OpenAI 的，改为指向服务商。');
  }
}

/** A model id in a settings entry that names its provider: the entry moves as a whole or not at all. */
export function entryAction(provider: string, target: { provider: { name: { en: string; zh: string } }; baseURL: string }): Localized {
  return t(
    `This entry sends its model through provider '${provider}', so the id cannot change alone: move the whole entry (its provider, base URL and key) to ${target.provider.name.en} (${target.baseURL}) the way this app configures an OpenAI-compatible provider, then use its model id.`,
    `此条目通过 provider '${provider}' 发送模型，不能只改模型名：请按此应用配置 OpenAI 兼容服务商的方式，把整个条目（provider、base URL 与 key）改到 ${target.provider.name.zh}（${target.baseURL}），再使用其模型名。`,
  );
}

/** A model id the code matches against or names an entry with: no id of the provider replaces it one for one. */
export function nameCheckAction(check: 'match' | 'key'): Localized {
  return check === 'match'
    ? t(
        'The code tests a model name against this OpenAI id or family (o1, gpt-4…): decide what the test means for the provider’s ids and rewrite it by hand; banjia does not map it.',
        '代码用此 OpenAI 模型名或系列（o1、gpt-4…）做判断：请确定该判断对服务商模型名的含义并手动改写；banjia 不映射它。',
      )
    : t(
        'This OpenAI id names an entry (a key): mapping it could merge two entries into one. Add or rename the entry for the provider’s id by hand.',
        '此 OpenAI 模型名用作条目的键：映射可能把两个条目合并为一个。请手动为服务商的模型名添加或重命名条目。',
      );
}

/**
 * OpenAI's Agents SDK (@openai/agents-openai defaults.ts: DEFAULT_OPENAI_API 'responses', default
 * model gpt-4.1, key and trace export from OPENAI_API_KEY) reaches OpenAI unless the app hands it a
 * client: one call at start-up moves every agent, and its realtime sessions have no counterpart.
 */
function agentsAction(specifier: string, target?: { baseURL: string; keyEnv: string }): Localized {
  if (/realtime/.test(specifier)) {
    return t(
      'Realtime agent sessions speak OpenAI’s Realtime protocol (WebRTC/WebSocket), which no provider here serves: keep them on OpenAI or rebuild the voice path on the provider’s own speech APIs.',
      '实时 agent 会话使用 OpenAI 的 Realtime 协议（WebRTC/WebSocket），这里没有服务商支持：请保留在 OpenAI，或改用服务商自己的语音接口重建。',
    );
  }
  const base = target?.baseURL ?? 'the provider’s base URL';
  const key = target?.keyEnv ?? 'the provider’s key';
  return t(
    `The Agents SDK calls OpenAI’s Responses API with OPENAI_API_KEY by default (default model gpt-4.1) and exports traces to OpenAI: at start-up call setDefaultOpenAIClient(new OpenAI({ baseURL: '${base}', apiKey: process.env.${key} })) and setOpenAIAPI('chat_completions'), give every Agent the provider’s model id, and turn trace export off.`,
    `Agents SDK 默认以 OPENAI_API_KEY 调用 OpenAI 的 Responses API（默认模型 gpt-4.1），并把 trace 上传到 OpenAI：请在启动时调用 setDefaultOpenAIClient(new OpenAI({ baseURL: '${base}', apiKey: process.env.${key} })) 与 setOpenAIAPI('chat_completions')，为每个 Agent 设置服务商的模型名，并关闭 trace 上传。`,
  );
}

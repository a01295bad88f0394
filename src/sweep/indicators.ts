/**
 * The sweep's indicators: text that means "OpenAI" whatever the code around it looks like. A model
 * id, an OpenAI host, an env name with OPENAI in it, an import of the SDK or of a wrapper around it.
 * Kept free of the parser so discover can use them as prefilter markers.
 */

/**
 * OpenAI model ids as they appear inside a string: the families of OpenAI's model list
 * (openai-sdk.md §10), dated snapshots and suffixes included. An optional `vendor/` prefix is
 * captured so a gateway's `openai/gpt-4o` can be told apart. `gpt-oss` is an open-weights model
 * that OpenAI's API does not serve; it is not an indicator.
 */
const FAMILY =
  String.raw`gpt-(?!oss)(?:3\.5|35|4(?:\.\d+)?o?|5(?:\.\d+)?|6(?:\.\d+)?|image|realtime|audio)(?:-[a-z0-9][\w.]*)*` +
  String.raw`|chatgpt-4o[\w.-]*|codex-mini[\w.-]*|computer-use-preview[\w.-]*` +
  String.raw`|text-embedding-(?:ada-002|3-small|3-large)|text-(?:davinci|curie|babbage|ada)-\d{3}|code-davinci-\d{3}|(?:davinci|babbage)-002` +
  String.raw`|dall-e-[23]|whisper-1|tts-1(?:-hd)?(?:-\d{4})?|(?:omni|text)-moderation-[\w-]+|sora-\d[\w-]*`;
/** o-series ids are short words (`o1`, `o3-mini`): only a whole string value counts. */
const O_SERIES = String.raw`o[1-9](?:-(?:mini|pro|preview|deep-research))*(?:-\d{4}-\d{2}-\d{2})?`;

export const MODEL_IN_TEXT = new RegExp(String.raw`(?<![\w.-])((?:[\w.-]+\/)?)(${FAMILY})(?![\w-]|\.\d)`, 'g');
export const O_SERIES_VALUE = new RegExp(String.raw`^((?:[\w.-]+\/)?)(${O_SERIES})$`);

/** api.openai.com and Azure OpenAI resource hosts. */
export const OPENAI_HOST = /\b(?:[a-z0-9-]+\.)?api\.openai\.com\b|(?:\b[a-z0-9-]+|\})\.openai\.azure\.com\b/gi;

/** An env-style name with OPENAI in it: OPENAI_API_KEY, AZURE_OPENAI_ENDPOINT, NEXT_PUBLIC_OPENAI_KEY. */
export const OPENAI_ENV_NAME = /\b[A-Z0-9_]*OPENAI[A-Z0-9_]*\b/g;

/**
 * Packages that talk to OpenAI: the SDK (and its subpaths), its edge fork, the AI SDK and LangChain
 * integrations, and wrappers that hide it (chatgpt, dexter, genkit's plugin, llamaindex's OpenAI
 * classes, openai-fetch, Microsoft's @azure/openai) and OpenAI's Agents SDK (`@openai/agents*`).
 */
export const OPENAI_PACKAGE =
  /^(?:openai(?:\/.*)?|openai-edge|openai-fetch|openai-api|@ai-sdk\/(?:openai|azure)(?:\/.*)?|@langchain\/openai|@langchain\/azure-openai|langchain\/(?:.*\/)?(?:openai|azure_openai)|chatgpt|@dexaai\/dexter(?:\/.*)?|genkitx-openai|@genkit-ai\/compat-oai(?:\/.*)?|llamaindex|@llamaindex\/openai|@azure\/openai|@openai\/agents(?:-[a-z]+)?(?:\/.*)?)$/;

/**
 * OpenAI's own request headers: they pick an organization or a project of an OpenAI account
 * (openai-sdk.md: the SDK's `organization` and `project` options). Quoted, case as written.
 */
export const OPENAI_HEADER = /(['"`])(openai-(?:organization|project))\1/gi;

/**
 * A quoted name with OpenAI in it (`'openai_api_key'`, `["openaiKey"]`, `'openai.apiKey'`): a
 * storage or settings key when isOpenAiCredentialName says so. Env-style names are OPENAI_ENV_NAME's.
 */
export const QUOTED_OPENAI_NAME = /(['"`])([\w.$-]*open_?ai[\w.$-]*)\1/gi;

/** A settings-file key with OpenAI in it (`openai_api_key = ""`, `"openaiKey": ""`, `  openai-key:`). */
export const CONFIG_OPENAI_KEY = /^[ \t]*(?:-[ \t]+)?["']?([\w.$-]*open_?ai[\w.$-]*)["']?[ \t]*[:=]/gim;

/**
 * Whether a key names the user's OpenAI credential: OpenAI in it, a key, token or secret at its
 * end (`openaiApiKey`, `azure_openai_api_key`, `llm.openai.api_key`). Env-style names are left to
 * OPENAI_ENV_NAME; an "OpenAI-compatible" or "generic OpenAI" key is for any endpoint, not OpenAI's;
 * a plural (`azureOpenAiApiModelKeys`) names a list of ids, not a credential.
 */
export function isOpenAiCredentialName(name: string): boolean {
  if (/^[A-Z0-9_]+$/.test(name)) return false;
  const flat = name.toLowerCase().replace(/[^a-z0-9]/g, '');
  return flat.includes('openai') && !/compatible|generic|openailike/.test(flat) && /(?:key|token|secret)$/.test(flat);
}

/** One test for the prefilter: does the text hold any indicator at all? */
export const SWEEP_MARKER = new RegExp(
  [String.raw`api\.openai\.com`, String.raw`openai\.azure\.com`, 'OPENAI', String.raw`['"\`]o[1-9](?:-[a-z-]+)?['"\`]`, FAMILY].join('|'),
);

/**
 * Names of providers and gateways other than OpenAI. A model id or URL whose nearest naming
 * context (a property key, a `case`, a branch condition, a variable, an env name) is one of these
 * belongs to that provider: `[Provider.AIMLAPI]: 'gpt-4o-mini'` is the AI/ML API gateway's id.
 */
const OTHER_PROVIDERS = new Set([
  'openrouter', 'aimlapi', 'together', 'togetherai', 'groq', '302ai', 'siliconflow', 'silicon', 'deepseek', 'moonshot',
  'kimi', 'doubao', 'volcengine', 'volc', 'ark', 'dashscope', 'tongyi', 'qwen', 'zhipu', 'glm', 'bigmodel', 'chatglm',
  'ollama', 'lmstudio', 'anthropic', 'claude', 'mistral', 'gemini', 'google', 'vertex', 'cohere', 'perplexity',
  'fireworks', 'deepinfra', 'anyscale', 'xai', 'grok', 'baidu', 'qianfan', 'ernie', 'wenxin', 'hunyuan', 'tencent',
  'minimax', 'stepfun', 'spark', 'xinghuo', 'iflytek', 'baichuan', 'lingyi', 'yi', 'bedrock', 'replicate', 'huggingface',
  'cloudflare', 'novita', 'sambanova', 'cerebras', 'nvidia', 'azureml', 'copilot', 'github',
]);
const OPENAI_WORDS = new Set(['openai', 'gpt', 'chatgpt', 'oai', 'azure', 'azureopenai']);

/** Lower-case words of an identifier-ish text: `OCO_AI_PROVIDER_ENUM.AIMLAPI` → oco, ai, provider, enum, aimlapi. */
export function words(text: string): string[] {
  const out: string[] = [];
  for (const token of text.split(/[^A-Za-z0-9]+/)) {
    if (!token) continue;
    // the token whole (`openAi` → openai) and its camel-case parts (`aimlApi` → aiml, api)
    out.push(token.toLowerCase());
    const parts = token.replace(/([a-z0-9])([A-Z])/g, '$1 $2').replace(/([A-Z]+)([A-Z][a-z])/g, '$1 $2').toLowerCase().split(' ');
    if (parts.length > 1) out.push(...parts);
  }
  return out;
}

/** 'openai', another provider's name, or undefined when the text names neither. */
export function providerNamed(text: string): 'openai' | string | undefined {
  const list = words(text);
  if (list.some((w) => OPENAI_WORDS.has(w))) return 'openai';
  return list.find((w) => OTHER_PROVIDERS.has(w));
}

/** Env names that hold a ChatGPT web session, not an API key: nothing to move. */
export function isWebSessionName(name: string): boolean {
  // `openai-sentinel-*-token`: the ChatGPT web app's anti-abuse headers, sent with a web session.
  return /ACCESS_?TOKEN|SESSION_?TOKEN|PUID|CLEARANCE|COOKIE|SENTINEL/i.test(name);
}

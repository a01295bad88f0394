import { describe, expect, it } from 'vitest';
import { compareSites, detectProject, type ExpectedSite } from '../helpers/detect.js';

const site = (ruleId: string, line: number, column: number, file?: string): ExpectedSite => ({ ruleId: `wrapper/${ruleId}`, line, column, ...(file ? { file } : {}) });

const cases: Array<{ name: string; files: Record<string, string>; expected: ExpectedSite[] }> = [
  {
    name: 'chatgpt: a client whose apiBaseUrl is set from an OpenAI variable only when it is set, held in a let beside a web-proxy client, is OpenAI by default',
    files: {
      'a.ts': `import { ChatGPTAPI, ChatGPTUnofficialProxyAPI } from 'chatgpt';
const model = process.env.OPENAI_API_MODEL || 'gpt-3.5-turbo';
let api: ChatGPTAPI | ChatGPTUnofficialProxyAPI;
if (process.env.OPENAI_API_KEY) {
  const options = { apiKey: process.env.OPENAI_API_KEY, completionParams: { model } };
  if (process.env.OPENAI_API_BASE_URL) options.apiBaseUrl = \`\${process.env.OPENAI_API_BASE_URL}/v1\`;
  api = new ChatGPTAPI({ ...options });
} else {
  api = new ChatGPTUnofficialProxyAPI({ accessToken: process.env.OPENAI_ACCESS_TOKEN, apiReverseProxyUrl: 'https://proxy.example/api/conversation' });
}
export const ask = (text: string) => api.sendMessage(text, { completionParams: { model } });
`,
    },
    expected: [site('import', 1, 1), site('model', 2, 47), site('chatgptClient', 7, 9), site('chatgptUnofficialProxy', 9, 9), site('chatgptSendMessage', 11, 38)],
  },
  {
    name: 'chatgpt: import, ChatGPTAPI, completionParams model, sendMessage',
    files: {
      'a.ts': `import { ChatGPTAPI } from 'chatgpt';
const api = new ChatGPTAPI({ apiKey: 'k', completionParams: { model: 'gpt-4' } });
const res = await api.sendMessage('hi');
`,
    },
    expected: [site('import', 1, 1), site('chatgptClient', 2, 13), site('model', 2, 70), site('chatgptSendMessage', 3, 19)],
  },
  {
    name: 'chatgpt from CommonJS: dynamic import, a client assigned on first use',
    files: {
      'a.js': `let api;
async function getApi() {
  if (!api) {
    const { ChatGPTAPI } = await import('chatgpt');
    api = new ChatGPTAPI({ apiKey: process.env.OPENAI_API_KEY });
  }
  return api;
}
exports.ask = async (text) => (await getApi()).sendMessage(text);
`,
    },
    expected: [site('import', 4, 34, 'a.js'), site('chatgptClient', 5, 11, 'a.js'), site('chatgptSendMessage', 9, 31, 'a.js')],
  },
  {
    name: 'ChatGPTAPI in a class field; model and base URL defaults reach it through a typed options object built in another file',
    files: {
      'inputs.ts': `export interface Options {
  model: string;
  baseUrl: string;
}
export function readOptions(): Options {
  return { model: process.env.MODEL || 'gpt-4o', baseUrl: process.env.BASE || 'https://api.openai.com/v1' };
}
`,
      'bot.ts': `import { ChatGPTAPI } from 'chatgpt';
import type { Options } from './inputs';
export class Bot {
  private api: ChatGPTAPI;
  constructor(options: Options) {
    this.api = new ChatGPTAPI({ apiKey: 'k', apiBaseUrl: options.baseUrl, completionParams: { model: options.model } });
  }
  chat(text: string) {
    return this.api.sendMessage(text);
  }
}
`,
    },
    expected: [site('import', 1, 1, 'bot.ts'), site('chatgptClient', 6, 16, 'bot.ts'), site('chatgptSendMessage', 9, 12, 'bot.ts'), site('model', 6, 40, 'inputs.ts'), site('endpoint', 6, 79, 'inputs.ts')],
  },
  {
    name: 'routed: a ChatGPTAPI on DeepSeek (no model) and the unofficial proxy client, with their calls',
    files: {
      'a.ts': `import { ChatGPTAPI, ChatGPTUnofficialProxyAPI } from 'chatgpt';
const a = new ChatGPTAPI({ apiKey: 'k', apiBaseUrl: 'https://api.deepseek.com', completionParams: { model: 'gpt-4' } });
const b = new ChatGPTUnofficialProxyAPI({ accessToken: 't' });
a.sendMessage('x');
b.sendMessage('y');
`,
    },
    expected: [site('import', 1, 1), site('chatgptClientRouted', 2, 11), site('chatgptUnofficialProxy', 3, 11), site('chatgptSendMessage', 4, 1), site('chatgptSendMessage', 5, 1)],
  },
  {
    name: 'llamaindex: only imports that bind the OpenAI classes; LLM, embedding, routed, a direct call',
    files: {
      'a.ts': `import { Document, Settings } from 'llamaindex';
import { OpenAI, OpenAIEmbedding } from '@llamaindex/openai';
Settings.llm = new OpenAI({ model: 'gpt-4o-mini' });
const embed = new OpenAIEmbedding({ model: 'text-embedding-3-small', additionalSessionOptions: { baseURL: 'https://api.openai.com/v1' } });
const routed = new OpenAI({ model: 'qwen-plus', additionalSessionOptions: { baseURL: 'https://dashscope.aliyuncs.com/compatible-mode/v1' } });
await embed.getTextEmbedding('x');
new Document({ text: 'x' });
`,
    },
    expected: [site('import', 2, 1), site('llamaindexLlm', 3, 16), site('model', 3, 36), site('llamaindexEmbedding', 4, 15), site('model', 4, 44), site('llamaindexRouted', 5, 16), site('llamaindexCall', 6, 7)],
  },
  {
    name: '@azure/openai 1.0 beta: client, call and deployment name',
    files: {
      'a.ts': `import { AzureKeyCredential, OpenAIClient } from '@azure/openai';
const client = new OpenAIClient('https://x.openai.azure.com/', new AzureKeyCredential('k'));
const r = await client.getChatCompletions('gpt-4-prod', []);
`,
    },
    expected: [site('import', 1, 1), site('azureOpenAiClient', 2, 16), site('azureOpenAiCall', 3, 17), site('azureDeployment', 3, 43)],
  },
  {
    name: 'openai-api: require, client, complete()',
    files: {
      'a.js': `const OpenAI = require('openai-api');
const openai = new OpenAI(process.env.OPENAI_API_KEY);
openai.complete({ engine: 'davinci', prompt: 'x' });
`,
    },
    expected: [site('import', 1, 16, 'a.js'), site('openaiApiClient', 2, 16, 'a.js'), site('openaiApiCall', 3, 1, 'a.js')],
  },
  {
    name: 'negative: a local ChatGPTAPI, the names in strings, another package’s OpenAI class, LlamaIndex without OpenAI',
    files: {
      'a.ts': `import { OpenAI as Client } from 'openai-api-client';
import { Document } from 'llamaindex';
class ChatGPTAPI { sendMessage(t: string) { return t; } }
new ChatGPTAPI().sendMessage('chatgpt');
const s = "import { ChatGPTAPI } from 'chatgpt'";
new Client('k').complete({ engine: 'davinci' });
new Document({ text: 'llamaindex' });
`,
    },
    expected: [],
  },
];

describe('wrapper detection', () => {
  for (const testCase of cases) {
    it(testCase.name, () => {
      const { sites } = detectProject(testCase.files);
      const relevant = sites.filter((s) => s.ruleId.startsWith('wrapper/'));
      expect(compareSites(relevant, testCase.expected, Object.keys(testCase.files)[0])).toEqual({ missing: [], noisy: [] });
    });
  }
});

import { describe, expect, it } from 'vitest';
import { compareSites, detectProject, type ExpectedSite } from '../helpers/detect.js';

const site = (ruleId: string, line: number, column: number, file?: string): ExpectedSite => ({ ruleId: `openai-v3/${ruleId}`, line, column, ...(file ? { file } : {}) });

const cases: Array<{ name: string; files: Record<string, string>; expected: ExpectedSite[] }> = [
  {
    name: 'ESM import, Configuration, OpenAIApi, call, model and the res.data read',
    files: {
      'a.ts': `import { Configuration, OpenAIApi } from 'openai';
const configuration = new Configuration({ apiKey: 'k' });
const openai = new OpenAIApi(configuration);
const res = await openai.createChatCompletion({ model: 'gpt-4', messages: [] });
console.log(res.data.choices);
`,
    },
    expected: [site('import', 1, 1), site('configuration', 2, 23), site('client', 3, 16), site('chatCompletion', 4, 19), site('axiosResponse', 4, 19), site('model', 4, 56)],
  },
  {
    name: 'CommonJS destructuring, inline Configuration, a positional model and an axios error in .catch',
    files: {
      'a.js': `const { Configuration, OpenAIApi } = require('openai');
const openai = new OpenAIApi(new Configuration({ apiKey: process.env.OPENAI_API_KEY }));
openai.createTranscription(file, 'whisper-1');
openai.createEmbedding({ model: 'text-embedding-ada-002', input: 'x' }).catch((e) => console.log(e.response.status));
`,
    },
    expected: [
      site('import', 1, 38, 'a.js'),
      site('client', 2, 16, 'a.js'),
      site('configuration', 2, 30, 'a.js'),
      site('audio', 3, 1, 'a.js'),
      site('model', 3, 34, 'a.js'),
      site('embedding', 4, 1, 'a.js'),
      site('axiosError', 4, 1, 'a.js'),
      site('model', 4, 33, 'a.js'),
    ],
  },
  {
    name: 'basePath and model defaults from a CommonJS config module, client used in a third file',
    files: {
      'config.js': `module.exports = {
  base: process.env.OPENAI_API_BASE || 'https://api.openai.com/v1',
  model: process.env.OPENAI_MODEL || 'gpt-3.5-turbo',
};
`,
      'client.ts': `import { Configuration, OpenAIApi } from 'openai';
import config from './config';
export const api = new OpenAIApi(new Configuration({ apiKey: 'k', basePath: config.base }));
`,
      'use.ts': `import { api } from './client';
import config from './config';
export const go = () => api.createChatCompletion({ model: config.model, messages: [] });
`,
    },
    expected: [
      site('import', 1, 1, 'client.ts'),
      site('client', 3, 20, 'client.ts'),
      site('configuration', 3, 34, 'client.ts'),
      site('basePathDefault', 2, 40, 'config.js'),
      site('model', 3, 38, 'config.js'),
      site('chatCompletion', 3, 25, 'use.ts'),
    ],
  },
  {
    name: 'openai-edge: same API, fetch Responses (no axios findings)',
    files: {
      'route.ts': `import { Configuration, OpenAIApi } from 'openai-edge';
const openai = new OpenAIApi(new Configuration({ apiKey: process.env.OPENAI_API_KEY }));
export async function POST() {
  const res = await openai.createChatCompletion({ model: 'gpt-3.5-turbo', stream: true, messages: [] });
  return res.json();
}
`,
    },
    expected: [site('import', 1, 1, 'route.ts'), site('client', 2, 16, 'route.ts'), site('configuration', 2, 30, 'route.ts'), site('chatCompletion', 4, 21, 'route.ts'), site('model', 4, 58, 'route.ts')],
  },
  {
    name: 'routed: a provider basePath, and a basePath argument from env (decides when the Configuration has none); no models',
    files: {
      'a.ts': `import { Configuration, OpenAIApi } from 'openai';
const a = new OpenAIApi(new Configuration({ basePath: 'https://api.moonshot.cn/v1' }));
const b = new OpenAIApi(new Configuration({}), process.env.LLM_BASE);
a.createChatCompletion({ model: 'gpt-4', messages: [] });
b.createChatCompletion({ model: 'gpt-4', messages: [] });
`,
    },
    expected: [
      site('import', 1, 1),
      site('clientRouted', 2, 11),
      site('configurationRouted', 2, 25),
      site('clientRouted', 3, 11),
      site('configurationRouted', 3, 25),
      site('chatCompletion', 4, 1),
      site('chatCompletion', 5, 1),
    ],
  },
  {
    name: 'type-only v3 import; a namespace import stays the openai module’s import, its v3 classes are this module’s',
    files: {
      'a.ts': `import type { ChatCompletionRequestMessage } from 'openai';
import * as v3 from 'openai';
const client = new v3.OpenAIApi(new v3.Configuration({ apiKey: 'k' }));
export const m: ChatCompletionRequestMessage[] = [];
client.listModels();
`,
    },
    expected: [site('typeImport', 1, 1), { ruleId: 'openai/import', line: 2, column: 1 }, site('client', 3, 16), site('configuration', 3, 33), site('models', 5, 1)],
  },
  {
    name: 'a client assigned lazily, a parameter typed OpenAIApi, an axios error read in a catch',
    files: {
      'a.ts': `import { Configuration, OpenAIApi } from 'openai';
let api;
function client() {
  if (!api) api = new OpenAIApi(new Configuration({ apiKey: 'k' }));
  return api;
}
export async function typed(o: OpenAIApi) {
  try {
    await o.createImage({ prompt: 'cat' });
  } catch (err: any) {
    console.log(err.response?.data);
  }
}
client().createModeration({ input: 'x' });
`,
    },
    expected: [site('import', 1, 1), site('client', 4, 19), site('configuration', 4, 33), site('image', 9, 11), site('axiosError', 9, 11), site('moderation', 14, 1)],
  },
  {
    name: 'retired endpoints are reported without model or response findings',
    files: {
      'a.ts': `import { Configuration, OpenAIApi } from 'openai';
const openai = new OpenAIApi(new Configuration({ apiKey: 'k' }));
const r = await openai.createEdit({ model: 'text-davinci-edit-001', input: 'x', instruction: 'y' });
console.log(r.data, await openai.listEngines());
`,
    },
    expected: [site('import', 1, 1), site('client', 2, 16), site('configuration', 2, 30), site('edit', 3, 17), site('retiredApi', 4, 27)],
  },
  {
    name: 'negative: a local OpenAIApi, Plaid’s Configuration, v3 code in a string, the v4 client',
    files: {
      'a.ts': `import { Configuration, PlaidApi } from 'plaid';
import OpenAI from 'openai';
class OpenAIApi { createChatCompletion(x: unknown) { return x; } }
new OpenAIApi().createChatCompletion({ model: 'gpt-4' });
new PlaidApi(new Configuration({ basePath: 'https://sandbox.plaid.com' }));
const text = "new OpenAIApi(new Configuration({})).createChatCompletion()";
export const c = new OpenAI();
`,
    },
    expected: [{ ruleId: 'openai/import', line: 2, column: 1 }, { ruleId: 'openai/client', line: 7, column: 18 }],
  },
];

describe('openai-v3 detection', () => {
  for (const testCase of cases) {
    it(testCase.name, () => {
      const { sites } = detectProject(testCase.files);
      const relevant = sites.filter((s) => !s.ruleId.startsWith('env/') && !s.ruleId.startsWith('http/'));
      expect(compareSites(relevant, testCase.expected, Object.keys(testCase.files)[0])).toEqual({ missing: [], noisy: [] });
    });
  }
});

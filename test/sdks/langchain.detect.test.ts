import { describe, expect, it } from 'vitest';
import { compareSites, detectProject, type ExpectedSite } from '../helpers/detect.js';

interface Case {
  name: string;
  files: Record<string, string>;
  expected: ExpectedSite[];
}

const site = (rule: string, line: number, column: number, file?: string): ExpectedSite => ({ ruleId: `langchain/${rule}`, line, column, ...(file ? { file } : {}) });

const cases: Case[] = [
  {
    name: '@langchain/openai: chat model, embeddings, model literals and direct calls',
    files: {
      'a.ts': `import { ChatOpenAI, OpenAIEmbeddings } from '@langchain/openai';
const chat = new ChatOpenAI({ model: 'gpt-4o', temperature: 0 });
const emb = new OpenAIEmbeddings({ model: 'text-embedding-3-small', dimensions: 512 });
export async function go(q: string) {
  await chat.invoke(q);
  for await (const c of await chat.stream(q)) console.log(c);
  await chat.batch([q]);
  return [await emb.embedQuery(q), await emb.embedDocuments([q, q])];
}
`,
    },
    expected: [
      site('import', 1, 1),
      site('chatModel', 2, 14),
      site('model', 2, 38),
      site('embeddings', 3, 13),
      site('model', 3, 43),
      site('invoke', 5, 9),
      site('invoke', 6, 31),
      site('invoke', 7, 9),
      site('embed', 8, 17),
      site('embed', 8, 42),
    ],
  },
  {
    name: 'old langchain/* paths: modelName, the LLM class named OpenAI, .call() and predict()',
    files: {
      'legacy.js': `import { ChatOpenAI } from 'langchain/chat_models/openai';
import { OpenAI } from 'langchain/llms/openai.js';
const chat = new ChatOpenAI({ modelName: 'gpt-4', openAIApiKey: process.env.OPENAI_API_KEY });
const llm = new OpenAI({ modelName: 'gpt-3.5-turbo-instruct' });
export const a = () => chat.call([]);
export const b = () => llm.predict('hi');
`,
    },
    expected: [
      site('import', 1, 1, 'legacy.js'),
      site('import', 2, 1, 'legacy.js'),
      site('chatModel', 3, 14, 'legacy.js'),
      site('model', 3, 42, 'legacy.js'),
      site('completionModel', 4, 13, 'legacy.js'),
      site('model', 4, 37, 'legacy.js'),
      site('invoke', 5, 24, 'legacy.js'),
      site('invoke', 6, 24, 'legacy.js'),
    ],
  },
  {
    name: 'options and model ids in another file, calls in a third',
    files: {
      'config.ts': `export const options = { model: 'gpt-4o-mini', streaming: true };
export const EMBED = 'text-embedding-3-large';
`,
      'llm.ts': `import { ChatOpenAI, OpenAIEmbeddings } from '@langchain/openai';
import { EMBED, options } from './config';
export const chat = new ChatOpenAI(options);
export const emb = new OpenAIEmbeddings({ model: EMBED });
`,
      'use.ts': `import { chat, emb } from './llm';
export const go = async (q: string) => [await chat.invoke(q), await emb.embedQuery(q)];
`,
    },
    expected: [
      site('model', 1, 33, 'config.ts'),
      site('model', 2, 22, 'config.ts'),
      site('import', 1, 1, 'llm.ts'),
      site('chatModel', 3, 21, 'llm.ts'),
      site('embeddings', 4, 20, 'llm.ts'),
      site('invoke', 2, 47, 'use.ts'),
      site('embed', 2, 69, 'use.ts'),
    ],
  },
  {
    name: 'withStructuredOutput, bindTools, bind({ tools }) and a typed parameter; chains are not sites',
    files: {
      'a.ts': `import { ChatOpenAI } from '@langchain/openai';
import type { ChatOpenAI as Model } from '@langchain/openai';
const m = new ChatOpenAI();
export const s = m.withStructuredOutput({ type: 'object' }, { method: 'functionCalling' });
export const t = m.bindTools([]);
export const u = m.bind({ tools: [] });
export const v = m.bind({ stop: ['x'] });
export const chain = s.pipe(t).invoke('x');
export const w = (llm: Model) => llm.invoke('hi');
`,
    },
    expected: [
      site('import', 1, 1),
      site('typeImport', 2, 1),
      site('chatModel', 3, 11),
      site('structuredOutput', 4, 18),
      site('bindTools', 5, 18),
      site('bindTools', 6, 18),
      site('invoke', 9, 34),
    ],
  },
  {
    name: 'routed models: literal provider URL, env base URL, deprecated second argument; their calls',
    files: {
      'a.ts': `import { ChatOpenAI } from '@langchain/openai';
const ds = new ChatOpenAI({ model: 'deepseek-chat', configuration: { baseURL: 'https://api.deepseek.com' } });
const gw = new ChatOpenAI({ model: 'gpt-4o', configuration: { baseURL: process.env.LLM_URL } });
const old = new ChatOpenAI({ modelName: 'gpt-4o' }, { basePath: 'http://localhost:8000/v1' });
const openai = new ChatOpenAI({ configuration: { baseURL: process.env.OPENAI_BASE_URL ?? 'https://api.openai.com/v1' } });
export const go = () => [ds.invoke('x'), gw.invoke('x'), old.invoke('x'), openai.invoke('x')];
`,
    },
    expected: [
      site('import', 1, 1),
      site('clientRouted', 2, 12),
      site('clientRouted', 3, 12),
      site('clientRouted', 4, 13),
      site('chatModel', 5, 16),
      site('callRouted', 6, 26),
      site('callRouted', 6, 42),
      site('callRouted', 6, 58),
      site('invoke', 6, 75),
    ],
  },
  {
    name: 'CommonJS require, namespace import, dynamic import and an alias',
    files: {
      'a.cjs': `const { ChatOpenAI: Chat } = require('@langchain/openai');
const lc = require('@langchain/openai');
const c = new Chat({ modelName: 'gpt-4o-mini' });
const e = new lc.OpenAIEmbeddings();
module.exports = () => c.invoke('x');
`,
      'b.mjs': `import * as ns from '@langchain/openai';
const { ChatOpenAI } = await import('@langchain/openai');
export const x = new ns.ChatOpenAI();
export const y = new ChatOpenAI({ model: 'o3-mini' });
`,
    },
    expected: [
      site('import', 1, 30, 'a.cjs'),
      site('import', 2, 12, 'a.cjs'),
      site('chatModel', 3, 11, 'a.cjs'),
      site('model', 3, 33, 'a.cjs'),
      site('embeddings', 4, 11, 'a.cjs'),
      site('invoke', 5, 24, 'a.cjs'),
      site('import', 1, 1, 'b.mjs'),
      site('import', 2, 30, 'b.mjs'),
      site('chatModel', 3, 18, 'b.mjs'),
      site('chatModel', 4, 18, 'b.mjs'),
      site('model', 4, 42, 'b.mjs'),
    ],
  },
  {
    name: 'Azure classes, ChatOpenAI with Azure options, and DallEAPIWrapper',
    files: {
      'a.ts': `import { AzureChatOpenAI, ChatOpenAI, DallEAPIWrapper } from '@langchain/openai';
const az = new AzureChatOpenAI({ azureOpenAIApiDeploymentName: 'gpt4o', azureOpenAIApiVersion: '2024-02-01' });
const viaOptions = new ChatOpenAI({ azureOpenAIApiKey: 'k', azureOpenAIApiInstanceName: 'x' });
const dalle = new DallEAPIWrapper({ model: 'dall-e-3' });
export const go = () => [az.invoke('x'), dalle.invoke('a cat')];
`,
    },
    expected: [
      site('import', 1, 1),
      site('azureModel', 2, 12),
      site('azureModel', 3, 20),
      site('dallE', 4, 15),
      site('model', 4, 44),
      site('invoke', 5, 26),
      site('invoke', 5, 42),
    ],
  },
  {
    name: 'negative: a local ChatOpenAI class, ChatAnthropic, ChatGroq, the openai SDK and text',
    files: {
      'a.ts': `import { ChatAnthropic } from '@langchain/anthropic';
import { ChatGroq } from '@langchain/groq';
import { ChatOpenAI as Other } from './my-openai';
class ChatOpenAI { invoke(x: string) { return x; } }
// new ChatOpenAI({ model: 'gpt-4o' }).invoke('x') from '@langchain/openai'
const s = "import { ChatOpenAI } from '@langchain/openai'";
new ChatOpenAI().invoke('x');
new ChatAnthropic({ model: 'claude-3-5-sonnet-latest' }).invoke('x');
new ChatGroq({ model: 'llama3-70b-8192' }).invoke('x');
new Other({ model: 'gpt-4o' }).invoke('x');
`,
      'my-openai.ts': `export class ChatOpenAI { constructor(readonly o: object) {} invoke(x: string) { return x; } }
`,
    },
    expected: [],
  },
  {
    name: 'negative: the openai SDK is the openai module, and invoke on other runnables is no site',
    files: {
      'a.ts': `import OpenAI from 'openai';
import { RunnableLambda } from '@langchain/core/runnables';
const client = new OpenAI();
const r = RunnableLambda.from((x: string) => x);
export const go = () => [client.chat.completions.create({ model: 'gpt-4o', messages: [] }), r.invoke('x')];
`,
    },
    expected: [],
  },
];

describe('langchain detection', () => {
  for (const testCase of cases) {
    it(testCase.name, () => {
      const sites = detectProject(testCase.files).sites.filter((s) => s.ruleId.startsWith('langchain/'));
      const defaultFile = Object.keys(testCase.files)[0];
      const { missing, noisy } = compareSites(sites, testCase.expected, defaultFile);
      expect({ missing, noisy }).toEqual({ missing: [], noisy: [] });
    });
  }
});

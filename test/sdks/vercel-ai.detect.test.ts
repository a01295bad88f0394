import { describe, expect, it } from 'vitest';
import { compareSites, detectProject, type ExpectedSite } from '../helpers/detect.js';

interface Case {
  name: string;
  files: Record<string, string>;
  expected: ExpectedSite[];
}

const site = (rule: string, line: number, column: number, file?: string): ExpectedSite => ({ ruleId: `vercel-ai/${rule}`, line, column, ...(file ? { file } : {}) });

const AI5 = JSON.stringify({ dependencies: { ai: '^5.0.0', '@ai-sdk/openai': '^2.0.0' } });
const AI4 = JSON.stringify({ dependencies: { ai: '^4.3.0', '@ai-sdk/openai': '^1.3.0' } });

const cases: Case[] = [
  {
    name: 'AI SDK 5: default instance, helper call, Responses-by-default direct call and model id',
    files: {
      'route.ts': `import { openai } from '@ai-sdk/openai';
import { streamText, tool } from 'ai';
export function POST() {
  return streamText({ model: openai('gpt-4o'), prompt: 'hi', tools: { t: tool({}) } });
}
`,
      'package.json': AI5,
    },
    expected: [site('import', 1, 1), site('defaultProvider', 1, 10), site('streamText', 4, 10), site('responsesByDefault', 4, 30), site('model', 4, 37)],
  },
  {
    name: 'AI SDK 4: a direct call is chat completions, not reported as Responses',
    files: {
      'route.ts': `import { openai } from '@ai-sdk/openai';
import { generateText } from 'ai';
export const go = () => generateText({ model: openai('gpt-4o-mini'), prompt: 'hi' });
`,
      'package.json': AI4,
    },
    expected: [site('import', 1, 1), site('defaultProvider', 1, 10), site('generateText', 3, 25), site('model', 3, 54)],
  },
  {
    name: 'createOpenAI in a lib file, its models used from another file (every method)',
    files: {
      'lib/ai.ts': `import { createOpenAI } from '@ai-sdk/openai';
export const myai = createOpenAI({ apiKey: process.env.OPENAI_API_KEY });
export const chatModel = myai.chat('gpt-4o-mini');
`,
      'app/run.ts': `import { embed, generateObject } from 'ai';
import { chatModel, myai } from '../lib/ai';
export async function run() {
  await generateObject({ model: chatModel, schema: {}, prompt: 'x' });
  await embed({ model: myai.textEmbeddingModel('text-embedding-3-large'), value: 'x' });
  return myai('o3-mini');
}
`,
      'package.json': AI5,
    },
    expected: [
      site('import', 1, 1, 'lib/ai.ts'),
      site('provider', 2, 21, 'lib/ai.ts'),
      site('model', 3, 36, 'lib/ai.ts'),
      site('generateObject', 4, 9, 'app/run.ts'),
      site('embed', 5, 9, 'app/run.ts'),
      site('model', 5, 48, 'app/run.ts'),
      site('responsesByDefault', 6, 10, 'app/run.ts'),
      site('model', 6, 15, 'app/run.ts'),
    ],
  },
  {
    name: 'routed providers: a literal provider URL, a configurable URL; their calls are routed, their models not reported',
    files: {
      'a.ts': `import { createOpenAI } from '@ai-sdk/openai';
import { generateText } from 'ai';
const ds = createOpenAI({ baseURL: 'https://api.deepseek.com/v1' });
const gw = createOpenAI({ baseURL: process.env.GATEWAY_URL });
generateText({ model: ds.chat('deepseek-chat'), prompt: 'x' });
generateText({ model: gw('gpt-4o'), prompt: 'x' });
`,
    },
    expected: [site('import', 1, 1), site('providerRouted', 3, 12), site('providerRouted', 4, 12), site('generateText', 5, 1), site('generateText', 6, 1)],
  },
  {
    name: 'CommonJS: destructured require of both packages, aliased default instance',
    files: {
      'a.js': `const { openai: gpt } = require('@ai-sdk/openai');
const ai = require('ai');
ai.generateText({ model: gpt.chat('gpt-3.5-turbo'), prompt: 'x' });
`,
    },
    expected: [site('import', 1, 25, 'a.js'), site('defaultProvider', 1, 9, 'a.js'), site('generateText', 3, 1, 'a.js'), site('model', 3, 35, 'a.js')],
  },
  {
    name: 'a model constant feeding embed and embedMany is one model site; built-in tools and explicit responses',
    files: {
      'a.ts': `import { openai } from '@ai-sdk/openai';
import { embed, embedMany, generateText } from 'ai';
const model = openai.embedding('text-embedding-3-small');
embed({ model, value: 'a' });
embedMany({ model, values: ['a', 'b'] });
generateText({ model: openai.responses('gpt-4o'), prompt: 'x', tools: { web: openai.tools.webSearchPreview({}) } });
`,
    },
    expected: [
      site('import', 1, 1),
      site('defaultProvider', 1, 10),
      site('model', 3, 32),
      site('embed', 4, 1),
      site('embedMany', 5, 1),
      site('generateText', 6, 1),
      site('model', 6, 40),
      site('builtinTool', 6, 78),
    ],
  },
  {
    name: 'the old ai helpers OpenAIStream and StreamingTextResponse',
    files: {
      'a.ts': `import OpenAI from 'openai';
import { OpenAIStream, StreamingTextResponse } from 'ai';
const client = new OpenAI();
export async function POST() {
  const response = await client.chat.completions.create({ model: 'gpt-4', stream: true, messages: [] });
  return new StreamingTextResponse(OpenAIStream(response));
}
`,
    },
    expected: [
      { ruleId: 'openai/import', line: 1, column: 1 },
      site('import', 2, 1),
      { ruleId: 'openai/client', line: 3, column: 16 },
      { ruleId: 'openai/chatCompletion', line: 5, column: 26 },
      { ruleId: 'openai/model', line: 5, column: 66 },
      site('streamingTextResponse', 6, 10),
      site('openAIStream', 6, 36),
    ],
  },
  {
    name: '@ai-sdk/azure: default instance and createAzure, helper calls fed by them; wrapLanguageModel is seen through',
    files: {
      'a.ts': `import { azure, createAzure } from '@ai-sdk/azure';
import { generateText, wrapLanguageModel } from 'ai';
const eu = createAzure({ resourceName: 'r' });
generateText({ model: azure('my-gpt4o'), prompt: 'x' });
generateText({ model: wrapLanguageModel({ model: eu('prod'), middleware: [] }), prompt: 'x' });
`,
    },
    expected: [site('import', 1, 1), site('azureProvider', 1, 10), site('azureProvider', 3, 12), site('generateText', 4, 1), site('generateText', 5, 1)],
  },
  {
    name: 'a default instance re-exported from a workspace module is reported where it is re-exported, its models where they are made',
    files: {
      'use.ts': `import { generateText } from 'ai';
import { openai } from './lib';
generateText({ model: openai('gpt-4o'), prompt: 'x' });
`,
      'lib/index.ts': `export { openai } from '@ai-sdk/openai';
`,
    },
    expected: [site('defaultProvider', 1, 10, 'lib/index.ts'), site('generateText', 3, 1), site('responsesByDefault', 3, 23), site('model', 3, 30)],
  },
  {
    name: 'negative: other AI SDK providers, a local function named openai, a gateway model string, a local generateText',
    files: {
      'a.ts': `import { anthropic } from '@ai-sdk/anthropic';
import { deepseek } from '@ai-sdk/deepseek';
import { createOpenAICompatible } from '@ai-sdk/openai-compatible';
import { generateText, streamText } from 'ai';
function openai(id: string) { return deepseek(id); }
const qwen = createOpenAICompatible({ name: 'qwen', baseURL: 'https://dashscope.aliyuncs.com/compatible-mode/v1' });
generateText({ model: anthropic('claude-3-5-sonnet-latest'), prompt: 'x' });
generateText({ model: openai('gpt-4o'), prompt: 'x' });
generateText({ model: 'openai/gpt-4o', prompt: 'x' });
streamText({ model: qwen('qwen-plus'), prompt: 'x' });
`,
      'b.ts': `import type { OpenAIProvider } from '@ai-sdk/openai';
const createOpenAI = (o: object) => ({ chat: (id: string) => id });
function generateText(o: { model: string }) { return o; }
export const p: OpenAIProvider | undefined = undefined;
generateText({ model: createOpenAI({}).chat('gpt-4o') });
`,
    },
    expected: [],
  },
];

describe('vercel-ai detection', () => {
  for (const testCase of cases) {
    it(testCase.name, () => {
      const { sites } = detectProject(testCase.files);
      const relevant = sites.filter((s) => !s.ruleId.startsWith('env/'));
      expect(compareSites(relevant, testCase.expected, Object.keys(testCase.files)[0])).toEqual({ missing: [], noisy: [] });
    });
  }
});

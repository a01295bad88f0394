import { describe, expect, it } from 'vitest';
import { compareSites, detectProject, type ExpectedSite } from '../helpers/detect.js';

const site = (ruleId: string, line: number, column: number, file?: string): ExpectedSite => ({ ruleId, line, column, ...(file ? { file } : {}) });

const cases: Array<{ name: string; files: Record<string, string>; expected: ExpectedSite[] }> = [
  {
    name: 'AzureOpenAI: import, client, call and deployment model',
    files: {
      'a.ts': `import { AzureOpenAI } from 'openai';
const c = new AzureOpenAI({ deployment: 'gpt-4o', apiVersion: '2024-10-21' });
c.chat.completions.create({ model: 'gpt-4o', messages: [] });
`,
    },
    expected: [site('azure/import', 1, 1), site('azure/client', 2, 11), site('azure/chatCompletion', 3, 1), site('azure/model', 3, 36)],
  },
  {
    name: 'OpenAI pointed at an Azure endpoint (literal, template from env) is Azure, not openai',
    files: {
      'a.ts': `import OpenAI from 'openai';
const a = new OpenAI({ baseURL: 'https://x.openai.azure.com/openai/deployments/chat', defaultQuery: { 'api-version': '2024-02-01' } });
const b = new OpenAI({ baseURL: \`\${process.env.AZURE_OPENAI_ENDPOINT}/openai/deployments/prod\` });
a.embeddings.create({ model: 'text-embedding-ada-002', input: 'x' });
b.chat.completions.create({ model: 'prod', messages: [] });
`,
    },
    expected: [
      site('openai/import', 1, 1),
      site('azure/client', 2, 11),
      site('azure/client', 3, 11),
      site('azure/embedding', 4, 1),
      site('azure/model', 4, 30),
      site('azure/chatCompletion', 5, 1),
      site('azure/model', 5, 36),
    ],
  },
  {
    name: 'an Azure endpoint constant in another file, and calls through the client from a third file',
    files: {
      'config.ts': `export const LEGACY = 'https://legacy.openai.azure.com/openai/deployments/gpt-35-turbo';
`,
      'client.ts': `import OpenAI from 'openai';
import { LEGACY } from './config';
export const legacy = new OpenAI({ baseURL: LEGACY, defaultQuery: { 'api-version': '2024-02-01' } });
`,
      'faq.ts': `import { legacy } from './client';
legacy.chat.completions.create({ model: 'gpt-35-turbo', messages: [] });
`,
    },
    expected: [
      site('azure/endpoint', 1, 23, 'config.ts'),
      site('openai/import', 1, 1, 'client.ts'),
      site('azure/client', 3, 23, 'client.ts'),
      site('azure/chatCompletion', 2, 1, 'faq.ts'),
      site('azure/model', 2, 41, 'faq.ts'),
    ],
  },
  {
    name: 'CommonJS destructuring',
    files: {
      'a.js': `const { AzureOpenAI } = require('openai');
module.exports = new AzureOpenAI();
`,
    },
    expected: [site('azure/import', 1, 25, 'a.js'), site('azure/client', 2, 18, 'a.js')],
  },
  {
    name: 'negative: a local AzureOpenAI class, other Azure SDKs',
    files: {
      'a.ts': `import { BlobServiceClient } from '@azure/storage-blob';
class AzureOpenAI { chat = { completions: { create: (x: object) => x } } }
new AzureOpenAI().chat.completions.create({ model: 'gpt-4o' });
BlobServiceClient.fromConnectionString(process.env.AZURE_STORAGE!);
`,
    },
    expected: [],
  },
];

describe('azure detection', () => {
  for (const testCase of cases) {
    it(testCase.name, () => {
      const { sites } = detectProject(testCase.files);
      const relevant = sites.filter((s) => !s.ruleId.startsWith('env/'));
      expect(compareSites(relevant, testCase.expected, Object.keys(testCase.files)[0])).toEqual({ missing: [], noisy: [] });
    });
  }
});

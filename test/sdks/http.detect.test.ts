import { describe, expect, it } from 'vitest';
import { compareSites, detectProject, type ExpectedSite } from '../helpers/detect.js';

const site = (ruleId: string, line: number, column: number, file?: string): ExpectedSite => ({ ruleId: `http/${ruleId}`, line, column, ...(file ? { file } : {}) });

const cases: Array<{ name: string; files: Record<string, string>; expected: ExpectedSite[] }> = [
  {
    name: 'global fetch with a literal URL: the call and its model (the literal belongs to the call)',
    files: {
      'a.ts': `export async function ask(q: string) {
  const res = await fetch('https://api.openai.com/v1/chat/completions', {
    method: 'POST',
    headers: { Authorization: \`Bearer \${process.env.OPENAI_API_KEY}\` },
    body: JSON.stringify({ model: 'gpt-4o', messages: [{ role: 'user', content: q }] }),
  });
  return res.json();
}
`,
    },
    expected: [site('chatCompletion', 2, 21), site('model', 5, 35)],
  },
  {
    name: 'a base constant from another file joined in a template; the model constant from a third',
    files: {
      'config.ts': `export const HOST = process.env.OPENAI_API_HOST ?? 'https://api.openai.com';
export const BASE = \`\${HOST}/v1\`;
`,
      'models.ts': `export const EMBEDDING = 'text-embedding-3-small';
`,
      'embed.ts': `import { BASE } from './config';
import { EMBEDDING } from './models';
export const embed = (input: string[]) =>
  fetch(\`\${BASE}/embeddings\`, { method: 'POST', body: JSON.stringify({ model: EMBEDDING, input }) });
`,
    },
    expected: [site('endpoint', 1, 52, 'config.ts'), site('embedding', 4, 3, 'embed.ts'), site('model', 1, 26, 'models.ts')],
  },
  {
    name: 'axios.create with an OpenAI baseURL: the client and the calls through it',
    files: {
      'a.ts': `import axios from 'axios';
const api = axios.create({ baseURL: 'https://api.openai.com/v1', headers: { Authorization: 'Bearer ' + process.env.OPENAI_API_KEY } });
export const chat = (messages: unknown[]) => api.post('/chat/completions', { model: 'gpt-4o-mini', messages });
export const models = () => api.get('/models');
export const speak = (input: string) => axios.post('https://api.openai.com/v1/audio/speech', { model: 'tts-1', voice: 'alloy', input });
`,
    },
    expected: [site('client', 2, 13), site('chatCompletion', 3, 46), site('model', 3, 85), site('models', 4, 29), site('audio', 5, 41), site('model', 5, 103)],
  },
  {
    name: 'got (CommonJS) to a URL constant, got.extend with prefixUrl, ky, undici, node-fetch',
    files: {
      'a.js': `const got = require('got');
const { request } = require('undici');
const nodeFetch = require('node-fetch');
const URL_ = 'https://api.openai.com/v1/chat/completions';
got.post(URL_, { json: { model: 'gpt-3.5-turbo', messages: [] } }).json();
const client = got.extend({ prefixUrl: 'https://api.openai.com/v1' });
client.post('embeddings', { json: { input: 'x' } });
request('https://api.openai.com/v1/moderations', { method: 'POST', body: JSON.stringify({ input: 'x' }) });
nodeFetch('https://api.openai.com/v1/responses', { method: 'POST', body: '{}' });
`,
      'b.mjs': `import ky from 'ky';
await ky.post('https://api.openai.com/v1/images/generations', { json: { prompt: 'a cat' } }).json();
`,
    },
    expected: [
      site('endpoint', 4, 14, 'a.js'),
      site('chatCompletion', 5, 1, 'a.js'),
      site('model', 5, 33, 'a.js'),
      site('client', 6, 16, 'a.js'),
      site('embedding', 7, 1, 'a.js'),
      site('moderation', 8, 1, 'a.js'),
      site('responses', 9, 1, 'a.js'),
      site('image', 2, 7, 'b.mjs'),
    ],
  },
  {
    name: 'hard-coded key, SSE parsing, pass-through path, new URL and a binding default model',
    files: {
      'a.ts': `const ORIGIN = 'https://api.openai.com';
export async function* stream(settings: { model?: string }, prompt: string) {
  const { model = 'gpt-4o-mini' } = settings;
  const res = await fetch(new URL('/v1/chat/completions', ORIGIN), {
    method: 'POST',
    headers: { Authorization: 'Bearer sk-proj-abcdefghijklmnop' },
    body: JSON.stringify({ model, stream: true, messages: [{ role: 'user', content: prompt }] }),
  });
  for (const line of (await res.text()).split('\\n')) {
    if (!line.startsWith('data: ') || line === 'data: [DONE]') continue;
    yield JSON.parse(line.slice(6)).choices[0]?.delta?.content;
  }
}
export const forward = (path: string, body: string) =>
  fetch(\`https://api.openai.com/v1\${path}\`, { method: 'POST', headers: { Authorization: \`Bearer \${process.env.OPENAI_API_KEY}\` }, body });
`,
    },
    expected: [
      site('endpoint', 1, 16),
      site('model', 3, 19),
      site('chatCompletion', 4, 21),
      site('authHeader', 6, 31),
      site('sseStream', 4, 21),
      site('request', 15, 3),
    ],
  },
  {
    name: 'a form upload carries the model as a field; a dev-server proxy targets the API',
    files: {
      'a.ts': `import FormData from 'form-data';
import axios from 'axios';
export async function transcribe(file: Buffer) {
  const form = new FormData();
  form.append('file', file, { filename: 'a.mp3' });
  form.append('model', 'whisper-1');
  return axios.post('https://api.openai.com/v1/audio/transcriptions', form, { headers: form.getHeaders() });
}
`,
      'vite.config.ts': `import { defineConfig } from 'vite';
export default defineConfig({ server: { proxy: { '/openai': { target: 'https://api.openai.com', changeOrigin: true } } } });
`,
    },
    expected: [site('model', 6, 24), site('audio', 7, 10), site('proxyTarget', 2, 71, 'vite.config.ts')],
  },
  {
    name: 'axios(config), instance.request, ofetch with a baseURL, wx.request',
    files: {
      'a.ts': `import axios from 'axios';
import { ofetch } from 'ofetch';
axios({ method: 'post', url: 'https://api.openai.com/v1/chat/completions', data: { model: 'gpt-4o', messages: [] } });
const api = axios.create({ baseURL: 'https://api.openai.com/v1/' });
api.request({ url: 'files', method: 'get' });
ofetch('/completions', { baseURL: 'https://api.openai.com/v1', method: 'POST', body: { model: 'gpt-3.5-turbo-instruct', prompt: 'x' } });
wx.request({ url: 'https://api.openai.com/v1/chat/completions', method: 'POST', header: { Authorization: 'Bearer ' + key }, data: { model: 'gpt-4o-mini' } });
`,
    },
    expected: [
      site('chatCompletion', 3, 1),
      site('model', 3, 91),
      site('client', 4, 13),
      site('files', 5, 1),
      site('legacyCompletion', 6, 1),
      site('model', 6, 95),
      site('chatCompletion', 7, 1),
      site('model', 7, 140),
    ],
  },
  {
    name: 'OpenAI-only paths: billing (old ChatGPT web apps), a stored completion, assistants',
    files: {
      'a.js': `export const usage = () => fetch('https://api.openai.com/dashboard/billing/usage?start_date=2024-01-01');
export const stored = (id) => fetch('https://api.openai.com/v1/chat/completions/' + id);
export const thread = () => fetch('https://api.openai.com/v1/threads', { method: 'POST', headers: { 'OpenAI-Beta': 'assistants=v2' } });
`,
    },
    expected: [site('openaiOnlyApi', 1, 28, 'a.js'), site('storedCompletion', 2, 31, 'a.js'), site('assistants', 3, 29, 'a.js')],
  },
  {
    name: 'routed: a base URL from an OpenAI env variable (request and client) is reported, not rewritten',
    files: {
      'a.ts': `import axios from 'axios';
export const chat = () => fetch(\`\${process.env.OPENAI_BASE_URL}/chat/completions\`, { method: 'POST' });
const api = axios.create({ baseURL: process.env.OPENAI_API_BASE });
export const embed = () => api.post('/embeddings', { model: 'text-embedding-3-small', input: 'x' });
`,
    },
    expected: [site('requestRouted', 2, 27), site('clientRouted', 3, 13), site('requestRouted', 4, 28)],
  },
  {
    name: 'negative: other hosts, an unbound key variable of another vendor, a generic base from env',
    files: {
      'a.ts': `export const a = () => fetch('https://api.deepseek.com/chat/completions', { method: 'POST', headers: { Authorization: \`Bearer \${process.env.DEEPSEEK_API_KEY}\` }, body: JSON.stringify({ model: 'deepseek-chat' }) });
export const b = () => fetch('https://api.example.com/v1/chat/completions', { method: 'POST', body: JSON.stringify({ model: 'gpt-4o' }) });
export const c = () => fetch('https://openrouter.ai/api/v1/chat/completions', { body: JSON.stringify({ model: 'openai/gpt-4o' }) });
export const d = () => fetch(\`\${process.env.API_BASE}/users\`);
`,
    },
    expected: [],
  },
  {
    name: 'negative: URLs in strings, comments and test mocks; a local fetch; non-HTTP .post() calls',
    files: {
      'a.ts': `import { http, HttpResponse } from 'msw';
import { Router } from 'express';
// fetch('https://api.openai.com/v1/chat/completions')
export const HELP = 'POST https://api.openai.com/v1/chat/completions with your key';
export const handlers = [http.post('https://api.openai.com/v1/chat/completions', () => HttpResponse.json({}))];
const router = Router();
router.post('/chat/completions', (req, res) => res.json({}));
`,
      'b.ts': `async function fetch(url: string, init?: object) {
  return { url, init };
}
export const run = () => fetch('https://api.openai.com/v1/chat/completions', { body: JSON.stringify({ model: 'gpt-4o' }) });
`,
    },
    expected: [],
  },
  {
    name: 'a URL predicate (declared boolean) is not a request; a helper that hands the URL to fetch is',
    files: {
      'util.ts': `export function isAzureEndpoint(apiBase?: string): boolean {
  if (!apiBase) return false;
  return new URL(apiBase).hostname.endsWith('.azure.com');
}
export const isLocal = (url: string): url is \`http://localhost\${string}\` => new URL(url).hostname === 'localhost';
export async function post(url: string, body: object) {
  return fetch(url, { method: 'POST', body: JSON.stringify(body) });
}
`,
      'a.ts': `import { isAzureEndpoint, isLocal, post } from './util';
export const azure = isAzureEndpoint('https://api.openai.com/v1');
export const local = isLocal('https://api.openai.com/v1');
export const sent = post('https://api.openai.com/v1/embeddings', { input: 'x' });
`,
    },
    expected: [site('embedding', 4, 21, 'a.ts')],
  },
  {
    name: 'negative: axios instances on other bases, and axios.create without a baseURL',
    files: {
      'a.ts': `import axios from 'axios';
const internal = axios.create({ baseURL: 'https://llm.internal.example.com/v1' });
const plain = axios.create({ timeout: 1000 });
export const x = () => internal.post('/chat/completions', { model: 'gpt-4o' });
export const y = () => plain.get('/health');
`,
    },
    expected: [],
  },
];

describe('http detection', () => {
  for (const testCase of cases) {
    it(testCase.name, () => {
      const { sites } = detectProject(testCase.files);
      const relevant = sites.filter((s) => s.ruleId.startsWith('http/'));
      expect(compareSites(relevant, testCase.expected, Object.keys(testCase.files)[0])).toEqual({ missing: [], noisy: [] });
    });
  }
  it('reports no other module on the raw HTTP cases but env reads', () => {
    const { sites } = detectProject(cases[0].files);
    expect(sites.filter((s) => !s.ruleId.startsWith('http/') && !s.ruleId.startsWith('env/'))).toEqual([]);
  });
});

import { describe, expect, it } from 'vitest';
import { compareSites, detectProject, type ExpectedSite } from '../helpers/detect.js';

interface Case {
  name: string;
  files: Record<string, string>;
  expected: ExpectedSite[];
}

const call = (line: number, column: number, ruleId = 'openai/chatCompletion', file?: string): ExpectedSite => ({ ruleId, line, column, ...(file ? { file } : {}) });
const model = (line: number, column: number, file?: string): ExpectedSite => ({ ruleId: 'openai/model', line, column, ...(file ? { file } : {}) });
const client = (line: number, column: number, file?: string): ExpectedSite => ({ ruleId: 'openai/client', line, column, ...(file ? { file } : {}) });
const imp = (line: number, column = 1, file?: string, ruleId = 'openai/import'): ExpectedSite => ({ ruleId, line, column, ...(file ? { file } : {}) });

const cases: Case[] = [
  {
    name: 'default import, client, call and model literal',
    files: {
      'a.ts': `import OpenAI from 'openai';
const c = new OpenAI();
c.chat.completions.create({ model: 'gpt-4o', messages: [] });
`,
    },
    expected: [imp(1), client(2, 11), call(3, 1), model(3, 36)],
  },
  {
    name: 'CommonJS destructuring with an alias, and the callable export without new',
    files: {
      'a.js': `const { OpenAI: Client } = require('openai');
const OpenAICtor = require('openai');
const a = new Client();
const b = OpenAICtor({ apiKey: 'x' });
b.embeddings.create({ model: 'text-embedding-3-small', input: 'hi' });
`,
    },
    expected: [imp(1, 28, 'a.js'), imp(2, 20, 'a.js'), client(3, 11, 'a.js'), client(4, 11, 'a.js'), call(5, 1, 'openai/embedding', 'a.js'), model(5, 30, 'a.js')],
  },
  {
    name: 'dynamic import',
    files: {
      'a.mjs': `const { default: OpenAI } = await import('openai');
const client = new OpenAI();
await client.images.generate({ prompt: 'a cat' });
`,
    },
    expected: [imp(1, 35, 'a.mjs'), client(2, 16, 'a.mjs'), call(3, 7, 'openai/image', 'a.mjs')],
  },
  {
    name: 'type-only imports and subpaths are reported as imports only',
    files: {
      'a.ts': `import type OpenAI from 'openai';
import type { ChatCompletion } from 'openai/resources/chat/completions';
import { zodResponseFormat } from 'openai/helpers/zod';
export type T = ChatCompletion | OpenAI;
`,
    },
    expected: [imp(1, 1, undefined, 'openai/typeImport'), imp(2, 1, undefined, 'openai/typeImport'), imp(3)],
  },
  {
    name: 'a client exported by one module and used in another, with a model constant from a third',
    files: {
      'lib/client.ts': `import OpenAI from 'openai';
export const ai = new OpenAI({ apiKey: process.env.OPENAI_API_KEY });
`,
      'lib/models.ts': `export const FAST = 'gpt-4o-mini';
`,
      'app.ts': `import { ai } from './lib/client';
import { FAST } from './lib/models';
export const go = () => ai.chat.completions.create({ model: FAST, messages: [] });
`,
    },
    expected: [imp(1, 1, 'lib/client.ts'), client(2, 19, 'lib/client.ts'), call(3, 25, undefined, 'app.ts'), model(1, 21, 'lib/models.ts')],
  },
  {
    name: 'class field, constructor parameter property and this',
    files: {
      'a.ts': `import OpenAI from 'openai';
class A {
  private c = new OpenAI();
  constructor(private readonly d: OpenAI) {}
  one() { return this.c.moderations.create({ input: 'x' }); }
  two() { return this.d.chat.completions.create({ model: 'o3', messages: [] }); }
}
`,
    },
    expected: [imp(1), client(3, 15), call(5, 18, 'openai/moderation'), call(6, 18), model(6, 58)],
  },
  {
    name: 'a factory that returns the client, and an interface-typed dependency from another file',
    files: {
      'deps.ts': `import type OpenAI from 'openai';
export interface Deps { llm: OpenAI }
`,
      'factory.ts': `import OpenAI from 'openai';
export function make() { return new OpenAI(); }
`,
      'use.ts': `import type { Deps } from './deps';
import { make } from './factory';
export const a = (deps: Deps) => deps.llm.responses.create({ model: 'gpt-4.1', input: 'x' });
export const b = () => make().audio.transcriptions.create({ model: 'whisper-1', file: null as any });
`,
    },
    expected: [
      imp(1, 1, 'deps.ts', 'openai/typeImport'),
      imp(1, 1, 'factory.ts'),
      client(2, 33, 'factory.ts'),
      call(3, 34, 'openai/responses', 'use.ts'),
      model(3, 69, 'use.ts'),
      call(4, 24, 'openai/audio', 'use.ts'),
      model(4, 68, 'use.ts'),
    ],
  },
  {
    name: 'v4 beta helpers, v5 withOptions, Assistants and OpenAI-only APIs',
    files: {
      'a.ts': `import OpenAI from 'openai';
const c = new OpenAI();
c.beta.chat.completions.parse({ model: 'gpt-4o', messages: [] });
c.withOptions({ timeout: 1 }).chat.completions.stream({ model: 'gpt-4o', messages: [] });
c.beta.threads.runs.create('t', { assistant_id: 'a' });
c.conversations.create({});
c.chat.completions.list();
`,
    },
    expected: [
      imp(1),
      client(2, 11),
      call(3, 1, 'openai/chatCompletionParse'),
      model(3, 40),
      call(4, 1, 'openai/chatCompletionStream'),
      model(4, 64),
      call(5, 1, 'openai/assistants'),
      call(6, 1, 'openai/openaiOnlyApi'),
      call(7, 1, 'openai/storedCompletion'),
    ],
  },
  {
    name: 'already routed clients: reported as such',
    files: {
      'a.ts': `import OpenAI from 'openai';
const d = new OpenAI({ baseURL: 'https://api.deepseek.com' });
d.chat.completions.create({ model: 'deepseek-chat', messages: [] });
`,
    },
    expected: [imp(1), { ruleId: 'openai/clientRouted', line: 2, column: 11 }, call(3, 1)],
  },
  {
    name: 'negative: a local class called OpenAI',
    files: {
      'a.ts': `class OpenAI { chat = { completions: { create: (x: object) => x } } }
new OpenAI().chat.completions.create({ model: 'gpt-4o' });
`,
    },
    expected: [],
  },
  {
    name: 'negative: other vendors with the same shape, fetch to another host, text in strings and comments',
    files: {
      'a.ts': `import Groq from 'groq-sdk';
import { OpenAI } from './my-openai';
// new OpenAI().chat.completions.create({ model: 'gpt-4o' })
const s = "openai.chat.completions.create({ model: 'gpt-4o' })";
new Groq().chat.completions.create({ model: 'gpt-4o', messages: [] });
new OpenAI().chat.completions.create({ model: 'openai/gpt-4o' });
fetch('https://api.example.com/v1/chat/completions', { body: JSON.stringify({ model: 'gpt-4o' }) });
`,
      'my-openai.ts': `export class OpenAI { chat = { completions: { create: (x: object) => x } } }
`,
    },
    expected: [],
  },
  {
    name: 'a class whose constructor makes a client from its argument: its construction, its subclasses (one routed by a URL)',
    files: {
      'engine.ts': `import { OpenAI } from 'openai';
export class Engine {
  client: OpenAI;
  constructor(config: { apiKey: string; baseURL?: string }) {
    const options: { apiKey: string; baseURL?: string } = { apiKey: config.apiKey };
    if (config.baseURL) options.baseURL = config.baseURL;
    this.client = new OpenAI(options);
  }
}
export class Fixed {
  client = new OpenAI();
}
export class Configurable {
  client: OpenAI;
  constructor(base: string) {
    this.client = new OpenAI({ baseURL: base });
  }
}
`,
      'groq.ts': `import { Engine } from './engine';
export class GroqEngine extends Engine {
  constructor(config: { apiKey: string; baseURL?: string }) {
    config.baseURL = 'https://api.groq.com/openai/v1';
    super(config);
  }
}
export class LoggedEngine extends Engine {
  constructor(config: { apiKey: string }) {
    super(config);
  }
}
`,
      'factory.ts': `import { Configurable, Engine, Fixed } from './engine';
export const make = (key: string) => new Engine({ apiKey: key });
export const fixed = () => new Fixed();
export const local = () => new Configurable(process.env.LOCAL_AI_BASE!);
`,
    },
    expected: [
      imp(1, 1, 'engine.ts'),
      client(7, 19, 'engine.ts'),
      client(11, 12, 'engine.ts'),
      client(16, 19, 'engine.ts'),
      { ruleId: 'openai/clientFactoryRouted', line: 2, column: 33, file: 'groq.ts' },
      { ruleId: 'openai/clientFactory', line: 8, column: 35, file: 'groq.ts' },
      { ruleId: 'openai/clientFactory', line: 2, column: 38, file: 'factory.ts' },
    ],
  },
  {
    name: 'an untyped let assigned in branches, a var filled lazily with ??=, and a let that never holds a client',
    files: {
      'route.ts': `import OpenAI from 'openai';
export async function embed(useProxy: boolean, key: string) {
  let openai;
  if (useProxy) {
    openai = new OpenAI({ apiKey: key, baseURL: process.env.PROXY_URL });
  } else {
    openai = new OpenAI({ apiKey: key });
  }
  return openai.embeddings.create({ model: 'text-embedding-3-small', input: 'hi' });
}
var lazy;
export const ask = () => (lazy ??= new OpenAI()).chat.completions.create({ model: 'gpt-4o', messages: [] });
export function other() {
  let local = null;
  local = { chat: { completions: { create: (x: unknown) => x } } };
  return local.chat.completions.create({ model: 'my-model', messages: [] });
}
`,
    },
    expected: [
      imp(1, 1, 'route.ts'),
      client(5, 14, 'route.ts'),
      client(7, 14, 'route.ts'),
      call(9, 10, 'openai/embedding', 'route.ts'),
      model(9, 44, 'route.ts'),
      client(12, 36, 'route.ts'),
      call(12, 26, 'openai/chatCompletion', 'route.ts'),
      model(12, 83, 'route.ts'),
    ],
  },
];

describe('openai detection', () => {
  for (const testCase of cases) {
    it(testCase.name, () => {
      const sites = detectProject(testCase.files).sites.filter((s) => s.ruleId.startsWith('openai/'));
      const defaultFile = Object.keys(testCase.files)[0];
      const { missing, noisy } = compareSites(sites, testCase.expected, defaultFile);
      expect({ missing, noisy }).toEqual({ missing: [], noisy: [] });
    });
  }

  it("a call in a subclass on its base class's client goes where the subclass's constructor points it", () => {
    const { kinds } = detectProject({
      'engine.ts': `import OpenAI from 'openai';
export class Engine {
  client: OpenAI;
  constructor(config: { apiKey: string; baseURL?: string }) {
    this.client = new OpenAI({ apiKey: config.apiKey, baseURL: config.baseURL });
  }
  ask(q: string) {
    return this.client.chat.completions.create({ model: 'gpt-4o', messages: [{ role: 'user', content: q }] });
  }
}
`,
      'deepseek.ts': `import { Engine } from './engine';
export class DeepseekEngine extends Engine {
  constructor(config: { apiKey: string }) {
    super({ ...config, baseURL: 'https://api.deepseek.com/v1' });
  }
  think(q: string) {
    return this.client.chat.completions.create({ model: 'deepseek-reasoner', messages: [{ role: 'user', content: q }] });
  }
}
`,
    });
    expect(kinds.get('openai/chatCompletion engine.ts:8:12')).toBe('call');
    expect(kinds.get('openai/chatCompletion deepseek.ts:7:12')).toBe('routed');
  });

  it('binds a receiver only the type checker can see through (a generic container)', () => {
    const files = {
      'a.ts': `import OpenAI from 'openai';
const registry = new Map<string, OpenAI>();
export const go = () => registry.get('main')!.chat.completions.create({ model: 'gpt-4o', messages: [] });
`,
    };
    const typed = detectProject(files);
    expect(typed.typeChecked).toEqual({ asked: 1, bound: 1 });
    expect(compareSites(typed.sites.filter((s) => s.ruleId.startsWith('openai/')), [imp(1), call(3, 25), model(3, 80)], 'a.ts')).toEqual({ missing: [], noisy: [] });

    const syntaxOnly = detectProject(files, { typeCheck: false });
    expect(compareSites(syntaxOnly.sites, [imp(1)], 'a.ts')).toEqual({ missing: [], noisy: [] });
  });

  it('does not bind a generic container of another SDK through the type checker', () => {
    const typed = detectProject({
      'a.ts': `import Groq from 'groq-sdk';
const registry = new Map<string, Groq>();
export const go = () => registry.get('main')!.chat.completions.create({ model: 'gpt-4o', messages: [] });
`,
    });
    expect(typed.typeChecked).toEqual({ asked: 1, bound: 0 });
    expect(typed.sites).toEqual([]);
  });
  it('binds JavaScript receivers through their JSDoc types, without the type checker', () => {
    const files = {
      'tools.js': `/**
 * @param {import("openai").OpenAI} client - any OpenAI-compatible client
 * @param {string} model
 */
async function complete(client, model) {
  return client.chat.completions.create({ model, messages: [] });
}
class Images {
  /** @param {{client: import("openai").OpenAI, model: string}} config */
  constructor({ client, model }) {
    this.client = client;
    this.model = model;
  }
  draw() {
    return this.client.images.generate({ model: this.model, prompt: 'x' });
  }
}
module.exports = { complete, Images };
`,
    };
    const result = detectProject(files);
    expect(result.typeChecked.asked).toBe(0);
    const calls = result.sites.filter((s) => s.ruleId.startsWith('openai/') && s.ruleId !== 'openai/import');
    expect(calls.map((s) => s.line).sort((a, b) => a - b)).toEqual([6, 15]);
  });

  it("binds a subclass's this.client to what its super(...) call passes the base constructor", () => {
    const files = {
      'provider.js': `class Provider {
  _client;
  constructor(client) {
    this._client = client;
  }
  get client() {
    return this._client;
  }
}
module.exports = Provider;
`,
      'openai-provider.js': `const OpenAI = require('openai');
const Provider = require('./provider.js');
class OpenAIProvider extends Provider {
  constructor(config = {}) {
    const client = new OpenAI({ apiKey: process.env.OPENAI_API_KEY });
    super(client);
  }
  complete(messages) {
    return this.client.chat.completions.create({ model: 'gpt-4o', messages });
  }
}
module.exports = OpenAIProvider;
`,
      'images.js': `const OpenAI = require('openai');
class BaseImages {
  constructor({ client }) {
    this.client = client;
  }
}
class Images extends BaseImages {
  constructor() {
    super({ client: new OpenAI() });
  }
  draw() {
    return this.client.images.generate({ model: 'dall-e-3', prompt: 'x' });
  }
}
`,
    };
    const sites = detectProject(files).sites.filter((s) => s.ruleId !== 'openai/import' && s.ruleId.startsWith('openai/'));
    const at = (file: string) => sites.filter((s) => s.file === file).map((s) => s.line);
    expect(at('openai-provider.js')).toContain(9);
    expect(at('images.js')).toContain(12);
  });

  it('binds JavaScript receivers through JSDoc return types, optional parameters and typed this-assignments', () => {
    const result = detectProject({
      'lib.js': `const OpenAI = require('openai');
/** @returns {import("openai").OpenAI} */
function getClient() { return make(); }
/** @param {import("openai").OpenAI=} c */
function ask(c) { return c.chat.completions.create({ model: 'gpt-4o', messages: [] }); }
class Holder {
  constructor() {
    /** @type {import("openai").OpenAI} */
    this.client = make();
  }
  go() { return this.client.embeddings.create({ model: 'text-embedding-3-small', input: 'x' }); }
}
const first = () => getClient().chat.completions.create({ model: 'gpt-4o', messages: [] });
module.exports = { ask, Holder, first };
`,
    });
    expect(result.typeChecked.asked).toBe(0);
    const calls = result.sites.filter((s) => s.ruleId.startsWith('openai/') && s.ruleId !== 'openai/import' && s.ruleId !== 'openai/model');
    expect([...new Set(calls.map((s) => s.line))].sort((a, b) => a - b)).toEqual([5, 11, 13]);
  });

  it('asks the type checker about JavaScript receivers syntax cannot bind (a generic container)', () => {
    const result = detectProject({
      'a.js': `import OpenAI from 'openai';
const clients = new Map([['main', new OpenAI()]]);
export const go = () => clients.get('main').chat.completions.create({ model: 'gpt-4o', messages: [] });
`,
    });
    expect(result.typeChecked).toEqual({ asked: 1, bound: 1 });
    expect(result.sites.some((s) => s.ruleId === 'openai/chatCompletion' && s.line === 3)).toBe(true);
  });

  it("a subclass with two super(...) calls, or a spread before the client's position, is not bound through them", () => {
    const result = detectProject({
      'two.js': `const OpenAI = require('openai');
class Base { constructor(client) { this.client = client; } }
class Either extends Base {
  constructor(useOpenAI, other) {
    if (useOpenAI) super(new OpenAI());
    else super(other);
  }
  go() { return this.client.chat.completions.create({ model: 'gpt-4o', messages: [] }); }
}
class Spread extends Base {
  constructor(args) { super(...args, new OpenAI()); }
  go() { return this.client.chat.completions.create({ model: 'gpt-4o', messages: [] }); }
}
`,
    }, { typeCheck: false });
    expect(result.sites.filter((s) => s.ruleId === 'openai/chatCompletion')).toEqual([]);
  });
  it('the type checker stage adds no findings of its own to files it reads (they are not parsed into the workspace)', () => {
    const files = {
      'main.ts': `import OpenAI from 'openai';
import { summarize } from './helper';
const clients = new Map<string, OpenAI>();
export const go = () => clients.get('a')!.chat.completions.create({ model: 'gpt-4o', messages: [] });
export const s = summarize;
`,
      'helper.ts': `import { ask } from './sender';\nexport const summarize = (s: string) => ask(s);\n`,
      'sender.ts': `export async function ask(q: string) {\n  return fetch('https://api.openai.com/v1/chat/completions', { method: 'POST', body: JSON.stringify({ model: 'gpt-4o', messages: [{ role: 'user', content: q }] }) });\n}\n`,
    };
    const typed = detectProject(files);
    const untyped = detectProject(files, { typeCheck: false });
    expect(typed.typeChecked.bound).toBe(1);
    const at = (sites: typeof typed.sites, file: string) => sites.filter((s) => s.file === file).map((s) => `${s.ruleId}:${s.line}`).sort();
    expect(at(typed.sites, 'helper.ts')).toEqual(at(untyped.sites, 'helper.ts'));
  });
});

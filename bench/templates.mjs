// Text templates for the generated bench trees: ordinary app code (the bulk of any repository),
// the OpenAI styles banjia must find, look-alikes that trip the text prefilter without being
// OpenAI, and generated or vendored code. Every choice comes from the caller's seeded `rand`.

const NOUNS = ['user', 'order', 'invoice', 'session', 'cart', 'product', 'report', 'ticket', 'message', 'profile', 'payment', 'account', 'shipment', 'review', 'coupon', 'team'];
const VERBS = ['load', 'save', 'format', 'validate', 'sync', 'build', 'parse', 'merge', 'resolve', 'render', 'compute', 'fetch', 'normalize', 'track'];
const MODELS = ['gpt-4o', 'gpt-4o-mini', 'gpt-4.1', 'gpt-3.5-turbo', 'o3-mini', 'text-embedding-3-small'];

export const pick = (rand, list) => list[Math.floor(rand() * list.length)];
const cap = (s) => s[0].toUpperCase() + s.slice(1);
const ident = (rand) => `${pick(rand, VERBS)}${cap(pick(rand, NOUNS))}`;

function comment(rand) {
  const lines = [
    'Keeps the previous value when the server answers 304; see the caching notes in docs/cache.md.',
    'The backend pages at 100 items; anything larger is split client-side.',
    'Dates are stored in UTC and shown in the user’s zone.',
    'Retry once on a network error: the load balancer drops idle keep-alive sockets.',
    'Kept for the mobile app, which still sends the v1 shape.',
  ];
  return `/**\n * ${pick(rand, lines)}\n */\n`;
}

/** One function of ordinary business logic, 6–20 lines. */
function fn(rand, typed) {
  const name = ident(rand);
  const noun = pick(rand, NOUNS);
  const t = (s) => (typed ? s : '');
  const body = [];
  const n = 2 + Math.floor(rand() * 6);
  for (let i = 0; i < n; i++) {
    body.push(
      pick(rand, [
        `  const ${noun}${i} = items.filter((item) => item.id !== ${i}).map((item) => ({ ...item, rank: ${i} }));`,
        `  if (!input${t('?')}.${noun}Id) throw new Error('missing ${noun} id');`,
        `  total += items.reduce((sum, item) => sum + (item.amount ?? 0), 0) * ${1 + i};`,
        `  for (const key of Object.keys(input)) if (key.startsWith('_')) delete input[key];`,
        `  cache.set(\`${noun}:\${input.${noun}Id}\`, { at: Date.now(), value: total });`,
        `  // ${noun} totals are rounded to cents before comparison`,
        `  const url = \`/api/${noun}s/\${encodeURIComponent(String(input.${noun}Id))}\`;`,
      ]),
    );
  }
  return `${comment(rand)}export function ${name}(input${t(': Record<string, any>')}, items${t(': Array<{ id: number; amount?: number }>')} = [])${t(': number')} {\n  let total = 0;\n${body.join('\n')}\n  return total;\n}\n`;
}

function reactComponent(rand) {
  const name = cap(ident(rand));
  const noun = pick(rand, NOUNS);
  return `export function ${name}({ ${noun}s, onSelect }: { ${noun}s: Array<{ id: string; title: string }>; onSelect(id: string): void }) {
  const [open, setOpen] = useState(false);
  return (
    <section className="${noun}-list">
      <button onClick={() => setOpen(!open)}>{open ? 'Hide' : 'Show'} ${noun}s</button>
      {open && ${noun}s.map((item) => (
        <article key={item.id} onClick={() => onSelect(item.id)}>
          <h3>{item.title}</h3>
        </article>
      ))}
    </section>
  );
}
`;
}

function header(rand, lang, siblings) {
  const imports = [];
  if (lang === 'tsx') imports.push("import { useState } from 'react';");
  for (const sib of siblings.slice(0, 1 + Math.floor(rand() * 3))) imports.push(`import { ${ident(rand)} as ${ident(rand)}${imports.length} } from './${sib}';`);
  imports.push(pick(rand, ["import { z } from 'zod';", "import dayjs from 'dayjs';", "import { Router } from 'express';", "import { logger } from '../logger';"]));
  return `${imports.join('\n')}\n\n`;
}

/** An ordinary module: imports, a few documented functions, a component in TSX. */
export function appFile(rand, lang, siblings = []) {
  const typed = lang === 'ts' || lang === 'tsx';
  let out = header(rand, lang, siblings);
  if (!typed) out = `'use strict';\n${out}`;
  if (typed) out += `export interface ${cap(pick(rand, NOUNS))}Input {\n  id: string;\n  createdAt: Date;\n  tags?: string[];\n}\n\nconst cache = new Map${'<string, unknown>'}();\n\n`;
  else out += 'const cache = new Map();\n\n';
  const n = 2 + Math.floor(rand() * 7);
  for (let i = 0; i < n; i++) out += `${fn(rand, typed)}\n`;
  if (lang === 'tsx') out += reactComponent(rand);
  return out;
}

export function testFile(rand, subject) {
  return `import { describe, expect, it } from 'vitest';
import * as subject from './${subject}';

describe('${subject}', () => {
  it('keeps totals stable', () => {
    expect(Object.keys(subject).length).toBeGreaterThan(0);
  });
  it('rejects a missing id', () => {
    expect(() => Object.values(subject)[0]?.({}, [])).toBeDefined();
  });
});
`;
}

/**
 * The OpenAI styles of a real codebase. `clientPath` is the package's shared client module
 * (relative import, no extension), which the `client-call` style reaches across files.
 */
export const STYLES = ['client-module', 'client-call', 'local-client', 'env', 'fetch', 'ai-sdk', 'langchain', 'typed-param', 'container'];

export function openaiFile(rand, style, clientPath) {
  const model = pick(rand, MODELS.slice(0, 5));
  const filler = fn(rand, true);
  switch (style) {
    case 'client-module':
      return `import OpenAI from 'openai';\n\n// One client for the package; the key comes from the deployment's secrets.\nexport const openai = new OpenAI({ apiKey: process.env.OPENAI_API_KEY, timeout: 30_000 });\n\nexport const DEFAULT_MODEL = '${model}';\n\n${filler}`;
    case 'client-call':
      return `import { openai, DEFAULT_MODEL } from '${clientPath}';\n\n${filler}\nexport async function summarize(text: string) {\n  const completion = await openai.chat.completions.create({\n    model: DEFAULT_MODEL,\n    messages: [{ role: 'system', content: 'Summarize.' }, { role: 'user', content: text }],\n    temperature: 0.2,\n  });\n  return completion.choices[0].message.content ?? '';\n}\n`;
    case 'local-client':
      return `const OpenAI = require('openai');\n\nconst client = new OpenAI({ apiKey: process.env.OPENAI_API_KEY });\n\nasync function embed(texts) {\n  const res = await client.embeddings.create({ model: 'text-embedding-3-small', input: texts });\n  return res.data.map((d) => d.embedding);\n}\n\nmodule.exports = { embed };\n`;
    case 'env':
      return `${filler}\nexport const aiConfig = {\n  apiKey: process.env.OPENAI_API_KEY ?? '',\n  baseURL: process.env.OPENAI_BASE_URL,\n  model: process.env.OPENAI_MODEL ?? '${model}',\n};\n`;
    case 'fetch':
      return `${filler}\nexport async function complete(prompt: string): Promise<string> {\n  const res = await fetch('https://api.openai.com/v1/chat/completions', {\n    method: 'POST',\n    headers: { 'Content-Type': 'application/json', Authorization: \`Bearer \${process.env.OPENAI_API_KEY}\` },\n    body: JSON.stringify({ model: '${model}', messages: [{ role: 'user', content: prompt }] }),\n  });\n  const json = await res.json();\n  return json.choices[0].message.content;\n}\n`;
    case 'ai-sdk':
      return `import { openai } from '@ai-sdk/openai';\nimport { generateText, streamText } from 'ai';\n\n${filler}\nexport async function answer(prompt: string) {\n  const { text } = await generateText({ model: openai('${model}'), prompt });\n  return text;\n}\n\nexport function stream(prompt: string) {\n  return streamText({ model: openai('${model}'), prompt });\n}\n`;
    case 'langchain':
      return `import { ChatOpenAI, OpenAIEmbeddings } from '@langchain/openai';\n\nconst llm = new ChatOpenAI({ model: '${model}', temperature: 0 });\nconst embeddings = new OpenAIEmbeddings({ model: 'text-embedding-3-small' });\n\n${filler}\nexport async function ask(question: string) {\n  const vector = await embeddings.embedQuery(question);\n  const reply = await llm.invoke([['human', question]]);\n  return { vector, reply };\n}\n`;
    case 'typed-param':
      return `import type OpenAI from 'openai';\n\n${filler}\nexport async function classify(client: OpenAI, text: string) {\n  const res = await client.chat.completions.create({ model: '${model}', messages: [{ role: 'user', content: text }] });\n  return res.choices[0].message.content;\n}\n`;
    case 'container':
      // A receiver no syntax rule binds: only the type checker knows what Map#get returns.
      return `import OpenAI from 'openai';\n\nconst clients = new Map<string, OpenAI>();\nclients.set('default', new OpenAI());\n\n${filler}\nexport async function tag(text: string) {\n  const res = await clients.get('default')!.chat.completions.create({ model: '${model}', messages: [{ role: 'user', content: text }] });\n  return res.choices[0].message.content;\n}\n`;
    default:
      throw new Error(`unknown style ${style}`);
  }
}

/** Text that trips a cheap prefilter but is not OpenAI usage: parsed, then correctly ignored. */
export function lookalikeFile(rand) {
  const filler = fn(rand, true);
  return pick(rand, [
    `// Pricing page copy: we compare our plans with ChatGPT Plus and OpenAI's API tiers.\n${filler}`,
    `${filler}\nexport async function dispatch(bus: { invoke(name: string, payload: unknown): Promise<unknown> }) {\n  return bus.invoke('refresh', { at: Date.now() });\n}\n`,
    `${filler}\nexport const routes = { embeddings: '/internal/embeddings', health: '/healthz' };\n`,
  ]);
}

/** A production bundle: long minified lines, some of them the bundled OpenAI SDK. */
export function bundleFile(rand, kb, withSdk) {
  const chunk = 'var a=function(e,t){return e+t},b=function(e){for(var t=0;t<e.length;t++)e[t]=a(e[t],1);return e};';
  const sdk = 'class OpenAI{constructor(e){this.baseURL=e.baseURL||"https://api.openai.com/v1"}}OpenAI.prototype.chat={completions:{create:function(e){return fetch(this.baseURL+"/chat/completions",e)}}};';
  let line = '';
  while (line.length < kb * 1024) line += rand() < 0.05 && withSdk ? sdk : chunk;
  return `!function(){${line}}();\n//# sourceMappingURL=index.js.map\n`;
}

export function vendorFile(rand) {
  return `/*! tiny-lib v${1 + Math.floor(rand() * 9)}.0.0 | MIT */\n!function(e,t){"object"==typeof exports?module.exports=t():e.tiny=t()}(this,function(){${'var n=function(e){return e*2};'.repeat(80 + Math.floor(rand() * 200))}return n});\n`;
}

export const OTHER_FILES = {
  json: (rand) => `${JSON.stringify({ name: ident(rand), version: '1.0.0', private: true }, null, 2)}\n`,
  md: (rand) => `# ${cap(ident(rand))}\n\nInternal notes. ${comment(rand)}`,
  css: (rand) => `.${pick(rand, NOUNS)}-list { display: grid; gap: 8px; }\n.${pick(rand, NOUNS)}-item:hover { background: #f5f5f5; }\n`,
};

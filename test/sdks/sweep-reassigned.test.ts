/**
 * A variable assigned in branches holds any of its values: the sweep's package uses follow it when
 * every value comes from the OpenAI package, and never for a response or a declared type.
 */
import { describe, expect, it } from 'vitest';
import { detectProject } from '../helpers/detect.js';

const packageCalls = (files: Record<string, string>) =>
  detectProject(files, { sweep: true }).sites.filter((s) => s.ruleId === 'sweep/packageCall').map((s) => s.line);

describe('sweep: variables reassigned in branches', () => {
  it('a wrapper object built in either branch is a use of the wrapper', () => {
    const lines = packageCalls({
      'engine.ts': `import { RetrieverQueryEngine, ResponseSynthesizer } from 'llamaindex';
export function prepare(retriever: unknown, compact: boolean) {
  let engine = new RetrieverQueryEngine(retriever);
  if (compact) engine = new RetrieverQueryEngine(retriever, new ResponseSynthesizer());
  return engine;
}
export const ask = (q: string) => prepare(null, true).query({ query: q });
`,
    });
    expect(lines).toContain(7);
  });

  it('a response of either of two calls, or a value only declared with an OpenAI type, is not', () => {
    const lines = packageCalls({
      'images.ts': `import OpenAI from 'openai';
const client = new OpenAI();
export async function urls(big: boolean) {
  let response = await client.images.generate({ model: 'dall-e-3', prompt: 'a' });
  if (big) response = await client.images.generate({ model: 'dall-e-3', prompt: 'b', size: '1792x1024' });
  return response.data?.map((item) => item.url).filter(Boolean);
}
export function pick(models: OpenAI.Model[], fallback: OpenAI.Model[]) {
  let list: OpenAI.Model[] = models;
  if (!list.length) list = fallback;
  return list.find((m) => m.id === 'gpt-4o');
}
`,
    });
    expect(lines).not.toContain(6);
    expect(lines).not.toContain(11);
  });

  it('in a test file the same use is a mention, not a call site', () => {
    const source = `import { RetrieverQueryEngine } from 'llamaindex';
export const ask = (retriever: unknown, q: string) => new RetrieverQueryEngine(retriever).query({ query: q });
`;
    const { sites, kinds } = detectProject({ 'engine.ts': source, 'engine.test.ts': source }, { sweep: true });
    const kindsOf = (file: string) =>
      sites.filter((s) => s.ruleId === 'sweep/packageCall' && s.file === file).map((s) => kinds.get(`${s.ruleId} ${s.file}:${s.line}:${s.column}`));
    expect(kindsOf('engine.ts')).toEqual(['call']);
    expect(kindsOf('engine.test.ts')).toEqual(['mention']);
  });
});

/**
 * Cache hits read in OpenAI's shape (rule deepseek-cached-tokens): the call's finding names the
 * read on DeepSeek and nowhere else, and a read that already falls back to DeepSeek's field, or
 * whose usage expression a fallback would run twice, is not edited.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { analyze } from '../../src/commands/analyze.js';

const SOURCE = `import OpenAI from 'openai';
const c = new OpenAI();
export async function plain(q: string) {
  const r = await c.chat.completions.create({ model: 'gpt-4o', messages: [{ role: 'user', content: q }] });
  return r.usage?.prompt_tokens_details?.cached_tokens;
}
export async function handled(q: string) {
  const r = await c.chat.completions.create({ model: 'gpt-4o', messages: [{ role: 'user', content: q }] });
  const u = r.usage as any;
  return u?.prompt_tokens_details?.cached_tokens ?? u?.prompt_cache_hit_tokens;
}
export async function called(q: string) {
  const r = await c.chat.completions.create({ model: 'gpt-4o', messages: [{ role: 'user', content: q }] });
  const usage = () => r.usage;
  return usage()?.prompt_tokens_details?.cached_tokens;
}
export async function none(q: string) {
  const r = await c.chat.completions.create({ model: 'gpt-4o', messages: [{ role: 'user', content: q }] });
  return r.usage?.prompt_tokens;
}
`;

let dir: string;
beforeAll(() => {
  dir = mkdtempSync(path.join(tmpdir(), 'banjia-cached-'));
  writeFileSync(path.join(dir, 'calls.ts'), SOURCE);
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('deepseek-cached-tokens at scan time', () => {
  it('reports the read of prompt_tokens_details.cached_tokens on DeepSeek with its line, offers the fallback where the usage is a name chain', async () => {
    const { planned } = await analyze({ path: dir, provider: 'deepseek' }, 'scan');
    const calls = new Map(planned.findings.filter((f) => f.kind === 'call').map((f) => [f.line, f]));
    expect(calls.get(4)!.reason).toMatch(/read at line 5\..*dialect rule deepseek-cached-tokens/s);
    expect(JSON.stringify(calls.get(4)!.suggestions ?? [])).toContain('prompt_cache_hit_tokens');
    expect(calls.get(8)!.reason ?? '').not.toMatch(/deepseek-cached-tokens/);
    // usage() would run twice in a fallback: reported, not edited.
    expect(calls.get(13)!.reason).toMatch(/deepseek-cached-tokens/);
    expect(JSON.stringify(calls.get(13)!.suggestions ?? [])).not.toContain('prompt_cache_hit_tokens');
    expect(calls.get(18)!.reason ?? '').not.toMatch(/deepseek-cached-tokens/);
  });

  it('is not reported on a provider that sends OpenAI\'s shape', async () => {
    const { planned } = await analyze({ path: dir, provider: 'qwen' }, 'scan');
    expect(planned.findings.some((f) => /deepseek-cached-tokens/.test(f.reason ?? ''))).toBe(false);
  });
});

/**
 * responses-hosted-tools sees tool types through the value evaluator: a const `tools` list in the
 * call's file or imported from another module. A list the code grows (`push`) stays unknown, and
 * so does a list handed to a function, since an unknown never fires a rule.
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { analyze } from '../../src/commands/analyze.js';

const FILES: Record<string, string> = {
  'lib/tools.ts': `export const tools = [{ type: 'web_search' as const }, { type: 'file_search' as const, vector_store_ids: ['vs_1'] }];
export const functionTools = [{ type: 'function' as const, name: 'lookup', parameters: {}, strict: true }];
`,
  'app/route.ts': `import OpenAI from 'openai';
import { tools, functionTools } from '../lib/tools';
const client = new OpenAI();
export async function imported(q: string) {
  return client.responses.create({ model: 'gpt-4o', input: q, tools });
}
export async function local(q: string) {
  const hosted = [{ type: 'code_interpreter' as const, container: { type: 'auto' as const } }];
  return client.responses.create({ model: 'gpt-4o', input: q, tools: hosted });
}
export async function grown(q: string) {
  const later: any[] = [];
  later.push({ type: 'web_search' });
  return client.responses.create({ model: 'gpt-4o', input: q, tools: later });
}
export async function functions(q: string) {
  return client.responses.create({ model: 'gpt-4o', input: q, tools: functionTools });
}
`,
  'assistant.ts': `import OpenAI from 'openai';
const openai = new OpenAI();
export const make = () =>
  openai.beta.assistants.create({
    model: 'gpt-4o',
    tools: [{ type: 'file_search' }],
    tool_resources: { file_search: { vector_store_ids: ['vs_1'] } },
  });
export const plain = () => openai.beta.assistants.create({ model: 'gpt-4o', tools: [{ type: 'function', function: { name: 'f' } }] });
`,
};

let dir: string;
beforeAll(() => {
  dir = mkdtempSync(path.join(tmpdir(), 'banjia-hosted-tools-'));
  for (const [file, text] of Object.entries(FILES)) {
    mkdirSync(path.dirname(path.join(dir, file)), { recursive: true });
    writeFileSync(path.join(dir, file), text);
  }
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('hosted tools through variables and imports', () => {
  it('names the rule on an imported const list and a local one; not on a grown list or function tools', async () => {
    const { planned } = await analyze({ path: dir, provider: 'qwen' }, 'scan');
    const calls = new Map(planned.findings.filter((f) => f.kind === 'call' && f.file.endsWith('route.ts')).map((f) => [f.line, f]));
    const names = (line: number) => (calls.get(line)?.reason ?? '').includes('(dialect rule responses-hosted-tools)');
    expect(names(5)).toBe(true);
    expect(names(9)).toBe(true);
    expect(names(14)).toBe(false);
    expect(names(17)).toBe(false);
    expect(calls.get(5)!.readiness).toBe('manual');
    // The finding names the hosted tools the request sends.
    expect(calls.get(5)!.reason).toMatch(/hosted tools web_search, file_search\./);
    expect(calls.get(9)!.reason).toMatch(/hosted tool code_interpreter\./);
  });

  it('an assistant with file_search is a finding naming the tool (the provider has no OpenAI vector store); function tools are not', async () => {
    const { planned } = await analyze({ path: dir, provider: 'qwen' }, 'scan');
    const calls = new Map(planned.findings.filter((f) => f.kind === 'call' && f.file.endsWith('assistant.ts')).map((f) => [f.line, f]));
    expect(calls.get(4)!.reason).toMatch(/hosted tool file_search\. .*\(dialect rule responses-hosted-tools\)/s);
    expect(calls.get(4)!.readiness).toBe('manual');
    expect(calls.get(9)!.reason ?? '').not.toMatch(/responses-hosted-tools/);
  });
});

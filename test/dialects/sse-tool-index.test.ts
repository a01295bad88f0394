/**
 * Tool calls gathered by the delta's index (rule zhipu-stream-tool-call-index,
 * dialects/sse-tool-index.ts): the parsers of fixtures/sse-tool-calls are run on a real emulator
 * stream of a GLM-4.5 model, which numbers its tool calls -1; the bad ones lose the call, the good
 * ones keep it, and the scan flags exactly the bad ones.
 */
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ts } from '../../src/analysis/ts.js';
import { parseUnit } from '../../src/analysis/unit.js';
import { findProvider } from '../../src/catalogue/index.js';
import { analyze } from '../../src/commands/analyze.js';
import { indexKeyedToolCalls } from '../../src/dialects/sse-tool-index.js';
import { startEmulator, type RunningServer } from '../../src/emulator/server.js';
import { FIXTURES } from '../helpers/fixtures.js';

const DIR = path.join(FIXTURES, 'sse-tool-calls');
const FILES = readdirSync(DIR).filter((f) => f.endsWith('.ts')).sort();
const bad = (file: string) => file.startsWith('bad-');

function keyedOf(text: string, name = 'inline.ts'): number[] {
  const unit = parseUnit(name, path.join(DIR, name), text);
  let request: ts.Node | undefined;
  const visit = (node: ts.Node): void => {
    if (ts.isCallExpression(node) && ts.isIdentifier(node.expression) && node.expression.text === 'fetch') request ??= node;
    ts.forEachChild(node, visit);
  };
  visit(unit.sf);
  return indexKeyedToolCalls(unit, request ?? unit.sf.statements[0]).map((p) => p.line);
}

describe('tool calls keyed by the delta index', () => {
  for (const file of FILES) {
    it(`${file}: ${bad(file) ? 'the access is found' : 'nothing is found'}`, () => {
      const found = keyedOf(readFileSync(path.join(DIR, file), 'utf8'), file);
      if (bad(file)) expect(found).toHaveLength(1);
      else expect(found).toEqual([]);
    });
  }

  it('only where the function handles tool_calls, and not when an index is compared with a number', () => {
    expect(keyedOf(`export function f(items: { index: number }[], out: string[]) { for (const it of items) out[it.index] = 'x'; }`)).toEqual([]);
    expect(keyedOf(`export function f(d: any, out: any[]) { for (const tc of d.tool_calls) out[tc.index] = tc; }`)).toHaveLength(1);
    expect(keyedOf(`export function f(d: any, out: any[]) { for (const tc of d.tool_calls) out[tc.index < 0 ? 0 : tc.index] = tc; }`)).toEqual([]);
    expect(keyedOf(`export function f(d: any, out: any[]) { for (const tc of d.tool_calls) { if (tc.index === -1) continue; out[tc.index] = tc; } }`)).toEqual([]);
  });
});

describe('the parsers on a GLM-4.5 stream', () => {
  let server: RunningServer;
  beforeAll(async () => {
    server = await startEmulator({ provider: findProvider('zhipu')! });
  });
  afterAll(() => server.close());

  const tools = [{ type: 'function', function: { name: 'get_weather', parameters: { type: 'object', properties: { city: { type: 'string' } } } } }];
  const stream = (model: string) =>
    fetch(`${server.url}/chat/completions`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: 'Bearer k' },
      body: JSON.stringify({ model, messages: [{ role: 'user', content: 'weather in Paris?' }], stream: true, tools }),
    });

  it('the emulator streams index -1 on GLM-4.5, 0 on a later GLM', async () => {
    expect(await (await stream('glm-4.5-air')).text()).toContain('"index":-1');
    expect(await (await stream('glm-4.6v')).text()).not.toContain('"index":-1');
  });

  for (const file of FILES) {
    it(`${file}: ${bad(file) ? 'loses the tool call' : 'keeps the tool call'}`, async () => {
      const { readToolCalls } = (await import(path.join(DIR, file))) as { readToolCalls(res: Response): Promise<Array<{ name: string }>> };
      const calls = [...(await readToolCalls(await stream('glm-4.5-air')))].filter(Boolean);
      if (bad(file)) expect(calls).toEqual([]);
      else expect(calls.map((c) => c.name)).toEqual(['get_weather']);
    });
  }
});

describe('the scan', () => {
  it('flags the bad parsers for a GLM-4.5 target, naming the rule; not the good ones, not on another model or provider', async () => {
    const { planned } = await analyze({ path: DIR, provider: 'zhipu', modelMap: ['gpt-4o=glm-4.5-air'] }, 'scan');
    const sse = planned.findings.filter((f) => f.ruleId === 'http/sseStream');
    expect(sse.map((f) => path.basename(f.file)).sort()).toEqual(FILES);
    for (const finding of sse) {
      const file = path.basename(finding.file);
      if (bad(file)) expect(finding.reason, file).toMatch(/gathers tool calls by the delta's index.*dialect rule zhipu-stream-tool-call-index/s);
      else expect(finding.reason ?? '', file).not.toMatch(/zhipu-stream-tool-call-index/);
    }
    const later = await analyze({ path: DIR, provider: 'zhipu', modelMap: ['gpt-4o=glm-4.6v'] }, 'scan');
    expect(later.planned.findings.some((f) => /zhipu-stream-tool-call-index/.test(f.reason ?? ''))).toBe(false);
    const qwen = await analyze({ path: DIR, provider: 'qwen' }, 'scan');
    expect(qwen.planned.findings.some((f) => /zhipu-stream-tool-call-index/.test(f.reason ?? ''))).toBe(false);
  });
});

describe('openai SDK streams with tools', () => {
  const SDK = `import OpenAI from 'openai';
const c = new OpenAI();
const tools = [{ type: 'function' as const, function: { name: 'get_weather', parameters: { type: 'object', properties: {} } } }];
export async function gather(q: string) {
  const stream = await c.chat.completions.create({ model: 'gpt-4o', messages: [{ role: 'user', content: q }], tools, stream: true });
  const calls: { name: string; args: string }[] = [];
  for await (const chunk of stream) {
    for (const tc of chunk.choices[0]?.delta?.tool_calls ?? []) {
      const call = (calls[tc.index] ??= { name: '', args: '' });
      call.args += tc.function?.arguments ?? '';
    }
  }
  return calls;
}
export async function helper(q: string) {
  const stream = c.chat.completions.stream({ model: 'gpt-4o', messages: [{ role: 'user', content: q }], tools });
  return (await stream.finalChatCompletion()).choices[0].message.tool_calls;
}
export async function plain(q: string) {
  return c.chat.completions.create({ model: 'gpt-4o', messages: [{ role: 'user', content: q }], tools });
}
`;
  let dir: string;
  beforeAll(() => {
    dir = mkdtempSync(path.join(tmpdir(), 'banjia-tool-index-'));
    writeFileSync(path.join(dir, 'calls.ts'), SDK);
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  const callsFor = async (model: string) => {
    const { planned } = await analyze({ path: dir, provider: 'zhipu', modelMap: [`gpt-4o=${model}`] }, 'scan');
    return new Map(planned.findings.filter((f) => f.kind === 'call').map((f) => [f.line, f.reason ?? '']));
  };

  it('a hand-written accumulator over a create stream and the SDK stream helper are findings on GLM-4.5; a plain call is not, nor a later GLM', async () => {
    const glm45 = await callsFor('glm-4.5-air');
    expect(glm45.get(5)).toMatch(/gathered by the delta's index at line 9\..*zhipu-stream-tool-call-index/s);
    expect(glm45.get(16)).toMatch(/stream helper gathers the tool calls.*zhipu-stream-tool-call-index/s);
    expect(glm45.get(20)).not.toMatch(/zhipu-stream-tool-call-index/);
    // The rule replaces the catalogue's general note on streamed tool calls.
    expect(glm45.get(5)).not.toMatch(/supports tool calls while streaming only partly/);
    const later = await callsFor('glm-4.6v');
    expect([...later.values()].some((r) => /zhipu-stream-tool-call-index/.test(r))).toBe(false);
  });
});

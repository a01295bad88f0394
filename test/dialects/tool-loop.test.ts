/**
 * Tool loops that rebuild assistant messages without reasoning_content (dialects/tool-loop.ts):
 * which literals are found, which call reports them, the edit, and the finding of a scan.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ts } from '../../src/analysis/ts.js';
import { parseUnit } from '../../src/analysis/unit.js';
import { analyze } from '../../src/commands/analyze.js';
import { keepReasoningEdits, rebuiltMessagesOf, roundTripRules } from '../../src/dialects/tool-loop.js';
import { applyEdits } from '../../src/edits/apply-edits.js';
import type { TextStyle } from '../../src/edits/style.js';
import type { View } from '../../src/dialects/types.js';

const STYLE = { eol: '\n', indentUnit: '  ', trailingComma: true } as unknown as TextStyle;

function unitOf(text: string, name = 'loop.ts') {
  const unit = parseUnit(name, `/tmp/${name}`, text);
  const calls: ts.CallExpression[] = [];
  const visit = (node: ts.Node): void => {
    if (ts.isCallExpression(node) && /completions\.create$/.test(node.expression.getText(unit.sf))) calls.push(node);
    ts.forEachChild(node, visit);
  };
  visit(unit.sf);
  return { unit, calls };
}

/** M of each rebuilt message the file's first chat call reports, as written. */
function found(body: string): string[] {
  const { unit, calls } = unitOf(`async function loop(client: any, messages: any[]) {\n  const res = await client.chat.completions.create({ model: 'm', messages });\n  const msg = res.choices[0].message;\n${body}\n}\n`);
  return rebuiltMessagesOf(unit, calls[0]).map((m) => m.message.getText(unit.sf) + (m.optional ? '?' : ''));
}

describe('rebuilt assistant messages', () => {
  it('finds literals that copy tool_calls from a message and leave reasoning_content behind', () => {
    expect(found(`messages.push({ role: 'assistant', content: msg.content, tool_calls: msg.tool_calls });`)).toEqual(['msg']);
    expect(found(`history.push({ role: 'assistant', content: msg.content ?? '', tool_calls: msg.tool_calls! });`)).toEqual(['msg']);
    expect(found(`messages.push({ role: 'assistant', content: null, tool_calls: res.choices[0].message.tool_calls.map((c: any) => ({ ...c })) });`)).toEqual(['res.choices[0].message']);
    expect(found(`messages.push({ role: 'assistant' as const, tool_calls: msg.tool_calls || [] });`)).toEqual(['msg']);
    expect(found(`messages.push({ role: 'assistant', tool_calls: res.choices[0]?.message?.tool_calls });`)).toEqual(['res.choices[0]?.message?']);
  });

  it('leaves alone what keeps the field or where there is no message to copy it from', () => {
    // The message object as received keeps reasoning_content.
    expect(found(`messages.push(msg);`)).toEqual([]);
    expect(found(`messages.push({ ...msg, content: msg.content ?? '' });`)).toEqual([]);
    expect(found(`messages.push({ role: 'assistant', tool_calls: msg.tool_calls, reasoning_content: (msg as any).reasoning_content });`)).toEqual([]);
    // Tool calls gathered from stream deltas, or read from a call: nothing to copy from.
    expect(found(`const toolCalls: any[] = [];\n  messages.push({ role: 'assistant', content: '', tool_calls: toolCalls });`)).toEqual([]);
    expect(found(`messages.push({ role: 'assistant', tool_calls: next().tool_calls });`)).toEqual([]);
    expect(found(`messages.push({ role: 'user', content: 'x', tool_calls: msg.tool_calls });`)).toEqual([]);
    // A tool_calls read inside a callback is about the callback's own value.
    expect(found(`messages.push({ role: 'assistant', tool_calls: list.map((m: any) => m.tool_calls) });`)).toEqual([]);
  });

  it('each literal is reported by one call: the first chat call of the innermost function that has one, else the file first', () => {
    const text = `export async function first(client: any, messages: any[]) {
  await client.chat.completions.create({ model: 'm', messages });
}
export async function loop(client: any, messages: any[]) {
  const res = await client.chat.completions.create({ model: 'm', messages });
  messages.push({ role: 'assistant', content: null, tool_calls: res.choices[0].message.tool_calls });
}
function remember(messages: any[], msg: any) {
  messages.push({ role: 'assistant', content: null, tool_calls: msg.tool_calls });
}
`;
    const { unit, calls } = unitOf(text);
    expect(rebuiltMessagesOf(unit, calls[0]).map((m) => m.line)).toEqual([9]);
    expect(rebuiltMessagesOf(unit, calls[1]).map((m) => m.line)).toEqual([6]);
  });
});

describe('the edit', () => {
  const edit = (text: string) => {
    const { unit, calls } = unitOf(text);
    const edits = rebuiltMessagesOf(unit, calls[0]).flatMap((m) => keepReasoningEdits(unit, m, STYLE));
    return applyEdits(text, edits);
  };

  it('spreads reasoning_content from the message where it has one, never an empty default; applying twice changes nothing', () => {
    const text = `async function f(client: any, messages: any[]) {
  const res = await client.chat.completions.create({ model: 'm', messages });
  const msg = res.choices[0].message;
  messages.push({ role: 'assistant', content: msg.content, tool_calls: msg.tool_calls });
}
`;
    const once = edit(text);
    expect(once).toContain(`messages.push({ role: 'assistant', content: msg.content, tool_calls: msg.tool_calls, ...('reasoning_content' in msg ? { reasoning_content: msg.reasoning_content } : {}) });`);
    expect(once).not.toMatch(/reasoning_content: ''/);
    expect(edit(once)).toBe(once);
  });

  it('guards a message read through ?. and keeps a multi-line literal one property a line', () => {
    const text = `async function f(client: any, messages: any[]) {
  const res = await client.chat.completions.create({ model: 'm', messages });
  messages.push({
    role: 'assistant',
    tool_calls: res.choices[0]?.message.tool_calls,
  });
}
`;
    expect(edit(text)).toContain(`    tool_calls: res.choices[0]?.message.tool_calls,
    ...(res.choices[0]?.message && 'reasoning_content' in res.choices[0]?.message ? { reasoning_content: res.choices[0]?.message.reasoning_content } : {}),
  });`);
  });
});

describe('which calls have a round-trip rule in play', () => {
  it('DeepSeek and Kimi K2.5+ while they think; not with thinking disabled, not moonshot-v1, not Qwen', () => {
    const ids = (providerId: string, model: string, view: View = {}) => roundTripRules({ view, api: 'chat', providerId, model }).map((r) => r.id);
    expect(ids('deepseek', 'deepseek-flash')).toEqual(['deepseek-reasoning-content-roundtrip']);
    expect(ids('deepseek', 'deepseek-flash', { thinking: { type: 'disabled' } })).toEqual([]);
    expect(ids('moonshot', 'kimi-k2.6')).toEqual(['moonshot-reasoning-content-roundtrip']);
    expect(ids('moonshot', 'moonshot-v1-32k')).toEqual([]);
    expect(ids('qwen', 'qwen3.8-max')).toEqual([]);
  });
});

describe('a scan of a tool loop', () => {
  const LOOP = (extra: string) => `import OpenAI from 'openai';
const client = new OpenAI();
export async function run(messages: any[], tools: any[]) {
  for (;;) {
    const completion = await client.chat.completions.create({ model: 'gpt-4o', messages, tools${extra} });
    const message = completion.choices[0].message;
    if (!message.tool_calls) return message.content;
    messages.push({ role: 'assistant', content: message.content, tool_calls: message.tool_calls });
  }
}
`;
  let dir: string;
  beforeAll(() => {
    dir = mkdtempSync(path.join(tmpdir(), 'banjia-tool-loop-'));
    writeFileSync(path.join(dir, 'thinks.ts'), LOOP(''));
    writeFileSync(path.join(dir, 'plain.ts'), LOOP(", thinking: { type: 'disabled' }"));
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('names the rule and the line, and suggests the edit at review level; not where thinking is off or on another provider', async () => {
    const { planned } = await analyze({ path: dir, provider: 'deepseek' }, 'scan');
    const call = (file: string) => planned.findings.find((f) => f.kind === 'call' && path.basename(f.file) === file)!;
    expect(call('thinks.ts').reason).toMatch(/line 8 \(message\.tool_calls\).*dialect rule deepseek-reasoning-content-roundtrip/);
    expect(call('thinks.ts').readiness).toBe('review');
    const suggestion = call('thinks.ts').suggestions!.find((s) => s.edits.some((e) => e.text.includes('reasoning_content')))!;
    expect(suggestion.safety).toBe('review');
    expect(call('plain.ts').reason ?? '').not.toMatch(/reasoning-content-roundtrip/);
    expect(call('plain.ts').suggestions ?? []).toEqual([]);
    const zhipu = await analyze({ path: dir, provider: 'zhipu' }, 'scan');
    expect(zhipu.planned.findings.some((f) => /reasoning-content-roundtrip/.test(f.reason ?? ''))).toBe(false);
  });
});

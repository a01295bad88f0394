/**
 * Dialect rule responses-unavailable: which Responses calls become chat completions on a provider
 * without Responses, what the edits are, and what is refused (with the reason in the finding).
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { listProviders } from '../../src/catalogue/index.js';
import { analyze } from '../../src/commands/analyze.js';
import { dialectRule } from '../../src/dialects/index.js';

const dirs: string[] = [];
afterAll(() => {
  for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
});

const HEAD = `import OpenAI from 'openai';\nconst client = new OpenAI();\n`;

/** Runs apply --include-review on one file; returns the file after and the call finding. */
async function run(body: string, provider = 'zhipu') {
  const dir = mkdtempSync(path.join(tmpdir(), 'banjia-responses-'));
  dirs.push(dir);
  writeFileSync(path.join(dir, 'a.ts'), HEAD + body);
  const { planned } = await analyze({ path: dir, provider, includeReview: true }, 'apply');
  const after = planned.filePlans.find((p) => p.path === 'a.ts')?.after ?? HEAD + body;
  const call = planned.findings.find((f) => f.kind === 'call')!;
  // The code after the client's construction (which the move rewrites).
  return { after: after.slice(after.search(/^(export|declare) /m)), call, errored: planned.errored };
}

describe('responses-unavailable', () => {
  it('names exactly the providers whose catalogue says Responses is unsupported or unknown', () => {
    const rule = dialectRule('responses-unavailable')!;
    const without = listProviders().filter((p) => p.features.responses.support === 'no' || p.features.responses.support === 'unknown').map((p) => p.id);
    expect([...rule.providers].sort()).toEqual(without.sort());
    expect(rule.rewrite).toEqual({ kind: 'responses-to-chat' });
  });

  it('rewrites the request, the result reads and keeps the model edit beside them', async () => {
    const { after, call, errored } = await run(`export async function f(q: string) {
  const r = await client.responses.create({ model: 'gpt-4o', input: q, 'max_output_tokens': 50, top_p: 0.9, user: 'u' });
  return [r.output_text, r.usage!.total_tokens, r.usage?.output_tokens, r.model];
}
`);
    expect(errored).toEqual([]);
    expect(after).toBe(`export async function f(q: string) {
  const r = await client.chat.completions.create({ model: 'glm-5.3', messages: [{ role: 'user', content: q }], 'max_tokens': 50, top_p: 0.9, user: 'u' });
  return [(r.choices[0]?.message.content ?? ''), r.usage!.total_tokens, r.usage?.completion_tokens, r.model];
}
`);
    expect(call.readiness).toBe('review');
    expect(call.reason).toMatch(/dialect rule responses-unavailable/);
  });

  it('shorthand input, an ignored result, a multi-line list with instructions after it (no effects); quotes as the file writes them', async () => {
    const shorthand = await run(`export async function f(input: string) {\n  await client.responses.create({ model: "gpt-4o", input });\n}\n`);
    expect(shorthand.after).toContain(`client.chat.completions.create({ model: "glm-5.3", messages: [{ role: 'user', content: input }] });`);
    const list = await run(`export async function f(a: string) {
  const r = await client.responses.create({
    model: 'gpt-4o',
    input: [
      { role: 'user', content: a },
    ],
    instructions: \`Be \${a}.\`,
  });
  return r.output_text;
}
`);
    expect(list.after).toContain(`    messages: [
      { role: 'system', content: \`Be \${a}.\` },
      { role: 'user', content: a },
    ],
  });`);
  });

  // Forms from a public repository's clip selector: a prompt built by a local function, a slice of a string parameter.
  it('takes as strings a local function that returns a template and a slice of a string', async () => {
    const { after, errored } = await run(`function buildPrompt(n: number) {
  if (n > 10) return \`Return at least \${n} clips as JSON.\`;
  return 'Return clips as JSON.';
}
const shout = (s: string) => s.toUpperCase();
export async function f(transcript: string) {
  const prompt = buildPrompt(20);
  const userInput = transcript.slice(0, 1000);
  const res = await client.responses.create({ model: 'gpt-4o', input: [{ role: 'system', content: prompt }, { role: 'user', content: shout(userInput) }] });
  return res.output_text;
}
`);
    expect(errored).toEqual([]);
    expect(after).toContain("client.chat.completions.create({ model: 'glm-5.3', messages: [{ role: 'system', content: prompt }, { role: 'user', content: shout(userInput) }] })");
    expect(after).toContain("return (res.choices[0]?.message.content ?? '');");
  });

  it('does not take as a string a slice of a list, or an async function’s result', async () => {
    const sliced = await run(`export async function f(items: { role: 'user'; content: string }[]) {
  const r = await client.responses.create({ model: 'gpt-4o', input: [{ role: 'user', content: items.slice(0, 1) as any }] });
  return r.output_text;
}
`);
    expect(sliced.after).toContain('client.responses.create(');
    const asyncFn = await run(`async function load() { return 'text'; }
export async function f() {
  const r = await client.responses.create({ model: 'gpt-4o', input: [{ role: 'user', content: load() as any }] });
  return r.output_text;
}
`);
    expect(asyncFn.after).toContain('client.responses.create(');
  });

  it('uses the provider’s output-token field and lints the new request as a chat call', async () => {
    const { after, call } = await run(`export async function f(q: string) {\n  const r = await client.responses.create({ model: 'gpt-4o', input: q, temperature: 1.5 });\n  return r.output_text;\n}\n`);
    expect(after).toContain('chat.completions.create');
    expect(call.reason).toMatch(/dialect rule zhipu-temperature-range/);
  });

  it('changes nothing where the provider serves Responses', async () => {
    const { after, call } = await run(`export async function f(q: string) {\n  const r = await client.responses.create({ model: 'gpt-4o', input: q });\n  return r.output_text;\n}\n`, 'deepseek');
    expect(after).toContain('client.responses.create');
    expect(after).toContain('r.output_text');
    expect(call.reason ?? '').not.toMatch(/responses-unavailable|chat completion/);
  });

  const refusals: Array<[string, string, RegExp]> = [
    ['streaming', `const s = await client.responses.create({ model: 'gpt-4o', input: q, stream: true }); return s;`, /it streams/],
    ['function tools', `const r = await client.responses.create({ model: 'gpt-4o', input: q, tools: [{ type: 'function', name: 'f', parameters: {}, strict: true }] }); return r.output_text;`, /it sends tools/],
    ['previous_response_id', `const r = await client.responses.create({ model: 'gpt-4o', input: q, previous_response_id: 'resp_1' }); return r.output_text;`, /previous_response_id/],
    ['text.format', `const r = await client.responses.create({ model: 'gpt-4o', input: q, text: { format: { type: 'json_object' } } }); return r.output_text;`, /text\.format/],
    ['reasoning', `const r = await client.responses.create({ model: 'gpt-4o', input: q, reasoning: { effort: 'low' } }); return r.output_text;`, /reasoning/],
    ['an unlisted field', `const r = await client.responses.create({ model: 'gpt-4o', input: q, truncation: 'auto' }); return r.output_text;`, /truncation has no chat completions field/],
    ['a spread', `const r = await client.responses.create({ ...base, input: q }); return r.output_text;`, /spreads another object/],
    ['a request variable', `const body = { model: 'gpt-4o', input: q }; const r = await client.responses.create(body); return r.output_text;`, /not an object literal/],
    ['input of unknown type', `const r = await client.responses.create({ model: 'gpt-4o', input: items }); return r.output_text;`, /input is not known to be a string/],
    ['an input part list', `const r = await client.responses.create({ model: 'gpt-4o', input: [{ role: 'user', content: [{ type: 'input_text', text: q }] }] }); return r.output_text;`, /not a \{ role, content: string \} message/],
    ['a function-call item', `const r = await client.responses.create({ model: 'gpt-4o', input: [{ type: 'function_call_output', call_id: 'c', output: '1' }] }); return r.output_text;`, /not a \{ role, content: string \} message/],
    ['a developer message', `const r = await client.responses.create({ model: 'gpt-4o', input: [{ role: 'developer', content: q }] }); return r.output_text;`, /not a \{ role, content: string \} message/],
    ['the result passed on', `const r = await client.responses.create({ model: 'gpt-4o', input: q }); return keep(r);`, /used as `keep\(r\)`/],
    ['the result returned whole', `return await client.responses.create({ model: 'gpt-4o', input: q });`, /used as `return await/],
    ['output read', `const r = await client.responses.create({ model: 'gpt-4o', input: q }); return r.output.length;`, /used as `r\.output`/],
    ['usage details', `const r = await client.responses.create({ model: 'gpt-4o', input: q }); return r.usage?.input_tokens_details;`, /used as `r\.usage`/],
    ['destructured', `const { output_text } = await client.responses.create({ model: 'gpt-4o', input: q }); return output_text;`, /destructured/],
    ['a let', `let r = await client.responses.create({ model: 'gpt-4o', input: q }); return r.output_text;`, /not a const/],
    ['not awaited', `return client.responses.create({ model: 'gpt-4o', input: q }).then((r) => r.output_text);`, /not awaited/],
    ['a written output_text', `const r = await client.responses.create({ model: 'gpt-4o', input: q }); r.output_text = ''; return r;`, /used as/],
    ['instructions of unknown type', `const r = await client.responses.create({ model: 'gpt-4o', input: q, instructions: keep(q) }); return r.output_text;`, /instructions is not known to be a string/],
    ['instructions after input, with a call in them', `const r = await client.responses.create({ model: 'gpt-4o', input: q, instructions: String(load()) }); return r.output_text;`, /order in which their expressions run/],
    ['responses.stream', `const s = client.responses.stream({ model: 'gpt-4o', input: q }); return s;`, /responses\.stream\(\)/],
  ];
  for (const [what, code, reason] of refusals) {
    it(`refuses ${what}, saying why, and leaves the call alone`, async () => {
      const body = `declare const base: { model: string }; declare const items: never[]; declare function keep(x: unknown): unknown; declare function load(): string;\nexport async function f(q: string) {\n  ${code}\n}\n`;
      const { after, call } = await run(body);
      expect(call.reason).toMatch(/support for the Responses API is unconfirmed.*Not rewritten as a chat completion: /);
      expect(call.reason).toMatch(reason);
      expect(after).not.toContain('chat.completions');
      expect(after).not.toContain('choices[0]');
    });
  }

  it('on Spark a refused call cannot move; a rewritten one can', async () => {
    const refused = await run(`export async function f(q: string) {\n  const r = await client.responses.create({ model: 'gpt-4o', input: q, store: true });\n  return r.output_text;\n}\n`, 'spark');
    expect(refused.call.readiness).toBe('manual');
    expect(refused.call.reason).toMatch(/iFlytek Spark does not support the Responses API.*Not rewritten as a chat completion: it sets store/);
    const moved = await run(`export async function f(q: string) {\n  const r = await client.responses.create({ model: 'gpt-4o', input: q });\n  return r.output_text;\n}\n`, 'spark');
    expect(moved.call.readiness).toBe('review');
    expect(moved.after).toContain(`client.chat.completions.create({ model: '4.0Ultra', messages: [{ role: 'user', content: q }] });`);
  });
});

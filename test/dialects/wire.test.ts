/**
 * The dialect rules on the wire (what the provider emulator of issue 13 will enforce): each rule
 * fires on a request body that breaks it and stays quiet on the fixed one.
 */
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ts } from '../../src/analysis/ts.js';
import { parseUnit } from '../../src/analysis/unit.js';
import { DIALECT_RULES, emulatorRules, literalView, requestViolations } from '../../src/dialects/index.js';
import { discoverCases, FIXTURES } from '../helpers/fixtures.js';

const CHAT = '/v1/chat/completions';
const ids = (violations: Array<{ ruleId: string }>) => violations.map((v) => v.ruleId);

describe('requestViolations', () => {
  it('rejects the developer role on DeepSeek (chat and Responses) and Ark, not on Qwen', () => {
    const body = { model: 'deepseek-flash', messages: [{ role: 'developer', content: 'Be brief.' }, { role: 'user', content: 'hi' }] };
    const [violation] = requestViolations('deepseek', undefined, body, CHAT);
    expect(violation).toMatchObject({ ruleId: 'deepseek-developer-role', effect: 'rejected', status: 400 });
    expect(violation.evidence[0].url).toMatch(/^https:\/\//);
    expect(ids(requestViolations('deepseek', 'deepseek-flash', { input: [{ role: 'developer', content: 'x' }] }, '/responses'))).toEqual(['deepseek-developer-role']);
    expect(ids(requestViolations('doubao', 'doubao-seed-2-1-pro-260628', body, '/api/v3/chat/completions'))).toEqual(['doubao-developer-role']);
    expect(requestViolations('qwen', 'qwen-plus', body, CHAT)).toEqual([]);
    const fixed = { ...body, messages: [{ role: 'system', content: 'Be brief.' }, { role: 'user', content: 'hi' }] };
    expect(requestViolations('deepseek', 'deepseek-flash', fixed, CHAT)).toEqual([]);
  });

  it('knows the output-token field goes opposite ways on DeepSeek and Qwen', () => {
    expect(requestViolations('deepseek', 'deepseek-flash', { max_completion_tokens: 100 }, CHAT)).toMatchObject([{ ruleId: 'deepseek-max-tokens', effect: 'ignored' }]);
    expect(requestViolations('deepseek', 'deepseek-flash', { max_tokens: 100 }, CHAT)).toEqual([]);
    expect(requestViolations('qwen', 'qwen-plus', { max_tokens: 100 }, CHAT)).toMatchObject([{ ruleId: 'qwen-max-completion-tokens', effect: 'deprecated' }]);
    expect(requestViolations('qwen', 'qwen-plus', { max_completion_tokens: 100 }, CHAT)).toEqual([]);
    expect(ids(requestViolations('zhipu', 'glm-4.5-air', { max_completion_tokens: 100 }, CHAT))).toEqual(['zhipu-max-tokens']);
  });

  it('rejects json_schema on DeepSeek and accepts json_object', () => {
    const schema = { type: 'json_schema', json_schema: { name: 'x', schema: { type: 'object' }, strict: true } };
    expect(requestViolations('deepseek', 'deepseek-flash', { response_format: schema }, CHAT)).toMatchObject([{ ruleId: 'deepseek-json-schema', status: 400 }]);
    expect(requestViolations('deepseek', 'deepseek-flash', { response_format: { type: 'json_object' } }, CHAT)).toEqual([]);
    expect(requestViolations('qwen', 'qwen-plus', { response_format: schema }, CHAT)).toEqual([]);
  });

  it('rejects json_object on DeepSeek when no message says "json", in any case, and only when every text is known', () => {
    const ask = (...contents: unknown[]) => ({ response_format: { type: 'json_object' }, messages: contents.map((content) => ({ role: 'user', content })) });
    expect(requestViolations('deepseek', 'deepseek-flash', ask('Name a colour.'), CHAT)).toMatchObject([{ ruleId: 'deepseek-json-object-word', status: 400 }]);
    expect(requestViolations('deepseek', 'deepseek-flash', ask('Name a colour.', [{ type: 'text', text: 'One word.' }]), CHAT)).toHaveLength(1);
    expect(requestViolations('deepseek', 'deepseek-flash', ask('Name a colour as JSON.'), CHAT)).toEqual([]);
    expect(requestViolations('deepseek', 'deepseek-flash', ask('Name a colour.', [{ type: 'text', text: 'Answer in json.' }]), CHAT)).toEqual([]);
    expect(requestViolations('deepseek', 'deepseek-flash', { messages: ask('Name a colour.').messages }, CHAT)).toEqual([]);
    expect(requestViolations('qwen', 'qwen-plus', ask('Name a colour.'), CHAT)).toEqual([]);
  });

  it('the system message the json_schema rewrite writes satisfies both DeepSeek JSON rules', async () => {
    const { SCHEMA_PROMPT } = await import('../../src/dialects/json-schema-to-object.js');
    const schema = { type: 'object', properties: { ok: { type: 'boolean' } } };
    const body = { response_format: { type: 'json_object' }, messages: [{ role: 'system', content: `${SCHEMA_PROMPT}${JSON.stringify(schema)}` }, { role: 'user', content: 'Is it?' }] };
    expect(requestViolations('deepseek', 'deepseek-flash', body, CHAT)).toEqual([]);
  });

  it('rejects a forced tool_choice only where and while the model thinks', () => {
    const forced = { tools: [{ type: 'function', function: { name: 'f' } }], tool_choice: 'required' };
    const named = { ...forced, tool_choice: { type: 'function', function: { name: 'f' } } };
    // DeepSeek V4 thinks by default.
    expect(ids(requestViolations('deepseek', 'deepseek-flash', forced, CHAT))).toEqual(['deepseek-tool-choice-thinking']);
    expect(requestViolations('deepseek', 'deepseek-flash', { ...forced, thinking: { type: 'disabled' } }, CHAT)).toEqual([]);
    expect(requestViolations('deepseek', 'deepseek-flash', { ...forced, tool_choice: 'auto' }, CHAT)).toEqual([]);
    // Qwen only when thinking is switched on.
    expect(requestViolations('qwen', 'qwen-plus', forced, CHAT)).toEqual([]);
    expect(ids(requestViolations('qwen', 'qwen-plus', { ...named, enable_thinking: true, stream: true }, CHAT))).toEqual(['qwen-tool-choice-thinking']);
    // Kimi K2.5+ think by default; moonshot-v1 does not match the rule.
    expect(ids(requestViolations('moonshot', 'kimi-k2.6', named, CHAT))).toEqual(['moonshot-tool-choice-thinking']);
    expect(requestViolations('moonshot', 'moonshot-v1-32k', named, CHAT)).toEqual([]);
    // GLM: anything but auto.
    expect(ids(requestViolations('zhipu', 'glm-4.5-air', forced, CHAT))).toEqual(['zhipu-tool-choice-auto']);
    expect(requestViolations('zhipu', 'glm-4.5-air', { ...forced, tool_choice: 'auto' }, CHAT)).toEqual([]);
  });

  it('wants reasoning_content back on assistant tool-call messages of DeepSeek and Kimi thinking models', () => {
    const call = { id: 'c1', type: 'function', function: { name: 'f', arguments: '{}' } };
    const history = (assistant: Record<string, unknown>) => ({
      messages: [{ role: 'user', content: 'q' }, { role: 'assistant', content: null, tool_calls: [call], ...assistant }, { role: 'tool', tool_call_id: 'c1', content: '1' }],
    });
    expect(ids(requestViolations('deepseek', 'deepseek-flash', history({}), CHAT))).toEqual(['deepseek-reasoning-content-roundtrip']);
    expect(requestViolations('deepseek', 'deepseek-flash', history({ reasoning_content: '' }), CHAT)).toEqual([]);
    expect(requestViolations('deepseek', 'deepseek-flash', { ...history({}), thinking: { type: 'disabled' } }, CHAT)).toEqual([]);
    expect(ids(requestViolations('moonshot', 'kimi-k2.6', history({}), CHAT))).toEqual(['moonshot-reasoning-content-roundtrip']);
    expect(requestViolations('moonshot', 'kimi-k2.6', history({ reasoning_content: 'because' }), CHAT)).toEqual([]);
    expect(requestViolations('moonshot', 'moonshot-v1-32k', history({}), CHAT)).toEqual([]);
  });

  it('checks n on DeepSeek and the temperature ranges of GLM and Kimi', () => {
    expect(ids(requestViolations('deepseek', 'deepseek-flash', { n: 3 }, CHAT))).toEqual(['deepseek-n']);
    expect(requestViolations('deepseek', 'deepseek-flash', { n: 1 }, CHAT)).toEqual([]);
    expect(ids(requestViolations('zhipu', 'glm-4.5-air', { temperature: 1.5 }, CHAT))).toEqual(['zhipu-temperature-range']);
    expect(requestViolations('zhipu', 'glm-4.5-air', { temperature: 0.7 }, CHAT)).toEqual([]);
    expect(ids(requestViolations('moonshot', 'kimi-k2.6', { temperature: 0.3 }, CHAT))).toEqual(['moonshot-temperature-pinned']);
    expect(requestViolations('moonshot', 'kimi-k2.6', { temperature: 1 }, CHAT)).toEqual([]);
    expect(requestViolations('moonshot', 'kimi-k2.6', { temperature: 0.6, thinking: { type: 'disabled' } }, CHAT)).toEqual([]);
  });

  it('GLM takes top_p in the open interval (0, 1): 1 and 0 are rejected, values inside are not, elsewhere 1 is fine', () => {
    for (const top_p of [1, 0, 1.5, -0.1]) expect(requestViolations('zhipu', 'glm-4.5-air', { top_p }, CHAT), String(top_p)).toMatchObject([{ ruleId: 'zhipu-top-p-range', status: 400 }]);
    for (const top_p of [0.99, 0.01, 0.7]) expect(requestViolations('zhipu', 'glm-4.5-air', { top_p }, CHAT), String(top_p)).toEqual([]);
    expect(requestViolations('deepseek', 'deepseek-flash', { top_p: 1 }, CHAT)).toEqual([]);
  });

  it('finds hosted tools, instructions and background in Responses requests', () => {
    const body = { model: 'qwen-plus', input: 'q', instructions: 'Be brief.', background: true, tools: [{ type: 'file_search', vector_store_ids: ['vs_1'] }] };
    expect(ids(requestViolations('qwen', undefined, body, '/compatible-mode/v1/responses')).sort()).toEqual(['qwen-responses-background', 'qwen-responses-instructions', 'responses-hosted-tools']);
    expect(requestViolations('qwen', 'qwen-plus', { input: [{ role: 'system', content: 'Be brief.' }, { role: 'user', content: 'q' }], tools: [{ type: 'function', name: 'f', parameters: {} }] }, '/responses')).toEqual([]);
    // The same body on the chat path is not a Responses request.
    expect(requestViolations('qwen', 'qwen-plus', body, CHAT)).toEqual([]);
  });

  it('limits DashScope v3/v4 embeddings to 10 inputs', () => {
    const input = Array.from({ length: 11 }, (_, i) => `t${i}`);
    expect(ids(requestViolations('qwen', 'text-embedding-v4', { input }, '/embeddings'))).toEqual(['dashscope-embedding-batch']);
    expect(requestViolations('qwen', 'text-embedding-v4', { input: input.slice(0, 10) }, '/embeddings')).toEqual([]);
  });

  it('image parts: DeepSeek models other than deepseek-flash reject them; GLM rejects a data: URL, not bare base64', () => {
    const image = (url: string) => ({ messages: [{ role: 'user', content: [{ type: 'text', text: 'what is this?' }, { type: 'image_url', image_url: { url } }] }] });
    const [violation] = requestViolations('deepseek', 'deepseek-v4-pro', image('https://x/cat.png'), CHAT);
    expect(violation).toMatchObject({ ruleId: 'deepseek-image-input', effect: 'rejected', status: 400 });
    expect(violation.message).toMatch(/unknown variant `image_url`, expected `text`/);
    expect(requestViolations('deepseek', 'deepseek-flash', image('https://x/cat.png'), CHAT)).toEqual([]);
    expect(requestViolations('deepseek', 'deepseek-v4-flash', image('https://x/cat.png'), CHAT)).toEqual([]);
    const responses = { input: [{ role: 'user', content: [{ type: 'input_text', text: 'x' }, { type: 'input_image', image_url: 'https://x/cat.png' }] }] };
    expect(ids(requestViolations('deepseek', 'deepseek-v4-pro', responses, '/responses'))).toEqual(['deepseek-image-input']);
    expect(requestViolations('deepseek', 'deepseek-v4-pro', { messages: [{ role: 'user', content: 'hi' }] }, CHAT)).toEqual([]);

    expect(requestViolations('zhipu', 'glm-4.6v', image('data:image/png;base64,iVBORw0KGgo='), CHAT)).toMatchObject([{ ruleId: 'zhipu-image-base64', effect: 'rejected', status: 400 }]);
    expect(requestViolations('zhipu', 'glm-4.6v', image('iVBORw0KGgo='), CHAT)).toEqual([]);
    expect(requestViolations('zhipu', 'glm-4.6v', image('https://x/cat.png'), CHAT)).toEqual([]);
    expect(requestViolations('qwen', 'qwen3-vl-plus', image('data:image/png;base64,iVBORw0KGgo='), CHAT)).toEqual([]);
  });

  it('Hunyuan turn order: system first, user and assistant alternating, tool results may follow one another', () => {
    const turns = (...roles: string[]) => ({ messages: roles.map((role) => ({ role, content: 'x' })) });
    const fires = (...roles: string[]) => ids(requestViolations('hunyuan', 'hunyuan-turbos-latest', turns(...roles), CHAT)).includes('hunyuan-message-order');
    for (const bad of [['assistant', 'user'], ['user', 'user'], ['user', 'assistant'], ['user', 'assistant', 'assistant', 'user'], ['user', 'system', 'user'], ['system', 'tool']]) expect(fires(...bad), bad.join()).toBe(true);
    for (const good of [['user'], ['system', 'user', 'assistant', 'user'], ['user', 'assistant', 'tool', 'tool'], ['user', 'assistant', 'tool', 'assistant', 'user'], ['system'], ['user', 'developer', 'user']]) expect(fires(...good), good.join()).toBe(false);
    expect(requestViolations('deepseek', 'deepseek-flash', turns('user', 'user'), CHAT)).toEqual([]);
  });

  it('a thinking Qwen model must stream: thinking-only models (catalogue) always, hybrid ones when told to think', () => {
    const hi = { messages: [{ role: 'user', content: 'hi' }] };
    expect(requestViolations('qwen', 'qwen3.8-max', hi, CHAT)).toMatchObject([
      { ruleId: 'qwen-thinking-stream-only', status: 400, providerError: { code: 'invalid_parameter_error', message: expect.stringMatching(/only support stream mode/) } },
    ]);
    expect(requestViolations('qwen', 'qwen3.7-plus', { ...hi, enable_thinking: true, stream: false }, CHAT)).toMatchObject([
      { ruleId: 'qwen-thinking-stream-only', providerError: { message: 'parameter.enable_thinking must be set to false for non-streaming calls' } },
    ]);
    expect(requestViolations('qwen', 'qwen3.7-plus', hi, CHAT)).toEqual([]);
    expect(requestViolations('qwen', 'qwen3.8-max', { ...hi, stream: true }, CHAT)).toEqual([]);
  });

  it('an empty reasoning_content in a thinking tool loop: Kimi K2.5+ refuse it, DeepSeek and kimi-k2-thinking take it', () => {
    const call = { id: 'c1', type: 'function', function: { name: 'f', arguments: '{}' } };
    const loop = (reasoning: unknown) => ({
      messages: [{ role: 'user', content: 'hi' }, { role: 'assistant', content: '', tool_calls: [call], ...(reasoning === undefined ? {} : { reasoning_content: reasoning }) }, { role: 'tool', tool_call_id: 'c1', content: '1' }],
    });
    expect(ids(requestViolations('moonshot', 'kimi-k2.6', loop(''), CHAT))).toEqual(['moonshot-reasoning-content-empty']);
    expect(requestViolations('moonshot', 'kimi-k2.6', loop(' '), CHAT)).toEqual([]);
    expect(requestViolations('moonshot', 'kimi-k2.6', { ...loop(''), thinking: { type: 'disabled' } }, CHAT)).toEqual([]);
    expect(requestViolations('moonshot', 'kimi-k2-thinking', loop(''), CHAT)).toEqual([]);
    expect(requestViolations('deepseek', 'deepseek-v4-pro', loop(''), CHAT)).toEqual([]);
    // A missing one is the round-trip rule's, not this one's.
    expect(ids(requestViolations('moonshot', 'kimi-k2.6', loop(undefined), CHAT))).toEqual(['moonshot-reasoning-content-roundtrip']);
  });

  it('parallel_tool_calls: false is reported on DeepSeek (not honoured), answered, not elsewhere', () => {
    const tools = [{ type: 'function', function: { name: 'f' } }];
    expect(requestViolations('deepseek', 'deepseek-flash', { tools, parallel_tool_calls: false }, CHAT)).toMatchObject([{ ruleId: 'deepseek-parallel-tool-calls', effect: 'ignored' }]);
    expect(requestViolations('deepseek', 'deepseek-flash', { tools, parallel_tool_calls: true }, CHAT)).toEqual([]);
    expect(requestViolations('qwen', 'qwen3.7-plus', { tools, parallel_tool_calls: false }, CHAT)).toEqual([]);
  });

  it('Qwen 3.6+ takes one system message, first', () => {
    const body = { stream: true, messages: [{ role: 'system', content: 'a' }, { role: 'system', content: 'b' }, { role: 'user', content: 'hi' }] };
    expect(requestViolations('qwen', 'qwen3.8-max', body, CHAT)).toMatchObject([{ ruleId: 'qwen-system-first', effect: 'rejected', status: 400 }]);
    expect(requestViolations('qwen', 'qwen3.8-max', { stream: true, messages: body.messages.slice(1) }, CHAT)).toEqual([]);
    expect(requestViolations('qwen', 'qwen-plus', body, CHAT)).toEqual([]);
  });

  it("reasoning_effort in each provider's spelling: DeepSeek's off switch, GLM before 5.2, Ark's refused combination", () => {
    const ask = (extra: Record<string, unknown>) => ({ messages: [{ role: 'user', content: 'hi' }], ...extra });
    expect(ids(requestViolations('deepseek', 'deepseek-flash', ask({ reasoning_effort: 'none' }), CHAT))).toEqual(['deepseek-reasoning-effort-off']);
    // 'minimal' is documented (read as low).
    for (const effort of ['minimal', 'low', 'high', 'max']) expect(requestViolations('deepseek', 'deepseek-flash', ask({ reasoning_effort: effort }), CHAT), effort).toEqual([]);
    expect(requestViolations('deepseek', 'deepseek-flash', ask({ thinking: { type: 'disabled' } }), CHAT)).toEqual([]);
    expect(requestViolations('zhipu', 'glm-4.5-air', ask({ reasoning_effort: 'low' }), CHAT)).toMatchObject([{ ruleId: 'zhipu-reasoning-effort', effect: 'ignored' }]);
    expect(ids(requestViolations('zhipu', 'glm-5.1', ask({ reasoning_effort: 'none' }), CHAT))).toEqual(['zhipu-reasoning-effort']);
    expect(requestViolations('zhipu', 'glm-5.3-flash', ask({ reasoning_effort: 'low' }), CHAT)).toEqual([]);
    expect(requestViolations('zhipu', 'glm-4.5-air', ask({ thinking: { type: 'enabled' } }), CHAT)).toEqual([]);
    const ark = 'doubao-seed-2-1-pro-260628';
    expect(requestViolations('doubao', ark, ask({ reasoning_effort: 'high', thinking: { type: 'disabled' } }), CHAT)).toMatchObject([{ ruleId: 'doubao-reasoning-effort-thinking-disabled', status: 400 }]);
    expect(requestViolations('doubao', ark, ask({ reasoning_effort: 'minimal', thinking: { type: 'disabled' } }), CHAT)).toEqual([]);
    expect(requestViolations('doubao', ark, ask({ reasoning_effort: 'low' }), CHAT)).toEqual([]);
    expect(requestViolations('doubao', ark, ask({ thinking: { type: 'disabled' } }), CHAT)).toEqual([]);
  });

  it("reasoning_effort is not a thinking switch where a rule maps it to the provider's own: a thinking-mode rule does not take 'none' as off", () => {
    const forced = { tools: [{ type: 'function', function: { name: 'f' } }], tool_choice: 'required', reasoning_effort: 'none' };
    // DeepSeek keeps thinking (its default) under reasoning_effort 'none', so the forced tool_choice is still refused.
    expect(ids(requestViolations('deepseek', 'deepseek-flash', forced, CHAT))).toContain('deepseek-tool-choice-thinking');
    // Kimi has no such rule: 'none' is read as thinking off, as before.
    expect(ids(requestViolations('moonshot', 'kimi-k2.6', forced, CHAT))).not.toContain('moonshot-tool-choice-thinking');
  });

  it('logprobs: DeepSeek refuses them while thinking (on by default), not with thinking off; no rule elsewhere', () => {
    const ask = (extra: Record<string, unknown>) => ({ messages: [{ role: 'user', content: 'hi' }], logprobs: true, top_logprobs: 3, ...extra });
    expect(requestViolations('deepseek', 'deepseek-flash', ask({}), CHAT)).toMatchObject([{ ruleId: 'deepseek-logprobs-thinking', effect: 'rejected', status: 400 }]);
    expect(ids(requestViolations('deepseek', 'deepseek-v4-pro', ask({ thinking: { type: 'enabled' } }), CHAT))).toEqual(['deepseek-logprobs-thinking']);
    expect(requestViolations('deepseek', 'deepseek-flash', ask({ thinking: { type: 'disabled' } }), CHAT)).toEqual([]);
    expect(requestViolations('deepseek', 'deepseek-flash', { messages: [{ role: 'user', content: 'hi' }], logprobs: false }, CHAT)).toEqual([]);
    expect(requestViolations('qwen', 'qwen3.7-plus', ask({}), CHAT)).toEqual([]);
  });

  it('never fires on what only run time knows', async () => {
    const { UNKNOWN } = await import('../../src/dialects/index.js');
    const { SPREAD } = await import('../../src/dialects/types.js');
    expect(requestViolations('deepseek', 'deepseek-flash', UNKNOWN, CHAT)).toEqual([]);
    // The key is there with a run-time value: its presence is known, its value is not.
    expect(ids(requestViolations('deepseek', 'deepseek-flash', { max_completion_tokens: UNKNOWN }, CHAT))).toEqual(['deepseek-max-tokens']);
    expect(requestViolations('deepseek', 'deepseek-flash', { n: UNKNOWN, response_format: UNKNOWN, tool_choice: UNKNOWN }, CHAT)).toEqual([]);
    // json_object with a message only run time fills (a variable, a spread) may say "json".
    const jsonMode = { type: 'json_object' };
    expect(requestViolations('deepseek', 'deepseek-flash', { response_format: jsonMode, messages: [{ role: 'user', content: UNKNOWN }] }, CHAT)).toEqual([]);
    expect(requestViolations('deepseek', 'deepseek-flash', { response_format: jsonMode, messages: [{ [SPREAD]: UNKNOWN }, { role: 'user', content: 'hi' }] }, CHAT)).toEqual([]);
    expect(requestViolations('deepseek', 'deepseek-flash', { response_format: jsonMode, messages: UNKNOWN }, CHAT)).toEqual([]);
    // Content or an image URL only run time knows: no image finding.
    expect(requestViolations('deepseek', 'deepseek-v4-pro', { messages: [{ role: 'user', content: UNKNOWN }] }, CHAT)).toEqual([]);
    expect(requestViolations('zhipu', 'glm-4.6v', { messages: [{ role: 'user', content: [{ type: 'image_url', image_url: { url: UNKNOWN } }] }] }, CHAT)).toEqual([]);
    // A spread in a list (scan's marker) may be empty or long: it neither counts as an item nor fixes an order.
    const spread = { [SPREAD]: UNKNOWN };
    const ten = Array.from({ length: 10 }, (_, i) => `t${i}`);
    expect(requestViolations('qwen', 'text-embedding-v4', { input: [...ten, spread] }, '/embeddings')).toEqual([]);
    expect(requestViolations('hunyuan', 'hunyuan-turbos-latest', { messages: [spread, { role: 'assistant', content: 'x' }, { role: 'user', content: 'y' }] }, CHAT)).toEqual([]);
    expect(requestViolations('hunyuan', 'hunyuan-turbos-latest', { messages: [UNKNOWN, { role: 'user', content: 'y' }] }, CHAT)).toEqual([]);
    expect(requestViolations('qwen', 'qwen3.8-max', { stream: true, messages: [spread, { role: 'system', content: 'x' }, { role: 'user', content: 'y' }] }, CHAT)).toEqual([]);
  });

  it('ignores paths it does not know and bodies that are not objects', () => {
    expect(requestViolations('deepseek', 'deepseek-flash', { n: 3 }, '/v1/models')).toEqual([]);
    expect(requestViolations('deepseek', 'deepseek-flash', null, CHAT)).toEqual([]);
  });
});

describe('emulatorRules', () => {
  it('has one rule per wire-checkable dialect rule, agreeing with requestViolations', () => {
    const rules = emulatorRules();
    expect(rules.map((r) => r.id)).toEqual(DIALECT_RULES.filter((r) => r.wire).map((r) => r.id));
    const request = { path: CHAT, body: { model: 'deepseek-flash', n: 2 } };
    const fired = rules.filter((r) => r.appliesTo('deepseek', undefined, request)).map((r) => r.check(request, 'deepseek')).filter(Boolean);
    expect(fired.map((v) => v!.ruleId)).toEqual(ids(requestViolations('deepseek', undefined, request.body, CHAT)));
    expect(rules.find((r) => r.id === 'deepseek-n')!.appliesTo('qwen', 'qwen-plus', request)).toBe(false);
  });
});

describe('the rules are data with evidence', () => {
  it('each has a kebab-case id, providers, what breaks, the fix and dated https evidence', () => {
    const seen = new Set<string>();
    for (const rule of DIALECT_RULES) {
      expect(rule.id).toMatch(/^[a-z0-9]+(-[a-z0-9]+)*$/);
      expect(seen.has(rule.id), rule.id).toBe(false);
      seen.add(rule.id);
      expect(rule.providers.length, rule.id).toBeGreaterThan(0);
      expect(rule.breaks.length, rule.id).toBeGreaterThan(20);
      expect(rule.fix.length, rule.id).toBeGreaterThan(10);
      expect(rule.evidence.length, rule.id).toBeGreaterThan(0);
      for (const evidence of rule.evidence) {
        expect(evidence.url, rule.id).toMatch(/^https:\/\/[^\s]+$/);
        expect(evidence.checked).toMatch(/^2026-\d{2}-\d{2}$/);
        expect(evidence.title.length).toBeGreaterThan(5);
      }
      for (const pattern of rule.models ?? []) expect(() => new RegExp(pattern)).not.toThrow();
    }
  });
});

describe('README', () => {
  it('the Provider dialects section, just before Providers, names every rule and links every piece of evidence', () => {
    const readme = readFileSync(path.join(FIXTURES, '..', 'README.md'), 'utf8');
    const start = readme.indexOf('\n## Provider dialects\n');
    const end = readme.indexOf('\n## Providers\n');
    expect(start).toBeGreaterThan(0);
    expect(readme.slice(start + 1).indexOf('\n## ')).toBe(end - start - 1);
    const section = readme.slice(start, end);
    for (const rule of DIALECT_RULES) {
      expect(section, rule.id).toContain(`\`${rule.id}\``);
      for (const evidence of rule.evidence) expect(section, `${rule.id}: ${evidence.url}`).toContain(`(${evidence.url})`);
    }
  });
});

/**
 * Before and after, as the emulator sees them: the request a fixture's input sends breaks its
 * rule; the request of banjia's output does not.
 */
describe('the fixture pairs, on the wire', () => {
  // responses-unavailable turns a /responses request into a /chat/completions one: the emulator,
  // which gates whole endpoints, checks that pair (test/emulator/emulator.test.ts).
  for (const fixture of discoverCases('dialects')) {
    const rule = DIALECT_RULES.find((r) => r.id === fixture.name)!;
    if (!rule.wire || !(rule.api.includes('chat') || rule.api.includes('responses'))) continue;
    const route = rule.api.includes('chat') ? CHAT : '/responses';
    if (rule.rewrite?.kind === 'keep-reasoning-content') {
      it(`${fixture.name}: the second request of the input's tool loop breaks the rule, the output's does not`, () => {
        const file = fixture.files[0];
        const after = readFileSync(file.outputPath, 'utf8');
        const model = requestOf(file.name, after).model as string;
        // The message the provider answered with: it thought, and asked for a tool.
        const call = { id: 'call_1', type: 'function', function: { name: 'get_weather', arguments: '{"city":"Paris"}' } };
        const answer = { role: 'assistant', content: null, reasoning_content: 'The user wants the weather: call the tool.', tool_calls: [call] };
        const secondRequest = (text: string) => ({
          model,
          messages: [{ role: 'user', content: 'Weather in Paris?' }, assistantPushed(file.name, text, answer), { role: 'tool', tool_call_id: 'call_1', content: 'Sunny' }],
        });
        expect(ids(requestViolations(fixture.provider, model, secondRequest(file.input), CHAT))).toContain(rule.id);
        expect(ids(requestViolations(fixture.provider, model, secondRequest(after), CHAT))).not.toContain(rule.id);
      });
      continue;
    }
    it(`${fixture.name}: the input's request breaks the rule, the output's (or the fixed code's) does not`, () => {
      // Every file banjia changes, or (a lint-only rule) the user fixes by hand in `.fixed.ts` (a
      // file with neither is a case to leave alone), that sends through the openai SDK; AI SDK and
      // LangChain files are checked on their wire views in sdk-scan.test.ts.
      const after = (file: (typeof fixture.files)[number]) => {
        const fixedPath = file.outputPath.replace(/\.output(\.[a-z]+)$/, '.fixed$1');
        return file.expected ?? (existsSync(fixedPath) ? readFileSync(fixedPath, 'utf8') : undefined);
      };
      const changed = fixture.files.filter((file) => after(file) !== undefined && /\.create\(/.test(file.input));
      expect(changed.length).toBeGreaterThan(0);
      for (const file of changed) {
        const before = requestOf(file.name, file.input);
        const fixed = requestOf(file.name, after(file)!);
        // banjia's input still names an OpenAI model: it is judged for the model the output sends.
        // A lint-only input already names the provider's, and its fix may change it (deepseek-image-input).
        const model = fixed.model as string;
        const modelBefore = file.expected === undefined ? (before.model as string) : model;
        expect(ids(requestViolations(fixture.provider, modelBefore, before, route)), file.name).toContain(rule.id);
        expect(ids(requestViolations(fixture.provider, model, fixed, route)), file.name).not.toContain(rule.id);
      }
    });
  }
});

/**
 * The assistant message a tool loop pushes, run as the code writes it: the literal with
 * `role: 'assistant'` and tool_calls, transpiled and evaluated with the message it reads bound to
 * the provider's answer.
 */
function assistantPushed(name: string, text: string, answer: Record<string, unknown>): unknown {
  const unit = parseUnit(name, path.join(FIXTURES, name), text);
  let literal: ts.ObjectLiteralExpression | undefined;
  const visit = (node: ts.Node): void => {
    if (literal) return;
    if (ts.isObjectLiteralExpression(node) && /role:\s*'assistant'/.test(node.getText(unit.sf)) && /\btool_calls:/.test(node.getText(unit.sf))) literal = node;
    else ts.forEachChild(node, visit);
  };
  visit(unit.sf);
  const source = literal!.getText(unit.sf);
  const reads = /tool_calls:\s*(\w+)\.tool_calls/.exec(source);
  expect(reads, 'the literal reads tool_calls of a named message').not.toBeNull();
  const js = ts.transpile(`const pushed = (${source});`, { target: ts.ScriptTarget.ES2022 });
  return new Function(reads![1], `${js}\nreturn pushed;`)(answer);
}

/** The literal request object of the first `.create(...)` call of a file. */
function requestOf(name: string, text: string): Record<string, unknown> {
  const unit = parseUnit(name, path.join(FIXTURES, name), text);
  let found: ts.Expression | undefined;
  const visit = (node: ts.Node): void => {
    if (found) return;
    if (ts.isCallExpression(node) && ts.isPropertyAccessExpression(node.expression) && node.expression.name.text === 'create') found = node.arguments[0];
    else ts.forEachChild(node, visit);
  };
  visit(unit.sf);
  return literalView(found, unit) as Record<string, unknown>;
}

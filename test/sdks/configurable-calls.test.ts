/**
 * A client whose options a caller may pass, OpenAI by default (a destructured default, or an
 * endpoint from an env variable with no value written): the client moves by default, and its
 * calls are planned for the provider like any moving call, never reported as moving automatically.
 */
import { cpSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { analyze } from '../../src/commands/analyze.js';
import { FIXTURES } from '../helpers/fixtures.js';

const dirs: string[] = [];
afterAll(() => {
  for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
});

describe('calls through a client that is OpenAI by default', () => {
  it('the destructured default makes the client configurable (moved by default) and its call is planned for the provider', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'banjia-default-options-'));
    dirs.push(dir);
    cpSync(path.join(FIXTURES, 'openai', 'default-options.input.js'), path.join(dir, 'agent.js'));
    const { planned } = await analyze({ path: dir, provider: 'qwen' }, 'scan');
    const client = planned.findings.find((f) => f.ruleId === 'openai/client')!;
    expect(client.message).toMatch(/configurable endpoint \(options passed as options, OpenAI by default\)/);
    const call = planned.findings.find((f) => f.ruleId === 'openai/chatCompletion')!;
    expect(call.kind).toBe('call');
    expect(call.readiness).toBe('review');
    expect(call.reason).toMatch(/this\.model at run time/);
  });
});

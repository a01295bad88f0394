/**
 * The per-client decision is in the JSON output (issue 11): each fixture project's clients carry the
 * decision its README row describes, and the key variables follow the clients that moved — also
 * clients without a decision of their own (LangChain models, raw HTTP requests).
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { analyze } from '../../src/commands/analyze.js';
import { discoverCases } from '../helpers/fixtures.js';

const temps: string[] = [];
afterAll(() => {
  for (const dir of temps) rmSync(dir, { recursive: true, force: true });
});

async function planned(name: string, includeReview = false) {
  const fixture = discoverCases('clients').find((c) => c.name === name)!;
  const dir = mkdtempSync(path.join(tmpdir(), 'banjia-decisions-'));
  temps.push(dir);
  for (const file of fixture.files) {
    mkdirSync(path.dirname(path.join(dir, file.name)), { recursive: true });
    writeFileSync(path.join(dir, file.name), file.input);
  }
  return (await analyze({ path: dir, provider: fixture.provider, includeReview }, 'apply')).planned;
}

const decisions = (findings: Array<{ kind: string; decision?: string; line: number; file: string }>) =>
  findings.filter((f) => f.decision).map((f) => `${f.file}:${f.line} ${f.decision}`).sort();

describe('per-client decisions', () => {
  it('says routed, configurable and move apart (a chosen endpoint is not a plain move)', async () => {
    const { findings } = await planned('routed-and-configurable');
    expect(decisions(findings)).toEqual(['src/clients.ts:10 configurable', 'src/clients.ts:13 configurable', 'src/clients.ts:19 configurable', 'src/clients.ts:7 routed']);
    expect(decisions((await planned('move-with-env')).findings)).toEqual(['src/ai.ts:4 move']);
  });

  it('keeps an images-only client and splits a shared one', async () => {
    expect(decisions((await planned('keep-images')).findings).some((d) => d.endsWith(' keep'))).toBe(true);
    expect(decisions((await planned('split-shared-client')).findings).some((d) => d.endsWith(' split'))).toBe(true);
  });

  it('moves the guard, its message and the example env line with a LangChain model and a raw request', async () => {
    const { filePlans } = await planned('guard-langchain-http');
    const after = (file: string) => filePlans.find((p) => p.path === file)?.after ?? '';
    expect(after('src/llm.ts')).toContain("if (!process.env.DEEPSEEK_API_KEY) throw new Error('DEEPSEEK_API_KEY is not set')");
    expect(after('src/raw.ts')).toContain("const key = process.env.DEEPSEEK_API_KEY;\n  if (!key) throw new Error('Missing DEEPSEEK_API_KEY')");
    expect(after('.env.example')).not.toMatch(/OPENAI_API_KEY/);
    expect(after('.env.example')).toMatch(/^DEEPSEEK_API_KEY=$/m);
  });
});

/**
 * A client handed to a class or a function (`new Summarizer(openai)`, `translate(openai, text)`):
 * the call inside sees only the type `OpenAI`, so it belongs to the client that every construction
 * or call site passes. The demo app's Summarizer was left on the OpenAI client by a split because
 * its call was untraced; these tests pin the plan (the rewrite is the fixture pair
 * fixtures/clients/split-handed-client).
 */
import { cpSync, mkdtempSync, readdirSync, renameSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { REPO, runCli } from '../helpers/cli.js';

const made: string[] = [];
afterAll(() => {
  for (const dir of made) rmSync(dir, { recursive: true, force: true });
});

/** A runnable-looking copy of a fixture project: `x.input.ts` becomes `x.ts`. */
function project(name: string): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'banjia-handed-'));
  made.push(dir);
  cpSync(path.join(REPO, 'fixtures', 'clients', name), dir, { recursive: true });
  const rename = (folder: string): void => {
    for (const entry of readdirSync(folder)) {
      const full = path.join(folder, entry);
      if (statSync(full).isDirectory()) rename(full);
      else if (entry.includes('.output.')) rmSync(full);
      else if (entry.includes('.input.')) renameSync(full, full.replace('.input.', '.'));
    }
  };
  rename(dir);
  return dir;
}

interface JsonFinding {
  ruleId: string;
  file: string;
  line: number;
  severity: string;
  message: string;
  action?: string;
  fix?: { edits: Array<{ file: string; text: string }> };
  suggestions?: unknown[];
}

function scan(dir: string): JsonFinding[] {
  const result = runCli(['--format', 'json', 'scan', dir, '--provider', 'qwen']);
  expect(result.stderr).toBe('');
  return JSON.parse(result.stdout).findings;
}

describe('a client handed to a class or function', () => {
  it('binds the calls inside to the client passed in, so a split sends them through the new client', () => {
    const findings = scan(project('split-handed-client'));
    const client = findings.find((f) => f.ruleId === 'openai/client')!;
    expect(client.message).toBe(
      'OpenAI client split: chat.completions.create move to a new Alibaba Qwen (Model Studio / DashScope) client, moderations.create stay on OpenAI',
    );
    // The argument of `new Summarizer(ai)`, `new Tagger(ai)`, `translate(ai, …)` names the new client: index.ts imports it under the old name.
    expect(client.fix!.edits.filter((e) => e.file === 'src/index.ts').map((e) => e.text)).toEqual(['aiQwen as ai']);
    const inside = findings.filter((f) => f.file === 'src/services/summarizer.ts' && f.ruleId === 'openai/model');
    expect(inside.map((f) => [f.line, f.message])).toEqual([
      [3, "model 'gpt-4o-mini' → 'qwen3.7-plus' (balanced)"],
      [23, "model 'gpt-4o' → 'qwen3.7-max' (flagship)"],
      [29, "model 'gpt-4o-mini' → 'qwen3.7-plus' (balanced)"],
    ]);
    for (const model of inside) expect(model.fix ?? model.suggestions).toBeTruthy();
  });

  it('does not split by an argument a staying call shares, nor bind a class built with two clients or a function handed on as a value', () => {
    const findings = scan(project('split-handed-blocked'));
    const ai = findings.find((f) => f.ruleId === 'openai/client' && f.line === 4)!;
    expect(ai.severity).toBe('error');
    expect(ai.message).toMatch(/^OpenAI client needs a split: chat\.completions\.create can move to .*, moderations\.create cannot$/);
    expect(ai.fix ?? undefined).toBeUndefined();
    // Either's call goes through `ai` or `artist`: its model id is held for a person.
    const either = findings.find((f) => f.ruleId === 'openai/model' && f.file === 'src/reviewer.ts' && f.line === 23)!;
    expect(either.fix ?? undefined).toBeUndefined();
    expect(either.suggestions ?? undefined).toBeUndefined();
    expect(either.action).toMatch(/^Its client could not be traced/);
    // `shout` is called with `ai` and also handed on as a value (`{ shout }`): its other callers are unknown.
    const shout = findings.find((f) => f.ruleId === 'openai/model' && f.file === 'src/reviewer.ts' && f.line === 30)!;
    expect(shout.action).toMatch(/^Its client could not be traced/);
  });
});

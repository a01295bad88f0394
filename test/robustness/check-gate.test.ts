/**
 * `check` is a gate: a file that names OpenAI but was never analysed (a syntax error, over the size
 * limit, minified) or whose rewrite apply refuses keeps it failing, with the file and the reason.
 */
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { runCli } from '../helpers/cli.js';

const dirs: string[] = [];
afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

function project(files: Record<string, string>): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'banjia-gate-'));
  dirs.push(dir);
  writeFileSync(path.join(dir, 'package.json'), '{"name":"gate","dependencies":{"openai":"^4"}}\n');
  for (const [name, text] of Object.entries(files)) {
    mkdirSync(path.dirname(path.join(dir, name)), { recursive: true });
    writeFileSync(path.join(dir, name), text);
  }
  return dir;
}

const BROKEN = `import OpenAI from 'openai';
const client = new OpenAI();
export const r = await client.chat.completions.create({ model: process.env.MODEL, messages: [ });
`;
const MINIFIED = `import OpenAI from "openai";const c=new OpenAI();${'var x=1;'.repeat(400)}c.chat.completions.create({model:process.env.M});`;
const LARGE = `import OpenAI from 'openai';\nconst c = new OpenAI();\n${'// filler line of text\n'.repeat(100_000)}c.chat.completions.create({ model: process.env.M });\n`;
const LARGE_CLEAN = `${'// filler line of text\n'.repeat(100_000)}export const x = 1;\n`;

describe('check keeps failing on OpenAI usage it could not analyse', () => {
  it('a file with a syntax error that uses OpenAI fails the gate, named with its error', () => {
    const dir = project({ 'src/bad.ts': BROKEN });
    const before = readFileSync(path.join(dir, 'src/bad.ts'));
    const result = runCli(['check', '--provider', 'qwen', dir]);
    expect(result.code).toBe(1);
    expect(result.stdout).not.toContain('Nothing left to migrate');
    expect(result.stdout).toMatch(/src\/bad\.ts mentions OpenAI, but it could not be analysed \(3:\d+/);
    expect(readFileSync(path.join(dir, 'src/bad.ts'))).toEqual(before);
  });

  it('a minified file and a file over the size limit that use OpenAI fail the gate', () => {
    const dir = project({ 'src/min.js': MINIFIED, 'src/big.js': LARGE });
    const result = runCli(['check', '--provider', 'qwen', '--format', 'json', dir]);
    expect(result.code).toBe(1);
    const report = JSON.parse(result.stdout) as { findings: Array<{ ruleId: string; file: string; message: string }> };
    const unanalysed = report.findings.filter((f) => f.ruleId === 'check/unanalysed');
    expect(unanalysed.map((f) => f.file).sort()).toEqual(['src/big.js', 'src/min.js']);
    expect(unanalysed.find((f) => f.file === 'src/big.js')!.message).toContain('over the size limit');
    expect(unanalysed.find((f) => f.file === 'src/min.js')!.message).toContain('minified');
  });

  it('a skipped file that does not mention OpenAI does not fail the gate', () => {
    const dir = project({ 'src/big.js': LARGE_CLEAN, 'src/ok.ts': 'export const y = 2;\n' });
    const result = runCli(['check', '--provider', 'qwen', dir]);
    expect(result.code).toBe(0);
    expect(result.stdout).toContain('Nothing left to migrate');
  });
});

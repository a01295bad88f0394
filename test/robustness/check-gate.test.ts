/**
 * `check` is a gate: a file that names OpenAI but was never analysed (a syntax error, over the size
 * limit, minified) or whose rewrite apply refuses keeps it failing, with the file and the reason.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from '../helpers/cli.js';
import { tempProjects } from '../helpers/tree.js';

const project = tempProjects('banjia-gate-', { 'package.json': '{"name":"gate","dependencies":{"openai":"^4"}}\n' });

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

  it('a file whose rewrite apply refuses (a compose flow map it would break) is named, with the reason', () => {
    const dir = project({
      'src/app.ts': "import OpenAI from 'openai';\nexport const c = new OpenAI({ apiKey: process.env.OPENAI_API_KEY });\n",
      'docker-compose.yml': 'services:\n  app:\n    environment: {OPENAI_API_KEY: x}\n',
    });
    const result = runCli(['check', '--provider', 'qwen', '--format', 'json', dir]);
    expect(result.code).toBe(1);
    const report = JSON.parse(result.stdout) as { findings: Array<{ ruleId: string; file: string; message: string }> };
    const refused = report.findings.filter((f) => f.ruleId === 'check/refusedRewrite');
    expect(refused.map((f) => f.file)).toEqual(['docker-compose.yml']);
    expect(refused[0].message).toMatch(/apply refuses to rewrite it \(the rewrite would not parse/);
  });

  it('a skipped file that does not mention OpenAI does not fail the gate', () => {
    const dir = project({ 'src/big.js': LARGE_CLEAN, 'src/ok.ts': 'export const y = 2;\n' });
    const result = runCli(['check', '--provider', 'qwen', dir]);
    expect(result.code).toBe(0);
    expect(result.stdout).toContain('Nothing left to migrate');
  });
});

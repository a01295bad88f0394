/**
 * Files that are ordinary or merely odd must never end a run: an object that spreads itself, a
 * class hierarchy that loops, nesting deeper than the parser's stack. Each is at worst one errored
 * file; every other file's findings stand.
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { runCli } from '../helpers/cli.js';
import { detectProject } from '../helpers/detect.js';

const dirs: string[] = [];
afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

function project(files: Record<string, string>): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'banjia-patho-'));
  dirs.push(dir);
  for (const [name, text] of Object.entries(files)) {
    mkdirSync(path.dirname(path.join(dir, name)), { recursive: true });
    writeFileSync(path.join(dir, name), text);
  }
  return dir;
}

const CALL = `import OpenAI from 'openai';
const client = new OpenAI();
export const ask = () => client.chat.completions.create({ model: 'gpt-4o', messages: [] });
`;

describe('the value evaluator on self-referring code', () => {
  it('answers "unknown" for an object that spreads the variable it is assigned to', () => {
    const text = `import OpenAI from 'openai';
let options = { apiKey: 'x' };
options = { ...options, ...options, timeout: 1 };
const state = { ...state2 };
var state2 = { ...state, model: 'gpt-4o' };
const client = new OpenAI({ ...options, ...state });
client.chat.completions.create({ model: state.model, messages: [] });
`;
    const { sites } = detectProject({ 'loop.ts': text });
    expect(sites.map((s) => s.ruleId)).toContain('openai/chatCompletion');
  });

  it('survives a parameter whose type annotation names the parameter itself', () => {
    const text = `import OpenAI from 'openai';
type onChange = (s: string) => void;
export default class Client extends Base {
  async send(body: object, onChange?: onChange) {
    const ai = new OpenAI();
    return ai.chat.completions.create({ model: 'gpt-4o', messages: [] });
  }
}
`;
    const { sites } = detectProject({ 'self-typed.ts': text });
    expect(sites.map((s) => s.ruleId)).toContain('openai/chatCompletion');
  });

  it('survives a class hierarchy that extends itself', () => {
    const text = `import OpenAI from 'openai';
class A extends B { get client() { return this.other; } }
class B extends A {}
const a = new A();
a.client.chat.completions.create({ model: 'gpt-4o', messages: [] });
const real = new OpenAI();
real.embeddings.create({ model: 'text-embedding-3-small', input: 'x' });
`;
    const { sites } = detectProject({ 'cycle.ts': text });
    expect(sites.map((s) => s.ruleId)).toContain('openai/embedding');
  });
});

describe('nesting deeper than the parser can go', () => {
  it('reports the deep file as errored and still scans the rest', () => {
    const dir = project({
      'src/ok.ts': CALL,
      'src/deep.ts': `const client = new OpenAI();\nconst x = ${'(\n'.repeat(1500)}1${')\n'.repeat(1500)};\n`,
      'src/chain.ts': `const client = new OpenAI();\nexport const s = ${Array.from({ length: 3000 }, (_, i) => `a${i}`).join(' +\n')};\n`,
    });
    const result = runCli(['scan', dir, '--format', 'json']);
    expect(result.stderr).not.toMatch(/internal error/);
    expect([0, 1]).toContain(result.code);
    const report = JSON.parse(result.stdout) as { findings: Array<{ file: string; ruleId: string }>; files: Array<{ file: string; status: string; reason?: string }> };
    expect(report.findings.some((f) => f.file === 'src/ok.ts' && f.ruleId === 'openai/chatCompletion')).toBe(true);
    const deep = report.files.find((f) => f.file === 'src/deep.ts');
    expect(deep?.status).toBe('errored');
    expect(deep?.reason).toMatch(/nested too deeply/);
  });
});

/**
 * `migrate apply --verify`: the project's own tsc before and after the writes. An apply that adds a
 * type error (here: code that types the model as a union of OpenAI ids) is put back byte for byte
 * and exits 1 naming the error and its edit; one that adds none stays written and exits 0.
 */
import { mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { mapModel, findProvider } from '../../src/catalogue/index.js';
import { apply } from '../../src/commands/apply.js';
import { REPO, runCli, treeSnapshot } from '../helpers/cli.js';

const dirs: string[] = [];
afterAll(() => {
  for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
});

const TSCONFIG = JSON.stringify({ compilerOptions: { strict: true, noEmit: true, target: 'ES2022', module: 'ESNext', moduleResolution: 'Bundler', skipLibCheck: true, types: ['node'] }, include: ['src'] });

/** A TypeScript project that sees this repo's node_modules (typescript, openai, @types/node). */
function project(modelType: string, options: { tsconfig?: boolean } = {}): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'banjia-apply-verify-'));
  dirs.push(dir);
  mkdirSync(path.join(dir, 'src'));
  writeFileSync(
    path.join(dir, 'src', 'app.ts'),
    [
      "import OpenAI from 'openai';",
      '',
      `type Model = ${modelType};`,
      '',
      'const client = new OpenAI();',
      '',
      'export async function ask(question: string): Promise<string | null> {',
      "  const model: Model = 'gpt-4o';",
      "  const reply = await client.chat.completions.create({ model, messages: [{ role: 'user', content: question }] });",
      '  return reply.choices[0].message.content;',
      '}',
      '',
    ].join('\n'),
  );
  writeFileSync(path.join(dir, 'package.json'), '{ "name": "app", "type": "module" }\n');
  if (options.tsconfig !== false) writeFileSync(path.join(dir, 'tsconfig.json'), TSCONFIG);
  symlinkSync(path.join(REPO, 'node_modules'), path.join(dir, 'node_modules'), 'dir');
  return dir;
}

const mapped = mapModel('gpt-4o', findProvider('qwen')!).target!;
const OPENAI_UNION = "'gpt-4o' | 'gpt-4o-mini'";

describe('migrate apply --verify', () => {
  it('rolls back an apply that adds a type error: the tree is byte-identical, exit 1, the error and its edit named', () => {
    const dir = project(OPENAI_UNION);
    const before = treeSnapshot(dir);
    const result = runCli(['apply', dir, '--provider', 'qwen', '--yes', '--verify']);
    expect(result.code).toBe(1);
    expect(treeSnapshot(dir)).toEqual(before);
    expect(result.stdout).toMatch(/0 error\(s\) before, 1 after, 1 new/);
    // Line 11 of the written file: the client's options above it added three lines.
    expect(result.stdout).toContain(`✗ src/app.ts:11:9 TS2322 Type '"${mapped}"' is not assignable to type 'Model'.`);
    expect(result.stdout).toContain(`caused by the edit at line 11: model 'gpt-4o' → '${mapped}'`);
    expect(result.stdout).toMatch(/put back the 1 file\(s\) it wrote, byte for byte/);
    expect(result.stdout).not.toMatch(/wrote 1 file/);
    // The rollback is undo's: nothing is left for `migrate undo` to do.
    expect(runCli(['undo', dir]).stdout).toContain('Nothing to undo.');
  }, 120_000);

  it('keeps an apply that adds no type error and exits 0 (JSON: verify with no new errors)', () => {
    const dir = project('string');
    const result = runCli(['apply', dir, '--provider', 'qwen', '--yes', '--verify', '--format', 'json']);
    expect(result.code).toBe(0);
    const report = JSON.parse(result.stdout);
    expect(report.schemaVersion).toBe(1);
    expect(report.verify).toMatchObject({ before: 0, after: 0, newErrors: [] });
    expect(report.verify.rolledBack).toBeUndefined();
    expect(report.written).toEqual(['src/app.ts']);
    expect(readFileSync(path.join(dir, 'src', 'app.ts'), 'utf8')).toContain(`const model: Model = '${mapped}';`);
  }, 120_000);

  it('rolls back in the interactive flow too (each file accepted at the prompt)', async () => {
    const dir = project(OPENAI_UNION);
    const before = treeSnapshot(dir);
    const notices: string[] = [];
    const outcome = await apply(
      { path: dir, provider: 'qwen', verify: true },
      { interactive: true, confirm: async () => true, notice: (m) => void notices.push(m.en), reviewFile: async () => 'accept' },
    );
    expect(outcome.rolledBack).toBe(true);
    expect(outcome.pending).toBe(true);
    expect(outcome.report.verify?.newErrors.map((e) => e.code)).toEqual(['TS2322']);
    expect(outcome.report.verify?.rolledBack).toEqual(['src/app.ts']);
    expect(treeSnapshot(dir)).toEqual(before);
  }, 120_000);

  it('refuses before writing when the project has no tsconfig.json (exit 2, nothing written)', () => {
    const dir = project(OPENAI_UNION, { tsconfig: false });
    const before = treeSnapshot(dir);
    const result = runCli(['apply', dir, '--provider', 'qwen', '--yes', '--verify']);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('apply --verify: no tsconfig.json in');
    expect(treeSnapshot(dir)).toEqual(before);
  });

  it('rejects --dry-run with --verify (exit 2)', () => {
    const dir = project(OPENAI_UNION);
    const result = runCli(['apply', dir, '--provider', 'qwen', '--dry-run', '--verify']);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('--verify checks what apply writes, and --dry-run writes nothing');
  });
});

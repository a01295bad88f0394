/**
 * Issue 14, item 9: each command's --help lists its options, the global ones included, and two
 * examples; -v prints the version; --lang zh covers help suffixes and the prompts' key hints; the
 * text report wraps at COLUMNS without breaking words.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { PassThrough } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { interactiveIo } from '../../src/interactive.js';
import type { FilePlan, Finding } from '../../src/core/types.js';
import { wrapLine } from '../../src/render/wrap.js';
import { runCli } from '../helpers/cli.js';

describe('help', () => {
  it('each command lists its own and the global options, and two examples', () => {
    for (const command of ['scan', 'apply', 'check', 'cost', 'providers', 'undo', 'emulate', 'verify', 'doctor']) {
      const { code, stdout } = runCli([command, '--help']);
      expect(code, command).toBe(0);
      expect(stdout, command).toMatch(/Global Options:\n/);
      for (const flag of ['--format <format>', '--output <file>', '--lang <lang>', '--no-color', '--verbose', '--quiet']) expect(stdout, `${command} ${flag}`).toContain(flag);
      const examples = stdout.slice(stdout.indexOf('Examples:'));
      expect(examples.match(new RegExp(`^  \\$ npx migrate ${command}\\b`, 'gm')), command).toHaveLength(2);
    }
    expect(runCli(['scan', '--help']).stdout).toMatch(/--max-warnings <n>/);
    expect(runCli(['apply', '--help']).stdout).toMatch(/-y, --yes/);
  });

  it('-v and --version print the version', () => {
    for (const flag of ['-v', '--version', '-V']) expect(runCli([flag]).stdout.trim(), flag).toMatch(/^\d+\.\d+\.\d+$/);
  });

  it('--lang zh translates the help suffixes and titles', () => {
    const { stdout } = runCli(['--lang', 'zh', 'scan', '--help']);
    expect(stdout).toMatch(/全局选项：/);
    expect(stdout).toMatch(/示例：/);
    expect(stdout).toMatch(/（可选："text", "json", .*；默认："text"）/s);
    expect(stdout).toMatch(/项目目录或文件（默认："\."）/);
    expect(stdout).not.toMatch(/\((default|choices): /);
    // undo speaks Chinese too; the fix labels of the report are translated.
    const empty = mkdtempSync(path.join(tmpdir(), 'banjia-undo-'));
    expect(runCli(['--lang', 'zh', 'undo', empty]).stdout).toBe('没有可撤销的内容。\n');
    rmSync(empty, { recursive: true, force: true });
    expect(runCli(['--lang', 'zh', 'scan', 'fixtures/demo-app', '--provider', 'qwen']).stdout).toMatch(/修改: .*\[安全\]/);
  });

  it('help wraps at COLUMNS, at spaces', () => {
    const { stdout } = runCli(['scan', '--help'], { env: { COLUMNS: '60' } });
    // Over 60 only where one word (a file name) is longer than the room left: words are never broken.
    const long = stdout.split('\n').filter((l) => l.length > 60 && !l.startsWith('  $ ') && /\S\s+\S/.test(l.trim()));
    expect(long).toEqual([]);
  });
});

describe('the text report wraps at COLUMNS without breaking words', () => {
  it('wraps the why / do lines of a finding, and keeps every word whole', () => {
    const wide = runCli(['scan', 'fixtures/demo-app', '--provider', 'deepseek']).stdout;
    const narrow = runCli(['scan', 'fixtures/demo-app', '--provider', 'deepseek'], { env: { COLUMNS: '60' } }).stdout;
    const why = wide.split('\n').find((l) => l.includes('why: DeepSeek does not support embeddings'))!;
    expect(why.length).toBeGreaterThan(60);
    const start = narrow.indexOf('why: DeepSeek does not support embeddings');
    const block = narrow.slice(start, narrow.indexOf('\n        do:', start));
    for (const line of block.split('\n')) expect(line.length, line).toBeLessThanOrEqual(60);
    // The same words, in the same order: nothing was broken.
    expect(block.split(/\s+/).join(' ')).toBe(why.trim().split(/\s+/).join(' '));
  });

  it('breaks Chinese only between CJK characters, never inside a Latin word', () => {
    const lines = wrapLine('    原因: ', '深度求索 不支持 embeddings。DeepSeek has no embeddings endpoint；请为向量嵌入保留另一个服务商，或改用其他服务商的向量模型。', 30, '      ');
    expect(lines.length).toBeGreaterThan(1);
    // Latin words stay whole; the Chinese run was split between characters to fit.
    for (const word of ['DeepSeek', 'embeddings', 'endpoint']) expect(lines.join('\n')).toMatch(new RegExp(`\\b${word}\\b`));
    expect(lines.every((l) => l.replace(/[\u4e00-\u9fff，。；]/g, 'xx').length <= 30 || !/\s/.test(l.trim()))).toBe(true);
  });
});

describe('--lang zh in the prompts (driven with an injected input stream)', () => {
  it('the per-file prompt shows its key hints and findings in Chinese, and takes one key', async () => {
    const input = new PassThrough();
    let out = '';
    const io = interactiveIo('zh', false, (text) => void (out += text), input);
    const finding = {
      file: 'a.ts', line: 4, column: 10, start: 0, severity: 'error', readiness: 'manual', ruleId: 'openai/moderation',
      message: 'moderation call', reason: 'no moderation', action: 'keep it', zh: { message: '内容审核调用', reason: '不支持内容审核', action: '保留在其他服务商' },
    } as unknown as Finding;
    const plan = { path: 'a.ts', absPath: '/a.ts', before: 'a\n', after: 'b\n', findings: [] } as FilePlan;
    const answer = io.reviewFile!(plan, 0, 2, [finding]);
    setTimeout(() => input.write('x'), 10);
    setTimeout(() => input.write('n'), 30);
    expect(await answer).toBe('skip');
    expect(out).toContain('(1/2) 写入 a.ts？');
    expect(out).toContain('[y] 是  [n] 否，跳过  [a] 其余全部接受  [q] 退出（只写入已接受的）');
    expect(out).toMatch(/此文件中:\n {2}错误 4:10 内容审核调用\n {4}原因: 不支持内容审核\n {4}建议: 保留在其他服务商/);
    expect(out).toContain("'x' 不是 y、n、a、q、e 之一");
  });
});

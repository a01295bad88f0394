/**
 * Fix descriptions follow --lang: Chinese in the text report under --lang zh, English in machine
 * formats (JSON carries no Chinese description).
 */
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { REPO, runCli } from '../helpers/cli.js';

const DEMO = path.join(REPO, 'fixtures', 'demo-app');

describe('fix descriptions by language', () => {
  it('are Chinese in the text report under --lang zh, English under --lang en', () => {
    const zh = runCli(['scan', DEMO, '--provider', 'qwen', '--lang', 'zh', '--verbose']);
    expect(zh.stdout).toMatch(/修改: .*按服务商调整请求参数/);
    expect(zh.stdout).not.toContain('adjust request parameters for the provider');
    const en = runCli(['scan', DEMO, '--provider', 'qwen', '--lang', 'en', '--verbose']);
    expect(en.stdout).toContain('adjust request parameters for the provider');
  });

  it('are English only in JSON, for fixes and suggestions alike', () => {
    const result = runCli(['scan', DEMO, '--provider', 'qwen', '--format', 'json', '--lang', 'zh']);
    const report = JSON.parse(result.stdout) as { findings: Array<{ fix: { description: string } | null; suggestions?: Array<{ description: string }> }> };
    const fixes = report.findings.flatMap((f) => [...(f.fix ? [f.fix] : []), ...(f.suggestions ?? [])]);
    expect(fixes.length).toBeGreaterThan(0);
    expect(fixes.filter((f) => 'zh' in f)).toEqual([]);
    expect(fixes.filter((f) => /[\u4e00-\u9fff]/.test(f.description))).toEqual([]);
  });
});

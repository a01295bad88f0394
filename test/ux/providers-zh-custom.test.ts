/**
 * Issue 14: `--lang zh` covers `providers <id>` (every label; the sources' own notes are quoted as
 * recorded, and said to be), and `providers --format json` carries the custom endpoint a config
 * declares, marked `custom: true`.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { runCli } from '../helpers/cli.js';

const dir = mkdtempSync(path.join(tmpdir(), 'banjia-providers-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('providers <id> --lang zh', () => {
  it('has no English label left', () => {
    const zh = runCli(['--lang', 'zh', 'providers', 'qwen']);
    expect(zh.code, zh.stderr).toBe(0);
    // The English view's labels, none of which may survive in the Chinese one.
    const en = runCli(['providers', 'qwen']).stdout;
    for (const label of ['Endpoints', 'Chat models (per 1M tokens)', 'Embedding models', 'Features', 'Quirks', 'checked on', 'base URL override', '(default)', 'dims', 'dimensions param', 'by rule for a 128K-context model']) {
      expect(en, label).toContain(label);
      expect(zh.stdout, label).not.toContain(label);
    }
    // Prices and support levels are words too.
    expect(en).toMatch(/ in \/ .+ out/);
    expect(zh.stdout).not.toMatch(/\d in[ ;(]| out[ ;]|\bcached\b/);
    expect(zh.stdout).toMatch(/¥[\d.]+ 输入 .*\/ ¥[\d.]+ 输出/);
    expect(zh.stdout).toMatch(/^ {2}embeddings +支持/m);
    expect(zh.stdout).not.toMatch(/^ {2}\w+ +(yes|no|partial|unknown)\b/m);
    expect(zh.stdout).toMatch(/^接口$/m);
    expect(zh.stdout).toContain('说明文字摘自英文来源');
  });

  it('says a retired model is retired in Chinese', () => {
    const zh = runCli(['--lang', 'zh', 'providers', 'deepseek']).stdout;
    expect(zh).toMatch(/deepseek-chat .+已下线 2026-07-24/);
    expect(zh).not.toMatch(/retired 2026-07-24/);
  });
});

describe('providers --format json and the custom endpoint', () => {
  it('lists a configured custom endpoint, marked custom', () => {
    writeFileSync(path.join(dir, 'migrate.config.json'), JSON.stringify({ custom: { baseURL: 'http://localhost:8000/v1', apiKeyEnv: 'VLLM_API_KEY', name: 'vLLM', modelMap: { 'gpt-4o': 'Qwen/Qwen3-8B' } } }));
    const result = runCli(['providers', '--format', 'json'], { cwd: dir });
    expect(result.code, result.stderr).toBe(0);
    const json = JSON.parse(result.stdout);
    expect(json.schemaVersion).toBe(1);
    expect(json.providers).toHaveLength(14);
    const custom = json.providers.filter((p: { custom: boolean }) => p.custom);
    expect(custom.map((p: { id: string }) => p.id)).toEqual(['custom']);
    expect(custom[0].name.en).toBe('vLLM');
    expect(custom[0].regions[0].baseURL).toBe('http://localhost:8000/v1');
    expect(custom[0].modelOverrides).toEqual({ 'gpt-4o': 'Qwen/Qwen3-8B' });
    expect(json.providers.filter((p: { custom: boolean }) => p.custom === false)).toHaveLength(13);
    expect(json.customEndpoint.configured).toBe(true);
    const one = JSON.parse(runCli(['providers', 'custom', '--format', 'json'], { cwd: dir }).stdout);
    expect(one.provider.custom).toBe(true);
    expect(one.schemaVersion).toBe(1);
  });

  it('says how to configure one when none is', () => {
    const json = JSON.parse(runCli(['providers', '--format', 'json']).stdout);
    expect(json.providers).toHaveLength(13);
    expect(json.providers.every((p: { custom: boolean }) => p.custom === false)).toBe(true);
    expect(json.customEndpoint).toEqual({ configured: false, usage: expect.stringContaining('--provider custom --base-url <url> --api-key-env <NAME>') });
    const one = JSON.parse(runCli(['providers', 'custom', '--format', 'json']).stdout);
    expect(one).toMatchObject({ schemaVersion: 1, provider: 'custom', configured: false });
  });
});

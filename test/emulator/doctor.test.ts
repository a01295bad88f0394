/** `migrate doctor` against the emulator: the healthy case, a refused key, a missing model, a server that never answers. */
import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { createServer, type Server, type Socket } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { findProvider } from '../../src/catalogue/index.js';
import { doctor, renderDoctor } from '../../src/commands/doctor.js';
import { startEmulator, type RunningServer } from '../../src/emulator/server.js';
import { runCli } from '../helpers/cli.js';

const servers: RunningServer[] = [];
const dirs: string[] = [];
afterAll(async () => {
  await Promise.all(servers.map((s) => s.close()));
  for (const d of dirs) rmSync(d, { recursive: true, force: true });
});

function tempDir(): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'banjia-doctor-'));
  dirs.push(dir);
  return dir;
}

async function emulator(id: string, extra: Partial<Parameters<typeof startEmulator>[0]> = {}) {
  const server = await startEmulator({ provider: findProvider(id)!, ...extra });
  servers.push(server);
  return server;
}

const mappedIds = (id: string) => {
  const provider = findProvider(id)!;
  return [...new Set(Object.values(provider.modelMap).filter((t) => t !== 'none'))].filter((t) => [...provider.chatModels, ...provider.embeddingModels].some((m) => m.id === t));
};

describe('migrate doctor', () => {
  it('confirms every mapped model, probes, and writes the lock; never prints the key', async () => {
    const server = await emulator('qwen', { apiKey: 'sk-secret-123' });
    const dir = tempDir();
    const result = await doctor({ path: dir, provider: 'qwen', baseUrl: server.url, probe: true, timeoutMs: 5000, env: { DASHSCOPE_API_KEY: 'sk-secret-123' } });
    expect(result.ok).toBe(true);
    const text = renderDoctor(result);
    expect(text).not.toContain('sk-secret-123');
    expect(text).toMatch(/✓\s+key\s+DASHSCOPE_API_KEY\s+set \(not shown\)/);
    expect(text).toContain('each request times out after 5000 ms');
    const lock = JSON.parse(readFileSync(path.join(dir, '.migrate', 'provider-lock.json'), 'utf8'));
    expect(lock).toMatchObject({ provider: 'qwen', region: 'cn', baseUrl: server.url, failed: {}, probes: { tools: 'yes', json: 'yes', 'stream usage': 'yes' } });
    expect(lock.confirmed.sort()).toEqual(mappedIds('qwen').sort());
    expect(JSON.stringify(lock)).not.toContain('sk-secret');
    // Written as apply writes .migrate/: private, ignored by git, no temp file left.
    expect(statSync(path.join(dir, '.migrate')).mode & 0o777).toBe(0o700);
    expect(statSync(path.join(dir, '.migrate', 'provider-lock.json')).mode & 0o777).toBe(0o600);
    expect(readFileSync(path.join(dir, '.migrate', '.gitignore'), 'utf8')).toBe('*\n');
    expect(readdirSync(path.join(dir, '.migrate')).filter((f) => f.endsWith('.tmp'))).toEqual([]);
  });

  it('says every row in Chinese under --lang zh; the JSON rows stay English', async () => {
    const server = await emulator('qwen', { apiKey: 'k' });
    const result = await doctor({ path: tempDir(), provider: 'qwen', baseUrl: server.url, probe: true, timeoutMs: 5000, env: { DASHSCOPE_API_KEY: 'k' } });
    expect(result.ok).toBe(true);
    const zh = renderDoctor(result, 'zh');
    expect(zh).toMatch(/✓\s+密钥\s+DASHSCOPE_API_KEY\s+已设置（不显示）/);
    expect(zh).toMatch(/✓\s+接口地址\s+\S+\s+可达；\/models 列出 \d+ 个模型/);
    expect(zh).toMatch(/✓\s+对话\s+\S+\s+已作答/);
    expect(zh).toMatch(/✓\s+探测 tools\s+\S+\s+可用/);
    expect(zh).toMatch(/^通过：每个映射的模型都有应答$/m);
    expect(zh).toContain('每个请求 5000 毫秒超时');
    // No English word of the table is left (model ids and URLs aside).
    expect(zh).not.toMatch(/\b(check|subject|result|key|chat|answered|listed|probe|works|set|live|Wrote|OK)\b/);
    expect(result.rows.find((r) => r.check === 'key')!.detail).toBe('set (not shown)');
    const refused = await doctor({ path: tempDir(), provider: 'qwen', baseUrl: server.url, env: { DASHSCOPE_API_KEY: 'wrong' } });
    expect(renderDoctor(refused, 'zh')).toMatch(/✗\s+接口地址\s+\S+\s+密钥被拒绝：HTTP 401/);
    expect(renderDoctor(refused, 'zh')).toMatch(/^失败：1 项检查未通过$/m);
  });

  it('fails on a refused key (401) and stops there', async () => {
    const server = await emulator('deepseek', { apiKey: 'right' });
    const result = await doctor({ path: tempDir(), provider: 'deepseek', baseUrl: server.url, env: { DEEPSEEK_API_KEY: 'wrong' } });
    expect(result.ok).toBe(false);
    expect(result.rows.at(-1)).toMatchObject({ check: 'base URL', status: 'fail' });
    expect(result.rows.at(-1)!.detail).toMatch(/the key was refused: HTTP 401/);
    expect(result.lockFile).toBeUndefined();
  });

  it('fails on a mapped model the account does not have', async () => {
    const missing = mappedIds('zhipu')[0];
    const server = await emulator('zhipu', { hiddenModels: [missing] });
    const dir = tempDir();
    const result = await doctor({ path: dir, provider: 'zhipu', baseUrl: server.url, env: { ZHIPUAI_API_KEY: 'k' } });
    expect(result.ok).toBe(false);
    expect(result.rows).toContainEqual({ check: 'in /models', subject: missing, status: 'fail', detail: 'not listed for this key and region' });
    expect(result.rows.find((r) => r.check === 'chat' && r.subject === missing)?.detail).toMatch(/HTTP 404/);
    const lock = JSON.parse(readFileSync(path.join(dir, '.migrate', 'provider-lock.json'), 'utf8'));
    expect(lock.confirmed).not.toContain(missing);
    expect(Object.keys(lock.failed)).toEqual([missing]);
  });

  it('states the timeout when the server never answers, instead of hanging', async () => {
    const sockets: Socket[] = [];
    const silent: Server = createServer((socket) => void sockets.push(socket));
    await new Promise<void>((resolve) => silent.listen(0, '127.0.0.1', resolve));
    const port = (silent.address() as { port: number }).port;
    try {
      const result = await doctor({ path: tempDir(), provider: 'moonshot', baseUrl: `http://127.0.0.1:${port}/v1`, timeoutMs: 300, env: { MOONSHOT_API_KEY: 'k' } });
      expect(result.ok).toBe(false);
      expect(result.rows.at(-1)).toEqual({ check: 'base URL', subject: `http://127.0.0.1:${port}/v1`, status: 'fail', detail: 'no answer within 300 ms' });
    } finally {
      for (const s of sockets) s.destroy();
      await new Promise((resolve) => silent.close(resolve));
    }
  });

  it('exits 1 from the CLI when the key variable is unset', () => {
    const result = runCli(['doctor', tempDir(), '--provider', 'qwen', '--base-url', 'http://127.0.0.1:9/v1'], { env: { DASHSCOPE_API_KEY: '' } });
    expect(result.code).toBe(1);
    expect(result.stdout).toMatch(/✗\s+key\s+DASHSCOPE_API_KEY\s+not set/);
    expect(result.stdout).toContain('FAIL: 1 check(s) failed');
  });
});

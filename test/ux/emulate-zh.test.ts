/** Issue 14: `emulate`'s banner is in Chinese under --lang zh (the request log lines are data). */
import { spawn } from 'node:child_process';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { REPO } from '../helpers/cli.js';

function banner(args: string[]): Promise<string> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [path.join(REPO, 'bin', 'migrate.js'), ...args], { env: { ...process.env, NO_COLOR: '1', LANG: 'en_US.UTF-8' } });
    let out = '';
    child.stdout.on('data', (chunk: Buffer) => {
      out += chunk.toString('utf8');
      // The banner's last line: the server is up; stop it as Ctrl-C would.
      if (/(Ctrl-C stops|Ctrl-C 停止)\n/.test(out)) child.kill('SIGINT');
    });
    child.on('error', reject);
    child.on('close', () => resolve(out));
  });
}

describe('emulate --lang zh', () => {
  it('says what it emulates and how to use it in Chinese', { timeout: 60_000 }, async () => {
    const zh = await banner(['--lang', 'zh', 'emulate', '--provider', 'qwen']);
    expect(zh).toMatch(/^正在模拟 阿里云百炼 · 通义千问：http:\/\/127\.0\.0\.1:\d+\/compatible-mode\/v1$/m);
    expect(zh).toMatch(/^ {2}DASHSCOPE_BASE_URL=http:\/\/127\.0\.0\.1:\d+\/compatible-mode\/v1$/m);
    expect(zh).toMatch(/^ {2}接受任意 Authorization: Bearer <密钥>；Ctrl-C 停止$/m);
    expect(zh).not.toMatch(/Emulating|is accepted/);
    expect(await banner(['emulate', '--provider', 'qwen'])).toMatch(/^Emulating Alibaba Qwen/m);
  });
});

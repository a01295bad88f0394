/**
 * `migrate verify`: fails on an unmigrated app, a foreign model, a rule-breaking request; on the
 * migrated demo app it names the one call that cannot move (moderation), and passes on the rest.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { readRecord } from '../../src/emulator/record.js';
import { runCli } from '../helpers/cli.js';
import { cleanup, migratedCopy } from './project.js';

afterAll(cleanup);

describe('migrate verify', () => {
  it('fails on an unmigrated app: the SDK request goes to the OpenAI trap, not to OpenAI', () => {
    const dir = migratedCopy('emulator/sdk-client', undefined);
    const result = runCli(['verify', dir, '--provider', 'qwen', '--', process.execPath, 'src/main.js']);
    expect(result.code).toBe(1);
    expect(result.stdout).toContain('Attempts to reach OpenAI: 1');
    expect(result.stdout).toMatch(/✗ POST \/v1\/chat\/completions model=gpt-4o-mini \(via OPENAI_BASE_URL\)/);
    expect(result.stdout).toContain('FAIL: 1 attempt(s) to reach OpenAI');
  });

  it('says its report in Chinese under --lang zh (the emulator\'s own error text quoted as sent)', () => {
    const dir = migratedCopy('emulator/raw-fetch', 'qwen');
    const file = path.join(dir, 'src', 'llm.js');
    writeFileSync(file, readFileSync(file, 'utf8').replaceAll(/model: '[^']+'/g, "model: 'deepseek-v4-pro'"));
    const result = runCli(['--lang', 'zh', 'verify', dir, '--provider', 'qwen', '--', process.execPath, 'src/main.js']);
    expect(result.code).toBe(1);
    expect(result.stdout).toMatch(/^banjia verify：qwen 模拟器 http:\/\/127\.0\.0\.1:\d+\/compatible-mode\/v1（DASHSCOPE_BASE_URL），OpenAI 陷阱/m);
    expect(result.stdout).toMatch(/^命令：\S+ src\/main\.js → 退出码 \d+$/m);
    expect(result.stdout).toMatch(/^发往模拟器的请求：\d+ 个（\d+ 个有效，\d+ 个被拒）$/m);
    expect(result.stdout).toMatch(/^ {2}接口 +模型 +请求数 +被拒$/m);
    expect(result.stdout).toMatch(/^被拒的请求：$/m);
    expect(result.stdout).toMatch(/^ {6}发自 src\/llm\.js:\d+:\d+$/m);
    expect(result.stdout).toMatch(/^试图访问 OpenAI：0 次$/m);
    expect(result.stdout).toMatch(/^失败：\d+ 个请求被拒/m);
    expect(result.stdout).not.toMatch(/Requests to the emulator|Rejected:|sent from|Attempts to reach|FAIL:|PASS:/);
  });

  it('catches fetch and https.request calls to api.openai.com and names the source line', () => {
    const dir = migratedCopy('emulator/raw-fetch', undefined);
    writeFileSync(
      path.join(dir, 'https.mjs'),
      `import https from 'node:https';
const req = https.request({ hostname: 'api.openai.com', path: '/v1/embeddings', method: 'POST', headers: { 'content-type': 'application/json' } }, (res) => {
  res.resume();
  res.on('end', () => https.get('https://api.openai.com/v1/models', (r) => { r.resume(); r.on('end', () => console.log('status', res.statusCode, r.statusCode)); }));
});
req.end(JSON.stringify({ model: 'text-embedding-3-small', input: 'x' }));
`,
    );
    const fetched = runCli(['verify', dir, '--provider', 'deepseek', '--', process.execPath, 'src/main.js']);
    expect(fetched.code).toBe(1);
    expect(fetched.stdout).toMatch(/✗ POST \/v1\/chat\/completions model=gpt-4o \(to api\.openai\.com\)\n\s+sent from src\/llm\.js:\d+:\d+/);
    const viaHttps = runCli(['verify', '--provider', 'deepseek', '--', process.execPath, 'https.mjs'], { cwd: dir });
    expect(viaHttps.stdout).toContain('status 403 403');
    expect(viaHttps.stdout).toContain('Attempts to reach OpenAI: 2');
    expect(viaHttps.stdout).toContain('POST /v1/embeddings model=text-embedding-3-small (to api.openai.com)');
    expect(viaHttps.stdout).toContain('GET /v1/models (to api.openai.com)');
    expect(viaHttps.code).toBe(1);
  });

  it('fails on a model that is not the provider’s', () => {
    const dir = migratedCopy('emulator/raw-fetch', 'qwen');
    const file = path.join(dir, 'src', 'llm.js');
    writeFileSync(file, readFileSync(file, 'utf8').replaceAll(/model: '[^']+'/g, "model: 'deepseek-v4-pro'"));
    const result = runCli(['verify', dir, '--provider', 'qwen', '--', process.execPath, 'src/main.js']);
    expect(result.code).toBe(1);
    expect(result.stdout).toMatch(/✗ POST \/compatible-mode\/v1\/chat\/completions model=deepseek-v4-pro: 404 \[model-unknown\]/);
    expect(result.stdout).toMatch(/sent from src\/llm\.js:\d+:\d+/);
    expect(result.stdout).toContain('Attempts to reach OpenAI: 0');
  });

  it('fails on a request that breaks a provider rule, and records it', () => {
    const dir = migratedCopy('emulator/sdk-client', 'zhipu');
    writeFileSync(
      path.join(dir, 'hot.mjs'),
      `import OpenAI from 'openai';
const client = new OpenAI({ apiKey: process.env.ZHIPUAI_API_KEY, baseURL: process.env.ZHIPUAI_BASE_URL });
await client.chat.completions.create({ model: 'glm-4.5-air', messages: [{ role: 'user', content: 'x' }], temperature: 1.5 }).catch((e) => console.log('rejected', e.status));
`,
    );
    const record = path.join(dir, 'requests.jsonl');
    const result = runCli(['verify', dir, '--provider', 'zhipu', '--record', record, '--', process.execPath, 'hot.mjs']);
    expect(result.code).toBe(1);
    expect(result.stdout).toContain('rejected 400');
    expect(result.stdout).toMatch(/400 \[zhipu-temperature-range\] GLM's temperature range is \[0, 1\]/);
    const lines = readRecord(readFileSync(record, 'utf8'));
    expect(lines).toMatchObject([{ server: 'emulator', path: '/api/paas/v4/chat/completions', model: 'glm-4.5-air', verdict: 'rejected', rule: 'zhipu-temperature-range', status: 400 }]);
  });

  it('on the migrated demo app run by its entry point: every provider request valid, the moderation call (no provider has one) caught', () => {
    const dir = migratedCopy('demo-app', 'qwen');
    const result = runCli(['verify', dir, '--provider', 'qwen', '--', process.execPath, 'src/index.js']);
    expect(result.code).toBe(1);
    expect(result.stdout).toMatch(/Requests to the emulator: 5 \(5 valid, 0 rejected\)/);
    expect(result.stdout).toMatch(/chat +qwen3\.7-max +1 +0/);
    // Two turns of the tool loop and the Summarizer (handed the provider's client in index.ts).
    expect(result.stdout).toMatch(/chat +qwen3\.7-plus +3 +0/);
    expect(result.stdout).toMatch(/embeddings +text-embedding-v4 +1 +0/);
    expect(result.stdout).toContain('Attempts to reach OpenAI: 1\n  ✗ POST /v1/moderations model=omni-moderation-latest (via OPENAI_BASE_URL)\n');
    expect(result.stdout).toContain('FAIL: 1 attempt(s) to reach OpenAI, the command failed (exit 1)');
  });

  it('passes a request the provider answers but ignores part of, and lists the rule as a warning (text and JSON)', () => {
    const dir = migratedCopy('emulator/sdk-client', 'deepseek');
    writeFileSync(
      path.join(dir, 'ignored.mjs'),
      `import OpenAI from 'openai';
const client = new OpenAI({ apiKey: process.env.DEEPSEEK_API_KEY, baseURL: process.env.DEEPSEEK_BASE_URL });
const answer = await client.chat.completions.create({ model: 'deepseek-flash', messages: [{ role: 'user', content: 'x' }], max_completion_tokens: 5 });
console.log('answered', answer.choices.length);
await client.chat.completions.create({ model: 'deepseek-flash', messages: [{ role: 'user', content: 'y' }], max_tokens: 5 });
`,
    );
    const result = runCli(['verify', dir, '--provider', 'deepseek', '--', process.execPath, 'ignored.mjs']);
    expect(result.code).toBe(0);
    expect(result.stdout).toContain('answered 1');
    expect(result.stdout).toMatch(/Requests to the emulator: 2 \(2 valid, 0 rejected\)/);
    expect(result.stdout).toMatch(/Warnings .*:\n {2}! POST \/chat\/completions model=deepseek-flash: \[deepseek-max-tokens\] ignored: DeepSeek silently ignores max_completion_tokens.*Fix: Send the limit as max_tokens/);
    expect(result.stdout.match(/^ {2}! /gm)).toHaveLength(1);
    expect(result.stdout).toContain('PASS: every request was valid for the provider and none went to OpenAI (1 with warnings above)');
    const json = runCli(['--format', 'json', 'verify', dir, '--provider', 'deepseek', '--', process.execPath, 'ignored.mjs']);
    expect(json.code).toBe(0);
    const report = JSON.parse(json.stdout);
    expect(report).toMatchObject({ passed: true, rejected: [], warnings: [{ model: 'deepseek-flash', verdict: 'ok', warnings: [{ rule: 'deepseek-max-tokens', effect: 'ignored' }] }] });
    expect(report.warnings).toHaveLength(1);
  });

  it('passes on the parts of the migrated demo app that move, with the key variable set to a dummy', () => {
    const dir = migratedCopy('demo-app', 'qwen');
    writeFileSync(
      path.join(dir, 'smoke.mjs'),
      `import { openai, openaiQwen } from './src/lib/openai.js';
import { streamAnswer } from './src/chat.js';
import { answerWithTools } from './src/tools.js';
import { embed } from './src/embeddings.js';
import { Summarizer } from './src/services/summarizer.js';
console.log(await streamAnswer([{ role: 'user', content: 'hi' }], () => {}));
console.log(await answerWithTools('Where is order 42?'));
console.log((await embed(['a']))[0].length, process.env.DASHSCOPE_API_KEY);
console.log(JSON.stringify(await new Summarizer(openaiQwen).summarize('broken parcel')), openai !== openaiQwen);
`,
    );
    const result = runCli(['verify', dir, '--provider', 'qwen', '--', process.execPath, 'smoke.mjs'], { env: { DASHSCOPE_API_KEY: '' } });
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    // text-embedding-v4 keeps text-embedding-3-small's 1536 dimensions (the review edit sends dimensions: 1536).
    expect(result.stdout).toContain('1536 banjia-verify-dummy-key');
    expect(result.stdout).toContain('{"emulated":true,"provider":"qwen","model":"qwen3.7-plus"} true');
    expect(result.stdout).toMatch(/Requests to the emulator: 5 \(5 valid, 0 rejected\)/);
    expect(result.stdout).toContain('PASS: every request was valid for the provider and none went to OpenAI');
    const json = runCli(['--format', 'json', 'verify', dir, '--provider', 'qwen', '--', process.execPath, 'smoke.mjs']);
    expect(json.code).toBe(0);
    expect(JSON.parse(json.stdout)).toMatchObject({ provider: 'qwen', passed: true, openaiAttempts: [], rejected: [] });
  });

  it('exits 2 on an error', () => {
    expect(runCli(['verify', '--provider', 'nope', '--', process.execPath, '-e', '1']).code).toBe(2);
    const none = runCli(['verify', '--provider', 'qwen']);
    expect(none.code).toBe(2);
    expect(none.stderr).toContain('no command to run');
    expect(runCli(['verify', '--provider', 'qwen', '--', 'banjia-no-such-command-xyz']).code).toBe(2);
  });
});

/**
 * `migrate verify [path] --provider <id> -- <command…>`: runs the user's command against a local
 * emulator of the provider and a trap for OpenAI, then says what was sent. Nothing leaves the
 * machine: the provider's base-URL variable points at the emulator, OPENAI_BASE_URL at the trap,
 * and a preloaded module reroutes fetch/http/https calls for OpenAI's and the provider's real hosts.
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { findProvider, providerIds } from '../catalogue/index.js';
import type { Provider } from '../catalogue/schema.js';
import { UsageError } from '../core/errors.js';
import type { Lang } from '../core/text.js';
import { pad, visibleWidth } from '../render/cost.js';
import { preloadSource, ROUTES_ENV, type Route } from '../emulator/preload.js';
import { Recorder, type RecordEntry } from '../emulator/record.js';
import { startEmulator, startTrap } from '../emulator/server.js';

export const DUMMY_KEY = 'banjia-verify-dummy-key';

export interface VerifyOptions {
  path: string;
  provider?: string;
  region?: string;
  record?: string;
  command: string[];
  /** The environment the command starts from (default: this process's). */
  env?: NodeJS.ProcessEnv;
  /** Where the command's output goes as it runs. */
  onOutput?: (stream: 'stdout' | 'stderr', text: string) => void;
  /** Kill the command after this many ms (default: none). */
  timeoutMs?: number;
}

export interface VerifyResult {
  provider: string;
  /** Where the command ran. */
  cwd: string;
  baseUrl: string;
  baseUrlEnv: string;
  trapUrl: string;
  command: string[];
  exitCode: number | null;
  signal: string | null;
  timedOut: boolean;
  /** What the command printed (for tests and --format json). */
  stdout: string;
  stderr: string;
  entries: RecordEntry[];
  rejected: RecordEntry[];
  /**
   * Valid requests that hit a dialect rule the provider does not refuse (a field it ignores or has
   * deprecated): reported, and the verdict stays a pass.
   */
  warnings: RecordEntry[];
  openaiAttempts: RecordEntry[];
  /** Per endpoint and model: requests and rejections. */
  byEndpoint: { endpoint: string; model: string; requests: number; rejected: number }[];
  passed: boolean;
}

export function resolveProvider(id: string | undefined): Provider {
  if (!id) throw new UsageError('--provider is required', `one of: ${providerIds().join(', ')}`).inChinese('需要 --provider', `可选：${providerIds().join(', ')}`);
  const provider = findProvider(id);
  if (!provider) throw new UsageError(`unknown provider '${id}'`, `one of: ${providerIds().join(', ')}`).inChinese(`未知的服务商 '${id}'`, `可选：${providerIds().join(', ')}`);
  return provider;
}

/** OpenAI's hosts and every region host of the provider, each to its local server. */
export function verifyRoutes(provider: Provider, emulatorPort: number, trapPort: number): Route[] {
  const providerHosts = [...new Set(provider.regions.map((r) => new URL(r.baseURL).hostname))];
  return [
    { hosts: ['api.openai.com', '.api.openai.com', '.openai.azure.com'], target: `http://127.0.0.1:${trapPort}` },
    { hosts: providerHosts, target: `http://127.0.0.1:${emulatorPort}` },
  ];
}

export async function verify(options: VerifyOptions): Promise<VerifyResult> {
  const provider = resolveProvider(options.provider);
  if (options.region && !provider.regions.some((r) => r.id === options.region)) {
    throw new UsageError(`unknown region '${options.region}' for ${provider.id}`, `one of: ${provider.regions.map((r) => r.id).join(', ')}`).inChinese(`${provider.id} 没有区域 '${options.region}'`, `可选：${provider.regions.map((r) => r.id).join(', ')}`);
  }
  if (!options.command.length) throw new UsageError('no command to run', 'put it after --: npx migrate verify --provider qwen -- npm test').inChinese('没有要运行的命令', '写在 -- 之后：npx migrate verify --provider qwen -- npm test');
  const cwd = path.resolve(options.path);
  const recorder = new Recorder(options.record);
  const emulator = await startEmulator({ provider, region: options.region, recorder });
  const trap = await startTrap({ recorder });
  const dir = mkdtempSync(path.join(tmpdir(), 'banjia-verify-'));
  const preload = path.join(dir, 'preload.mjs');
  writeFileSync(preload, preloadSource());
  const base = options.env ?? process.env;
  const env: NodeJS.ProcessEnv = {
    ...base,
    [provider.baseUrlEnv]: emulator.url,
    [provider.apiKeyEnv]: base[provider.apiKeyEnv] || DUMMY_KEY,
    OPENAI_BASE_URL: trap.url,
    // An unmigrated client must get as far as sending, so the attempt is seen and named.
    OPENAI_API_KEY: base.OPENAI_API_KEY || DUMMY_KEY,
    [ROUTES_ENV]: JSON.stringify(verifyRoutes(provider, emulator.port, trap.port)),
    NODE_OPTIONS: `${base.NODE_OPTIONS ? `${base.NODE_OPTIONS} ` : ''}--import=${pathToFileURL(preload).href}`,
  };
  let stdout = '';
  let stderr = '';
  let timedOut = false;
  try {
    const { code, signal } = await new Promise<{ code: number | null; signal: string | null }>((resolve, reject) => {
      const child = spawn(options.command[0], options.command.slice(1), { cwd, env, stdio: ['ignore', 'pipe', 'pipe'] });
      const timer = options.timeoutMs
        ? setTimeout(() => {
            timedOut = true;
            child.kill('SIGTERM');
          }, options.timeoutMs)
        : undefined;
      child.stdout.setEncoding('utf8').on('data', (text: string) => {
        stdout += text;
        options.onOutput?.('stdout', text);
      });
      child.stderr.setEncoding('utf8').on('data', (text: string) => {
        stderr += text;
        options.onOutput?.('stderr', text);
      });
      child.on('error', (error) => {
        if (timer) clearTimeout(timer);
        reject(new UsageError(`cannot run ${options.command[0]}: ${error.message}`).inChinese(`无法运行 ${options.command[0]}：${error.message}`));
      });
      child.on('close', (c, s) => {
        if (timer) clearTimeout(timer);
        resolve({ code: c, signal: s });
      });
    });
    const entries = recorder.entries;
    const rejected = entries.filter((e) => e.verdict === 'rejected');
    const warnings = entries.filter((e) => e.verdict === 'ok' && e.warnings?.length);
    const openaiAttempts = entries.filter((e) => e.server === 'openai-trap');
    const groups = new Map<string, { endpoint: string; model: string; requests: number; rejected: number }>();
    for (const e of entries.filter((x) => x.server === 'emulator')) {
      const key = `${e.endpoint ?? e.path}\u0000${e.model ?? ''}`;
      const row = groups.get(key) ?? { endpoint: e.endpoint ?? e.path, model: e.model ?? '', requests: 0, rejected: 0 };
      row.requests++;
      if (e.verdict === 'rejected') row.rejected++;
      groups.set(key, row);
    }
    return {
      provider: provider.id,
      cwd,
      baseUrl: emulator.url,
      baseUrlEnv: provider.baseUrlEnv,
      trapUrl: trap.url,
      command: options.command,
      exitCode: code,
      signal,
      timedOut,
      stdout,
      stderr,
      entries,
      rejected,
      warnings,
      openaiAttempts,
      byEndpoint: [...groups.values()],
      passed: code === 0 && rejected.length === 0 && openaiAttempts.length === 0,
    };
  } finally {
    await Promise.all([emulator.close(), trap.close()]);
    rmSync(dir, { recursive: true, force: true });
  }
}

function table(rows: string[][]): string {
  // Padded by columns: a Chinese header takes two per character.
  const widths = rows[0].map((_, i) => Math.max(...rows.map((r) => visibleWidth(r[i]))));
  return rows.map((r) => `  ${r.map((cell, i) => pad(cell, widths[i])).join('  ').trimEnd()}\n`).join('');
}

/** A source path under the command's folder, relative to it. */
function where(result: VerifyResult, source: string): string {
  return source.startsWith(result.cwd + path.sep) ? path.relative(result.cwd, source) : source;
}

/** The report's words per language; the emulator's own error texts are quoted as it sent them. */
const VERIFY_TEXT = {
  en: {
    head: (r: VerifyResult) => `banjia verify: ${r.provider} emulator at ${r.baseUrl} (${r.baseUrlEnv}), OpenAI trap at ${r.trapUrl}`,
    timedOut: 'timed out and was stopped',
    killed: (signal: string) => `killed by ${signal}`,
    exit: (code: number | null) => `exit ${code}`,
    command: 'command: ',
    requests: (n: number, valid: number, rejected: number) => `Requests to the emulator: ${n} (${valid} valid, ${rejected} rejected)`,
    columns: ['endpoint', 'model', 'requests', 'rejected'],
    rejected: 'Rejected:',
    sentFrom: 'sent from',
    warnings: 'Warnings (answered, but the provider ignores, has deprecated or handles otherwise what was sent):',
    attempts: (n: number) => `Attempts to reach OpenAI: ${n}`,
    to: (host: string) => `(to ${host})`,
    viaBase: '(via OPENAI_BASE_URL)',
    nRejected: (n: number) => `${n} rejected request(s)`,
    nAttempts: (n: number) => `${n} attempt(s) to reach OpenAI`,
    failed: (ended: string) => `the command failed (${ended})`,
    noRequest: 'Note: the command sent no request at all; nothing was proven.',
    withWarnings: (n: number) => ` (${n} with warnings above)`,
    pass: (warned: string) => `PASS: every request was valid for the provider and none went to OpenAI${warned}`,
    fail: (reasons: string[]) => `FAIL: ${reasons.join(', ')}`,
  },
  zh: {
    head: (r: VerifyResult) => `banjia verify：${r.provider} 模拟器 ${r.baseUrl}（${r.baseUrlEnv}），OpenAI 陷阱 ${r.trapUrl}`,
    timedOut: '超时，已被停止',
    killed: (signal: string) => `被 ${signal} 终止`,
    exit: (code: number | null) => `退出码 ${code}`,
    command: '命令：',
    requests: (n: number, valid: number, rejected: number) => `发往模拟器的请求：${n} 个（${valid} 个有效，${rejected} 个被拒）`,
    columns: ['接口', '模型', '请求数', '被拒'],
    rejected: '被拒的请求：',
    sentFrom: '发自',
    warnings: '警告（已应答，但服务商会忽略、已弃用或以不同方式处理所发送的内容）：',
    attempts: (n: number) => `试图访问 OpenAI：${n} 次`,
    to: (host: string) => `（发往 ${host}）`,
    viaBase: '（经由 OPENAI_BASE_URL）',
    nRejected: (n: number) => `${n} 个请求被拒`,
    nAttempts: (n: number) => `${n} 次试图访问 OpenAI`,
    failed: (ended: string) => `命令失败（${ended}）`,
    noRequest: '注意：命令没有发出任何请求，什么也没有证明。',
    withWarnings: (n: number) => `（其中 ${n} 个有上述警告）`,
    pass: (warned: string) => `通过：每个请求对服务商都有效，且没有请求发往 OpenAI${warned}`,
    fail: (reasons: string[]) => `失败：${reasons.join('，')}`,
  },
} as const;

export function renderVerify(result: VerifyResult, lang: Lang = 'en'): string {
  const T = VERIFY_TEXT[lang];
  const out: string[] = [];
  const emulated = result.entries.filter((e) => e.server === 'emulator');
  out.push(`${T.head(result)}\n`);
  const ended = result.timedOut ? T.timedOut : result.signal ? T.killed(result.signal) : T.exit(result.exitCode);
  out.push(`${T.command}${result.command.join(' ')} → ${ended}\n\n`);
  out.push(`${T.requests(emulated.length, emulated.length - result.rejected.length, result.rejected.length)}\n`);
  if (result.byEndpoint.length) out.push(table([[...T.columns], ...result.byEndpoint.map((r) => [r.endpoint, r.model || '-', String(r.requests), String(r.rejected)])]));
  if (result.rejected.length) {
    out.push(`\n${T.rejected}\n`);
    for (const e of result.rejected) {
      out.push(`  ✗ ${e.method} ${e.path}${e.model ? ` model=${e.model}` : ''}: ${e.status} [${e.rule}] ${e.message ?? ''}\n`);
      if (e.source) out.push(`      ${T.sentFrom} ${where(result, e.source)}\n`);
    }
  }
  if (result.warnings.length) {
    // Valid for the provider, so not a failure; but the request does not do there what it did on OpenAI.
    out.push(`\n${T.warnings}\n`);
    for (const e of result.warnings) {
      for (const w of e.warnings ?? []) out.push(`  ! ${e.method} ${e.path}${e.model ? ` model=${e.model}` : ''}: [${w.rule}] ${w.effect}: ${w.message}\n`);
      if (e.source) out.push(`      ${T.sentFrom} ${where(result, e.source)}\n`);
    }
  }
  out.push(`\n${T.attempts(result.openaiAttempts.length)}\n`);
  for (const e of result.openaiAttempts) {
    out.push(`  ✗ ${e.method} ${e.path}${e.model ? ` model=${e.model}` : ''} ${e.originalHost ? T.to(e.originalHost) : T.viaBase}\n`);
    if (e.source) out.push(`      ${T.sentFrom} ${where(result, e.source)}\n`);
  }
  const reasons = [
    ...(result.rejected.length ? [T.nRejected(result.rejected.length)] : []),
    ...(result.openaiAttempts.length ? [T.nAttempts(result.openaiAttempts.length)] : []),
    ...(result.exitCode !== 0 ? [T.failed(ended)] : []),
  ];
  if (!emulated.length && !result.openaiAttempts.length) out.push(`\n${T.noRequest}\n`);
  const warned = result.warnings.length ? T.withWarnings(result.warnings.length) : '';
  out.push(`\n${result.passed ? T.pass(warned) : T.fail(reasons)}\n`);
  return out.join('');
}

export function verifyJson(result: VerifyResult): string {
  const { stdout: _o, stderr: _e, ...rest } = result;
  return `${JSON.stringify(rest, null, 2)}\n`;
}

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
  if (!id) throw new UsageError('--provider is required', `one of: ${providerIds().join(', ')}`);
  const provider = findProvider(id);
  if (!provider) throw new UsageError(`unknown provider '${id}'`, `one of: ${providerIds().join(', ')}`);
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
    throw new UsageError(`unknown region '${options.region}' for ${provider.id}`, `one of: ${provider.regions.map((r) => r.id).join(', ')}`);
  }
  if (!options.command.length) throw new UsageError('no command to run', 'put it after --: migrate verify --provider qwen -- npm test');
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
        reject(new UsageError(`cannot run ${options.command[0]}: ${error.message}`));
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
  const widths = rows[0].map((_, i) => Math.max(...rows.map((r) => r[i].length)));
  return rows.map((r) => `  ${r.map((cell, i) => cell.padEnd(widths[i])).join('  ').trimEnd()}\n`).join('');
}

/** A source path under the command's folder, relative to it. */
function where(result: VerifyResult, source: string): string {
  return source.startsWith(result.cwd + path.sep) ? path.relative(result.cwd, source) : source;
}

export function renderVerify(result: VerifyResult): string {
  const out: string[] = [];
  const emulated = result.entries.filter((e) => e.server === 'emulator');
  out.push(`banjia verify: ${result.provider} emulator at ${result.baseUrl} (${result.baseUrlEnv}), OpenAI trap at ${result.trapUrl}\n`);
  const ended = result.timedOut ? 'timed out and was stopped' : result.signal ? `killed by ${result.signal}` : `exit ${result.exitCode}`;
  out.push(`command: ${result.command.join(' ')} → ${ended}\n\n`);
  out.push(`Requests to the emulator: ${emulated.length} (${emulated.length - result.rejected.length} valid, ${result.rejected.length} rejected)\n`);
  if (result.byEndpoint.length) out.push(table([['endpoint', 'model', 'requests', 'rejected'], ...result.byEndpoint.map((r) => [r.endpoint, r.model || '-', String(r.requests), String(r.rejected)])]));
  if (result.rejected.length) {
    out.push(`\nRejected:\n`);
    for (const e of result.rejected) {
      out.push(`  ✗ ${e.method} ${e.path}${e.model ? ` model=${e.model}` : ''}: ${e.status} [${e.rule}] ${e.message ?? ''}\n`);
      if (e.source) out.push(`      sent from ${where(result, e.source)}\n`);
    }
  }
  if (result.warnings.length) {
    // Valid for the provider, so not a failure; but the request does not do there what it did on OpenAI.
    out.push(`\nWarnings (answered, but the provider ignores, has deprecated or handles otherwise what was sent):\n`);
    for (const e of result.warnings) {
      for (const w of e.warnings ?? []) out.push(`  ! ${e.method} ${e.path}${e.model ? ` model=${e.model}` : ''}: [${w.rule}] ${w.effect}: ${w.message}\n`);
      if (e.source) out.push(`      sent from ${where(result, e.source)}\n`);
    }
  }
  out.push(`\nAttempts to reach OpenAI: ${result.openaiAttempts.length}\n`);
  for (const e of result.openaiAttempts) {
    out.push(`  ✗ ${e.method} ${e.path}${e.model ? ` model=${e.model}` : ''}${e.originalHost ? ` (to ${e.originalHost})` : ' (via OPENAI_BASE_URL)'}\n`);
    if (e.source) out.push(`      sent from ${where(result, e.source)}\n`);
  }
  const reasons = [
    ...(result.rejected.length ? [`${result.rejected.length} rejected request(s)`] : []),
    ...(result.openaiAttempts.length ? [`${result.openaiAttempts.length} attempt(s) to reach OpenAI`] : []),
    ...(result.exitCode !== 0 ? [`the command failed (${ended})`] : []),
  ];
  if (!emulated.length && !result.openaiAttempts.length) out.push(`\nNote: the command sent no request at all; nothing was proven.\n`);
  const warned = result.warnings.length ? ` (${result.warnings.length} with warnings above)` : '';
  out.push(`\n${result.passed ? `PASS: every request was valid for the provider and none went to OpenAI${warned}` : `FAIL: ${reasons.join(', ')}`}\n`);
  return out.join('');
}

export function verifyJson(result: VerifyResult): string {
  const { stdout: _o, stderr: _e, ...rest } = result;
  return `${JSON.stringify(rest, null, 2)}\n`;
}

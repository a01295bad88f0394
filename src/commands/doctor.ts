/**
 * `migrate doctor --provider <id>`: the one command that goes to the network. With the user's key
 * (never printed) it checks that the base URL answers, that every model the catalogue maps to is in
 * the account's `/models`, and that each answers one tiny request; `--probe` adds tools, JSON mode
 * and stream usage. Every request has a timeout, so it never hangs. The confirmed ids go to
 * `.migrate/provider-lock.json`.
 */
import { renameSync, writeFileSync } from 'node:fs';
import { ensureMigrateDir } from '../pipeline/journal.js';
import path from 'node:path';
import { defaultRegion, findProviderModel } from '../catalogue/index.js';
import { requestViolations } from '../dialects/index.js';
import { UsageError } from '../core/errors.js';
import type { Lang } from '../core/text.js';
import { pad, visibleWidth } from '../render/cost.js';
import { resolveProvider } from './verify.js';

export interface DoctorOptions {
  path: string;
  provider?: string;
  region?: string;
  baseUrl?: string;
  timeoutMs?: number;
  probe?: boolean;
  /** The environment to read the key and base URL from (default: this process's). */
  env?: NodeJS.ProcessEnv;
}

export interface DoctorRow {
  check: string;
  subject: string;
  status: 'ok' | 'fail' | 'warn' | 'skip';
  detail: string;
}

export interface DoctorResult {
  provider: string;
  baseUrl: string;
  keyEnv: string;
  timeoutMs: number;
  rows: DoctorRow[];
  ok: boolean;
  /** The lock file written, when the base URL answered. */
  lockFile?: string;
}

interface Reply {
  status: number;
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  json?: any;
  text: string;
}

async function call(url: string, key: string, timeoutMs: number, body?: unknown): Promise<Reply> {
  const response = await fetch(url, {
    method: body === undefined ? 'GET' : 'POST',
    headers: { authorization: `Bearer ${key}`, ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    signal: AbortSignal.timeout(timeoutMs),
  });
  const text = await response.text();
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    json = undefined;
  }
  return { status: response.status, json, text };
}

function failure(error: unknown, timeoutMs: number): string {
  const e = error as Error & { cause?: Error };
  if (e?.name === 'TimeoutError' || e?.name === 'AbortError') return `no answer within ${timeoutMs} ms`;
  return `cannot connect: ${e?.cause?.message ?? e?.message ?? String(error)}`;
}

function errorText(reply: Reply): string {
  const message = reply.json?.error?.message ?? reply.json?.message ?? reply.text.slice(0, 160);
  return `HTTP ${reply.status}${message ? `: ${String(message).slice(0, 160)}` : ''}`;
}

export async function doctor(options: DoctorOptions): Promise<DoctorResult> {
  const provider = resolveProvider(options.provider);
  const env = options.env ?? process.env;
  const region = options.region ? provider.regions.find((r) => r.id === options.region) : defaultRegion(provider);
  if (!region) throw new UsageError(`unknown region '${options.region}' for ${provider.id}`, `one of: ${provider.regions.map((r) => r.id).join(', ')}`).inChinese(`${provider.id} 没有区域 '${options.region}'`, `可选：${provider.regions.map((r) => r.id).join(', ')}`);
  const timeoutMs = options.timeoutMs ?? 15000;
  if (!Number.isFinite(timeoutMs) || timeoutMs <= 0) throw new UsageError('--timeout must be a positive number of milliseconds').inChinese('--timeout 必须是正数（毫秒）');
  const baseUrl = (options.baseUrl || env[provider.baseUrlEnv] || region.baseURL).replace(/\/+$/, '');
  if (!/^https?:\/\/[^/\s]+/.test(baseUrl)) throw new UsageError(`not an http(s) URL: ${baseUrl}`, 'e.g. --base-url https://dashscope.aliyuncs.com/compatible-mode/v1').inChinese(`不是 http(s) 地址：${baseUrl}`, '例如 --base-url https://dashscope.aliyuncs.com/compatible-mode/v1');
  const rows: DoctorRow[] = [];
  const result: DoctorResult = { provider: provider.id, baseUrl, keyEnv: provider.apiKeyEnv, timeoutMs, rows, ok: false };
  const key = env[provider.apiKeyEnv];
  if (!key) {
    rows.push({ check: 'key', subject: provider.apiKeyEnv, status: 'fail', detail: 'not set' });
    return result;
  }
  rows.push({ check: 'key', subject: provider.apiKeyEnv, status: 'ok', detail: 'set (not shown)' });

  // The models the catalogue maps OpenAI's classes to, chat and embedding ones (others are not probed).
  const targets = [...new Set(Object.values(provider.modelMap).filter((t) => t && t !== 'none'))];
  const mapped = targets.map((id) => ({ id, model: findProviderModel(provider, id) })).filter((m) => m.model);
  const isEmbedding = (id: string) => provider.embeddingModels.some((m) => m.id === id);

  let listed: Set<string> | undefined;
  try {
    const reply = await call(`${baseUrl}/models`, key, timeoutMs);
    if (reply.status === 200 && Array.isArray(reply.json?.data)) {
      listed = new Set(reply.json.data.map((m: { id?: string }) => m.id));
      rows.push({ check: 'base URL', subject: baseUrl, status: 'ok', detail: `answers; /models lists ${listed.size} model(s)` });
    } else if (reply.status === 401 || reply.status === 403) {
      rows.push({ check: 'base URL', subject: baseUrl, status: 'fail', detail: `the key was refused: ${errorText(reply)}` });
      return result;
    } else {
      rows.push({ check: 'base URL', subject: baseUrl, status: 'warn', detail: `answers, but /models gave ${errorText(reply)}` });
    }
  } catch (error) {
    rows.push({ check: 'base URL', subject: baseUrl, status: 'fail', detail: failure(error, timeoutMs) });
    return result;
  }

  // A request the provider's dialect rules say it refuses is not a fair test of the model: a
  // thinking Qwen model answers only as a stream (qwen-thinking-stream-only), so it is asked for one.
  const refused = (id: string, body: Record<string, unknown>) => requestViolations(provider.id, id, body, '/chat/completions').some((v) => v.effect === 'rejected');
  const ask = (id: string) => ({ model: id, messages: [{ role: 'user', content: 'Reply with OK.' }], max_tokens: 32 });
  const streams = (id: string) => refused(id, ask(id)) && !refused(id, { ...ask(id), stream: true });

  const confirmed: string[] = [];
  const failed: Record<string, string> = {};
  for (const { id } of mapped) {
    if (listed) {
      if (listed.has(id)) rows.push({ check: 'in /models', subject: id, status: 'ok', detail: 'listed' });
      else rows.push({ check: 'in /models', subject: id, status: 'fail', detail: 'not listed for this key and region' });
    }
    try {
      const reply = isEmbedding(id)
        ? await call(`${baseUrl}/embeddings`, key, timeoutMs, { model: id, input: 'ping' })
        : await call(`${baseUrl}/chat/completions`, key, timeoutMs, streams(id) ? { ...ask(id), stream: true } : ask(id));
      const answered = isEmbedding(id) ? Array.isArray(reply.json?.data) : streams(id) ? /^data: *\{/m.test(reply.text) : Array.isArray(reply.json?.choices);
      const good = reply.status === 200 && answered;
      rows.push({ check: isEmbedding(id) ? 'embedding' : 'chat', subject: id, status: good ? 'ok' : 'fail', detail: good ? 'answered' : errorText(reply) });
      if (good && (!listed || listed.has(id))) confirmed.push(id);
      else failed[id] = good ? 'not in /models' : errorText(reply);
    } catch (error) {
      rows.push({ check: isEmbedding(id) ? 'embedding' : 'chat', subject: id, status: 'fail', detail: failure(error, timeoutMs) });
      failed[id] = failure(error, timeoutMs);
    }
  }

  const probes: Record<string, string> = {};
  // The probes send plain (non-streamed) requests: a model that answers those is preferred.
  const chatConfirmed = mapped.filter((m) => !isEmbedding(m.id) && confirmed.includes(m.id));
  const probeModel = (chatConfirmed.find((m) => !streams(m.id)) ?? chatConfirmed[0])?.id;
  if (options.probe) {
    if (!probeModel) rows.push({ check: 'probes', subject: '-', status: 'skip', detail: 'no chat model answered' });
    else {
      const probe = async (name: string, body: Record<string, unknown>, good: (reply: Reply) => boolean) => {
        try {
          const reply = await call(`${baseUrl}/chat/completions`, key, timeoutMs, { model: probeModel, max_tokens: 64, ...body });
          const passed = reply.status === 200 && good(reply);
          rows.push({ check: `probe ${name}`, subject: probeModel, status: passed ? 'ok' : 'warn', detail: passed ? 'works' : reply.status === 200 ? 'accepted, but the answer lacks it' : errorText(reply) });
          probes[name] = passed ? 'yes' : 'no';
        } catch (error) {
          rows.push({ check: `probe ${name}`, subject: probeModel, status: 'warn', detail: failure(error, timeoutMs) });
          probes[name] = 'unknown';
        }
      };
      const tool = { type: 'function', function: { name: 'get_time', description: 'Current time', parameters: { type: 'object', properties: { zone: { type: 'string' } }, required: ['zone'] } } };
      await probe('tools', { messages: [{ role: 'user', content: 'What time is it in Beijing? Use the tool.' }], tools: [tool] }, (r) => Array.isArray(r.json?.choices?.[0]?.message?.tool_calls));
      await probe('json', { messages: [{ role: 'user', content: 'Answer in JSON: {"ok": true}' }], response_format: { type: 'json_object' } }, (r) => {
        try {
          return typeof JSON.parse(r.json?.choices?.[0]?.message?.content ?? '') === 'object';
        } catch {
          return false;
        }
      });
      await probe('stream usage', { messages: [{ role: 'user', content: 'Reply with OK.' }], stream: true, stream_options: { include_usage: true } }, (r) =>
        r.text.split('\n').some((line) => line.startsWith('data: {') && /"usage"\s*:\s*\{/.test(line)),
      );
    }
  }

  result.ok = rows.every((r) => r.status !== 'fail');
  // `.migrate/` as apply makes it (0700, ignored by git); a temp name of this process, so two
  // doctors never write through each other's temp file.
  const lockFile = path.join(ensureMigrateDir(path.resolve(options.path)), 'provider-lock.json');
  const lock = { schemaVersion: 1, provider: provider.id, region: region.id, baseUrl, checkedAt: new Date().toISOString(), confirmed, failed, ...(options.probe ? { probes } : {}) };
  const temp = `${lockFile}.${process.pid}.tmp`;
  writeFileSync(temp, `${JSON.stringify(lock, null, 2)}\n`, { mode: 0o600 });
  renameSync(temp, lockFile);
  result.lockFile = lockFile;
  return result;
}

const MARK = { ok: '✓', fail: '✗', warn: '!', skip: '-' } as const;

/**
 * The rows keep English in JSON (a contract, as for findings); the text view says them in Chinese
 * under --lang zh. A provider's own error text (after "HTTP 400: ") is quoted as it came.
 */
const ZH_CHECKS: Array<[RegExp, string]> = [
  [/^key$/, '密钥'],
  [/^base URL$/, '接口地址'],
  [/^in \/models$/, '在 /models 中'],
  [/^embedding$/, '向量'],
  [/^chat$/, '对话'],
  [/^probes$/, '探测'],
  [/^probe (.+)$/, '探测 $1'],
];
const ZH_DETAILS: Array<[RegExp, string]> = [
  [/^not set$/, '未设置'],
  [/^set \(not shown\)$/, '已设置（不显示）'],
  [/^answers; \/models lists (\d+) model\(s\)$/, '可达；/models 列出 $1 个模型'],
  [/^the key was refused: /, '密钥被拒绝：'],
  [/^answers, but \/models gave /, '可达，但 /models 返回 '],
  [/^listed$/, '已列出'],
  [/^not listed for this key and region$/, '此密钥和地域下未列出'],
  [/^answered$/, '已作答'],
  [/^no chat model answered$/, '没有对话模型作答'],
  [/^works$/, '可用'],
  [/^accepted, but the answer lacks it$/, '请求被接受，但回答中没有该项'],
  [/^no answer within (\d+) ms$/, '$1 毫秒内无应答'],
  [/^cannot connect: /, '无法连接：'],
];

function inChinese(text: string, table: Array<[RegExp, string]>): string {
  for (const [pattern, replacement] of table) if (pattern.test(text)) return text.replace(pattern, replacement);
  return text;
}

export function renderDoctor(result: DoctorResult, lang: Lang = 'en'): string {
  const zh = lang === 'zh';
  const head = zh ? ['', '检查', '对象', '结果'] : ['', 'check', 'subject', 'result'];
  const rows = [head, ...result.rows.map((r) => [MARK[r.status], zh ? inChinese(r.check, ZH_CHECKS) : r.check, r.subject, zh ? inChinese(r.detail, ZH_DETAILS) : r.detail])];
  // Padded by columns: a Chinese character takes two.
  const widths = rows[0].map((_, i) => Math.max(...rows.map((r) => visibleWidth(r[i]))));
  const body = rows.map((r) => `  ${r.map((c, i) => pad(c, widths[i])).join('  ').trimEnd()}\n`).join('');
  const failures = result.rows.filter((r) => r.status === 'fail').length;
  const lock = result.lockFile ? (result.lockFile.startsWith(process.cwd() + path.sep) ? path.relative(process.cwd(), result.lockFile) : result.lockFile) : undefined;
  if (zh) {
    return (
      `banjia doctor：${result.provider}，接口 ${result.baseUrl}（在线检查；每个请求 ${result.timeoutMs} 毫秒超时）\n\n${body}\n` +
      (lock ? `已写入 ${lock}\n` : '') +
      (result.ok ? '通过：每个映射的模型都有应答\n' : `失败：${failures} 项检查未通过\n`)
    );
  }
  return (
    `banjia doctor: ${result.provider} at ${result.baseUrl} (live; each request times out after ${result.timeoutMs} ms)\n\n${body}\n` +
    (lock ? `Wrote ${lock}\n` : '') +
    (result.ok ? 'OK: the provider answers for every mapped model\n' : `FAIL: ${failures} check(s) failed\n`)
  );
}

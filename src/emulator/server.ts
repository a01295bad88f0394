/**
 * The provider emulator: a node:http server on 127.0.0.1 that answers like the provider as the
 * catalogue describes it — its path prefix, Bearer auth, its model ids, its constraints (rules.ts),
 * deterministic OpenAI-compatible answers (responses.ts) — and records every request (record.ts).
 * Also the OpenAI trap: a server that answers every request with an error and records it.
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { defaultRegion } from '../catalogue/index.js';
import type { Provider } from '../catalogue/schema.js';
import { Recorder, type RecordEntry } from './record.js';
import { chatAnswer, chatCompletion, chatStream, embeddings, errorBody, modelList, responsesAnswer } from './responses.js';
import { catalogueModel, endpointOf, judge, RULES, type EmulatedRequest, type Rule } from './rules.js';

/** Headers the verify preload adds; never part of the app's request. */
export const SOURCE_HEADER = 'x-banjia-source';
export const ORIGINAL_HOST_HEADER = 'x-banjia-original-host';

export interface EmulatorOptions {
  provider: Provider;
  region?: string;
  port?: number;
  /** JSON-lines file that receives every request. */
  record?: string;
  /** Shared with a trap server so one log holds both. */
  recorder?: Recorder;
  /** Accept only this key (default: any Bearer token). */
  apiKey?: string;
  /** Model ids to leave out of `/models` and refuse, as an account without access would. */
  hiddenModels?: string[];
  rules?: Rule[];
}

export interface RunningServer {
  /** The base URL to give the app (the provider's path prefix included). */
  url: string;
  port: number;
  recorder: Recorder;
  close(): Promise<void>;
}

/** The provider's path prefix, from the catalogue base URL (`/compatible-mode/v1`, `/api/v3`, '' …). */
export function pathPrefix(provider: Provider, region?: string): string {
  const chosen = (region && provider.regions.find((r) => r.id === region)) || defaultRegion(provider);
  return new URL(chosen.baseURL).pathname.replace(/\/+$/, '');
}

function readBody(req: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    req.on('error', reject);
  });
}

function sendJson(res: ServerResponse, status: number, value: unknown): void {
  const text = JSON.stringify(value);
  res.writeHead(status, { 'content-type': 'application/json; charset=utf-8', 'content-length': Buffer.byteLength(text) });
  res.end(text);
}

function authOf(req: IncomingMessage): { auth: RecordEntry['auth']; token?: string } {
  const header = req.headers.authorization;
  if (!header) return { auth: 'missing' };
  const match = /^Bearer\s+(\S+)\s*$/i.exec(header);
  return match ? { auth: 'bearer', token: match[1] } : { auth: 'other' };
}

function meta(req: IncomingMessage) {
  const source = req.headers[SOURCE_HEADER];
  const originalHost = req.headers[ORIGINAL_HOST_HEADER];
  return {
    ...(typeof source === 'string' && source ? { source } : {}),
    ...(typeof originalHost === 'string' && originalHost ? { originalHost } : {}),
  };
}

function listen(server: Server, port: number): Promise<number> {
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, '127.0.0.1', () => resolve((server.address() as AddressInfo).port));
  });
}

function closer(server: Server): () => Promise<void> {
  return () =>
    new Promise((resolve) => {
      server.closeAllConnections?.();
      server.close(() => resolve());
    });
}

export async function startEmulator(options: EmulatorOptions): Promise<RunningServer> {
  const { provider } = options;
  const prefix = pathPrefix(provider, options.region);
  const recorder = options.recorder ?? new Recorder(options.record);
  const rules = options.rules ?? RULES;
  const hidden = options.hiddenModels ?? [];

  const server = createServer(async (req, res) => {
    const method = req.method ?? 'GET';
    const fullPath = req.url ?? '/';
    const pathname = fullPath.replace(/\?.*$/, '');
    const { auth, token } = authOf(req);
    const base = { time: new Date().toISOString(), server: 'emulator' as const, method, path: pathname, auth, ...meta(req) };
    let text = '';
    try {
      text = await readBody(req);
    } catch {
      return;
    }
    const reject = (status: number, rule: string, message: string, code: string, extra: Partial<RecordEntry> = {}, param?: string) => {
      recorder.add({ ...base, ...extra, verdict: 'rejected', rule, status, message });
      sendJson(res, status, errorBody(message, code, param));
    };
    if (prefix && pathname !== prefix && !pathname.startsWith(`${prefix}/`)) {
      return reject(404, 'path-prefix', `no route ${pathname}: ${provider.name.en} serves under ${prefix}/`, 'not_found');
    }
    if (auth !== 'bearer') return reject(401, 'auth', 'Incorrect API key provided: send Authorization: Bearer <key>', 'invalid_api_key');
    if (options.apiKey !== undefined && token !== options.apiKey) return reject(401, 'auth', 'Incorrect API key provided', 'invalid_api_key');

    const path = pathname.slice(prefix.length) || '/';
    const isJson = /json/i.test(String(req.headers['content-type'] ?? '')) || (text.trim().startsWith('{') && method === 'POST');
    // eslint-disable-next-line @typescript-eslint/no-explicit-any
    let body: any;
    if (isJson && text.trim()) {
      try {
        body = JSON.parse(text);
      } catch {
        return reject(400, 'body-json', 'the request body is not valid JSON', 'invalid_request_error');
      }
    }
    const request: EmulatedRequest = { method, path, endpoint: endpointOf(method, path), body, headers: req.headers };
    const model = typeof body?.model === 'string' ? body.model : undefined;
    const detail: Partial<RecordEntry> = {
      endpoint: request.endpoint,
      ...(model ? { model } : {}),
      ...(body && typeof body === 'object' ? { fields: Object.keys(body) } : {}),
      ...(body?.stream === true ? { stream: true } : {}),
    };
    if (model && hidden.includes(model)) {
      return reject(404, 'model-unknown', `The model \`${model}\` does not exist or you do not have access to it`, 'model_not_found', detail, 'model');
    }
    const verdict = judge(provider, request, rules);
    if (verdict.verdict === 'rejected') {
      const v = verdict.violation!;
      return reject(v.status, verdict.rule!, v.message, v.code, detail, v.param);
    }
    const ok = (status = 200) => recorder.add({ ...base, ...detail, verdict: 'ok', status, ...(verdict.warnings ? { warnings: verdict.warnings } : {}) });
    switch (request.endpoint) {
      case 'models': {
        const id = decodeURIComponent(path.slice('/models/'.length));
        if (path.startsWith('/models/') && id) {
          const found = catalogueModel(provider, id);
          if (!found || found.status === 'retired' || hidden.includes(id)) return reject(404, 'model-unknown', `The model \`${id}\` does not exist`, 'model_not_found', detail);
          ok();
          return sendJson(res, 200, { id, object: 'model', created: 0, owned_by: provider.id });
        }
        ok();
        return sendJson(res, 200, modelList(provider, hidden));
      }
      case 'chat': {
        const answer = chatAnswer(provider, verdict.model, body);
        ok();
        if (body.stream === true) {
          res.writeHead(200, { 'content-type': 'text/event-stream; charset=utf-8', 'cache-control': 'no-cache', connection: 'keep-alive' });
          for (const event of chatStream(answer, body.model, body.stream_options?.include_usage === true)) res.write(event);
          return res.end();
        }
        return sendJson(res, 200, chatCompletion(answer, body.model, typeof body.n === 'number' ? body.n : 1));
      }
      case 'embeddings':
        ok();
        return sendJson(res, 200, embeddings(verdict.model, body));
      case 'responses':
        // Where the catalogue says 'no', endpoint-unsupported has already answered 404. Where it says
        // 'unknown', nothing shows the provider serves the endpoint at all: an emulated Responses
        // answer would let verify pass a call the provider may refuse (dialect rule
        // responses-unavailable), so the request falls through to "not proven" (501), as any request
        // the emulator cannot vouch for. Unknown parameters on a known endpoint stay accepted: there
        // the endpoint itself is proven.
        if (method === 'POST' && path === '/responses' && body?.stream !== true && provider.features.responses.support !== 'unknown') {
          ok();
          return sendJson(res, 200, responsesAnswer(provider, verdict.model, body));
        }
        break;
      default:
        break;
    }
    return reject(501, 'emulator-limit', `the emulator does not answer ${method} ${path} (the provider may): this request is not proven`, 'not_implemented', detail);
  });
  const port = await listen(server, options.port ?? 0);
  return { url: `http://127.0.0.1:${port}${prefix}`, port, recorder, close: closer(server) };
}

/** A server that stands in for OpenAI: records every request and refuses it (403, so SDKs do not retry). */
export async function startTrap(options: { recorder: Recorder; port?: number }): Promise<RunningServer> {
  const server = createServer(async (req, res) => {
    let model: string | undefined;
    try {
      const text = await readBody(req);
      const parsed = text.trim().startsWith('{') ? JSON.parse(text) : undefined;
      if (typeof parsed?.model === 'string') model = parsed.model;
    } catch {
      // not JSON: recorded without a model
    }
    const pathname = (req.url ?? '/').replace(/\?.*$/, '');
    const message = 'banjia verify caught this request: it was meant for OpenAI';
    options.recorder.add({ time: new Date().toISOString(), server: 'openai-trap', method: req.method ?? 'GET', path: pathname, ...(model ? { model } : {}), verdict: 'trapped', status: 403, message, auth: authOf(req).auth, ...meta(req) });
    sendJson(res, 403, errorBody(message, 'banjia_trap', undefined, 'banjia_trap'));
  });
  const port = await listen(server, options.port ?? 0);
  return { url: `http://127.0.0.1:${port}/v1`, port, recorder: options.recorder, close: closer(server) };
}

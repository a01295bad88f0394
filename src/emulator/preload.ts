/**
 * The module `migrate verify` preloads into the user's process (`NODE_OPTIONS=--import <file>`).
 * Node 20's `fetch` and `http`/`https` ignore proxy variables, so the module patches them: a
 * request for a routed host (OpenAI's, the provider's real one) goes to the local server instead,
 * over plain http, with two headers saying where it was going and which source line sent it.
 * It is kept as text and written to a temporary file, so it runs the same from src/ and dist/.
 */
export const ROUTES_ENV = 'BANJIA_VERIFY_ROUTES';

export interface Route {
  /** Exact hostnames, or suffixes starting with a dot. */
  hosts: string[];
  /** `http://127.0.0.1:<port>`. */
  target: string;
}

export function preloadSource(): string {
  return String.raw`// banjia verify preload: reroutes OpenAI and provider hosts to local servers. Generated; do not edit.
import http from 'node:http';
import https from 'node:https';
import { syncBuiltinESMExports } from 'node:module';

const routes = JSON.parse(process.env.${ROUTES_ENV} || '[]');
if (Error.stackTraceLimit < 50) Error.stackTraceLimit = 50;
const self = import.meta.url;

function routeFor(hostname) {
  const name = String(hostname || '').toLowerCase().replace(/^\[|\]$/g, '');
  return routes.find((r) => r.hosts.some((h) => (h.startsWith('.') ? name.endsWith(h) : name === h)));
}

function sourceLine() {
  const lines = (new Error().stack || '').split('\n').slice(1);
  for (const line of lines) {
    if (line.includes(self) || line.includes('node:') || line.includes('/node_modules/') || line.includes('(<anonymous>)')) continue;
    const m = /\(?((?:file:\/\/)?\/[^()\s]+:\d+:\d+)\)?\s*$/.exec(line);
    if (m) return m[1].replace(/^file:\/\//, '');
  }
  return '';
}

const originalFetch = globalThis.fetch;
if (typeof originalFetch === 'function') {
  globalThis.fetch = function banjiaFetch(input, init) {
    let url;
    try {
      url = new URL(typeof input === 'string' || input instanceof URL ? String(input) : input.url);
    } catch {
      return originalFetch(input, init);
    }
    const route = routeFor(url.hostname);
    if (!route) return originalFetch(input, init);
    const next = new URL(url.pathname + url.search, route.target);
    const isRequest = typeof Request !== 'undefined' && input instanceof Request;
    const headers = new Headers(init && init.headers ? init.headers : isRequest ? input.headers : undefined);
    headers.set('x-banjia-original-host', url.host);
    const source = sourceLine();
    if (source) headers.set('x-banjia-source', source);
    if (isRequest && !(init && 'body' in init)) {
      return originalFetch(next, { method: input.method, headers, body: input.body, duplex: 'half', signal: input.signal, ...init, headers });
    }
    return originalFetch(next, { ...init, headers });
  };
}

function split(args) {
  let url;
  let options = {};
  let callback;
  let i = 0;
  if (typeof args[0] === 'string' || args[0] instanceof URL) {
    url = new URL(String(args[0]));
    i = 1;
  }
  if (args[i] && typeof args[i] === 'object') options = args[i++];
  if (typeof args[i] === 'function') callback = args[i];
  return { url, options, callback };
}

function hostOf(url, options) {
  if (options.hostname) return String(options.hostname);
  if (options.host) return String(options.host).replace(/:\d+$/, '');
  return url ? url.hostname : 'localhost';
}

const originalHttpRequest = http.request;
function patch(mod, secure) {
  const original = mod.request;
  mod.request = function banjiaRequest(...args) {
    const { url, options, callback } = split(args);
    const host = hostOf(url, options);
    const route = routeFor(host);
    if (!route) return original.apply(this, args);
    const target = new URL(route.target);
    const path = options.path || (url ? url.pathname + url.search : '/');
    const port = options.port || (url && url.port) || (secure ? 443 : 80);
    const headers = { ...(options.headers && !Array.isArray(options.headers) ? options.headers : {}) };
    headers['x-banjia-original-host'] = port === 443 || port === 80 || port === '443' || port === '80' ? host : host + ':' + port;
    const source = sourceLine();
    if (source) headers['x-banjia-source'] = source;
    const next = {
      method: options.method || 'GET',
      path,
      headers,
      protocol: 'http:',
      hostname: target.hostname,
      port: target.port,
      ...(options.timeout !== undefined ? { timeout: options.timeout } : {}),
      ...(options.signal ? { signal: options.signal } : {}),
    };
    return callback ? originalHttpRequest(next, callback) : originalHttpRequest(next);
  };
  mod.get = function banjiaGet(...args) {
    const req = mod.request(...args);
    req.end();
    return req;
  };
}
patch(https, true);
patch(http, false);
syncBuiltinESMExports();
`;
}

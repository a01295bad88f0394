/**
 * Which calls are HTTP requests, bound by import: the global `fetch` (when no local declaration
 * shadows it), `node-fetch` / `cross-fetch`, `undici` (`fetch`, `request`), `axios` / `redaxios`
 * (callable, verb methods, `request`, instances from `axios.create`), `got` (callable, verbs,
 * `got.stream`, instances from `got.extend`), `ky` (callable, verbs, `ky.create` / `ky.extend`),
 * `ofetch` / Nuxt's `$fetch`, `@microsoft/fetch-event-source`, and the mini-program globals
 * `wx.request` / `uni.request`. For each, where the URL, headers and body of a call are.
 */
import { ts } from '../../analysis/ts.js';
import { propertyNameText, resolveName } from '../../analysis/scope.js';
import type { Unit } from '../../analysis/unit.js';
import { skipOuter, type Evaluator, type ModuleValue, type ObjectValue, type SdkValue, type Value } from '../../analysis/values.js';

/** `helper`: the project's own function called with an OpenAI URL (`fetchSSE(url, …)`). */
export type Library = 'fetch' | 'node-fetch' | 'undici' | 'axios' | 'got' | 'ky' | 'ofetch' | 'fetch-event-source' | 'mini-program' | 'helper';

/** How a library's call takes its arguments. */
type Style =
  | 'fetch' // (url, { method, headers, body })
  | 'axios' // (config) or (url, config)
  | 'axiosConfig' // (config)
  | 'axiosUrl' // (url, config)
  | 'axiosData' // (url, data, config)
  | 'got' // (url, options) or (options)
  | 'ky' // (url, options)
  | 'ofetch' // (url, { method, headers, body: object, baseURL })
  | 'miniProgram'; // ({ url, header, data, method })

export type Factory = 'axios' | 'got' | 'ky' | 'ofetch';

export interface Site {
  unit: Unit;
  expr: ts.Expression;
}

export type CalleeKind =
  | { kind: 'request'; library: Library; style: Style; method: string | undefined; instance: ts.CallExpression | undefined; instanceUnit: Unit | undefined }
  | { kind: 'factory'; library: Factory };

const FETCH_PACKAGES = new Set(['node-fetch', 'cross-fetch', 'isomorphic-fetch', 'isomorphic-unfetch', 'node-fetch-native', 'unfetch', '@whatwg-node/fetch']);
const AXIOS_PACKAGES = new Set(['axios', 'redaxios']);
const KY_PACKAGES = new Set(['ky', 'ky-universal']);
const VERBS = new Set(['get', 'post', 'put', 'patch', 'delete', 'head', 'options']);
const AXIOS_DATA_VERBS = new Set(['post', 'put', 'patch', 'postForm', 'putForm', 'patchForm']);

/** Module path without the leading `default` of an ESM default import or `require(...).default`. */
function pathOf(module: ModuleValue): string[] {
  return module.path[0] === 'default' ? module.path.slice(1) : module.path;
}

function libraryOf(specifier: string): Library | undefined {
  if (FETCH_PACKAGES.has(specifier)) return 'node-fetch';
  if (specifier === 'undici') return 'undici';
  if (AXIOS_PACKAGES.has(specifier)) return 'axios';
  if (specifier === 'got') return 'got';
  if (KY_PACKAGES.has(specifier)) return 'ky';
  if (specifier === 'ofetch') return 'ofetch';
  if (specifier === '@microsoft/fetch-event-source') return 'fetch-event-source';
  return undefined;
}

/** A call on a library module: `axios.post`, `got`, `undici.request`, `axios.create`. */
function moduleCallee(module: ModuleValue): CalleeKind | undefined {
  if (module.via === 'type') return undefined;
  const library = libraryOf(module.specifier);
  if (!library) return undefined;
  const path = pathOf(module);
  const request = (style: Style, method?: string): CalleeKind => ({ kind: 'request', library, style, method, instance: undefined, instanceUnit: undefined });
  switch (library) {
    case 'node-fetch':
      return path.length === 0 || (path.length === 1 && path[0] === 'fetch') ? request('fetch') : undefined;
    case 'undici':
      return path.length === 1 && (path[0] === 'fetch' || path[0] === 'request') ? request('fetch') : undefined;
    case 'fetch-event-source':
      return path.length === 1 && path[0] === 'fetchEventSource' ? request('fetch') : undefined;
    case 'axios':
      if (path.length === 0) return request('axios');
      if (path.length !== 1) return undefined;
      if (path[0] === 'create') return { kind: 'factory', library: 'axios' };
      if (path[0] === 'request') return request('axiosConfig');
      if (AXIOS_DATA_VERBS.has(path[0])) return request('axiosData', path[0].replace(/Form$/, '').toUpperCase());
      if (VERBS.has(path[0])) return request('axiosUrl', path[0].toUpperCase());
      return undefined;
    case 'got':
      if (path.length === 0) return request('got');
      if (path.length === 1 && path[0] === 'extend') return { kind: 'factory', library: 'got' };
      if (path.length === 1 && (VERBS.has(path[0]) || path[0] === 'stream')) return request('got', path[0] === 'stream' ? undefined : path[0].toUpperCase());
      if (path.length === 2 && path[0] === 'stream' && VERBS.has(path[1])) return request('got', path[1].toUpperCase());
      return undefined;
    case 'ky':
      if (path.length === 0) return request('ky');
      if (path.length === 1 && (path[0] === 'create' || path[0] === 'extend')) return { kind: 'factory', library: 'ky' };
      if (path.length === 1 && VERBS.has(path[0])) return request('ky', path[0].toUpperCase());
      return undefined;
    case 'ofetch':
      if (path.length === 1 && (path[0] === 'ofetch' || path[0] === '$fetch')) return request('ofetch');
      if (path.length === 0 && module.path[0] === 'default') return request('ofetch');
      if (path.length === 2 && (path[0] === 'ofetch' || path[0] === '$fetch') && path[1] === 'create') return { kind: 'factory', library: 'ofetch' };
      return undefined;
    default:
      return undefined;
  }
}

/** The factory behind an instance value (`axios.create(…)` → axios), if it is one of ours. */
export function factoryOf(value: SdkValue): Factory | undefined {
  if (value.op !== 'call') return undefined;
  const callee = moduleCallee(value.module);
  return callee?.kind === 'factory' ? callee.library : undefined;
}

/** A call through an instance: `api.post(...)`, `api(...)`, `api.request(...)`. */
function instanceCallee(value: SdkValue): CalleeKind | undefined {
  const factory = factoryOf(value);
  if (!factory) return undefined;
  const node = value.origin.node;
  if (!ts.isCallExpression(node)) return undefined;
  const path = value.path;
  const through = (style: Style, method?: string): CalleeKind => ({
    kind: 'request',
    library: factory,
    style,
    method,
    instance: node,
    instanceUnit: value.origin.unit,
  });
  if (path.length === 0) return through(factory === 'axios' ? 'axios' : factory === 'ofetch' ? 'ofetch' : factory);
  if (path.length !== 1) return undefined;
  const name = path[0];
  switch (factory) {
    case 'axios':
      if (name === 'request') return through('axiosConfig');
      if (AXIOS_DATA_VERBS.has(name)) return through('axiosData', name.replace(/Form$/, '').toUpperCase());
      if (VERBS.has(name)) return through('axiosUrl', name.toUpperCase());
      return undefined;
    case 'got':
    case 'ky':
      return VERBS.has(name) || (factory === 'got' && name === 'stream') ? through(factory, name === 'stream' ? undefined : name.toUpperCase()) : undefined;
    case 'ofetch':
      return name === 'raw' || name === 'native' ? through('ofetch') : undefined;
  }
}

function isGlobal(expr: ts.Expression, names: readonly string[]): boolean {
  return ts.isIdentifier(expr) && names.includes(expr.text) && !resolveName(expr);
}

/** Callees worth evaluating: identifiers and member calls with a request-like name. */
const MEMBER_NAMES = new Set([...VERBS, ...AXIOS_DATA_VERBS, 'request', 'create', 'extend', 'fetch', 'stream', 'fetchEventSource', 'ofetch', '$fetch', 'raw', 'native']);

/** What a call's callee is, when it is an HTTP request or an instance factory. */
export function classifyCallee(evaluator: Evaluator, unit: Unit, call: ts.CallExpression): CalleeKind | undefined {
  const callee = skipOuter(call.expression);
  // The global fetch (browsers, Node 18+, Deno, workers), unless a local declaration shadows it.
  if (isGlobal(callee, ['fetch'])) return { kind: 'request', library: 'fetch', style: 'fetch', method: undefined, instance: undefined, instanceUnit: undefined };
  // Nuxt auto-imports $fetch (ofetch).
  if (isGlobal(callee, ['$fetch'])) return { kind: 'request', library: 'ofetch', style: 'ofetch', method: undefined, instance: undefined, instanceUnit: undefined };
  if (ts.isPropertyAccessExpression(callee)) {
    const name = callee.name.text;
    if (name === 'fetch' && isGlobal(callee.expression, ['globalThis', 'window', 'self'])) {
      return { kind: 'request', library: 'fetch', style: 'fetch', method: undefined, instance: undefined, instanceUnit: undefined };
    }
    if (name === 'request' && isGlobal(callee.expression, ['wx', 'uni'])) {
      return { kind: 'request', library: 'mini-program', style: 'miniProgram', method: undefined, instance: undefined, instanceUnit: undefined };
    }
    if (!MEMBER_NAMES.has(name)) return undefined;
  } else if (!ts.isIdentifier(callee)) {
    return undefined;
  } else {
    const declaration = resolveName(callee);
    // Only names bound to something: an import, a require, a variable (an instance).
    if (!declaration || declaration.kind === 'function' || declaration.kind === 'class') return undefined;
  }
  return classifyValue(evaluator.evaluate(unit, callee));
}

function classifyValue(value: Value): CalleeKind | undefined {
  if (value.t === 'module') return moduleCallee(value);
  if (value.t === 'sdk') return instanceCallee(value);
  if (value.t === 'union') {
    for (const option of value.options) {
      const found = classifyValue(option);
      if (found) return found;
    }
  }
  return undefined;
}

/** Where one request's URL, base, headers and body are. */
export interface RequestParts {
  url: Site | undefined;
  /** A per-request base (axios config `baseURL`, got/ky `prefixUrl`, ofetch `baseURL`). */
  base: Site | undefined;
  headers: Site | undefined;
  /** The body: `json` = sent as JSON as it is (axios data, got/ky json); `raw` = a string, form or JSON.stringify(...). */
  body: (Site & { encoding: 'json' | 'raw' }) | undefined;
  method: string | undefined;
  /** The options object of the call, when it is one (for SSE callbacks and the like). */
  options: ObjectValue | undefined;
}

/** The initializer of an object literal's property (the last one wins; spreads are followed). */
export function propertySite(evaluator: Evaluator, object: ObjectValue, name: string, caseInsensitive = false, depth = 0): Site | undefined {
  const properties = object.node.properties;
  const wanted = caseInsensitive ? name.toLowerCase() : name;
  for (let i = properties.length - 1; i >= 0; i--) {
    const property = properties[i];
    if (ts.isSpreadAssignment(property)) {
      if (depth > 4) continue;
      const spread = evaluator.evaluate(object.unit, property.expression);
      if (spread.t === 'object') {
        const found = propertySite(evaluator, spread, name, caseInsensitive, depth + 1);
        if (found) return found;
      }
      continue;
    }
    const key = property.name ? propertyNameText(property.name) : undefined;
    if (key === undefined || (caseInsensitive ? key.toLowerCase() : key) !== wanted) continue;
    if (ts.isPropertyAssignment(property)) return { unit: object.unit, expr: property.initializer };
    if (ts.isShorthandPropertyAssignment(property)) return { unit: object.unit, expr: property.name };
    return undefined;
  }
  return undefined;
}

export function objectOf(evaluator: Evaluator, site: Site | undefined): ObjectValue | undefined {
  if (!site) return undefined;
  const value = evaluator.evaluate(site.unit, site.expr);
  return value.t === 'object' ? value : undefined;
}

function stringOf(evaluator: Evaluator, site: Site | undefined): string | undefined {
  if (!site) return undefined;
  const value = evaluator.evaluate(site.unit, site.expr);
  return value.t === 'string' ? value.value.toUpperCase() : undefined;
}

/** The parts of a request call, by library style. */
export function requestParts(evaluator: Evaluator, unit: Unit, call: ts.CallExpression, callee: Extract<CalleeKind, { kind: 'request' }>): RequestParts {
  const args = call.arguments;
  const site = (expr: ts.Expression | undefined): Site | undefined => (expr ? { unit, expr } : undefined);
  const parts: RequestParts = { url: undefined, base: undefined, headers: undefined, body: undefined, method: callee.method, options: undefined };
  const fromOptions = (options: ObjectValue | undefined, bodyNames: Array<[string, 'json' | 'raw']>, baseName?: string, headerName = 'headers') => {
    if (!options) return;
    parts.options = options;
    parts.headers = propertySite(evaluator, options, headerName);
    for (const [name, encoding] of bodyNames) {
      const body = propertySite(evaluator, options, name);
      if (body) {
        parts.body = { ...body, encoding };
        break;
      }
    }
    if (baseName) parts.base = propertySite(evaluator, options, baseName);
    parts.method ??= stringOf(evaluator, propertySite(evaluator, options, 'method'));
  };
  switch (callee.style) {
    case 'fetch':
      parts.url = site(args[0]);
      fromOptions(objectOf(evaluator, site(args[1])), [['body', 'raw']]);
      break;
    case 'ofetch':
      parts.url = site(args[0]);
      fromOptions(objectOf(evaluator, site(args[1])), [['body', 'json']], 'baseURL');
      break;
    case 'axios':
    case 'axiosConfig': {
      const first = objectOf(evaluator, site(args[0]));
      if (callee.style === 'axiosConfig' || first) {
        parts.url = first ? propertySite(evaluator, first, 'url') : undefined;
        fromOptions(first, [['data', 'json']], 'baseURL');
      } else {
        parts.url = site(args[0]);
        fromOptions(objectOf(evaluator, site(args[1])), [['data', 'json']], 'baseURL');
      }
      break;
    }
    case 'axiosUrl':
      parts.url = site(args[0]);
      fromOptions(objectOf(evaluator, site(args[1])), [], 'baseURL');
      break;
    case 'axiosData':
      parts.url = site(args[0]);
      fromOptions(objectOf(evaluator, site(args[2])), [], 'baseURL');
      if (args[1]) parts.body = { unit, expr: args[1], encoding: 'json' };
      break;
    case 'got':
    case 'ky': {
      const first = objectOf(evaluator, site(args[0]));
      const bodies: Array<[string, 'json' | 'raw']> = [['json', 'json'], ['body', 'raw']];
      if (first && callee.style === 'got') {
        parts.url = propertySite(evaluator, first, 'url');
        fromOptions(first, bodies, 'prefixUrl');
      } else {
        parts.url = site(args[0]);
        fromOptions(objectOf(evaluator, site(args[1])), bodies, 'prefixUrl');
      }
      break;
    }
    case 'miniProgram': {
      const config = objectOf(evaluator, site(args[0]));
      if (config) parts.url = propertySite(evaluator, config, 'url');
      fromOptions(config, [['data', 'json']], undefined, 'header');
      break;
    }
  }
  return parts;
}

/** Where an instance's defaults are: base URL and headers (`axios.create({ baseURL, headers })`). */
export function instanceParts(evaluator: Evaluator, unit: Unit, call: ts.CallExpression, library: Factory): { options: ObjectValue | undefined; base: Site | undefined; headers: Site | undefined } {
  const options = objectOf(evaluator, call.arguments[0] ? { unit, expr: call.arguments[0] } : undefined);
  if (!options) return { options, base: undefined, headers: undefined };
  const baseName = library === 'axios' || library === 'ofetch' ? 'baseURL' : 'prefixUrl';
  return { options, base: propertySite(evaluator, options, baseName), headers: propertySite(evaluator, options, 'headers') };
}

/** `JSON.stringify(x)` → x; a local variable holding it is followed. */
export function unwrapJsonBody(unit: Unit, expression: ts.Expression, depth = 0): ts.Expression {
  const expr = skipOuter(expression);
  if (depth < 4 && ts.isIdentifier(expr)) {
    const declaration = resolveName(expr);
    if (declaration?.kind === 'variable' && declaration.path.length === 0 && declaration.node.initializer) {
      const inner = skipOuter(declaration.node.initializer);
      if (ts.isCallExpression(inner) && isJsonStringify(inner)) return unwrapJsonBody(unit, declaration.node.initializer, depth + 1);
    }
    return expr;
  }
  if (ts.isCallExpression(expr) && isJsonStringify(expr) && expr.arguments[0]) return expr.arguments[0];
  return expr;
}

function isJsonStringify(call: ts.CallExpression): boolean {
  const callee = skipOuter(call.expression);
  return ts.isPropertyAccessExpression(callee) && callee.name.text === 'stringify' && isGlobal(callee.expression, ['JSON']);
}

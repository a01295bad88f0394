/**
 * Detection of raw HTTP requests to OpenAI: calls of fetch / node-fetch / undici / axios / got / ky /
 * ofetch (bound by import; `fetch` is the global unless declared locally) whose URL starts with
 * `https://api.openai.com`, the clients made with `axios.create` / `got.extend` / `ky.create` on
 * that base, the URL literals and constants that hold it, dev-server proxy targets, the request
 * body (model ids, fields the capability lint checks), the Authorization header's key, and SSE
 * parsing of streamed responses. Requests to other hosts are not reported; a URL built from an
 * OpenAI env variable is reported as routed. Read-only.
 */
import { ts } from '../../analysis/ts.js';
import { resolveName } from '../../analysis/scope.js';
import { isInside, locationOf, lineColumn, nodeRange, structuralNodes, type Unit } from '../../analysis/unit.js';
import { possibleStrings, skipOuter, type EnvValue, type Evaluator, type ObjectValue, type Value } from '../../analysis/values.js';
import { isOpenAiModelId } from '../../catalogue/index.js';
import type { ApiFamily } from '../../core/types.js';
import { readsUsage, requestFacts, type RequestFacts } from '../shared/request.js';
import type { DetectContext, Detection } from '../types.js';
import { classifyCallee, instanceParts, objectOf, propertySite, requestParts, unwrapJsonBody, type Factory, type Library, type Site } from './clients.js';
import { familyOfPath, joinBase, openAiUrl, shapeText, urlShapes, type FamilyRule, type OpenAiUrl, type Piece, type TextPiece, type UrlShape } from './url.js';
import * as text from './messages.js';
import { calledFunction, enclosingFunction, helperCallee, helperDetection, hostRequest, parameterRequests, wireRequest, type HelperPayload } from './helpers.js';

export const SDK = 'http';

/** Where a URL sends requests. */
export type Destination =
  | { to: 'openai'; urls: OpenAiUrl[]; overrides: EnvValue[] }
  | { to: 'configurable'; env: EnvValue; rest: string }
  | { to: 'elsewhere' };

export interface KeyFacts {
  kind: 'env' | 'literal' | 'other' | 'absent';
  /** Env reads in the Authorization value. */
  envs: EnvValue[];
  /** A hard-coded key: the literal that holds it; `prefix` is the text before the key in it ('Bearer '). */
  literal?: { piece: TextPiece; prefix: string };
  /** The Authorization value, for messages. */
  site?: Site;
  /** Which headers it came from. */
  from?: 'request' | 'instance';
}

export interface InstanceInfo {
  unit: Unit;
  node: ts.CallExpression;
  library: Factory;
  destination: Destination;
  base: Site | undefined;
  key: KeyFacts;
  /** The requests made through it (filled while files are walked). */
  requests: RequestInfo[];
}

export interface SseFacts {
  /** 1-based line of the `data:` prefix handling, if found near the request. */
  dataLine: number | undefined;
  done: boolean;
  library: boolean;
}

export interface ModelSite {
  unit: Unit;
  literal: ts.StringLiteralLike;
  value: string;
}

export interface RequestInfo {
  unit: Unit;
  node: ts.CallExpression;
  library: Library;
  method: string | undefined;
  urls: OpenAiUrl[];
  overrides: EnvValue[];
  /** The display URL (`https://api.openai.com/v1/chat/completions`). */
  display: string;
  path: string | undefined;
  rule: FamilyRule | undefined;
  facts: RequestFacts;
  key: KeyFacts;
  instance: InstanceInfo | undefined;
  models: ModelSite[];
  modelEnv: string[];
  modelDynamic: string | undefined;
}

export interface EndpointInfo {
  piece: TextPiece;
  /** Every OpenAI URL seen through this literal, with the request that used it (if any). */
  uses: Array<{ url: OpenAiUrl; request: RequestInfo | undefined }>;
  overrides: EnvValue[];
  proxy: boolean;
}

export type HttpPayload =
  | { type: 'request'; request: RequestInfo }
  | { type: 'routedRequest'; unit: Unit; node: ts.CallExpression; destination: Extract<Destination, { to: 'configurable' }> }
  | { type: 'instance'; instance: InstanceInfo }
  | { type: 'routedInstance'; instance: InstanceInfo }
  | { type: 'endpoint'; endpoint: EndpointInfo }
  | { type: 'model'; site: ModelSite; request: RequestInfo }
  | { type: 'authHeader'; key: KeyFacts; request: RequestInfo | undefined; instance: InstanceInfo | undefined }
  | { type: 'sse'; request: RequestInfo; sse: SseFacts }
  | { type: 'helper'; helper: HelperPayload }
  | { type: 'requestUrl' };

export type HttpDetection = Detection<HttpPayload>;

/** What one scan has collected: endpoints and instances are reported once, after every file. */
interface RunState {
  endpoints: Map<ts.Node, EndpointInfo>;
  instances: Map<ts.Node, InstanceInfo>;
  /** Functions that send an OpenAI request, with where: their callers are reported in finish. */
  senders: Map<ts.Node, { name: string; file: string; line: number; toOpenAi: boolean }>;
  /** Calls already reported as requests (a helper's inner request found from two callers). */
  reported: Set<ts.Node>;
  /** Whether any file of the scan writes an OpenAI host: without one no helper call reaches it. */
  hostsWritten: boolean;
}

const runs = new WeakMap<DetectContext, RunState>();

function stateOf(context: DetectContext): RunState {
  let state = runs.get(context);
  if (!state) {
    state = { endpoints: new Map(), instances: new Map(), senders: new Map(), reported: new Set(), hostsWritten: context.hostsWritten() };
    runs.set(context, state);
  }
  return state;
}

function contains(outer: { unit: Unit; node: ts.Node }, piece: { unit: Unit; node: ts.Node }): boolean {
  return outer.unit === piece.unit && piece.node.pos >= outer.node.pos && piece.node.end <= outer.node.end;
}

/** Where the shapes of a URL go: OpenAI (any alternative), an OpenAI env variable, or elsewhere. */
export function destinationOf(shapes: UrlShape[], keyEnvs: EnvValue[] = []): Destination {
  const urls = shapes.map(openAiUrl).filter((u): u is OpenAiUrl => u !== undefined);
  const leading = shapes.map((s) => s.pieces[0]).filter((p): p is Extract<Piece, { kind: 'env' }> => p?.kind === 'env');
  if (urls.length) return { to: 'openai', urls, overrides: leading.map((p) => p.env) };
  // A base from an env variable named for OpenAI (or a request keyed by one) is a configurable OpenAI endpoint.
  const named = leading.find((p) => /OPENAI/i.test(p.env.name)) ?? (keyEnvs.some((e) => /OPENAI/i.test(e.name)) ? leading[0] : undefined);
  if (named) {
    const shape = shapes.find((s) => s.pieces[0] === named)!;
    return { to: 'configurable', env: named.env, rest: shapeText({ pieces: shape.pieces.slice(1), originOnly: false }) };
  }
  return { to: 'elsewhere' };
}

// ---------------------------------------------------------------------------------------------
// The Authorization header

function headersObject(evaluator: Evaluator, site: Site): ObjectValue | undefined {
  const expr = skipOuter(site.expr);
  // new Headers({ ... })
  if (ts.isNewExpression(expr) && ts.isIdentifier(expr.expression) && expr.expression.text === 'Headers' && !resolveName(expr.expression)) {
    return objectOf(evaluator, expr.arguments?.[0] ? { unit: site.unit, expr: expr.arguments[0] } : undefined);
  }
  return objectOf(evaluator, site);
}

function keyFacts(context: DetectContext, sources: Array<{ site: Site | undefined; from: 'request' | 'instance' }>): KeyFacts {
  const { evaluator } = context;
  for (const { site, from } of sources) {
    if (!site) continue;
    const headers = headersObject(evaluator, site);
    if (!headers) return { kind: 'other', envs: [], from };
    const auth = propertySite(evaluator, headers, 'authorization', true);
    if (!auth) continue;
    const shapes = urlShapes(evaluator, auth.unit, auth.expr);
    const envs: EnvValue[] = [];
    for (const shape of shapes) for (const piece of shape.pieces) if (piece.kind === 'env' && !envs.includes(piece.env)) envs.push(piece.env);
    if (envs.length) return { kind: 'env', envs, site: auth, from };
    const literal = hardCodedKey(shapes);
    if (literal) return { kind: 'literal', envs, literal, site: auth, from };
    return { kind: 'other', envs, site: auth, from };
  }
  return { kind: 'absent', envs: [] };
}

/** Tells the env module which variables hold the key of an OpenAI request, whatever their names. */
function noteFeeds(context: DetectContext, key: KeyFacts): void {
  for (const env of key.envs) context.noteEnvFeed({ env, role: 'key' });
}

/** `'Bearer sk-…'` or `'Bearer ' + 'sk-…'`: the literal that holds a key written in the code. */
function hardCodedKey(shapes: UrlShape[]): KeyFacts['literal'] {
  for (const shape of shapes) {
    if (!shape.pieces.length || shape.pieces.some((p) => p.kind !== 'text')) continue;
    const pieces = shape.pieces as TextPiece[];
    const whole = pieces.map((p) => p.value).join('');
    const match = /^(\s*Bearer\s+)?(.*)$/i.exec(whole)!;
    const key = match[2].trim();
    if (!key) continue;
    // The key sits in one literal: the whole value, or the piece after 'Bearer '.
    const holder = pieces.find((p) => p.value.includes(key));
    if (!holder) continue;
    const prefix = holder.value.slice(0, holder.value.indexOf(key));
    return { piece: holder, prefix };
  }
  return undefined;
}

// ---------------------------------------------------------------------------------------------
// Instances (axios.create, got.extend, ky.create, ofetch.create)

function analyzeInstance(context: DetectContext, unit: Unit, node: ts.CallExpression, library: Factory): InstanceInfo {
  const state = stateOf(context);
  const cached = state.instances.get(node);
  if (cached) return cached;
  const { evaluator } = context;
  const parts = instanceParts(evaluator, unit, node, library);
  const key = keyFacts(context, [{ site: parts.headers, from: 'instance' }]);
  const shapes = parts.base ? urlShapes(evaluator, parts.base.unit, parts.base.expr) : [];
  const destination = shapes.length ? destinationOf(shapes, key.envs) : ({ to: 'elsewhere' } as Destination);
  const info: InstanceInfo = { unit, node, library, destination, base: parts.base, key, requests: [] };
  state.instances.set(node, info);
  // Only a client on OpenAI (or on an OpenAI env variable) says what its key variable is for.
  if (destination.to !== 'elsewhere') noteFeeds(context, key);
  if (destination.to === 'openai') {
    for (const url of destination.urls) if (!contains(info, url.host)) noteEndpoint(state, url, undefined, destination.overrides, false);
  }
  return info;
}

function noteEndpoint(state: RunState, url: OpenAiUrl, request: RequestInfo | undefined, overrides: EnvValue[], proxy: boolean): void {
  let endpoint = state.endpoints.get(url.host.node);
  if (!endpoint) {
    endpoint = { piece: url.host, uses: [], overrides: [], proxy };
    state.endpoints.set(url.host.node, endpoint);
  }
  endpoint.uses.push({ url, request });
  for (const env of overrides) if (!endpoint.overrides.some((e) => e.name === env.name)) endpoint.overrides.push(env);
}

// ---------------------------------------------------------------------------------------------
// Requests

function modelValueOf(evaluator: Evaluator, facts: RequestFacts): Value | undefined {
  if (!facts.model) return undefined;
  const property = facts.model.property;
  const init = ts.isShorthandPropertyAssignment(property) ? property.name : ts.isPropertyAssignment(property) ? property.initializer : undefined;
  const inner = init ? skipOuter(init) : undefined;
  // `const { model = 'gpt-4o-mini' } = settings`: the default is the literal that reaches the body.
  if (inner && ts.isIdentifier(inner)) {
    const declaration = resolveName(inner);
    const element = declaration && (declaration.kind === 'variable' || declaration.kind === 'parameter') ? declaration.name.parent : undefined;
    if (element && ts.isBindingElement(element) && element.initializer) {
      const fallback = evaluator.evaluate(facts.object!.unit, element.initializer);
      return { t: 'union', options: [facts.model.value, fallback] };
    }
  }
  return facts.model.value;
}

/** `form.append('model', 'whisper-1')` on the FormData sent as the body. */
function formModels(evaluator: Evaluator, unit: Unit, body: ts.Expression): Value[] {
  const expr = skipOuter(body);
  if (!ts.isIdentifier(expr)) return [];
  const declaration = resolveName(expr);
  if (declaration?.kind !== 'variable' || declaration.path.length !== 0 || !declaration.node.initializer) return [];
  const init = skipOuter(declaration.node.initializer);
  if (!ts.isNewExpression(init) || !/FormData$/.test(init.expression.getText(unit.sf))) return [];
  let scope: ts.Node = declaration.node;
  while (scope.parent && !ts.isFunctionLike(scope) && !ts.isSourceFile(scope)) scope = scope.parent;
  const found: Value[] = [];
  const visit = (node: ts.Node): void => {
    if (ts.isCallExpression(node) && ts.isPropertyAccessExpression(node.expression) && (node.expression.name.text === 'append' || node.expression.name.text === 'set')) {
      const receiver = skipOuter(node.expression.expression);
      const [name, value] = node.arguments;
      if (ts.isIdentifier(receiver) && resolveName(receiver)?.node === declaration.node && name && ts.isStringLiteralLike(name) && name.text === 'model' && value) {
        found.push(evaluator.evaluate(unit, value));
      }
    }
    ts.forEachChild(node, visit);
  };
  visit(scope);
  return found;
}

/**
 * How the code reads a request's event stream: the `data:` handling and the [DONE] check in the
 * request's function, or, for a request that asks to stream, anywhere in its file (the parser is
 * often a function of its own, `readStream(res)`).
 */
function sseFacts(call: ts.CallExpression, unit: Unit, library: Library, streams = false): SseFacts | undefined {
  let scope: ts.Node = call;
  while (scope.parent && !ts.isFunctionLike(scope) && !ts.isSourceFile(scope)) scope = scope.parent;
  const near = sseFactsIn(scope, unit, library);
  return near || !streams || ts.isSourceFile(scope) ? near : sseFactsIn(unit.sf, unit, library);
}

function sseFactsIn(scope: ts.Node, unit: Unit, library: Library): SseFacts | undefined {
  let dataNode: ts.Node | undefined;
  let done = false;
  const visit = (node: ts.Node): void => {
    if (ts.isStringLiteralLike(node)) {
      if (/^data:/.test(node.text)) dataNode ??= node;
      if (node.text.includes('[DONE]')) done = true;
    } else if (ts.isRegularExpressionLiteral(node)) {
      if (/^\/\^?\s*data:/.test(node.text)) dataNode ??= node;
      if (node.text.includes('\\[DONE\\]')) done = true;
    }
    ts.forEachChild(node, visit);
  };
  visit(scope);
  const isLibrary = library === 'fetch-event-source';
  if (!dataNode && !done && !isLibrary) return undefined;
  const dataLine = dataNode ? lineColumn(unit.text, nodeRange(unit, dataNode).start).line : undefined;
  return { dataLine, done, library: isLibrary };
}

function analyzeRequest(context: DetectContext, unit: Unit, node: ts.CallExpression, callee: Extract<ReturnType<typeof classifyCallee>, { kind: 'request' }>): HttpDetection[] {
  const { evaluator } = context;
  const parts = requestParts(evaluator, unit, node, callee);
  const instance = callee.instance && callee.instanceUnit ? analyzeInstance(context, callee.instanceUnit, callee.instance, callee.library as Factory) : undefined;
  let shapes = parts.url ? urlShapes(evaluator, parts.url.unit, parts.url.expr) : [];
  // A request's own base wins over its instance's.
  const base = parts.base ?? instance?.base;
  if (base) shapes = joinBase(urlShapes(evaluator, base.unit, base.expr), shapes.length ? shapes : [{ pieces: [], originOnly: false }]);
  if (!shapes.length) return [];
  let key = keyFacts(context, [{ site: parts.headers, from: 'request' }]);
  if (key.kind === 'absent' && instance) key = instance.key;
  const destination = destinationOf(shapes, key.envs);
  if (destination.to === 'elsewhere') return [];
  noteFeeds(context, key);
  if (destination.to === 'configurable') {
    return [
      {
        sdk: SDK,
        ruleId: 'http/requestRouted',
        kind: 'routed',
        location: locationOf(unit, node),
        message: text.requestRouted(destination.env.name, libraryName(callee.library)),
        reason: text.routedReason(),
        payload: { type: 'routedRequest', unit, node, destination },
      },
    ];
  }
  for (const env of destination.overrides) context.noteEnvFeed({ env, role: 'baseURL' });

  const url = destination.urls[0];
  const rule = familyOfPath(url.path);
  const bodyExpr = parts.body ? (parts.body.encoding === 'raw' ? unwrapJsonBody(parts.body.unit, parts.body.expr) : parts.body.expr) : undefined;
  const facts = requestFacts(evaluator, parts.body?.unit ?? unit, bodyExpr);
  facts.usageRead = readsUsage(node);
  const modelValues: Value[] = [];
  const modelValue = modelValueOf(evaluator, facts);
  if (modelValue) modelValues.push(modelValue);
  if (bodyExpr && parts.body && !facts.object) modelValues.push(...formModels(evaluator, parts.body.unit, bodyExpr));
  const models: ModelSite[] = [];
  const modelEnv: string[] = [];
  let modelDynamic: string | undefined;
  for (const value of modelValues) {
    const { strings, envs, others } = possibleStrings(value);
    modelEnv.push(...envs.map((e) => e.name));
    for (const env of envs) context.noteEnvFeed({ env, role: 'model' });
    for (const s of strings) {
      const literal = s.origin.node;
      if ((ts.isStringLiteral(literal) || ts.isNoSubstitutionTemplateLiteral(literal)) && !models.some((m) => m.literal === literal)) {
        models.push({ unit: s.origin.unit, literal, value: s.value });
      }
    }
    if ((others.length || (!strings.length && !envs.length)) && facts.model) modelDynamic = facts.model.property.getText(facts.object!.unit.sf);
  }

  const display = shapeText(url.shape);
  const method = parts.method ?? (parts.body ? 'POST' : undefined);
  const request: RequestInfo = {
    unit,
    node,
    library: callee.library,
    method,
    urls: destination.urls,
    overrides: destination.overrides,
    display,
    path: url.path,
    rule,
    facts,
    key,
    instance,
    models,
    modelEnv,
    modelDynamic,
  };
  instance?.requests.push(request);
  const state = stateOf(context);
  for (const u of destination.urls) {
    const owned = contains({ unit, node }, u.host) || (instance && contains(instance, u.host));
    if (!owned) noteEndpoint(state, u, request, destination.overrides, false);
  }

  const openaiModel = models.find((m) => isOpenAiModelId(m.value))?.value;
  const family: ApiFamily = rule?.family ?? 'other';
  const detections: HttpDetection[] = [
    {
      sdk: SDK,
      ruleId: rule?.ruleId ?? 'http/request',
      kind: 'call',
      location: locationOf(unit, node),
      message: text.request(rule, method, display, callee.library === 'helper' ? node.expression.getText(unit.sf).replace(/\s+/g, '') : libraryName(callee.library)),
      reason: text.requestReason(rule),
      ...(openaiModel ? { model: openaiModel } : {}),
      usage: {
        call: `${method ?? 'POST'} ${url.path ?? display}`,
        family,
        ...(openaiModel ? { model: openaiModel } : {}),
        stream: facts.stream === true,
        ...(facts.promptText ? { promptText: facts.promptText } : {}),
      ...(facts.promptText && !facts.promptDynamic ? { promptComplete: true } : {}),
        ...(facts.maxTokens !== undefined ? { maxTokens: facts.maxTokens } : {}),
      },
      payload: { type: 'request', request },
    },
  ];
  const built = parts.url ? urlVariable(parts.url) : undefined;
  if (built) {
    detections.push({
      sdk: SDK,
      ruleId: 'http/requestUrl',
      kind: 'option',
      location: locationOf(parts.url!.unit, built),
      message: text.requestUrl(display, locationOf(unit, node).line),
      reason: text.requestUrlReason(),
      payload: { type: 'requestUrl' },
    });
  }
  for (const site of models) {
    if (!isOpenAiModelId(site.value)) continue;
    detections.push({
      sdk: SDK,
      ruleId: 'http/model',
      kind: 'model',
      location: locationOf(site.unit, site.literal),
      message: text.modelId(site.value),
      reason: text.modelReason(),
      model: site.value,
      payload: { type: 'model', site, request },
    });
  }
  if (key.kind === 'literal' && key.literal && key.from === 'request') {
    detections.push(authHeaderDetection(key, request, undefined));
  }
  const sse = facts.stream !== false ? sseFacts(node, unit, callee.library, facts.stream === true) : undefined;
  if (sse && (facts.stream === true || sse.library || sse.dataLine !== undefined)) {
    detections.push({
      sdk: SDK,
      ruleId: 'http/sseStream',
      kind: 'capability',
      // Reported at the request, whose stream it is; the message names the parsing line.
      location: locationOf(unit, node),
      message: text.sse(sse),
      reason: text.sseReason(),
      payload: { type: 'sse', request, sse },
    });
  }
  return detections;
}

function authHeaderDetection(key: KeyFacts, request: RequestInfo | undefined, instance: InstanceInfo | undefined): HttpDetection {
  const piece = key.literal!.piece;
  return {
    sdk: SDK,
    ruleId: 'http/authHeader',
    kind: 'option',
    location: locationOf(piece.unit, piece.node),
    message: text.hardCodedKey(),
    reason: text.hardCodedKeyReason(),
    payload: { type: 'authHeader', key, request, instance },
  };
}

export function libraryName(library: Library): string {
  switch (library) {
    case 'fetch':
      return 'fetch';
    case 'mini-program':
      return 'wx.request';
    case 'fetch-event-source':
      return 'fetchEventSource';
    default:
      return library;
  }
}

// ---------------------------------------------------------------------------------------------
// Dev-server and middleware proxies: { target: 'https://api.openai.com' }

const PROXY_PACKAGES = new Set(['http-proxy-middleware', 'http-proxy', 'express-http-proxy']);

function isProxyTarget(evaluator: Evaluator, unit: Unit, property: ts.PropertyAssignment): boolean {
  const object = property.parent;
  if (!ts.isObjectLiteralExpression(object)) return false;
  const holder = object.parent;
  // server.proxy: { '/openai': { target } } (Vite, webpack-dev-server, Vue CLI)
  if (ts.isPropertyAssignment(holder) && ts.isObjectLiteralExpression(holder.parent)) {
    const proxy = holder.parent.parent;
    if (ts.isPropertyAssignment(proxy) && proxy.name.getText(unit.sf).replace(/['"]/g, '') === 'proxy') return true;
  }
  // createProxyMiddleware({ target }), httpProxy.createProxyServer({ target })
  if (ts.isCallExpression(holder) && holder.arguments.includes(object)) {
    const callee = evaluator.evaluate(unit, holder.expression);
    return callee.t === 'module' && PROXY_PACKAGES.has(callee.specifier);
  }
  return false;
}

// ---------------------------------------------------------------------------------------------

export function detectHttp(unit: Unit, context: DetectContext): HttpDetection[] {
  const detections: HttpDetection[] = [];
  const { evaluator } = context;
  const state = stateOf(context);
  const visit = (node: ts.Node): void => {
    if (ts.isCallExpression(node)) {
      // A helper can only reach OpenAI's URL if one is written somewhere in the scanned code.
      const callee = classifyCallee(evaluator, unit, node) ?? (state.hostsWritten ? helperCallee(evaluator, unit, node) : undefined);
      if (callee?.kind === 'factory') analyzeInstance(context, unit, node, callee.library);
      else {
        const found = callee?.kind === 'request' ? analyzeRequest(context, unit, node, callee) : [];
        const helper = found.length ? undefined : (hostRequest(evaluator, unit, node) ?? wireRequest(evaluator, unit, node, node.arguments[0]));
        if (helper) {
          found.push(helperFinding(helper));
          if (helper.type === 'hostRequest') {
            const fn = calledFunction(evaluator, unit, node);
            const caller = `${unit.path}:${locationOf(unit, node).line}`;
            if (fn) for (const inner of parameterRequests(evaluator, fn, caller)) if (!state.reported.has(inner.node)) found.push(helperFinding(inner));
          }
        }
        for (const detection of found) noteSender(state, detection);
        detections.push(...found);
      }
    } else if (ts.isPropertyAssignment(node) && node.name.getText(unit.sf) === 'target' && isProxyTarget(evaluator, unit, node)) {
      for (const shape of urlShapes(evaluator, unit, node.initializer)) {
        const url = openAiUrl(shape);
        if (url) noteEndpoint(state, url, undefined, [], true);
      }
    }
    ts.forEachChild(node, visit);
  };
  visit(unit.sf);
  return detections;
}

/** `const url = `${this._apiBaseUrl}/chat/completions``, passed to the request by name: where the URL is built. */
function urlVariable(site: { unit: Unit; expr: ts.Expression }): ts.Expression | undefined {
  const expr = skipOuter(site.expr);
  if (!ts.isIdentifier(expr)) return undefined;
  const declaration = resolveName(expr);
  const init = declaration?.kind === 'variable' && declaration.path.length === 0 ? declaration.node.initializer : undefined;
  if (!init) return undefined;
  const inner = skipOuter(init);
  return ts.isTemplateExpression(inner) || (ts.isBinaryExpression(inner) && inner.operatorToken.kind === ts.SyntaxKind.PlusToken) ? inner : undefined;
}

function helperFinding(helper: HelperPayload): HttpDetection {
  return { sdk: SDK, ...helperDetection(helper), payload: { type: 'helper', helper } };
}

/** Remembers the request and the named function that sends it, so that its callers are found too. */
function noteSender(state: RunState, detection: HttpDetection): void {
  if (detection.kind !== 'call') return;
  const node = detection.payload.type === 'request' ? detection.payload.request.node : detection.payload.type === 'helper' ? detection.payload.helper.node : undefined;
  if (!node) return;
  state.reported.add(node);
  // A request in a closure (a Promise executor, a callback) is sent by the named function around it.
  let fn = enclosingFunction(node);
  for (let steps = 0; fn && !functionName(fn) && steps < 6; steps++) fn = enclosingFunction(fn);
  const name = fn ? functionName(fn) : undefined;
  if (!fn || !name || state.senders.has(fn)) return;
  const toOpenAi = detection.payload.type === 'request';
  state.senders.set(fn, { name, file: detection.location.file, line: detection.location.line, toOpenAi });
}

function functionName(fn: ts.SignatureDeclaration): string | undefined {
  if (fn.name && (ts.isIdentifier(fn.name) || ts.isPrivateIdentifier(fn.name))) return fn.name.text;
  const parent = fn.parent;
  if (parent && ts.isVariableDeclaration(parent) && ts.isIdentifier(parent.name)) return parent.name.text;
  if (parent && ts.isPropertyAssignment(parent) && ts.isIdentifier(parent.name)) return parent.name.text;
  return undefined;
}

/**
 * After every file, the project's own way into those requests: calls of a function that sends one,
 * `new` of a class whose methods send to OpenAI (a hand-written or vendored client), and imports
 * of either from another module.
 */
function wrapperUses(context: DetectContext, state: RunState): HttpDetection[] {
  if (!state.senders.size) return [];
  const names = new Set([...state.senders.values()].map((s) => s.name));
  const classes = new Map<ts.Node, { name: string; file: string; line: number }>();
  for (const [fn, sender] of state.senders) {
    const cls = fn.parent;
    if (sender.toOpenAi && cls && ts.isClassLike(cls) && cls.name) classes.set(cls, { name: cls.name.text, file: sender.file, line: sender.line });
  }
  const classNames = new Set([...classes.values()].map((c) => c.name));
  const out: HttpDetection[] = [];
  const evaluator = context.evaluator;
  const definers = new Set([...state.senders.values()].map((s) => s.file));
  for (const file of context.workspace.parsedFilesUsing([...names, ...classNames], definers)) {
    for (const unit of context.workspace.units(file)) {
      if (unit.syntaxErrors.length) continue;
      for (const node of structuralNodes(unit)) {
        if (ts.isCallExpression(node) && !state.reported.has(node)) {
          const callee = skipOuter(node.expression);
          const name = ts.isIdentifier(callee) ? callee.text : ts.isPropertyAccessExpression(callee) ? callee.name.text : undefined;
          if (name && names.has(name)) {
            const fn = calledFunction(evaluator, unit, node);
            const sender = fn ? state.senders.get(fn.node) : undefined;
            if (fn && sender && !isInside(node, fn.node)) {
              out.push(helperFinding({ type: 'wrapperCall', unit, node, callee: sender.name, request: { file: sender.file, line: sender.line } }));
            }
          }
        } else if (ts.isNewExpression(node) && classNames.size) {
          const value = evaluator.evaluate(unit, node.expression);
          const cls = value.t === 'class' ? classes.get(value.node) : undefined;
          if (cls) out.push(helperFinding({ type: 'localClient', unit, node, cls: cls.name, request: { file: cls.file, line: cls.line } }));
        } else if (ts.isImportDeclaration(node) && node.importClause && !node.importClause.isTypeOnly && ts.isStringLiteral(node.moduleSpecifier)) {
          const imported = importedSenders(unit, node, (n) => names.has(n) || classNames.has(n), evaluator, state, classes);
          if (imported.length) out.push(helperFinding({ type: 'localImport', unit, node, names: imported }));
        }
      }
    }
  }
  return out;
}


function importedSenders(
  unit: Unit,
  statement: ts.ImportDeclaration,
  maybe: (name: string) => boolean,
  evaluator: DetectContext['evaluator'],
  state: RunState,
  classes: Map<ts.Node, unknown>,
): string[] {
  const clause = statement.importClause!;
  const locals: ts.Identifier[] = [];
  if (clause.name) locals.push(clause.name);
  if (clause.namedBindings && ts.isNamedImports(clause.namedBindings)) {
    for (const element of clause.namedBindings.elements) if (!element.isTypeOnly && maybe((element.propertyName ?? element.name).text)) locals.push(element.name);
  }
  return locals
    .filter((local) => {
      const value = evaluator.evaluate(unit, local);
      return (value.t === 'function' && state.senders.has(value.node)) || (value.t === 'class' && classes.has(value.node));
    })
    .map((local) => local.text);
}

/** After every file: one finding per instance and per endpoint literal, with every use known. */
export function finishHttp(context: DetectContext): HttpDetection[] {
  const state = stateOf(context);
  const detections: HttpDetection[] = [...wrapperUses(context, state)];
  for (const instance of state.instances.values()) {
    const { destination } = instance;
    if (destination.to === 'openai') {
      detections.push({
        sdk: SDK,
        ruleId: 'http/client',
        kind: 'client',
        location: locationOf(instance.unit, instance.node),
        message: text.instance(instance.library, shapeText(destination.urls[0].shape)),
        reason: text.instanceReason(),
        payload: { type: 'instance', instance },
      });
      if (instance.key.kind === 'literal' && instance.key.literal) detections.push(authHeaderDetection(instance.key, undefined, instance));
    } else if (destination.to === 'configurable') {
      detections.push({
        sdk: SDK,
        ruleId: 'http/clientRouted',
        kind: 'routed',
        location: locationOf(instance.unit, instance.node),
        message: text.instanceRouted(instance.library, destination.env.name),
        reason: text.routedReason(),
        payload: { type: 'routedInstance', instance },
      });
    }
  }
  for (const endpoint of state.endpoints.values()) {
    const piece = endpoint.piece;
    detections.push({
      sdk: SDK,
      ruleId: endpoint.proxy ? 'http/proxyTarget' : 'http/endpoint',
      kind: 'endpoint',
      location: locationOf(piece.unit, piece.node),
      message: endpoint.proxy ? text.proxyTarget(piece.value) : text.endpoint(piece.value),
      reason: endpoint.proxy ? text.proxyTargetReason() : text.endpointReason(),
      payload: { type: 'endpoint', endpoint },
    });
  }
  runs.delete(context);
  return detections;
}


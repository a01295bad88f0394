/**
 * Requests that reach OpenAI through the project's own code rather than a known HTTP library:
 * - a helper called with an OpenAI URL (`fetchSSE(url, …)`, `this._fetch(url)`, `post(url)`),
 *   where the URL evaluates to api.openai.com (a default in the class, a constant, a template);
 * - node's `http(s).request` / `get` with `{ hostname: 'api.openai.com', path }`, and helpers
 *   called with a bare host and a path (`httpsPost('api.openai.com', '/v1/chat/completions', …)`);
 * - an OpenAI wire-format path on a base the code does not show (`${settings.host}/v1/chat/completions`);
 * - the request inside such a helper, whose host is its parameter, and the calls of a local
 *   function that sends one (`createChatCompletion(…)` → `httpsPost(…)`).
 */
import { ts } from '../../analysis/ts.js';
import { resolveName } from '../../analysis/scope.js';
import { locationOf, type Unit } from '../../analysis/unit.js';
import { skipOuter, type Evaluator, type Value } from '../../analysis/values.js';
import type { DetectContext } from '../types.js';
import type { CalleeKind } from './clients.js';
import { familyOfPath, openAiUrl, shapeText, urlShapes, type FamilyRule, type UrlShape } from './url.js';
import * as text from './messages.js';
import { namedProvider } from '../../sweep/context.js';

/** The API paths of OpenAI's wire format, after an optional `/v1`. */
const WIRE_PATH = /^\/?(?:v1\/|openai\/deployments\/[^/]+\/)?(chat\/completions|completions|embeddings|images\/(?:generations|edits|variations)|audio\/(?:speech|transcriptions|translations)|moderations|responses|models|dashboard\/billing\/[\w/]+|realtime(?:\/sessions)?)(?:[/?#].*)?$/;
const OPENAI_HOST = /^(?:[a-z0-9-]+\.)?api\.openai\.com$/i;

export type HelperPayload =
  | { type: 'wireRequest'; unit: Unit; node: ts.CallExpression; path: string; base: string; rule: FamilyRule | undefined }
  | { type: 'hostRequest'; unit: Unit; node: ts.CallExpression; host: string; path: string | undefined; rule: FamilyRule | undefined; via: string }
  | { type: 'paramRequest'; unit: Unit; node: ts.CallExpression; caller: string; via: string }
  | { type: 'wrapperCall'; unit: Unit; node: ts.CallExpression; callee: string; request: { file: string; line: number } }
  | { type: 'localClient'; unit: Unit; node: ts.NewExpression; cls: string; request: { file: string; line: number } }
  | { type: 'localImport'; unit: Unit; node: ts.ImportDeclaration; names: string[] };

/** The text after the last run-time piece of a shape, when the shape starts at run time. */
function pathAfterBase(shape: UrlShape): { base: string; path: string } | undefined {
  const first = shape.pieces[0];
  if (!first || first.kind === 'text') return undefined;
  const rest = shape.pieces.slice(1);
  if (!rest.length || rest[0].kind !== 'text') return undefined;
  // A run-time piece inside the path (Azure's deployment name) stands for one segment.
  const path = rest.map((p) => (p.kind === 'text' ? p.value : '{…}')).join('');
  return WIRE_PATH.test(path) ? { base: shapeText({ pieces: [first], originOnly: false }), path } : undefined;
}

/** An unknown callee called with an OpenAI URL as its first argument is a request through a helper. */
export function helperCallee(evaluator: Evaluator, unit: Unit, call: ts.CallExpression): CalleeKind | undefined {
  const first = call.arguments[0];
  if (!first || !looksLikeUrlArgument(first)) return undefined;
  const shapes = urlShapes(evaluator, unit, first);
  if (!shapes.some((s) => openAiUrl(s) !== undefined) || isMock(evaluator, unit, call) || isTestQuery(call)) return undefined;
  // A function of the workspace sends only when it hands its URL parameter on to another call.
  const fn = calledFunction(evaluator, unit, call);
  if (fn && !passesFirstParameterOn(fn.node)) return undefined;
  return { kind: 'request', library: 'helper', style: 'fetch', method: undefined, instance: undefined, instanceUnit: undefined };
}

function passesFirstParameterOn(fn: ts.SignatureDeclaration): boolean {
  // A predicate (`isAzureEndpoint(url): boolean`) inspects the URL (often through `new URL(url)`);
  // it never sends it, whatever it calls.
  if (fn.type && (fn.type.kind === ts.SyntaxKind.BooleanKeyword || ts.isTypePredicateNode(fn.type))) return false;
  const first = fn.parameters[0];
  const body = (fn as ts.FunctionLikeDeclaration).body;
  if (!first || !ts.isIdentifier(first.name) || !body) return false;
  const name = first.name.text;
  let passed = false;
  const visit = (node: ts.Node): void => {
    if (passed) return;
    if ((ts.isCallExpression(node) || ts.isNewExpression(node)) && (node.arguments ?? []).some((a) => mentions(a, name))) passed = true;
    ts.forEachChild(node, visit);
  };
  visit(body);
  return passed;
}

function mentions(node: ts.Node, name: string): boolean {
  if (ts.isIdentifier(node)) return node.text === name;
  return ts.forEachChild(node, (child) => (mentions(child, name) ? true : undefined)) === true;
}

/** Assertion and test-query methods: `expect(mock).toHaveBeenCalledWith(url)`, `screen.getByPlaceholderText(url)`. */
const TEST_METHODS = /^(to[A-Z]\w*|(get|query|find)(All)?By[A-Z]\w*|(assert|expect|should)\w*)$/;

/** A call that compares a URL with what the code sent or shows, in a test: it sends nothing. */
function isTestQuery(call: ts.CallExpression): boolean {
  const callee = skipOuter(call.expression);
  if (ts.isIdentifier(callee)) return /^(expect|assert\w*)$/.test(callee.text);
  return ts.isPropertyAccessExpression(callee) && TEST_METHODS.test(callee.name.text);
}

/** Test doubles that take a URL to intercept, not to call (msw's `http.post(url, resolver)`, nock). */
const MOCK_PACKAGES = /^(msw(\/.*)?|nock|fetch-mock|jest-fetch-mock|vitest-fetch-mock|undici-mock|axios-mock-adapter|openai-mock)$/;

function isMock(evaluator: Evaluator, unit: Unit, call: ts.CallExpression): boolean {
  let callee: ts.Expression = skipOuter(call.expression);
  while (ts.isPropertyAccessExpression(callee) || ts.isCallExpression(callee)) callee = ts.isPropertyAccessExpression(callee) ? callee.expression : callee.expression;
  const value = evaluator.evaluate(unit, callee);
  return value.t === 'module' && MOCK_PACKAGES.test(value.specifier);
}

/** Arguments worth evaluating as URLs: names, member reads, templates, strings and concatenations. */
function looksLikeUrlArgument(expression: ts.Expression): boolean {
  const expr = skipOuter(expression);
  return (
    ts.isIdentifier(expr) ||
    ts.isPropertyAccessExpression(expr) ||
    ts.isTemplateExpression(expr) ||
    ts.isNoSubstitutionTemplateLiteral(expr) ||
    (ts.isStringLiteral(expr) && /^https?:|^\/?v1\//.test(expr.text)) ||
    (ts.isBinaryExpression(expr) && expr.operatorToken.kind === ts.SyntaxKind.PlusToken) ||
    ts.isNewExpression(expr)
  );
}

/** `fetch(`${host}/v1/chat/completions`)` with a host the code does not show: OpenAI's wire format. */
export function wireRequest(evaluator: Evaluator, unit: Unit, call: ts.CallExpression, urlArgument: ts.Expression | undefined): HelperPayload | undefined {
  if (!urlArgument || !looksLikeUrlArgument(urlArgument)) return undefined;
  // A client written for another provider (a class or folder named for Ollama, Moonshot…) speaks
  // OpenAI's format to that provider.
  const named = namedProvider(unit.sf, call, unit.path);
  if (named && named !== 'openai') return undefined;
  const shapes = urlShapes(evaluator, unit, urlArgument);
  if (shapes.some((s) => openAiUrl(s) !== undefined)) return undefined;
  // A literal host that is not OpenAI's is another provider: not reported here.
  if (shapes.some((s) => s.pieces[0]?.kind === 'text' && /^[a-z]+:\/\//i.test((s.pieces[0] as { value: string }).value))) return undefined;
  for (const shape of shapes) {
    const wire = pathAfterBase(shape);
    // Whether the callee is a mock is asked last: it evaluates the receiver's root, which for most
    // calls means following an import into another file, and only a wire path makes it matter.
    if (wire) return isMock(evaluator, unit, call) ? undefined : { type: 'wireRequest', unit, node: call, path: wire.path, base: wire.base, rule: familyOfPath(normalizePath(wire.path)) };
  }
  return undefined;
}

function normalizePath(path: string): string {
  const clean = path.replace(/[?#].*$/, '');
  const withSlash = clean.startsWith('/') ? clean : `/${clean}`;
  return withSlash.replace(/^\/v1(?=\/)/, '');
}

function stringValue(evaluator: Evaluator, unit: Unit, expression: ts.Expression | undefined): string | undefined {
  if (!expression) return undefined;
  const value: Value = evaluator.evaluate(unit, expression);
  if (value.t === 'string') return value.value;
  if (value.t === 'union') {
    const found = value.options.find((o) => o.t === 'string' && OPENAI_HOST.test(o.value));
    if (found && found.t === 'string') return found.value;
  }
  return undefined;
}

/** The object's property initializer by name (literal objects only). */
function property(object: ts.ObjectLiteralExpression, name: string): ts.Expression | undefined {
  for (const p of object.properties) {
    if (ts.isPropertyAssignment(p) && p.name.getText() === name) return p.initializer;
    if (ts.isShorthandPropertyAssignment(p) && p.name.text === name) return p.name;
  }
  return undefined;
}

function isNodeHttp(evaluator: Evaluator, unit: Unit, callee: ts.Expression): boolean {
  if (!ts.isPropertyAccessExpression(callee) || (callee.name.text !== 'request' && callee.name.text !== 'get')) return false;
  const value = evaluator.evaluate(unit, callee.expression);
  return value.t === 'module' && /^(node:)?https?$/.test(value.specifier) && value.path.filter((p) => p !== 'default').length === 0;
}

/**
 * A request to an OpenAI host given apart from its path: node's `https.request({ hostname, path })`,
 * or a helper called with the host and the path as separate strings.
 */
export function hostRequest(evaluator: Evaluator, unit: Unit, call: ts.CallExpression): HelperPayload | undefined {
  const callee = skipOuter(call.expression);
  const via = callee.getText(unit.sf).replace(/\s+/g, '');
  if (isNodeHttp(evaluator, unit, callee)) {
    const options = call.arguments.map((a) => evaluator.evaluate(unit, a)).find((v) => v.t === 'object');
    if (!options || options.t !== 'object') return undefined;
    const host = stringValue(evaluator, options.unit, property(options.node, 'hostname') ?? property(options.node, 'host'));
    if (!host || !OPENAI_HOST.test(host)) return undefined;
    const path = stringValue(evaluator, options.unit, property(options.node, 'path'));
    return { type: 'hostRequest', unit, node: call, host, path, rule: path ? familyOfPath(normalizePath(path)) : undefined, via };
  }
  const args = call.arguments;
  for (let i = 0; i < args.length && i < 3; i++) {
    const arg = skipOuter(args[i]);
    if (!ts.isStringLiteralLike(arg) || !OPENAI_HOST.test(arg.text)) continue;
    const next = args[i + 1] ? stringValue(evaluator, unit, args[i + 1]) : undefined;
    const path = next && WIRE_PATH.test(next) ? next : undefined;
    return { type: 'hostRequest', unit, node: call, host: arg.text, path, rule: path ? familyOfPath(normalizePath(path)) : undefined, via };
  }
  return undefined;
}

/** The function a call's callee names in the workspace (a declaration, a const arrow, a method). */
export function calledFunction(evaluator: Evaluator, unit: Unit, call: ts.CallExpression): { node: ts.SignatureDeclaration; unit: Unit } | undefined {
  const callee = skipOuter(call.expression);
  if (!ts.isIdentifier(callee) && !ts.isPropertyAccessExpression(callee)) return undefined;
  if (ts.isIdentifier(callee) && !resolveName(callee)) return undefined;
  const value = evaluator.evaluate(unit, callee);
  return value.t === 'function' ? { node: value.node, unit: value.unit } : undefined;
}

/** Whether an expression reads one of a function's parameters (its host or URL comes from the caller). */
function readsParameter(fn: ts.SignatureDeclaration, expression: ts.Node): boolean {
  const names = new Set(fn.parameters.flatMap((p) => (ts.isIdentifier(p.name) ? [p.name.text] : [])));
  let found = false;
  const visit = (node: ts.Node): void => {
    if (found) return;
    if (ts.isIdentifier(node) && names.has(node.text)) {
      const declaration = resolveName(node);
      if (declaration?.kind === 'parameter' && declaration.node.parent === fn) found = true;
    }
    ts.forEachChild(node, visit);
  };
  visit(expression);
  return found;
}

/**
 * The requests inside a helper whose host or URL is a parameter: when a caller hands it an OpenAI
 * host, they go to OpenAI too (`function httpsPost(hostname, path) { https.request({ hostname, path }) }`).
 */
export function parameterRequests(evaluator: Evaluator, fn: { node: ts.SignatureDeclaration; unit: Unit }, caller: string): HelperPayload[] {
  const body = (fn.node as ts.FunctionLikeDeclaration).body;
  if (!body) return [];
  const out: HelperPayload[] = [];
  // Nested closures (a Promise executor) see the parameters too.
  const visit = (node: ts.Node): void => {
    if (ts.isCallExpression(node) && node.arguments.length) {
      const callee = skipOuter(node.expression);
      const first = node.arguments[0];
      const viaHttp = isNodeHttp(evaluator, fn.unit, callee);
      const viaFetch = ts.isIdentifier(callee) && callee.text === 'fetch' && !resolveName(callee);
      if ((viaHttp || viaFetch) && readsParameter(fn.node, first)) {
        out.push({ type: 'paramRequest', unit: fn.unit, node, caller, via: callee.getText(fn.unit.sf) });
      }
    }
    ts.forEachChild(node, visit);
  };
  visit(body);
  return out;
}

/** The function-like declaration that holds a node, if any. */
export function enclosingFunction(node: ts.Node): ts.SignatureDeclaration | undefined {
  for (let current = node.parent; current; current = current.parent) {
    if (ts.isFunctionDeclaration(current) || ts.isMethodDeclaration(current) || ts.isFunctionExpression(current) || ts.isArrowFunction(current)) return current;
  }
  return undefined;
}

export function helperDetection(payload: HelperPayload) {
  const location = locationOf(payload.unit, payload.node);
  switch (payload.type) {
    case 'wireRequest':
      return { ruleId: 'http/wireRequest', kind: 'call' as const, location, message: text.wireRequest(payload.base, payload.path), reason: text.wireRequestReason() };
    case 'hostRequest':
      return { ruleId: 'http/hostRequest', kind: 'call' as const, location, message: text.hostRequest(payload.via, payload.host, payload.path), reason: text.hostRequestReason() };
    case 'paramRequest':
      return { ruleId: 'http/helperRequest', kind: 'call' as const, location, message: text.paramRequest(payload.via, payload.caller), reason: text.paramRequestReason() };
    case 'localClient':
      return { ruleId: 'http/localClient', kind: 'client' as const, location, message: text.localClient(payload.cls, payload.request), reason: text.localClientReason() };
    case 'localImport':
      return { ruleId: 'http/localImport', kind: 'import' as const, location, message: text.localImport(payload.names), reason: text.wrapperCallReason() };
    default:
      return { ruleId: 'http/wrapperCall', kind: 'call' as const, location, message: text.wrapperCall(payload.callee, payload.request), reason: text.wrapperCallReason() };
  }
}

export type HelperContext = Pick<DetectContext, 'evaluator'>;

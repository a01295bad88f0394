/**
 * Detection for the official `openai` package (v4 → v7): imports, client constructions, every API
 * call reached through a client, and the model-id literals that feed those calls. Read-only.
 */
import { ts } from '../../analysis/ts.js';
import { destructuredNames, isTypeOnlyImport, resolveName } from '../../analysis/scope.js';
import { structuralNodes, locationOf, type Unit } from '../../analysis/unit.js';
import { possibleStrings, skipOuter, type ObjectValue, type SdkValue, type Value } from '../../analysis/values.js';
import { isOpenAiModelId } from '../../catalogue/index.js';
import type { ApiFamily } from '../../core/types.js';
import { readsUsage, requestFacts, type RequestFacts } from '../shared/request.js';
import type { ClientLink, DetectContext, Detection } from '../types.js';
import { asOpenAiClient, isOpenAiClassValue, isOpenAiSpecifier, isV3Name, type OpenAiClass } from './binding.js';
import { findResource, isDistinctiveChain, METHOD_NAMES, normalizeClientPath, type ResourceRule } from './resources.js';
import * as text from './messages.js';
import { inheritedRouting, noteFactory } from './factories.js';
import { noteHanded } from './handed.js';
import { openAiByDefault, routingOfBaseUrl, routingText } from '../shared/routing.js';
import { keyFactsOf, propertyByName, type KeyFacts } from '../shared/options.js';
import { responsesAsChat, type ResponsesConversion } from '../../dialects/responses-to-chat.js';
import { namedProvider } from '../../sweep/context.js';

export const SDK = 'openai';

/** Where a client sends requests, decided from its `baseURL` option. */
export type Routing =
  /** `chosen`: OpenAI's URL is one of the values a variable or condition chooses between (`X || 'https://api.openai.com/v1'`). */
  | { to: 'openai'; chosen?: boolean }
  | { to: 'azure' }
  /** `url`: the provider URL the code writes (a path such as DeepSeek's `/beta` decides some dialect rules). */
  | { to: 'provider'; provider: string; region: string; url?: string }
  | { to: 'other'; url: string }
  | { to: 'configurable'; source: string; openaiWhenUnset?: boolean };

/**
 * Whether requests reach OpenAI in some run: always for `openai`, and for a base URL the deployment
 * chooses (an env variable, a setting) that leaves the SDK's default, api.openai.com, when unset.
 */
export function reachesOpenAi(routing: Routing | undefined, owner: 'openai' | 'azure' = 'openai'): boolean {
  if (!routing) return true;
  return routing.to === owner || (owner === 'openai' && openAiByDefault(routing));
}


export interface ClientFacts {
  unit: Unit;
  node: ts.NewExpression | ts.CallExpression;
  clientClass: OpenAiClass;
  options:
    | { kind: 'none' }
    | { kind: 'literal'; object: ObjectValue; inline: boolean }
    | { kind: 'opaque'; argument: ts.Expression; callerKeys: KeyFacts[] };
  routing: Routing;
  baseURL: { property?: ts.ObjectLiteralElementLike; value?: Value };
  apiKey: KeyFacts;
  /** Options that only make sense against OpenAI (headers, residency, cloud providers). */
  drop: ts.ObjectLiteralElementLike[];
  browser: boolean;
}

export type OpenAiPayload =
  | { type: 'import'; specifier: string; typeOnly: boolean }
  | { type: 'client'; client: ClientFacts }
  | {
      type: 'call';
      unit: Unit;
      node: ts.CallExpression;
      rule: ResourceRule;
      method: string;
      facts: RequestFacts;
      routing: Routing | undefined;
      /** The routing this module rewrites: 'openai' for the openai module, 'azure' for azure. */
      owner: 'openai' | 'azure';
      modelLiterals: string[];
      modelEnv: string[];
      modelDynamic: string | undefined;
      viaTypeChecker: boolean;
      /** A Responses call: whether (and how) it can become a chat completion where the provider lacks Responses. */
      asChat?: ResponsesConversion;
    }
  | {
      type: 'model';
      unit: Unit;
      literal: ts.StringLiteralLike;
      family: ApiFamily;
      needsVision: boolean;
      envOverride: string[];
      /** The call it feeds can become a chat completion (then it is mapped as a chat model where Responses is missing). */
      asChat?: boolean;
    }
  /** `new OpenAiEngine(config)`: a class of the project whose constructor makes a client from its arguments. */
  | { type: 'factory'; cls: string; client: { file: string; line: number }; inTest: boolean };

export type OpenAiDetection = Detection<OpenAiPayload>;

/** Options that break or mean nothing against another endpoint (openai-sdk.md §3b). */
const DROPPED_OPTIONS = new Set(['organization', 'project', 'dataResidency', 'provider', 'workloadIdentity', 'credential', 'adminAPIKey']);

const clientFactsCache = new WeakMap<ts.Node, ClientFacts>();



export function analyzeClient(context: DetectContext, unit: Unit, node: ts.NewExpression | ts.CallExpression, clientClass: OpenAiClass): ClientFacts {
  const cached = clientFactsCache.get(node);
  if (cached) return cached;
  const { evaluator } = context;
  const argument = node.arguments?.[0];
  let options: ClientFacts['options'] = { kind: 'none' };
  let object: ObjectValue | undefined;
  // `const { options = { apiKey: process.env.OPEN_AI_KEY } } = config; new OpenAI(options)`: what a
  // caller who passes no options gets is the default object, so the client is configurable and
  // goes where that default says when nothing is passed.
  let byDefault = false;
  if (argument) {
    const value = evaluator.evaluate(unit, argument);
    const fallback = value.t === 'object' ? undefined : destructuredDefault(argument);
    const fallbackValue = fallback ? evaluator.evaluate(unit, fallback) : undefined;
    if (value.t === 'object') {
      object = value;
      options = { kind: 'literal', object: value, inline: skipOuter(argument) === value.node };
    } else if (fallbackValue?.t === 'object') {
      object = fallbackValue;
      options = { kind: 'literal', object: fallbackValue, inline: false };
      byDefault = true;
    } else {
      options = { kind: 'opaque', argument, callerKeys: [] };
    }
  }
  const facts: ClientFacts = {
    unit,
    node,
    clientClass,
    options,
    routing: { to: 'openai' },
    baseURL: {},
    apiKey: { kind: 'absent' },
    drop: [],
    browser: false,
  };
  if (object) {
    const baseProperty = propertyByName(object.node, 'baseURL') ?? propertyByName(object.node, 'basePath');
    const baseValue = evaluator.objectMember(object, 'baseURL');
    facts.apiKey = keyFactsOf(context, object);
    if (baseProperty || baseValue.t !== 'unknown') {
      facts.baseURL = { property: baseProperty, value: baseValue };
      facts.routing = routingOfBaseUrl(baseValue, facts.apiKey.envName);
    }
    // A client already routed elsewhere (Kimi, DeepSeek…) reads that provider's key: not OpenAI usage.
    if (facts.routing.to === 'openai' || facts.routing.to === 'azure' || reachesOpenAi(facts.routing)) {
      noteEnvFeeds(context, evaluator.objectMember(object, 'apiKey'), 'key');
      if (facts.baseURL.value) noteEnvFeeds(context, facts.baseURL.value, 'baseURL');
    }
    if (byDefault && facts.routing.to === 'openai') facts.routing = { to: 'configurable', source: `options passed as ${argument!.getText(unit.sf)}, OpenAI by default`, openaiWhenUnset: true };
    facts.drop = object.node.properties.filter((p) => p.name && ts.isIdentifier(p.name) && DROPPED_OPTIONS.has(p.name.text));
    facts.browser = propertyByName(object.node, 'dangerouslyAllowBrowser') !== undefined;
  } else if (options.kind === 'opaque') {
    // `new OpenAI(opts)`: the caller chooses; where it names no baseURL the SDK goes to api.openai.com,
    // so the client is OpenAI's by default, unless its context is written for another provider.
    const named = namedProvider(unit.sf, node, unit.path);
    facts.routing = { to: 'configurable', source: `options passed as ${argument!.getText(unit.sf)}`, ...(named && named !== 'openai' ? {} : { openaiWhenUnset: true }) };
    // The key and base URL its callers in this file pass are this client's: they move with it.
    if (facts.routing.openaiWhenUnset && options.kind === 'opaque') {
      for (const passed of callerOptions(unit, argument!)) {
        const value = evaluator.evaluate(unit, passed);
        if (value.t !== 'object') continue;
        options.callerKeys.push(keyFactsOf(context, value));
        noteEnvFeeds(context, evaluator.objectMember(value, 'apiKey'), 'key');
        noteEnvFeeds(context, evaluator.objectMember(value, 'baseURL'), 'baseURL');
      }
    }
  }
  clientFactsCache.set(node, facts);
  return facts;
}

/**
 * `function makeClient(opts) { return new OpenAI(opts) }`: the arguments the calls of that function
 * in the same file pass for `opts` (callers in other files are not followed).
 */
function callerOptions(unit: Unit, argument: ts.Expression): ts.Expression[] {
  const name = skipOuter(argument);
  const declaration = ts.isIdentifier(name) ? resolveName(name) : undefined;
  if (declaration?.kind !== 'parameter' || declaration.path.length) return [];
  const fn = declaration.node.parent;
  const index = ts.isFunctionLike(fn) ? fn.parameters.indexOf(declaration.node) : -1;
  // A constructor's callers are `new C(…)` and the `super(…)` of the classes extending C.
  const cls = ts.isConstructorDeclaration(fn) && ts.isClassDeclaration(fn.parent) ? fn.parent : undefined;
  const holder = cls ?? (ts.isFunctionDeclaration(fn) ? fn : (ts.isArrowFunction(fn) || ts.isFunctionExpression(fn)) && ts.isVariableDeclaration(fn.parent) ? fn.parent : undefined);
  if (index < 0 || !holder?.name || !ts.isIdentifier(holder.name)) return [];
  const fnName = holder.name.text;
  const found: ts.Expression[] = [];
  const take = (args: readonly ts.Expression[] | undefined): void => {
    const passed = args?.[index];
    if (passed && !args!.slice(0, index + 1).some(ts.isSpreadElement)) found.push(passed);
  };
  const names = (callee: ts.Expression) => ts.isIdentifier(callee) && callee.text === fnName && resolveName(callee)?.node === holder;
  const visit = (node: ts.Node): void => {
    if (cls ? ts.isNewExpression(node) && names(node.expression) : ts.isCallExpression(node) && names(node.expression)) take((node as ts.CallExpression | ts.NewExpression).arguments);
    if (cls && ts.isCallExpression(node) && node.expression.kind === ts.SyntaxKind.SuperKeyword && extendsClass(node, fnName, holder)) take(node.arguments);
    ts.forEachChild(node, visit);
  };
  visit(unit.sf);
  return found;
}

/** A `super(…)` call in a constructor of a class whose `extends` names the given class. */
function extendsClass(superCall: ts.CallExpression, name: string, base: ts.Node): boolean {
  let current: ts.Node | undefined = superCall.parent;
  while (current && !ts.isClassLike(current)) current = current.parent;
  const heritage = current?.heritageClauses?.find((h) => h.token === ts.SyntaxKind.ExtendsKeyword)?.types[0]?.expression;
  return !!heritage && ts.isIdentifier(heritage) && heritage.text === name && resolveName(heritage)?.node === base;
}

/** The default of a destructured binding or a parameter the argument names (`{ options = {…} } = config`). */
function destructuredDefault(argument: ts.Expression): ts.Expression | undefined {
  const name = skipOuter(argument);
  if (!ts.isIdentifier(name)) return undefined;
  const declaration = resolveName(name);
  if (!declaration || (declaration.kind !== 'variable' && declaration.kind !== 'parameter')) return undefined;
  const holder = declaration.name.parent;
  return holder && (ts.isBindingElement(holder) || ts.isParameter(holder)) && holder.name === declaration.name ? holder.initializer : undefined;
}

/** Tells the env module which env reads feed this client, whatever their names. */
export function noteEnvFeeds(context: DetectContext, value: Value, role: 'key' | 'baseURL' | 'model'): void {
  for (const env of possibleStrings(value).envs) context.noteEnvFeed({ env, role });
}


function importDetections(unit: Unit, node: ts.Node, specifier: string, typeOnly: boolean): OpenAiDetection {
  return {
    sdk: SDK,
    ruleId: typeOnly ? 'openai/typeImport' : 'openai/import',
    kind: 'import',
    location: locationOf(unit, node),
    message: typeOnly ? text.typeImport(specifier) : text.importOf(specifier),
    reason: typeOnly ? text.typeImportReason() : text.importReason(),
    payload: { type: 'import', specifier, typeOnly },
  };
}


/** Calls whose callee identifier may be the SDK class called without `new` (CJS callable export). */
function mayBeSdkBinding(callee: ts.Expression): boolean {
  if (!ts.isIdentifier(callee)) return false;
  const declaration = resolveName(callee);
  if (!declaration) return false;
  if (declaration.kind === 'import' || declaration.kind === 'importEquals') return true;
  if (declaration.kind === 'variable' && declaration.node.initializer) {
    return /\brequire\s*\(|\bimport\s*\(/.test(declaration.node.initializer.getText());
  }
  return false;
}

export function detectOpenAi(unit: Unit, context: DetectContext): OpenAiDetection[] {
  const detections: OpenAiDetection[] = [];
  for (const node of structuralNodes(unit)) {
    if (ts.isImportDeclaration(node) && ts.isStringLiteral(node.moduleSpecifier) && isOpenAiSpecifier(node.moduleSpecifier.text)) {
      if (!ownedByOtherModule(importedNames(node))) detections.push(importDetections(unit, node, node.moduleSpecifier.text, isTypeOnlyImport(node)));
    } else if (ts.isExportDeclaration(node) && node.moduleSpecifier && ts.isStringLiteral(node.moduleSpecifier) && isOpenAiSpecifier(node.moduleSpecifier.text)) {
      detections.push(importDetections(unit, node, node.moduleSpecifier.text, node.isTypeOnly));
    } else if (ts.isNewExpression(node)) {
      const callee = context.evaluator.evaluate(unit, node.expression);
      if (isOpenAiClassValue(callee) && !isAzureClass(callee)) {
        const detection = clientDetection(context, unit, node, callee);
        if (detection) detections.push(detection);
        if (detection) noteFactory(context, detection);
      }
    } else if (ts.isCallExpression(node)) {
      detectCall(unit, node, context, detections);
    }
  }
  return routedImports(detections);
}

/**
 * A file that builds clients only for other providers (a DeepSeek or DashScope client made with the
 * openai package) imports the SDK as a library, not to reach OpenAI: its import is routed too.
 */
function routedImports(detections: OpenAiDetection[]): OpenAiDetection[] {
  const clients = detections.filter((d) => d.payload.type === 'client');
  const usage = detections.filter((d) => d.payload.type === 'client' || d.payload.type === 'call');
  if (!clients.length || usage.some((d) => d.kind !== 'routed')) return detections;
  const where = [...new Set(clients.map((c) => (c.payload.type === 'client' ? routingText(c.payload.client.routing).en : '')))].join(', ');
  const whereZh = [...new Set(clients.map((c) => (c.payload.type === 'client' ? routingText(c.payload.client.routing).zh : '')))].join('、');
  return detections.map((d) =>
    d.payload.type === 'import' && !d.payload.typeOnly
      ? { ...d, kind: 'routed' as const, message: text.importRouted(d.payload.specifier, { en: where, zh: whereZh }) }
      : d,
  );
}

function detectCall(unit: Unit, node: ts.CallExpression, context: DetectContext, detections: OpenAiDetection[]): void {
  const callee = skipOuter(node.expression);
  const isModuleLoad =
    node.expression.kind === ts.SyntaxKind.ImportKeyword || (ts.isIdentifier(callee) && callee.text === 'require' && !resolveName(callee));
  if (isModuleLoad) {
    const arg = node.arguments[0];
    if (arg && ts.isStringLiteral(arg) && isOpenAiSpecifier(arg.text) && !ownedByOtherModule(destructuredNames(node))) {
      detections.push(importDetections(unit, node, arg.text, false));
    }
    return;
  }
  if (mayBeSdkBinding(callee) || (ts.isPropertyAccessExpression(callee) && (callee.name.text === 'OpenAI' || callee.name.text === 'default'))) {
    const value = context.evaluator.evaluate(unit, callee);
    if (isOpenAiClassValue(value)) {
      const detection = isAzureClass(value) ? undefined : clientDetection(context, unit, node, value);
      if (detection) detections.push(detection);
      return;
    }
  }
  if (!ts.isPropertyAccessExpression(callee) || !METHOD_NAMES.has(callee.name.text)) return;
  const value = context.evaluator.evaluate(unit, callee);
  const client = asOpenAiClient(value);
  if (client && client.clientClass === 'OpenAI' && routingOfCall(context, client)?.to !== 'azure') {
    const path = normalizeClientPath(client.path);
    const method = path.pop()!;
    const rule = findResource(path, method);
    if (!rule) return;
    const found = callDetections(context, unit, node, path, method, rule, client, false);
    detections.push(...found);
    // Only a type (a parameter `client: OpenAI`): the sites that hand the client in may say which one.
    if (client.op === 'typed') noteHanded(context, unit, node, callee, path, method, rule, found);
    return;
  }
  if (!client && value.t === 'unknown') deferIfDistinctive(unit, node, callee, context);
}

/** A chain like `x.chat.completions.create` whose root syntax could not bind goes to the type checker. */
function deferIfDistinctive(unit: Unit, node: ts.CallExpression, callee: ts.PropertyAccessExpression, context: DetectContext): void {
  const chain: ts.PropertyAccessExpression[] = [];
  let root: ts.Expression = callee;
  while (ts.isPropertyAccessExpression(root)) {
    chain.unshift(root);
    root = skipOuter(root.expression);
  }
  const names = chain.map((access) => access.name.text);
  const method = names[names.length - 1];
  for (let i = 0; i < names.length - 1; i++) {
    const path = names.slice(i, -1);
    if (resourceRoot(path) && isDistinctiveChain(path, method)) {
      context.defer({ sdk: SDK, unit, call: node, receiver: i === 0 ? root : chain[i - 1], path: names.slice(i) });
      return;
    }
  }
}

function resourceRoot(path: string[]): boolean {
  return ['chat', 'embeddings', 'images', 'audio', 'responses', 'moderations', 'beta'].includes(path[0]);
}

export function isAzureClass(value: Value): boolean {
  return value.t === 'module' && value.path.includes('AzureOpenAI');
}

/** The names an import declaration binds (imported names, not local aliases). */
function importedNames(node: ts.ImportDeclaration): string[] {
  const clause = node.importClause;
  if (!clause) return [];
  const names = clause.name ? ['default'] : [];
  const bindings = clause.namedBindings;
  if (bindings && ts.isNamedImports(bindings)) names.push(...bindings.elements.map((e) => (e.propertyName ?? e.name).text));
  else if (bindings) names.push('*');
  return names;
}


/** Imports that bind only legacy v3 names or only AzureOpenAI are the openai-v3 or azure module's. */
function ownedByOtherModule(names: string[]): boolean {
  if (!names.length || names.includes('*') || names.includes('default')) return false;
  return names.every((n) => isV3Name(n)) || names.every((n) => n === 'AzureOpenAI' || isV3Name(n));
}

export function importedNamesOf(node: ts.ImportDeclaration): string[] {
  return importedNames(node);
}

function clientDetection(context: DetectContext, unit: Unit, node: ts.NewExpression | ts.CallExpression, callee: Value): OpenAiDetection | undefined {
  const clientClass = callee.t === 'module' && callee.path.includes('AzureOpenAI') ? 'AzureOpenAI' : 'OpenAI';
  const client = analyzeClient(context, unit, node, clientClass);
  // Clients on an Azure endpoint are the azure module's.
  if (client.routing.to === 'azure') return undefined;
  const routed = !reachesOpenAi(client.routing);
  return {
    sdk: SDK,
    ruleId: routed ? 'openai/clientRouted' : 'openai/client',
    kind: routed ? 'routed' : 'client',
    location: locationOf(unit, node),
    message: routed ? text.clientRouted(client.routing) : text.client(clientClass),
    reason: routed ? text.clientRoutedReason() : text.clientReason(),
    payload: { type: 'client', client },
    client: { node, role: 'client', ...keyLink(client.apiKey) },
  };
}

/** Where a client's key comes from, for the client record. */
export function keyLink(key: KeyFacts): Pick<ClientLink, 'keyEnvs' | 'keySource'> {
  switch (key.kind) {
    case 'absent':
      return { keyEnvs: ['OPENAI_API_KEY'], keySource: 'sdk-default' };
    case 'env':
      return { keyEnvs: [key.envName!, ...(key.moreEnvs ?? []).map((e) => e.name)], keySource: 'env' };
    case 'literal':
      return { keyEnvs: [], keySource: 'literal' };
    default:
      return { keyEnvs: [], keySource: 'runtime' };
  }
}

/** Routing of the client a call goes through, when the construction is known. */
export function routingOfCall(context: DetectContext, client: SdkValue): Routing | undefined {
  if (isAzureClass(client.module)) return { to: 'azure' };
  if (client.op !== 'new' && client.op !== 'call') return undefined;
  const node = client.origin.node;
  if (!ts.isNewExpression(node) && !ts.isCallExpression(node)) return undefined;
  return analyzeClient(context, client.origin.unit, node, 'OpenAI').routing;
}

export function callDetections(
  context: DetectContext,
  unit: Unit,
  node: ts.CallExpression,
  path: string[],
  method: string,
  rule: ResourceRule,
  client: SdkValue | undefined,
  viaTypeChecker: boolean,
  owner: 'openai' | 'azure' = 'openai',
): OpenAiDetection[] {
  const sdk = owner;
  const ruleId = (id: string) => id.replace(/^openai\//, `${sdk}/`);
  const facts = requestFacts(context.evaluator, unit, node.arguments[0]);
  facts.usageRead = readsUsage(node);
  const made = client && (client.op === 'new' || client.op === 'call') ? client.origin.node : undefined;
  const routing = (made && inheritedRouting(node, made, unit)) ?? (client ? routingOfCall(context, client) : undefined);
  const routed = routing !== undefined && !reachesOpenAi(routing, owner);
  const modelLiterals: string[] = [];
  const modelEnv: string[] = [];
  let modelDynamic: string | undefined;
  const detections: OpenAiDetection[] = [];
  const asChat = rule.family === 'responses' && owner === 'openai' ? responsesAsChat(unit, node, path, method) : undefined;
  if (facts.model) {
    const { strings, envs, others } = possibleStrings(facts.model.value);
    modelEnv.push(...envs.map((e) => e.name));
    if (!routed) noteEnvFeeds(context, facts.model.value, 'model');
    for (const site of strings) {
      const literal = site.origin.node;
      if (!ts.isStringLiteral(literal) && !ts.isNoSubstitutionTemplateLiteral(literal)) continue;
      modelLiterals.push(site.value);
      // Azure models are deployment names: every literal is a site, OpenAI-looking or not.
      if (!routed && (isOpenAiModelId(site.value) || owner === 'azure')) {
        detections.push({
          sdk,
          ruleId: ruleId('openai/model'),
          kind: 'model',
          location: locationOf(site.origin.unit, literal),
          message: text.modelId(site.value),
          reason: text.modelReason(),
          model: site.value,
          payload: { type: 'model', unit: site.origin.unit, literal, family: rule.family, needsVision: facts.images, envOverride: envs.map((e) => e.name), ...(asChat?.ok ? { asChat: true } : {}) },
          ...(made ? { client: { node: made, role: 'model' as const, calls: [node] } } : {}),
        });
      }
    }
    if (others.length || (!strings.length && !envs.length)) modelDynamic = facts.model.property.getText(facts.object!.unit.sf);
  }
  const model = modelLiterals.find(isOpenAiModelId) ?? modelLiterals[0];
  const call = [...path, method].join('.');
  detections.unshift({
    sdk,
    ruleId: ruleId(rule.ruleId),
    kind: routed ? 'routed' : 'call',
    location: locationOf(unit, node),
    message: text.call(calleeText(unit, node), rule),
    reason: text.callReason(rule),
    ...(model ? { model } : {}),
    usage: {
      call,
      family: rule.family,
      ...(model ? { model } : {}),
      stream: facts.stream === true || rule.flavour === 'stream',
      ...(facts.promptText ? { promptText: facts.promptText } : {}),
      ...(facts.promptText && !facts.promptDynamic ? { promptComplete: true } : {}),
      ...(facts.maxTokens !== undefined ? { maxTokens: facts.maxTokens } : {}),
    },
    payload: { type: 'call', unit, node, rule, method, facts, routing, owner, modelLiterals, modelEnv, modelDynamic, viaTypeChecker, ...(asChat ? { asChat } : {}) },
    ...(made ? { client: { node: made, role: 'call' as const } } : {}),
  });
  return detections;
}

function calleeText(unit: Unit, node: ts.CallExpression): string {
  return node.expression.getText(unit.sf).replace(/\s+/g, '');
}

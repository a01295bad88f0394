/**
 * Detection for the legacy v3 API (`openai` 3.x and `openai-edge`): imports, `new Configuration`,
 * `new OpenAIApi`, every method call reached through an `OpenAIApi`, the model ids that feed them,
 * an `api.openai.com` basePath default declared elsewhere, and (for axios-based `openai` 3.x) the
 * response and error shapes the v4 upgrade changes. Read-only.
 *
 * A Configuration's endpoint can be decided by the OpenAIApi it is handed to (`new OpenAIApi(cfg,
 * basePath)` is used when the Configuration has no basePath, v3.3.0 base.ts), so Configuration
 * findings are made in `finish`, once every OpenAIApi of the scan has been seen.
 */
import { ts } from '../../analysis/ts.js';
import { destructuredNames, isTypeOnlyImport, propertyNameText, resolveName } from '../../analysis/scope.js';
import { structuralNodes, locationOf, nodeRange, type Unit } from '../../analysis/unit.js';
import { possibleStrings, skipOuter, type ObjectValue, type Value } from '../../analysis/values.js';
import { isOpenAiModelId } from '../../catalogue/index.js';
import { keyFactsOf, optionValue, propertyByName, type KeyFacts } from '../shared/options.js';
import { readsUsage, requestFacts } from '../shared/request.js';
import { isRouted, openAiUrlLiterals, routingOfBaseUrl } from '../shared/routing.js';
import { alternatives, traceValue } from '../shared/trace.js';
import type { DetectContext, Detection } from '../types.js';
import { importedNamesOf, keyLink, noteEnvFeeds, type OpenAiPayload, type Routing } from '../openai/detect.js';
import type { ResourceRule } from '../openai/resources.js';
import { ownsImport, v3ClassOf, v3Instances, v3Method, v3PackageOf, type V3Method, type V3Package } from './binding.js';
import { axiosErrorReads, planUpgrade, resultUse, type ResultUse, type UpgradePlan } from './upgrade.js';
import * as text from './messages.js';

export const SDK = 'openai-v3';

export interface ConfigFacts {
  unit: Unit;
  node: ts.NewExpression;
  pkg: V3Package;
  options: { kind: 'none' } | { kind: 'literal'; object: ObjectValue; inline: boolean } | { kind: 'opaque'; argument: ts.Expression };
  /** Set when the options name a basePath (a property, or one reached through a spread). */
  basePath: { property?: ts.ObjectLiteralElementLike; value?: Value };
  /** Where the basePath sends requests, when there is one. */
  ownRouting: Routing | undefined;
  apiKey: KeyFacts;
  /** `organization`: an OpenAI-only header. */
  drop: ts.ObjectLiteralElementLike[];
  /** Proxy settings in baseOptions (httpsAgent, httpAgent, proxy), kept for reaching OpenAI. */
  proxy: string[];
  /** The OpenAIApi constructions this Configuration is handed to. */
  users: ApiFacts[];
}

export interface ApiFacts {
  unit: Unit;
  node: ts.NewExpression;
  pkg: V3Package;
  config: ConfigFacts | undefined;
  configArgument: ts.Expression | undefined;
  /** The second argument (basePath), unless absent or `undefined`. */
  basePathArg: ts.Expression | undefined;
  basePathValue: Value | undefined;
  routing: Routing;
}

/** A Configuration's routing once every OpenAIApi it feeds is known; `mixed` when they disagree. */
export type ConfigRouting = Routing | { to: 'mixed' };

export type CallPayload = Extract<OpenAiPayload, { type: 'call' }> & {
  pkg: V3Package;
  spec: V3Method;
  api: ApiFacts | undefined;
  /** Proxy settings in the call's axios request options (httpsAgent, httpAgent, proxy). */
  proxy: string[];
};

export type V3Payload =
  | { type: 'import'; pkg: V3Package; specifier: string; typeOnly: boolean; upgrade: UpgradePlan | undefined }
  | { type: 'configuration'; config: ConfigFacts; routing: ConfigRouting }
  | { type: 'api'; api: ApiFacts }
  | CallPayload
  | Extract<OpenAiPayload, { type: 'model' }>
  | { type: 'endpoint'; routing: Routing; owner: 'configuration' | 'api' }
  | { type: 'axiosResponse'; use: ResultUse; upgrade: boolean }
  | { type: 'axiosError'; reads: ts.PropertyAccessExpression[]; upgrade: boolean };

export type V3Detection = Detection<V3Payload>;

interface State {
  configSites: ConfigFacts[];
}

const states = new WeakMap<DetectContext, State>();
const configCache = new WeakMap<ts.Node, ConfigFacts>();
const apiCache = new WeakMap<ts.Node, ApiFacts>();

function stateOf(context: DetectContext): State {
  let state = states.get(context);
  if (!state) {
    state = { configSites: [] };
    states.set(context, state);
  }
  return state;
}

const PROXY_OPTIONS = new Set(['httpsAgent', 'httpAgent', 'proxy']);

/** Proxy settings among axios options; `proxy: false` only switches axios's own proxy off. */
function proxyNames(object: ts.ObjectLiteralExpression): string[] {
  return object.properties
    .filter((p) => p.name && PROXY_OPTIONS.has(propertyNameText(p.name) ?? '') && !(ts.isPropertyAssignment(p) && p.initializer.kind === ts.SyntaxKind.FalseKeyword))
    .map((p) => propertyNameText(p.name!)!);
}

export function analyzeConfig(context: DetectContext, unit: Unit, node: ts.NewExpression, pkg: V3Package): ConfigFacts {
  const cached = configCache.get(node);
  if (cached) return cached;
  const { evaluator } = context;
  const argument = node.arguments?.[0];
  const facts: ConfigFacts = {
    unit,
    node,
    pkg,
    options: { kind: 'none' },
    basePath: {},
    ownRouting: undefined,
    apiKey: { kind: 'absent' },
    drop: [],
    proxy: [],
    users: [],
  };
  configCache.set(node, facts);
  if (!argument) return facts;
  const value = traceValue(evaluator, unit, argument);
  const object = alternatives(value).find((v): v is ObjectValue => v.t === 'object');
  if (!object) {
    facts.options = { kind: 'opaque', argument };
    facts.ownRouting = { to: 'configurable', source: `options passed as ${argument.getText(unit.sf)}` };
    return facts;
  }
  facts.options = { kind: 'literal', object, inline: skipOuter(argument) === object.node };
  const baseProperty = propertyByName(object.node, 'basePath');
  const baseValue = optionValue(context, object, 'basePath');
  if (baseProperty || baseValue.t !== 'unknown') {
    facts.basePath = { property: baseProperty, value: baseValue };
    facts.ownRouting = routingOfBaseUrl(baseValue);
  }
  facts.apiKey = keyFactsOf(context, object);
  // The variables of a client that already goes elsewhere are that endpoint's, not OpenAI's.
  if (!facts.ownRouting || facts.ownRouting.to === 'openai') {
    if (facts.basePath.value) noteEnvFeeds(context, facts.basePath.value, 'baseURL');
    noteEnvFeeds(context, optionValue(context, object, 'apiKey'), 'key');
  }
  facts.drop = object.node.properties.filter((p) => p.name && propertyNameText(p.name) === 'organization');
  const baseOptions = evaluator.objectMember(object, 'baseOptions');
  if (baseOptions.t === 'object') {
    facts.proxy = proxyNames(baseOptions.node);
  }
  return facts;
}

function isUndefined(expr: ts.Expression): boolean {
  const e = skipOuter(expr);
  return (ts.isIdentifier(e) && e.text === 'undefined') || e.kind === ts.SyntaxKind.NullKeyword || ts.isVoidExpression(e);
}

export function analyzeApi(context: DetectContext, unit: Unit, node: ts.NewExpression, pkg: V3Package): ApiFacts {
  const cached = apiCache.get(node);
  if (cached) return cached;
  const args: readonly ts.Expression[] = node.arguments ?? [];
  const configArgument = args[0];
  const baseArg = args[1] && !isUndefined(args[1]) ? args[1] : undefined;
  let config: ConfigFacts | undefined;
  if (configArgument) {
    for (const option of alternatives(traceValue(context.evaluator, unit, configArgument))) {
      if (option.t !== 'sdk' || option.op !== 'new' || option.path.length || !ts.isNewExpression(option.origin.node)) continue;
      const cls = v3ClassOf(option.module);
      if (cls?.cls !== 'Configuration') continue;
      config = analyzeConfig(context, option.origin.unit, option.origin.node, cls.pkg);
      break;
    }
  }
  const basePathValue = baseArg ? traceValue(context.evaluator, unit, baseArg) : undefined;
  if (basePathValue && routingOfBaseUrl(basePathValue).to === 'openai') noteEnvFeeds(context, basePathValue, 'baseURL');
  let routing: Routing;
  if (config?.ownRouting) routing = config.ownRouting;
  else if (baseArg) routing = routingOfBaseUrl(basePathValue);
  else if (configArgument && !config) routing = { to: 'configurable', source: `configuration passed as ${configArgument.getText(unit.sf)}` };
  else routing = { to: 'openai' };
  const facts: ApiFacts = { unit, node, pkg, config, configArgument, basePathArg: baseArg, basePathValue, routing };
  apiCache.set(node, facts);
  if (config) config.users.push(facts);
  return facts;
}




function importDetection(unit: Unit, node: ts.Node, specifier: string, pkg: V3Package, typeOnly: boolean): V3Detection {
  return {
    sdk: SDK,
    ruleId: typeOnly ? 'openai-v3/typeImport' : 'openai-v3/import',
    kind: 'import',
    location: locationOf(unit, node),
    message: typeOnly ? text.typeImport(specifier) : text.importOf(specifier),
    reason: typeOnly ? text.typeImportReason() : text.importReason(pkg),
    payload: { type: 'import', pkg, specifier, typeOnly, upgrade: undefined },
  };
}

export function detectV3(unit: Unit, context: DetectContext): V3Detection[] {
  const detections: V3Detection[] = [];
  const imports: Array<{ detection: V3Detection; node: ts.ImportDeclaration | ts.CallExpression }> = [];
  for (const node of structuralNodes(unit)) {
    if (ts.isImportDeclaration(node) && ts.isStringLiteral(node.moduleSpecifier)) {
      const pkg = v3PackageOf(node.moduleSpecifier.text);
      if (pkg && ownsImport(pkg, importedNamesOf(node))) {
        const detection = importDetection(unit, node, node.moduleSpecifier.text, pkg, isTypeOnlyImport(node));
        detections.push(detection);
        if (!isTypeOnlyImport(node)) imports.push({ detection, node });
      }
    } else if (ts.isNewExpression(node)) {
      detectNew(unit, node, context, detections);
    } else if (ts.isCallExpression(node)) {
      const callee = skipOuter(node.expression);
      const isModuleLoad = node.expression.kind === ts.SyntaxKind.ImportKeyword || (ts.isIdentifier(callee) && callee.text === 'require' && !resolveName(callee));
      if (isModuleLoad) {
        const arg = node.arguments[0];
        const pkg = arg && ts.isStringLiteral(arg) ? v3PackageOf(arg.text) : undefined;
        if (pkg && ownsImport(pkg, destructuredNames(node))) {
          const detection = importDetection(unit, node, (arg as ts.StringLiteral).text, pkg, false);
          detections.push(detection);
          imports.push({ detection, node });
        }
      } else {
        detectCall(unit, node, context, detections);
      }
    }
  }
  for (const { detection, node } of imports) {
    const payload = detection.payload as Extract<V3Payload, { type: 'import' }>;
    payload.upgrade = planUpgrade(unit, node, payload.pkg, (api) => analyzeApi(context, unit, api, payload.pkg).routing);
  }
  // The response and error findings say whether the file's upgrade is on offer.
  const offered = imports.some(({ detection }) => (detection.payload as Extract<V3Payload, { type: 'import' }>).upgrade?.offered);
  for (const detection of detections) {
    const payload = detection.payload;
    if (payload.type === 'axiosResponse' || payload.type === 'axiosError') payload.upgrade = offered;
  }
  return detections;
}

function detectNew(unit: Unit, node: ts.NewExpression, context: DetectContext, detections: V3Detection[]): void {
  const callee = context.evaluator.evaluate(unit, node.expression);
  if (callee.t !== 'module') return;
  const cls = v3ClassOf(callee);
  if (!cls) return;
  if (cls.cls === 'Configuration') {
    stateOf(context).configSites.push(analyzeConfig(context, unit, node, cls.pkg));
    return;
  }
  const api = analyzeApi(context, unit, node, cls.pkg);
  const routed = isRouted(api.routing);
  detections.push({
    sdk: SDK,
    ruleId: routed ? 'openai-v3/clientRouted' : 'openai-v3/client',
    kind: routed ? 'routed' : 'client',
    location: locationOf(unit, node),
    message: routed ? text.clientRouted(api.routing, cls.pkg) : text.client(cls.pkg),
    reason: routed ? text.routedReason() : text.clientReason(cls.pkg),
    payload: { type: 'api', api },
    client: { node: clientIdentity(api), role: 'client', ...v3KeyLink(api.config) },
  });
  if (api.basePathArg && api.routing.to === 'openai' && !api.config?.ownRouting) {
    detections.push(...endpointDetections(api.basePathValue, api.basePathArg, unit, api.routing, 'api'));
  }
}

/**
 * One client per Configuration: the OpenAIApi instances made from it and their calls are decided
 * together (issue 11), and the Configuration, which holds the key and base path, is a part of it.
 */
function clientIdentity(api: ApiFacts): ts.Node {
  return api.config?.node ?? api.node;
}

/** v3 reads no variable by default: without an `apiKey` it sends no key at all. */
function v3KeyLink(config: ConfigFacts | undefined) {
  return !config || config.apiKey.kind === 'absent' ? { keyEnvs: [], keySource: 'runtime' as const } : keyLink(config.apiKey);
}

/** api.openai.com literals that feed a basePath from outside the construction (a config module's default). */
function endpointDetections(value: Value | undefined, container: ts.Node, containerUnit: Unit, routing: Routing, owner: 'configuration' | 'api'): V3Detection[] {
  const range = nodeRange(containerUnit, container);
  return openAiUrlLiterals(value)
    .filter((s) => {
      const at = nodeRange(s.origin.unit, s.origin.node);
      return s.origin.unit.path !== containerUnit.path || at.start < range.start || at.end > range.end;
    })
    .map((s) => ({
      sdk: SDK,
      ruleId: 'openai-v3/basePathDefault',
      kind: 'endpoint' as const,
      location: locationOf(s.origin.unit, s.origin.node),
      message: text.basePathDefault(s.value),
      reason: text.basePathDefaultReason(),
      payload: { type: 'endpoint' as const, routing, owner },
    }));
}

export function finishV3(context: DetectContext): V3Detection[] {
  const state = states.get(context);
  if (!state) return [];
  const detections: V3Detection[] = [];
  const seen = new Set<ts.Node>();
  for (const config of state.configSites) {
    if (seen.has(config.node)) continue;
    seen.add(config.node);
    const routing = configRouting(config);
    const routed = routing.to !== 'openai' && routing.to !== 'azure' && routing.to !== 'mixed';
    detections.push({
      sdk: SDK,
      ruleId: routed ? 'openai-v3/configurationRouted' : 'openai-v3/configuration',
      kind: routed ? 'routed' : 'client',
      location: locationOf(config.unit, config.node),
      message: routed ? text.configurationRouted(routing as Routing, config.pkg) : text.configuration(config.pkg),
      reason: routed ? text.routedReason() : text.configurationReason(),
      payload: { type: 'configuration', config, routing },
      client: { node: config.node, role: 'part' },
    });
    if (routing.to === 'openai' && config.basePath.value && config.options.kind === 'literal') {
      detections.push(...endpointDetections(config.basePath.value, config.options.object.node, config.options.object.unit, routing, 'configuration'));
    }
  }
  return detections;
}

export function configRouting(config: ConfigFacts): ConfigRouting {
  if (config.ownRouting) return config.ownRouting;
  if (!config.users.length) return { to: 'openai' };
  const routings = config.users.map((u) => (u.basePathArg ? u.routing : ({ to: 'openai' } as Routing)));
  if (routings.every((r) => r.to === 'openai')) return { to: 'openai' };
  if (routings.every((r) => r.to !== 'openai')) return routings[0];
  return { to: 'mixed' };
}

function detectCall(unit: Unit, node: ts.CallExpression, context: DetectContext, detections: V3Detection[]): void {
  const callee = skipOuter(node.expression);
  if (!ts.isPropertyAccessExpression(callee)) return;
  const methodName = callee.name.text;
  const spec = v3Method(methodName);
  if (!spec) return;
  const { evaluator } = context;
  const instances = v3Instances(traceValue(evaluator, unit, callee)).filter((i) => i.path.length === 1 && i.path[0] === methodName);
  if (!instances.length) return;
  const constructed = instances.find((i) => i.op === 'new' && ts.isNewExpression(i.origin.node));
  const api = constructed ? analyzeApi(context, constructed.origin.unit, constructed.origin.node as ts.NewExpression, constructed.pkg) : undefined;
  const pkg = instances[0].pkg;
  const routing = api?.routing;
  const routed = isRouted(routing);

  const requestArg = spec.request !== undefined ? node.arguments[spec.request] : undefined;
  const facts = requestFacts(evaluator, unit, requestArg);
  facts.usageRead = readsUsage(node);
  let modelValue: Value | undefined;
  let modelText: string | undefined;
  if (facts.model) {
    modelValue = facts.model.value;
    modelText = facts.model.property.getText(facts.object!.unit.sf);
  } else if (spec.model !== undefined && node.arguments[spec.model]) {
    const arg = node.arguments[spec.model];
    modelValue = traceValue(evaluator, unit, arg);
    modelText = arg.getText(unit.sf);
  }
  const modelLiterals: string[] = [];
  const modelEnv: string[] = [];
  let modelDynamic: string | undefined;
  const models: V3Detection[] = [];
  if (modelValue) {
    const { strings, envs, others } = possibleStrings(modelValue);
    modelEnv.push(...envs.map((e) => e.name));
    if (!routed) noteEnvFeeds(context, modelValue, 'model');
    for (const site of strings) {
      const literal = site.origin.node;
      if (!ts.isStringLiteral(literal) && !ts.isNoSubstitutionTemplateLiteral(literal)) continue;
      modelLiterals.push(site.value);
      if (routed || spec.retired || !isOpenAiModelId(site.value)) continue;
      models.push({
        sdk: SDK,
        ruleId: 'openai-v3/model',
        kind: 'model',
        location: locationOf(site.origin.unit, literal),
        message: text.modelId(site.value),
        reason: text.modelReason(),
        model: site.value,
        payload: { type: 'model', unit: site.origin.unit, literal, family: spec.family, needsVision: facts.images, envOverride: envs.map((e) => e.name) },
      });
    }
    if (others.length || (!strings.length && !envs.length)) modelDynamic = modelText;
  }
  const model = modelLiterals.find(isOpenAiModelId) ?? modelLiterals[0];
  const rule: ResourceRule = { prefix: [], family: spec.family, ruleId: spec.ruleId, ...(spec.family === 'chat' ? { flavour: 'create' as const } : {}) };
  const calleeText = node.expression.getText(unit.sf).replace(/\s+/g, '');
  const owner = api ? clientIdentity(api) : undefined;
  for (const found of models) if (owner) found.client = { node: owner, role: 'model', calls: [node] };
  detections.push({
    sdk: SDK,
    ruleId: spec.ruleId,
    kind: routed ? 'routed' : 'call',
    location: locationOf(unit, node),
    message: spec.retired ? text.retiredCall(calleeText) : text.call(calleeText, spec.family),
    reason: text.callReason(spec, pkg),
    ...(model ? { model } : {}),
    usage: {
      call: methodName,
      family: spec.family,
      ...(model ? { model } : {}),
      stream: facts.stream === true,
      ...(facts.promptText ? { promptText: facts.promptText } : {}),
      ...(facts.promptText && !facts.promptDynamic ? { promptComplete: true } : {}),
      ...(facts.maxTokens !== undefined ? { maxTokens: facts.maxTokens } : {}),
    },
    payload: {
      type: 'call',
      unit,
      node,
      rule,
      method: methodName,
      facts,
      routing,
      owner: 'openai',
      modelLiterals,
      modelEnv,
      modelDynamic,
      viaTypeChecker: false,
      pkg,
      spec,
      api,
      proxy: pkg === 'openai' ? callProxyOptions(context, unit, node, spec) : [],
    },
    ...(owner ? { client: { node: owner, role: 'call' as const } } : {}),
  });
  detections.push(...models);
  if (pkg === 'openai' && !routed && !spec.retired) detections.push(...shapeDetections(unit, node, methodName));
}

/** `httpsAgent` / `httpAgent` / `proxy` in the axios request options a call passes after its own arguments. */
function callProxyOptions(context: DetectContext, unit: Unit, node: ts.CallExpression, spec: V3Method): string[] {
  const first = Math.max(spec.request ?? -1, spec.model ?? -1) + 1;
  const names = new Set<string>();
  for (const argument of node.arguments.slice(first)) {
    for (const option of alternatives(traceValue(context.evaluator, unit, argument))) {
      if (option.t === 'object') for (const name of proxyNames(option.node)) names.add(name);
    }
  }
  return [...names];
}

/** The axios response and error shapes around a call of axios-based v3 (v4 returns the body and throws APIError). */
function shapeDetections(unit: Unit, node: ts.CallExpression, method: string): V3Detection[] {
  const out: V3Detection[] = [];
  const use = resultUse(unit, node);
  if (use.accessors.length || use.pattern) {
    const lines = [...new Set(use.accessors.map((a) => locationOf(unit, a).line))];
    out.push({
      sdk: SDK,
      ruleId: 'openai-v3/axiosResponse',
      kind: 'option',
      location: locationOf(unit, node),
      message: text.axiosResponse(method, lines, !!use.pattern),
      reason: text.axiosResponseReason(),
      payload: { type: 'axiosResponse', use, upgrade: false },
    });
  }
  const reads = axiosErrorReads(unit, node);
  if (reads.length) {
    const lines = [...new Set(reads.map((r) => locationOf(unit, r).line))];
    out.push({
      sdk: SDK,
      ruleId: 'openai-v3/axiosError',
      kind: 'option',
      location: locationOf(unit, node),
      message: text.axiosError(method, lines),
      reason: text.axiosErrorReason(),
      payload: { type: 'axiosError', reads, upgrade: false },
    });
  }
  return out;
}

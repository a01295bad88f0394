/**
 * Detection for third-party wrappers of OpenAI's API (see binding.ts): their imports, client
 * constructions with the options that set the endpoint and model, the calls that send requests,
 * and the model ids (or Azure deployment names) they use. Read-only.
 */
import { ts } from '../../analysis/ts.js';
import { destructuredNames, isTypeOnlyImport, propertyNameText, resolveName } from '../../analysis/scope.js';
import { structuralNodes, locationOf, nodeRange, type Unit } from '../../analysis/unit.js';
import { possibleStrings, skipOuter, type ObjectValue, type Value } from '../../analysis/values.js';
import { isOpenAiModelId } from '../../catalogue/index.js';
import type { ApiFamily } from '../../core/types.js';
import { keyFactsOf, optionValue, propertyByName, type KeyFacts } from '../shared/options.js';
import { requestFacts, type RequestFacts } from '../shared/request.js';
import { isRouted, openAiByDefault, openAiUrlLiterals, routingOfBaseUrl } from '../shared/routing.js';
import { alternatives, traceValue } from '../shared/trace.js';
import type { DetectContext, Detection } from '../types.js';
import { importedNamesOf, noteEnvFeeds, type OpenAiPayload, type Routing } from '../openai/detect.js';
import {
  ALL_METHOD_NAMES,
  declaredMajor,
  ownsImport,
  wrapperClassOf,
  wrapperInstances,
  wrapperMethod,
  wrapperPackageOf,
  type WrapperClass,
  type WrapperPackage,
} from './binding.js';
import * as text from './messages.js';

export const SDK = 'wrapper';

/** chatgpt's ChatGPTAPI sends this model when completionParams has none (src/chatgpt-api.ts). */
export const CHATGPT_DEFAULT_MODEL = 'gpt-3.5-turbo';

export interface ChatGptFacts {
  unit: Unit;
  node: ts.NewExpression;
  options: { kind: 'literal'; object: ObjectValue } | { kind: 'opaque'; argument: ts.Expression | undefined };
  baseUrl: { property?: ts.ObjectLiteralElementLike; value?: Value };
  routing: Routing;
  apiKey: KeyFacts;
  /** `apiOrg`: OpenAI's organization header. */
  drop: ts.ObjectLiteralElementLike[];
  completionParams: { property?: ts.ObjectLiteralElementLike; object?: ObjectValue; opaque: boolean };
  model: { value?: Value; literals: string[] };
  systemMessage: boolean;
  /** Major version of `chatgpt` in the nearest package.json, when declared. */
  major: number | undefined;
  /** Why apply cannot rewrite it (undefined: it can). */
  blocked: 'version' | 'options' | 'azure' | undefined;
}

export interface LlamaFacts {
  unit: Unit;
  node: ts.NewExpression;
  cls: 'LlamaOpenAI' | 'LlamaOpenAIEmbedding';
  routing: Routing;
  model: string | undefined;
  hasBaseUrl: boolean;
}

export type WrapperCallPayload = Extract<OpenAiPayload, { type: 'call' }> & { cls: WrapperClass; blocked: ChatGptFacts['blocked'] | 'manual' };

export type WrapperPayload =
  | { type: 'import'; pkg: WrapperPackage; specifier: string }
  | { type: 'chatgptClient'; client: ChatGptFacts }
  | { type: 'unofficialProxy' }
  | { type: 'llamaClient'; client: LlamaFacts }
  | { type: 'azureClient'; openaiKey: boolean }
  | { type: 'openaiApiClient' }
  | WrapperCallPayload
  | (Extract<OpenAiPayload, { type: 'model' }> & { owner: 'chatgpt' | 'llamaindex'; blocked: ChatGptFacts['blocked'] | 'manual' })
  | { type: 'deployment'; name: string }
  | { type: 'endpoint'; routing: Routing };

export type WrapperDetection = Detection<WrapperPayload>;

const chatGptCache = new WeakMap<ts.Node, ChatGptFacts>();
const llamaCache = new WeakMap<ts.Node, LlamaFacts>();

function detection(ruleId: string, kind: WrapperDetection['kind'], unit: Unit, node: ts.Node, message: WrapperDetection['message'], reason: WrapperDetection['reason'], payload: WrapperPayload, extra: Partial<WrapperDetection> = {}): WrapperDetection {
  return { sdk: SDK, ruleId, kind, location: locationOf(unit, node), message, reason, payload, ...extra };
}

function objectOf(context: DetectContext, unit: Unit, argument: ts.Expression | undefined): ObjectValue | undefined {
  if (!argument) return undefined;
  return alternatives(traceValue(context.evaluator, unit, argument)).find((v): v is ObjectValue => v.t === 'object');
}

/** Sent elsewhere in every run: a configurable endpoint that is OpenAI's when unset is not. */
function wrapperRouted(routing: Routing | undefined): boolean {
  return isRouted(routing) && !openAiByDefault(routing);
}

function subObject(context: DetectContext, object: ObjectValue, name: string): ObjectValue | undefined {
  return alternatives(optionValue(context, object, name)).find((v): v is ObjectValue => v.t === 'object');
}

/** chatgpt before 4.0 drove the ChatGPT web app with a browser session (sessionToken, clearance). */
const CHATGPT_WEB = 'the ChatGPT web app (a browser session, not the API)';
/** Options only the web clients took: a cookie's session token and Cloudflare's clearance. */
const WEB_OPTIONS = ['sessionToken', 'clearanceToken'];

export function isChatGptWeb(major: number | undefined, options: ObjectValue | undefined): boolean {
  if (major !== undefined && major < 4) return true;
  return options !== undefined && WEB_OPTIONS.some((name) => propertyByName(options.node, name) !== undefined);
}

export function analyzeChatGpt(context: DetectContext, unit: Unit, node: ts.NewExpression): ChatGptFacts {
  const cached = chatGptCache.get(node);
  if (cached) return cached;
  const argument = node.arguments?.[0];
  const object = objectOf(context, unit, argument);
  const major = declaredMajor(context.workspace, unit.path, 'chatgpt');
  const facts: ChatGptFacts = {
    unit,
    node,
    options: object ? { kind: 'literal', object } : { kind: 'opaque', argument },
    baseUrl: {},
    routing: { to: 'openai' },
    apiKey: { kind: 'absent' },
    drop: [],
    completionParams: { opaque: false },
    model: { literals: [] },
    systemMessage: false,
    major,
    blocked: undefined,
  };
  chatGptCache.set(node, facts);
  if (isChatGptWeb(major, object)) {
    facts.routing = { to: 'other', url: CHATGPT_WEB };
    return facts;
  }
  if (!object) {
    facts.routing = { to: 'configurable', source: argument ? `options passed as ${argument.getText(unit.sf)}` : 'unknown' };
    facts.blocked = 'options';
    return facts;
  }
  const baseProperty = propertyByName(object.node, 'apiBaseUrl');
  const baseValue = optionValue(context, object, 'apiBaseUrl');
  if (baseProperty || baseValue.t !== 'unknown') {
    facts.baseUrl = { property: baseProperty, value: baseValue };
    facts.routing = routingOfBaseUrl(baseValue);
  }
  // `options.apiBaseUrl = process.env.OPENAI_API_BASE_URL` when set: OpenAI wherever it is not, and
  // set in statements banjia does not rewrite for this wrapper, so the move is the user's.
  if (openAiByDefault(facts.routing)) facts.blocked = 'options';
  facts.apiKey = keyFactsOf(context, object);
  // The variables of a client that already goes elsewhere are that endpoint's, not OpenAI's.
  const toOpenAi = facts.routing.to === 'openai' || openAiByDefault(facts.routing);
  if (toOpenAi && facts.baseUrl.value) noteEnvFeeds(context, facts.baseUrl.value, 'baseURL');
  if (toOpenAi) noteEnvFeeds(context, optionValue(context, object, 'apiKey'), 'key');
  facts.drop = object.node.properties.filter((p) => p.name && propertyNameText(p.name) === 'apiOrg');
  facts.systemMessage = propertyByName(object.node, 'systemMessage') !== undefined || optionValue(context, object, 'systemMessage').t !== 'unknown';
  const paramsProperty = propertyByName(object.node, 'completionParams');
  const params = subObject(context, object, 'completionParams');
  facts.completionParams = { property: paramsProperty, object: params, opaque: !!paramsProperty && !params };
  if (params) {
    const model = optionValue(context, params, 'model');
    if (model.t !== 'unknown' || propertyByName(params.node, 'model')) {
      facts.model = { value: model, literals: possibleStrings(model).strings.map((s) => s.value) };
      if (toOpenAi) noteEnvFeeds(context, model, 'model');
    }
  }
  if (facts.routing.to === 'azure') facts.blocked = 'azure';
  else if (major !== undefined && major < 5) facts.blocked = 'version';
  return facts;
}

function analyzeLlama(context: DetectContext, unit: Unit, node: ts.NewExpression, cls: LlamaFacts['cls']): LlamaFacts {
  const cached = llamaCache.get(node);
  if (cached) return cached;
  const object = objectOf(context, unit, node.arguments?.[0]);
  let baseValue: Value | undefined;
  let model: string | undefined;
  if (object) {
    const session = subObject(context, object, 'additionalSessionOptions');
    const fromSession = session ? optionValue(context, session, 'baseURL') : undefined;
    const top = optionValue(context, object, 'baseURL');
    baseValue = fromSession && fromSession.t !== 'unknown' ? fromSession : top.t !== 'unknown' ? top : undefined;
    const modelValue = optionValue(context, object, 'model');
    if (routingOfBaseUrl(baseValue).to === 'openai') {
      if (baseValue) noteEnvFeeds(context, baseValue, 'baseURL');
      noteEnvFeeds(context, optionValue(context, object, 'apiKey'), 'key');
      noteEnvFeeds(context, modelValue, 'model');
    }
    model = possibleStrings(modelValue).strings.map((s) => s.value).find(isOpenAiModelId);
  }
  const facts: LlamaFacts = { unit, node, cls, routing: routingOfBaseUrl(baseValue), model, hasBaseUrl: !!baseValue };
  llamaCache.set(node, facts);
  return facts;
}




export function detectWrapper(unit: Unit, context: DetectContext): WrapperDetection[] {
  const detections: WrapperDetection[] = [];
  for (const node of structuralNodes(unit)) {
    if (ts.isImportDeclaration(node) && ts.isStringLiteral(node.moduleSpecifier)) {
      const specifier = node.moduleSpecifier.text;
      const pkg = wrapperPackageOf(specifier);
      if (pkg && !isTypeOnlyImport(node) && ownsImport(pkg, specifier, importedNamesOf(node))) {
        const web = pkg === 'chatgpt' && isChatGptWeb(declaredMajor(context.workspace, unit.path, 'chatgpt'), undefined);
        detections.push(
          web
            ? detection('wrapper/chatgptWeb', 'not-openai', unit, node, text.chatgptWebImport(specifier), text.chatgptWebReason(), { type: 'import', pkg, specifier })
            : detection('wrapper/import', 'import', unit, node, text.importOf(specifier), text.importReason(pkg), { type: 'import', pkg, specifier }),
        );
      }
    } else if (ts.isNewExpression(node)) {
      detectNew(unit, node, context, detections);
    } else if (ts.isCallExpression(node)) {
      const callee = skipOuter(node.expression);
      const isModuleLoad = node.expression.kind === ts.SyntaxKind.ImportKeyword || (ts.isIdentifier(callee) && callee.text === 'require' && !resolveName(callee));
      if (isModuleLoad) {
        const arg = node.arguments[0];
        const specifier = arg && ts.isStringLiteral(arg) ? arg.text : undefined;
        const pkg = specifier ? wrapperPackageOf(specifier) : undefined;
        if (pkg && specifier && ownsImport(pkg, specifier, destructuredNames(node))) {
          detections.push(detection('wrapper/import', 'import', unit, node, text.importOf(specifier), text.importReason(pkg), { type: 'import', pkg, specifier }));
        }
      } else if (ts.isPropertyAccessExpression(callee) && ALL_METHOD_NAMES.has(callee.name.text)) {
        detectCall(unit, node, callee, context, detections);
      }
    }
  }
  return detections;
}

function detectNew(unit: Unit, node: ts.NewExpression, context: DetectContext, detections: WrapperDetection[]): void {
  const callee = context.evaluator.evaluate(unit, node.expression);
  if (callee.t !== 'module') return;
  const found = wrapperClassOf(callee);
  if (!found) return;
  switch (found.cls) {
    case 'ChatGPTAPI': {
      const client = analyzeChatGpt(context, unit, node);
      const routed = wrapperRouted(client.routing);
      detections.push(
        detection(
          routed ? 'wrapper/chatgptClientRouted' : 'wrapper/chatgptClient',
          routed ? 'routed' : 'client',
          unit,
          node,
          routed ? text.chatgptRouted(client.routing) : text.chatgptClient(),
          routed ? text.routedReason() : text.chatgptReason(),
          { type: 'chatgptClient', client },
        ),
      );
      if (routed) return;
      if (client.model.value) detections.push(...modelDetections(client.model.value, 'chat', 'chatgpt', client.blocked));
      if (client.options.kind === 'literal' && client.baseUrl.value && client.routing.to === 'openai') {
        detections.push(...endpointDetections(client.baseUrl.value, client.options.object, client.routing));
      }
      return;
    }
    case 'ChatGPTUnofficialProxyAPI':
      detections.push(detection('wrapper/chatgptUnofficialProxy', 'routed', unit, node, text.unofficialProxy(), text.unofficialProxyReason(), { type: 'unofficialProxy' }));
      return;
    case 'LlamaOpenAI':
    case 'LlamaOpenAIEmbedding': {
      const client = analyzeLlama(context, unit, node, found.cls);
      const routed = isRouted(client.routing);
      const embedding = found.cls === 'LlamaOpenAIEmbedding';
      detections.push(
        detection(
          routed ? 'wrapper/llamaindexRouted' : embedding ? 'wrapper/llamaindexEmbedding' : 'wrapper/llamaindexLlm',
          routed ? 'routed' : 'client',
          unit,
          node,
          routed ? text.llamaRouted(client.routing) : text.llamaClient(embedding),
          routed ? text.routedReason() : text.llamaReason(),
          { type: 'llamaClient', client },
        ),
      );
      if (!routed) {
        const object = objectOf(context, unit, node.arguments?.[0]);
        if (object) detections.push(...modelDetections(optionValue(context, object, 'model'), embedding ? 'embeddings' : 'chat', 'llamaindex', 'manual'));
      }
      return;
    }
    case 'OpenAIClient': {
      const credential = node.arguments?.find((a) => ts.isNewExpression(skipOuter(a)));
      const openaiKey = !!credential && /OpenAIKeyCredential/.test(credential.getText(unit.sf));
      detections.push(detection('wrapper/azureOpenAiClient', 'client', unit, node, text.azureClient(openaiKey), text.azureReason(), { type: 'azureClient', openaiKey }));
      return;
    }
    case 'OpenAIApiClient':
      detections.push(detection('wrapper/openaiApiClient', 'client', unit, node, text.openaiApiClient(), text.openaiApiReason(), { type: 'openaiApiClient' }));
      return;
  }
}

function modelDetections(value: Value, family: ApiFamily, owner: 'chatgpt' | 'llamaindex', blocked: ChatGptFacts['blocked'] | 'manual'): WrapperDetection[] {
  const { strings, envs } = possibleStrings(value);
  const out: WrapperDetection[] = [];
  for (const site of strings) {
    const literal = site.origin.node;
    if ((!ts.isStringLiteral(literal) && !ts.isNoSubstitutionTemplateLiteral(literal)) || !isOpenAiModelId(site.value)) continue;
    out.push(
      detection('wrapper/model', 'model', site.origin.unit, literal, text.modelId(site.value), text.modelReason(), {
        type: 'model',
        unit: site.origin.unit,
        literal,
        family,
        needsVision: false,
        envOverride: envs.map((e) => e.name),
        owner,
        blocked,
      }, { model: site.value }),
    );
  }
  return out;
}

/** api.openai.com literals that reach apiBaseUrl from outside the options (an action input's default). */
function endpointDetections(value: Value, options: ObjectValue, routing: Routing): WrapperDetection[] {
  const range = nodeRange(options.unit, options.node);
  return openAiUrlLiterals(value)
    .filter((s) => {
      const at = nodeRange(s.origin.unit, s.origin.node);
      return s.origin.unit.path !== options.unit.path || at.start < range.start || at.end > range.end;
    })
    .map((s) => detection('wrapper/endpoint', 'endpoint', s.origin.unit, s.origin.node, text.endpoint(s.value), text.endpointReason(), { type: 'endpoint', routing }));
}

function detectCall(unit: Unit, node: ts.CallExpression, callee: ts.PropertyAccessExpression, context: DetectContext, detections: WrapperDetection[]): void {
  const name = callee.name.text;
  const instances = wrapperInstances(traceValue(context.evaluator, unit, callee)).filter((i) => i.path.length === 1 && i.path[0] === name && wrapperMethod(i.cls, name));
  if (!instances.length) return;
  const instance = instances.find((i) => i.op === 'new' && ts.isNewExpression(i.origin.node)) ?? instances[0];
  const spec = wrapperMethod(instance.cls, name)!;
  const calleeText = node.expression.getText(unit.sf).replace(/\s+/g, '');
  const constructed = instance.op === 'new' && ts.isNewExpression(instance.origin.node) ? (instance.origin.node as ts.NewExpression) : undefined;

  if (instance.cls === 'ChatGPTAPI' || instance.cls === 'ChatGPTUnofficialProxyAPI') {
    const client = instance.cls === 'ChatGPTAPI' && constructed ? analyzeChatGpt(context, instance.origin.unit, constructed) : undefined;
    const routing: Routing | undefined = instance.cls === 'ChatGPTUnofficialProxyAPI' ? { to: 'other', url: 'the ChatGPT web backend (reverse proxy)' } : client?.routing;
    const routed = wrapperRouted(routing);
    // The request body is the client's completionParams (and, from chatgpt 5.1, the call's own).
    const opts = objectOf(context, unit, node.arguments[1]);
    const callParams = opts ? subObject(context, opts, 'completionParams') : undefined;
    const facts: RequestFacts = requestFacts(context.evaluator, client?.completionParams.object?.unit ?? unit, undefined);
    if (client?.completionParams.object) Object.assign(facts, requestFacts(context.evaluator, client.completionParams.object.unit, client.completionParams.object.node));
    facts.stream = !!opts && (propertyByName(opts.node, 'onProgress') !== undefined || propertyByName(opts.node, 'stream') !== undefined) ? true : false;
    facts.usageRead = false;
    let modelValue = client?.model.value;
    const models: WrapperDetection[] = [];
    if (callParams) {
      const own = optionValue(context, callParams, 'model');
      if (own.t !== 'unknown') {
        modelValue = own;
        if (!routed) models.push(...modelDetections(own, 'chat', 'chatgpt', client?.blocked));
      }
    }
    const { strings, envs, others } = modelValue ? possibleStrings(modelValue) : { strings: [], envs: [], others: [] };
    const modelLiterals = strings.map((s) => s.value);
    const defaulted = !modelValue && instance.cls === 'ChatGPTAPI';
    const model = modelLiterals.find(isOpenAiModelId) ?? modelLiterals[0] ?? (defaulted ? CHATGPT_DEFAULT_MODEL : undefined);
    const ruleId = 'wrapper/chatgptSendMessage';
    detections.push(
      detection(ruleId, routed ? 'routed' : 'call', unit, node, text.call(calleeText, spec.family), text.chatgptCallReason(defaulted), {
        type: 'call',
        unit,
        node,
        rule: { prefix: [], family: 'chat', ruleId, flavour: 'create' },
        method: name,
        facts,
        routing: routing ?? { to: 'openai' },
        owner: 'openai',
        modelLiterals: defaulted ? [CHATGPT_DEFAULT_MODEL] : modelLiterals,
        modelEnv: envs.map((e) => e.name),
        modelDynamic: others.length && !strings.length && !envs.length ? 'completionParams.model' : undefined,
        viaTypeChecker: false,
        cls: instance.cls,
        blocked: instance.cls === 'ChatGPTUnofficialProxyAPI' ? 'manual' : client ? client.blocked : 'options',
      }, {
        ...(model ? { model } : {}),
        usage: { call: `${instance.cls}.${name}`, family: 'chat', ...(model ? { model } : {}), stream: facts.stream === true },
      }),
    );
    detections.push(...models);
    return;
  }

  // llamaindex, @azure/openai, openai-api: reported; the client finding says what to change.
  const llama = (instance.cls === 'LlamaOpenAI' || instance.cls === 'LlamaOpenAIEmbedding') && constructed ? analyzeLlama(context, instance.origin.unit, constructed, instance.cls) : undefined;
  const routed = isRouted(llama?.routing);
  let model = llama?.model;
  if (spec.deployment !== undefined && node.arguments[spec.deployment]) {
    const value = traceValue(context.evaluator, unit, node.arguments[spec.deployment]);
    for (const site of possibleStrings(value).strings) {
      const literal = site.origin.node;
      if (!ts.isStringLiteral(literal) && !ts.isNoSubstitutionTemplateLiteral(literal)) continue;
      model ??= site.value;
      detections.push(detection('wrapper/azureDeployment', 'model', site.origin.unit, literal, text.deployment(site.value), text.deploymentReason(), { type: 'deployment', name: site.value }, { model: site.value }));
    }
  }
  const ruleId = instance.cls === 'OpenAIClient' ? 'wrapper/azureOpenAiCall' : instance.cls === 'OpenAIApiClient' ? 'wrapper/openaiApiCall' : 'wrapper/llamaindexCall';
  detections.push(
    detection(ruleId, routed ? 'routed' : 'call', unit, node, text.call(calleeText, spec.family), text.wrapperCallReason(instance.pkg), {
      type: 'call',
      unit,
      node,
      rule: { prefix: [], family: spec.family, ruleId },
      method: name,
      facts: requestFacts(context.evaluator, unit, undefined),
      routing: llama?.routing ?? { to: 'openai' },
      owner: 'openai',
      modelLiterals: model ? [model] : [],
      modelEnv: [],
      modelDynamic: undefined,
      viaTypeChecker: false,
      cls: instance.cls,
      blocked: 'manual',
    }, {
      ...(model ? { model } : {}),
      usage: { call: `${instance.cls}.${name}`, family: spec.family, ...(model ? { model } : {}) },
    }),
  );
}

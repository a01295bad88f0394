/**
 * Detection for LangChain.js's OpenAI integration: imports of `@langchain/openai` and the old
 * `langchain/.../openai` paths, model constructions (`new ChatOpenAI({...})`, `OpenAIEmbeddings`,
 * LangChain's own `OpenAI` LLM, the Azure classes, `DallEAPIWrapper`), the model ids that feed
 * them (in any file), and the calls made directly on those models. Read-only.
 *
 * Constructor semantics follow libs/langchain-openai (chat_models.ts, embeddings.ts, llms.ts):
 * `model ?? modelName`, `apiKey ?? openAIApiKey ?? configuration.apiKey ?? OPENAI_API_KEY`, the
 * endpoint in `configuration.baseURL` (the v0.0.x `configuration.basePath` and the deprecated second
 * constructor argument still honoured), `streamUsage` (default true) adding
 * `stream_options: { include_usage: true }` to streamed requests.
 */
import { ts } from '../../analysis/ts.js';
import { isTypeOnlyImport, propertyNameText, resolveName } from '../../analysis/scope.js';
import { structuralNodes, locationOf, type Unit } from '../../analysis/unit.js';
import { possibleStrings, skipOuter, type EnvValue, type ModuleValue, type ObjectValue, type StringValue, type Value } from '../../analysis/values.js';
import { isOpenAiModelId } from '../../catalogue/index.js';
import type { ApiFamily } from '../../core/types.js';
import { requestFacts, type RequestFacts } from '../shared/request.js';
import type { DetectContext, Detection } from '../types.js';
import type { Routing } from '../openai/detect.js';
import { classOf, isLangChainSpecifier, isLegacySpecifier, lcInstances, type LcClass, type LcInstance } from './binding.js';
import * as text from './messages.js';
import { routingOfBaseUrl } from '../shared/routing.js';
import { UNKNOWN, type View } from '../../dialects/types.js';
import { constructorWireView } from './wire.js';

export const SDK = 'langchain';

/** A property of an object literal (possibly reached through a spread, possibly in another file). */
export interface PropertyRef {
  object: ObjectValue;
  property: ts.ObjectLiteralElementLike;
  name: string;
}

export type ObjectSlot = { kind: 'none' } | { kind: 'literal'; object: ObjectValue } | { kind: 'opaque'; expression: ts.Expression; unit: Unit };

export interface KeyFacts {
  kind: 'absent' | 'env' | 'literal' | 'other';
  ref?: PropertyRef;
  env?: EnvValue;
}

export interface ModelFacts {
  ref?: PropertyRef;
  literals: StringValue[];
  env: string[];
  /** The option's text when its value is only known at run time. */
  dynamic?: string;
  /** A spread the evaluator cannot see into may set the model. */
  unknown: boolean;
}

/** Constructor options that shape every request (the request body LangChain builds from them). */
export interface OptionFacts {
  temperature?: number;
  maxTokens?: number;
  n?: number;
  logprobs: boolean;
  logitBias: boolean;
  streaming: boolean | 'maybe';
  streamUsage: boolean;
  reasoning: boolean;
  useResponsesApi: boolean;
  dimensions?: number;
  batchSize?: { ref: PropertyRef; value: number | undefined };
  /** Options only OpenAI serves (service_tier, promptCacheKey, …). */
  openaiOnly: PropertyRef[];
  /** `modelKwargs`: raw request parameters passed through. */
  kwargs?: RequestFacts;
  /** The chat completions body these options send (wire.ts), for the dialect rules. */
  view: View;
}

export interface LcClientFacts {
  unit: Unit;
  node: ts.NewExpression;
  cls: LcClass;
  specifier: string;
  /** An old `langchain/...` import: only `modelName` / `openAIApiKey` exist there. */
  legacy: boolean;
  fields: ObjectSlot;
  /** The deprecated second constructor argument (`new ChatOpenAI(fields, { basePath })`). */
  legacyConfig: ObjectSlot;
  configuration: { ref?: PropertyRef; slot: ObjectSlot };
  routing: Routing;
  /** `baseURL` / `basePath` (DallEAPIWrapper: `baseUrl`) properties that set the endpoint. */
  baseRefs: PropertyRef[];
  key: KeyFacts;
  model: ModelFacts;
  /** Options that only make sense against OpenAI (organization, project). */
  drop: PropertyRef[];
  /** `azureOpenAIApi*` options: the model talks to Azure. */
  azureOptions: string[];
  options: OptionFacts;
}

export interface CallFacts {
  stream: boolean;
  tools: boolean;
  /** withStructuredOutput's method: 'jsonSchema' | 'functionCalling' | 'jsonMode' | undefined (default) | 'unknown'. */
  structured?: { method: string | undefined };
  /** Request parameters passed as call options (`invoke(x, { tools })`, `bind({...})`, bindTools kwargs). */
  options?: RequestFacts;
  promptText: string;
  images: boolean;
  inputCount?: number;
  inputDynamic: boolean;
}

export type LcPayload =
  | { type: 'import'; specifier: string; typeOnly: boolean }
  | { type: 'client'; client: LcClientFacts }
  | { type: 'model'; unit: Unit; literal: ts.StringLiteralLike; family: ApiFamily; needsVision: boolean; envOverride: string[]; cls: LcClass }
  | { type: 'call'; unit: Unit; node: ts.CallExpression; cls: LcClass; method: string; client: LcClientFacts | undefined; routed: boolean; facts: CallFacts };

export type LcDetection = Detection<LcPayload>;

const clientCache = new WeakMap<ts.Node, LcClientFacts>();

/* ------------------------------------------------------------------------------------------ */
/* Object literals                                                                             */
/* ------------------------------------------------------------------------------------------ */

/** The last property called one of `names`, searching spreads that evaluate to object literals. */
export function lookup(context: DetectContext, object: ObjectValue, names: string[], depth = 0): { ref?: PropertyRef; opaque: boolean } {
  let opaque = false;
  const properties = object.node.properties;
  for (let i = properties.length - 1; i >= 0; i--) {
    const property = properties[i];
    if (ts.isSpreadAssignment(property)) {
      const value = depth < 6 ? context.evaluator.evaluate(object.unit, property.expression) : undefined;
      if (value?.t === 'object') {
        const found = lookup(context, value, names, depth + 1);
        if (found.ref) return { ref: found.ref, opaque: opaque || found.opaque };
        opaque ||= found.opaque;
      } else {
        opaque = true;
      }
      continue;
    }
    const name = property.name ? propertyNameText(property.name) : undefined;
    if (name && names.includes(name)) return { ref: { object, property, name }, opaque };
  }
  return { opaque };
}

export function initializerOf(property: ts.ObjectLiteralElementLike): ts.Expression | undefined {
  if (ts.isPropertyAssignment(property)) return property.initializer;
  if (ts.isShorthandPropertyAssignment(property)) return property.name;
  return undefined;
}

function valueOf(context: DetectContext, ref: PropertyRef): Value {
  const init = initializerOf(ref.property);
  return init ? context.evaluator.evaluate(ref.object.unit, init) : { t: 'unknown' };
}

function slotOf(context: DetectContext, unit: Unit, expression: ts.Expression | undefined): ObjectSlot {
  if (!expression) return { kind: 'none' };
  const value = context.evaluator.evaluate(unit, expression);
  if (value.t === 'object') return { kind: 'literal', object: value };
  return { kind: 'opaque', expression, unit };
}

function literalNumber(expr: ts.Expression | undefined): number | undefined {
  if (!expr) return undefined;
  const e = skipOuter(expr);
  if (ts.isNumericLiteral(e)) return Number(e.text.replace(/_/g, ''));
  if (ts.isPrefixUnaryExpression(e) && e.operator === ts.SyntaxKind.MinusToken && ts.isNumericLiteral(e.operand)) return -Number(e.operand.text);
  return undefined;
}

function literalBoolean(expr: ts.Expression | undefined): boolean | 'maybe' {
  if (!expr) return 'maybe';
  const e = skipOuter(expr);
  if (e.kind === ts.SyntaxKind.TrueKeyword) return true;
  if (e.kind === ts.SyntaxKind.FalseKeyword) return false;
  return 'maybe';
}

/* ------------------------------------------------------------------------------------------ */
/* Constructions                                                                               */
/* ------------------------------------------------------------------------------------------ */


/** Tells the env module which env reads feed this model, whatever their names. */
function noteEnvFeeds(context: DetectContext, value: Value, role: 'key' | 'baseURL' | 'model'): void {
  for (const env of possibleStrings(value).envs) context.noteEnvFeed({ env, role });
}

const OPENAI_ONLY_OPTIONS = ['service_tier', 'promptCacheKey', 'promptCacheRetention', 'verbosity', 'audio', 'modalities'];

function optionFacts(context: DetectContext, fields: ObjectValue | undefined): OptionFacts {
  const facts: OptionFacts = { logprobs: false, logitBias: false, streaming: false, streamUsage: true, reasoning: false, useResponsesApi: false, openaiOnly: [], view: UNKNOWN };
  if (!fields) return facts;
  facts.view = constructorWireView(context.evaluator, fields);
  const find = (...names: string[]) => lookup(context, fields, names).ref;
  const init = (...names: string[]) => {
    const ref = find(...names);
    return ref ? initializerOf(ref.property) : undefined;
  };
  facts.temperature = literalNumber(init('temperature'));
  facts.maxTokens = literalNumber(init('maxCompletionTokens', 'maxTokens'));
  facts.n = literalNumber(init('n'));
  const logprobs = find('logprobs', 'topLogprobs');
  facts.logprobs = logprobs !== undefined && literalBoolean(initializerOf(logprobs.property)) !== false;
  facts.logitBias = find('logitBias') !== undefined;
  const streaming = find('streaming');
  facts.streaming = streaming ? literalBoolean(initializerOf(streaming.property)) : false;
  const streamUsage = find('streamUsage');
  facts.streamUsage = !streamUsage || literalBoolean(initializerOf(streamUsage.property)) !== false;
  facts.reasoning = find('reasoning', 'reasoningEffort') !== undefined;
  const responses = find('useResponsesApi');
  facts.useResponsesApi = responses !== undefined && literalBoolean(initializerOf(responses.property)) === true;
  facts.dimensions = literalNumber(init('dimensions'));
  const batch = find('batchSize');
  if (batch) facts.batchSize = { ref: batch, value: literalNumber(initializerOf(batch.property)) };
  for (const name of OPENAI_ONLY_OPTIONS) {
    const ref = find(name);
    if (ref) facts.openaiOnly.push(ref);
  }
  const kwargs = find('modelKwargs');
  const kwargsInit = kwargs && initializerOf(kwargs.property);
  if (kwargs && kwargsInit) facts.kwargs = requestFacts(context.evaluator, kwargs.object.unit, kwargsInit);
  return facts;
}

function keyFacts(context: DetectContext, fields: ObjectValue, configuration: ObjectSlot): KeyFacts {
  let found = lookup(context, fields, ['apiKey', 'openAIApiKey']);
  if (!found.ref && configuration.kind === 'literal') {
    const inConfiguration = lookup(context, configuration.object, ['apiKey']);
    if (inConfiguration.ref) found = inConfiguration;
  }
  if (!found.ref) return { kind: found.opaque ? 'other' : 'absent' };
  const value = valueOf(context, found.ref);
  noteEnvFeeds(context, value, 'key');
  const { strings, envs } = possibleStrings(value);
  if (envs.length) return { kind: 'env', ref: found.ref, env: envs.find((e) => /OPENAI/i.test(e.name)) ?? envs[0] };
  if (strings.length === 1 && value.t === 'string') return { kind: 'literal', ref: found.ref };
  return { kind: 'other', ref: found.ref };
}

function modelFacts(context: DetectContext, fields: ObjectValue | undefined, slot: ObjectSlot): ModelFacts {
  if (!fields) return { literals: [], env: [], unknown: slot.kind === 'opaque' };
  const found = lookup(context, fields, ['model', 'modelName']);
  if (!found.ref) return { literals: [], env: [], unknown: found.opaque };
  const value = valueOf(context, found.ref);
  const { strings, envs, others } = possibleStrings(value);
  const literals = strings.filter((s) => ts.isStringLiteral(s.origin.node) || ts.isNoSubstitutionTemplateLiteral(s.origin.node));
  const facts: ModelFacts = { ref: found.ref, literals, env: envs.map((e) => e.name), unknown: false };
  if (others.length || (!strings.length && !envs.length)) facts.dynamic = found.ref.property.getText(found.ref.object.unit.sf);
  return facts;
}

export function analyzeConstruction(context: DetectContext, unit: Unit, node: ts.NewExpression, cls: LcClass, module: ModuleValue): LcClientFacts {
  const cached = clientCache.get(node);
  if (cached) return cached;
  const args = node.arguments ?? [];
  const fields = slotOf(context, unit, args[0]);
  const legacyConfig = slotOf(context, unit, args[1]);
  const fieldsObject = fields.kind === 'literal' ? fields.object : undefined;
  const facts: LcClientFacts = {
    unit,
    node,
    cls,
    specifier: module.specifier,
    legacy: isLegacySpecifier(module.specifier),
    fields,
    legacyConfig,
    configuration: { slot: { kind: 'none' } },
    routing: { to: 'openai' },
    baseRefs: [],
    key: { kind: 'absent' },
    model: modelFacts(context, fieldsObject, fields),
    drop: [],
    azureOptions: [],
    options: optionFacts(context, fieldsObject),
  };
  clientCache.set(node, facts);
  if (fields.kind === 'opaque') {
    facts.routing = { to: 'configurable', source: `options passed as ${fields.expression.getText(unit.sf)}` };
    facts.key = { kind: 'other' };
    return facts;
  }
  const configurationRef = fieldsObject ? lookup(context, fieldsObject, ['configuration']).ref : undefined;
  if (configurationRef) {
    facts.configuration = { ref: configurationRef, slot: slotOf(context, configurationRef.object.unit, initializerOf(configurationRef.property)) };
  }
  const configuration = facts.configuration.slot;
  // Endpoint, in LangChain's precedence: configuration.baseURL, then the deprecated second argument,
  // then the v0.0.x basePath spellings.
  const bases: PropertyRef[] = [];
  const collect = (slot: ObjectSlot, names: string[]) => {
    if (slot.kind !== 'literal') return;
    for (const name of names) {
      const ref = lookup(context, slot.object, [name]).ref;
      if (ref) bases.push(ref);
    }
  };
  collect(configuration, ['baseURL']);
  collect(legacyConfig, ['baseURL', 'basePath']);
  collect(configuration, ['basePath']);
  if (cls.kind === 'dalle' && fieldsObject) collect(fields, ['baseUrl']);
  facts.baseRefs = bases;
  if (configuration.kind === 'opaque') {
    facts.routing = { to: 'configurable', source: `configuration: ${configuration.expression.getText(configuration.unit.sf)}` };
  } else if (legacyConfig.kind === 'opaque') {
    facts.routing = { to: 'configurable', source: `configuration passed as ${legacyConfig.expression.getText(unit.sf)}` };
  } else if (bases.length) {
    const value = valueOf(context, bases[0]);
    facts.routing = routingOfBaseUrl(value);
    if (facts.routing.to === 'openai') noteEnvFeeds(context, value, 'baseURL');
  }
  if (fieldsObject) {
    facts.azureOptions = fieldsObject.node.properties
      .map((p) => (p.name ? propertyNameText(p.name) : undefined))
      .filter((name): name is string => !!name && /^azure(OpenAI|AD)/.test(name));
    if (facts.azureOptions.length && facts.routing.to === 'openai') facts.routing = { to: 'azure' };
    if (facts.routing.to === 'openai') facts.key = keyFacts(context, fieldsObject, configuration);
    const dropFrom = cls.kind === 'dalle' ? fields : configuration;
    if (dropFrom.kind === 'literal') {
      for (const name of ['organization', 'project']) {
        const ref = lookup(context, dropFrom.object, [name]).ref;
        if (ref) facts.drop.push(ref);
      }
    }
  }
  if (facts.routing.to === 'openai' && facts.model.ref) noteEnvFeeds(context, valueOf(context, facts.model.ref), 'model');
  return facts;
}

function isAzure(client: LcClientFacts): boolean {
  return client.cls.kind === 'azure' || client.routing.to === 'azure';
}

function isRouted(client: LcClientFacts): boolean {
  return client.routing.to !== 'openai' && client.routing.to !== 'azure';
}

const CLIENT_RULES: Record<LcClass['kind'], string> = {
  chat: 'langchain/chatModel',
  responses: 'langchain/chatModel',
  llm: 'langchain/completionModel',
  embeddings: 'langchain/embeddings',
  dalle: 'langchain/dallE',
  azure: 'langchain/azureModel',
};

/**
 * Per scan: the model constructions found and the constructions some call is made on. A model no
 * call is made on is handed to chains, agents or vector stores that call it inside LangChain: its
 * construction is the call site the code writes (finishLangChain marks it).
 */
const siteState = new WeakMap<DetectContext, { constructions: Map<ts.Node, LcDetection>; called: Set<ts.Node> }>();

function sitesOf(context: DetectContext) {
  let state = siteState.get(context);
  if (!state) siteState.set(context, (state = { constructions: new Map(), called: new Set() }));
  return state;
}

export function finishLangChain(context: DetectContext): LcDetection[] {
  const state = siteState.get(context);
  if (state) for (const [node, detection] of state.constructions) if (!state.called.has(node)) detection.callSite = true;
  return [];
}

function constructionDetections(context: DetectContext, unit: Unit, node: ts.NewExpression, cls: LcClass, module: ModuleValue): LcDetection[] {
  const client = analyzeConstruction(context, unit, node, cls, module);
  const location = locationOf(unit, node);
  if (isAzure(client)) {
    const message = cls.kind === 'azure' ? text.client(cls) : text.clientOnAzure(cls);
    const azure: LcDetection = { sdk: SDK, ruleId: CLIENT_RULES.azure, kind: 'client', location, message, reason: text.azureReason(), payload: { type: 'client', client } };
    sitesOf(context).constructions.set(node, azure);
    return [azure];
  }
  if (isRouted(client)) {
    return [{ sdk: SDK, ruleId: 'langchain/clientRouted', kind: 'routed', location, message: text.clientRouted(cls, client.routing), reason: text.routedReason(), payload: { type: 'client', client } }];
  }
  const detections: LcDetection[] = [
    {
      sdk: SDK,
      ruleId: CLIENT_RULES[cls.kind],
      kind: 'client',
      location,
      message: text.client(cls),
      reason: cls.kind === 'llm' ? text.llmReason() : text.clientReason(),
      ...(modelOf(client) ? { model: modelOf(client) } : {}),
      payload: { type: 'client', client },
    },
  ];
  sitesOf(context).constructions.set(node, detections[0]);
  for (const site of client.model.literals) {
    if (!isOpenAiModelId(site.value)) continue;
    const literal = site.origin.node as ts.StringLiteralLike;
    detections.push({
      sdk: SDK,
      ruleId: 'langchain/model',
      kind: 'model',
      location: locationOf(site.origin.unit, literal),
      message: text.modelId(site.value),
      reason: text.modelReason(),
      model: site.value,
      payload: { type: 'model', unit: site.origin.unit, literal, family: familyOf(client), needsVision: false, envOverride: client.model.env, cls },
    });
  }
  return detections;
}

/** The OpenAI model a construction uses: its first OpenAI id literal, or LangChain's default. */
export function modelOf(client: LcClientFacts): string | undefined {
  const literal = client.model.literals.find((s) => isOpenAiModelId(s.value)) ?? client.model.literals[0];
  if (literal) return literal.value;
  if (!client.model.ref && !client.model.unknown && client.fields.kind !== 'opaque') return client.cls.defaultModel;
  return undefined;
}

export function familyOf(client: LcClientFacts): ApiFamily {
  return client.options.useResponsesApi ? 'responses' : client.cls.family;
}

/* ------------------------------------------------------------------------------------------ */
/* Calls                                                                                       */
/* ------------------------------------------------------------------------------------------ */

const MODEL_METHODS = new Set(['invoke', 'stream', 'batch', 'call', 'predict', 'predictMessages', 'generate', 'generatePrompt', 'streamEvents', 'streamLog']);
const STREAM_METHODS = new Set(['stream', 'streamEvents', 'streamLog']);
const EMBED_METHODS = new Set(['embedQuery', 'embedDocuments']);
const CONFIG_METHODS = new Set(['withStructuredOutput', 'bindTools', 'bind']);
const STRUCTURED_METHODS: Record<string, string> = {
  jsonSchema: 'jsonSchema',
  json_schema: 'jsonSchema',
  functionCalling: 'functionCalling',
  function_calling: 'functionCalling',
  jsonMode: 'jsonMode',
  json_mode: 'jsonMode',
};

export const METHOD_NAMES = new Set([...MODEL_METHODS, ...EMBED_METHODS, ...CONFIG_METHODS]);

function methodFits(cls: LcClass, method: string): boolean {
  if (cls.family === 'embeddings') return EMBED_METHODS.has(method);
  if (EMBED_METHODS.has(method)) return false;
  if (cls.kind === 'dalle') return method === 'invoke' || method === 'call';
  if (cls.kind === 'llm') return MODEL_METHODS.has(method) || method === 'bind';
  return true;
}

/** Literal texts of a call's input, for token estimates and image parts. */
function inputTexts(context: DetectContext, unit: Unit, node: ts.Node | undefined, out: string[], depth = 0): void {
  if (!node || depth > 12) return;
  if (ts.isStringLiteral(node) || ts.isNoSubstitutionTemplateLiteral(node)) out.push(node.text);
  else if (ts.isTemplateExpression(node)) out.push(node.head.text, ...node.templateSpans.map((s) => s.literal.text));
  else if (ts.isIdentifier(node) && depth === 0) {
    const value = context.evaluator.evaluate(unit, node);
    if (value.t === 'string') out.push(value.value);
    return;
  }
  ts.forEachChild(node, (child) => inputTexts(context, unit, child, out, depth + 1));
}

/** `model.bindTools(tools).stream(...)`: the configured runnable is streamed right away. */
function streamedAfter(node: ts.CallExpression): boolean {
  const parent = node.parent;
  return ts.isPropertyAccessExpression(parent) && parent.expression === node && STREAM_METHODS.has(parent.name.text);
}

function callFacts(context: DetectContext, unit: Unit, node: ts.CallExpression, method: string): CallFacts | undefined {
  const args = node.arguments;
  const facts: CallFacts = { stream: STREAM_METHODS.has(method), tools: false, promptText: '', images: false, inputDynamic: false };
  if (method === 'bind') {
    const options = requestFacts(context.evaluator, unit, args[0]);
    if (!options.tools && !options.responseFormat) return undefined;
    facts.options = options;
    facts.tools = options.tools;
    facts.stream = streamedAfter(node);
    return facts;
  }
  if (method === 'bindTools') {
    facts.tools = true;
    facts.stream = streamedAfter(node);
    if (args[1]) facts.options = requestFacts(context.evaluator, unit, args[1]);
    return facts;
  }
  if (method === 'withStructuredOutput') {
    facts.stream = streamedAfter(node);
    let structured: string | undefined;
    const config = args[1] ? context.evaluator.evaluate(unit, args[1]) : undefined;
    if (config?.t === 'object') {
      const methodValue = context.evaluator.objectMember(config, 'method');
      if (methodValue.t === 'string') structured = STRUCTURED_METHODS[methodValue.value] ?? 'unknown';
      else if (methodValue.t !== 'unknown') structured = 'unknown';
    } else if (config) {
      structured = 'unknown';
    }
    facts.structured = { method: structured };
    if (structured === 'functionCalling') facts.tools = true;
    return facts;
  }
  if (EMBED_METHODS.has(method)) {
    if (method === 'embedQuery') facts.inputCount = 1;
    else {
      const input = args[0] && skipOuter(args[0]);
      if (input && ts.isArrayLiteralExpression(input) && !input.elements.some((e) => ts.isSpreadElement(e))) facts.inputCount = input.elements.length;
      else facts.inputDynamic = true;
    }
    return facts;
  }
  const texts: string[] = [];
  inputTexts(context, unit, args[0], texts);
  facts.images = texts.includes('image_url');
  facts.promptText = texts.filter((s) => !['system', 'user', 'human', 'ai', 'assistant', 'text', 'image_url'].includes(s)).join('\n');
  // invoke(input, { tools, tool_choice, response_format, … }): call options.
  const optionsArg = method === 'generate' || method === 'call' || method === 'predict' ? undefined : args[1];
  if (optionsArg) {
    const options = requestFacts(context.evaluator, unit, optionsArg);
    if (options.object) {
      facts.options = options;
      facts.tools = options.tools;
    }
  }
  return facts;
}

function callDetection(context: DetectContext, unit: Unit, node: ts.CallExpression, method: string, instance: LcInstance): LcDetection | undefined {
  const { cls, value } = instance;
  if (!methodFits(cls, method)) return undefined;
  const facts = callFacts(context, unit, node, method);
  if (!facts) return undefined;
  const origin = value.origin.node;
  const module = value.module;
  if (value.op === 'new') sitesOf(context).called.add(origin);
  const client = value.op === 'new' && ts.isNewExpression(origin) && classOf(module) ? analyzeConstruction(context, value.origin.unit, origin, cls, module) : undefined;
  const routed = client !== undefined && isRouted(client);
  const callee = node.expression.getText(unit.sf).replace(/\s+/g, '');
  // An Azure model's default id says nothing: the deployment decides.
  const model = client && !isAzure(client) ? modelOf(client) : undefined;
  const family = client ? familyOf(client) : cls.family;
  const ruleId = routed
    ? 'langchain/callRouted'
    : method === 'withStructuredOutput'
      ? 'langchain/structuredOutput'
      : method === 'bindTools' || method === 'bind'
        ? 'langchain/bindTools'
        : EMBED_METHODS.has(method)
          ? 'langchain/embed'
          : 'langchain/invoke';
  const message = routed
    ? text.callRouted(callee)
    : method === 'withStructuredOutput'
      ? text.structuredOutput(callee)
      : ruleId === 'langchain/bindTools'
        ? text.bindTools(callee)
        : text.call(callee, cls);
  const reason = routed
    ? text.routedReason()
    : method === 'withStructuredOutput'
      ? text.structuredReason()
      : ruleId === 'langchain/bindTools'
        ? text.bindToolsReason()
        : text.callReason(cls);
  const streaming = facts.stream || client?.options.streaming === true;
  return {
    sdk: SDK,
    ruleId,
    kind: routed ? 'routed' : 'call',
    location: locationOf(unit, node),
    message,
    reason,
    ...(model ? { model } : {}),
    usage: {
      call: `${cls.name}.${method}`,
      family,
      ...(model ? { model } : {}),
      stream: streaming,
      ...(facts.promptText ? { promptText: facts.promptText } : {}),
      ...(client?.options.maxTokens !== undefined ? { maxTokens: client.options.maxTokens } : {}),
    },
    payload: { type: 'call', unit, node, cls, method, client, routed, facts },
  };
}

function detectCall(unit: Unit, node: ts.CallExpression, context: DetectContext, detections: LcDetection[]): void {
  const callee = skipOuter(node.expression);
  if (!ts.isPropertyAccessExpression(callee) || !METHOD_NAMES.has(callee.name.text)) return;
  const method = callee.name.text;
  const value = context.evaluator.evaluate(unit, callee);
  // Only methods of the model itself: `model.bindTools(t).invoke()` is reported once, at bindTools.
  const instances = lcInstances(value).filter((i) => i.value.path.length === 1 && i.value.path[0] === method);
  if (!instances.length) return;
  const instance = instances.find((i) => i.value.op === 'new') ?? instances[0];
  const detection = callDetection(context, unit, node, method, instance);
  if (detection) detections.push(detection);
}

/* ------------------------------------------------------------------------------------------ */
/* Imports and the walk                                                                        */
/* ------------------------------------------------------------------------------------------ */

function importDetection(unit: Unit, node: ts.Node, specifier: string, typeOnly: boolean): LcDetection {
  return {
    sdk: SDK,
    ruleId: typeOnly ? 'langchain/typeImport' : 'langchain/import',
    kind: 'import',
    location: locationOf(unit, node),
    message: typeOnly ? text.typeImport(specifier) : text.importOf(specifier),
    reason: typeOnly ? text.typeImportReason() : text.importReason(),
    payload: { type: 'import', specifier, typeOnly },
  };
}


export function detectLangChain(unit: Unit, context: DetectContext): LcDetection[] {
  const detections: LcDetection[] = [];
  for (const node of structuralNodes(unit)) {
    if (ts.isImportDeclaration(node) && ts.isStringLiteral(node.moduleSpecifier) && isLangChainSpecifier(node.moduleSpecifier.text)) {
      detections.push(importDetection(unit, node, node.moduleSpecifier.text, isTypeOnlyImport(node)));
    } else if (ts.isExportDeclaration(node) && node.moduleSpecifier && ts.isStringLiteral(node.moduleSpecifier) && isLangChainSpecifier(node.moduleSpecifier.text)) {
      detections.push(importDetection(unit, node, node.moduleSpecifier.text, node.isTypeOnly));
    } else if (ts.isNewExpression(node)) {
      const callee = context.evaluator.evaluate(unit, node.expression);
      const cls = callee.t === 'module' ? classOf(callee) : undefined;
      if (cls && callee.t === 'module') detections.push(...constructionDetections(context, unit, node, cls, callee));
    } else if (ts.isCallExpression(node)) {
      const callee = skipOuter(node.expression);
      const isModuleLoad =
        node.expression.kind === ts.SyntaxKind.ImportKeyword || (ts.isIdentifier(callee) && callee.text === 'require' && !resolveName(callee));
      if (isModuleLoad) {
        const arg = node.arguments[0];
        if (arg && ts.isStringLiteralLike(arg) && isLangChainSpecifier(arg.text)) detections.push(importDetection(unit, node, arg.text, false));
      } else {
        detectCall(unit, node, context, detections);
      }
    }
  }
  return detections;
}

/**
 * The `ai` package's helpers that send a request through a provider model (`generateText`,
 * `streamText`, `generateObject`, `streamObject`, `streamUI`, `embed`, `embedMany`, `generateImage`,
 * `transcribe`, `generateSpeech`), and what a call asks of the endpoint, translated into the
 * OpenAI-shaped request facts the capability lint reads.
 * Upstream: https://ai-sdk.dev/docs/reference/ai-sdk-core
 */
import { ts } from '../../analysis/ts.js';
import { propertyNameText } from '../../analysis/scope.js';
import type { Unit } from '../../analysis/unit.js';
import { skipOuter, type Evaluator, type ObjectValue } from '../../analysis/values.js';
import type { ApiFamily } from '../../core/types.js';
import { requestFacts, type RequestFacts } from '../shared/request.js';
import { classify, type ModelRef } from './binding.js';
import { alwaysSendsStreamOptions, type SdkVersions } from './version.js';
import { helperWireView } from './wire.js';

export type HelperKind = 'text' | 'object' | 'embed' | 'image' | 'transcription' | 'speech';

export interface HelperRule {
  /** The name the rule and the usage report. */
  name: string;
  ruleId: string;
  kind: HelperKind;
  stream: boolean;
}

const rule = (name: string, kind: HelperKind, stream = false): HelperRule => ({ name, ruleId: `vercel-ai/${name}`, kind, stream });

/** Exported names of `ai` (and `ai/rsc`) → rule. Experimental names are the same helper. */
const HELPERS: Record<string, HelperRule> = {
  generateText: rule('generateText', 'text'),
  streamText: rule('streamText', 'text', true),
  generateObject: rule('generateObject', 'object'),
  streamObject: rule('streamObject', 'object', true),
  embed: rule('embed', 'embed'),
  embedMany: rule('embedMany', 'embed'),
  generateImage: rule('generateImage', 'image'),
  experimental_generateImage: rule('generateImage', 'image'),
  transcribe: rule('transcribe', 'transcription'),
  experimental_transcribe: rule('transcribe', 'transcription'),
  generateSpeech: rule('generateSpeech', 'speech'),
  experimental_generateSpeech: rule('generateSpeech', 'speech'),
};
const RSC_HELPERS: Record<string, HelperRule> = { streamUI: rule('streamUI', 'text', true) };

export function helperRule(specifier: string, path: string[]): HelperRule | undefined {
  if (path.length !== 1) return undefined;
  if (specifier === 'ai') return Object.hasOwn(HELPERS, path[0]) ? HELPERS[path[0]] : undefined;
  if (specifier === 'ai/rsc') return Object.hasOwn(RSC_HELPERS, path[0]) ? RSC_HELPERS[path[0]] : undefined;
  return undefined;
}

/** The API family a helper call uses, given the factory method of its model. */
export function familyOf(kind: HelperKind, model: ModelRef | undefined, modelId: string | undefined, versions: SdkVersions): ApiFamily {
  switch (kind) {
    case 'embed':
      return 'embeddings';
    case 'image':
      return 'images';
    case 'transcription':
    case 'speech':
      return 'audio';
    default:
      if (model?.kind === 'completion') return 'completions';
      if (model?.kind === 'responses') return 'responses';
      // @ai-sdk/openai 1.x routes the one instruct model of a direct call to /completions.
      if (model?.kind === 'language' && versions.openai !== undefined && versions.openai < 2 && modelId && /instruct/.test(modelId)) return 'completions';
      return 'chat';
  }
}

/** OpenAI provider options (camelCase, `providerOptions.openai` or 1.x model settings) sent as OpenAI-only parameters. */
const OPENAI_ONLY_OPTIONS = new Set([
  'store',
  'metadata',
  'serviceTier',
  'prediction',
  'textVerbosity',
  'promptCacheKey',
  'promptCacheRetention',
  'safetyIdentifier',
  'previousResponseId',
  'include',
  'reasoningSummary',
]);

export interface HelperFacts {
  facts: RequestFacts;
  /** The model option's initializer, when written in the object literal. */
  modelExpression: ts.Expression | undefined;
  /** OpenAI built-in tools passed in `tools` (`openai.tools.webSearchPreview(...)`), by name. */
  builtinTools: string[];
  /** The SDK writes the JSON instruction into the prompt itself (object generation in JSON mode). */
  jsonInstructionInjected: boolean;
}

function initializerOf(property: ts.ObjectLiteralElementLike): ts.Expression | undefined {
  if (ts.isPropertyAssignment(property)) return property.initializer;
  if (ts.isShorthandPropertyAssignment(property)) return property.name;
  return undefined;
}

function stringOf(expr: ts.Expression | undefined): string | undefined {
  if (!expr) return undefined;
  const e = skipOuter(expr);
  return ts.isStringLiteral(e) || ts.isNoSubstitutionTemplateLiteral(e) ? e.text : undefined;
}

function numberOf(expr: ts.Expression | undefined): number | undefined {
  if (!expr) return undefined;
  const e = skipOuter(expr);
  if (ts.isNumericLiteral(e)) return Number(e.text);
  if (ts.isPrefixUnaryExpression(e) && e.operator === ts.SyntaxKind.MinusToken && ts.isNumericLiteral(e.operand)) return -Number(e.operand.text);
  return undefined;
}

/** Literal texts under a node (prompt, system, messages) and whether an image part is sent. */
function collectPrompt(node: ts.Node, texts: string[], flags: { images: boolean }): void {
  if (ts.isPropertyAssignment(node) && node.name && propertyNameText(node.name) === 'type' && stringOf(node.initializer) === 'image') {
    flags.images = true;
    return;
  }
  if (ts.isPropertyAssignment(node) && node.name && (propertyNameText(node.name) === 'role' || propertyNameText(node.name) === 'type')) return;
  if (ts.isStringLiteral(node) || ts.isNoSubstitutionTemplateLiteral(node)) texts.push(node.text);
  else if (ts.isTemplateExpression(node)) texts.push(node.head.text, ...node.templateSpans.map((s) => s.literal.text));
  ts.forEachChild(node, (child) => collectPrompt(child, texts, flags));
}

function objectOf(evaluator: Evaluator, unit: Unit, expr: ts.Expression | undefined): ObjectValue | undefined {
  if (!expr) return undefined;
  const value = evaluator.evaluate(unit, expr);
  return value.t === 'object' ? value : undefined;
}

/** OpenAI-specific settings: `providerOptions.openai` (and older names) or the 1.x model settings argument. */
function readOpenAiOptions(object: ObjectValue, facts: RequestFacts, out: { structuredOutputs?: boolean }): void {
  for (const property of object.node.properties) {
    const name = property.name ? propertyNameText(property.name) : undefined;
    const init = initializerOf(property);
    if (!name) continue;
    switch (name) {
      case 'logitBias':
        facts.logitBias = true;
        break;
      case 'logprobs':
        if (init?.kind !== ts.SyntaxKind.FalseKeyword) facts.logprobs = true;
        break;
      case 'parallelToolCalls':
        facts.parallelToolCalls = true;
        break;
      case 'reasoningEffort':
        facts.reasoningEffort = true;
        break;
      case 'maxCompletionTokens':
        facts.maxCompletionTokens = property;
        facts.maxTokens ??= numberOf(init);
        break;
      case 'dimensions':
        facts.dimensions = numberOf(init);
        break;
      case 'structuredOutputs':
        if (init?.kind === ts.SyntaxKind.TrueKeyword) out.structuredOutputs = true;
        else if (init?.kind === ts.SyntaxKind.FalseKeyword) out.structuredOutputs = false;
        break;
      default:
        if (OPENAI_ONLY_OPTIONS.has(name)) facts.openaiOnly.push(property);
    }
  }
}

/**
 * What one helper call asks of the endpoint, in the OpenAI wire terms of RequestFacts: streaming,
 * stream_options, tools and tool_choice, structured output, sampling, images, OpenAI-only options,
 * embedding inputs.
 */
export function helperFacts(evaluator: Evaluator, options: ObjectValue, helper: HelperRule, model: ModelRef | undefined, versions: SdkVersions): HelperFacts {
  // requestFacts of no argument is an empty, fresh set of facts.
  const facts = requestFacts(evaluator, options.unit, undefined);
  facts.object = options;
  if (helper.kind === 'text' || helper.kind === 'object') facts.view = helperWireView(evaluator, options);
  facts.stream = helper.stream;
  const texts: string[] = [];
  const flags = { images: false };
  const structured: { structuredOutputs?: boolean } = {};
  const result: HelperFacts = { facts, modelExpression: undefined, builtinTools: [], jsonInstructionInjected: false };
  let mode: string | undefined;
  let output: 'schema' | 'no-schema' | undefined;
  // 1.x model settings: openai('gpt-4o', { structuredOutputs: true, logitBias: … }).
  const settings = model?.site?.node.arguments[1];
  const settingsObject = model?.site ? objectOf(evaluator, model.site.unit, settings) : undefined;
  if (settingsObject) readOpenAiOptions(settingsObject, facts, structured);

  for (const property of options.node.properties) {
    if (ts.isSpreadAssignment(property)) continue;
    const name = property.name ? propertyNameText(property.name) : undefined;
    const init = initializerOf(property);
    if (!name || !init) continue;
    switch (name) {
      case 'model':
        result.modelExpression = init;
        break;
      case 'tools': {
        facts.tools = true;
        const tools = objectOf(evaluator, options.unit, init);
        for (const tool of tools?.node.properties ?? []) {
          const toolInit = initializerOf(tool);
          if (!toolInit) continue;
          const thing = classify(evaluator.evaluate(tools!.unit, toolInit));
          if (thing?.t === 'tool') result.builtinTools.push(thing.tool.name);
        }
        break;
      }
      case 'toolChoice': {
        const value = stringOf(init);
        facts.toolChoice = value ?? 'function';
        break;
      }
      case 'temperature':
        facts.temperature = numberOf(init);
        break;
      case 'maxTokens':
      case 'maxOutputTokens':
        facts.maxTokens = numberOf(init);
        break;
      case 'seed':
        facts.seed = true;
        break;
      case 'providerOptions':
      case 'providerMetadata':
      case 'experimental_providerMetadata': {
        const all = objectOf(evaluator, options.unit, init);
        const openai = all ? evaluator.objectMember(all, 'openai') : undefined;
        if (openai?.t === 'object') readOpenAiOptions(openai, facts, structured);
        break;
      }
      case 'prompt':
      case 'system':
      case 'messages':
        collectPrompt(skipOuter(init), texts, flags);
        if (name === 'messages' && ts.isIdentifier(skipOuter(init))) {
          const value = evaluator.evaluate(options.unit, init);
          if (value.t === 'string') texts.push(value.value);
        }
        break;
      case 'mode':
        mode = stringOf(init);
        break;
      case 'output':
      case 'experimental_output': {
        const text = stringOf(init);
        if (text === 'no-schema') output = 'no-schema';
        else if (text === 'object' || text === 'array' || text === 'enum') output = 'schema';
        else if (!text && ts.isCallExpression(skipOuter(init)) && !/\.text\s*\(/.test(skipOuter(init).getText(options.unit.sf))) output = 'schema';
        break;
      }
      case 'value':
        facts.inputCount = 1;
        break;
      case 'values': {
        const list = skipOuter(init);
        if (ts.isArrayLiteralExpression(list) && !list.elements.some((e) => ts.isSpreadElement(e))) facts.inputCount = list.elements.length;
        else facts.inputDynamic = true;
        collectPrompt(list, texts, flags);
        break;
      }
      case 'n':
        facts.n = numberOf(init);
        break;
    }
  }
  if (helper.kind === 'object' || output) structuredOutput(facts, result, helper, mode, output, structured.structuredOutputs, versions);
  // Chat models send stream_options on every stream from @ai-sdk/openai 2.0 on.
  if (helper.stream && alwaysSendsStreamOptions(versions)) facts.streamOptions = true;
  facts.images = flags.images;
  facts.promptText = texts.join('\n');
  return result;
}

/**
 * How an object is asked for on the wire. 2.x+: response_format json_schema (json_object when
 * structuredOutputs is off or there is no schema). 1.x: a forced tool call unless the model has
 * `structuredOutputs: true` or the call asks for `mode: 'json'` (json_object, the SDK writing the
 * schema and the word JSON into the prompt).
 */
function structuredOutput(
  facts: RequestFacts,
  result: HelperFacts,
  helper: HelperRule,
  mode: string | undefined,
  output: 'schema' | 'no-schema' | undefined,
  structuredOutputs: boolean | undefined,
  versions: SdkVersions,
): void {
  const modern = versions.openai === undefined || versions.openai >= 2;
  if (output === 'no-schema') {
    facts.responseFormat = 'json_object';
    result.jsonInstructionInjected = true;
    return;
  }
  if (modern) {
    facts.responseFormat = structuredOutputs === false ? 'json_object' : 'json_schema';
    result.jsonInstructionInjected = facts.responseFormat === 'json_object';
    return;
  }
  if (structuredOutputs) {
    facts.responseFormat = 'json_schema';
    return;
  }
  if (mode === 'json' || (helper.kind !== 'object' && output === 'schema')) {
    facts.responseFormat = 'json_object';
    result.jsonInstructionInjected = true;
    return;
  }
  facts.tools = true;
  facts.toolChoice = 'function';
}

/**
 * The capability lint: for a target provider, which parts of a request it lacks or limits. Every
 * issue names the feature and carries the catalogue's evidence link. Shared by every SDK module
 * whose requests have OpenAI's shape.
 */
import type { EmbeddingModel, Provider } from '../../catalogue/schema.js';
import type { FeatureId } from '../../catalogue/schema.js';
import { findProviderModel } from '../../catalogue/index.js';
import type { ApiFamily } from '../../core/types.js';
import { t, type Localized } from '../../core/text.js';
import type { RequestFacts } from './request.js';
import { dialectEdits, firedRules, outputTokenRule } from '../../dialects/scan.js';
import { isObject } from '../../dialects/match.js';
import { ts } from '../../analysis/ts.js';
import type { TextEdit } from '../../core/types.js';
import { appendProperties, replaceNode, replaceStringContent } from '../../edits/object-literal.js';
import type { TextStyle } from '../../edits/style.js';
import { propertyByName } from './options.js';
import { SPREAD } from '../../dialects/types.js';
import { UNKNOWN, type DialectRule, type View } from '../../dialects/types.js';
import { DIALECT_RULES } from '../../dialects/rules.js';
import { rebuiltMessagesOf, roundTripRules, type RebuiltMessage } from '../../dialects/tool-loop.js';
import { cachedTokenReads, type CachedTokensRead } from '../../dialects/cached-tokens.js';
import { indexKeyedToolCalls } from '../../dialects/sse-tool-index.js';
import type { Unit } from '../../analysis/unit.js';
import { ruleMessage } from '../../dialects/rules-zh.js';
import { describeColumns, type VectorColumn } from '../../pipeline/vector-columns.js';

export interface Issue {
  level: 'review' | 'manual';
  feature?: FeatureId;
  /** The dialect rule (dialects/rules.ts) the issue comes from. */
  dialect?: string;
  message: Localized;
  docs?: string;
}

const FEATURE_NAMES: Record<FeatureId, string> = {
  streaming: 'streaming',
  streamOptions: 'stream_options',
  tools: 'tools / function calling',
  streamingTools: 'tool calls while streaming',
  toolChoice: 'tool_choice',
  parallelToolCalls: 'parallel_tool_calls',
  jsonObject: 'response_format json_object',
  jsonSchema: 'response_format json_schema (structured outputs)',
  parse: '.parse() structured outputs',
  vision: 'image input',
  multipleChoices: 'n > 1',
  logprobs: 'logprobs',
  seed: 'seed',
  logitBias: 'logit_bias',
  temperature: 'temperature',
  maxCompletionTokens: 'max_completion_tokens',
  thinking: 'reasoning_effort',
  reasoningContent: 'reasoning_content',
  embeddings: 'embeddings',
  images: 'image generation',
  audio: 'audio (speech / transcription)',
  moderations: 'moderations',
  files: 'files',
  batch: 'batch',
  fineTuning: 'fine-tuning',
  responses: 'the Responses API',
  assistants: 'the Assistants API',
  vectorStores: 'vector stores',
  realtime: 'Realtime',
};

export function featureName(feature: FeatureId): string {
  return FEATURE_NAMES[feature];
}

/** An issue when the provider does not plainly support `feature`. */
export function checkFeature(provider: Provider, feature: FeatureId, context?: string): Issue | undefined {
  const flag = provider.features[feature];
  const name = FEATURE_NAMES[feature] + (context ? ` (${context})` : '');
  const note = flag.note ? ` ${flag.note}` : '';
  const docs = flag.source ?? provider.docs.openaiCompatibility;
  switch (flag.support) {
    case 'yes':
      return undefined;
    case 'no':
      return {
        level: 'manual',
        feature,
        message: t(`${provider.name.en} does not support ${name}.${note}`, `${provider.name.zh} 不支持 ${name}。${flag.note ?? ''}`),
        docs,
      };
    case 'partial':
      return {
        level: 'review',
        feature,
        message: t(`${provider.name.en} supports ${name} only partly.${note}`, `${provider.name.zh} 仅部分支持 ${name}。${flag.note ?? ''}`),
        docs,
      };
    default:
      return {
        level: 'review',
        feature,
        message: t(
          `${provider.name.en} support for ${name} is unconfirmed; test it before relying on it.${note}`,
          `${provider.name.zh} 是否支持 ${name} 尚未确认，上线前请先测试。${flag.note ?? ''}`,
        ),
        docs,
      };
  }
}

const FAMILY_FEATURE: Partial<Record<ApiFamily, FeatureId>> = {
  embeddings: 'embeddings',
  images: 'images',
  audio: 'audio',
  moderations: 'moderations',
  files: 'files',
  batches: 'batch',
  fine_tuning: 'fineTuning',
  vector_stores: 'vectorStores',
  assistants: 'assistants',
  realtime: 'realtime',
  responses: 'responses',
};

/** Whether the provider serves this kind of API at all. */
export function checkFamily(provider: Provider, family: ApiFamily): Issue | undefined {
  const feature = FAMILY_FEATURE[family];
  if (feature) return checkFeature(provider, feature);
  if (family === 'other') {
    return {
      level: 'manual',
      message: t('This API exists only at OpenAI; no provider offers it.', '该接口仅 OpenAI 提供，国内服务商均无对应接口。'),
      docs: provider.docs.openaiCompatibility,
    };
  }
  if (family === 'completions') {
    return {
      level: 'review',
      message: t(
        `The legacy /completions endpoint is not documented by ${provider.name.en}; move the call to chat.completions.`,
        `${provider.name.zh} 未说明支持旧版 /completions 接口，请改用 chat.completions。`,
      ),
      docs: provider.docs.openaiCompatibility,
    };
  }
  if (family === 'models') {
    return {
      level: 'review',
      message: t(`${provider.name.en} lists its own models; code that expects OpenAI ids in the list must change.`, `${provider.name.zh} 返回自己的模型列表，依赖 OpenAI 模型名的代码需修改。`),
      docs: provider.docs.models ?? provider.docs.openaiCompatibility,
    };
  }
  return undefined;
}

export interface LintOptions {
  family: ApiFamily;
  flavour?: 'create' | 'stream' | 'parse' | 'runTools' | 'stored';
  /** The provider model the call will use after the move. */
  targetModel?: string;
  /** OpenAI embedding size before the move, for the re-index warning. */
  previousDimensions?: number;
  /** The project's vector column declarations, named by the re-index warning. */
  vectorColumns?: () => VectorColumn[];
  /** The base URL the client sends to after the move, where the code shows it (DeepSeek's /beta). */
  baseUrl?: string;
}

/** Issues of one request against the provider, feature by feature. */
export function lintRequest(facts: RequestFacts, provider: Provider, options: LintOptions): Issue[] {
  const issues: Issue[] = [];
  const push = (...found: Array<Issue | undefined>) => {
    for (const issue of found) if (issue) issues.push(issue);
  };
  if (options.family === 'chat') {
    if (options.flavour === 'stored') {
      push({
        level: 'manual',
        message: t('Stored completions (retrieve/list/update/delete) exist only at OpenAI.', '存储的补全（retrieve/list/update/delete）仅 OpenAI 提供。'),
        docs: provider.docs.openaiCompatibility,
      });
      return issues;
    }
    if (facts.stream === true || options.flavour === 'stream') push(checkFeature(provider, 'streaming'));
    if (facts.streamOptions) push(checkFeature(provider, 'streamOptions'));
    const streaming = facts.stream === true || options.flavour === 'stream';
    if (facts.tools || options.flavour === 'runTools') {
      push(checkFeature(provider, 'tools'));
      if (streaming) push(checkFeature(provider, 'streamingTools'));
    }
    if (streaming && facts.usageRead && !facts.streamOptions && !dialectCovers(provider, 'streamOptions')) push(missingStreamOptions(provider));
    if (facts.toolChoice) {
      const flag = provider.features.toolChoice;
      // A closed list of values decides; the support level only matters for values on it.
      if (flag.values && !flag.values.includes(facts.toolChoice)) {
        push({
          level: 'manual',
          feature: 'toolChoice',
          message: t(
            `${provider.name.en} accepts tool_choice ${flag.values.join(', ')}, not '${facts.toolChoice}'.`,
            `${provider.name.zh} 的 tool_choice 仅支持 ${flag.values.join('、')}，不支持 '${facts.toolChoice}'。`,
          ),
          docs: flag.source,
        });
      } else {
        push(checkFeature(provider, 'toolChoice', facts.toolChoice));
      }
    }
    if (facts.parallelToolCalls) push(checkFeature(provider, 'parallelToolCalls'));
    if (options.flavour === 'parse') push(checkFeature(provider, 'parse'));
    else if (facts.responseFormat === 'json_schema') push(checkFeature(provider, 'jsonSchema'));
    if (facts.responseFormat === 'json_object') {
      push(checkFeature(provider, 'jsonObject'));
      const needsWord = provider.quirks.find((q) => q.id === 'jsonModeNeedsWord');
      if (needsWord && facts.promptText && !/json/i.test(facts.promptText)) {
        push({ level: 'review', feature: 'jsonObject', message: t(needsWord.message, '消息中必须包含 “JSON” 一词，否则请求会被拒绝。'), docs: needsWord.source });
      }
    }
    if (facts.n !== undefined && facts.n > 1) push(checkFeature(provider, 'multipleChoices'));
    if (facts.logprobs) push(checkFeature(provider, 'logprobs'));
    if (facts.seed) push(checkFeature(provider, 'seed'));
    if (facts.logitBias) push(checkFeature(provider, 'logitBias'));
    // A provider with its own output-token rule (dialects) says which field it wants.
    if (facts.maxCompletionTokens && !outputTokenRule(provider.id)) push(checkFeature(provider, 'maxCompletionTokens'));
    if (facts.reasoningEffort) {
      const thinking = provider.features.thinking;
      if (!thinking.values?.includes('reasoning_effort')) {
        push({
          level: 'review',
          feature: 'thinking',
          message: t(
            `${provider.name.en} switches thinking with ${thinking.values?.join(' / ') ?? 'its own parameter'}, not reasoning_effort.`,
            `${provider.name.zh} 用 ${thinking.values?.join(' / ') ?? '自有参数'} 控制思考模式，而不是 reasoning_effort。`,
          ),
          docs: thinking.source,
        });
      }
    }
    if (facts.images) push(checkFeature(provider, 'vision'));
    if (facts.temperature !== undefined) push(checkTemperature(provider, facts.temperature));
    if (options.targetModel && (facts.tools || options.flavour === 'runTools')) push(checkReasoningRoundTrip(provider, options.targetModel));
  }
  if (options.family === 'embeddings') push(...lintEmbeddings(facts, provider, options));
  if (options.family === 'chat' || options.family === 'responses' || options.family === 'assistants') {
    const dialect = dialectIssues(facts, provider, options);
    // A dialect rule is more precise than the catalogue's flag for the same feature: it replaces it.
    const covered = new Set(dialect.map((i) => i.feature).filter(Boolean));
    for (let i = issues.length - 1; i >= 0; i--) if (issues[i].feature && covered.has(issues[i].feature)) issues.splice(i, 1);
    push(...dialect);
  }
  if (facts.openaiOnly.length) {
    const names = facts.openaiOnly.map((p) => p.name?.getText()).join(', ');
    push({
      level: 'review',
      message: t(`OpenAI-only parameters (${names}) are ignored or rejected by ${provider.name.en}.`, `OpenAI 专有参数（${names}）会被 ${provider.name.zh} 忽略或拒绝。`),
      docs: provider.docs.openaiCompatibility,
    });
  }
  return issues;
}

/** The catalogue feature a dialect rule speaks about, so the rule replaces the generic issue. */
const RULE_FEATURE: Partial<Record<DialectRule['family'], FeatureId>> = {
  'output-tokens': 'maxCompletionTokens',
  'tool-choice': 'toolChoice',
  'structured-output': 'jsonSchema',
  streaming: 'streamOptions',
};

function ruleFeature(rule: DialectRule): FeatureId | undefined {
  if (rule.family === 'sampling') {
    const param = 'param' in rule.when ? rule.when.param : undefined;
    if (param === 'temperature') return 'temperature';
    if (param === 'n') return 'multipleChoices';
    if (param === 'logprobs') return 'logprobs';
    return undefined;
  }
  // A rule about reasoning_effort speaks for the catalogue's "switches thinking with …, not reasoning_effort".
  if (rule.family === 'thinking') return 'param' in rule.when && rule.when.param === 'reasoning_effort' ? 'thinking' : undefined;
  // A rule about json_object (the word "json" in the prompt) speaks for JSON mode, not for json_schema.
  if (rule.family === 'structured-output' && JSON.stringify(rule.when).includes('json_object')) return 'jsonObject';
  // Which models read images at all: the provider's own rule replaces the catalogue's "partly".
  if (rule.family === 'vision') return 'contentPart' in rule.when && !rule.when.dataUrl ? 'vision' : undefined;
  return RULE_FEATURE[rule.family];
}

/** Whether a dialect rule of the provider speaks for this feature (it then reports instead). */
function dialectCovers(provider: Provider, feature: FeatureId): boolean {
  return feature === 'streamOptions' && DIALECT_RULES.some((rule) => rule.providers.includes(provider.id) && 'streamUsageWithoutOptions' in rule.when);
}

/** The dialect rules (dialects/rules.ts) this request breaks on the provider, as issues. */
function dialectIssues(facts: RequestFacts, provider: Provider, options: LintOptions): Issue[] {
  let view: View = facts.view;
  // json_schema sent by a helper (zodResponseFormat) or by .parse() is json_schema on the wire.
  if ((facts.responseFormat === 'json_schema' || options.flavour === 'parse') && isObject(view)) {
    const format = view.response_format;
    if (format === undefined || format === UNKNOWN) view = { ...view, response_format: { type: 'json_schema' } };
  }
  // chat.completions.stream() streams without saying stream: true in its request.
  if (options.flavour === 'stream' && isObject(view) && view.stream === undefined) view = { ...view, stream: true };
  const literalModel = facts.model?.value.t === 'string' ? facts.model.value.value : undefined;
  const model = options.targetModel ?? (literalModel && findProviderModel(provider, literalModel) ? literalModel : undefined);
  const catalogued = model ? findProviderModel(provider, model) : undefined;
  const streaming = facts.stream === true || options.flavour === 'stream';
  const rules = firedRules({
    view,
    api: options.family === 'responses' || options.family === 'assistants' ? options.family : 'chat',
    providerId: provider.id,
    model,
    thinkingAlways: catalogued !== undefined && 'thinking' in catalogued && catalogued.thinking === 'always',
    streamUsageWithoutOptions: streaming && facts.usageRead && !facts.streamOptions,
    ...(options.baseUrl !== undefined ? { baseUrl: options.baseUrl } : {}),
  });
  return rules.map((rule) => {
    const feature = ruleFeature(rule);
    // A rule whose level holds only with its edit: where banjia cannot make it, the call cannot move as written.
    const rewritten = !rule.levelWithoutRewrite || (facts.object !== undefined && dialectEdits([rule], facts.object.node, facts.object.unit).length > 0);
    return {
      level: rewritten ? rule.level : rule.levelWithoutRewrite!,
      ...(feature ? { feature } : {}),
      dialect: rule.id,
      message: withToolTypes(rule, view, ruleMessage(rule, true)),
      docs: rule.evidence[0].url,
    };
  });
}

/** A rule about tool types names the ones the request sends (`file_search`, `web_search`) before its text. */
function withToolTypes(rule: DialectRule, view: View, message: Localized): Localized {
  const when = rule.when;
  const tools = isObject(view) ? view.tools : undefined;
  if (!('toolType' in when) || !Array.isArray(tools)) return message;
  const sent = [...new Set(tools.flatMap((tool) => (isObject(tool) && typeof tool.type === 'string' && when.toolType.includes(tool.type) ? [tool.type] : [])))];
  if (!sent.length) return message;
  return t(`The request sends the hosted tool${sent.length > 1 ? 's' : ''} ${sent.join(', ')}. ${message.en}`, `请求使用了托管工具 ${sent.join('、')}。${message.zh}`);
}

/**
 * The dialect rules' mechanical fixes on a request object literal (review level). Providers without
 * an output-token rule keep the old behaviour: max_completion_tokens becomes max_tokens where the
 * catalogue does not say the provider takes it.
 */
export function requestDialectEdits(facts: RequestFacts, provider: Provider, family: ApiFamily, targetModel?: string, baseUrl?: string): TextEdit[] {
  const object = facts.object;
  if (!object || (family !== 'chat' && family !== 'responses')) return [];
  const literalModel = facts.model?.value.t === 'string' ? facts.model.value.value : undefined;
  const model = targetModel ?? (literalModel && findProviderModel(provider, literalModel) ? literalModel : undefined);
  const rules = firedRules({ view: facts.view, api: family === 'responses' ? 'responses' : 'chat', providerId: provider.id, model, ...(baseUrl !== undefined ? { baseUrl } : {}) });
  const edits = dialectEdits(rules, object.node, object.unit);
  const maxCompletion = facts.maxCompletionTokens;
  if (family === 'chat' && !outputTokenRule(provider.id) && provider.features.maxCompletionTokens.support !== 'yes' && maxCompletion?.name) {
    const name = maxCompletion.name;
    edits.push(ts.isStringLiteral(name) ? replaceStringContent(object.unit, name, 'max_tokens') : replaceNode(object.unit, name, 'max_tokens'));
  }
  return edits;
}

/**
 * A chat call whose model thinks and must get reasoning_content back (DeepSeek, Kimi K2.x): the
 * assistant messages its file rebuilds from a completion's tool_calls without it
 * (dialects/tool-loop.ts), one issue per rule. Only files with such a call are searched.
 */
export function toolLoopReasoning(facts: RequestFacts, provider: Provider, call: { unit: Unit; node: ts.CallExpression }, targetModel?: string): { issues: Issue[]; messages: RebuiltMessage[] } {
  const literalModel = facts.model?.value.t === 'string' ? facts.model.value.value : undefined;
  const model = targetModel ?? (literalModel && findProviderModel(provider, literalModel) ? literalModel : undefined);
  const catalogued = model ? findProviderModel(provider, model) : undefined;
  const thinkingAlways = catalogued !== undefined && 'thinking' in catalogued && catalogued.thinking === 'always';
  const rules = roundTripRules({ view: facts.view, api: 'chat', providerId: provider.id, model, thinkingAlways });
  if (!rules.length) return { issues: [], messages: [] };
  const messages = rebuiltMessagesOf(call.unit, call.node);
  if (!messages.length) return { issues: [], messages };
  const where = `${messages.length > 1 ? 'lines' : 'line'} ${messages.map((m) => `${m.line} (${m.message.getText(call.unit.sf)}.tool_calls)`).join(', ')}`;
  const issues = rules.map((rule): Issue => {
    const message = ruleMessage(rule, true);
    return {
      level: rule.level,
      feature: 'reasoningContent',
      dialect: rule.id,
      message: t(
        `The tool loop rebuilds assistant messages without reasoning_content at ${where}. ${message.en}`,
        `工具循环重建的 assistant 消息没有 reasoning_content（${where.replace(/^lines? /, '第 ')} 行）。${message.zh}`,
      ),
      docs: rule.evidence[0].url,
    };
  });
  return { issues, messages };
}

/**
 * A chat call whose result's cache hits are read in OpenAI's shape on a provider that reports them
 * in its own field (rule deepseek-cached-tokens): one issue naming the lines, and the reads to edit.
 */
export function cachedTokensUsage(provider: Provider, call: { unit: Unit; node: ts.CallExpression }, targetModel?: string): { issues: Issue[]; reads: CachedTokensRead[] } {
  const rules = firedRules({ view: {}, api: 'chat', providerId: provider.id, model: targetModel, cachedTokensRead: true }).filter((rule) => 'cachedTokensRead' in rule.when);
  if (!rules.length) return { issues: [], reads: [] };
  const reads = cachedTokenReads(call.unit, call.node);
  if (!reads.length) return { issues: [], reads };
  const where = `${reads.length > 1 ? 'lines' : 'line'} ${reads.map((r) => r.line).join(', ')}`;
  const issues = rules.map((rule): Issue => {
    const message = ruleMessage(rule, true);
    return {
      level: rule.level,
      dialect: rule.id,
      message: t(`The result's cache hits are read at ${where}. ${message.en}`, `第 ${reads.map((r) => r.line).join('、')} 行读取了结果中的缓存命中数。${message.zh}`),
      docs: rule.evidence[0].url,
    };
  });
  return { issues, reads };
}

/**
 * A streamed chat call with tools whose tool calls are gathered by the delta's index, where the
 * model sends an index OpenAI's numbering does not have (rule zhipu-stream-tool-call-index): the
 * SDK's own accumulator (chat.completions.stream(), runTools) or a hand-written one in the call's
 * function (`calls[tc.index]` over the chunks).
 */
export function streamedToolCallIndex(facts: RequestFacts, provider: Provider, call: { unit: Unit; node: ts.CallExpression }, flavour: LintOptions['flavour'], targetModel?: string): Issue[] {
  const helper = flavour === 'stream' || flavour === 'runTools';
  if (!facts.tools || !(helper || facts.stream === true)) return [];
  const keyed = helper ? [] : indexKeyedToolCalls(call.unit, call.node).filter((k) => functionOf(k.node) === functionOf(call.node));
  if (!helper && !keyed.length) return [];
  const rules = firedRules({ view: {}, api: 'chat', providerId: provider.id, model: targetModel, toolCallIndexKeyed: true }).filter((rule) => 'toolCallIndexKeyed' in rule.when);
  return rules.map((rule): Issue => {
    const message = ruleMessage(rule, true);
    const where = helper
      ? t("The SDK's stream helper gathers the tool calls by the delta's index.", 'SDK 的流式辅助方法按增量的 index 收集工具调用。')
      : t(`The stream's tool calls are gathered by the delta's index at line ${keyed.map((k) => k.line).join(', ')}.`, `第 ${keyed.map((k) => k.line).join('、')} 行按增量的 index 收集流式工具调用。`);
    return { level: rule.level, feature: 'streamingTools', dialect: rule.id, message: t(`${where.en} ${message.en}`, `${where.zh}${message.zh}`), docs: rule.evidence[0].url };
  });
}

function functionOf(node: ts.Node): ts.Node {
  let current = node.parent;
  while (current && !ts.isSourceFile(current) && !(ts.isFunctionLike(current) && !ts.isArrowFunction(current) && !ts.isFunctionExpression(current))) current = current.parent;
  return current ?? node.getSourceFile();
}

/** Usage is read from a stream that never asks for it: the chunks will carry none. */
function missingStreamOptions(provider: Provider): Issue {
  const flag = provider.features.streamOptions;
  const supported = flag.support === 'yes';
  return {
    level: 'review',
    feature: 'streamOptions',
    message: supported
      ? t(
          'The code reads usage from a stream but does not send stream_options: { include_usage: true }, so no chunk carries usage.',
          '代码从流式响应读取 usage，但未发送 stream_options: { include_usage: true }，因此没有分块会携带 usage。',
        )
      : t(
          `The code reads usage from a stream; ${provider.name.en} support for stream_options.include_usage is ${flag.support}, so usage may never arrive.`,
          `代码从流式响应读取 usage；${provider.name.zh} 对 stream_options.include_usage 的支持情况为 ${flag.support}，usage 可能不会返回。`,
        ),
    docs: flag.source ?? provider.docs.openaiCompatibility,
  };
}

function checkTemperature(provider: Provider, temperature: number): Issue | undefined {
  const flag = provider.features.temperature;
  if (flag.min === undefined && flag.max === undefined) return undefined;
  if ((flag.min === undefined || temperature >= flag.min) && (flag.max === undefined || temperature <= flag.max)) return undefined;
  return {
    level: 'review',
    feature: 'temperature',
    message: t(
      `temperature ${temperature} is outside ${provider.name.en}'s range [${flag.min ?? '…'}, ${flag.max ?? '…'}].`,
      `temperature ${temperature} 超出 ${provider.name.zh} 的取值范围 [${flag.min ?? '…'}, ${flag.max ?? '…'}]。`,
    ),
    docs: flag.source,
  };
}

/** Tool loops on a thinking model: the provider decides whether reasoning_content must go back. */
function checkReasoningRoundTrip(provider: Provider, modelId: string): Issue | undefined {
  const model = findProviderModel(provider, modelId);
  if (!model || !('thinking' in model) || model.thinking === 'none') return undefined;
  const flag = provider.features.reasoningContent;
  if (flag.support === 'no') return undefined;
  return {
    level: 'review',
    feature: 'reasoningContent',
    message: t(
      `${modelId} thinks: in a tool-call loop, keep or drop reasoning_content on the assistant messages as ${provider.name.en} requires.${flag.note ? ` ${flag.note}` : ''}`,
      `${modelId} 为思考模型：在工具调用循环中，请按 ${provider.name.zh} 的要求保留或去掉助手消息上的 reasoning_content。${flag.note ?? ''}`,
    ),
    docs: flag.source ?? provider.docs.openaiCompatibility,
  };
}

function lintEmbeddings(facts: RequestFacts, provider: Provider, options: LintOptions): Issue[] {
  const issues: Issue[] = [];
  const model = options.targetModel ? provider.embeddingModels.find((m) => m.id === options.targetModel) : undefined;
  if (!model) return issues;
  const before = facts.dimensions ?? options.previousDimensions;
  const after = facts.dimensions && model.dimensionsParam === 'yes' ? facts.dimensions : model.dimensions;
  const columns = options.vectorColumns?.() ?? [];
  issues.push({
    level: 'review',
    feature: 'embeddings',
    message: reindexMessage(model, before, after, facts.dimensions !== undefined, columns),
    docs: model.price.source,
  });
  const unsupported = facts.dimensions !== undefined ? dimensionsIssue(model, facts.dimensions) : undefined;
  if (unsupported) issues.push(unsupported);
  if (facts.inputCount === undefined && facts.inputDynamic && typeof model.maxBatch === 'number') {
    issues.push({
      level: 'review',
      feature: 'embeddings',
      message: t(
        `${model.id} takes at most ${model.maxBatch} inputs per request; this call sends a list built at run time: split it into batches of ${model.maxBatch}.`,
        `${model.id} 每次最多 ${model.maxBatch} 条输入；此调用发送运行时构造的列表，请按 ${model.maxBatch} 条分批。`,
      ),
      docs: model.price.source,
    });
  }
  if (facts.inputCount !== undefined && typeof model.maxBatch === 'number' && facts.inputCount > model.maxBatch) {
    issues.push({
      level: 'review',
      feature: 'embeddings',
      message: t(`${model.id} takes at most ${model.maxBatch} inputs per request; this call sends ${facts.inputCount}.`, `${model.id} 每次最多 ${model.maxBatch} 条输入，此调用发送 ${facts.inputCount} 条。`),
      docs: model.price.source,
    });
  }
  return issues;
}

/**
 * The size an embeddings request should send as `dimensions` so that the new model's vectors keep
 * the stored OpenAI size: the model returns another size by default, takes the parameter
 * (catalogue `dimensionsParam: 'yes'`) and offers the old size. Undefined where the request already
 * sends dimensions, or the model cannot keep the size (the re-index finding then says so).
 */
export function keptDimensions(model: EmbeddingModel, before: number | undefined, sendsDimensions: boolean): number | undefined {
  if (before === undefined || sendsDimensions || model.dimensions === before) return undefined;
  return model.dimensionsParam === 'yes' && model.dimensionOptions?.includes(before) ? before : undefined;
}

/**
 * Review edit: `dimensions: <old size>` added to an embeddings request literal (openai SDK call or
 * raw-HTTP JSON body) where the target model can return the stored size. Not where the literal
 * spreads another object (it may already send dimensions) or names dimensions with a run-time value.
 */
export function embeddingDimensionsEdits(facts: RequestFacts, provider: Provider, targetModel: string | undefined, previousDimensions: number | undefined, style: TextStyle): TextEdit[] {
  const object = facts.object;
  const model = targetModel ? provider.embeddingModels.find((m) => m.id === targetModel) : undefined;
  if (!object || !model || (isObject(facts.view) && SPREAD in facts.view) || propertyByName(object.node, 'dimensions')) return [];
  const size = keptDimensions(model, facts.dimensions ?? previousDimensions, facts.dimensions !== undefined);
  const removed = new Set<ts.Node>(facts.openaiOnly);
  const anchor = [...object.node.properties].reverse().find((p) => !removed.has(p));
  if (size === undefined || !anchor) return [];
  return appendProperties(object.unit, object.node, anchor, [`dimensions: ${size}`], style);
}

/**
 * Re-index: the stored vectors come from another model. Names both sizes, whether the new model can
 * keep the old size (catalogue `dimensionOptions`), and the vector columns the project declares.
 */
function reindexMessage(model: EmbeddingModel, before: number | undefined, after: number | 'unknown', sendsDimensions: boolean, columns: VectorColumn[]): Localized {
  let en = `Re-index required: vectors from ${model.id} (${after} dimensions) are not comparable with the stored OpenAI vectors (${before ?? 'unknown'} dimensions).`;
  let zh = `需要重建索引：${model.id}（${after} 维）生成的向量与已存的 OpenAI 向量（${before ?? '未知'} 维）不可比较。`;
  if (before !== undefined && !sendsDimensions && after !== before) {
    if (keptDimensions(model, before, sendsDimensions) !== undefined) {
      en += ` ${model.id} can return ${before} dimensions: send dimensions: ${before} to keep the column size (apply --include-review adds it to a request literal; the rows must still be re-embedded).`;
      zh += ` ${model.id} 可返回 ${before} 维：发送 dimensions: ${before} 可保持列的维度（apply --include-review 会把它加入请求字面量；但所有行仍需重新生成向量）。`;
    } else if (model.dimensionOptions) {
      en += ` ${model.id} cannot return ${before} dimensions (it offers ${model.dimensionOptions.join(', ')}): the vector column changes size.`;
      zh += ` ${model.id} 无法返回 ${before} 维（可选 ${model.dimensionOptions.join('、')}）：向量列的维度需要修改。`;
    }
  }
  if (columns.length) {
    en += ` Vector columns declared: ${describeColumns(columns)}.`;
    zh += ` 项目中声明的向量列：${describeColumns(columns)}。`;
  }
  return t(en, zh);
}

/** `dimensions` sent to a model that does not take it, or a size it does not offer (the emulator rejects both). */
function dimensionsIssue(model: EmbeddingModel, dimensions: number): Issue | undefined {
  if (model.dimensionsParam === 'no') {
    return { level: 'review', feature: 'embeddings', message: t(`${model.id} does not take the dimensions parameter; remove it (it returns ${model.dimensions} dimensions).`, `${model.id} 不支持 dimensions 参数，请删除（其返回 ${model.dimensions} 维）。`), docs: model.price.source };
  }
  if (model.dimensionOptions && !model.dimensionOptions.includes(dimensions)) {
    return {
      level: 'review',
      feature: 'embeddings',
      message: t(`${model.id} offers dimensions ${model.dimensionOptions.join(', ')}, not ${dimensions}.`, `${model.id} 的 dimensions 可选 ${model.dimensionOptions.join('、')}，不支持 ${dimensions}。`),
      docs: model.price.source,
    };
  }
  if (model.dimensionsParam !== 'yes') return { level: 'review', feature: 'embeddings', message: t(`${model.id} may ignore the dimensions parameter.`, `${model.id} 可能不支持 dimensions 参数。`), docs: model.price.source };
  return undefined;
}

/** The provider serves nothing in the model's place: the call cannot move as written. */
export function noModelIssue(provider: Provider, model: string | undefined): Issue {
  return {
    level: 'manual',
    message: t(`${provider.name.en} has no model for '${model}'.`, `${provider.name.zh} 没有与 '${model}' 对应的模型。`),
    docs: provider.docs.models ?? provider.docs.pricing,
  };
}

/**
 * A model id the code only has at run time — a variable, or env variables with no literal fallback:
 * nothing to map, so the user points it at a provider model.
 */
export function modelSourceIssues(provider: Provider, source: { dynamic?: string; envs: string[]; literals: number }): Issue[] {
  if (source.dynamic) {
    return [
      {
        level: 'review',
        message: t(
          `The model comes from ${source.dynamic} at run time: make sure it names a ${provider.name.en} model.`,
          `模型名在运行时来自 ${source.dynamic}：请确保其为 ${provider.name.zh} 的模型。`,
        ),
        docs: provider.docs.models ?? provider.docs.pricing,
      },
    ];
  }
  if (source.envs.length && !source.literals) {
    return [
      {
        level: 'review',
        message: t(`The model comes from ${source.envs.join(', ')}: set it to a ${provider.name.en} model.`, `模型名来自 ${source.envs.join('、')}：请设为 ${provider.name.zh} 的模型。`),
      },
    ];
  }
  return [];
}

/**
 * Plans for the `openai` module: for a target provider, each detection becomes safe edits, review
 * edits, or a manual note. Edits are minimal and made on the original text.
 */
import { ts } from '../../analysis/ts.js';
import { nodeRange } from '../../analysis/unit.js';
import { findOpenAiModel, findProvider, findProviderModel, isOpenAiModelId, mapModel } from '../../catalogue/index.js';
import type { ApiFamily, FileEdit, Fix, TextEdit } from '../../core/types.js';
import { described, t, type Localized } from '../../core/text.js';
import { appendProperties, columnOf, fileEdits, formatObject, lineIndent, removeListElements, replaceNode, replaceStringContent } from '../../edits/object-literal.js';
import { quoteString } from '../../edits/style.js';
import { cachedTokensUsage, embeddingDimensionsEdits, streamedToolCallIndex, checkFamily, type Issue, lintRequest, modelSourceIssues, noModelIssue, requestDialectEdits, toolLoopReasoning } from '../shared/capability.js';
import { cachedTokensEdit } from '../../dialects/cached-tokens.js';
import { keepReasoningEdits } from '../../dialects/tool-loop.js';
import { firedRules, insideRetryHelper, outputTokenField } from '../../dialects/scan.js';
import { rulesFor, ruleFires } from '../../dialects/match.js';
import { chatView, type ResponsesConversion } from '../../dialects/responses-to-chat.js';
import type { DialectRule } from '../../dialects/types.js';
import type { RequestFacts } from '../shared/request.js';
import { ruleMessage, rulesMessage } from '../../dialects/rules-zh.js';
import { baseUrlExpression, envRead, providerKeyEnv, type EnvStyle } from '../shared/env.js';
import type { PlanContext, PlannedFields, Target } from '../types.js';
import { reachesOpenAi, type ClientFacts, type OpenAiDetection, type OpenAiPayload } from './detect.js';
import { openAiByDefault } from '../shared/routing.js';
import { DOCS, familyText, realtimeImport } from './messages.js';
import { envStyleOf, keyEdits, propertyByName } from '../shared/options.js';


export function planOpenAi(detection: OpenAiDetection, context: PlanContext): PlannedFields {
  const payload = detection.payload;
  switch (payload.type) {
    case 'import':
      return planImport(payload);
    case 'client':
      return planClient(payload.client, context);
    case 'model':
      return planModel(detection, payload, context);
    case 'call':
      return planCall(detection, payload, context);
    case 'factory':
      // A test constructs it with a fake config, and a routed subclass goes elsewhere: nothing to move there.
      return { readiness: context.target && !payload.inTest && detection.kind !== 'routed' ? 'review' : 'info' };
  }
}

function planImport(payload: Extract<OpenAiPayload, { type: 'import' }>): PlannedFields {
  if (/^openai\/(beta\/)?realtime(\/|$)/.test(payload.specifier)) {
    return { readiness: 'manual', reason: realtimeImport(), action: t('Keep this feature on OpenAI or remove it.', '保留在 OpenAI 上或移除该功能。'), docs: DOCS.realtime };
  }
  return { readiness: 'info' };
}

interface ClientEdits {
  edits: FileEdit[];
  review: FileEdit[];
  notes: Localized[];
}

function planClient(client: ClientFacts, context: PlanContext): PlannedFields {
  if (openAiByDefault(client.routing) && context.target && client.clientClass === 'OpenAI') {
    return planConfigurable(client, client.routing.source, context.target, context);
  }
  if (client.routing.to !== 'openai') {
    const target = context.target;
    if (target && client.routing.to === 'provider' && client.routing.provider === target.provider.id) {
      return { readiness: 'info', message: t(`OpenAI SDK client already points at ${target.provider.name.en}`, `OpenAI SDK 客户端已指向 ${target.provider.name.zh}`) };
    }
    return { readiness: 'info' };
  }
  const target = context.target;
  if (!target) {
    return {
      readiness: 'auto',
      action: t('apply sets baseURL and apiKey for the chosen provider.', 'apply 会为所选服务商设置 baseURL 和 apiKey。'),
      docs: DOCS.clientOptions,
    };
  }
  if (client.clientClass === 'AzureOpenAI') {
    return {
      readiness: 'manual',
      action: t('Replace new AzureOpenAI({...}) with new OpenAI({ baseURL, apiKey }) for the provider; drop apiVersion, deployment and endpoint.', '将 new AzureOpenAI({...}) 改为 new OpenAI({ baseURL, apiKey })，删除 apiVersion、deployment 和 endpoint。'),
      docs: target.provider.docs.openaiCompatibility,
    };
  }
  const planned = clientEdits(client, target, context);
  const fix: Fix | undefined = planned.edits.length
    ? { ...described(`point the client at ${target.provider.name.en} (${target.baseURL})`, `把客户端指向${target.provider.name.zh}（${target.baseURL}）`), safety: 'safe', edits: planned.edits }
    : undefined;
  const suggestions: Fix[] = planned.review.length
    ? [{ ...described(`read the API key from ${providerKeyEnv(target.provider)}`, `从 ${providerKeyEnv(target.provider)} 读取 API key`), safety: 'review', edits: planned.review }]
    : [];
  planned.notes.push(...clientAdvice(setsMaxRetries(client), target));
  const action = planned.notes.length
    ? t(planned.notes.map((n) => n.en).join(' '), planned.notes.map((n) => n.zh).join(' '))
    : t(`Set ${providerKeyEnv(target.provider)} in every environment that runs this code.`, `在运行此代码的每个环境中设置 ${providerKeyEnv(target.provider)}。`);
  return {
    readiness: suggestions.length || client.options.kind === 'opaque' ? 'review' : 'auto',
    message: t(`OpenAI client → ${target.provider.name.en}`, `OpenAI 客户端 → ${target.provider.name.zh}`),
    action,
    docs: target.provider.docs.openaiCompatibility,
    fix,
    suggestions,
  };
}

/**
 * Advice from the dialect rules on how the code uses its client: the constructor's options
 * (`maxRetries`) for a client, a retry helper around it for a call (what the provider's errors mean
 * for retries). Advice only: the finding moves as it would without it.
 */
function clientAdvice(retries: boolean, target: Target): Localized[] {
  return firedRules({ view: {}, api: 'client', providerId: target.provider.id, model: undefined, retries }).map((rule) => ruleMessage(rule));
}

/** The client's literal options name maxRetries. */
function setsMaxRetries(client: ClientFacts): boolean {
  return client.options.kind === 'literal' && propertyByName(client.options.object.node, 'maxRetries') !== undefined;
}

/**
 * A client whose endpoint the deployment chooses (`baseURL: process.env.OPENAI_BASE_URL`, a setting):
 * OpenAI wherever nothing is set. The override stays; the default becomes the provider's. For
 * review, because where the override is set it may still point at OpenAI or a proxy of it.
 */
function planConfigurable(client: ClientFacts, source: string, target: Target, context: PlanContext): PlannedFields {
  const planned = clientEdits(client, target, context);
  const provider = target.provider;
  const edits = [...planned.edits, ...planned.review];
  return {
    readiness: 'review',
    message: t(`OpenAI client with a configurable endpoint (${source}) → ${provider.name.en} by default`, `端点可配置的 OpenAI 客户端（${source}）→ 默认 ${provider.name.zh}`),
    action: t(
      `Where ${source.replace(/^env /, '')} is set it still decides: point it at ${target.baseURL} or unset it, and set ${providerKeyEnv(provider)}.`,
      `设置了 ${source.replace(/^env /, '')} 的环境仍以它为准：请改为 ${target.baseURL} 或删除，并设置 ${providerKeyEnv(provider)}。`,
    ),
    docs: provider.docs.openaiCompatibility,
    ...(edits.length ? { suggestions: [{ ...described(`keep the endpoint override, make ${provider.name.en} the default`, `保留可覆盖的端点，把${provider.name.zh}设为默认`), safety: 'review', edits }] } : {}),
  };
}

export function clientEdits(client: ClientFacts, target: Target, context: PlanContext): ClientEdits {
  const { provider } = target;
  const out: ClientEdits = { edits: [], review: [], notes: [] };
  const options = client.options;
  const previousKeyEnv = client.apiKey.envName;
  const envStyle: EnvStyle = envStyleOf(client.apiKey);
  const style = context.style(client.unit.path);
  const keyEntry = `apiKey: ${envRead(envStyle, providerKeyEnv(provider, previousKeyEnv), style)}`;
  const baseEntry = `baseURL: ${baseUrlExpression(provider, target.baseURL, envStyle, style, previousKeyEnv)}`;
  if (client.browser) {
    out.notes.push(
      t(
        'This client runs in the browser (dangerouslyAllowBrowser): the key is exposed to users; expose it through your bundler or proxy the calls.',
        '此客户端在浏览器中运行（dangerouslyAllowBrowser）：密钥会暴露给用户，请通过打包工具注入或改为服务端代理调用。',
      ),
    );
  }

  if (options.kind === 'none') {
    const unit = client.unit;
    const node = client.node;
    const objectText = formatObject([keyEntry, baseEntry], context.style(unit.path), lineIndent(unit, node), columnOf(unit, nodeRange(unit, node).start) + 20);
    if (!node.arguments) {
      out.edits.push(...fileEdits(unit, [{ start: nodeRange(unit, node).end, end: nodeRange(unit, node).end, text: `(${objectText})` }]));
    } else {
      const open = unit.text.indexOf('(', nodeRange(unit, node.expression).end);
      out.edits.push(...fileEdits(unit, [{ start: open + 1, end: open + 1, text: objectText }]));
    }
    return out;
  }

  if (options.kind === 'opaque' && client.routing.to === 'configurable') {
    // The caller's options still decide; the provider only becomes what they leave unset.
    const unit = client.unit;
    const argument = options.argument;
    out.review.push(...fileEdits(unit, [replaceNode(unit, argument, `{ ${keyEntry}, ${baseEntry}, ...${argument.getText(unit.sf)} }`)]));
    // The OpenAI key its callers in this file pass (`makeClient({ apiKey: process.env.OPENAI_API_KEY })`) moves with it.
    for (const callerKey of options.callerKeys) {
      if (callerKey.kind !== 'env') continue;
      const key = keyEdits(callerKey, provider, unit, context);
      out.review.push(...key.edits, ...key.review);
    }
    out.notes.push(
      t(
        `The options come from the caller: where they name an apiKey or baseURL, those still decide; set ${providerKeyEnv(provider)} (or pass the provider's key) where they are built.`,
        `客户端选项由调用方传入：其中的 apiKey 或 baseURL 仍然生效；请在构造选项处改用 ${providerKeyEnv(provider)}（或传入服务商的密钥）。`,
      ),
    );
    return out;
  }

  if (options.kind === 'opaque') {
    const unit = client.unit;
    const argument = options.argument;
    out.review.push(...fileEdits(unit, [replaceNode(unit, argument, `{ ...${argument.getText(unit.sf)}, ${keyEntry}, ${baseEntry} }`)]));
    out.notes.push(t('The options come from a value banjia cannot see into; the rewrite spreads it and overrides baseURL and apiKey.', '客户端选项来自无法静态分析的值：改写会展开它并覆盖 baseURL 和 apiKey。'));
    return out;
  }

  const object = options.object;
  const unit = object.unit;
  const append: string[] = [];
  const removed = new Set<ts.Node>(client.drop);
  out.edits.push(...fileEdits(unit, removeListElements(unit, client.drop, object.node.properties)));

  // baseURL: replace an OpenAI value in place, or add one. An override or a choice around it stays:
  // only OpenAI's literal becomes the provider's, or the provider becomes the default of the override.
  const baseProperty = client.baseURL.property;
  const overrides = baseProperty && ts.isPropertyAssignment(baseProperty) ? openAiLiteralsInside(unit, baseProperty.initializer) : undefined;
  if (overrides && overrides.literals.length && !overrides.whole) {
    for (const literal of overrides.literals) out.edits.push(...fileEdits(unit, [replaceStringContent(unit, literal, target.baseURL)]));
  } else if (baseProperty && ts.isPropertyAssignment(baseProperty) && client.routing.to === 'configurable') {
    const init = baseProperty.initializer;
    out.edits.push(...fileEdits(unit, [{ start: nodeRange(unit, init).end, end: nodeRange(unit, init).end, text: ` || ${quoteString(target.baseURL, style)}` }]));
  } else if (baseProperty && ts.isPropertyAssignment(baseProperty)) {
    out.edits.push(...fileEdits(unit, [replaceNode(unit, baseProperty.initializer, baseEntry.slice('baseURL: '.length))]));
  } else if (client.routing.to === 'configurable') {
    // Set later only when configured (`if (url) config.baseURL = url`): the literal object carries the default.
    append.push(`baseURL: ${quoteString(target.baseURL, style)}`);
  } else if (baseProperty) {
    out.edits.push(...fileEdits(unit, [replaceNode(unit, baseProperty, baseEntry)]));
  } else {
    append.push(baseEntry);
  }

  // apiKey: keep the user's access style, swap only what names OpenAI.
  const key = keyEdits(client.apiKey, provider, unit, context);
  if (key.append) append.unshift(keyEntry);
  out.edits.push(...key.edits);
  out.review.push(...key.review);
  out.notes.push(...key.notes);

  if (append.length) {
    const kept = object.node.properties.filter((p) => !removed.has(p));
    const anchor = kept[kept.length - 1];
    if (anchor) {
      out.edits.push(...fileEdits(unit, appendProperties(unit, object.node, anchor, append, context.style(unit.path))));
    } else {
      // Every property goes: write the object afresh, in place.
      const range = nodeRange(unit, object.node);
      out.edits = out.edits.filter((e) => e.file !== unit.path || e.end <= range.start || e.start >= range.end);
      const indent = lineIndent(unit, object.node);
      out.edits.push(...fileEdits(unit, [replaceNode(unit, object.node, formatObject(append, context.style(unit.path), indent, columnOf(unit, nodeRange(unit, object.node).start)))]));
    }
  }
  return out;
}


/** The OpenAI URL literals in a base-URL expression, and whether the expression is just one of them. */
function openAiLiteralsInside(unit: { sf: ts.SourceFile }, expression: ts.Expression): { literals: ts.StringLiteralLike[]; whole: boolean } {
  const literals: ts.StringLiteralLike[] = [];
  const visit = (node: ts.Node): void => {
    if ((ts.isStringLiteral(node) || ts.isNoSubstitutionTemplateLiteral(node)) && /^https?:\/\/([a-z0-9-]+\.)?api\.openai\.com(\/v1)?\/?$/i.test(node.text)) literals.push(node);
    else ts.forEachChild(node, visit);
  };
  visit(expression);
  let inner: ts.Expression = expression;
  while (ts.isParenthesizedExpression(inner) || ts.isAsExpression(inner)) inner = inner.expression;
  return { literals, whole: literals.length === 1 && literals[0] === inner };
}

/** The model written for a mapped id: a chat call that sends images gets the provider's vision model when the mapped one reads none. */
export function writtenModel(provider: Target['provider'], mapped: string | undefined, needsVision: boolean, family: ApiFamily): string | undefined {
  if (!mapped || !needsVision || family !== 'chat') return mapped;
  const model = findProviderModel(provider, mapped);
  const vision = provider.modelMap.vision;
  return model && 'vision' in model && !model.vision && vision !== 'none' ? vision : mapped;
}

/** What the dialect rules say about a model id written as a literal (Ark: activate it, or read it from env). */
function modelAdvice(providerId: string, modelId: string): Localized | undefined {
  const rules = firedRules({ view: { model: modelId }, api: 'model', providerId, model: modelId });
  if (!rules.length) return undefined;
  return rulesMessage(rules);
}

export function planModel(detection: OpenAiDetection, payload: Extract<OpenAiPayload, { type: 'model' }>, context: PlanContext): PlannedFields {
  const target = context.target;
  const openaiId = detection.model!;
  if (!target) return { readiness: 'auto' };
  const { provider } = target;
  // A Responses call that becomes a chat completion sends a chat model.
  const family = payload.asChat && responsesRewriteRule(provider.id) ? 'chat' : payload.family;
  // A model of a call the provider cannot serve at all is that call's problem, reported there once.
  if (checkFamily(provider, family)?.level === 'manual') return { readiness: 'info' };
  const mapping = mapModel(openaiId, provider, target.modelOverrides);
  const targetId = writtenModel(provider, mapping.target, payload.needsVision, family);
  if (!targetId && provider.keepUnmappedModels) {
    return {
      readiness: 'review',
      message: t(`model '${openaiId}' kept for ${provider.name.en}`, `模型 '${openaiId}' 保持不变（${provider.name.zh}）`),
      action: t(
        `Make sure the endpoint serves '${openaiId}', or map it with --model-map ${openaiId}=<model>.`,
        `请确认该接口提供 '${openaiId}'，或用 --model-map ${openaiId}=<模型> 指定。`,
      ),
      docs: provider.docs.openaiCompatibility,
    };
  }
  if (!targetId) {
    return {
      readiness: 'manual',
      message: t(`OpenAI model '${openaiId}' has no ${provider.name.en} counterpart`, `OpenAI 模型 '${openaiId}' 在 ${provider.name.zh} 没有对应模型`),
      action: t(
        `Keep this call on another provider, or pick a model with --model-map ${openaiId}=<model>.`,
        `将此调用保留在其他服务商，或用 --model-map ${openaiId}=<模型> 指定模型。`,
      ),
      docs: provider.docs.models ?? provider.docs.pricing,
    };
  }
  if (targetId === openaiId) return { readiness: 'info', targetModel: targetId };
  const edits = fileEdits(payload.unit, [replaceStringContent(payload.unit, payload.literal, targetId)]);
  const tier = mapping.tier ? ` (${mapping.tier})` : '';
  const action = payload.envOverride.length
    ? t(
        `The value can be overridden by ${payload.envOverride.join(', ')}: set it to ${targetId} where it is configured.`,
        `该值可被 ${payload.envOverride.join('、')} 覆盖：请在配置处改为 ${targetId}。`,
      )
    : modelAdvice(provider.id, targetId);
  return {
    readiness: 'auto',
    severity: action ? 'warning' : 'info',
    message: t(`model '${openaiId}' → '${targetId}'${tier}`, `模型 '${openaiId}' → '${targetId}'${tier}`),
    ...(action ? { action } : {}),
    docs: findProviderModel(provider, targetId)?.price.source ?? provider.docs.pricing,
    targetModel: targetId,
    fix: { ...described(`use ${provider.name.en}'s ${targetId} instead of ${openaiId}`, `用${provider.name.zh}的 ${targetId} 替换 ${openaiId}`), safety: 'safe', edits },
  };
}

export function planCall(detection: OpenAiDetection, payload: Extract<OpenAiPayload, { type: 'call' }>, context: PlanContext): PlannedFields {
  // A call through a client already routed to a catalogue provider is still linted against that
  // provider: a moderation call on a client pointed at Qwen fails there all the same.
  const routedTo = payload.routing?.to === 'provider' ? findProvider(payload.routing.provider) : undefined;
  // A configurable client that reaches OpenAI when nothing is set moves, and so do its calls.
  if (payload.routing && !reachesOpenAi(payload.routing, payload.owner) && !routedTo) return { readiness: 'info' };
  const target: Target | undefined = routedTo ? { provider: routedTo, regionId: '', baseURL: '', modelOverrides: {} } : context.target;
  if (!target) {
    const portable = payload.rule.family === 'chat' && payload.rule.flavour !== 'stored';
    return { readiness: portable ? 'auto' : 'review' };
  }
  const { provider } = target;
  const issues: Issue[] = [];
  // A Responses call on a provider without Responses: rewritten as a chat completion, or told why not.
  const asChat = responsesAsChatFor(payload, provider);
  const callFamily = asChat?.conversion.ok ? 'chat' : payload.rule.family;
  const family = asChat?.conversion.ok ? undefined : checkFamily(provider, payload.rule.family);
  if (family && asChat && !asChat.conversion.ok) {
    const reason = asChat.conversion.reason;
    family.message = t(`${family.message.en} Not rewritten as a chat completion: ${reason.en}.`, `${family.message.zh} 未改写为 chat completions 调用：${reason.zh}。`);
  }
  if (family) issues.push(family);
  if (asChat?.conversion.ok) issues.push({ level: asChat.rule.level, dialect: asChat.rule.id, message: ruleMessage(asChat.rule, true), docs: asChat.rule.evidence[0].url });
  // Only an OpenAI id needs mapping; a provider id (after the move, or on a routed client) is final.
  const mapping = detection.model && isOpenAiModelId(detection.model) && !routedTo ? mapModel(detection.model, provider, target.modelOverrides) : undefined;
  const previousDimensions = detection.model ? findOpenAiModel(detection.model)?.embeddingDimensions : undefined;
  // Where the client sends after the move: the URL it already writes, or the one banjia writes.
  const baseUrl = payload.routing?.to === 'provider' ? payload.routing.url : target.baseURL || undefined;
  // The model the call will send, as planModel writes it (a vision model where the call sends images).
  const written = writtenModel(provider, mapping?.target, payload.facts.images, callFamily);
  if (!family || family.level !== 'manual') {
    issues.push(
      ...lintRequest(asChat?.conversion.ok ? asChat.chatFacts : payload.facts, provider, {
        family: callFamily,
        flavour: asChat?.conversion.ok ? 'create' : payload.rule.flavour,
        ...(written ? { targetModel: written } : {}),
        ...(previousDimensions ? { previousDimensions } : {}),
        ...(baseUrl ? { baseUrl } : {}),
        vectorColumns: context.vectorColumns,
      }),
    );
  }
  // A tool loop in the file that drops reasoning_content: the specific issue replaces the catalogue's note.
  const loop = payload.rule.family === 'chat' && (!family || family.level !== 'manual') ? toolLoopReasoning(payload.facts, provider, payload, written) : { issues: [], messages: [] };
  if (loop.issues.length) {
    for (let i = issues.length - 1; i >= 0; i--) if (issues[i].feature === 'reasoningContent' && !issues[i].dialect) issues.splice(i, 1);
    issues.push(...loop.issues);
  }
  // Cache hits read in OpenAI's shape where the provider reports them in its own field.
  const cache = callFamily === 'chat' && (!family || family.level !== 'manual') ? cachedTokensUsage(provider, payload, written) : { issues: [], reads: [] };
  issues.push(...cache.issues);
  // Tool calls gathered by index on a model that streams another index: the rule replaces the catalogue's note.
  const indexed = callFamily === 'chat' && (!family || family.level !== 'manual') ? streamedToolCallIndex(payload.facts, provider, payload, payload.rule.flavour, written ?? providerModelOf(detection.model)) : [];
  if (indexed.length) {
    for (let i = issues.length - 1; i >= 0; i--) if (issues[i].feature === 'streamingTools' && !issues[i].dialect) issues.splice(i, 1);
    issues.push(...indexed);
  }
  if (mapping && !mapping.target && payload.rule.family !== 'other' && !provider.keepUnmappedModels) {
    issues.push(noModelIssue(provider, detection.model));
  }
  if (payload.rule.family !== 'other') issues.push(...modelSourceIssues(provider, { dynamic: payload.modelDynamic, envs: payload.modelEnv, literals: payload.modelLiterals.length }));
  const review = reviewEdits(payload, provider, context, written, asChat, baseUrl, previousDimensions);
  const keep = loop.messages.flatMap((m) => keepReasoningEdits(payload.unit, m, context.style(payload.unit.path)));
  const suggestions: Fix[] = keep.length
    ? [{ ...described('copy reasoning_content onto the tool loop\'s assistant messages', '在工具循环的 assistant 消息上复制 reasoning_content'), safety: 'review', edits: fileEdits(payload.unit, keep) }]
    : [];
  const fallbacks = cache.reads.map((read) => cachedTokensEdit(payload.unit, read)).filter((edit): edit is TextEdit => edit !== undefined);
  if (fallbacks.length) suggestions.push({ ...described("read DeepSeek's prompt_cache_hit_tokens where cached_tokens is read", '在读取 cached_tokens 处回退到 DeepSeek 的 prompt_cache_hit_tokens'), safety: 'review', edits: fileEdits(payload.unit, fallbacks) });
  const manual = issues.some((i) => i.level === 'manual');
  const readiness = manual ? 'manual' : issues.length || review.length ? 'review' : 'auto';
  const ordered = [...issues].sort((a, b) => (a.level === b.level ? 0 : a.level === 'manual' ? -1 : 1));
  const family_ = familyText(payload.rule.family);
  const actions = ordered.length
    ? [
        manual
          ? t(`This ${family_.en} call cannot move to ${provider.name.en} as is: keep it on another provider or rework it.`, `此${family_.zh}调用无法直接迁移到 ${provider.name.zh}：请保留在其他服务商或改写。`)
          : t('Check the points above before you ship; apply --include-review makes the suggested edits.', '上线前请核对以上各点；apply --include-review 会执行建议的修改。'),
      ]
    : [];
  // A retry helper around the call: the provider's advice on retries, without changing readiness.
  actions.push(...clientAdvice(insideRetryHelper(payload.node), target));
  return {
    readiness,
    ...(ordered.length ? { reason: t(ordered.map((i) => i.message.en).join(' '), ordered.map((i) => i.message.zh).join(' ')) } : {}),
    ...(actions.length ? { action: t(actions.map((a) => a.en).join(' '), actions.map((a) => a.zh).join(' ')) } : {}),
    ...(ordered.length ? { docs: ordered[0].docs ?? provider.docs.openaiCompatibility } : {}),
    ...(mapping?.target ? { targetModel: mapping.target } : {}),
    ...(review.length ? { fix: { ...(asChat?.conversion.ok ? described('rewrite the Responses call as a chat completion, and the reads of its result', '把 Responses 调用改写为 chat completions 调用，并改写对结果的读取') : described('adjust request parameters for the provider (OpenAI-only ones out, max_tokens, stream_options)', '按服务商调整请求参数（去掉 OpenAI 专有参数、max_tokens、stream_options）')), safety: 'review', edits: fileEdits(payload.facts.object!.unit, review) } as Fix } : {}),
    ...(suggestions.length ? { suggestions } : {}),
  };
}

/**
 * Review-level edits on the request object: OpenAI-only parameters out, the dialect rules' fixes
 * (output-token field, developer role), stream_options added where usage is read.
 */
function reviewEdits(payload: Extract<OpenAiPayload, { type: 'call' }>, provider: Target['provider'], context: PlanContext, targetModel?: string, asChat?: AsChat, baseUrl?: string, previousDimensions?: number): TextEdit[] {
  const { facts } = payload;
  const object = facts.object;
  if (!object) return [];
  const edits: TextEdit[] = [];
  const conversion = asChat?.conversion.ok ? asChat.conversion : undefined;
  if (conversion) {
    // The chat request: the conversion's edits, then the chat dialect rules' on the same literal.
    const style = context.style(object.unit.path);
    edits.push(...removeListElements(object.unit, [...facts.openaiOnly, ...conversion.removed], object.node.properties));
    edits.push(...conversion.edits(outputTokenField(provider.id), style));
    edits.push(...requestDialectEdits(asChat!.chatFacts, provider, 'chat', targetModel, baseUrl));
    return edits;
  }
  edits.push(...removeListElements(object.unit, facts.openaiOnly, object.node.properties));
  edits.push(...requestDialectEdits(facts, provider, payload.rule.family, targetModel, baseUrl));
  // The stored vectors' size kept where the new embedding model offers it.
  if (payload.rule.family === 'embeddings') edits.push(...embeddingDimensionsEdits(facts, provider, targetModel, previousDimensions, context.style(object.unit.path)));
  const streaming = facts.stream === true || payload.rule.flavour === 'stream';
  if (streaming && facts.usageRead && !facts.streamOptions && provider.features.streamOptions.support === 'yes') {
    const removed = new Set<ts.Node>(facts.openaiOnly);
    const kept = object.node.properties.filter((p) => !removed.has(p));
    const anchor = kept[kept.length - 1];
    if (anchor) edits.push(...appendProperties(object.unit, object.node, anchor, ['stream_options: { include_usage: true }'], context.style(object.unit.path)));
  }
  return edits;
}

interface AsChat {
  rule: DialectRule;
  conversion: ResponsesConversion;
  /** The request facts as a chat completion sends them (for the chat lint and dialect rules). */
  chatFacts: RequestFacts;
}

/** The provider's rule that moves Responses calls to chat completions (providers without Responses). */
function responsesRewriteRule(providerId: string): DialectRule | undefined {
  return rulesFor(providerId, 'responses', undefined).find((rule) => rule.rewrite?.kind === 'responses-to-chat');
}

/** A Responses call on a provider without Responses: the rule, whether the call converts, and its chat facts. */
function responsesAsChatFor(payload: Extract<OpenAiPayload, { type: 'call' }>, provider: Target['provider']): AsChat | undefined {
  const rule = responsesRewriteRule(provider.id);
  const conversion = payload.asChat;
  if (!rule || !conversion) return undefined;
  // The rule's condition is the conversion itself, matched like every rule's so that the data decides.
  if (conversion.ok && !ruleFires(rule, payload.facts.view, { responsesAsChat: true })) return undefined;
  const chatFacts: RequestFacts = { ...payload.facts, view: chatView(payload.facts.view, outputTokenField(provider.id)), maxCompletionTokens: undefined };
  return { rule, conversion, chatFacts };
}

/** A model id the code already writes in the provider's naming (a client that points at it): rules that depend on the model apply to it. */
function providerModelOf(model: string | undefined): string | undefined {
  return model && !isOpenAiModelId(model) ? model : undefined;
}

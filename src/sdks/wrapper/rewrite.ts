/**
 * Plans for the `wrapper` module. Only `ChatGPTAPI` is rewritten, and only where the change is
 * unambiguous: literal options, chatgpt 5.x or an undeclared version. `apiBaseUrl` is set to the
 * provider (the package appends /chat/completions, like the openai SDK), the key read from the
 * provider's env var, `apiOrg` removed, and the model set explicitly where the package's default
 * (gpt-3.5-turbo) was used. Everything else is a manual finding that names the options to set.
 */
import { ts } from '../../analysis/ts.js';
import { nodeRange } from '../../analysis/unit.js';
import { mapModel } from '../../catalogue/index.js';
import type { FileEdit, Fix } from '../../core/types.js';
import { described, t, type Localized } from '../../core/text.js';
import { appendProperties, columnOf, fileEdits, formatObject, lineIndent, removeListElements, replaceNode } from '../../edits/object-literal.js';
import { quoteString } from '../../edits/style.js';
import { baseUrlExpression, providerKeyEnv } from '../shared/env.js';
import { envStyleOf, joinNotes, keyEdits, keyExpression } from '../shared/options.js';
import type { PlanContext, PlannedFields, Target } from '../types.js';
import type { OpenAiDetection } from '../openai/detect.js';
import { isRouted, openAiByDefault } from '../shared/routing.js';
import { planCall, planModel } from '../openai/rewrite.js';
import { CHATGPT_DEFAULT_MODEL, type ChatGptFacts, type LlamaFacts, type WrapperDetection, type WrapperPayload } from './detect.js';
import * as text from './messages.js';


export function planWrapper(detection: WrapperDetection, context: PlanContext): PlannedFields {
  const payload = detection.payload;
  const target = context.target;
  switch (payload.type) {
    case 'import':
      return { readiness: 'info', docs: text.docsFor(payload.pkg) };
    case 'chatgptClient':
      return planChatGpt(payload.client, context);
    case 'unofficialProxy': {
      const model = target ? mapModel(CHATGPT_DEFAULT_MODEL, target.provider, target.modelOverrides).target : undefined;
      return {
        readiness: 'manual',
        action: text.unofficialProxyAction(target?.baseURL ?? '<provider base URL>', target ? providerKeyEnv(target.provider) : '<PROVIDER>_API_KEY', model),
        docs: text.DOCS.chatgpt,
      };
    }
    case 'llamaClient':
      return planLlama(payload.client, context);
    case 'azureClient':
      return {
        readiness: 'manual',
        action: text.azureAction(target?.baseURL ?? '<provider base URL>', target ? providerKeyEnv(target.provider) : '<PROVIDER>_API_KEY'),
        docs: text.DOCS.azure,
      };
    case 'openaiApiClient':
      return {
        readiness: 'manual',
        action: text.openaiApiAction(target?.baseURL ?? '<provider base URL>', target ? providerKeyEnv(target.provider) : '<PROVIDER>_API_KEY'),
        docs: text.DOCS.openaiApi,
      };
    case 'call':
      return planWrapperCall(detection, payload, context);
    case 'model':
      return planWrapperModel(detection, payload, context);
    case 'deployment':
      return {
        readiness: 'manual',
        action: t(
          `Use one of ${target?.provider.name.en ?? 'the provider'}'s model ids instead of the deployment name '${payload.name}' when you replace the client.`,
          `替换客户端时，请用${target?.provider.name.zh ?? '服务商'}的模型名代替部署名 '${payload.name}'。`,
        ),
        docs: target?.provider.docs.models ?? text.DOCS.azure,
      };
    case 'endpoint':
      return {
        readiness: 'auto',
        action: t(
          'apply sets apiBaseUrl to the provider where the client is built; remove this default, or point it at the provider if something else reads it.',
          'apply 会在创建客户端处将 apiBaseUrl 设为服务商地址；请删除此默认值，若别处仍读取它则改为服务商地址。',
        ),
        docs: text.DOCS.chatgpt,
      };
  }
}

function planWrapperCall(detection: WrapperDetection, payload: Extract<WrapperPayload, { type: 'call' }>, context: PlanContext): PlannedFields {
  const chatgpt = payload.cls === 'ChatGPTAPI';
  const routed = isRouted(payload.routing) && !openAiByDefault(payload.routing);
  if (chatgpt && (routed || !payload.blocked)) return planCall(detection as unknown as OpenAiDetection, payload, context);
  if (routed) return { readiness: 'info' };
  return { readiness: 'manual', action: text.movesWithClient() };
}

function planWrapperModel(detection: WrapperDetection, payload: Extract<WrapperPayload, { type: 'model' }>, context: PlanContext): PlannedFields {
  if (payload.owner === 'chatgpt' && !payload.blocked) return planModel(detection as unknown as OpenAiDetection, payload, context);
  const target = context.target;
  const mapped = target ? mapModel(detection.model!, target.provider, target.modelOverrides).target : undefined;
  return {
    readiness: 'info',
    ...(mapped ? { targetModel: mapped } : {}),
    action: mapped
      ? t(`Use '${mapped}' when you move the client (see the client finding).`, `迁移客户端时改用 '${mapped}'（见客户端的发现）。`)
      : t('Pick a provider model when you move the client (see the client finding).', '迁移客户端时请选择服务商模型（见客户端的发现）。'),
  };
}

function defaultModelTarget(target: Target): string | undefined {
  return mapModel(CHATGPT_DEFAULT_MODEL, target.provider, target.modelOverrides).target;
}

function planChatGpt(client: ChatGptFacts, context: PlanContext): PlannedFields {
  const target = context.target;
  const routing = client.routing;
  if (isRouted(routing) && !openAiByDefault(routing)) {
    if (target && routing.to === 'provider' && routing.provider === target.provider.id) {
      return { readiness: 'info', message: t(`ChatGPTAPI already points at ${target.provider.name.en}`, `ChatGPTAPI 已指向 ${target.provider.name.zh}`) };
    }
    return { readiness: 'info' };
  }
  if (!target) {
    return client.blocked
      ? { readiness: 'manual', docs: text.DOCS.chatgpt }
      : { readiness: 'auto', action: t('apply sets apiBaseUrl, apiKey and the model for the chosen provider.', 'apply 会为所选服务商设置 apiBaseUrl、apiKey 和模型。'), docs: text.DOCS.chatgpt };
  }
  const { provider } = target;
  const keyEnv = providerKeyEnv(provider, client.apiKey.envName);
  const defaultTarget = defaultModelTarget(target);
  if (client.blocked === 'version') return { readiness: 'manual', action: text.versionBlocked(client.major!), docs: text.DOCS.chatgpt };
  if (client.blocked === 'azure') {
    return { readiness: 'manual', action: text.optionsBlocked(target.baseURL, keyEnv, client.model.value ? undefined : defaultTarget), docs: provider.docs.openaiCompatibility };
  }
  if (client.blocked === 'options' || client.options.kind !== 'literal') {
    return { readiness: 'manual', action: text.optionsBlocked(target.baseURL, keyEnv, defaultTarget), docs: text.DOCS.chatgpt };
  }

  const object = client.options.object;
  const unit = object.unit;
  const style = context.style(unit.path);
  const edits: FileEdit[] = [];
  const review: FileEdit[] = [];
  const notes: Localized[] = [];
  const append: string[] = [];
  let readiness: PlannedFields['readiness'] = 'auto';
  edits.push(...fileEdits(unit, removeListElements(unit, client.drop, object.node.properties)));

  const baseExpr = baseUrlExpression(provider, target.baseURL, envStyleOf(client.apiKey), style, client.apiKey.envName);
  const baseProperty = client.baseUrl.property;
  if (baseProperty && ts.isPropertyAssignment(baseProperty)) edits.push(...fileEdits(unit, [replaceNode(unit, baseProperty.initializer, baseExpr)]));
  else if (baseProperty) edits.push(...fileEdits(unit, [replaceNode(unit, baseProperty, `apiBaseUrl: ${baseExpr}`)]));
  else append.push(`apiBaseUrl: ${baseExpr}`);

  const keyed = keyEdits(client.apiKey, provider, unit, context);
  edits.push(...keyed.edits);
  review.push(...keyed.review);
  notes.push(...keyed.notes);
  if (keyed.append) append.unshift(`apiKey: ${keyExpression(provider, client.apiKey, context, unit.path)}`);

  // The package's default model is gpt-3.5-turbo: say which provider model to send instead.
  if (!client.model.value) {
    const params = client.completionParams;
    if (!defaultTarget) {
      if (!provider.keepUnmappedModels) {
        notes.push(text.noDefaultModel(provider.name));
        readiness = 'manual';
      }
    } else if (params.object) {
      const entry = `model: ${quoteString(defaultTarget, context.style(params.object.unit.path))}`;
      const inner = params.object;
      const last = inner.node.properties[inner.node.properties.length - 1];
      const innerEdits = last
        ? appendProperties(inner.unit, inner.node, last, [entry], context.style(inner.unit.path))
        : [replaceNode(inner.unit, inner.node, `{ ${entry} }`)];
      edits.push(...fileEdits(inner.unit, innerEdits));
      notes.push(text.defaultModelNote(defaultTarget));
    } else if (params.opaque) {
      notes.push(text.paramsOpaque(defaultTarget));
      readiness = 'review';
    } else {
      append.push(`completionParams: { model: ${quoteString(defaultTarget, style)} }`);
      notes.push(text.defaultModelNote(defaultTarget));
    }
  }
  if (!client.systemMessage) notes.push(text.systemMessageNote(provider.name));

  if (append.length) {
    const removed = new Set<ts.Node>(client.drop);
    const kept = object.node.properties.filter((p) => !removed.has(p));
    const anchor = kept[kept.length - 1];
    if (anchor) {
      edits.push(...fileEdits(unit, appendProperties(unit, object.node, anchor, append, style)));
    } else {
      const objectRange = nodeRange(unit, object.node);
      const inside = (e: FileEdit) => e.file === unit.path && e.start >= objectRange.start && e.end <= objectRange.end;
      const kept2 = edits.filter((e) => !inside(e));
      edits.length = 0;
      edits.push(...kept2, ...fileEdits(unit, [replaceNode(unit, object.node, formatObject(append, style, lineIndent(unit, object.node), columnOf(unit, objectRange.start)))]));
    }
  }
  if (review.length && readiness === 'auto') readiness = 'review';
  const fix: Fix | undefined = edits.length ? { ...described(`point ChatGPTAPI at ${provider.name.en} (${target.baseURL})`, `把 ChatGPTAPI 指向${provider.name.zh}（${target.baseURL}）`), safety: 'safe', edits } : undefined;
  return {
    readiness,
    message: t(`ChatGPTAPI → ${provider.name.en}`, `ChatGPTAPI → ${provider.name.zh}`),
    action: notes.length ? joinNotes(notes) : t(`Set ${keyEnv} in every environment that runs this code.`, `在运行此代码的每个环境中设置 ${keyEnv}。`),
    docs: provider.docs.openaiCompatibility,
    ...(fix ? { fix } : {}),
    ...(review.length ? { suggestions: [{ ...described(`read the API key from ${keyEnv}`, `从 ${keyEnv} 读取 API key`), safety: 'review' as const, edits: review }] } : {}),
  };
}

function planLlama(client: LlamaFacts, context: PlanContext): PlannedFields {
  const target = context.target;
  const routing = client.routing;
  if (routing.to !== 'openai' && routing.to !== 'azure') return { readiness: 'info' };
  if (!target) return { readiness: 'manual', action: text.llamaAction('{ model, apiKey, additionalSessionOptions: { baseURL } } for the provider'), docs: text.DOCS.llamaindex };
  const { provider } = target;
  const embedding = client.cls === 'LlamaOpenAIEmbedding';
  const fallback = embedding ? 'text-embedding-3-small' : 'gpt-4o';
  const model = mapModel(client.model ?? fallback, provider, target.modelOverrides).target;
  const options = `{ model: '${model ?? '<provider model>'}', apiKey: process.env.${providerKeyEnv(provider)}, additionalSessionOptions: { baseURL: '${target.baseURL}' } }`;
  return { readiness: 'manual', action: text.llamaAction(options), docs: text.DOCS.llamaindex };
}

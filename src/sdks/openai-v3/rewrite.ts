/**
 * Plans for the `openai-v3` module. The provider move is the smallest safe change v3 allows:
 * `basePath` set (or added) in the Configuration options — or the OpenAIApi's basePath argument
 * replaced where that is what decides — the key read from the provider's env var, `organization`
 * removed, model ids mapped. The v4 upgrade is a review fix on the import (see upgrade.ts).
 */
import { ts } from '../../analysis/ts.js';
import { nodeRange, type Unit } from '../../analysis/unit.js';
import type { FileEdit, Fix } from '../../core/types.js';
import { described, t, type Localized } from '../../core/text.js';
import { appendProperties, columnOf, fileEdits, formatObject, lineIndent, removeListElements, replaceNode } from '../../edits/object-literal.js';
import { baseUrlExpression, providerKeyEnv } from '../shared/env.js';
import { envStyleOf, joinNotes, keyEdits, keyExpression, type KeyFacts } from '../shared/options.js';
import { routingOfBaseUrl } from '../shared/routing.js';
import type { PlanContext, PlannedFields, Target } from '../types.js';
import type { OpenAiDetection } from '../openai/detect.js';
import { planCall as planOpenAiCall, planModel } from '../openai/rewrite.js';
import type { ApiFacts, ConfigFacts, ConfigRouting, V3Detection, V3Payload } from './detect.js';
import * as text from './messages.js';


export function planV3(detection: V3Detection, context: PlanContext): PlannedFields {
  const payload = detection.payload;
  switch (payload.type) {
    case 'import':
      return planImport(detection.location.file, payload, context);
    case 'configuration':
      return planConfiguration(payload.config, payload.routing, context);
    case 'api':
      return planApi(payload.api, context);
    case 'call':
      return planCall(detection, payload, context);
    case 'model':
      return planModel(detection as unknown as OpenAiDetection, payload, context);
    case 'endpoint':
      return {
        readiness: 'auto',
        action: t(
          `apply sets ${payload.owner === 'configuration' ? 'the Configuration\u2019s basePath' : 'the OpenAIApi basePath argument'} to the provider where the client is built; remove this default, or point it at the provider if something else reads it.`,
          `apply 会在创建客户端处将${payload.owner === 'configuration' ? ' Configuration 的 basePath' : ' OpenAIApi 的 basePath 参数'}设为服务商地址；请删除此默认值，若别处仍读取它则改为服务商地址。`,
        ),
        docs: text.DOCS.v3,
      };
    case 'axiosResponse':
    case 'axiosError':
      return { readiness: 'review', action: text.shapeAction(payload.upgrade), docs: text.DOCS.v4Migration };
  }
}

function planImport(file: string, payload: Extract<V3Payload, { type: 'import' }>, context: PlanContext): PlannedFields {
  const upgrade = payload.upgrade;
  if (payload.typeOnly || !upgrade) return { readiness: 'info' };
  if (!upgrade.offered) return { readiness: 'info', action: text.upgradeNotOffered(upgrade.reasons), docs: payload.pkg === 'openai-edge' ? text.DOCS.edge : text.DOCS.v4Migration };
  if (!context.target) return { readiness: 'info', message: text.upgradeOffered(upgrade.clients, upgrade.calls), action: text.upgradeAction(), docs: text.DOCS.v4Migration };
  return {
    readiness: 'review',
    message: text.upgradeOffered(upgrade.clients, upgrade.calls),
    action: text.upgradeAction(),
    docs: text.DOCS.v4Migration,
    fix: { ...described('upgrade this file from openai v3 to v4 (import, client, calls, .data)', '把此文件从 openai v3 升级到 v4（import、客户端、调用、.data）'), safety: 'review', edits: upgrade.edits.map((e) => ({ ...e, file })) },
  };
}

interface Planned {
  edits: FileEdit[];
  review: FileEdit[];
  notes: Localized[];
}

/** The provider's endpoint expression, in the style of the key read. */
function baseExpression(target: Target, context: PlanContext, unit: Unit, key: KeyFacts | undefined): string {
  const style = key ? envStyleOf(key) : 'process.env';
  return baseUrlExpression(target.provider, target.baseURL, style, context.style(unit.path), key?.envName);
}

function configEdits(config: ConfigFacts, target: Target, context: PlanContext): Planned {
  const { provider } = target;
  const out: Planned = { edits: [], review: [], notes: [] };
  const key = config.apiKey;
  const keyExpr = keyExpression(provider, key, context, config.unit.path);
  const baseExpr = baseExpression(target, context, config.unit, key);
  // With no basePath of its own, the OpenAIApi's second argument decides; those are planned there.
  const needsBase = !config.basePath.property && !(config.users.length > 0 && config.users.every((u) => u.basePathArg));
  if (config.proxy.length) out.notes.push(text.proxyNote(config.proxy));

  const options = config.options;
  if (options.kind === 'none') {
    const unit = config.unit;
    const node = config.node;
    const entries = [`apiKey: ${keyExpr}`, ...(needsBase ? [`basePath: ${baseExpr}`] : [])];
    const objectText = formatObject(entries, context.style(unit.path), lineIndent(unit, node), columnOf(unit, nodeRange(unit, node).start) + 20);
    if (!node.arguments) {
      out.edits.push(...fileEdits(unit, [{ start: nodeRange(unit, node).end, end: nodeRange(unit, node).end, text: `(${objectText})` }]));
    } else {
      const open = unit.text.indexOf('(', nodeRange(unit, node.expression).end);
      out.edits.push(...fileEdits(unit, [{ start: open + 1, end: open + 1, text: objectText }]));
    }
    return out;
  }
  if (options.kind === 'opaque') return out;

  const object = options.object;
  const unit = object.unit;
  const append: string[] = [];
  out.edits.push(...fileEdits(unit, removeListElements(unit, config.drop, object.node.properties)));

  const baseProperty = config.basePath.property;
  if (baseProperty && ts.isPropertyAssignment(baseProperty)) {
    out.edits.push(...fileEdits(unit, [replaceNode(unit, baseProperty.initializer, baseExpr)]));
  } else if (baseProperty) {
    out.edits.push(...fileEdits(unit, [replaceNode(unit, baseProperty, `basePath: ${baseExpr}`)]));
  } else if (needsBase) {
    append.push(`basePath: ${baseExpr}`);
  }

  const keyed = keyEdits(key, provider, unit, context);
  out.edits.push(...keyed.edits);
  out.review.push(...keyed.review);
  out.notes.push(...keyed.notes);
  if (keyed.append) append.unshift(`apiKey: ${keyExpr}`);

  if (append.length) {
    const removed = new Set<ts.Node>(config.drop);
    const kept = object.node.properties.filter((p) => !removed.has(p));
    const anchor = kept[kept.length - 1];
    if (anchor) {
      out.edits.push(...fileEdits(unit, appendProperties(unit, object.node, anchor, append, context.style(unit.path))));
    } else {
      const objectRange = nodeRange(unit, object.node);
      out.edits = out.edits.filter((e) => e.file !== unit.path || e.end <= objectRange.start || e.start >= objectRange.end);
      out.edits.push(...fileEdits(unit, [replaceNode(unit, object.node, formatObject(append, context.style(unit.path), lineIndent(unit, object.node), columnOf(unit, objectRange.start)))]));
    }
  }
  return out;
}

function planConfiguration(config: ConfigFacts, routing: ConfigRouting, context: PlanContext): PlannedFields {
  const target = context.target;
  if (routing.to === 'mixed') return { readiness: 'manual', action: text.mixedRouting(), docs: text.DOCS.v3 };
  if (routing.to === 'azure') {
    return { readiness: target ? 'manual' : 'review', action: text.azureRouting(), docs: target?.provider.docs.openaiCompatibility ?? text.DOCS.v3 };
  }
  if (routing.to !== 'openai') {
    if (target && routing.to === 'provider' && routing.provider === target.provider.id) {
      return { readiness: 'info', message: t(`Configuration already points at ${target.provider.name.en}`, `Configuration 已指向 ${target.provider.name.zh}`) };
    }
    return { readiness: 'info' };
  }
  if (!target) {
    return { readiness: 'auto', action: t('apply sets basePath and apiKey for the chosen provider.', 'apply 会为所选服务商设置 basePath 和 apiKey。'), docs: text.DOCS.v3 };
  }
  const planned = configEdits(config, target, context);
  const fix: Fix | undefined = planned.edits.length
    ? { ...described(`point the v3 Configuration at ${target.provider.name.en} (${target.baseURL})`, `把 v3 的 Configuration 指向${target.provider.name.zh}（${target.baseURL}）`), safety: 'safe', edits: planned.edits }
    : undefined;
  const suggestions: Fix[] = planned.review.length ? [{ ...described(`read the API key from ${providerKeyEnv(target.provider)}`, `从 ${providerKeyEnv(target.provider)} 读取 API key`), safety: 'review', edits: planned.review }] : [];
  return {
    readiness: suggestions.length ? 'review' : 'auto',
    message: t(`v3 Configuration → ${target.provider.name.en}`, `v3 Configuration → ${target.provider.name.zh}`),
    action: planned.notes.length
      ? joinNotes(planned.notes)
      : t(`Set ${providerKeyEnv(target.provider, config.apiKey.envName)} in every environment that runs this code.`, `在运行此代码的每个环境中设置 ${providerKeyEnv(target.provider, config.apiKey.envName)}。`),
    docs: target.provider.docs.openaiCompatibility,
    ...(fix ? { fix } : {}),
    ...(suggestions.length ? { suggestions } : {}),
  };
}

function planApi(api: ApiFacts, context: PlanContext): PlannedFields {
  const target = context.target;
  const routing = api.routing;
  if (routing.to === 'azure') return { readiness: target ? 'manual' : 'review', action: text.azureRouting(), docs: text.DOCS.v3 };
  if (routing.to !== 'openai') {
    if (target && routing.to === 'provider' && routing.provider === target.provider.id) {
      return { readiness: 'info', message: t(`v3 client already points at ${target.provider.name.en}`, `v3 客户端已指向 ${target.provider.name.zh}`) };
    }
    return { readiness: 'info' };
  }
  if (!api.configArgument) return { readiness: 'review', action: text.noConfiguration(), docs: text.DOCS.v3 };
  if (!target) return { readiness: 'auto' };
  const edits: FileEdit[] = [];
  if (api.basePathArg && routingOfBaseUrl(api.basePathValue).to === 'openai') {
    const expression = baseExpression(target, context, api.unit, api.config?.apiKey);
    edits.push(...fileEdits(api.unit, [replaceNode(api.unit, api.basePathArg, expression)]));
  }
  return {
    readiness: 'auto',
    message: t(`${api.pkg === 'openai-edge' ? 'openai-edge' : 'v3'} client → ${target.provider.name.en}`, `${api.pkg === 'openai-edge' ? 'openai-edge' : 'v3'} 客户端 → ${target.provider.name.zh}`),
    ...(edits.length ? { fix: { ...described(`pass ${target.provider.name.en}'s endpoint as the basePath argument`, `把${target.provider.name.zh}的端点作为 basePath 参数传入`), safety: 'safe' as const, edits } } : {}),
  };
}

function planCall(detection: V3Detection, payload: Extract<V3Payload, { type: 'call' }>, context: PlanContext): PlannedFields {
  const retired = payload.spec.retired;
  if (retired) {
    return {
      readiness: 'manual',
      reason: text.retiredReason(retired),
      action: text.retiredAction(retired),
      docs: text.DOCS.deprecations,
    };
  }
  const planned = planOpenAiCall(detection as unknown as OpenAiDetection, payload, context);
  if (!payload.proxy.length || !context.target || planned.readiness === 'info') return planned;
  const note = text.callProxyNote(payload.proxy);
  return { ...planned, action: planned.action ? joinNotes([planned.action, note]) : note };
}

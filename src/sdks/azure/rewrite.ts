/**
 * Plans for the `azure` module. An Azure client becomes a plain OpenAI client pointed at the
 * provider: `AzureOpenAI` is swapped for the SDK's `OpenAI` at its import (references follow), the
 * Azure-only options go, `baseURL` and `apiKey` are set. Calls and models are planned as the openai
 * module plans them; a deployment name that names no model needs --model-map.
 */
import { ts } from '../../analysis/ts.js';
import { resolveName, resolveTopLevel } from '../../analysis/scope.js';
import type { Unit } from '../../analysis/unit.js';
import { isOpenAiModelId } from '../../catalogue/index.js';
import type { FileEdit, TextEdit } from '../../core/types.js';
import { described, t } from '../../core/text.js';
import { fileEdits, removeListElements, replaceNode } from '../../edits/object-literal.js';
import type { PlanContext, PlannedFields } from '../types.js';
import type { ClientFacts, OpenAiDetection } from '../openai/detect.js';
import { clientEdits, planCall, planModel } from '../openai/rewrite.js';
import type { AzureDetection, AzurePayload } from './detect.js';
import * as text from './messages.js';

const AZURE_OPTIONS = new Set(['endpoint', 'apiVersion', 'deployment', 'azureADTokenProvider', 'azureADToken']);


export function planAzure(detection: AzureDetection, context: PlanContext): PlannedFields {
  const payload = detection.payload;
  switch (payload.type) {
    case 'azureImport':
      return planImport(payload, context);
    case 'azureClient':
      return planClient(payload.client, payload.viaClass, context);
    case 'model':
      return planDeployment(detection, context);
    case 'call':
      return planCall(detection as OpenAiDetection, payload, context);
    default:
      return { readiness: 'info' };
  }
}

/** Every identifier of the unit that refers to the binding `local` introduces. */
function references(unit: Unit, local: ts.Identifier): ts.Identifier[] {
  const found: ts.Identifier[] = [];
  const visit = (node: ts.Node): void => {
    if (ts.isIdentifier(node) && node !== local && node.text === local.text) {
      const declaration = resolveName(node);
      const declared = declaration && 'local' in declaration ? declaration.local : declaration && 'name' in declaration ? declaration.name : undefined;
      if (declared === local) found.push(node);
    }
    ts.forEachChild(node, visit);
  };
  visit(unit.sf);
  return found;
}

function planImport(payload: Extract<AzurePayload, { type: 'azureImport' }>, context: PlanContext): PlannedFields {
  const target = context.target;
  const specifier = payload.specifier;
  if (!target || !specifier) return { readiness: target ? 'review' : 'auto' };
  const { unit } = payload;
  const edits: TextEdit[] = [];
  const isImport = ts.isImportSpecifier(specifier);
  const imported = isImport ? (specifier.propertyName ?? specifier.name) : (specifier.propertyName ?? specifier.name);
  const local = specifier.name;
  if (specifier.propertyName) {
    // `AzureOpenAI as Az` / `{ AzureOpenAI: Az }`: only the imported name changes.
    edits.push(replaceNode(unit, imported, 'OpenAI'));
  } else if (ts.isIdentifier(local) && !resolveTopLevel(unit.sf, 'OpenAI')) {
    edits.push(replaceNode(unit, local, 'OpenAI'));
    for (const reference of references(unit, local)) edits.push(replaceNode(unit, reference, 'OpenAI'));
  } else {
    // `OpenAI` is taken in this file: keep the local name, import the plain client under it.
    edits.push(replaceNode(unit, local, isImport ? 'OpenAI as AzureOpenAI' : 'OpenAI: AzureOpenAI'));
  }
  return {
    readiness: 'auto',
    message: t('AzureOpenAI → the SDK’s OpenAI client', 'AzureOpenAI → SDK 的 OpenAI 客户端'),
    fix: { ...described(`use the SDK's OpenAI client for ${target.provider.name.en}`, `为${target.provider.name.zh}改用 SDK 的 OpenAI 客户端`), safety: 'safe', edits: fileEdits(unit, edits) },
  };
}

/** Nested entries of defaultQuery/defaultHeaders that only Azure reads. */
function azureOnlyEntries(client: ClientFacts): { drop: ts.ObjectLiteralElementLike[]; edits: FileEdit[] } {
  const drop: ts.ObjectLiteralElementLike[] = [];
  const edits: FileEdit[] = [];
  if (client.options.kind !== 'literal') return { drop, edits };
  const object = client.options.object;
  for (const property of object.node.properties) {
    const name = property.name && (ts.isIdentifier(property.name) || ts.isStringLiteral(property.name)) ? property.name.text : undefined;
    if (!name) continue;
    if (AZURE_OPTIONS.has(name)) {
      drop.push(property);
      continue;
    }
    if ((name === 'defaultQuery' || name === 'defaultHeaders') && ts.isPropertyAssignment(property) && ts.isObjectLiteralExpression(property.initializer)) {
      const inner = property.initializer;
      const azureKeys = inner.properties.filter((p) => {
        const key = p.name && (ts.isIdentifier(p.name) || ts.isStringLiteral(p.name)) ? p.name.text.toLowerCase() : '';
        return key === 'api-version' || key === 'api-key';
      });
      if (!azureKeys.length) continue;
      if (azureKeys.length === inner.properties.length) drop.push(property);
      else edits.push(...fileEdits(object.unit, removeListElements(object.unit, azureKeys, inner.properties)));
    }
  }
  return { drop, edits };
}

function planClient(client: ClientFacts, viaClass: boolean, context: PlanContext): PlannedFields {
  const target = context.target;
  if (!target) {
    return { readiness: 'auto', action: t('apply turns it into an OpenAI client for the chosen provider.', 'apply 会将其改为指向所选服务商的 OpenAI 客户端。'), docs: text.DOCS.azure };
  }
  const { drop, edits } = azureOnlyEntries(client);
  const hadTokenProvider = drop.some((p) => p.name && ts.isIdentifier(p.name) && p.name.text === 'azureADTokenProvider');
  const facts: ClientFacts = { ...client, drop: [...client.drop, ...drop.filter((p) => !client.drop.includes(p))] };
  const planned = clientEdits(facts, target, context);
  const all = [...planned.edits, ...edits];
  const notes = [...planned.notes, ...(hadTokenProvider ? [text.tokenProvider()] : [])];
  const action = notes.length
    ? t(notes.map((n) => n.en).join(' '), notes.map((n) => n.zh).join(' '))
    : t(`Set ${target.provider.apiKeyEnv} where AZURE_OPENAI_API_KEY was set.`, `在原先设置 AZURE_OPENAI_API_KEY 的地方设置 ${target.provider.apiKeyEnv}。`);
  return {
    readiness: planned.review.length || client.options.kind === 'opaque' ? 'review' : 'auto',
    message: t(`Azure OpenAI client → ${target.provider.name.en}`, `Azure OpenAI 客户端 → ${target.provider.name.zh}`),
    action,
    docs: target.provider.docs.openaiCompatibility,
    ...(all.length ? { fix: { ...described(`point the client at ${target.provider.name.en} (${target.baseURL}) instead of Azure`, `把客户端从 Azure 改指向${target.provider.name.zh}（${target.baseURL}）`), safety: 'safe' as const, edits: all } } : {}),
    ...(planned.review.length ? { suggestions: [{ ...described(`read the API key from ${target.provider.apiKeyEnv}`, `从 ${target.provider.apiKeyEnv} 读取 API key`), safety: 'review' as const, edits: planned.review }] } : {}),
  };
}

function planDeployment(detection: AzureDetection, context: PlanContext): PlannedFields {
  const target = context.target;
  const name = detection.model!;
  if (target && !isOpenAiModelId(name) && !target.modelOverrides[name]) {
    return {
      readiness: 'manual',
      message: text.deployment(name),
      reason: text.deploymentReason(),
      action: text.unknownDeployment(name, target.provider.name),
      docs: target.provider.docs.models ?? target.provider.docs.pricing,
    };
  }
  return planModel(detection as OpenAiDetection, detection.payload as Extract<AzurePayload, { type: 'model' }>, context);
}

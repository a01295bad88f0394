/**
 * Detection for Azure OpenAI through the `openai` package: `new AzureOpenAI({...})` and
 * `new OpenAI({ baseURL: 'https://<res>.openai.azure.com/openai/deployments/<dep>', defaultQuery:
 * { 'api-version' } })`, their calls (the openai module's resource tree) and the deployment names
 * used as models. Read-only.
 */
import { ts } from '../../analysis/ts.js';
import { resolveName } from '../../analysis/scope.js';
import { structuralNodes, locationOf, type Unit } from '../../analysis/unit.js';
import { possibleStrings, skipOuter, type Value } from '../../analysis/values.js';
import type { DetectContext, Detection } from '../types.js';
import { asOpenAiClient, isAzureUrl, isOpenAiClassValue, isOpenAiSpecifier } from '../openai/binding.js';
import { analyzeClient, callDetections, importedNamesOf, isAzureClass, routingOfCall, type ClientFacts, type OpenAiPayload } from '../openai/detect.js';
import { findResource, METHOD_NAMES, normalizeClientPath } from '../openai/resources.js';
import * as text from './messages.js';

export const SDK = 'azure';

export type AzurePayload =
  | OpenAiPayload
  | { type: 'azureImport'; unit: Unit; specifier: ts.ImportSpecifier | ts.BindingElement | undefined }
  | { type: 'azureClient'; client: ClientFacts; viaClass: boolean }
  | { type: 'azureEndpoint' };

export type AzureDetection = Detection<AzurePayload>;

/** `import { AzureOpenAI } from 'openai'` / `const { AzureOpenAI } = require('openai')`: the binding. */
function azureSpecifier(node: ts.Node): ts.ImportSpecifier | ts.BindingElement | undefined {
  if (ts.isImportDeclaration(node)) {
    const bindings = node.importClause?.namedBindings;
    if (bindings && ts.isNamedImports(bindings)) return bindings.elements.find((e) => (e.propertyName ?? e.name).text === 'AzureOpenAI');
    return undefined;
  }
  let parent: ts.Node = node.parent;
  while (ts.isAwaitExpression(parent) || ts.isParenthesizedExpression(parent)) parent = parent.parent;
  if (ts.isVariableDeclaration(parent) && ts.isObjectBindingPattern(parent.name)) {
    return parent.name.elements.find((e) => (e.propertyName ?? e.name).getText() === 'AzureOpenAI');
  }
  return undefined;
}

function importDetection(unit: Unit, node: ts.Node, specifier: string): AzureDetection {
  return {
    sdk: SDK,
    ruleId: 'azure/import',
    kind: 'import',
    location: locationOf(unit, node),
    message: text.importOf(specifier),
    reason: text.importReason(),
    payload: { type: 'azureImport', unit, specifier: azureSpecifier(node) },
  };
}

function clientDetection(context: DetectContext, unit: Unit, node: ts.NewExpression | ts.CallExpression, viaClass: boolean): AzureDetection {
  const client = analyzeClient(context, unit, node, viaClass ? 'AzureOpenAI' : 'OpenAI');
  return {
    sdk: SDK,
    ruleId: 'azure/client',
    kind: 'client',
    location: locationOf(unit, node),
    message: text.client(viaClass ? 'AzureOpenAI' : 'OpenAI with an Azure baseURL'),
    reason: text.clientReason(),
    payload: { type: 'azureClient', client, viaClass },
  };
}

/**
 * The Azure URL literals a client's baseURL is built from, where they sit outside the construction
 * (a constant in a config module): the rewrite leaves them behind, so they are pointed at.
 */
function endpointDetections(unit: Unit, node: ts.Node, client: ClientFacts): AzureDetection[] {
  if (!client.baseURL.value) return [];
  const at = locationOf(unit, node);
  const range = { start: node.getStart(unit.sf), end: node.getEnd() };
  return possibleStrings(client.baseURL.value)
    .strings.filter((s) => isAzureUrl(s.value) || /\/openai\/deployments\//.test(s.value))
    .filter((s) => s.origin.unit !== unit || s.origin.node.getStart(unit.sf) < range.start || s.origin.node.getEnd() > range.end)
    .map((s) => ({
      sdk: SDK,
      ruleId: 'azure/endpoint',
      kind: 'endpoint' as const,
      location: locationOf(s.origin.unit, s.origin.node),
      message: text.endpoint(`${at.file}:${at.line}`),
      reason: text.endpointReason(),
      payload: { type: 'azureEndpoint' as const },
    }));
}

function bindsAzure(names: string[]): boolean {
  return names.includes('AzureOpenAI');
}

function isSdkBinding(callee: ts.Expression): boolean {
  if (!ts.isIdentifier(callee)) return false;
  const declaration = resolveName(callee);
  return declaration?.kind === 'import' || declaration?.kind === 'importEquals' || declaration?.kind === 'variable';
}

export function detectAzure(unit: Unit, context: DetectContext): AzureDetection[] {
  const detections: AzureDetection[] = [];
  for (const node of structuralNodes(unit)) {
    if (ts.isImportDeclaration(node) && ts.isStringLiteral(node.moduleSpecifier) && isOpenAiSpecifier(node.moduleSpecifier.text)) {
      if (bindsAzure(importedNamesOf(node))) detections.push(importDetection(unit, node, node.moduleSpecifier.text));
    } else if (ts.isNewExpression(node)) {
      const callee = context.evaluator.evaluate(unit, node.expression);
      if (isOpenAiClassValue(callee)) {
        if (isAzureClass(callee)) detections.push(clientDetection(context, unit, node, true));
        else if (analyzeClient(context, unit, node, 'OpenAI').routing.to === 'azure') {
          detections.push(clientDetection(context, unit, node, false));
          detections.push(...endpointDetections(unit, node, analyzeClient(context, unit, node, 'OpenAI')));
        }
      }
    } else if (ts.isCallExpression(node)) {
      detectCall(unit, node, context, detections);
    }
  }
  return detections;
}

function detectCall(unit: Unit, node: ts.CallExpression, context: DetectContext, detections: AzureDetection[]): void {
  const callee = skipOuter(node.expression);
  if (ts.isIdentifier(callee) && callee.text === 'require' && !resolveName(callee)) {
    const arg = node.arguments[0];
    if (arg && ts.isStringLiteral(arg) && isOpenAiSpecifier(arg.text) && azureSpecifier(node)) detections.push(importDetection(unit, node, arg.text));
    return;
  }
  if (isSdkBinding(callee)) {
    // The CJS export is callable without `new`.
    const value: Value = context.evaluator.evaluate(unit, callee);
    if (isOpenAiClassValue(value) && !isAzureClass(value) && analyzeClient(context, unit, node, 'OpenAI').routing.to === 'azure') {
      detections.push(clientDetection(context, unit, node, false));
      detections.push(...endpointDetections(unit, node, analyzeClient(context, unit, node, 'OpenAI')));
      return;
    }
  }
  if (!ts.isPropertyAccessExpression(callee) || !METHOD_NAMES.has(callee.name.text)) return;
  const client = asOpenAiClient(context.evaluator.evaluate(unit, callee));
  if (!client || routingOfCall(context, client)?.to !== 'azure') return;
  const path = normalizeClientPath(client.path);
  const method = path.pop()!;
  const rule = findResource(path, method);
  if (rule) detections.push(...callDetections(context, unit, node, path, method, rule, client, false, 'azure'));
}

/**
 * Detection for the Vercel AI SDK's OpenAI side: imports of `@ai-sdk/openai` / `@ai-sdk/azure`, the
 * default `openai` instance, `createOpenAI(...)` providers, the model factories (`openai('gpt-4o')`,
 * `.chat`, `.embedding`, …) with their model ids, OpenAI's built-in tools, the `ai` helpers fed by
 * such a model (`generateText`, `streamText`, `generateObject`, `embedMany`, …) and the old
 * `OpenAIStream` / `StreamingTextResponse`. Read-only.
 */
import { ts } from '../../analysis/ts.js';
import { resolveName } from '../../analysis/scope.js';
import { structuralNodes, locationOf, type Unit } from '../../analysis/unit.js';
import { possibleStrings, skipOuter, type ObjectValue, type Value } from '../../analysis/values.js';
import { isOpenAiModelId } from '../../catalogue/index.js';
import type { ApiFamily } from '../../core/types.js';
import type { RequestFacts } from '../shared/request.js';
import type { DetectContext, Detection } from '../types.js';
import { analyzeClient, keyLink, noteEnvFeeds, type ClientFacts, type Routing } from '../openai/detect.js';
import { bindingShape, classify, EXPORTS, providerPackage, registryKind, resolveModels, type BindingShape, type ModelRef, type ProviderRef, type Site } from './binding.js';
import { familyOf, helperFacts, helperRule, type HelperRule } from './helpers.js';
import { directCallIsResponses, versionsFor, versionText, type SdkVersions } from './version.js';
import * as text from './messages.js';
import { propertyByName } from '../shared/options.js';

export const SDK = 'vercel-ai';

export type VercelPayload =
  | { type: 'import'; specifier: string }
  | { type: 'defaultProvider'; binding: BindingShape; versions: SdkVersions }
  | { type: 'provider'; client: ClientFacts; versions: SdkVersions; compatibility: { property: ts.ObjectLiteralElementLike; value: string } | undefined }
  | { type: 'routedProvider'; routing: Routing }
  | { type: 'azureProvider' }
  | { type: 'responsesByDefault'; site: Site; method: string; blocked: string | undefined }
  | { type: 'model'; unit: Unit; literal: ts.StringLiteralLike; family: ApiFamily; envOverride: string[]; blocked: string | undefined }
  | { type: 'builtinTool'; name: string }
  | { type: 'registry'; registry: 'custom' | 'registry' }
  | {
      type: 'helper';
      rule: HelperRule;
      family: ApiFamily;
      facts: RequestFacts;
      model: ModelRef;
      routing: Routing;
      versions: SdkVersions;
      modelLiterals: string[];
      modelEnv: string[];
      modelDynamic: string | undefined;
      builtinTools: string[];
      jsonInstructionInjected: boolean;
      blocked: string | undefined;
    }
  | { type: 'legacyStream' };

export type VercelDetection = Detection<VercelPayload>;

function detection(ruleId: string, kind: VercelDetection['kind'], unit: Unit, node: ts.Node, message: VercelDetection['message'], reason: VercelDetection['reason'], payload: VercelPayload, extra: Partial<VercelDetection> = {}): VercelDetection {
  return { sdk: SDK, ruleId, kind, location: locationOf(unit, node), message, reason, payload, ...extra };
}

/**
 * The node that stands for a provider in its client record: the `createOpenAI(…)` call, or the
 * import (or require) that binds the default instance.
 */
export function providerNode(provider: ProviderRef): ts.Node | undefined {
  if (provider.kind === 'created') return provider.creation?.node;
  let node: ts.Node | undefined = provider.module.origin.node;
  while (node && !ts.isImportDeclaration(node) && !ts.isCallExpression(node) && !ts.isSourceFile(node)) node = node.parent;
  return node && !ts.isSourceFile(node) ? node : undefined;
}

function importOf(specifier: ts.ImportSpecifier): ts.Node | undefined {
  let node: ts.Node | undefined = specifier;
  while (node && !ts.isImportDeclaration(node)) node = node.parent;
  return node;
}

/** Where a provider's requests go: the default instances go to OpenAI (or Azure), created ones by their options. */
export function routingOfProvider(context: DetectContext, provider: ProviderRef): Routing {
  if (provider.pkg === 'azure') return { to: 'azure' };
  if (provider.kind === 'default' || !provider.creation) return { to: 'openai' };
  return analyzeClient(context, provider.creation.unit, provider.creation.node, 'OpenAI').routing;
}

/** Why the default instance behind a model cannot be replaced by apply, if it cannot. */
function blockedBy(provider: ProviderRef): string | undefined {
  if (provider.kind !== 'default') return undefined;
  const shape = bindingShape(provider.module);
  return shape.shape === 'other' ? shape.how : undefined;
}

/** The versions that apply to a provider: the package.json nearest to the file that imports it. */
function providerVersions(context: DetectContext, provider: ProviderRef): SdkVersions {
  return versionsFor(context.workspace, provider.module.origin.unit.path);
}

function isTypeOnly(node: ts.ImportDeclaration): boolean {
  const clause = node.importClause;
  if (!clause) return true;
  if (clause.isTypeOnly) return true;
  const bindings = clause.namedBindings;
  return !clause.name && !!bindings && ts.isNamedImports(bindings) && bindings.elements.length > 0 && bindings.elements.every((e) => e.isTypeOnly);
}

/** `import { OpenAIStream } from 'ai'`: the old helper made for the openai SDK's streams. */
function bindsOpenAIStream(node: ts.ImportDeclaration): boolean {
  const bindings = node.importClause?.namedBindings;
  return !node.importClause?.isTypeOnly && !!bindings && ts.isNamedImports(bindings) && bindings.elements.some((e) => !e.isTypeOnly && (e.propertyName ?? e.name).text === 'OpenAIStream');
}

export function detectVercelAi(unit: Unit, context: DetectContext): VercelDetection[] {
  const detections: VercelDetection[] = [];
  const versions = versionsFor(context.workspace, unit.path);
  for (const node of structuralNodes(unit)) {
    if (ts.isImportDeclaration(node) && ts.isStringLiteral(node.moduleSpecifier) && node.moduleSpecifier.text === 'ai' && bindsOpenAIStream(node)) {
      detections.push(detection('vercel-ai/import', 'import', unit, node, text.importOpenAIStream(), text.legacyStreamReason(), { type: 'import', specifier: 'ai' }));
    } else if (ts.isImportDeclaration(node) && ts.isStringLiteral(node.moduleSpecifier)) {
      const pkg = providerPackage(node.moduleSpecifier.text);
      if (pkg && !isTypeOnly(node)) {
        detections.push(detection('vercel-ai/import', 'import', unit, node, text.importOf(node.moduleSpecifier.text), text.importReason(), { type: 'import', specifier: node.moduleSpecifier.text }));
        const bindings = node.importClause?.namedBindings;
        if (bindings && ts.isNamedImports(bindings) && !node.importClause?.isTypeOnly) {
          for (const element of bindings.elements) {
            if (element.isTypeOnly || (element.propertyName ?? element.name).text !== EXPORTS[pkg].instance) continue;
            detections.push(...instanceDetection(context, unit, pkg, element, versions));
          }
        }
      }
    } else if (ts.isExportDeclaration(node) && node.moduleSpecifier && ts.isStringLiteral(node.moduleSpecifier) && !node.isTypeOnly) {
      // `export { openai } from '@ai-sdk/openai'`: a default instance apply cannot replace in place.
      const pkg = providerPackage(node.moduleSpecifier.text);
      const clause = node.exportClause;
      if (pkg === 'openai' && clause && ts.isNamedExports(clause)) {
        for (const element of clause.elements) {
          if (element.isTypeOnly || (element.propertyName ?? element.name).text !== EXPORTS.openai.instance) continue;
          detections.push(
            detection('vercel-ai/defaultProvider', 'client', unit, element, text.defaultProvider(element.name.text), text.defaultProviderReason(), {
              type: 'defaultProvider',
              binding: { shape: 'other', how: 'a re-export' },
              versions,
            }),
          );
        }
      }
    } else if (ts.isCallExpression(node)) {
      detectCall(unit, node, context, versions, detections);
    } else if (ts.isNewExpression(node)) {
      const callee = context.evaluator.evaluate(unit, node.expression);
      if (callee.t === 'module' && callee.specifier === 'ai' && callee.path.join('.') === 'StreamingTextResponse') {
        detections.push(detection('vercel-ai/streamingTextResponse', 'option', unit, node, text.streamingTextResponse(), text.legacyStreamReason(), { type: 'legacyStream' }));
      }
    }
  }
  return detections;
}

/** The default `openai` instance bound by an import specifier or a destructured require. */
function instanceDetection(context: DetectContext, unit: Unit, pkg: 'openai' | 'azure', specifier: ts.ImportSpecifier | ts.BindingElement, versions: SdkVersions): VercelDetection[] {
  if (pkg === 'azure') {
    return [detection('vercel-ai/azureProvider', 'client', unit, specifier, text.azureProvider(`the default 'azure' instance`), text.azureReason(), { type: 'azureProvider' })];
  }
  const local = specifier.name.getText(unit.sf);
  const value = context.evaluator.evaluate(unit, specifier.name as ts.Identifier);
  const binding: BindingShape = value.t === 'module' ? bindingShape(value) : { shape: 'other', how: 'an indirect binding' };
  const identity = ts.isBindingElement(specifier) ? findRequire(specifier) : importOf(specifier);
  return [
    detection('vercel-ai/defaultProvider', 'client', unit, specifier, text.defaultProvider(local), text.defaultProviderReason(), { type: 'defaultProvider', binding, versions }, identity ? { client: { node: identity, role: 'client', keyEnvs: ['OPENAI_API_KEY'], keySource: 'sdk-default' } } : {}),
  ];
}

function findRequire(element: ts.BindingElement): ts.Node | undefined {
  const declaration = element.parent?.parent;
  let init = declaration && ts.isVariableDeclaration(declaration) ? declaration.initializer : undefined;
  while (init && (ts.isAwaitExpression(init) || ts.isParenthesizedExpression(init))) init = init.expression;
  return init && ts.isCallExpression(init) ? init : undefined;
}

/** `const { openai } = require('@ai-sdk/openai')`: the destructured default instance, if any. */
function requiredInstance(call: ts.CallExpression, pkg: 'openai' | 'azure'): ts.BindingElement | undefined {
  let parent: ts.Node = call.parent;
  while (ts.isAwaitExpression(parent) || ts.isParenthesizedExpression(parent)) parent = parent.parent;
  if (!ts.isVariableDeclaration(parent) || !ts.isObjectBindingPattern(parent.name)) return undefined;
  return parent.name.elements.find((e) => !e.dotDotDotToken && ts.isIdentifier(e.name) && (e.propertyName ?? e.name).getText() === EXPORTS[pkg].instance);
}

function detectCall(unit: Unit, node: ts.CallExpression, context: DetectContext, versions: SdkVersions, detections: VercelDetection[]): void {
  const callee = skipOuter(node.expression);
  const isModuleLoad =
    node.expression.kind === ts.SyntaxKind.ImportKeyword || (ts.isIdentifier(callee) && callee.text === 'require' && !resolveName(callee));
  if (isModuleLoad) {
    const arg = node.arguments[0];
    const pkg = arg && ts.isStringLiteral(arg) ? providerPackage(arg.text) : undefined;
    if (pkg && arg && ts.isStringLiteral(arg)) {
      detections.push(detection('vercel-ai/import', 'import', unit, node, text.importOf(arg.text), text.importReason(), { type: 'import', specifier: arg.text }));
      const element = requiredInstance(node, pkg);
      if (element) detections.push(...instanceDetection(context, unit, pkg, element, versions));
    }
    return;
  }
  if (!ts.isIdentifier(callee) && !ts.isPropertyAccessExpression(callee) && !ts.isCallExpression(callee) && !ts.isElementAccessExpression(callee)) return;
  const calleeValue = context.evaluator.evaluate(unit, callee);
  if (calleeValue.t === 'module') {
    if (calleeValue.specifier === 'ai' || calleeValue.specifier === 'ai/rsc') {
      if (calleeValue.specifier === 'ai' && calleeValue.path.join('.') === 'OpenAIStream') {
        detections.push(detection('vercel-ai/openAIStream', 'option', unit, node, text.openAIStream(), text.legacyStreamReason(), { type: 'legacyStream' }));
        return;
      }
      const rule = helperRule(calleeValue.specifier, calleeValue.path);
      if (rule) detections.push(...helperDetections(context, unit, node, rule));
      else detections.push(...registryDetections(context, unit, node));
      return;
    }
    const pkg = providerPackage(calleeValue.specifier);
    if (!pkg) return;
    if (calleeValue.path.length === 1 && calleeValue.path[0] === EXPORTS[pkg].factory) {
      detections.push(...creationDetections(context, unit, node, pkg));
      return;
    }
  } else if (calleeValue.t !== 'sdk' || !providerPackage(calleeValue.module.specifier)) {
    return;
  }
  const thing = classify(context.evaluator.evaluate(unit, node));
  if (thing?.t === 'model') detections.push(...siteDetections(context, { ...thing.model, site: { unit, node } }));
  else if (thing?.t === 'tool' && thing.tool.provider.pkg === 'openai' && routingOfProvider(context, thing.tool.provider).to === 'openai') {
    detections.push(detection('vercel-ai/builtinTool', 'capability', unit, node, text.builtinTool(thing.tool.name), text.builtinToolReason(), { type: 'builtinTool', name: thing.tool.name }));
  }
}

/**
 * `customProvider({ languageModels: { alias: openai('gpt-4o') } })` / `createProviderRegistry({ openai })`:
 * where the app's model aliases are defined. Reported when one of them is an OpenAI model that
 * still goes to OpenAI; the models themselves are reported where they are made.
 */
function registryDetections(context: DetectContext, unit: Unit, node: ts.CallExpression): VercelDetection[] {
  const kind = registryKind(context.evaluator.evaluate(unit, node));
  const argument = node.arguments[0] && skipOuter(node.arguments[0]);
  if (!kind || !argument || !ts.isObjectLiteralExpression(argument)) return [];
  const providers: ProviderRef[] = [];
  const visit = (child: ts.Node): void => {
    if (ts.isExpression(child)) {
      const thing = classify(context.evaluator.evaluate(unit, child));
      if (thing?.t === 'model') providers.push(thing.model.provider);
      else if (thing?.t === 'provider') providers.push(thing.provider);
      if (thing) return;
    }
    ts.forEachChild(child, visit);
  };
  ts.forEachChild(argument, visit);
  const openai = providers.filter((p) => routingOfProvider(context, p).to === 'openai');
  if (!openai.length) return [];
  return [detection('vercel-ai/providerRegistry', 'client', unit, node, text.registry(kind), text.registryReason(), { type: 'registry', registry: kind })];
}

/** `createOpenAI({...})` / `createAzure({...})`. */
function creationDetections(context: DetectContext, unit: Unit, node: ts.CallExpression, pkg: 'openai' | 'azure'): VercelDetection[] {
  if (pkg === 'azure') {
    return [detection('vercel-ai/azureProvider', 'client', unit, node, text.azureProvider('createAzure'), text.azureReason(), { type: 'azureProvider' })];
  }
  const client = analyzeClient(context, unit, node, 'OpenAI');
  if (client.routing.to === 'azure') {
    return [detection('vercel-ai/azureProvider', 'client', unit, node, text.azureProvider('createOpenAI with an Azure baseURL'), text.azureReason(), { type: 'azureProvider' })];
  }
  if (client.routing.to !== 'openai') {
    return [detection('vercel-ai/providerRouted', 'routed', unit, node, text.providerRouted(client.routing), text.providerRoutedReason(), { type: 'routedProvider', routing: client.routing })];
  }
  let compatibility: Extract<VercelPayload, { type: 'provider' }>['compatibility'];
  if (client.options.kind === 'literal') {
    const property = propertyByName(client.options.object.node, 'compatibility');
    const value = property && ts.isPropertyAssignment(property) ? skipOuter(property.initializer) : undefined;
    if (property && value && ts.isStringLiteralLike(value)) compatibility = { property, value: value.text };
  }
  return [
    detection(
      'vercel-ai/provider',
      'client',
      unit,
      node,
      text.provider(),
      text.providerReason(),
      { type: 'provider', client, versions: versionsFor(context.workspace, unit.path), compatibility },
      { client: { node, role: 'client', ...keyLink(client.apiKey) } },
    ),
  ];
}

const KIND_FAMILY: Record<ModelRef['kind'], ApiFamily> = {
  language: 'chat',
  chat: 'chat',
  responses: 'responses',
  completion: 'completions',
  embedding: 'embeddings',
  image: 'images',
  transcription: 'audio',
  speech: 'audio',
};

/**
 * At a model factory call of a provider that still talks to OpenAI: the Responses-by-default
 * shape (2.0+) and the OpenAI model ids its first argument may hold.
 */
function siteDetections(context: DetectContext, model: ModelRef & { site: Site }): VercelDetection[] {
  const { provider, site } = model;
  if (provider.pkg !== 'openai' || routingOfProvider(context, provider).to !== 'openai') return [];
  const owner = providerNode(provider);
  const link = owner ? { client: { node: owner, role: 'model' as const } } : {};
  const versions = providerVersions(context, provider);
  const blocked = blockedBy(provider);
  const out: VercelDetection[] = [];
  if (model.kind === 'language' && directCallIsResponses(versions) && !site.node.questionDotToken) {
    const callee = site.node.expression.getText(site.unit.sf).replace(/\s+/g, '');
    out.push(
      detection(
        'vercel-ai/responsesByDefault',
        'option',
        site.unit,
        site.node,
        text.responsesByDefault(callee, versionText(versions)),
        text.responsesByDefaultReason(),
        { type: 'responsesByDefault', site, method: model.method, blocked },
        link,
      ),
    );
  }
  const argument = site.node.arguments[0];
  if (!argument) return out;
  const value = context.evaluator.evaluate(site.unit, argument);
  noteEnvFeeds(context, value, 'model');
  const { strings, envs } = possibleStrings(value);
  for (const string of strings) {
    const literal = string.origin.node;
    if (!ts.isStringLiteral(literal) && !ts.isNoSubstitutionTemplateLiteral(literal)) continue;
    if (!isOpenAiModelId(string.value)) continue;
    const family = model.kind === 'language' && !directCallIsResponses(versions) && /instruct/.test(string.value) ? 'completions' : KIND_FAMILY[model.kind];
    out.push(
      detection('vercel-ai/model', 'model', string.origin.unit, literal, text.modelId(string.value), text.modelReason(), {
        type: 'model',
        unit: string.origin.unit,
        literal,
        family,
        envOverride: envs.map((e) => e.name),
        blocked,
      }, { model: string.value, ...link }),
    );
  }
  return out;
}

function optionsObject(context: DetectContext, unit: Unit, node: ts.CallExpression): ObjectValue | undefined {
  const argument = node.arguments[0];
  if (!argument) return undefined;
  const value = context.evaluator.evaluate(unit, argument);
  return value.t === 'object' ? value : undefined;
}

function modelsOfValue(value: Value): ModelRef[] {
  const options = value.t === 'union' ? value.options : [value];
  return options.flatMap((option) => {
    const thing = classify(option);
    return thing?.t === 'model' ? [thing.model] : [];
  });
}

/** A helper call of `ai` whose `model` is an OpenAI (or Azure) provider model. */
function helperDetections(context: DetectContext, unit: Unit, node: ts.CallExpression, rule: HelperRule): VercelDetection[] {
  const options = optionsObject(context, unit, node);
  if (!options) return [];
  const { evaluator } = context;
  const modelProperty = propertyByName(options.node, 'model');
  const modelInit = modelProperty && (ts.isPropertyAssignment(modelProperty) ? modelProperty.initializer : ts.isShorthandPropertyAssignment(modelProperty) ? modelProperty.name : undefined);
  const refs = modelInit ? resolveModels(evaluator, options.unit, modelInit) : modelsOfValue(evaluator.objectMember(options, 'model'));
  if (!refs.length) return [];
  const model = refs.find((r) => r.provider.pkg === 'openai') ?? refs[0];
  const versions = providerVersions(context, model.provider);
  const routing = routingOfProvider(context, model.provider);
  const helper = helperFacts(evaluator, options, rule, model, versions);

  const modelLiterals: string[] = [];
  const modelEnv: string[] = [];
  let modelDynamic: string | undefined;
  const argument = model.site?.node.arguments[0];
  if (model.site && argument) {
    const { strings, envs, others } = possibleStrings(evaluator.evaluate(model.site.unit, argument));
    modelLiterals.push(...strings.map((s) => s.value));
    modelEnv.push(...envs.map((e) => e.name));
    if (others.length || (!strings.length && !envs.length)) modelDynamic = argument.getText(model.site.unit.sf);
  }
  const modelId = modelLiterals.find(isOpenAiModelId) ?? modelLiterals[0];
  const family = familyOf(rule.kind, model, modelId, versions);
  const routed = routing.to !== 'openai' && routing.to !== 'azure';
  const out: VercelDetection[] = [
    detection(rule.ruleId, routed ? 'routed' : 'call', unit, node, routed ? text.routedHelperCall(rule.name, family) : text.helperCall(rule.name, family), routed ? text.providerRoutedReason() : text.helperReason(family), {
      type: 'helper',
      rule,
      family,
      facts: helper.facts,
      model,
      routing,
      versions,
      modelLiterals,
      modelEnv,
      modelDynamic,
      builtinTools: helper.builtinTools,
      jsonInstructionInjected: helper.jsonInstructionInjected,
      blocked: blockedBy(model.provider),
    }, {
      ...(modelId ? { model: modelId } : {}),
      usage: {
        call: rule.name,
        family,
        ...(modelId ? { model: modelId } : {}),
        stream: rule.stream,
        ...(helper.facts.promptText ? { promptText: helper.facts.promptText } : {}),
      ...(helper.facts.promptText && !helper.facts.promptDynamic ? { promptComplete: true } : {}),
        ...(helper.facts.maxTokens !== undefined ? { maxTokens: helper.facts.maxTokens } : {}),
      },
      ...(providerNode(model.provider) ? { client: { node: providerNode(model.provider)!, role: 'call' as const } } : {}),
    }),
  ];
  // Factory calls reached from here may sit in files without a marker (a provider imported from elsewhere).
  for (const ref of refs) if (ref.site) out.push(...siteDetections(context, ref as ModelRef & { site: Site }));
  return out;
}

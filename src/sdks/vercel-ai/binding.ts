/**
 * Which evaluated values belong to the Vercel AI SDK's OpenAI and Azure providers: the default
 * instances (`openai`, `azure`), providers made by `createOpenAI` / `createAzure`, the model objects
 * their factories return (`openai('gpt-4o')`, `provider.chat(…)`, `openai.embedding(…)`) and
 * OpenAI's built-in tools (`openai.tools.webSearchPreview(…)`).
 * Upstream: https://github.com/vercel/ai/blob/main/packages/openai/src/openai-provider.ts
 */
import { ts } from '../../analysis/ts.js';
import { propertyNameText, resolveName, resolveTopLevel } from '../../analysis/scope.js';
import type { Unit } from '../../analysis/unit.js';
import { skipOuter, type Evaluator, type ModuleValue, type Origin, type Value } from '../../analysis/values.js';

export type ProviderPackage = 'openai' | 'azure';

const PACKAGES: Record<string, ProviderPackage> = { '@ai-sdk/openai': 'openai', '@ai-sdk/azure': 'azure' };
/** The default instance and the factory each package exports. */
export const EXPORTS: Record<ProviderPackage, { instance: string; factory: string }> = {
  openai: { instance: 'openai', factory: 'createOpenAI' },
  azure: { instance: 'azure', factory: 'createAzure' },
};

export function providerPackage(specifier: string): ProviderPackage | undefined {
  return PACKAGES[specifier];
}

/** What a model factory method makes. A direct call (`openai('id')`) is `language`. */
export type ModelKind = 'language' | 'chat' | 'responses' | 'completion' | 'embedding' | 'image' | 'transcription' | 'speech';

const METHOD_KINDS: Record<string, ModelKind> = {
  '': 'language',
  languageModel: 'language',
  chat: 'chat',
  responses: 'responses',
  completion: 'completion',
  embedding: 'embedding',
  textEmbedding: 'embedding',
  textEmbeddingModel: 'embedding',
  embeddingModel: 'embedding',
  image: 'image',
  imageModel: 'image',
  transcription: 'transcription',
  transcriptionModel: 'transcription',
  speech: 'speech',
  speechModel: 'speech',
};

export interface Site {
  unit: Unit;
  node: ts.CallExpression;
}

export interface ProviderRef {
  pkg: ProviderPackage;
  kind: 'default' | 'created';
  /** The package binding (`openai`, `createOpenAI`) the value came from. */
  module: ModuleValue;
  /** The `createOpenAI(...)` call, for created providers. */
  creation?: Site;
}

export interface ModelRef {
  provider: ProviderRef;
  /** The factory method ('' for a direct call). */
  method: string;
  kind: ModelKind;
  /** The factory call, when known. */
  site?: Site;
}

export interface ToolRef {
  provider: ProviderRef;
  name: string;
}

export type ProviderThing = { t: 'provider'; provider: ProviderRef } | { t: 'model'; model: ModelRef } | { t: 'tool'; tool: ToolRef };

function asSite(origin: Origin): Site | undefined {
  return ts.isCallExpression(origin.node) ? { unit: origin.unit, node: origin.node } : undefined;
}

/**
 * Classifies one value. Default instance: `openai.chat('x')` evaluates to an SDK value of the module
 * path ['openai', 'chat'] whose origin is the call. Created provider: `p.chat('x')` keeps the origin of
 * `createOpenAI(...)` and records the call in its member path (['chat()']), so its site is unknown here.
 */
export function classify(value: Value): ProviderThing | undefined {
  if (value.t === 'module') {
    const pkg = providerPackage(value.specifier);
    if (pkg && value.path.length === 1 && value.path[0] === EXPORTS[pkg].instance) {
      return { t: 'provider', provider: { pkg, kind: 'default', module: value } };
    }
    return undefined;
  }
  if (value.t !== 'sdk' || value.op !== 'call') return undefined;
  const pkg = providerPackage(value.module.specifier);
  if (!pkg) return undefined;
  const [head, ...rest] = value.module.path;
  if (head === EXPORTS[pkg].instance) {
    if (value.path.length) return undefined;
    const provider: ProviderRef = { pkg, kind: 'default', module: { ...value.module, path: [head] } };
    const site = asSite(value.origin);
    if (rest.length <= 1) {
      const method = rest[0] ?? '';
      const kind = METHOD_KINDS[method];
      return kind ? { t: 'model', model: { provider, method, kind, ...(site ? { site } : {}) } } : undefined;
    }
    if (rest.length === 2 && rest[0] === 'tools') return { t: 'tool', tool: { provider, name: rest[1] } };
    return undefined;
  }
  if (head === EXPORTS[pkg].factory && rest.length === 0) {
    const creation = asSite(value.origin);
    const provider: ProviderRef = { pkg, kind: 'created', module: value.module, ...(creation ? { creation } : {}) };
    const path = value.path;
    if (path.length === 0) return { t: 'provider', provider };
    const last = path[path.length - 1];
    if (!last.endsWith('()')) return undefined;
    const method = last.slice(0, -2);
    if (path.length === 1) {
      const kind = METHOD_KINDS[method];
      return kind ? { t: 'model', model: { provider, method, kind } } : undefined;
    }
    if (path.length === 2 && path[0] === 'tools') return { t: 'tool', tool: { provider, name: method } };
  }
  return undefined;
}

function flatten(value: Value): Value[] {
  return value.t === 'union' ? value.options.flatMap(flatten) : [value];
}

/**
 * The calls an expression's value may come from, by syntax: the call itself, a local or imported
 * constant's initializer, either side of `?:` / `??` / `||`. Used to find the factory call of a
 * model made by a created provider, whose evaluated value does not carry it.
 */
function producingCalls(evaluator: Evaluator, unit: Unit, expression: ts.Expression, depth = 0): Site[] {
  if (depth > 8) return [];
  const workspace = evaluator.workspace;
  const expr = skipOuter(expression);
  if (ts.isCallExpression(expr)) return [{ unit, node: expr }];
  if (ts.isConditionalExpression(expr)) {
    return [...producingCalls(evaluator, unit, expr.whenTrue, depth + 1), ...producingCalls(evaluator, unit, expr.whenFalse, depth + 1)];
  }
  if (ts.isBinaryExpression(expr)) {
    const op = expr.operatorToken.kind;
    if (op === ts.SyntaxKind.QuestionQuestionToken || op === ts.SyntaxKind.BarBarToken) {
      return [...producingCalls(evaluator, unit, expr.left, depth + 1), ...producingCalls(evaluator, unit, expr.right, depth + 1)];
    }
    return [];
  }
  if (ts.isPropertyAccessExpression(expr)) {
    // `models.chat`, where `models` is an object literal (in any file): the property's initializer.
    const base = evaluator.evaluate(unit, expr.expression);
    if (base.t !== 'object') return [];
    const property = base.node.properties.find((p) => p.name && ts.isIdentifier(p.name) && p.name.text === expr.name.text);
    const init = property && (ts.isPropertyAssignment(property) ? property.initializer : ts.isShorthandPropertyAssignment(property) ? property.name : undefined);
    return init ? producingCalls(evaluator, base.unit, init, depth + 1) : [];
  }
  if (!ts.isIdentifier(expr)) return [];
  const declaration = resolveName(expr);
  if (declaration?.kind === 'variable' && declaration.path.length === 0 && declaration.node.initializer) {
    return producingCalls(evaluator, unit, declaration.node.initializer, depth + 1);
  }
  if (declaration?.kind === 'import') {
    const file = workspace.resolveModule(unit.path, declaration.specifier);
    return file ? exportedCalls(evaluator, file, declaration.imported, depth + 1) : [];
  }
  return [];
}

function exportedCalls(evaluator: Evaluator, file: string, name: string, depth: number): Site[] {
  const workspace = evaluator.workspace;
  const found: Site[] = [];
  for (const unit of workspace.units(file)) {
    if (name === 'default') {
      for (const statement of unit.sf.statements) {
        if (ts.isExportAssignment(statement)) found.push(...producingCalls(evaluator, unit, statement.expression, depth));
      }
      continue;
    }
    const declaration = resolveTopLevel(unit.sf, name);
    if (declaration?.kind === 'variable' && declaration.path.length === 0 && declaration.node.initializer) {
      found.push(...producingCalls(evaluator, unit, declaration.node.initializer, depth));
    }
  }
  return found;
}

/** `wrapLanguageModel({ model, middleware })` from 'ai' (`experimental_` before AI SDK 4) returns the model it wraps. */
function isWrapper(value: Value): value is Extract<Value, { t: 'sdk' }> {
  return value.t === 'sdk' && value.op === 'call' && value.path.length === 0 && value.module.specifier === 'ai' && /^(experimental_)?wrapLanguageModel$/.test(value.module.path.join('.'));
}

const REGISTRY_METHODS: Record<string, string> = {
  'languageModel()': 'languageModels',
  'textEmbeddingModel()': 'textEmbeddingModels',
  'embeddingModel()': 'textEmbeddingModels',
  'imageModel()': 'imageModels',
  'transcriptionModel()': 'transcriptionModels',
  'speechModel()': 'speechModels',
};

/** `customProvider({ languageModels: { alias: openai('gpt-4o') } })` and `createProviderRegistry({ openai })` from 'ai'. */
export function registryKind(value: Value): 'custom' | 'registry' | undefined {
  if (value.t !== 'sdk' || value.op !== 'call' || value.module.specifier !== 'ai') return undefined;
  const name = value.module.path.join('.');
  if (/^(experimental_)?customProvider$/.test(name)) return 'custom';
  if (/^(experimental_)?createProviderRegistry$/.test(name)) return 'registry';
  return undefined;
}

/**
 * `myProvider.languageModel('title-model')` / `registry.languageModel('openai:gpt-4o')`: the models
 * behind the alias, from the registry's own definition (every entry when the alias is dynamic).
 * Undefined when the expression is not such a call.
 */
function registryModels(evaluator: Evaluator, unit: Unit, expression: ts.Expression, depth: number): ModelRef[] | undefined {
  const expr = skipOuter(expression);
  if (!ts.isCallExpression(expr) || !ts.isPropertyAccessExpression(expr.expression)) return undefined;
  const group = REGISTRY_METHODS[`${expr.expression.name.text}()`];
  if (!group) return undefined;
  const refs: ModelRef[] = [];
  const first = expr.arguments[0] && skipOuter(expr.arguments[0]);
  const alias = first && ts.isStringLiteralLike(first) ? first.text : undefined;
  const registries = flatten(evaluator.evaluate(unit, expr.expression.expression)).filter((o) => registryKind(o) && o.t === 'sdk' && o.path.length === 0);
  // `myai.textEmbeddingModel(…)` on a provider is a model factory, not a registry lookup.
  if (!registries.length) return undefined;
  for (const option of registries) {
    const kind = registryKind(option);
    if (!kind || option.t !== 'sdk') continue;
    const call = option.origin.node;
    const argument = ts.isCallExpression(call) && call.arguments[0] ? skipOuter(call.arguments[0]) : undefined;
    if (!argument || !ts.isObjectLiteralExpression(argument)) continue;
    const home = option.origin.unit;
    if (kind === 'custom') {
      const table = propertyInit(argument, group);
      const entries = table && skipOuter(table);
      if (!entries || !ts.isObjectLiteralExpression(entries)) continue;
      for (const entry of entries.properties) {
        if (alias !== undefined && entry.name && propertyNameText(entry.name) !== alias) continue;
        const init = entryInit(entry);
        if (init) refs.push(...resolveModels(evaluator, home, init, depth + 1));
      }
      continue;
    }
    // createProviderRegistry({ openai, anthropic }).languageModel('openai:gpt-4o')
    const key = alias?.split(':')[0];
    for (const entry of argument.properties) {
      if (key !== undefined && entry.name && propertyNameText(entry.name) !== key) continue;
      const init = entryInit(entry);
      const provider = init ? classify(evaluator.evaluate(home, init)) : undefined;
      if (provider?.t === 'provider') refs.push({ provider: provider.provider, method: '', kind: group === 'textEmbeddingModels' ? 'embedding' : group === 'imageModels' ? 'image' : 'language', site: { unit, node: expr } } as ModelRef);
    }
  }
  return refs;
}

function entryInit(entry: ts.ObjectLiteralElementLike): ts.Expression | undefined {
  return ts.isPropertyAssignment(entry) ? entry.initializer : ts.isShorthandPropertyAssignment(entry) ? entry.name : undefined;
}

function propertyInit(object: ts.ObjectLiteralExpression, name: string): ts.Expression | undefined {
  for (const p of object.properties) {
    if (!p.name || propertyNameText(p.name) !== name) continue;
    if (ts.isPropertyAssignment(p)) return p.initializer;
    if (ts.isShorthandPropertyAssignment(p)) return p.name;
  }
  return undefined;
}

/**
 * The OpenAI/Azure provider models an expression (a helper's `model` option) may evaluate to, each
 * with its factory call where it can be found.
 */
export function resolveModels(evaluator: Evaluator, unit: Unit, expression: ts.Expression, depth = 0): ModelRef[] {
  if (depth > 4) return [];
  const viaRegistry = registryModels(evaluator, unit, expression, depth);
  if (viaRegistry) return viaRegistry;
  const refs: ModelRef[] = [];
  let needSites = false;
  for (const option of flatten(evaluator.evaluate(unit, expression))) {
    if (isWrapper(option) && depth < 3) {
      const call = option.origin.node;
      const argument = ts.isCallExpression(call) ? call.arguments[0] : undefined;
      const inner = argument && skipOuter(argument);
      if (inner && ts.isObjectLiteralExpression(inner)) {
        const model = inner.properties.find((p) => p.name && ts.isIdentifier(p.name) && p.name.text === 'model');
        const init = model && (ts.isPropertyAssignment(model) ? model.initializer : ts.isShorthandPropertyAssignment(model) ? model.name : undefined);
        if (init) refs.push(...resolveModels(evaluator, option.origin.unit, init, depth + 1));
      }
      continue;
    }
    const thing = classify(option);
    if (thing?.t !== 'model') continue;
    refs.push(thing.model);
    if (!thing.model.site) needSites = true;
  }
  if (!needSites) return refs;
  // Created providers: find the factory calls by syntax and classify each.
  const sited: ModelRef[] = [];
  for (const site of producingCalls(evaluator, unit, expression)) {
    const thing = classify(evaluator.evaluate(site.unit, site.node));
    if (thing?.t === 'model') sited.push({ ...thing.model, site });
  }
  return sited.length ? [...refs.filter((r) => r.site), ...sited] : refs;
}

/** How the default instance was bound, which decides whether apply can replace it. */
export type BindingShape =
  | { shape: 'named'; unit: Unit; statement: ts.ImportDeclaration; specifier: ts.ImportSpecifier; local: string }
  | { shape: 'require'; unit: Unit; statement: ts.VariableStatement; specifier: ts.BindingElement; local: string }
  | { shape: 'other'; how: string };

export function bindingShape(module: ModuleValue): BindingShape {
  const { node, unit } = module.origin;
  const name = module.path[0];
  if (ts.isImportDeclaration(node)) {
    const bindings = node.importClause?.namedBindings;
    if (bindings && ts.isNamedImports(bindings)) {
      const specifier = bindings.elements.find((e) => (e.propertyName ?? e.name).text === name && !e.isTypeOnly);
      if (specifier) return { shape: 'named', unit, statement: node, specifier, local: specifier.name.text };
    }
    return { shape: 'other', how: 'a namespace import' };
  }
  if (ts.isCallExpression(node)) {
    let parent: ts.Node = node.parent;
    while (ts.isAwaitExpression(parent) || ts.isParenthesizedExpression(parent)) parent = parent.parent;
    if (ts.isVariableDeclaration(parent) && ts.isObjectBindingPattern(parent.name) && ts.isVariableDeclarationList(parent.parent) && ts.isVariableStatement(parent.parent.parent)) {
      const specifier = parent.name.elements.find((e) => (e.propertyName ?? e.name).getText(unit.sf) === name && !e.dotDotDotToken);
      if (specifier && ts.isIdentifier(specifier.name) && node.expression.kind !== ts.SyntaxKind.ImportKeyword) {
        return { shape: 'require', unit, statement: parent.parent.parent, specifier, local: specifier.name.text };
      }
    }
    return { shape: 'other', how: node.expression.kind === ts.SyntaxKind.ImportKeyword ? 'a dynamic import' : 'a require without destructuring' };
  }
  if (ts.isExportDeclaration(node)) return { shape: 'other', how: 'a re-export' };
  return { shape: 'other', how: 'an indirect binding' };
}

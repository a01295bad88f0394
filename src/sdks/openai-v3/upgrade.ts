/**
 * The v3 → v4 upgrade of one file (review level), offered only for the common shape:
 *
 *   import { Configuration, OpenAIApi } from 'openai';          → import OpenAI from 'openai';
 *   const configuration = new Configuration({ apiKey, … });     → const configuration = { apiKey, … };
 *   const openai = new OpenAIApi(configuration);                → const openai = new OpenAI({ apiKey: configuration.apiKey, baseURL: configuration.basePath });
 *   const res = await openai.createChatCompletion(req);         → const res = await openai.chat.completions.create(req);
 *   res.data.choices[0]                                         → res.choices[0]
 *
 * (`new OpenAIApi(new Configuration({...}))` in a declaration is split into the same two lines.)
 *
 * Why the options stay in a variable: the provider move (safe) rewrites inside the Configuration
 * options — apiKey's env name, `basePath` set or added — and review edits are applied on top of
 * safe ones, never instead of them. The upgrade therefore may not touch the options' contents; the
 * v4 client reads `baseURL` from the `basePath` the safe edit wrote, whatever its value.
 * v3 → v4 call map: openai-sdk.md §5; migration guide https://github.com/openai/openai-node/discussions/217
 */
import { ts } from '../../analysis/ts.js';
import { propertyNameText, resolveName } from '../../analysis/scope.js';
import { lineColumn, nodeRange, type Unit } from '../../analysis/unit.js';
import { skipOuter } from '../../analysis/values.js';
import type { TextEdit } from '../../core/types.js';
import type { Localized } from '../../core/text.js';
import { replaceNode } from '../../edits/object-literal.js';
import { detectStyle, indentationAt } from '../../edits/style.js';
import type { Routing } from '../openai/detect.js';
import { v3Method, type V3Package } from './binding.js';
import * as text from './messages.js';

export type UpgradePlan = { offered: true; edits: TextEdit[]; clients: number; calls: number } | { offered: false; reasons: Localized[] };

export interface ResultUse {
  /** `res.data` reads of the call's result. */
  accessors: ts.PropertyAccessExpression[];
  /** `const { data } = await call`. */
  pattern?: ts.ObjectBindingPattern;
  /** A use the upgrade cannot follow (returned, passed on, `res.status`, …). */
  other?: ts.Node;
  unused: boolean;
}

function isPropertyNameIdentifier(node: ts.Identifier): boolean {
  const parent = node.parent;
  return (
    (ts.isPropertyAccessExpression(parent) && parent.name === node) ||
    (ts.isPropertyAssignment(parent) && parent.name === node) ||
    (ts.isMethodDeclaration(parent) && parent.name === node) ||
    (ts.isPropertyDeclaration(parent) && parent.name === node) ||
    (ts.isBindingElement(parent) && parent.propertyName === node) ||
    (ts.isImportSpecifier(parent) && parent.propertyName === node) ||
    (ts.isExportSpecifier(parent) && parent.propertyName === node)
  );
}

/** The identifier a declaration binds, for comparing references. */
function boundIdentifier(declaration: ReturnType<typeof resolveName>): ts.Identifier | undefined {
  if (!declaration) return undefined;
  if (declaration.kind === 'import' || declaration.kind === 'importEquals') return declaration.local;
  if (declaration.kind === 'variable' || declaration.kind === 'parameter') return declaration.name;
  return undefined;
}

/** Every identifier of the unit that refers to the binding `local` introduces. */
export function references(unit: Unit, local: ts.Identifier): ts.Identifier[] {
  const found: ts.Identifier[] = [];
  const visit = (node: ts.Node): void => {
    if (ts.isIdentifier(node) && node !== local && node.text === local.text && !isPropertyNameIdentifier(node)) {
      if (boundIdentifier(resolveName(node)) === local) found.push(node);
    }
    ts.forEachChild(node, visit);
  };
  visit(unit.sf);
  return found;
}

/** How the result of a call is used: `.data` reads, a `{ data }` pattern, or something else. */
export function resultUse(unit: Unit, call: ts.CallExpression): ResultUse {
  let node: ts.Node = call;
  while (ts.isAwaitExpression(node.parent) || ts.isParenthesizedExpression(node.parent)) node = node.parent;
  const parent = node.parent;
  const use: ResultUse = { accessors: [], unused: false };
  if (ts.isExpressionStatement(parent)) return { ...use, unused: true };
  if (ts.isPropertyAccessExpression(parent) && parent.expression === node) {
    if (parent.name.text === 'data') use.accessors.push(parent);
    else use.other = parent;
    return use;
  }
  if (ts.isVariableDeclaration(parent) && parent.initializer === node) {
    if (ts.isIdentifier(parent.name)) {
      for (const ref of references(unit, parent.name)) {
        const p = ref.parent;
        if (ts.isPropertyAccessExpression(p) && p.expression === ref && p.name.text === 'data') use.accessors.push(p);
        else use.other ??= ref;
      }
      return use;
    }
    if (ts.isObjectBindingPattern(parent.name) && parent.name.elements.length === 1) {
      const element = parent.name.elements[0];
      const key = element.propertyName ? propertyNameText(element.propertyName) : ts.isIdentifier(element.name) ? element.name.text : undefined;
      if (key === 'data' && !element.dotDotDotToken && !element.initializer && ts.isIdentifier(element.name)) return { ...use, pattern: parent.name };
    }
  }
  return { ...use, other: parent };
}

function responseReads(scope: ts.Node, matches: (id: ts.Identifier) => boolean): ts.PropertyAccessExpression[] {
  const found: ts.PropertyAccessExpression[] = [];
  const visit = (node: ts.Node): void => {
    if (ts.isPropertyAccessExpression(node) && node.name.text === 'response') {
      const base = skipOuter(node.expression);
      if (ts.isIdentifier(base) && matches(base)) found.push(node);
    }
    ts.forEachChild(node, visit);
  };
  visit(scope);
  return found;
}

/**
 * `error.response…` reads of an axios error thrown by the call: in the catch clause of a try
 * around it (within the same function), or in a `.catch(e => …)` chained on it.
 */
export function axiosErrorReads(unit: Unit, call: ts.CallExpression): ts.PropertyAccessExpression[] {
  const found: ts.PropertyAccessExpression[] = [];
  let child: ts.Node = call;
  for (let node: ts.Node | undefined = call.parent; node && !ts.isSourceFile(node); child = node, node = node.parent) {
    if (ts.isFunctionLike(node)) break;
    if (ts.isTryStatement(node) && node.tryBlock === child && node.catchClause?.variableDeclaration && ts.isIdentifier(node.catchClause.variableDeclaration.name)) {
      const clause = node.catchClause;
      const name = (clause.variableDeclaration!.name as ts.Identifier).text;
      found.push(...responseReads(clause.block, (id) => id.text === name && resolveName(id)?.node === clause));
    }
  }
  let outer: ts.Node = call;
  while (ts.isAwaitExpression(outer.parent) || ts.isParenthesizedExpression(outer.parent)) outer = outer.parent;
  const access = outer.parent;
  if (ts.isPropertyAccessExpression(access) && access.name.text === 'catch' && ts.isCallExpression(access.parent)) {
    const handler = access.parent.arguments[0];
    if (handler && (ts.isArrowFunction(handler) || ts.isFunctionExpression(handler))) {
      const param = handler.parameters[0];
      if (param && ts.isIdentifier(param.name)) {
        const name = param.name.text;
        found.push(...responseReads(handler.body, (id) => id.text === name && resolveName(id)?.node === param));
      }
    }
  }
  return found;
}

function range(unit: Unit, start: number, end: number, value: string): TextEdit {
  return { start, end, text: value };
}

function isExported(statement: ts.Node): boolean {
  return ts.canHaveModifiers(statement) && (ts.getModifiers(statement) ?? []).some((m) => m.kind === ts.SyntaxKind.ExportKeyword);
}

/** A `const`/`let` declaration of one plain identifier, not exported: the only shape whose references are all visible. */
function plainDeclaration(node: ts.Node): ts.VariableDeclaration | undefined {
  const declaration = node.parent;
  if (!ts.isVariableDeclaration(declaration) || declaration.initializer !== node) return undefined;
  if (!ts.isIdentifier(declaration.name) || declaration.type) return undefined;
  const list = declaration.parent;
  if (!ts.isVariableDeclarationList(list) || list.declarations.length !== 1) return undefined;
  if (!(list.flags & (ts.NodeFlags.Const | ts.NodeFlags.Let))) return undefined;
  const statement = list.parent;
  if (!ts.isVariableStatement(statement) || isExported(statement)) return undefined;
  return declaration;
}

const OPTION_KEYS = new Set(['apiKey', 'basePath', 'organization']);

function line(unit: Unit, node: ts.Node): number {
  return lineColumn(unit.text, nodeRange(unit, node).start).line;
}

interface ImportShape {
  configuration: ts.Identifier;
  api: ts.Identifier;
  edit: TextEdit;
}

function importShape(unit: Unit, node: ts.ImportDeclaration | ts.CallExpression): ImportShape | undefined {
  const pick = (elements: ReadonlyArray<{ name: ts.Node; propertyName?: ts.Node }>): { configuration?: ts.Identifier; api?: ts.Identifier } | undefined => {
    const out: { configuration?: ts.Identifier; api?: ts.Identifier } = {};
    for (const element of elements) {
      if (element.propertyName || !ts.isIdentifier(element.name)) return undefined;
      if (element.name.text === 'Configuration') out.configuration = element.name;
      else if (element.name.text === 'OpenAIApi') out.api = element.name;
      else return undefined;
    }
    return out;
  };
  if (ts.isImportDeclaration(node)) {
    const clause = node.importClause;
    const bindings = clause?.namedBindings;
    if (!clause || clause.isTypeOnly || clause.name || !bindings || !ts.isNamedImports(bindings)) return undefined;
    if (bindings.elements.some((e) => e.isTypeOnly)) return undefined;
    const names = pick(bindings.elements);
    if (!names?.configuration || !names.api) return undefined;
    return { configuration: names.configuration, api: names.api, edit: replaceNode(unit, bindings, 'OpenAI') };
  }
  const declaration = node.parent;
  if (!ts.isVariableDeclaration(declaration) || declaration.initializer !== node || !ts.isObjectBindingPattern(declaration.name)) return undefined;
  if (declaration.name.elements.some((e) => e.dotDotDotToken || e.initializer)) return undefined;
  const names = pick(declaration.name.elements);
  if (!names?.configuration || !names.api) return undefined;
  return { configuration: names.configuration, api: names.api, edit: replaceNode(unit, declaration.name, '{ OpenAI }') };
}

/** Whether an identifier spelled `name` occurs anywhere in the unit (comments and strings aside). */
function hasIdentifier(unit: Unit, name: string): boolean {
  let found = false;
  const visit = (node: ts.Node): void => {
    if (found) return;
    if (ts.isIdentifier(node) && node.text === name) found = true;
    else ts.forEachChild(node, visit);
  };
  visit(unit.sf);
  return found;
}

function freeName(unit: Unit, candidates: string[]): string | undefined {
  return candidates.find((name) => !hasIdentifier(unit, name));
}

/**
 * The upgrade of the file `unit`, anchored at its v3 import, or why it is not offered. `routing`
 * says where each OpenAIApi of the file sends requests (only clients moving off OpenAI upgrade).
 */
export function planUpgrade(unit: Unit, node: ts.ImportDeclaration | ts.CallExpression, pkg: V3Package, routing: (api: ts.NewExpression) => Routing): UpgradePlan {
  const no = (...reasons: Localized[]): UpgradePlan => ({ offered: false, reasons });
  if (pkg === 'openai-edge') return no(text.edgeNoUpgrade());
  const shape = importShape(unit, node);
  if (!shape) return no(text.upgradeImportShape());
  if (hasIdentifier(unit, 'OpenAI')) return no(text.upgradeNameTaken());
  const otherImports = unit.sf.statements.filter(
    (s) => s !== node && ts.isImportDeclaration(s) && ts.isStringLiteral(s.moduleSpecifier) && s.moduleSpecifier.text === 'openai',
  );
  if (otherImports.length) return no(text.upgradeOtherImports());

  const edits: TextEdit[] = [shape.edit];
  const style = detectStyle(unit.text);
  const configNews = new Set<ts.NewExpression>();
  for (const ref of references(unit, shape.configuration)) {
    if (!ts.isNewExpression(ref.parent) || ref.parent.expression !== ref) return no(text.upgradeOtherUse('Configuration', line(unit, ref)));
    configNews.add(ref.parent);
  }
  const apiNews: ts.NewExpression[] = [];
  for (const ref of references(unit, shape.api)) {
    if (!ts.isNewExpression(ref.parent) || ref.parent.expression !== ref) return no(text.upgradeOtherUse('OpenAIApi', line(unit, ref)));
    apiNews.push(ref.parent);
  }
  if (!apiNews.length) return no(text.upgradeNoClient());

  const used = new Set<ts.NewExpression>();
  const calls: ts.CallExpression[] = [];
  for (const apiNew of apiNews) {
    const where = line(unit, apiNew);
    if (routing(apiNew).to !== 'openai') return no(text.upgradeRouted(where));
    if (apiNew.arguments?.length !== 1) return no(text.upgradeArguments(where));
    const apiDeclaration = plainDeclaration(apiNew);
    if (!apiDeclaration) return no(text.upgradeClientEscapes(where));
    const argument = skipOuter(apiNew.arguments[0]);
    let configNew: ts.NewExpression | undefined;
    let configName: string;
    let inline = false;
    if (ts.isNewExpression(argument) && configNews.has(argument)) {
      configNew = argument;
      inline = true;
      const name = freeName(unit, ['configuration', 'openaiConfiguration', 'openaiOptions']);
      if (!name) return no(text.upgradeNameTaken());
      configName = name;
    } else if (ts.isIdentifier(argument)) {
      const declaration = resolveName(argument);
      const init = declaration?.kind === 'variable' && declaration.path.length === 0 ? declaration.node.initializer : undefined;
      const candidate = init && skipOuter(init);
      if (!candidate || !ts.isNewExpression(candidate) || !configNews.has(candidate) || !plainDeclaration(candidate)) return no(text.upgradeConfigElsewhere(where));
      if (references(unit, (declaration as { name: ts.Identifier }).name).length !== 1) return no(text.upgradeConfigShared(where));
      configNew = candidate;
      configName = argument.text;
    } else {
      return no(text.upgradeConfigElsewhere(where));
    }
    const options = configNew.arguments?.length === 1 ? skipOuter(configNew.arguments[0]) : undefined;
    if (!options || !ts.isObjectLiteralExpression(options)) return no(text.upgradeConfigOptions(line(unit, configNew), []));
    const extra = options.properties
      .map((p) => (ts.isSpreadAssignment(p) ? '...' : p.name ? propertyNameText(p.name) ?? '?' : '?'))
      .filter((name) => !OPTION_KEYS.has(name));
    if (extra.length) return no(text.upgradeConfigOptions(line(unit, configNew), extra));
    used.add(configNew);

    for (const ref of references(unit, apiDeclaration.name as ts.Identifier)) {
      const access = ref.parent;
      const call = access.parent;
      const spec = ts.isPropertyAccessExpression(access) && access.expression === ref ? v3Method(access.name.text) : undefined;
      if (!spec?.upgrade || !ts.isCallExpression(call) || call.expression !== access) return no(text.upgradeClientUse(line(unit, ref)));
      if (call.arguments.length !== 1) return no(text.upgradeCallOptions(line(unit, call)));
      const request = skipOuter(call.arguments[0]);
      if (ts.isObjectLiteralExpression(request)) {
        const stream = request.properties.find((p) => p.name && propertyNameText(p.name) === 'stream');
        if (stream && !(ts.isPropertyAssignment(stream) && stream.initializer.kind === ts.SyntaxKind.FalseKeyword)) return no(text.upgradeStream(line(unit, call)));
      }
      const use = resultUse(unit, call);
      if (use.other) return no(text.upgradeResultUse(line(unit, use.other)));
      if (axiosErrorReads(unit, call).length) return no(text.upgradeErrors(line(unit, call)));
      edits.push(replaceNode(unit, (access as ts.PropertyAccessExpression).name, spec.upgrade));
      for (const accessor of use.accessors) {
        edits.push(range(unit, nodeRange(unit, accessor.expression).end, nodeRange(unit, accessor).end, ''));
      }
      if (use.pattern) {
        const element = use.pattern.elements[0];
        edits.push(replaceNode(unit, use.pattern, (element.name as ts.Identifier).text));
      }
      calls.push(call);
    }

    const mapping = `{ apiKey: ${configName}.apiKey, baseURL: ${configName}.basePath }`;
    const optionsRange = nodeRange(unit, options);
    const configRange = nodeRange(unit, configNew);
    if (inline) {
      // const openai = new OpenAIApi(new Configuration({…}));
      //   → const configuration = {…};
      //     const openai = new OpenAI({ apiKey: configuration.apiKey, baseURL: configuration.basePath });
      const statement = apiDeclaration.parent.parent as ts.VariableStatement;
      const statementRange = nodeRange(unit, statement);
      const keyword = apiDeclaration.parent.flags & ts.NodeFlags.Const ? 'const' : 'let';
      const semicolon = unit.text[statementRange.end - 1] === ';' ? ';' : '';
      const indent = indentationAt(unit.text, statementRange.start);
      const name = (apiDeclaration.name as ts.Identifier).text;
      edits.push(range(unit, nodeRange(unit, apiDeclaration.name).start, optionsRange.start, `${configName} = `));
      edits.push(range(unit, optionsRange.end, nodeRange(unit, apiNew).end, ''));
      edits.push(range(unit, statementRange.end, statementRange.end, `${style.eol}${indent}${keyword} ${name} = new OpenAI(${mapping})${semicolon}`));
    } else {
      // const configuration = new Configuration({…}); const openai = new OpenAIApi(configuration);
      edits.push(range(unit, configRange.start, optionsRange.start, ''));
      edits.push(range(unit, optionsRange.end, configRange.end, ''));
      edits.push(replaceNode(unit, apiNew.expression, 'OpenAI'));
      edits.push(replaceNode(unit, apiNew.arguments![0], mapping));
    }
  }
  for (const configNew of configNews) {
    if (!used.has(configNew)) return no(text.upgradeConfigElsewhere(line(unit, configNew)));
  }
  return { offered: true, edits, clients: apiNews.length, calls: calls.length };
}

/**
 * Lexical name resolution on the raw syntax tree: which declaration does an identifier refer to?
 * This is the cheap, syntax-only half of "bind by import": no Program, no type checker.
 */
import { ts } from './ts.js';

export type Declaration =
  | { kind: 'import'; node: ts.ImportDeclaration; specifier: string; imported: string; typeOnly: boolean; local: ts.Identifier }
  | { kind: 'importEquals'; node: ts.ImportEqualsDeclaration; specifier: string | undefined; local: ts.Identifier }
  | { kind: 'variable'; node: ts.VariableDeclaration; name: ts.Identifier; path: BindingPath }
  | { kind: 'parameter'; node: ts.ParameterDeclaration; name: ts.Identifier; path: BindingPath }
  | { kind: 'function'; node: ts.FunctionDeclaration }
  | { kind: 'class'; node: ts.ClassLikeDeclaration }
  | { kind: 'catch'; node: ts.CatchClause }
  | { kind: 'other'; node: ts.Node };

/**
 * How a name is reached inside a destructuring pattern: `const { a: { b } } = x` binds `b` at
 * path ['a', 'b']; array elements use their index as a string.
 */
export type BindingPath = string[];

type Table = Map<string, Declaration>;
const tables = new WeakMap<ts.Node, Table>();

function isFunctionScope(node: ts.Node): node is ts.SignatureDeclaration {
  return ts.isFunctionLike(node);
}

function isScope(node: ts.Node): boolean {
  return (
    ts.isSourceFile(node) ||
    ts.isBlock(node) ||
    ts.isModuleBlock(node) ||
    ts.isCaseBlock(node) ||
    isFunctionScope(node) ||
    ts.isForStatement(node) ||
    ts.isForOfStatement(node) ||
    ts.isForInStatement(node) ||
    ts.isCatchClause(node) ||
    ts.isClassExpression(node)
  );
}

function addBindingName(table: Table, name: ts.BindingName, make: (id: ts.Identifier, path: BindingPath) => Declaration, path: BindingPath = []): void {
  if (ts.isIdentifier(name)) {
    if (!table.has(name.text)) table.set(name.text, make(name, path));
    return;
  }
  if (ts.isObjectBindingPattern(name)) {
    for (const element of name.elements) {
      if (element.dotDotDotToken) {
        addBindingName(table, element.name, make, [...path, '...']);
        continue;
      }
      const key = element.propertyName
        ? propertyNameText(element.propertyName)
        : ts.isIdentifier(element.name)
          ? element.name.text
          : undefined;
      addBindingName(table, element.name, make, [...path, key ?? '?']);
    }
    return;
  }
  name.elements.forEach((element, index) => {
    if (ts.isOmittedExpression(element)) return;
    addBindingName(table, element.name, make, [...path, element.dotDotDotToken ? '...' : String(index)]);
  });
}

export function propertyNameText(name: ts.PropertyName | ts.BindingName | ts.MemberName): string | undefined {
  if (ts.isIdentifier(name) || ts.isPrivateIdentifier(name)) return name.text;
  if (ts.isStringLiteral(name) || ts.isNumericLiteral(name) || ts.isNoSubstitutionTemplateLiteral(name)) return name.text;
  if (ts.isComputedPropertyName(name) && (ts.isStringLiteral(name.expression) || ts.isNoSubstitutionTemplateLiteral(name.expression))) {
    return name.expression.text;
  }
  return undefined;
}

function addStatement(table: Table, statement: ts.Node, hoistVarsOnly: boolean): void {
  if (ts.isVariableStatement(statement)) {
    const isVar = !(statement.declarationList.flags & (ts.NodeFlags.Let | ts.NodeFlags.Const));
    if (hoistVarsOnly && !isVar) return;
    for (const declaration of statement.declarationList.declarations) {
      addBindingName(table, declaration.name, (name, path) => ({ kind: 'variable', node: declaration, name, path }));
    }
    return;
  }
  if (hoistVarsOnly) return;
  if (ts.isFunctionDeclaration(statement) && statement.name) {
    if (!table.has(statement.name.text)) table.set(statement.name.text, { kind: 'function', node: statement });
  } else if (ts.isClassDeclaration(statement) && statement.name) {
    table.set(statement.name.text, { kind: 'class', node: statement });
  } else if ((ts.isEnumDeclaration(statement) || ts.isModuleDeclaration(statement)) && ts.isIdentifier(statement.name)) {
    table.set(statement.name.text, { kind: 'other', node: statement });
  } else if (ts.isImportDeclaration(statement)) {
    addImport(table, statement);
  } else if (ts.isImportEqualsDeclaration(statement)) {
    const ref = statement.moduleReference;
    const specifier =
      ts.isExternalModuleReference(ref) && ts.isStringLiteral(ref.expression) ? ref.expression.text : undefined;
    table.set(statement.name.text, { kind: 'importEquals', node: statement, specifier, local: statement.name });
  }
}

function addImport(table: Table, node: ts.ImportDeclaration): void {
  const clause = node.importClause;
  if (!clause || !ts.isStringLiteral(node.moduleSpecifier)) return;
  const specifier = node.moduleSpecifier.text;
  const clauseTypeOnly = clause.isTypeOnly;
  if (clause.name) {
    table.set(clause.name.text, { kind: 'import', node, specifier, imported: 'default', typeOnly: clauseTypeOnly, local: clause.name });
  }
  const bindings = clause.namedBindings;
  if (!bindings) return;
  if (ts.isNamespaceImport(bindings)) {
    table.set(bindings.name.text, { kind: 'import', node, specifier, imported: '*', typeOnly: clauseTypeOnly, local: bindings.name });
    return;
  }
  for (const element of bindings.elements) {
    const imported = (element.propertyName ?? element.name).text;
    table.set(element.name.text, {
      kind: 'import',
      node,
      specifier,
      imported,
      typeOnly: clauseTypeOnly || element.isTypeOnly,
      local: element.name,
    });
  }
}

/** `var` declarations anywhere in a function body (not in nested functions) belong to the function. */
function hoistVars(table: Table, node: ts.Node): void {
  ts.forEachChild(node, (child) => {
    if (isFunctionScope(child) || ts.isClassLike(child)) return;
    if (ts.isVariableStatement(child)) addStatement(table, child, true);
    hoistVars(table, child);
  });
}

function buildTable(scope: ts.Node): Table {
  const table: Table = new Map();
  if (ts.isSourceFile(scope) || ts.isBlock(scope) || ts.isModuleBlock(scope)) {
    for (const statement of scope.statements) addStatement(table, statement, false);
    if (ts.isSourceFile(scope) || (ts.isBlock(scope) && scope.parent && isFunctionScope(scope.parent))) hoistVars(table, scope);
  } else if (ts.isCaseBlock(scope)) {
    for (const clause of scope.clauses) for (const statement of clause.statements) addStatement(table, statement, false);
  } else if (isFunctionScope(scope)) {
    for (const parameter of scope.parameters) {
      addBindingName(table, parameter.name, (name, path) => ({ kind: 'parameter', node: parameter, name, path }));
    }
    // A named function expression can refer to itself.
    if ((ts.isFunctionExpression(scope) || ts.isFunctionDeclaration(scope)) && scope.name && !table.has(scope.name.text)) {
      table.set(scope.name.text, { kind: 'other', node: scope });
    }
    const body = (scope as ts.FunctionLikeDeclaration).body;
    if (body && !ts.isBlock(body)) hoistVars(table, body);
  } else if (ts.isForStatement(scope) || ts.isForOfStatement(scope) || ts.isForInStatement(scope)) {
    const init = scope.initializer;
    if (init && ts.isVariableDeclarationList(init)) {
      for (const declaration of init.declarations) {
        addBindingName(table, declaration.name, (name, path) => ({ kind: 'variable', node: declaration, name, path }));
      }
    }
  } else if (ts.isCatchClause(scope)) {
    const declaration = scope.variableDeclaration;
    if (declaration) addBindingName(table, declaration.name, () => ({ kind: 'catch', node: scope }));
  } else if (ts.isClassExpression(scope) && scope.name) {
    table.set(scope.name.text, { kind: 'class', node: scope });
  }
  return table;
}

function tableOf(scope: ts.Node): Table {
  let table = tables.get(scope);
  if (!table) {
    table = buildTable(scope);
    tables.set(scope, table);
  }
  return table;
}

/** The declaration an identifier (used as a value or a type name) refers to, if it is declared in this file. */
export function resolveName(identifier: ts.Identifier): Declaration | undefined {
  const name = identifier.text;
  for (let node: ts.Node | undefined = identifier.parent; node; node = node.parent) {
    if (!isScope(node)) continue;
    const found = tableOf(node).get(name);
    if (found) return found;
  }
  return undefined;
}

/** Looks a name up in the top-level scope of a file. */
export function resolveTopLevel(sf: ts.SourceFile, name: string): Declaration | undefined {
  return tableOf(sf).get(name);
}

export function enclosingClass(node: ts.Node): ts.ClassLikeDeclaration | undefined {
  for (let current: ts.Node | undefined = node.parent; current; current = current.parent) {
    if (ts.isClassLike(current)) return current;
    // `this` inside a plain function refers to that function's receiver, not the class.
    if (ts.isFunctionDeclaration(current) || ts.isFunctionExpression(current)) return undefined;
  }
  return undefined;
}

/** `import type { X }` or `import { type X, type Y }`: nothing of the module is loaded at run time. */
export function isTypeOnlyImport(node: ts.ImportDeclaration): boolean {
  const clause = node.importClause;
  if (!clause) return false;
  if (clause.isTypeOnly) return true;
  const bindings = clause.namedBindings;
  return !clause.name && !!bindings && ts.isNamedImports(bindings) && bindings.elements.length > 0 && bindings.elements.every((e) => e.isTypeOnly);
}

/** `const { Configuration, OpenAIApi } = require('openai')`: the names destructured from a call, or `*`. */
export function destructuredNames(call: ts.CallExpression): string[] {
  let parent: ts.Node = call.parent;
  while (ts.isAwaitExpression(parent) || ts.isParenthesizedExpression(parent)) parent = parent.parent;
  if (ts.isVariableDeclaration(parent) && ts.isObjectBindingPattern(parent.name)) {
    return parent.name.elements.map((e) => (e.propertyName ?? e.name).getText());
  }
  return ['*'];
}

/**
 * Whether a model-id literal is only ever shown to people (a badge, a footer, an "about" line) and
 * never sent: then it is text, not usage. Decided by the uses of the variable that holds it, in its
 * own file: every use rendered as JSX text or a Vue `{{ }}` interpolation. An exported variable, or
 * one used anywhere else, may reach a request, so it stays usage.
 */
import { ts } from '../analysis/ts.js';
import { resolveName } from '../analysis/scope.js';
import { isComponentFile } from '../analysis/sfc.js';
import type { Unit } from '../analysis/unit.js';
import { LABEL_KEYS } from './settings-block.js';

/** The variable a literal initializes, directly or as a property or element of its initializer. */
function holder(literal: ts.Node): ts.VariableDeclaration | undefined {
  let node: ts.Node = literal;
  for (let steps = 0; steps < 4 && node.parent; steps++) {
    const parent: ts.Node = node.parent;
    if (ts.isVariableDeclaration(parent)) return parent.initializer === node && ts.isIdentifier(parent.name) ? parent : undefined;
    if (ts.isPropertyAssignment(parent) || ts.isArrayLiteralExpression(parent) || ts.isObjectLiteralExpression(parent) || ts.isAsExpression(parent) || ts.isSatisfiesExpression(parent)) {
      node = parent;
      continue;
    }
    return undefined;
  }
  return undefined;
}

function isExported(declaration: ts.VariableDeclaration): boolean {
  const statement = declaration.parent?.parent;
  return statement !== undefined && ts.isVariableStatement(statement) && (ts.getModifiers(statement) ?? []).some((m) => m.kind === ts.SyntaxKind.ExportKeyword);
}

/** A use rendered as text: inside `{…}` that is a child of a JSX element, not an attribute. */
function renderedInJsx(reference: ts.Node): boolean {
  for (let node: ts.Node | undefined = reference.parent; node; node = node.parent) {
    if (ts.isJsxExpression(node)) return node.parent !== undefined && (ts.isJsxElement(node.parent) || ts.isJsxFragment(node.parent));
    if (ts.isStatement(node) || ts.isFunctionLike(node) || ts.isCallExpression(node)) return false;
  }
  return false;
}

function references(unit: Unit, declaration: ts.VariableDeclaration): ts.Identifier[] {
  const name = (declaration.name as ts.Identifier).text;
  const found: ts.Identifier[] = [];
  const visit = (node: ts.Node): void => {
    if (ts.isIdentifier(node) && node.text === name && node !== declaration.name) {
      const resolved = resolveName(node);
      if (resolved?.kind === 'variable' && resolved.node === declaration) found.push(node);
    }
    ts.forEachChild(node, visit);
  };
  visit(unit.sf);
  return found;
}

/** Vue/Svelte markup outside the script blocks uses the name only as `{{ name }}` / `{name}` text. */
function templateShowsOnly(unit: Unit, name: string): boolean {
  const markup = unit.text.replace(/<script[\s\S]*?<\/script>/gi, '');
  const uses = [...markup.matchAll(new RegExp(`\\b${name}\\b`, 'g'))];
  if (!uses.length) return false;
  return uses.every((use) => {
    const before = markup.lastIndexOf('{', use.index);
    const after = markup.indexOf('}', use.index);
    const tagOpen = markup.lastIndexOf('<', use.index);
    const tagClose = markup.lastIndexOf('>', use.index);
    return before >= 0 && after >= 0 && tagClose > tagOpen && before > tagClose;
  });
}

/** Keys whose value is the id a list item stands for (its label is under one of LABEL_KEYS). */
const ID_KEY = /^(id|value|model|modelId|model_id|key)$/;

/**
 * `{ name: 'gpt-4o (recommended)', id: 'gpt-4o' }`: the label of a list item that carries its id
 * beside it. The id is what gets sent; the label is text.
 */
function labelBesideId(literal: ts.Node): boolean {
  const property = literal.parent;
  if (!property || !ts.isPropertyAssignment(property) || property.initializer !== literal) return false;
  const key = property.name && (ts.isIdentifier(property.name) || ts.isStringLiteral(property.name)) ? property.name.text : undefined;
  if (!key || !LABEL_KEYS.test(key) || !ts.isObjectLiteralExpression(property.parent)) return false;
  return property.parent.properties.some((p) => p !== property && p.name !== undefined && (ts.isIdentifier(p.name) || ts.isStringLiteral(p.name)) && ID_KEY.test(p.name.text));
}

export function displayOnly(unit: Unit, literal: ts.Node): boolean {
  if (labelBesideId(literal)) return true;
  const declaration = holder(literal);
  if (!declaration || isExported(declaration)) return false;
  const uses = references(unit, declaration);
  if (uses.length) return uses.every(renderedInJsx);
  return isComponentFile(unit.path) && templateShowsOnly(unit, (declaration.name as ts.Identifier).text);
}

/**
 * Where in the syntax an indicator sits (a comment, a string, JSX text, an identifier, an import
 * specifier) and which provider its surroundings name. Works on the tree the scan already parsed,
 * iteratively, so pathological nesting costs nothing extra.
 */
import { ts } from '../analysis/ts.js';
import { providerNamed } from './indicators.js';

export type Place = 'comment' | 'string' | 'template' | 'jsx-text' | 'identifier' | 'regex' | 'other';

export interface Located {
  place: Place;
  /** The innermost node holding the position (the token itself, except for comments). */
  node: ts.Node;
}

/** The innermost node whose text holds `pos`; a position in a node's leading trivia is a comment. */
export function locate(sf: ts.SourceFile, pos: number): Located {
  let node: ts.Node = sf;
  for (;;) {
    let next: ts.Node | undefined;
    ts.forEachChild(node, (child) => {
      if (child.pos <= pos && pos < child.end) {
        next = child;
        return true;
      }
      return undefined;
    });
    if (!next) break;
    node = next;
  }
  if (node !== sf && pos < node.getStart(sf)) return { place: 'comment', node };
  if (node === sf) return { place: pos < sf.getStart(sf) || pos >= sf.endOfFileToken.getStart(sf) ? 'comment' : 'other', node };
  if (ts.isStringLiteral(node) || ts.isNoSubstitutionTemplateLiteral(node)) return { place: 'string', node };
  if (ts.isTemplateExpression(node) || ts.isTemplateHead(node) || ts.isTemplateMiddle(node) || ts.isTemplateTail(node) || ts.isTemplateSpan(node)) {
    return { place: 'template', node };
  }
  if (ts.isJsxText(node)) return { place: 'jsx-text', node };
  if (ts.isIdentifier(node) || ts.isPrivateIdentifier(node)) return { place: 'identifier', node };
  if (ts.isRegularExpressionLiteral(node)) return { place: 'regex', node };
  // Comments between the tokens of a node with no child there (`foo(/* gpt-4 */)`).
  if (isInsideComment(sf, node, pos)) return { place: 'comment', node };
  return { place: 'other', node };
}

function isInsideComment(sf: ts.SourceFile, node: ts.Node, pos: number): boolean {
  const scanner = ts.createScanner(ts.ScriptTarget.Latest, false, sf.languageVariant, sf.text, undefined, node.getStart(sf), node.end - node.getStart(sf));
  for (let kind = scanner.scan(); kind !== ts.SyntaxKind.EndOfFileToken; kind = scanner.scan()) {
    const start = scanner.getTokenStart();
    const end = scanner.getTokenEnd();
    if (pos < start) return false;
    if (pos < end) return kind === ts.SyntaxKind.SingleLineCommentTrivia || kind === ts.SyntaxKind.MultiLineCommentTrivia;
  }
  return false;
}

/** The text a naming ancestor gives its child, or undefined when it names nothing. */
function label(parent: ts.Node, child: ts.Node, sf: ts.SourceFile): string | undefined {
  if ((ts.isPropertyAssignment(parent) || ts.isPropertyDeclaration(parent) || ts.isPropertySignature(parent)) && parent.name !== child) {
    return parent.name.getText(sf);
  }
  if (ts.isVariableDeclaration(parent) && parent.initializer === child) return parent.name.getText(sf);
  if (ts.isCaseClause(parent) && child !== parent.expression) return parent.expression.getText(sf);
  if (ts.isIfStatement(parent) && child === parent.thenStatement) return parent.expression.getText(sf);
  if (ts.isConditionalExpression(parent) && child !== parent.condition) return parent.condition.getText(sf);
  if (ts.isBinaryExpression(parent) && child === parent.right && isAssignmentOrDefault(parent.operatorToken.kind)) return parent.left.getText(sf);
  if ((ts.isFunctionDeclaration(parent) || ts.isMethodDeclaration(parent)) && parent.name) return parent.name.getText(sf);
  if (ts.isClassDeclaration(parent) && parent.name) return parent.name.getText(sf);
  return undefined;
}

function isAssignmentOrDefault(kind: ts.SyntaxKind): boolean {
  return kind === ts.SyntaxKind.EqualsToken || kind === ts.SyntaxKind.BarBarToken || kind === ts.SyntaxKind.QuestionQuestionToken;
}

/**
 * The provider the nearest naming context names: 'openai', another provider's name, or undefined.
 * The walk stops at the first context that names either, so `{ openai: [...], aimlapi: [...] }`
 * gives each list its own key. The file's path is the last context.
 */
export function namedProvider(sf: ts.SourceFile, node: ts.Node, file: string): string | undefined {
  let child = node;
  for (let parent = node.parent; parent; child = parent, parent = parent.parent) {
    const text = label(parent, child, sf);
    if (text) {
      const named = providerNamed(text);
      if (named) return named;
    }
    if (ts.isSourceFile(parent)) break;
  }
  return providerNamed(file.replace(/\.[a-z]+$/i, ''));
}

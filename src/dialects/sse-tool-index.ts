/**
 * Hand-written stream parsers that gather tool calls by the delta's index (rule
 * zhipu-stream-tool-call-index). OpenAI numbers the tool calls of a streamed answer 0, 1, … in
 * `delta.tool_calls[].index`; GLM-4.5 models send -1 there, so `calls[tc.index]` writes a
 * property named "-1" instead of an element and the tool call is lost (the openai SDK's own
 * accumulator in chat.completions.stream() does the same). A parser is taken as safe when its
 * function compares an index with a number (`tc.index < 0`, `index >= 0`, `index === -1`).
 */
import { ts } from '../analysis/ts.js';
import { lineColumn, nodeRange, type Unit } from '../analysis/unit.js';
import { skipOuter } from '../analysis/values.js';

export interface IndexKeyedToolCall {
  /** The `calls[tc.index]` access. */
  node: ts.ElementAccessExpression;
  line: number;
}

const COMPARISONS = new Set([
  ts.SyntaxKind.LessThanToken,
  ts.SyntaxKind.LessThanEqualsToken,
  ts.SyntaxKind.GreaterThanToken,
  ts.SyntaxKind.GreaterThanEqualsToken,
  ts.SyntaxKind.EqualsEqualsEqualsToken,
  ts.SyntaxKind.ExclamationEqualsEqualsToken,
  ts.SyntaxKind.EqualsEqualsToken,
  ts.SyntaxKind.ExclamationEqualsToken,
]);

/**
 * The unguarded `X[Y.index]` accesses of functions that handle `tool_calls`: those in the
 * request's function, else those anywhere in its file (a parser is often a function of its own).
 */
export function indexKeyedToolCalls(unit: Unit, request: ts.Node): IndexKeyedToolCall[] {
  const all: IndexKeyedToolCall[] = [];
  const visit = (node: ts.Node): void => {
    if (ts.isElementAccessExpression(node) && isIndexRead(node.argumentExpression)) {
      const scope = outerFunctionOf(node);
      if (/\btool_calls\b/.test(scope.getText(unit.sf)) && !comparesIndex(scope)) all.push({ node, line: lineColumn(unit.text, nodeRange(unit, node).start).line });
    }
    ts.forEachChild(node, visit);
  };
  visit(unit.sf);
  const scope = functionOf(request);
  const near = all.filter((p) => p.node.pos >= scope.pos && p.node.end <= scope.end);
  return near.length ? near : all;
}

/** `tc.index`, `delta.tool_calls[0].index` (not `calls[i]`, whose i the code counts itself). */
function isIndexRead(expr: ts.Expression): boolean {
  const e = skipOuter(expr);
  return ts.isPropertyAccessExpression(e) && e.name.text === 'index';
}

function comparesIndex(scope: ts.Node): boolean {
  let found = false;
  const visit = (node: ts.Node): void => {
    if (found) return;
    if (ts.isBinaryExpression(node) && COMPARISONS.has(node.operatorToken.kind)) {
      const sides = [skipOuter(node.left), skipOuter(node.right)];
      const number = sides.some((s) => ts.isNumericLiteral(s) || (ts.isPrefixUnaryExpression(s) && ts.isNumericLiteral(s.operand)));
      const index = sides.some((s) => (ts.isPropertyAccessExpression(s) && s.name.text === 'index') || (ts.isIdentifier(s) && s.text === 'index'));
      if (number && index) found = true;
    }
    if (!found) ts.forEachChild(node, visit);
  };
  visit(scope);
  return found;
}

/** The function around a node, through the callbacks inside it (`delta.tool_calls.forEach((tc) => …)`). */
function outerFunctionOf(node: ts.Node): ts.Node {
  let current = node.parent;
  while (current && !ts.isSourceFile(current) && !(ts.isFunctionLike(current) && !ts.isArrowFunction(current) && !ts.isFunctionExpression(current))) current = current.parent;
  return current ?? node.getSourceFile();
}

function functionOf(node: ts.Node): ts.Node {
  let current = node.parent;
  while (current && !ts.isFunctionLike(current) && !ts.isSourceFile(current)) current = current.parent;
  return current ?? node.getSourceFile();
}

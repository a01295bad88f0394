/**
 * Hand-written SSE parsers that throw on comment lines (rule deepseek-sse-keep-alive). While a
 * request waits, DeepSeek streams `: keep-alive` comments; a loop that JSON.parses every line
 * after cutting off `data: ` (`line.replace('data: ', '')`, `line.slice(6)`) parses the comment
 * and throws. A parser is taken as safe when the code around its loop tests the line's start
 * (`startsWith('data:')`, `startsWith(':')`, `/^data:/.test(line)`, `line[0] === ':'`), or when
 * the parse sits in a try whose catch does not rethrow (the comment is then skipped).
 */
import { ts } from '../analysis/ts.js';
import { resolveName } from '../analysis/scope.js';
import { lineColumn, nodeRange, type Unit } from '../analysis/unit.js';
import { skipOuter } from '../analysis/values.js';

export interface UnguardedParse {
  /** The `JSON.parse(…)` call. */
  node: ts.CallExpression;
  /** 1-based line of the call. */
  line: number;
}

const ITERATING = new Set(['forEach', 'map', 'filter', 'flatMap', 'some', 'every', 'reduce', 'find']);

/**
 * The unguarded parses of the SSE body a request reads: those in the request's function, else
 * those anywhere in its file (a parser is often a function of its own beside the request).
 */
export function unguardedSseParses(unit: Unit, request: ts.Node): UnguardedParse[] {
  const all: UnguardedParse[] = [];
  const visit = (node: ts.Node): void => {
    if (ts.isCallExpression(node) && isJsonParse(node) && node.arguments[0] && isDataRemainder(node.arguments[0])) {
      const loop = enclosingLoop(node);
      if (loop && !guarded(node, loop)) all.push({ node, line: lineColumn(unit.text, nodeRange(unit, node).start).line });
    }
    ts.forEachChild(node, visit);
  };
  visit(unit.sf);
  const scope = functionOf(request);
  const near = all.filter((p) => p.node.pos >= scope.pos && p.node.end <= scope.end);
  return near.length ? near : all;
}

function isJsonParse(call: ts.CallExpression): boolean {
  const callee = skipOuter(call.expression);
  return ts.isPropertyAccessExpression(callee) && callee.name.text === 'parse' && ts.isIdentifier(callee.expression) && callee.expression.text === 'JSON';
}

/**
 * The rest of a line after its `data:` field name: `line.replace('data: ', '')`,
 * `line.replace(/^data: ?/, '')`, `line.slice(6)` (also `.substring`/`.substr`, 5 or 6, or
 * `'data: '.length`), with `.trim()` around, or a constant that holds one.
 */
function isDataRemainder(expr: ts.Expression, depth = 0): boolean {
  let e = skipOuter(expr);
  while (ts.isCallExpression(e) && ts.isPropertyAccessExpression(e.expression) && /^trim(Start|End)?$/.test(e.expression.name.text) && e.arguments.length === 0) e = skipOuter(e.expression.expression);
  if (ts.isIdentifier(e) && depth === 0) {
    const declaration = resolveName(e);
    const node = declaration?.kind === 'variable' && declaration.path.length === 0 ? declaration.node : undefined;
    return node?.initializer !== undefined && isDataRemainder(node.initializer, depth + 1);
  }
  if (!ts.isCallExpression(e) || !ts.isPropertyAccessExpression(e.expression)) return false;
  const method = e.expression.name.text;
  const [first] = e.arguments;
  if (!first) return false;
  if (method === 'replace' || method === 'replaceAll') {
    const pattern = skipOuter(first);
    if (ts.isStringLiteralLike(pattern)) return /^data:/.test(pattern.text);
    return ts.isRegularExpressionLiteral(pattern) && /^\/\^?data:/.test(pattern.text);
  }
  if ((method === 'slice' || method === 'substring' || method === 'substr') && e.arguments.length === 1) {
    const start = skipOuter(first);
    if (ts.isNumericLiteral(start)) return start.text === '5' || start.text === '6';
    return ts.isPropertyAccessExpression(start) && start.name.text === 'length' && ts.isStringLiteralLike(skipOuter(start.expression)) && /^data:/.test((skipOuter(start.expression) as ts.StringLiteralLike).text);
  }
  return false;
}

/** The loop over lines around a parse: a loop statement, or an iterating callback (`lines.forEach(…)`), in its function. */
function enclosingLoop(node: ts.Node): ts.Node | undefined {
  for (let current = node.parent; current; current = current.parent) {
    if (ts.isForOfStatement(current) || ts.isForStatement(current) || ts.isForInStatement(current) || ts.isWhileStatement(current) || ts.isDoStatement(current)) return current;
    if (ts.isFunctionLike(current)) {
      const call = current.parent;
      if (call && ts.isCallExpression(call) && ts.isPropertyAccessExpression(call.expression) && ITERATING.has(call.expression.name.text)) return call;
      return undefined;
    }
  }
  return undefined;
}

/** Whether the code around the loop tests a line's start, or a try around the parse swallows its error. */
function guarded(parse: ts.CallExpression, loop: ts.Node): boolean {
  for (let current: ts.Node | undefined = parse.parent; current && current !== loop.parent; current = current.parent) {
    if (ts.isTryStatement(current) && current.catchClause && parse.pos >= current.tryBlock.pos && parse.end <= current.tryBlock.end && !rethrows(current.catchClause.block)) return true;
  }
  let found = false;
  const visit = (node: ts.Node): void => {
    if (found) return;
    if (isLineStartTest(node)) found = true;
    else ts.forEachChild(node, visit);
  };
  visit(functionOf(loop));
  return found;
}

function rethrows(block: ts.Block): boolean {
  let found = false;
  const visit = (node: ts.Node): void => {
    if (found || (ts.isFunctionLike(node) && node !== block.parent)) return;
    if (ts.isThrowStatement(node)) found = true;
    else ts.forEachChild(node, visit);
  };
  visit(block);
  return found;
}

/**
 * What a line's start is tested against: the field name (`data`, `data:`, `data: `) or a comment
 * (`:`, `: keep-alive`, `: ping`). `data: [DONE]` is not a test of the field: it ends the stream.
 */
const LINE_START = /^(?:data:? ?$|:)/;
/** The same as a regular expression literal's source: `/^data:/`, `/^:/` (not `/^data: \[DONE\]/`). */
const LINE_START_RE = /^\/\^(?:data:? ?(?!\\\[DONE)|:)/;

function isLineStartTest(node: ts.Node): boolean {
  if (ts.isCallExpression(node) && ts.isPropertyAccessExpression(node.expression)) {
    const method = node.expression.name.text;
    const arg = node.arguments[0] ? skipOuter(node.arguments[0]) : undefined;
    if ((method === 'startsWith' || method === 'indexOf' || method === 'includes') && arg && ts.isStringLiteralLike(arg)) return LINE_START.test(arg.text);
    // /^data: (.*)/.exec(line), /^:/.test(line), line.match(/^data:/)
    const receiver = skipOuter(node.expression.expression);
    if ((method === 'test' || method === 'exec') && ts.isRegularExpressionLiteral(receiver)) return LINE_START_RE.test(receiver.text);
    if (method === 'match' && arg && ts.isRegularExpressionLiteral(arg)) return LINE_START_RE.test(arg.text);
  }
  // line[0] === ':', line.slice(0, 5) === 'data:'
  if (ts.isBinaryExpression(node) && [ts.SyntaxKind.EqualsEqualsEqualsToken, ts.SyntaxKind.ExclamationEqualsEqualsToken, ts.SyntaxKind.EqualsEqualsToken, ts.SyntaxKind.ExclamationEqualsToken].includes(node.operatorToken.kind)) {
    return [node.left, node.right].some((side) => {
      const value = skipOuter(side);
      return ts.isStringLiteralLike(value) && LINE_START.test(value.text);
    });
  }
  return false;
}

function functionOf(node: ts.Node): ts.Node {
  let current = node.parent;
  while (current && !ts.isFunctionLike(current) && !ts.isSourceFile(current)) current = current.parent;
  return current ?? node.getSourceFile();
}

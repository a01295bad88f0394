/**
 * Tool loops that drop reasoning_content (rules deepseek-reasoning-content-roundtrip and
 * moonshot-reasoning-content-roundtrip). The rules' condition reads an inline message list, which
 * a real loop rarely has: it pushes assistant messages rebuilt from the completion,
 * `messages.push({ role: 'assistant', content: msg.content, tool_calls: msg.tool_calls })`, and
 * the thinking model's reasoning_content is lost on the next request. Such literals are found in
 * the file of a chat call that has one of these rules in play, and get a spread that copies the
 * field from the message they read, only where it is there (Kimi rejects an empty one, so no
 * default is ever written). `messages.push(msg)` keeps the field and is left alone.
 */
import { ts } from '../analysis/ts.js';
import type { Unit } from '../analysis/unit.js';
import { lineColumn, nodeRange } from '../analysis/unit.js';
import { skipOuter } from '../analysis/values.js';
import type { TextEdit } from '../core/types.js';
import { appendProperties } from '../edits/object-literal.js';
import type { TextStyle } from '../edits/style.js';
import { propertyByName } from '../sdks/shared/options.js';
import { rulesFor, thinkingOn } from './match.js';
import type { ScanCall } from './scan.js';
import type { DialectRule } from './types.js';

export interface RebuiltMessage {
  /** `{ role: 'assistant', …, tool_calls: M.tool_calls }` without reasoning_content. */
  literal: ts.ObjectLiteralExpression;
  /** M, the response message the literal copies its tool calls from. */
  message: ts.Expression;
  /** M may be undefined (read through `?.`): the copy is guarded. */
  optional: boolean;
  /** 1-based line of the literal. */
  line: number;
}

/** The round-trip rules a chat call has in play: its provider and model match, and the model thinks for it. */
export function roundTripRules(call: ScanCall): DialectRule[] {
  if (call.api !== 'chat') return [];
  return rulesFor(call.providerId, 'chat', call.model).filter(
    (rule) => 'toolCallMessageWithout' in rule.when && (rule.mode !== 'thinking' || call.thinkingAlways === true || thinkingOn(call.view, rule.thinkingByDefault === true)),
  );
}

const cache = new WeakMap<ts.SourceFile, { messages: RebuiltMessage[]; calls: ts.CallExpression[] }>();

/**
 * The rebuilt assistant messages of a file that `call` owns. Each one belongs to a single chat
 * call, so that two calls of a file do not report it twice: the first chat call (in source order)
 * of the innermost function around the literal that has one, else the file's first.
 */
export function rebuiltMessagesOf(unit: Unit, call: ts.CallExpression): RebuiltMessage[] {
  const { messages, calls } = scanFile(unit);
  // A call the callee's shape misses (`const c = client.chat.completions; c.create(…)`) still counts.
  const all = calls.includes(call) ? calls : [...calls, call].sort((a, b) => a.pos - b.pos);
  return messages.filter((m) => ownerOf(m.literal, all) === call);
}

function scanFile(unit: Unit): { messages: RebuiltMessage[]; calls: ts.CallExpression[] } {
  const cached = cache.get(unit.sf);
  if (cached) return cached;
  const messages: RebuiltMessage[] = [];
  const calls: ts.CallExpression[] = [];
  const visit = (node: ts.Node): void => {
    if (ts.isCallExpression(node) && isChatCall(node)) calls.push(node);
    if (ts.isObjectLiteralExpression(node)) {
      const found = rebuiltMessage(node);
      if (found) messages.push({ ...found, literal: node, line: lineColumn(unit.text, nodeRange(unit, node).start).line });
    }
    ts.forEachChild(node, visit);
  };
  visit(unit.sf);
  const result = { messages, calls };
  cache.set(unit.sf, result);
  return result;
}

/** `….chat.completions.create(…)` and its stream/parse/runTools siblings, by the callee's shape. */
function isChatCall(node: ts.CallExpression): boolean {
  const callee = skipOuter(node.expression);
  if (!ts.isPropertyAccessExpression(callee) || !['create', 'stream', 'parse', 'runTools'].includes(callee.name.text)) return false;
  const receiver = skipOuter(callee.expression);
  return ts.isPropertyAccessExpression(receiver) && receiver.name.text === 'completions';
}

function ownerOf(literal: ts.Node, calls: ts.CallExpression[]): ts.CallExpression | undefined {
  for (let scope: ts.Node | undefined = literal.parent; scope; scope = scope.parent) {
    if (!ts.isFunctionLike(scope) && !ts.isSourceFile(scope)) continue;
    const inside = calls.find((c) => c.pos >= scope!.pos && c.end <= scope!.end);
    if (inside) return inside;
  }
  return undefined;
}

/**
 * An assistant message literal whose tool_calls read `M.tool_calls` and that neither names
 * reasoning_content nor spreads anything (a spread, `{ ...msg, content }`, may carry it).
 */
function rebuiltMessage(literal: ts.ObjectLiteralExpression): { message: ts.Expression; optional: boolean } | undefined {
  if (literal.properties.some(ts.isSpreadAssignment) || propertyByName(literal, 'reasoning_content')) return undefined;
  const role = propertyByName(literal, 'role');
  const roleValue = role && ts.isPropertyAssignment(role) ? skipOuter(role.initializer) : undefined;
  if (!roleValue || !ts.isStringLiteralLike(roleValue) || roleValue.text !== 'assistant') return undefined;
  const toolCalls = propertyByName(literal, 'tool_calls');
  if (!toolCalls || !ts.isPropertyAssignment(toolCalls)) return undefined;
  return toolCallsSource(toolCalls.initializer);
}

/** The first `M.tool_calls` read in the value (not inside a callback), with M free of side effects. */
function toolCallsSource(value: ts.Expression): { message: ts.Expression; optional: boolean } | undefined {
  let found: { message: ts.Expression; optional: boolean } | undefined;
  const visit = (node: ts.Node): void => {
    if (found || ts.isFunctionLike(node)) return;
    if (ts.isPropertyAccessExpression(node) && node.name.text === 'tool_calls') {
      // M as written (`msg!` stays `msg!`, so that the copy type-checks where the read did).
      const message = node.expression;
      if (isPlainReference(message)) found = { message, optional: node.questionDotToken !== undefined || hasOptionalLink(message) };
      return;
    }
    ts.forEachChild(node, visit);
  };
  visit(value);
  return found;
}

function skipNonNull(e: ts.Expression): ts.Expression {
  let current = e;
  while (ts.isNonNullExpression(current) || ts.isParenthesizedExpression(current)) current = current.expression;
  return current;
}

/** A name, `this`, or a chain of property reads and literal indexes on one: safe to read twice. */
function isPlainReference(e: ts.Expression): boolean {
  const current = skipNonNull(e);
  if (ts.isIdentifier(current) || current.kind === ts.SyntaxKind.ThisKeyword) return true;
  if (ts.isPropertyAccessExpression(current)) return isPlainReference(current.expression);
  if (ts.isElementAccessExpression(current)) return (ts.isNumericLiteral(current.argumentExpression) || ts.isStringLiteralLike(current.argumentExpression)) && isPlainReference(current.expression);
  return false;
}

function hasOptionalLink(e: ts.Expression): boolean {
  const current = skipNonNull(e);
  if (!ts.isPropertyAccessExpression(current) && !ts.isElementAccessExpression(current)) return false;
  return current.questionDotToken !== undefined || hasOptionalLink(current.expression);
}

/**
 * The spread that copies reasoning_content from M where M has it: valid JavaScript, and valid
 * against the openai types (ChatCompletionMessageParam has no reasoning_content; an excess
 * property of an object literal fails type-checking, a spread does not).
 */
export function keepReasoningEdits(unit: Unit, found: RebuiltMessage, style: TextStyle): TextEdit[] {
  const m = found.message.getText(unit.sf);
  const test = found.optional ? `${m} && 'reasoning_content' in ${m}` : `'reasoning_content' in ${m}`;
  const entry = `...(${test} ? { reasoning_content: ${m}.reasoning_content } : {})`;
  const last = found.literal.properties[found.literal.properties.length - 1];
  return appendProperties(unit, found.literal, last, [entry], style);
}

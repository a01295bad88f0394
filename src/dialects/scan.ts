/**
 * The dialect rules at scan time: a call's literal arguments become a body view (`UNKNOWN` where
 * run time decides), each rule that fires becomes an issue of the call's finding, and the rules
 * with a mechanical fix become review edits (minimal: a property name, a role string).
 */
import { ts } from '../analysis/ts.js';
import { propertyNameText } from '../analysis/scope.js';
import type { Unit } from '../analysis/unit.js';
import { skipOuter, type Evaluator } from '../analysis/values.js';
import type { TextEdit } from '../core/types.js';
import { renameProperty, replaceNode, replaceStringContent } from '../edits/object-literal.js';
import { effortIgnored, rulesFor, ruleFires, type MatchContext } from './match.js';
import { SPREAD, UNKNOWN, type DialectApi, type DialectRule, type View } from './types.js';
import { propertyByName } from '../sdks/shared/options.js';
import { jsonSchemaToObject } from './json-schema-to-object.js';
import { reasoningEffortEdits } from './reasoning-effort.js';

const MAX_DEPTH = 8;

/**
 * The JSON a request expression sends, as far as the code shows it. Named constants resolve
 * through the evaluator when one is given; spreads add nothing (their keys are unknown).
 */
export function literalView(expr: ts.Expression | undefined, unit: Unit, evaluator?: Evaluator, depth = 0): View {
  if (!expr || depth > MAX_DEPTH) return UNKNOWN;
  const e = skipOuter(expr);
  if (ts.isStringLiteral(e) || ts.isNoSubstitutionTemplateLiteral(e)) return e.text;
  if (ts.isNumericLiteral(e)) return Number(e.text);
  const prefix = dataUrlPrefix(e);
  if (prefix !== undefined) return prefix;
  if (ts.isPrefixUnaryExpression(e) && e.operator === ts.SyntaxKind.MinusToken && ts.isNumericLiteral(e.operand)) return -Number(e.operand.text);
  if (e.kind === ts.SyntaxKind.TrueKeyword) return true;
  if (e.kind === ts.SyntaxKind.FalseKeyword) return false;
  if (e.kind === ts.SyntaxKind.NullKeyword) return null;
  // A spread stays in place as a marker: the order of a message list is only known without one.
  if (ts.isArrayLiteralExpression(e)) return e.elements.map((el) => (ts.isSpreadElement(el) ? { [SPREAD]: UNKNOWN } : literalView(el, unit, evaluator, depth + 1)));
  if (ts.isObjectLiteralExpression(e)) {
    const out: { [key: string]: View } = {};
    for (const property of e.properties) {
      // A spread of an object literal (`...{ enable_thinking: false }`, how banjia writes a field
      // the openai types lack) adds its keys; any other spread may add any key: recorded so that
      // "the request does not send X" stays unknown.
      if (ts.isSpreadAssignment(property)) {
        const spread = skipOuter(property.expression);
        const inner = ts.isObjectLiteralExpression(spread) ? literalView(spread, unit, evaluator, depth + 1) : UNKNOWN;
        if (inner !== null && typeof inner === 'object' && !Array.isArray(inner)) Object.assign(out, inner);
        else out[SPREAD] = UNKNOWN;
      }
      if (ts.isSpreadAssignment(property) || !property.name) continue;
      const name = propertyNameText(property.name);
      if (name === undefined) continue;
      if (ts.isPropertyAssignment(property)) out[name] = literalView(property.initializer, unit, evaluator, depth + 1);
      else if (ts.isShorthandPropertyAssignment(property)) out[name] = literalView(property.name, unit, evaluator, depth + 1);
      else out[name] = UNKNOWN;
    }
    return out;
  }
  // openai's zodResponseFormat(Schema, name) builds a json_schema response format (openai/helpers/zod).
  if (ts.isCallExpression(e) && calleeName(e) === 'zodResponseFormat') return { type: 'json_schema', json_schema: UNKNOWN };
  if (evaluator && (ts.isIdentifier(e) || ts.isPropertyAccessExpression(e))) {
    const value = evaluator.evaluateList(unit, e);
    if (value.t === 'string' || value.t === 'number') return value.value;
    if (value.t === 'object') return literalView(value.node, value.unit, evaluator, depth + 1);
    // A const list (`const tools = [{ type: 'web_search' }]`, here or imported) that nothing grows.
    if (value.t === 'array' && constListKept(value.node)) return literalView(value.node, value.unit, evaluator, depth + 1);
  }
  return UNKNOWN;
}

function calleeName(call: ts.CallExpression): string | undefined {
  const callee = skipOuter(call.expression);
  return ts.isIdentifier(callee) ? callee.text : ts.isPropertyAccessExpression(callee) ? callee.name.text : undefined;
}

const GROWING = new Set(['push', 'unshift', 'splice', 'fill', 'copyWithin', 'sort', 'reverse', 'pop', 'shift']);

/**
 * Whether a list literal is a `const` whose file never changes it: no mutating method on its name
 * (`tools.push(x)`), no element or length assignment, and not handed to a call (which may change
 * it). By name, so a shadowing name counts too: an unsure list stays unknown.
 */
function constListKept(list: ts.ArrayLiteralExpression): boolean {
  const declaration = list.parent;
  if (!ts.isVariableDeclaration(declaration) || declaration.initializer !== list || !ts.isIdentifier(declaration.name)) return false;
  if (!ts.isVariableDeclarationList(declaration.parent) || !(declaration.parent.flags & ts.NodeFlags.Const)) return false;
  const name = declaration.name.text;
  let changed = false;
  const visit = (node: ts.Node): void => {
    if (changed) return;
    if (ts.isIdentifier(node) && node.text === name && node !== declaration.name) {
      const parent = node.parent;
      if (ts.isPropertyAccessExpression(parent) && parent.expression === node && (GROWING.has(parent.name.text) || (parent.name.text === 'length' && isAssigned(parent)))) changed = true;
      else if (ts.isElementAccessExpression(parent) && parent.expression === node && isAssigned(parent)) changed = true;
      else if ((ts.isCallExpression(parent) || ts.isNewExpression(parent)) && parent.arguments?.includes(node)) changed = true;
    }
    ts.forEachChild(node, visit);
  };
  visit(list.getSourceFile());
  return !changed;
}

const isAssigned = (node: ts.Node): boolean =>
  ts.isBinaryExpression(node.parent) && node.parent.left === node && node.parent.operatorToken.kind >= ts.SyntaxKind.FirstAssignment && node.parent.operatorToken.kind <= ts.SyntaxKind.LastAssignment;

/**
 * A template (`data:image/png;base64,${b64}`) or concatenation whose literal start is a `data:`
 * URL: the view is that start. Only whether the string is a data URL matters to the rules that
 * read it, and no rule compares a whole value with a `data:` string, so the prefix stands in for
 * the run-time string. Any other template stays unknown.
 */
function dataUrlPrefix(e: ts.Expression): string | undefined {
  let head: string | undefined;
  if (ts.isTemplateExpression(e)) head = e.head.text;
  else if (ts.isBinaryExpression(e) && e.operatorToken.kind === ts.SyntaxKind.PlusToken) {
    const left = skipOuter(e.left);
    head = ts.isStringLiteral(left) || ts.isNoSubstitutionTemplateLiteral(left) ? left.text : undefined;
  }
  return head !== undefined && /^data:/i.test(head) ? head : undefined;
}

export interface ScanCall {
  /** The request object as the code writes it (from RequestFacts). */
  view: View;
  api: DialectApi;
  providerId: string;
  /** The provider model the call uses after the move. */
  model: string | undefined;
  /** The catalogue says the model always thinks. */
  thinkingAlways?: boolean;
  streamUsageWithoutOptions?: boolean;
  retries?: boolean;
  responsesAsChat?: boolean;
  sseCommentLines?: boolean;
  cachedTokensRead?: boolean;
  toolCallIndexKeyed?: boolean;
  /** The base URL the client sends to after the move, where the code shows it. */
  baseUrl?: string;
}

/** The rules a scanned call breaks. */
export function firedRules(call: ScanCall): DialectRule[] {
  const context: MatchContext = {
    streamUsageWithoutOptions: call.streamUsageWithoutOptions === true,
    retries: call.retries === true,
    responsesAsChat: call.responsesAsChat === true,
    sseCommentLines: call.sseCommentLines === true,
    cachedTokensRead: call.cachedTokensRead === true,
    toolCallIndexKeyed: call.toolCallIndexKeyed === true,
    thinkingAlways: call.thinkingAlways === true,
    effortIgnored: effortIgnored(call.providerId, call.model),
    ...(call.baseUrl !== undefined ? { baseUrl: call.baseUrl } : {}),
  };
  return rulesFor(call.providerId, call.api, call.model).filter((rule) => ruleFires(rule, call.view, context));
}

/**
 * Review edits for the fired rules with a mechanical fix, on the request object literal. A rename
 * is skipped when the target name is already there; a role is changed only in an inline message
 * list, where the literal is typed by the call itself (so `{ role: 'system', … }` stays valid).
 */
export function dialectEdits(rules: DialectRule[], object: ts.ObjectLiteralExpression, unit: Unit): TextEdit[] {
  const edits: TextEdit[] = [];
  for (const rule of rules) {
    const rewrite = rule.rewrite;
    // keep-reasoning-content edits the tool loop's messages, not the request (tool-loop.ts, from the SDK planner).
    // cached-tokens-fallback edits the reads of the result (cached-tokens.ts, from the SDK planner).
    if (!rewrite || rewrite.kind === 'keep-reasoning-content' || rewrite.kind === 'cached-tokens-fallback') continue;
    if (rewrite.kind === 'rename-param') {
      const from = propertyByName(object, rewrite.from);
      if (!from || propertyByName(object, rewrite.to)) continue;
      if (ts.isShorthandPropertyAssignment(from) || (ts.isPropertyAssignment(from) && (ts.isStringLiteral(from.name) || ts.isIdentifier(from.name)))) edits.push(renameProperty(unit, from, rewrite.to));
    } else if (rewrite.kind === 'set-param') {
      const property = propertyByName(object, rewrite.param);
      if (property && ts.isShorthandPropertyAssignment(property)) edits.push(replaceNode(unit, property, `${rewrite.param}: ${rewrite.value}`));
      else if (property && ts.isPropertyAssignment(property) && property.initializer.getText(unit.sf) !== rewrite.value) edits.push(replaceNode(unit, property.initializer, rewrite.value));
    } else if (rewrite.kind === 'strip-data-url-prefix') {
      const when = rule.when;
      const types = 'contentPart' in when ? when.contentPart : [];
      for (const url of imageUrlNodes(object, types)) edits.push(...stripDataUrlPrefix(url, unit));
    } else if (rewrite.kind === 'reasoning-effort-switch') {
      edits.push(...reasoningEffortEdits(rewrite, object, unit));
    } else if (rewrite.kind === 'json-schema-to-object') {
      edits.push(...jsonSchemaToObject(object, unit));
    } else if (rewrite.kind === 'role-to-system') {
      for (const message of inlineMessages(object)) {
        const role = propertyByName(message, 'role');
        if (!role || !ts.isPropertyAssignment(role)) continue;
        const value = skipOuter(role.initializer);
        if ((ts.isStringLiteral(value) || ts.isNoSubstitutionTemplateLiteral(value)) && value.text === rewrite.role) edits.push(replaceStringContent(unit, value, 'system'));
      }
    }
  }
  return edits;
}

/** The inline message lists of a request literal (`messages`, `input`) and their object elements. */
function inlineMessages(object: ts.ObjectLiteralExpression): ts.ObjectLiteralExpression[] {
  const out: ts.ObjectLiteralExpression[] = [];
  for (const list of ['messages', 'input']) {
    const property = propertyByName(object, list);
    if (!property || !ts.isPropertyAssignment(property)) continue;
    const array = skipOuter(property.initializer);
    if (ts.isArrayLiteralExpression(array)) out.push(...array.elements.filter(ts.isObjectLiteralExpression));
  }
  return out;
}

/** The URL expressions of the inline image parts of these types: `image_url: { url }` or `image_url: '…'`. */
function imageUrlNodes(object: ts.ObjectLiteralExpression, types: string[]): ts.Expression[] {
  const urls: ts.Expression[] = [];
  for (const message of inlineMessages(object)) {
    const content = propertyByName(message, 'content');
    const parts = content && ts.isPropertyAssignment(content) ? skipOuter(content.initializer) : undefined;
    if (!parts || !ts.isArrayLiteralExpression(parts)) continue;
    for (const part of parts.elements.filter(ts.isObjectLiteralExpression)) {
      const type = propertyByName(part, 'type');
      const typeValue = type && ts.isPropertyAssignment(type) ? skipOuter(type.initializer) : undefined;
      if (!typeValue || !ts.isStringLiteralLike(typeValue) || !types.includes(typeValue.text)) continue;
      const image = propertyByName(part, 'image_url');
      if (!image || !ts.isPropertyAssignment(image)) continue;
      const value = skipOuter(image.initializer);
      const url = ts.isObjectLiteralExpression(value) ? propertyByName(value, 'url') : undefined;
      if (url && ts.isPropertyAssignment(url)) urls.push(skipOuter(url.initializer));
      else if (!ts.isObjectLiteralExpression(value)) urls.push(value);
    }
  }
  return urls;
}

/**
 * A base64 data URL written as a literal or template loses its `data:<type>;base64,` prefix; the
 * rest of the string is kept as written. Other data URLs (not base64) are left for the user.
 */
function stripDataUrlPrefix(url: ts.Expression, unit: Unit): TextEdit[] {
  const PREFIX = /^data:[^,]*;base64,/i;
  if (ts.isStringLiteralLike(url) && PREFIX.test(url.text)) {
    return [replaceStringContent(unit, url, url.text.replace(PREFIX, ''))];
  }
  if (ts.isTemplateExpression(url) && PREFIX.test(url.head.text)) {
    // The source after the opening backtick starts with the head as written: drop through its first comma.
    const source = url.getText(unit.sf);
    return [replaceNode(unit, url, `\`${source.slice(source.indexOf(',') + 1)}`)];
  }
  return [];
}

/**
 * Retry helpers whose callback retries on any error it throws (p-retry, async-retry,
 * exponential-backoff, ts-retry-promise and their usual import names).
 */
const RETRY_HELPERS = new Set(['pRetry', 'retry', 'asyncRetry', 'backOff', 'retryAsync', 'withRetry', 'retryPromise']);

/**
 * Whether a call runs inside a retry helper's callback: `pRetry(() => client.chat.completions.create(…))`.
 * Only the enclosing function is looked at; a call made from a named function that something else
 * retries is not followed.
 */
export function insideRetryHelper(node: ts.Node): boolean {
  for (let current = node.parent; current; current = current.parent) {
    if (!ts.isFunctionLike(current)) continue;
    if (!ts.isArrowFunction(current) && !ts.isFunctionExpression(current)) return false;
    const call = current.parent;
    if (!call || !ts.isCallExpression(call) || !call.arguments.includes(current as ts.Expression)) return false;
    const callee = skipOuter(call.expression);
    const name = ts.isIdentifier(callee) ? callee.text : ts.isPropertyAccessExpression(callee) ? callee.name.text : undefined;
    return name !== undefined && RETRY_HELPERS.has(name);
  }
  return false;
}

/** Whether the provider has its own rule for the output-token field (it then decides the direction). */
export function outputTokenRule(providerId: string): DialectRule | undefined {
  return rulesFor(providerId, 'chat', undefined).find((rule) => rule.family === 'output-tokens');
}

/**
 * The chat field a written output limit goes in: the provider's own rule decides (Qwen wants
 * max_completion_tokens); otherwise max_tokens, which every provider's chat API documents.
 */
export function outputTokenField(providerId: string): string {
  const rewrite = outputTokenRule(providerId)?.rewrite;
  return rewrite?.kind === 'rename-param' ? rewrite.to : 'max_tokens';
}

/**
 * Cache hits read in OpenAI's shape (rule deepseek-cached-tokens): `usage.prompt_tokens_details
 * .cached_tokens` is what OpenAI reports; DeepSeek reports the same count as the top-level
 * `usage.prompt_cache_hit_tokens` and sends no prompt_tokens_details, so the read gets undefined.
 * The review edit keeps the read and falls back to DeepSeek's field:
 * `(u.prompt_tokens_details?.cached_tokens ?? (u as { prompt_cache_hit_tokens?: number } | undefined)?.prompt_cache_hit_tokens)`.
 * The cast is needed because CompletionUsage does not declare the field; it type-checks whether
 * `u` is optional or not.
 */
import { ts } from '../analysis/ts.js';
import { lineColumn, nodeRange, type Unit } from '../analysis/unit.js';
import { skipOuter } from '../analysis/values.js';
import type { TextEdit } from '../core/types.js';
import { replaceNode } from '../edits/object-literal.js';

export const DEEPSEEK_CACHE_HIT = 'prompt_cache_hit_tokens';

export interface CachedTokensRead {
  /** The `….prompt_tokens_details….cached_tokens` access. */
  node: ts.PropertyAccessExpression;
  /** The usage expression it reads from (`completion.usage`, `chunk.usage!`). */
  usage: ts.Expression;
  line: number;
}

/**
 * The reads of `cached_tokens` under `prompt_tokens_details` that a chat call owns: those in the
 * innermost function around the call, when the call is that function's first chat call (a read is
 * reported once, by one call). A function that already reads prompt_cache_hit_tokens handles
 * DeepSeek and is left alone.
 */
export function cachedTokenReads(unit: Unit, call: ts.CallExpression): CachedTokensRead[] {
  const scope = functionOf(call);
  if (firstChatCall(scope) !== call) return [];
  const reads: CachedTokensRead[] = [];
  let handled = false;
  const visit = (node: ts.Node): void => {
    if (node !== scope && ts.isFunctionLike(node) && !ts.isArrowFunction(node) && !ts.isFunctionExpression(node)) return;
    if (ts.isPropertyAccessExpression(node) && node.name.text === DEEPSEEK_CACHE_HIT) handled = true;
    if (ts.isPropertyAccessExpression(node) && node.name.text === 'cached_tokens') {
      const details = skipOuter(node.expression);
      if (ts.isPropertyAccessExpression(details) && details.name.text === 'prompt_tokens_details') {
        reads.push({ node, usage: details.expression, line: lineColumn(unit.text, nodeRange(unit, node).start).line });
      }
    }
    ts.forEachChild(node, visit);
  };
  visit(scope);
  return handled ? [] : reads;
}

/**
 * The edit of one read. Only a usage expression made of names and property reads (optionally
 * `?.` or `!`) is repeated in the fallback: a call there would run twice.
 */
export function cachedTokensEdit(unit: Unit, read: CachedTokensRead): TextEdit | undefined {
  if (!isEntityChain(read.usage)) return undefined;
  const usage = read.usage.getText(unit.sf);
  const original = read.node.getText(unit.sf);
  return replaceNode(unit, read.node, `(${original} ?? (${usage} as { ${DEEPSEEK_CACHE_HIT}?: number } | undefined)?.${DEEPSEEK_CACHE_HIT})`);
}

function isEntityChain(expr: ts.Expression): boolean {
  const e = ts.isNonNullExpression(expr) || ts.isParenthesizedExpression(expr) ? expr.expression : expr;
  if (ts.isIdentifier(e) || e.kind === ts.SyntaxKind.ThisKeyword) return true;
  return ts.isPropertyAccessExpression(e) && isEntityChain(e.expression);
}

function functionOf(node: ts.Node): ts.Node {
  let current = node.parent;
  while (current && !ts.isFunctionLike(current) && !ts.isSourceFile(current)) current = current.parent;
  return current ?? node.getSourceFile();
}

/** The first `….chat.completions.create(…)` / `.stream(…)` / `.parse(…)` call in a function (not in nested named functions). */
function firstChatCall(scope: ts.Node): ts.CallExpression | undefined {
  let found: ts.CallExpression | undefined;
  const visit = (node: ts.Node): void => {
    if (found || (node !== scope && ts.isFunctionLike(node) && !ts.isArrowFunction(node) && !ts.isFunctionExpression(node))) return;
    if (ts.isCallExpression(node) && /\.completions\s*\.\s*(create|stream|parse)$/.test(skipOuter(node.expression).getText())) found = node;
    ts.forEachChild(node, visit);
  };
  visit(scope);
  return found;
}

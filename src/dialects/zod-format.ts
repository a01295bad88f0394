/**
 * The zod form of the json_schema → json_object move (rule deepseek-json-schema): a
 * `chat.completions.create` request with `response_format: zodResponseFormat(Schema, 'name')`.
 * The format becomes `{ type: 'json_object' }`, the schema goes into the system message as the
 * helper builds it (`zodResponseFormat(Schema, 'name').json_schema.schema`), and since DeepSeek does
 * not enforce it, every `JSON.parse(<result>.choices[0].message.content…)` in the call's function
 * is validated with `Schema.parse(…)`. A schema that is not a name (`z.object({…})` inline) is not
 * copied: the parse is then left for the user, as the finding says.
 */
import { ts } from '../analysis/ts.js';
import type { Unit } from '../analysis/unit.js';
import { skipOuter } from '../analysis/values.js';
import type { TextEdit } from '../core/types.js';
import { replaceNode } from '../edits/object-literal.js';

/** `zodResponseFormat(Schema, 'name')`: the call and its schema's source when that is a name or member. */
export function zodFormat(format: ts.Expression, unit: Unit): { schemaText: string; zodSchema?: string } | undefined {
  if (!ts.isCallExpression(format) || format.arguments.length < 2) return undefined;
  const callee = skipOuter(format.expression);
  const name = ts.isIdentifier(callee) ? callee.text : ts.isPropertyAccessExpression(callee) ? callee.name.text : undefined;
  if (name !== 'zodResponseFormat') return undefined;
  const schema = skipOuter(format.arguments[0]);
  const simple = ts.isIdentifier(schema) || (ts.isPropertyAccessExpression(schema) && !schema.questionDotToken);
  return { schemaText: `${format.getText(unit.sf)}.json_schema.schema`, ...(simple ? { zodSchema: schema.getText(unit.sf) } : {}) };
}

/**
 * `JSON.parse(R.choices[0].message.content…)` → `Schema.parse(JSON.parse(…))`, where R is the
 * variable the request's awaited result is stored in, within the function that makes the call.
 * A parse already inside a `.parse(…)` call is left alone.
 */
export function validateParses(request: ts.ObjectLiteralExpression, zodSchema: string, unit: Unit): TextEdit[] {
  let node: ts.Node = request.parent;
  while (node && (ts.isParenthesizedExpression(node) || ts.isAsExpression(node))) node = node.parent;
  if (!node || !ts.isCallExpression(node)) return [];
  let holder: ts.Node = node.parent;
  while (holder && (ts.isAwaitExpression(holder) || ts.isParenthesizedExpression(holder))) holder = holder.parent;
  if (!holder || !ts.isVariableDeclaration(holder) || !ts.isIdentifier(holder.name)) return [];
  const result = holder.name.text;
  const content = new RegExp(`^${result.replace(/\$/g, '\\$')}\\??\\.choices(\\??\\.)?\\[0\\]\\??\\.message\\??\\.content\\b`);
  let scope: ts.Node = holder;
  while (scope.parent && !ts.isFunctionLike(scope) && !ts.isSourceFile(scope)) scope = scope.parent;
  const edits: TextEdit[] = [];
  const visit = (n: ts.Node): void => {
    if (ts.isCallExpression(n) && isJsonParse(n) && n.arguments.length === 1 && content.test(n.arguments[0].getText(unit.sf)) && !insideParse(n)) {
      edits.push(replaceNode(unit, n, `${zodSchema}.parse(${n.getText(unit.sf)})`));
      return;
    }
    ts.forEachChild(n, visit);
  };
  visit(scope);
  return edits;
}

function isJsonParse(call: ts.CallExpression): boolean {
  const callee = skipOuter(call.expression);
  return ts.isPropertyAccessExpression(callee) && callee.name.text === 'parse' && ts.isIdentifier(callee.expression) && callee.expression.text === 'JSON';
}

/** Already validated: the argument of another `.parse(…)` or `.safeParse(…)` call. */
function insideParse(call: ts.CallExpression): boolean {
  const parent = call.parent;
  if (!parent || !ts.isCallExpression(parent) || !parent.arguments.includes(call)) return false;
  const callee = skipOuter(parent.expression);
  return ts.isPropertyAccessExpression(callee) && (callee.name.text === 'parse' || callee.name.text === 'safeParse');
}

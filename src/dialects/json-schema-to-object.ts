/**
 * DeepSeek has JSON Output (`response_format: { type: 'json_object' }`) but no json_schema, and
 * wants the word "json" and the expected format in the prompt. The mechanical part of the move, on
 * a `chat.completions.create({...})` literal:
 *
 *   response_format: { type: 'json_schema', json_schema: { name, schema: S, strict } }
 *   → response_format: { type: 'json_object' }
 *   and a first message `{ role: 'system', content: `Reply with one JSON object that matches this
 *   JSON schema: ${JSON.stringify(S)}` }`
 *
 * The schema expression moves (it is not copied), so the request still names it once. A new system
 * message goes first rather than into an existing one: the user's own prompt stays byte-for-byte,
 * and the edit is one insertion whatever that prompt is (a literal, a template, a variable). Where
 * the code already starts with a system message there are then two; DeepSeek does not document
 * that case (the R1-era reasoner refused only successive user or assistant messages).
 * Nothing else is touched: the code that JSON.parses the content reads the same string as before.
 *
 * `response_format: zodResponseFormat(Schema, 'name')` moves the same way, and the code's
 * `JSON.parse` of the content is then validated with `Schema.parse` (zod-format.ts).
 *
 * Left alone (the rule stays a finding the user handles): `.parse()` (its message.parsed is null
 * for json_object), streams, a request with a spread (it may carry its own response_format or
 * messages), and a response_format or json_schema the code does not show as a literal.
 */
import { ts } from '../analysis/ts.js';
import type { Unit } from '../analysis/unit.js';
import { skipOuter } from '../analysis/values.js';
import type { TextEdit } from '../core/types.js';
import { insertFirstElement, replaceNode } from '../edits/object-literal.js';
import { detectStyle } from '../edits/style.js';
import { propertyByName } from '../sdks/shared/options.js';
import { validateParses, zodFormat } from './zod-format.js';

/** The system message's text before the schema: it carries the word DeepSeek looks for. */
export const SCHEMA_PROMPT = 'Reply with one JSON object that matches this JSON schema: ';

export function jsonSchemaToObject(object: ts.ObjectLiteralExpression, unit: Unit): TextEdit[] {
  if (!isCreateCall(object) || object.properties.some(ts.isSpreadAssignment)) return [];
  const stream = propertyByName(object, 'stream');
  if (stream && !(ts.isPropertyAssignment(stream) && skipOuter(stream.initializer).kind === ts.SyntaxKind.FalseKeyword)) return [];
  const format = propertyByName(object, 'response_format');
  const formatValue = format && ts.isPropertyAssignment(format) ? skipOuter(format.initializer) : undefined;
  // zodResponseFormat(Schema, 'name'): the helper's schema in the prompt, the parses validated (zod-format.ts).
  const zod = formatValue ? zodFormat(formatValue, unit) : undefined;
  if (zod && formatValue) {
    const messages = propertyByName(object, 'messages');
    const insert = messages && prependMessage(messages, `{ role: 'system', content: \`${SCHEMA_PROMPT}\${JSON.stringify(${zod.schemaText})}\` }`, unit);
    if (!insert) return [];
    return [replaceNode(unit, formatValue, "{ type: 'json_object' }"), insert, ...(zod.zodSchema ? validateParses(object, zod.zodSchema, unit) : [])];
  }
  if (!formatValue || !ts.isObjectLiteralExpression(formatValue) || formatValue.properties.some(ts.isSpreadAssignment)) return [];
  const type = propertyByName(formatValue, 'type');
  const typeValue = type && ts.isPropertyAssignment(type) ? skipOuter(type.initializer) : undefined;
  if (!typeValue || !ts.isStringLiteralLike(typeValue) || typeValue.text !== 'json_schema') return [];
  const schema = schemaText(formatValue, unit);
  const messages = propertyByName(object, 'messages');
  if (schema === undefined || !messages) return [];
  const message = `{ role: 'system', content: \`${SCHEMA_PROMPT}\${JSON.stringify(${schema})}\` }`;
  const insert = prependMessage(messages, message, unit);
  return insert ? [replaceNode(unit, formatValue, "{ type: 'json_object' }"), insert] : [];
}

/** The request literal is the first argument of `….completions.create(…)` (not parse, stream or runTools). */
function isCreateCall(object: ts.ObjectLiteralExpression): boolean {
  let node: ts.Node = object;
  while (node.parent && (ts.isParenthesizedExpression(node.parent) || ts.isAsExpression(node.parent) || ts.isSatisfiesExpression(node.parent))) node = node.parent;
  const call = node.parent;
  if (!call || !ts.isCallExpression(call) || call.arguments[0] !== node) return false;
  const callee = skipOuter(call.expression);
  return ts.isPropertyAccessExpression(callee) && callee.name.text === 'create' && ts.isPropertyAccessExpression(callee.expression) && callee.expression.name.text === 'completions';
}

/**
 * The source of the schema expression: `schema: S` in an inline json_schema literal (`schema` for
 * the shorthand), or `J.schema` where json_schema is another expression `J`.
 */
function schemaText(format: ts.ObjectLiteralExpression, unit: Unit): string | undefined {
  const jsonSchema = propertyByName(format, 'json_schema');
  if (!jsonSchema) return undefined;
  if (ts.isShorthandPropertyAssignment(jsonSchema)) return `${jsonSchema.name.text}.schema`;
  if (!ts.isPropertyAssignment(jsonSchema)) return undefined;
  const value = skipOuter(jsonSchema.initializer);
  if (ts.isObjectLiteralExpression(value)) {
    if (value.properties.some(ts.isSpreadAssignment)) return undefined;
    const schema = propertyByName(value, 'schema');
    if (schema && ts.isShorthandPropertyAssignment(schema)) return schema.name.text;
    return schema && ts.isPropertyAssignment(schema) ? schema.initializer.getText(unit.sf) : undefined;
  }
  const text = jsonSchema.initializer.getText(unit.sf);
  // A name, member or call reads `.schema` as is; anything else (a conditional, `as`) needs parentheses.
  const simple = ts.isIdentifier(value) || ts.isPropertyAccessExpression(value) || ts.isElementAccessExpression(value) || ts.isCallExpression(value);
  return simple && value === jsonSchema.initializer ? `${text}.schema` : `(${text}).schema`;
}

/**
 * The message first in `messages`: inserted before the first element of an inline list (on its own
 * line where the list is laid out one element a line), or `messages: [message, ...list]` around any
 * other expression.
 */
function prependMessage(messages: ts.ObjectLiteralElementLike, message: string, unit: Unit): TextEdit | undefined {
  if (ts.isShorthandPropertyAssignment(messages)) return replaceNode(unit, messages, `messages: [${message}, ...${messages.name.text}]`);
  if (!ts.isPropertyAssignment(messages)) return undefined;
  const list = skipOuter(messages.initializer);
  if (!ts.isArrayLiteralExpression(list)) return replaceNode(unit, messages.initializer, `[${message}, ...${messages.initializer.getText(unit.sf)}]`);
  return insertFirstElement(unit, list, message, detectStyle(unit.text).eol);
}

/**
 * The json_schema → json_object move (dialects/json-schema-to-object.ts) on request literals the
 * fixtures do not cover: shorthands, a one-line or empty list, and the requests it must leave alone.
 */
import { describe, expect, it } from 'vitest';
import { ts } from '../../src/analysis/ts.js';
import { parseUnit } from '../../src/analysis/unit.js';
import { jsonSchemaToObject } from '../../src/dialects/json-schema-to-object.js';
import { applyEdits } from '../../src/edits/apply-edits.js';

/** The request of the first call in `code`, rewritten (the text unchanged when nothing applies). */
function rewrite(call: string): string {
  const text = `export const r = ${call};\n`;
  const unit = parseUnit('a.ts', '/a.ts', text);
  let object: ts.ObjectLiteralExpression | undefined;
  const visit = (node: ts.Node): void => {
    if (!object && ts.isCallExpression(node) && node.arguments[0] && ts.isObjectLiteralExpression(node.arguments[0])) object = node.arguments[0];
    else ts.forEachChild(node, visit);
  };
  visit(unit.sf);
  return applyEdits(text, jsonSchemaToObject(object!, unit)).replace(/^export const r = |;\n$/g, '');
}

const SYSTEM = (schema: string) => `{ role: 'system', content: \`Reply with one JSON object that matches this JSON schema: \${JSON.stringify(${schema})}\` }`;

describe('json_schema → json_object on a create literal', () => {
  it('moves the schema of an inline json_schema into a first message of a one-line list', () => {
    expect(rewrite(`c.chat.completions.create({ model: m, messages: [{ role: 'user', content: q }], response_format: { type: 'json_schema', json_schema: { name: 'x', schema: { type: 'object' } } } })`)).toBe(
      `c.chat.completions.create({ model: m, messages: [${SYSTEM("{ type: 'object' }")}, { role: 'user', content: q }], response_format: { type: 'json_object' } })`,
    );
  });

  it('reads shorthands: json_schema (its .schema), schema, messages', () => {
    expect(rewrite(`c.chat.completions.create({ model: m, messages, response_format: { type: 'json_schema', json_schema } })`)).toBe(
      `c.chat.completions.create({ model: m, messages: [${SYSTEM('json_schema.schema')}, ...messages], response_format: { type: 'json_object' } })`,
    );
    expect(rewrite(`c.chat.completions.create({ model: m, messages: [], response_format: { type: 'json_schema', json_schema: { name: 'x', schema } } })`)).toBe(
      `c.chat.completions.create({ model: m, messages: [${SYSTEM('schema')}], response_format: { type: 'json_object' } })`,
    );
  });

  it('reads .schema of a call, and of any other expression in parentheses', () => {
    expect(rewrite(`c.chat.completions.create({ messages: h, response_format: { type: 'json_schema', json_schema: format() } })`)).toContain(SYSTEM('format().schema'));
    expect(rewrite(`c.chat.completions.create({ messages: h, response_format: { type: 'json_schema', json_schema: a ?? b } })`)).toContain(SYSTEM('(a ?? b).schema'));
  });

  it('rewrites stream: false but leaves streams, spreads, .parse() and unreadable formats alone', () => {
    expect(rewrite(`c.chat.completions.create({ stream: false, messages: h, response_format: { type: 'json_schema', json_schema: s } })`)).toContain("{ type: 'json_object' }");
    for (const call of [
      `c.chat.completions.create({ stream: true, messages: h, response_format: { type: 'json_schema', json_schema: s } })`,
      `c.chat.completions.create({ stream, messages: h, response_format: { type: 'json_schema', json_schema: s } })`,
      `c.chat.completions.create({ ...base, messages: h, response_format: { type: 'json_schema', json_schema: s } })`,
      `c.chat.completions.create({ messages: h, response_format: { ...f, type: 'json_schema', json_schema: s } })`,
      `c.chat.completions.create({ messages: h, response_format: { type: 'json_schema', json_schema: { ...s } } })`,
      `c.chat.completions.create({ messages: h, response_format: format })`,
      `c.chat.completions.create({ messages: h, response_format: { type: 'json_object' } })`,
      `c.chat.completions.create({ response_format: { type: 'json_schema', json_schema: s } })`,
      `c.chat.completions.parse({ messages: h, response_format: { type: 'json_schema', json_schema: s } })`,
      `c.responses.create({ input: h, response_format: { type: 'json_schema', json_schema: s } })`,
    ]) {
      expect(rewrite(call), call).toBe(call);
    }
  });
});

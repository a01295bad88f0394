/**
 * OpenAI's `reasoning_effort` in the provider's own spelling (issue 15): Qwen switches thinking
 * with `enable_thinking`, DeepSeek and GLM with `thinking: { type }`. The openai types do not
 * declare those fields, and an unknown key written straight into an inline request literal fails
 * the excess-property check; a spread of an object literal is not checked and the SDK sends every
 * body key as is, so the edit writes `...{ enable_thinking: false }` in place of the property.
 */
import { ts } from '../analysis/ts.js';
import type { Unit } from '../analysis/unit.js';
import { skipOuter } from '../analysis/values.js';
import type { TextEdit } from '../core/types.js';
import { replaceNode } from '../edits/object-literal.js';
import { propertyByName } from '../sdks/shared/options.js';
import type { Rewrite } from './types.js';

/** The efforts that ask for (next to) no thinking: OpenAI's 'none' (GPT-5.1+) and 'minimal' (GPT-5). */
export const EFFORT_OFF = ['none', 'minimal'];

/**
 * The edit of a request literal's `reasoning_effort` with a literal value: the property becomes
 * the provider's switch. A value only run time knows, an effort the rule has no switch for, or a
 * switch the request already sends (a second one would contradict or repeat it) leaves it alone.
 */
export function reasoningEffortEdits(rewrite: Extract<Rewrite, { kind: 'reasoning-effort-switch' }>, object: ts.ObjectLiteralExpression, unit: Unit): TextEdit[] {
  const property = propertyByName(object, 'reasoning_effort');
  if (!property || !ts.isPropertyAssignment(property)) return [];
  const value = skipOuter(property.initializer);
  if (!ts.isStringLiteralLike(value)) return [];
  if (['enable_thinking', 'thinking'].some((name) => propertyByName(object, name))) return [];
  const off = EFFORT_OFF.includes(value.text);
  const switchText = off ? rewrite.off : rewrite.on;
  if (!switchText) return [];
  if (!off && rewrite.onNeedsStream && !streams(object)) return [];
  return [replaceNode(unit, property, `...{ ${switchText} }`)];
}

function streams(object: ts.ObjectLiteralExpression): boolean {
  const stream = propertyByName(object, 'stream');
  return stream !== undefined && ts.isPropertyAssignment(stream) && skipOuter(stream.initializer).kind === ts.SyntaxKind.TrueKeyword;
}

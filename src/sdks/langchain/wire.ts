/**
 * What a LangChain chat model sends on chat completions, for the dialect rules. From
 * libs/providers/langchain-openai (chat_models/base.ts constructor, completions.ts
 * `invocationParams`, utils/tools.ts `formatToOpenAIToolChoice`): `temperature`, `topP` → top_p,
 * `n`, then `modelKwargs` spread over them as raw wire parameters, then `maxCompletionTokens ??
 * maxTokens` → max_tokens (-1: none); a call option `tool_choice` ('any' → 'required', a tool
 * name → a named function).
 *
 * Not mapped: `reasoning.effort` / `reasoningEffort`, which LangChain sends only for OpenAI
 * reasoning model ids (`_getReasoningParams`), and max_completion_tokens, which it writes only for
 * them; after the move the model is the provider's, so neither is sent.
 */
import type { Evaluator, ObjectValue } from '../../analysis/values.js';
import { isObject } from '../../dialects/match.js';
import { literalView } from '../../dialects/scan.js';
import { UNKNOWN, type View } from '../../dialects/types.js';
import { mergeViews, wireView, type WireParam } from '../shared/wire-view.js';

const SAMPLING: WireParam[] = [
  { from: 'temperature', to: 'temperature' },
  { from: 'topP', to: 'top_p' },
  { from: 'n', to: 'n' },
];

/** Options spelt as the wire parameter: a rule's value fix is the same edit on them. */
export const SAME_NAME_OPTIONS = SAMPLING.filter((p) => p.from === p.to && !p.convert).map((p) => p.to);

/** -1 is LangChain's "no limit": nothing is sent. */
const limit = (value: View): View | undefined => (value === -1 ? undefined : value);
// `maxCompletionTokens ?? maxTokens`: the later entry wins.
const OUTPUT_TOKENS: WireParam[] = [
  { from: 'maxTokens', to: 'max_tokens', convert: limit },
  { from: 'maxCompletionTokens', to: 'max_tokens', convert: limit },
];

/** The body every request of a `new ChatOpenAI({...})` carries, from its constructor options. */
export function constructorWireView(evaluator: Evaluator, fields: ObjectValue): View {
  const options = literalView(fields.node, fields.unit, evaluator);
  const kwargs = isObject(options) ? options.modelKwargs : undefined;
  const withKwargs = kwargs === undefined ? wireView(options, SAMPLING) : mergeViews(wireView(options, SAMPLING), kwargs);
  return mergeViews(withKwargs, wireView(options, OUTPUT_TOKENS));
}

function toolChoice(value: View): View | undefined {
  if (value === 'any') return 'required';
  if (typeof value === 'string' && !['auto', 'none', 'required'].includes(value)) return { type: 'function', function: { name: value } };
  return value;
}

/** The constructor's body with what a call's options add (`invoke(input, { tool_choice })`, `bind`, `bindTools`). */
export function callWireView(constructor: View, callOptions: View | undefined): View {
  if (callOptions === undefined || callOptions === UNKNOWN) return constructor;
  return mergeViews(constructor, wireView(callOptions, [{ from: 'tool_choice', to: 'tool_choice', convert: toolChoice }]));
}

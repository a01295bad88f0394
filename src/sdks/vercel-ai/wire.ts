/**
 * What a text helper call (`generateText`, `streamText`, `generateObject`, `streamObject`) sends on
 * chat completions through @ai-sdk/openai, for the dialect rules. From the provider's chat model
 * (packages/openai/src/chat/openai-chat-language-model.ts `getArgs`, openai-chat-prepare-tools.ts):
 * `maxOutputTokens` (1.x `maxTokens`) → max_tokens, `temperature`, `topP` → top_p, `toolChoice`
 * ('auto' | 'none' | 'required' as is, `{ type: 'tool', toolName }` → a named function), and the
 * `providerOptions.openai` (1.x also `providerMetadata`) `reasoningEffort` → reasoning_effort and
 * `maxCompletionTokens` → max_completion_tokens.
 *
 * The SDK moves max_tokens to max_completion_tokens and drops temperature and top_p only for
 * OpenAI reasoning model ids (o-series, gpt-5); after the move the call names the provider's model,
 * so they are sent as written. The AI SDK has no `n`; messages are converted by the SDK and not read.
 */
import type { Evaluator, ObjectValue } from '../../analysis/values.js';
import { literalView } from '../../dialects/scan.js';
import { isObject } from '../../dialects/match.js';
import type { View } from '../../dialects/types.js';
import { wireView, type WireParam } from '../shared/wire-view.js';

/** `{ type: 'tool', toolName }` is sent as a named function choice; the strings as they are. */
function toolChoice(value: View): View | undefined {
  if (typeof value === 'string') return value;
  if (isObject(value) && value.type === 'tool' && typeof value.toolName === 'string') {
    return { type: 'function', function: { name: value.toolName } };
  }
  return undefined;
}

const OPENAI_OPTIONS = ['providerOptions.openai', 'providerMetadata.openai', 'experimental_providerMetadata.openai'];

const PARAMS: WireParam[] = [
  { from: 'temperature', to: 'temperature' },
  { from: 'topP', to: 'top_p' },
  { from: 'maxTokens', to: 'max_tokens' },
  { from: 'maxOutputTokens', to: 'max_tokens' },
  { from: 'toolChoice', to: 'tool_choice', convert: toolChoice },
  ...OPENAI_OPTIONS.flatMap((path) => [
    { from: `${path}.reasoningEffort`, to: 'reasoning_effort' },
    { from: `${path}.maxCompletionTokens`, to: 'max_completion_tokens' },
  ]),
];

/** Options spelt as the wire parameter: a rule's value fix is the same edit on them. */
export const SAME_NAME_OPTIONS = PARAMS.filter((p) => p.from === p.to && !p.convert).map((p) => p.to);

/** The chat completions body a helper call's options send, as far as the code shows it. */
export function helperWireView(evaluator: Evaluator, options: ObjectValue): View {
  return wireView(literalView(options.node, options.unit, evaluator), PARAMS);
}

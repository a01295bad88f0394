/**
 * The request body a wrapper SDK (the AI SDK, LangChain) sends, built from the options the code
 * writes, so the dialect rules (dialects/rules.ts), which read OpenAI wire parameters, lint those
 * calls as they lint the `openai` module's. Each SDK module lists which of its option names become
 * which wire parameter; an option not listed adds nothing, so no rule fires on a guess.
 */
import type { ObjectValue } from '../../analysis/values.js';
import type { TextEdit } from '../../core/types.js';
import { isObject, lookup } from '../../dialects/match.js';
import { dialectEdits, firedRules } from '../../dialects/scan.js';
import { SPREAD, UNKNOWN, type View } from '../../dialects/types.js';

export interface WireParam {
  /** Dotted path of the option in the SDK's options object (`providerOptions.openai.reasoningEffort`). */
  from: string;
  /** The wire parameter the SDK sends it as. */
  to: string;
  /** The value the SDK sends for the option's value; `undefined`: it sends nothing. */
  convert?: (value: View) => View | undefined;
}

/**
 * The wire parameters of a view of SDK options (dialects/scan.ts `literalView`). A spread among the
 * options may set any of them: it is kept, so "the request does not send X" stays unknown.
 */
export function wireView(options: View, params: WireParam[]): View {
  if (!isObject(options)) return UNKNOWN;
  const body: { [key: string]: View } = {};
  if (SPREAD in options) body[SPREAD] = UNKNOWN;
  for (const param of params) {
    const value = lookup(options, param.from);
    if (value === undefined) continue;
    const sent = param.convert && value !== UNKNOWN ? param.convert(value) : value;
    if (sent !== undefined) body[param.to] = sent;
  }
  return body;
}

/** Two bodies as one request, the later's parameters winning (LangChain spreads `modelKwargs` last). */
export function mergeViews(first: View, second: View): View {
  if (!isObject(first)) return first;
  // Parameters only run time knows: any key may be set, none is known.
  if (!isObject(second)) return second === UNKNOWN ? { ...first, [SPREAD]: UNKNOWN } : first;
  return { ...first, ...second };
}

/**
 * The fired rules' fixes that are the same edit on the SDK's options as on an `openai` request: a
 * value set on an option spelt as the wire parameter (`temperature: 0.3` → `temperature: 1`).
 * Renames are left out: the SDK's option for the other wire field has another name and place.
 */
export function sameNameDialectEdits(view: View, providerId: string, model: string | undefined, options: ObjectValue, sameNames: string[]): TextEdit[] {
  const rules = firedRules({ view, api: 'chat', providerId, model }).filter((rule) => rule.rewrite?.kind === 'set-param' && sameNames.includes(rule.rewrite.param));
  return dialectEdits(rules, options.node, options.unit);
}

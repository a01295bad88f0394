/**
 * Rule evaluation on a request body, shared by the scan (a call's literal arguments, with
 * `UNKNOWN` for what only run time knows) and the emulator (a JSON body). A condition fires only
 * when the body shows it: an unknown value never makes a finding.
 */
import { DIALECT_RULES } from './rules.js';
import { SPREAD, UNKNOWN, type Condition, type DialectApi, type DialectRule, type View } from './types.js';

/**
 * The value at a dotted path; `UNKNOWN` when the code sends the key with a value only run time
 * knows; `undefined` when absent, and also when an enclosing object is unknown (whether the key is
 * there at all is then unknown, and an unknown never fires a rule).
 */
export function lookup(body: View | undefined, path: string): View | undefined {
  let current: View | undefined = body;
  for (const key of path.split('.')) {
    if (current === UNKNOWN) return undefined;
    if (current === null || typeof current !== 'object' || Array.isArray(current)) return undefined;
    current = Object.prototype.hasOwnProperty.call(current, key) ? current[key] : undefined;
  }
  return current;
}

function values(body: View, param: string | string[]): Array<View | undefined> {
  return (Array.isArray(param) ? param : [param]).map((p) => lookup(body, p));
}

/** A view of an object (a request body, an options object), not a list, a scalar or an unknown. */
export const isObject = (v: View | undefined): v is { [key: string]: View } => v !== null && v !== undefined && v !== UNKNOWN && typeof v === 'object' && !Array.isArray(v);

export interface MatchContext {
  /** Scan only: the call streams, reads usage and sends no stream_options. */
  streamUsageWithoutOptions?: boolean;
  /** Scan only: the client retries (maxRetries) or the call runs inside a retry helper. */
  retries?: boolean;
  /** Scan only: the Responses call can be rewritten as a chat completion. */
  responsesAsChat?: boolean;
  /** Scan only: the code parses an SSE body line by line without skipping comment lines. */
  sseCommentLines?: boolean;
  /** Scan only: the code reads usage.prompt_tokens_details.cached_tokens of the call's result. */
  cachedTokensRead?: boolean;
  /** Scan only: a hand-written parser gathers streamed tool calls by `calls[tc.index]`. */
  toolCallIndexKeyed?: boolean;
  /** Scan only: the base URL the client sends to after the move, where the code shows it. */
  baseUrl?: string;
  /**
   * The catalogue says the model always thinks (a thinking-only model): a `mode: 'thinking'` rule
   * then applies whatever switch the request sends.
   */
  thinkingAlways?: boolean;
  /**
   * reasoning_effort does not switch thinking for this provider and model (a rule maps it to the
   * provider's own switch: effortIgnored below), so only enable_thinking or thinking.type decide.
   */
  effortIgnored?: boolean;
}

export function conditionHolds(condition: Condition, body: View, context: MatchContext = {}): boolean {
  if ('streamUsageWithoutOptions' in condition) return context.streamUsageWithoutOptions === true;
  if ('retries' in condition) return context.retries === true;
  if ('responsesAsChat' in condition) return context.responsesAsChat === true;
  if ('sseCommentLines' in condition) return context.sseCommentLines === true;
  if ('cachedTokensRead' in condition) return context.cachedTokensRead === true;
  if ('toolCallIndexKeyed' in condition) return context.toolCallIndexKeyed === true;
  if ('baseUrlNotMatching' in condition) return context.baseUrl === undefined || !new RegExp(condition.baseUrlNotMatching).test(context.baseUrl);
  if ('role' in condition) {
    return ['messages', 'input'].some((list) => {
      const items = lookup(body, list);
      return Array.isArray(items) && items.some((item) => isObject(item) && typeof item.role === 'string' && condition.role.includes(item.role));
    });
  }
  if ('all' in condition) return condition.all.every((part) => conditionHolds(part, body, context));
  if ('messagesWithoutWord' in condition) return messagesWithoutWord(lookup(body, 'messages'), condition.messagesWithoutWord);
  if ('messagesNotAlternating' in condition) return messagesNotAlternating(lookup(body, 'messages'));
  if ('roleAfterFirst' in condition) {
    // Only a message the code writes is surely before it: a spread may be empty.
    const messages = lookup(body, 'messages');
    if (!Array.isArray(messages)) return false;
    const first = messages.findIndex((m) => !isSpreadMarker(m));
    return messages.some((m, i) => i > first && first >= 0 && isObject(m) && typeof m.role === 'string' && condition.roleAfterFirst.includes(m.role));
  }
  if ('toolCallMessageWithout' in condition) {
    const messages = lookup(body, 'messages');
    return (
      Array.isArray(messages) &&
      messages.some(
        (m) => isObject(m) && m.role === 'assistant' && Array.isArray(m.tool_calls) && m.tool_calls.length > 0 && m[condition.toolCallMessageWithout] === undefined,
      )
    );
  }
  if ('toolCallMessageEmpty' in condition) {
    const messages = lookup(body, 'messages');
    return (
      Array.isArray(messages) &&
      messages.some((m) => isObject(m) && m.role === 'assistant' && Array.isArray(m.tool_calls) && m.tool_calls.length > 0 && m[condition.toolCallMessageEmpty] === '')
    );
  }
  if ('contentPart' in condition) {
    return contentParts(body).some((part) => {
      if (typeof part.type !== 'string' || !condition.contentPart.includes(part.type)) return false;
      return condition.dataUrl !== true || isDataUrl(imageUrlOf(part));
    });
  }
  if ('strictTool' in condition) {
    const tools = lookup(body, 'tools');
    return Array.isArray(tools) && tools.some((tool) => isObject(tool) && isObject(tool.function) && tool.function.strict === true);
  }
  if ('toolType' in condition) {
    const tools = lookup(body, 'tools');
    return Array.isArray(tools) && tools.some((tool) => isObject(tool) && typeof tool.type === 'string' && condition.toolType.includes(tool.type));
  }
  if ('notTrue' in condition) {
    if (!isObject(body)) return false;
    const value = lookup(body, condition.param);
    // Absent: fires unless a spread (or an enclosing object only run time knows) may add it.
    if (value === undefined) return !(SPREAD in body) && (!condition.param.includes('.') || isObject(lookup(body, condition.param.replace(/\.[^.]*$/, ''))));
    return value !== UNKNOWN && value !== true;
  }
  if ('absent' in condition) return isObject(body) && !(SPREAD in body) && values(body, condition.param).every((value) => value === undefined);
  return values(body, condition.param).some((value) => {
    if (value === undefined) return false;
    if ('present' in condition) return true;
    if (value === UNKNOWN) return false;
    if ('in' in condition) return (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean') && condition.in.includes(value);
    if ('notIn' in condition) {
      if (value === null) return false;
      return typeof value === 'object' || !condition.notIn.includes(value);
    }
    // A spread may add no items: only the items the code writes count.
    if ('longerThan' in condition) return Array.isArray(value) && value.filter((item) => !isSpreadMarker(item)).length > condition.longerThan;
    if ('notMatching' in condition) return typeof value === 'string' && !new RegExp(condition.notMatching).test(value);
    if (typeof value !== 'number') return false;
    if ('gt' in condition) return value > condition.gt;
    if ('not' in condition) return value !== condition.not;
    const [min, max] = condition.outside;
    return value < min || value > max || (condition.exclusiveMin === true && value === min) || (condition.exclusiveMax === true && value === max);
  });
}

const isSpreadMarker = (v: View): boolean => isObject(v) && SPREAD in v;

/**
 * Whether a message list breaks strict turn order (Hunyuan): `system` optional and first, then
 * `user` and `assistant` alternating, starting with `user` and ending with `user` or `tool`; `tool`
 * messages answer an assistant's tool calls and may follow one another. A message whose role is
 * unknown (a spread, a variable) leaves the order unknown, and an unknown never fires. A `tool`
 * next to a `user` is left alone: the evidence does not say whether that pair is refused.
 */
function messagesNotAlternating(messages: View | undefined): boolean {
  if (!Array.isArray(messages)) return false;
  const roles = messages.map((m) => (isObject(m) && typeof m.role === 'string' ? m.role : undefined));
  if (roles.some((role) => role === undefined || !['system', 'user', 'assistant', 'tool'].includes(role))) return false;
  const turns = roles[0] === 'system' ? roles.slice(1) : roles;
  if (turns.length === 0) return false;
  if (turns.includes('system') || turns[0] !== 'user' || turns[turns.length - 1] === 'assistant') return true;
  return turns.some((role, i) => i > 0 && (role === 'user' || role === 'assistant') && role === turns[i - 1]);
}

/**
 * Whether no message text contains the word (any case). Every message's content must be known: a
 * string, or a list of parts whose text parts are strings; a spread, a variable or a template only
 * run time fills leaves it unknown, and an unknown never fires.
 */
function messagesWithoutWord(messages: View | undefined, word: string): boolean {
  if (!Array.isArray(messages)) return false;
  const texts: string[] = [];
  for (const message of messages) {
    if (!isObject(message) || SPREAD in message) return false;
    const content = message.content;
    if (typeof content === 'string') texts.push(content);
    else if (Array.isArray(content)) {
      for (const part of content) {
        if (!isObject(part) || SPREAD in part) return false;
        if (part.type !== 'text') continue;
        if (typeof part.text !== 'string') return false;
        texts.push(part.text);
      }
    } else if (content !== undefined && content !== null) return false;
  }
  const needle = word.toLowerCase();
  return !texts.some((text) => text.toLowerCase().includes(needle));
}

/** The content parts of every message whose content is a list (chat `messages`, Responses `input`). */
function contentParts(body: View): Array<{ [key: string]: View }> {
  const parts: Array<{ [key: string]: View }> = [];
  for (const list of ['messages', 'input']) {
    const items = lookup(body, list);
    if (!Array.isArray(items)) continue;
    for (const item of items) if (isObject(item) && Array.isArray(item.content)) parts.push(...item.content.filter(isObject));
  }
  return parts;
}

/** An image part's URL: `image_url: { url }` in chat, `image_url: '…'` in Responses. */
function imageUrlOf(part: { [key: string]: View }): View | undefined {
  return typeof part.image_url === 'string' ? part.image_url : lookup(part, 'image_url.url');
}

const isDataUrl = (url: View | undefined): boolean => typeof url === 'string' && /^data:/i.test(url);

/**
 * Whether the model thinks for this request: an explicit switch in the body decides
 * (`enable_thinking`, `thinking.type`, and `reasoning_effort` unless the provider does not read it
 * as a switch: `effortIgnored`), else the rule's default for the model.
 */
export function thinkingOn(body: View, byDefault: boolean, effortIgnored = false): boolean {
  const enable = lookup(body, 'enable_thinking');
  if (enable === true) return true;
  if (enable === false) return false;
  const type = lookup(body, 'thinking.type');
  if (type === 'enabled') return true;
  if (type === 'disabled') return false;
  const effort = effortIgnored ? undefined : lookup(body, 'reasoning_effort');
  if (typeof effort === 'string') return effort !== 'none';
  return byDefault;
}

export function modelMatches(rule: DialectRule, model: string | undefined): boolean {
  if (!rule.models) return true;
  if (!model) return false;
  return rule.models.some((pattern) => new RegExp(pattern).test(model));
}

/** The rules that apply to a provider, API and model (before looking at the body). */
export function rulesFor(providerId: string, api: DialectApi, model: string | undefined): DialectRule[] {
  return DIALECT_RULES.filter((rule) => rule.providers.includes(providerId) && rule.api.includes(api) && modelMatches(rule, model));
}

/**
 * Whether reasoning_effort is not the provider's thinking switch for this model: one of its rules
 * rewrites reasoning_effort into another switch (Qwen's enable_thinking, DeepSeek's and GLM's
 * thinking.type), so sending it leaves thinking as the model's default.
 */
export function effortIgnored(providerId: string, model: string | undefined): boolean {
  return rulesFor(providerId, 'chat', model).some((rule) => rule.rewrite?.kind === 'reasoning-effort-switch');
}

/** Whether a rule fires on this body. */
export function ruleFires(rule: DialectRule, body: View, context: MatchContext = {}): boolean {
  if (rule.mode === 'thinking' && context.thinkingAlways !== true && !thinkingOn(body, rule.thinkingByDefault === true, context.effortIgnored === true)) return false;
  return conditionHolds(rule.when, body, context);
}

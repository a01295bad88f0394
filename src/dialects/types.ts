/**
 * Provider dialects (issue 15): what breaks after the base URL, key and model change, as data.
 * Each rule names the providers (and model family or mode) it applies to, what breaks, the fix and
 * the evidence; a condition that can be checked both on a call's literal arguments (scan) and on a
 * JSON request body (the emulator); and, where the fix is mechanical, a rewrite descriptor.
 */

/** A JSON value of a request body; in a scanned call, `UNKNOWN` stands for what only run time knows. */
export const UNKNOWN: unique symbol = Symbol('unknown');
/**
 * The key a scanned object literal gets when it spreads another object (its keys are unknown); a
 * scanned array literal has `{ [SPREAD]: UNKNOWN }` where it spreads another list (any number of
 * unknown items).
 */
export const SPREAD = '...';
export type View = string | number | boolean | null | typeof UNKNOWN | View[] | { [key: string]: View };

export interface DialectEvidence {
  url: string;
  title: string;
  /** When the page was read. */
  checked: string;
}

export type DialectFamily = 'output-tokens' | 'roles' | 'thinking' | 'structured-output' | 'tool-choice' | 'sampling' | 'responses' | 'streaming' | 'embeddings' | 'vision' | 'errors' | 'model-ids' | 'usage';

/**
 * Which request shape a rule reads. `assistants`: `beta.assistants.create/update` (the emulator
 * serves no Assistants API: scan only). Scan only: `client`, how the code uses its client (the
 * constructor's options, retry helpers around its calls); `model`, `{ model }` with the model id
 * banjia writes for a model literal.
 */
export type DialectApi = 'chat' | 'responses' | 'assistants' | 'embeddings' | 'client' | 'model';

/**
 * What the request must contain for the rule to fire. `param` is a dotted path into the body;
 * alternatives (`['response_format.type', 'text.format.type']`) cover chat and Responses spellings.
 */
export type Condition =
  | { param: string | string[]; present: true }
  /** The request does not send it (a spread in the code may still add it: review level only). */
  | { param: string | string[]; absent: true }
  /**
   * The request does not send it as `true`: absent (without a spread that may add it) or a known
   * other value (`stream: false`). A value only run time knows never fires.
   */
  | { param: string; notTrue: true }
  | { param: string | string[]; in: Array<string | number | boolean> }
  /** The value is not one of these; an object or array value is never one of them (a named tool_choice). */
  | { param: string | string[]; notIn: Array<string | number | boolean> }
  | { param: string | string[]; gt: number }
  /** Outside [min, max]; `exclusive` makes the bound itself a violation too. */
  | { param: string | string[]; outside: [number, number]; exclusiveMin?: boolean; exclusiveMax?: boolean }
  | { param: string | string[]; not: number }
  /** A string that does not match this regular expression (anchored source). */
  | { param: string | string[]; notMatching: string }
  /** A list with more than this many items. */
  | { param: string | string[]; longerThan: number }
  /** A message of one of these roles in `messages` (chat) or `input` (Responses). */
  | { role: string[] }
  /**
   * Chat `messages` out of turn order: a `system` message after the first; the first other message
   * not `user`; the last not `user` or `tool`; two `user` or two `assistant` messages in a row.
   * Checked only when every message's role is known (a literal list without spreads).
   */
  | { messagesNotAlternating: true }
  /** A message of one of these roles in chat `messages` after a message the code writes (only the first may have it). */
  | { roleAfterFirst: string[] }
  /** An assistant message with tool_calls in `messages` that lacks this field (a string; "" counts as present). */
  | { toolCallMessageWithout: string }
  /** An assistant message with tool_calls in `messages` whose field is the empty string. */
  | { toolCallMessageEmpty: string }
  /**
   * A content part of one of these types (`image_url`, `input_image`) in a message of `messages`
   * (chat) or `input` (Responses). With `dataUrl`, only a part whose image URL is a `data:` URL
   * (a string that starts with `data:`; at scan time also a template literal that does).
   */
  | { contentPart: string[]; dataUrl?: true }
  /** A tool of one of these types in `tools`. */
  | { toolType: string[] }
  /** A function tool in `tools` that asks for strict schema adherence (`function.strict: true`). */
  | { strictTool: true }
  /**
   * Chat `messages` none of whose text (a string content, or the text of its parts) contains this
   * word, in any case. Checked only when every message and every text is known (no spread, no
   * variable): a text only run time knows may hold the word.
   */
  | { messagesWithoutWord: string }
  /** Every one of these holds (a parameter together with what the messages say). */
  | { all: Condition[] }
  /** Scan only: a stream whose usage is read, sent without stream_options. */
  | { streamUsageWithoutOptions: true }
  /** Scan only: the code retries requests (a client with maxRetries, or a call inside a retry helper). */
  | { retries: true }
  /**
   * Scan only: a Responses call that banjia can rewrite as a chat completion, request and result
   * reads alike (dialects/responses-to-chat.ts decides; a call it refuses keeps the catalogue's finding).
   */
  | { responsesAsChat: true }
  /**
   * Scan only: a hand-written SSE parser JSON.parses what follows `data: ` on every line of a loop,
   * without testing that the line is a `data:` line (comment lines then throw).
   */
  | { sseCommentLines: true }
  /**
   * Scan only: the code reads `usage.prompt_tokens_details.cached_tokens` of a chat call's result
   * (dialects/cached-tokens.ts), without reading the provider's own field.
   */
  | { cachedTokensRead: true }
  /**
   * Scan only: a hand-written stream parser gathers tool calls by the delta's index
   * (`calls[tc.index]`) without checking it (dialects/sse-tool-index.ts).
   */
  | { toolCallIndexKeyed: true }
  /**
   * Scan only: the client's base URL after the move does not match this regular expression (a
   * client already on DeepSeek's `/beta`). Holds where the scan does not know the URL: the URL
   * banjia writes is the provider's plain one.
   */
  | { baseUrlNotMatching: string };

/** A mechanical fix; every one is made at review level (apply --include-review). */
export type Rewrite =
  | { kind: 'rename-param'; from: string; to: string }
  /** The one value the provider accepts, written over a literal it rejects. */
  | { kind: 'set-param'; param: string; value: string }
  | { kind: 'role-to-system'; role: 'developer' }
  | { kind: 'add-stream-options' }
  | { kind: 'langchain-batch-size'; size: number }
  /** `data:image/…;base64,${b}` → `${b}` in an image part's URL literal: the raw base64 only. */
  | { kind: 'strip-data-url-prefix' }
  /**
   * `response_format: { type: 'json_schema', json_schema }` → `{ type: 'json_object' }`, the schema
   * moved into a first system message that says "JSON" (dialects/json-schema-to-object.ts). Only on
   * a `chat.completions.create` literal that the code fully shows.
   */
  | { kind: 'json-schema-to-object' }
  /**
   * `client.responses.create({...})` → `client.chat.completions.create({...})` with the request
   * fields and the reads of the result in chat spelling. Made by the openai SDK module, which sees
   * the call site and the result variable (dialects/responses-to-chat.ts), not by dialectEdits.
   */
  | { kind: 'responses-to-chat' }
  /**
   * An assistant message a tool loop rebuilds from a completion's message M (`tool_calls: M.tool_calls`)
   * also copies M's reasoning_content where M has it (dialects/tool-loop.ts; not on the request literal).
   */
  | { kind: 'keep-reasoning-content' }
  /**
   * `reasoning_effort: '<effort>'` → the provider's thinking switch (dialects/reasoning-effort.ts):
   * `off` for 'none' and 'minimal', `on` for the other efforts (without `on` they keep the
   * finding). With `onNeedsStream`, `on` is written only in a request that says `stream: true`
   * (a thinking Qwen model answers only a stream).
   */
  | { kind: 'reasoning-effort-switch'; off: string; on?: string; onNeedsStream?: true }
  /**
   * A read of `usage.prompt_tokens_details.cached_tokens` falls back to DeepSeek's
   * `usage.prompt_cache_hit_tokens` (dialects/cached-tokens.ts; made by the openai SDK module on the
   * reads around the call, not on the request literal).
   */
  | { kind: 'cached-tokens-fallback' };

export interface DialectRule {
  /** Stable, kebab-case: the fixture folder (fixtures/dialects/<id>/) and the README anchor. */
  id: string;
  family: DialectFamily;
  providers: string[];
  /** Model ids or family patterns (anchored regex sources); absent = every model of the providers. */
  models?: string[];
  /** `thinking`: only while the model thinks (see `thinkingByDefault`). */
  mode?: 'thinking';
  /** Whether the matched models think when the request does not say (Kimi K2.6, DeepSeek V4). */
  thinkingByDefault?: boolean;
  api: DialectApi[];
  when: Condition;
  /** What the provider does with such a request. */
  effect: 'rejected' | 'ignored' | 'deprecated' | 'differs';
  /** HTTP status of a rejection, where the evidence shows it. */
  status?: number;
  /**
   * The provider's own error for a rejection, as captured (code and message of its error body):
   * the first whose `when` holds on the request (none: always). The emulator answers with it; a
   * rule without one is answered with its `breaks` text.
   */
  errors?: Array<{ when?: Condition; code: string; message: string }>;
  breaks: string;
  fix: string;
  evidence: DialectEvidence[];
  severity: 'error' | 'warning' | 'info';
  /** manual: the call cannot move as written; review: it moves, but check or accept the edit. */
  level: 'manual' | 'review';
  rewrite?: Rewrite;
  /**
   * The level where the rewrite cannot be made on a call (a `.parse()` call, a stream, a spread in
   * the request): the rule's `level` holds only where banjia makes the edit.
   */
  levelWithoutRewrite?: 'manual';
  /** Whether the emulator can check it on a JSON body (false for facts only the code has). */
  wire: boolean;
  /** What the evidence does not settle, in words. */
  unverified?: string;
}

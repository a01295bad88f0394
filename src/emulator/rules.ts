/**
 * What the emulator accepts, as data: an ordered list of rules, each saying when it applies and
 * what it rejects. Every fact a rule uses comes from the catalogue (the provider's features, its
 * models and their limits); nothing here is a second copy of a provider fact. Dialect rules (one
 * provider's spelling of a field) are appended to `RULES` the same way.
 *
 * Support levels: `no` is enforced, `partial` is enforced where the catalogue gives the closed set
 * (values, min/max, per-model flags), `unknown` is accepted — the emulator proves what is known.
 * One exception, in server.ts: a whole endpoint of unknown support (`responses`) is answered 501
 * "not proven" rather than emulated.
 */
import type { ChatModel, EmbeddingModel, FeatureId, Provider } from '../catalogue/schema.js';
import { DIALECT_RULES, emulatorRules } from '../dialects/index.js';

export type Endpoint =
  | 'chat'
  | 'embeddings'
  | 'models'
  | 'responses'
  | 'completions'
  | 'images'
  | 'audio'
  | 'moderations'
  | 'assistants'
  | 'files'
  | 'batches'
  | 'fineTuning'
  | 'vectorStores'
  | 'realtime'
  | 'unknown';

export interface EmulatedRequest {
  method: string;
  /** The path after the provider's prefix, e.g. `/chat/completions`. */
  path: string;
  endpoint: Endpoint;
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  body: any;
  headers: Record<string, string | string[] | undefined>;
}

export interface Violation {
  status: number;
  /** The provider-ish error code (`model_not_found`, `invalid_request_error` …). */
  code: string;
  message: string;
  param?: string;
}

export type CatalogueModel = (ChatModel & { kind: 'chat' }) | (EmbeddingModel & { kind: 'embedding' });

export interface RuleContext {
  provider: Provider;
  /** The catalogue entry of the model the request names, when it names a known one. */
  model: CatalogueModel | undefined;
}

export interface Rule {
  id: string;
  description: string;
  appliesTo(provider: Provider, model: CatalogueModel | undefined, request: EmulatedRequest): boolean;
  check(request: EmulatedRequest, context: RuleContext): Violation | null;
  /**
   * What the provider answers but handles otherwise than OpenAI (a field it ignores or has
   * deprecated): the request stays valid and the warning is recorded with it.
   */
  warn?(request: EmulatedRequest, context: RuleContext): Omit<RuleWarning, 'rule'> | null;
}

/** A rule hit on a request the provider answers: valid, but not doing what the code means. */
export interface RuleWarning {
  rule: string;
  /** ignored, deprecated or differs (the dialect rule's effect). */
  effect: string;
  message: string;
}

/** Which catalogue feature gates each endpoint. */
export const ENDPOINT_FEATURE: Partial<Record<Endpoint, FeatureId>> = {
  embeddings: 'embeddings',
  responses: 'responses',
  images: 'images',
  audio: 'audio',
  moderations: 'moderations',
  assistants: 'assistants',
  files: 'files',
  batches: 'batch',
  fineTuning: 'fineTuning',
  vectorStores: 'vectorStores',
  realtime: 'realtime',
};

/** Endpoints whose body names a model. */
const MODEL_ENDPOINTS: Endpoint[] = ['chat', 'embeddings', 'responses', 'completions', 'images', 'moderations'];

export function endpointOf(method: string, path: string): Endpoint {
  const p = path.replace(/\?.*$/, '').replace(/\/+$/, '');
  if (p === '/chat/completions') return 'chat';
  if (p === '/embeddings') return 'embeddings';
  if (p === '/models' || p.startsWith('/models/')) return 'models';
  if (p === '/responses' || p.startsWith('/responses/')) return 'responses';
  if (p === '/completions') return 'completions';
  if (p.startsWith('/images/')) return 'images';
  if (p.startsWith('/audio/')) return 'audio';
  if (p === '/moderations') return 'moderations';
  if (p.startsWith('/assistants') || p.startsWith('/threads')) return 'assistants';
  if (p.startsWith('/files')) return 'files';
  if (p.startsWith('/batches')) return 'batches';
  if (p.startsWith('/fine_tuning')) return 'fineTuning';
  if (p.startsWith('/vector_stores')) return 'vectorStores';
  if (p.startsWith('/realtime')) return 'realtime';
  void method;
  return 'unknown';
}

/** The provider's model by id, with its kind; undefined when the catalogue has no such id. */
export function catalogueModel(provider: Provider, id: unknown): CatalogueModel | undefined {
  if (typeof id !== 'string') return undefined;
  const chat = provider.chatModels.find((m) => m.id === id);
  if (chat) return { ...chat, kind: 'chat' };
  const embedding = provider.embeddingModels.find((m) => m.id === id);
  return embedding ? { ...embedding, kind: 'embedding' } : undefined;
}

const bad = (message: string, param?: string, code = 'invalid_request_error'): Violation => ({ status: 400, code, message, ...(param ? { param } : {}) });
const feature = (provider: Provider, id: FeatureId) => provider.features[id];
const isChat = (r: EmulatedRequest) => r.endpoint === 'chat';
const body = (r: EmulatedRequest) => (r.body && typeof r.body === 'object' ? r.body : {});

/** Image parts anywhere in the chat messages. */
function sendsImages(request: EmulatedRequest): boolean {
  const messages = body(request).messages;
  if (!Array.isArray(messages)) return false;
  return messages.some((m) => Array.isArray(m?.content) && m.content.some((part: { type?: string }) => part?.type === 'image_url' || part?.type === 'input_image'));
}

/** The provider has a dialect rule for which models take images (it answers as the provider does, below). */
const imageDialect = (providerId: string) =>
  DIALECT_RULES.some((rule) => rule.wire && rule.providers.includes(providerId) && 'contentPart' in rule.when && !rule.when.dataUrl);

/**
 * The provider has a wire dialect rule on tool_choice for all its models and modes (GLM: auto
 * only, a forced choice answered but not honoured): that rule decides, as its evidence says
 * (refused, or answered with a warning), instead of the catalogue's closed set of values.
 */
const toolChoiceDialect = (providerId: string) =>
  DIALECT_RULES.some((rule) => rule.wire && rule.providers.includes(providerId) && !rule.models && !rule.mode && 'param' in rule.when && rule.when.param === 'tool_choice');

/** An inference endpoint id (`ep-…`) where the catalogue says the provider takes one as model (Ark): account-specific, so accepted. */
const endpointId = (provider: Provider, model: string) => /^ep-/.test(model) && provider.quirks.some((q) => q.id === 'modelOrEndpointId');

export const RULES: Rule[] = [
  {
    id: 'endpoint-unknown',
    description: 'the path is not an OpenAI-compatible endpoint the emulator knows',
    appliesTo: (_p, _m, r) => r.endpoint === 'unknown',
    check: (r, { provider }) => ({ status: 404, code: 'not_found', message: `${provider.name.en} has no endpoint ${r.method} ${r.path}` }),
  },
  {
    id: 'endpoint-unsupported',
    description: 'the catalogue says the provider has no such API (images, audio, moderations, Assistants, Responses …)',
    appliesTo: (p, _m, r) => ENDPOINT_FEATURE[r.endpoint] !== undefined && feature(p, ENDPOINT_FEATURE[r.endpoint]!).support === 'no',
    check: (r, { provider }) => ({ status: 404, code: 'not_found', message: `${provider.name.en} does not offer ${r.path} (catalogue: ${ENDPOINT_FEATURE[r.endpoint]} = no)` }),
  },
  {
    id: 'model-required',
    description: 'the body must name a model',
    appliesTo: (_p, _m, r) => r.method === 'POST' && MODEL_ENDPOINTS.includes(r.endpoint),
    check: (r) => (typeof body(r).model === 'string' && body(r).model ? null : bad('you must provide a model parameter', 'model')),
  },
  {
    id: 'model-unknown',
    description: 'the model id must be one of the provider’s catalogue ids',
    appliesTo: (p, m, r) => r.method === 'POST' && MODEL_ENDPOINTS.includes(r.endpoint) && typeof body(r).model === 'string' && body(r).model !== '' && m === undefined && !endpointId(p, body(r).model),
    check: (r, { provider }) => ({
      status: 404,
      code: 'model_not_found',
      message: `The model \`${body(r).model}\` does not exist or you do not have access to it (${provider.id} serves: ${provider.chatModels.filter((m) => m.status !== 'retired').slice(0, 6).map((m) => m.id).join(', ')}…)`,
      param: 'model',
    }),
  },
  {
    id: 'model-retired',
    description: 'a retired model fails',
    appliesTo: (_p, m) => m !== undefined && m.status === 'retired',
    check: (r) => ({ status: 404, code: 'model_not_found', message: `The model \`${body(r).model}\` has been retired`, param: 'model' }),
  },
  {
    id: 'model-kind',
    description: 'chat endpoints take chat models, /embeddings takes embedding models',
    appliesTo: (_p, m, r) => m !== undefined && (r.endpoint === 'chat' || r.endpoint === 'responses' || r.endpoint === 'embeddings'),
    check: (r, { model }) => {
      const wants = r.endpoint === 'embeddings' ? 'embedding' : 'chat';
      return model!.kind === wants ? null : bad(`\`${model!.id}\` is a ${model!.kind} model; ${r.path} needs a ${wants} model`, 'model');
    },
  },
  {
    id: 'messages-required',
    description: 'a chat request needs a non-empty messages array',
    appliesTo: (_p, _m, r) => isChat(r),
    check: (r) => (Array.isArray(body(r).messages) && body(r).messages.length > 0 ? null : bad('messages must be a non-empty array', 'messages')),
  },
  {
    id: 'tools-unsupported',
    description: 'catalogue: tools = no',
    appliesTo: (p, _m, r) => isChat(r) && body(r).tools !== undefined && feature(p, 'tools').support === 'no',
    check: () => bad('tools are not supported', 'tools'),
  },
  {
    id: 'tool-choice',
    description: 'tool_choice must be one of the catalogue’s values',
    appliesTo: (p, _m, r) =>
      isChat(r) && body(r).tool_choice !== undefined && !toolChoiceDialect(p.id) && (feature(p, 'toolChoice').support === 'no' || (feature(p, 'toolChoice').values?.length ?? 0) > 0),
    check: (r, { provider }) => {
      const flag = feature(provider, 'toolChoice');
      if (flag.support === 'no') return bad('tool_choice is not supported', 'tool_choice');
      const choice = body(r).tool_choice;
      const value = typeof choice === 'string' ? choice : choice && typeof choice === 'object' ? String(choice.type ?? 'function') : String(choice);
      return flag.values!.includes(value) ? null : bad(`tool_choice "${value}" is not supported; use one of ${flag.values!.join(', ')}`, 'tool_choice');
    },
  },
  {
    id: 'parallel-tool-calls',
    description: 'catalogue: parallelToolCalls = no',
    appliesTo: (p, _m, r) => isChat(r) && body(r).parallel_tool_calls !== undefined && feature(p, 'parallelToolCalls').support === 'no',
    check: () => bad('parallel_tool_calls is not supported', 'parallel_tool_calls'),
  },
  {
    id: 'json-object',
    description: 'catalogue: jsonObject = no',
    appliesTo: (p, _m, r) => isChat(r) && body(r).response_format?.type === 'json_object' && feature(p, 'jsonObject').support === 'no',
    check: () => bad('response_format json_object is not supported', 'response_format'),
  },
  {
    id: 'json-schema',
    description: 'catalogue: jsonSchema = no',
    appliesTo: (p, _m, r) => isChat(r) && body(r).response_format?.type === 'json_schema' && feature(p, 'jsonSchema').support === 'no',
    check: () => bad('response_format json_schema is not supported', 'response_format'),
  },
  {
    id: 'n',
    description: 'catalogue: multipleChoices = no (n must be 1)',
    appliesTo: (p, _m, r) => isChat(r) && typeof body(r).n === 'number' && body(r).n !== 1 && feature(p, 'multipleChoices').support === 'no',
    check: () => bad('n must be 1', 'n'),
  },
  {
    id: 'temperature-range',
    description: 'temperature within the catalogue’s min/max',
    appliesTo: (p, _m, r) => isChat(r) && typeof body(r).temperature === 'number' && (feature(p, 'temperature').min !== undefined || feature(p, 'temperature').max !== undefined),
    check: (r, { provider }) => {
      const { min, max } = feature(provider, 'temperature');
      const t = body(r).temperature as number;
      return (min !== undefined && t < min) || (max !== undefined && t > max) ? bad(`temperature must be between ${min ?? '-∞'} and ${max ?? '∞'}, got ${t}`, 'temperature') : null;
    },
  },
  {
    id: 'stream-options',
    description: 'catalogue: streamOptions = no',
    appliesTo: (p, _m, r) => isChat(r) && body(r).stream_options !== undefined && feature(p, 'streamOptions').support === 'no',
    check: () => bad('stream_options is not supported', 'stream_options'),
  },
  {
    id: 'logprobs',
    description: 'catalogue: logprobs = no',
    appliesTo: (p, _m, r) => isChat(r) && body(r).logprobs === true && feature(p, 'logprobs').support === 'no',
    check: () => bad('logprobs is not supported', 'logprobs'),
  },
  {
    id: 'vision',
    description: 'image parts need a provider with vision and, where vision is partial, a model the catalogue marks as vision',
    appliesTo: (p, _m, r) => isChat(r) && sendsImages(r) && feature(p, 'vision').support !== 'unknown' && !imageDialect(p.id),
    check: (_r, { provider, model }) => {
      const support = feature(provider, 'vision').support;
      if (support === 'no') return bad('image inputs are not supported', 'messages');
      if (support === 'partial' && model?.kind === 'chat' && !model.vision) return bad(`\`${model.id}\` does not accept image inputs`, 'messages');
      return null;
    },
  },
  {
    id: 'embeddings-input',
    description: 'embeddings input must be a string or a non-empty list',
    appliesTo: (_p, _m, r) => r.endpoint === 'embeddings',
    check: (r) => {
      const input = body(r).input;
      return typeof input === 'string' || (Array.isArray(input) && input.length > 0) ? null : bad('input must be a string or a non-empty array', 'input');
    },
  },
  {
    id: 'embeddings-batch',
    description: 'no more inputs than the model’s catalogue maxBatch',
    appliesTo: (_p, m, r) => r.endpoint === 'embeddings' && m?.kind === 'embedding' && typeof m.maxBatch === 'number' && Array.isArray(body(r).input),
    check: (r, { model }) => {
      const max = (model as EmbeddingModel).maxBatch as number;
      const count = (body(r).input as unknown[]).length;
      return count > max ? bad(`batch size is invalid: ${count} inputs, at most ${max}`, 'input') : null;
    },
  },
  {
    id: 'embeddings-dimensions',
    description: 'dimensions only where the catalogue says the parameter works, and only its listed sizes',
    appliesTo: (_p, m, r) => r.endpoint === 'embeddings' && m?.kind === 'embedding' && body(r).dimensions !== undefined,
    check: (r, { model }) => {
      const m = model as EmbeddingModel;
      const d = body(r).dimensions;
      if (m.dimensionsParam === 'no') return bad(`\`${m.id}\` does not take dimensions`, 'dimensions');
      if (m.dimensionOptions && !m.dimensionOptions.includes(d)) return bad(`dimensions must be one of ${m.dimensionOptions.join(', ')}, got ${d}`, 'dimensions');
      return null;
    },
  },
];

/**
 * The provider dialects (src/dialects) on the wire: the same rule entries that `scan` lints, so
 * what scan warns about and what verify rejects cannot drift apart. Only what the provider itself
 * refuses is refused here; a parameter it ignores or has deprecated (or a request it answers
 * otherwise than OpenAI) is answered as the provider would, with the rule recorded as a warning.
 */
function dialectRules(): Rule[] {
  return emulatorRules().map((rule) => ({
    id: rule.id,
    description: `provider dialect rule ${rule.id}`,
    appliesTo: (provider, _model, request) => rule.appliesTo(provider.id, typeof body(request).model === 'string' ? body(request).model : undefined, request),
    check: (request, { provider }) => {
      const found = rule.check(request, provider.id);
      if (!found || found.effect !== 'rejected') return null;
      // The provider's own error where it was captured (its code and text), else the rule's words.
      if (found.providerError) return { status: found.status ?? 400, code: found.providerError.code, message: found.providerError.message };
      return { status: found.status ?? 400, code: 'invalid_request_error', message: `${found.message.replace(/\.$/, '')}. Fix: ${found.fix}` };
    },
    warn: (request, { provider }) => {
      const found = rule.check(request, provider.id);
      return found && found.effect !== 'rejected' ? { effect: found.effect, message: `${found.message.replace(/\.$/, '')}. Fix: ${found.fix}` } : null;
    },
  }));
}

// A dialect rule names the model family, the mode and the evidence, where the catalogue's generic
// constraint (tool_choice values, temperature range, batch size) only knows the provider: when
// both refuse a request, the dialect rule is the one recorded. They go right after the request's
// basic shape (messages present), before the catalogue's feature constraints.
RULES.splice(RULES.findIndex((rule) => rule.id === 'messages-required') + 1, 0, ...dialectRules());

export interface Verdict {
  verdict: 'ok' | 'rejected';
  rule?: string;
  violation?: Violation;
  /** On a valid request: the rules it hits that the provider does not refuse. */
  warnings?: RuleWarning[];
}

/** Runs the rules in order; the first violation decides. A valid request carries the warnings it hit. */
export function judge(provider: Provider, request: EmulatedRequest, rules: Rule[] = RULES): Verdict & { model: CatalogueModel | undefined } {
  const model = catalogueModel(provider, body(request).model);
  const warnings: RuleWarning[] = [];
  for (const rule of rules) {
    if (!rule.appliesTo(provider, model, request)) continue;
    const violation = rule.check(request, { provider, model });
    if (violation) return { verdict: 'rejected', rule: rule.id, violation, model };
    const warning = rule.warn?.(request, { provider, model });
    if (warning) warnings.push({ rule: rule.id, ...warning });
  }
  return { verdict: 'ok', model, ...(warnings.length ? { warnings } : {}) };
}

/**
 * The dialect rules on the wire, for the provider emulator (issue 13): given a provider, a model
 * and a JSON request body, which rules the request breaks. The same rule entries drive the scan,
 * so what `scan` warns about and what `verify` rejects cannot drift apart.
 */
import { findProvider, findProviderModel } from '../catalogue/index.js';
import { conditionHolds, effortIgnored, rulesFor, ruleFires } from './match.js';
import type { DialectApi, DialectEvidence, DialectRule, View } from './types.js';
import { DIALECT_RULES } from './rules.js';

export interface Violation {
  ruleId: string;
  /** rejected: the provider answers with an error (`status`); ignored/deprecated/differs: it answers, differently. */
  effect: DialectRule['effect'];
  status?: number;
  message: string;
  fix: string;
  evidence: DialectEvidence[];
  /** The provider's own error for this request, where the rule records it (rule.errors). */
  providerError?: { code: string; message: string };
}

/** The API a request path addresses (`/v1/chat/completions`, `/compatible-mode/v1/responses`). */
export function apiOfPath(path: string): DialectApi | undefined {
  const clean = path.split('?')[0].replace(/\/+$/, '');
  if (/\/chat\/completions$/.test(clean)) return 'chat';
  if (/\/responses$/.test(clean)) return 'responses';
  if (/\/embeddings$/.test(clean)) return 'embeddings';
  return undefined;
}

function violation(rule: DialectRule, body: View): Violation {
  const error = rule.errors?.find((e) => !e.when || conditionHolds(e.when, body));
  return {
    ruleId: rule.id,
    effect: rule.effect,
    ...(rule.status ? { status: rule.status } : {}),
    message: rule.breaks,
    fix: rule.fix,
    evidence: rule.evidence,
    ...(error ? { providerError: { code: error.code, message: error.message } } : {}),
  };
}

const asView = (body: unknown): View => (body !== null && typeof body === 'object' ? (body as View) : {});

/** Whether the catalogue says the model always thinks (the same fact scan reads: ScanCall.thinkingAlways). */
function thinkingAlways(providerId: string, model: string | undefined): boolean {
  const provider = findProvider(providerId);
  const entry = provider && model ? findProviderModel(provider, model) : undefined;
  return entry !== undefined && 'thinking' in entry && entry.thinking === 'always';
}

const modelOf = (body: View): string | undefined => (typeof (body as Record<string, View>).model === 'string' ? ((body as Record<string, View>).model as string) : undefined);

/**
 * Every dialect rule a JSON request body breaks for `providerId`. `model` defaults to the body's
 * `model`. Only rules checkable on the wire are applied (not, say, "the code reads usage").
 */
export function requestViolations(providerId: string, model: string | undefined, requestBody: unknown, path: string): Violation[] {
  const api = apiOfPath(path);
  if (!api) return [];
  const body = asView(requestBody);
  const modelId = model ?? modelOf(body);
  const context = { thinkingAlways: thinkingAlways(providerId, modelId), effortIgnored: effortIgnored(providerId, modelId) };
  return rulesFor(providerId, api, modelId)
    .filter((rule) => rule.wire && ruleFires(rule, body, context))
    .map((rule) => violation(rule, body));
}

/** The emulator's rule shape: one per wire-checkable dialect rule. */
export interface EmulatorRule {
  id: string;
  appliesTo(provider: string, model: string | undefined, request: { path: string; body: unknown }): boolean;
  check(request: { path: string; body: unknown }, provider: string): Violation | null;
}

export function emulatorRules(): EmulatorRule[] {
  return DIALECT_RULES.filter((rule) => rule.wire).map((rule) => ({
    id: rule.id,
    appliesTo(provider, model, request) {
      const api = apiOfPath(request.path);
      return api !== undefined && rulesFor(provider, api, model ?? (asView(request.body) as Record<string, View>).model as string | undefined).includes(rule);
    },
    check(request, provider) {
      const body = asView(request.body);
      const model = modelOf(body);
      return ruleFires(rule, body, { thinkingAlways: thinkingAlways(provider, model), effortIgnored: effortIgnored(provider, model) }) ? violation(rule, body) : null;
    },
  }));
}

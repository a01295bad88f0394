/**
 * The contract every SDK module fulfils (`src/sdks/<id>/`): detect read-only, then plan per
 * provider. A module never edits text during detection and never reads the catalogue during it.
 */
import type { Evaluator } from '../analysis/values.js';
import type { Unit } from '../analysis/unit.js';
import type { Workspace } from '../analysis/workspace.js';
import type { VectorColumn } from '../pipeline/vector-columns.js';
import type { CallUsage, Finding, FindingKind, Fix, Location, Readiness, Severity, SourceText } from '../core/types.js';
import type { Localized } from '../core/text.js';
import type { Provider } from '../catalogue/schema.js';
import type { TextStyle } from '../edits/style.js';

/**
 * Which client a detection belongs to: the client record it is part of (issue 11). Every finding
 * of one client is decided together (move, keep, split, routed, configurable).
 */
export interface ClientLink {
  /** The node that makes the client (its construction): the record's identity. */
  node: import('../analysis/ts.js').ts.Node;
  /** `part`: a piece that configures the client and carries its edits (the openai v3 `Configuration`). */
  role: 'client' | 'call' | 'model' | 'part';
  /** For a model fed to calls of other clients too: those clients. */
  others?: Array<import('../analysis/ts.js').ts.Node>;
  /** For a model: the calls it feeds (a constant can feed several). */
  calls?: Array<import('../analysis/ts.js').ts.Node>;
  /** For the client: the OpenAI-named env variables its key comes from, OPENAI_API_KEY when the SDK reads it by default. */
  keyEnvs?: string[];
  /** For the client: how the key reaches it. A key given at run time is never replaced by an env read. */
  keySource?: 'env' | 'sdk-default' | 'literal' | 'runtime';
}

export interface Detection<P = unknown> {
  sdk: string;
  ruleId: string;
  kind: FindingKind;
  location: Location;
  message: Localized;
  reason: Localized;
  model?: string;
  usage?: CallUsage;
  /** SDK-specific facts the module's planner needs (syntax nodes included; never serialized). */
  payload: P;
  client?: ClientLink;
  /** The environment variable it is about, when it is about one. */
  variable?: string;
  /** A construction that stands for calls made inside a framework (set by the module's finish). */
  callSite?: true;
}

export interface DetectContext {
  workspace: Workspace;
  evaluator: Evaluator;
  /** Receivers that syntax could not bind, handed to the type-checker stage. */
  defer(request: DeferredReceiver): void;
  /** An env read that feeds a client's key, endpoint or model (the env module reports it). */
  noteEnvFeed(feed: EnvFeed): void;
  readonly envFeeds: readonly EnvFeed[];
  /** Whether any candidate's text holds an OpenAI host (api.openai.com, *.openai.azure.com). */
  hostsWritten(): boolean;
}

export interface EnvFeed {
  env: import('../analysis/values.js').EnvValue;
  role: 'key' | 'baseURL' | 'model';
}

export interface DeferredReceiver {
  sdk: string;
  unit: Unit;
  /** The call whose receiver is in question, e.g. `ctx.ai.chat.completions.create(...)`. */
  call: import('../analysis/ts.js').ts.CallExpression;
  /** The root expression whose type decides, e.g. `ctx.ai`. */
  receiver: import('../analysis/ts.js').ts.Expression;
  /** The member path from the receiver to the method, e.g. ['chat','completions','create']. */
  path: string[];
}

/** The provider a plan is made for. */
export interface Target {
  provider: Provider;
  regionId: string;
  baseURL: string;
  /** OpenAI model id → provider model id, from --model-map and the config file. */
  modelOverrides: Record<string, string>;
}

export interface PlanContext {
  target: Target | undefined;
  /** apply may write real secret env files (.env, .env.local): --include-env-files. */
  includeEnvFiles: boolean;
  style(file: string): TextStyle;
  workspace: Workspace;
  /**
   * Whether the code, once planned edits are made, reads a variable (set when env files are
   * planned after the code): an env file gets only variables the code reads.
   */
  readsVariable?: (name: string) => boolean;
  /** The project's vector column declarations (read on first call), for the embeddings re-index finding. */
  vectorColumns?: () => VectorColumn[];
}

export interface PlannedFields {
  readiness: Readiness;
  severity?: Severity;
  message?: Localized;
  reason?: Localized;
  action?: Localized;
  docs?: string;
  targetModel?: string;
  fix?: Fix;
  suggestions?: Fix[];
}

export interface SdkModule {
  id: string;
  title: string;
  /** Upstream documentation of what the module detects. */
  docs: string;
  /** Cheap text markers: a file is a candidate for this module when one matches. */
  markers: RegExp;
  detect(unit: Unit, context: DetectContext): Detection[];
  /** Detection in files that are not code (dotenv, docker-compose). */
  detectText?(file: SourceText, context: DetectContext): Detection[];
  /** Runs once after every file was detected (for findings that depend on other modules' facts). */
  finish?(context: DetectContext): Detection[];
  /** Resolves a deferred receiver the type checker bound to this SDK. */
  detectTyped?(request: DeferredReceiver, context: DetectContext): Detection[];
  plan(detection: Detection, context: PlanContext): PlannedFields;
}

export function severityOf(readiness: Readiness): Severity {
  return readiness === 'manual' ? 'error' : readiness === 'review' ? 'warning' : 'info';
}

export function toFinding(detection: Detection, planned: PlannedFields): Finding {
  const message = planned.message ?? detection.message;
  const reason = planned.reason ?? detection.reason;
  const finding: Finding = {
    ruleId: detection.ruleId,
    sdk: detection.sdk,
    kind: detection.kind,
    severity: planned.severity ?? severityOf(planned.readiness),
    readiness: planned.readiness,
    ...detection.location,
    message: message.en,
    reason: reason.en,
  };
  if (planned.action) finding.action = planned.action.en;
  if (planned.docs) finding.docs = planned.docs;
  if (detection.model) finding.model = detection.model;
  if (planned.targetModel) finding.targetModel = planned.targetModel;
  if (planned.fix) finding.fix = planned.fix;
  if (planned.suggestions?.length) finding.suggestions = planned.suggestions;
  if (detection.usage) finding.usage = detection.usage;
  if (detection.variable) finding.variable = detection.variable;
  if (detection.callSite) finding.callSite = true;
  finding.zh = { message: message.zh, reason: reason.zh, ...(planned.action ? { action: planned.action.zh } : {}) };
  return finding;
}

/**
 * The types that cross stage boundaries (discover → load → detect → plan → render → apply).
 * `Finding` is the only one that leaves the detect stage; everything else is derived from findings
 * and the provider catalogue.
 */

export type Severity = 'error' | 'warning' | 'info';

/** What a finding is about. Stable: part of the JSON output contract. */
export type FindingKind =
  | 'import' // an import/require of an SDK module
  | 'client' // a client construction (new OpenAI(...))
  | 'call' // an API call reached through a client
  | 'model' // a model id literal that feeds a call
  | 'option' // a client or request option that matters for the move
  | 'env' // an environment variable or env file entry
  | 'endpoint' // a raw HTTP endpoint
  | 'routed' // SDK usage that already targets another endpoint; never rewritten
  | 'not-openai' // looks like OpenAI (a ChatGPT web session token) but is not its API
  | 'mention' // text that names OpenAI (a comment, prose, UI text, a test fixture): nothing sent changes
  | 'capability' // a feature the target provider lacks or limits
  | 'parse-error'; // a file that could not be parsed; skipped

/**
 * How a finding moves to the chosen provider:
 * - auto: handled by safe edits (or needs nothing),
 * - review: edits exist but change behaviour beyond the provider swap; applied only on request,
 * - manual: cannot move automatically; a person must act,
 * - info: nothing to do.
 */
export type Readiness = 'auto' | 'review' | 'manual' | 'info';

/** Half-open offsets into the ORIGINAL text of `file` (from node.getStart(), never getPos()). */
export interface TextEdit {
  start: number;
  end: number;
  text: string;
}

export interface FileEdit extends TextEdit {
  /** posix path relative to the scanned root; a fix may edit a file other than the finding's. */
  file: string;
}

export type Safety = 'safe' | 'review';

export interface Fix {
  description: string;
  /** The description in Chinese, for `--lang zh` text; machine formats leave it out. */
  zh?: string;
  safety: Safety;
  edits: FileEdit[];
}

export interface Location {
  file: string;
  start: number;
  end: number;
  line: number; // 1-based
  column: number; // 1-based, UTF-16 code units
  endLine: number;
  endColumn: number;
}

/** The call an estimate is made for (cost stage). */
export interface CallUsage {
  /** Resource path and method, e.g. `chat.completions.create`. */
  call: string;
  family: ApiFamily;
  /** OpenAI model id when it could be determined statically. */
  model?: string;
  stream?: boolean;
  /** Literal prompt text found at the call site (messages / input), for token estimates. */
  promptText?: string;
  /** promptText is the whole prompt: nothing is added at run time (no history, no template hole). */
  promptComplete?: boolean;
  maxTokens?: number;
}

export type ApiFamily =
  | 'chat'
  | 'completions'
  | 'embeddings'
  | 'images'
  | 'audio'
  | 'moderations'
  | 'files'
  | 'batches'
  | 'fine_tuning'
  | 'vector_stores'
  | 'assistants'
  | 'realtime'
  | 'responses'
  | 'models'
  | 'other';

export interface Finding extends Location {
  /** `<sdk>/<camelCaseId>`, stable. */
  ruleId: string;
  sdk: string;
  kind: FindingKind;
  severity: Severity;
  readiness: Readiness;
  /** What was found. */
  message: string;
  /** Why it matters for the move. */
  reason: string;
  /** What to do (for review/manual findings). */
  action?: string;
  /** A link that backs the reason or the action. */
  docs?: string;
  /** The OpenAI model id involved, if any. */
  model?: string;
  /** The model id it maps to on the target provider, if any. */
  targetModel?: string;
  fix?: Fix;
  suggestions?: Fix[];
  usage?: CallUsage;
  /** The environment variable the finding is about (an env read, an env file line, a schema key). */
  variable?: string;
  /** A construction that counts as a call site: a LangChain model no call in the code is made on (its chains call it). */
  callSite?: true;
  /** On a client: what the plan decided for it and everything made through it (move, keep, split, routed). */
  decision?: 'move' | 'keep' | 'split' | 'routed' | 'configurable';
  /** The person-facing texts in Chinese (`--lang zh`); machine formats leave them out. */
  zh?: { message: string; reason: string; action?: string };
}

/** One file of the scanned tree as read once by discover/load. */
export interface SourceText {
  /** posix, relative to the scanned root */
  path: string;
  /** absolute path on disk */
  absPath: string;
  text: string;
  /** code: JS/TS/Vue/Svelte, parsed; env: a dotenv file; compose: a docker-compose file; config: JSON/YAML/TOML/INI settings (swept only). */
  kind: 'code' | 'env' | 'compose' | 'config';
  /** Read in the second wave: it names no marker but imports a module that makes an OpenAI client. */
  importsClient?: boolean;
}

export type FileStatus = 'changed' | 'unchanged' | 'skipped' | 'errored';

export interface FilePlan {
  path: string;
  absPath: string;
  before: string;
  after: string;
  /** The findings whose edits produced this file's change. */
  findings: Finding[];
}

export interface FileOutcome {
  file: string;
  status: FileStatus;
  reason?: string;
}

/**
 * The key variables follow the clients (issue 11): a key variable read by clients that all moved is
 * renamed wherever else it is read — a start-up guard, a header, a log line — and its guard's message
 * names the new variable; one that a client staying on OpenAI still reads is left alone.
 *
 * Two sources say which clients moved: the per-client decisions of the SDKs that have them (the
 * official SDK, the AI SDK), and, for every other client (LangChain models, raw HTTP requests,
 * wrappers), the edits themselves: a key read inside a client's options that a safe fix rewrites to
 * the provider's variable moved with its client; one that no fix touches stays with it.
 */
import { described, t } from '../core/text.js';
import type { Finding, FileEdit } from '../core/types.js';
import { providerKeyEnv } from '../sdks/shared/env.js';
import type { Target } from '../sdks/types.js';
import { isConfigurable, setText, strip, type ClientRecord, type Pair } from './clients.js';

/** The OpenAI key variables after the decisions: renamed with a moved client, or still read by a kept one. */
export interface KeyPlan {
  moved: Map<string, string>;
  kept: Set<string>;
}

interface EnvReadPayload {
  type?: string;
  name?: string;
  role?: string;
  feedsClient?: boolean;
}

const payloadOf = (pair: Pair) => pair.detection.payload as EnvReadPayload;

/** Which OpenAI key variables move with a client and which a client that stays still reads. */
export function keyPlan(records: ClientRecord[], pairs: Pair[], target: Target): KeyPlan {
  const moved = new Map<string, string>();
  const kept = new Set<string>();
  for (const record of records) {
    const link = record.client!.detection.client!;
    const names = (link.keyEnvs ?? []).filter((n) => /OPENAI/i.test(n));
    // A configurable client moves for review only: its key is renamed with --include-review, guards with it.
    if ((record.decision === 'move' || record.decision === 'configurable') && !isConfigurable(record.client!)) for (const name of names) moved.set(name, providerKeyEnv(target.provider, name));
    // A client that keeps its endpoint (kept, split, routed to a proxy with OpenAI's key) keeps its key name.
    else if (record.decision !== 'move' && record.decision !== 'configurable') for (const name of names) kept.add(name);
  }
  const fromEdits = keyPlanFromEdits(pairs, target);
  for (const [name, renamed] of fromEdits.moved) if (!moved.has(name)) moved.set(name, renamed);
  for (const name of fromEdits.kept) kept.add(name);
  for (const name of kept) moved.delete(name);
  return { moved, kept };
}

/** The key reads inside clients' options, judged by whether a fix rewrites them to the provider's variable. */
function keyPlanFromEdits(pairs: Pair[], target: Target): KeyPlan {
  const safe: FileEdit[] = [];
  const any: FileEdit[] = [];
  for (const { finding, ignored } of pairs) {
    if (ignored) continue;
    if (finding.fix?.safety === 'safe') safe.push(...finding.fix.edits);
    for (const fix of [finding.fix, ...(finding.suggestions ?? [])]) if (fix) any.push(...fix.edits);
  }
  const moved = new Map<string, string>();
  const kept = new Set<string>();
  for (const pair of pairs) {
    const payload = payloadOf(pair);
    if (pair.detection.sdk !== 'env' || payload.type !== 'read' || payload.role !== 'key' || !payload.feedsClient || !payload.name || !/OPENAI/i.test(payload.name)) continue;
    const { file, start, end } = pair.detection.location;
    const renamed = providerKeyEnv(target.provider, payload.name);
    // A fix may rewrite the whole read or only the name in it.
    const covers = (edit: FileEdit) => edit.file === file && edit.start < end && edit.end > start;
    if (safe.some((edit) => covers(edit) && edit.text.includes(renamed))) moved.set(payload.name, renamed);
    // Untouched by any edit, safe or for review: its client stays where it is (kept, manual, ignored).
    else if (!pair.ignored && !any.some(covers)) kept.add(payload.name);
  }
  return { moved, kept };
}

/**
 * Key reads outside any client (a start-up guard, a header, a log line) follow the plan: renamed
 * with the key when every client that used it moved, left alone when a kept client still reads it.
 */
export function enforceKeyPlan(pairs: Pair[], plan: KeyPlan): void {
  for (const { detection, finding } of pairs) {
    const payload = detection.payload as EnvReadPayload;
    if (detection.sdk !== 'env' || payload.type !== 'read' || payload.role !== 'key' || payload.feedsClient || !payload.name) continue;
    const name = payload.name;
    if (plan.kept.has(name)) {
      keep(finding, name);
      continue;
    }
    const renamed = plan.moved.get(name);
    if (!renamed || !finding.fix) continue;
    finding.fix = { ...finding.fix, safety: 'safe', ...described(`read ${renamed} instead of ${name}: the clients that used it moved`, `改为读取 ${renamed}（原为 ${name}）：使用它的客户端都已迁移`) };
    finding.readiness = 'auto';
    finding.severity = 'info';
    setText(
      finding,
      t(`reads ${name} → ${renamed}, with the clients that moved`, `读取 ${name} → ${renamed}（随已迁移的客户端）`),
      t(`The check follows the key: every client that read ${name} now reads ${renamed}.`, `校验随密钥一起修改：所有读取 ${name} 的客户端现在读取 ${renamed}。`),
    );
  }
}

function keep(finding: Finding, name: string): void {
  strip(finding);
  finding.readiness = 'info';
  finding.severity = 'info';
  setText(finding, t(`reads ${name}, still used by a client kept on OpenAI`, `读取 ${name}（仍被保留在 OpenAI 的客户端使用）`));
}

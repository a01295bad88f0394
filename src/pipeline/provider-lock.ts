/**
 * `.migrate/provider-lock.json`, written by `migrate doctor`: the model ids confirmed (and the ones
 * found missing) for the user's account and region. A plan for the same provider and region reads
 * it, so that the mapping prefers confirmed ids (catalogue/index.ts `mapModel`) and an id doctor did
 * not confirm is never written without a finding naming the lock.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { z } from 'zod';
import { findProviderModel, isOpenAiModelId, mapModel } from '../catalogue/index.js';
import { ConfigError } from '../core/errors.js';
import { lineStarts } from '../core/text.js';
import type { Finding, Location } from '../core/types.js';
import type { ModelLock } from '../catalogue/schema.js';
import type { Target } from '../sdks/types.js';
import { JOURNAL_DIR } from './journal.js';

export const PROVIDER_LOCK = path.posix.join(JOURNAL_DIR, 'provider-lock.json');

/** The fields a plan relies on; doctor's other fields (baseUrl, probes) are allowed and unused. */
const LockFile = z.object({
  schemaVersion: z.literal(1),
  provider: z.string(),
  region: z.string(),
  checkedAt: z.string(),
  confirmed: z.array(z.string()),
  failed: z.record(z.string(), z.string()),
});

/**
 * The lock for this target, or undefined when there is none or it is for another provider or region
 * (it says nothing about this one). A lock that cannot be read as doctor writes it is the user's to
 * fix or delete: a ConfigError naming the file (exit 2), never a silent guess.
 */
export function readProviderLock(root: string, target: Pick<Target, 'provider' | 'regionId'>): ModelLock | undefined {
  const absolute = path.join(root, PROVIDER_LOCK);
  // Errors name the file as the user can open it from where they ran the command.
  const relative = path.relative(process.cwd(), absolute);
  const shown = relative.startsWith('..') || path.isAbsolute(relative) ? absolute : relative;
  let text: string;
  try {
    text = readFileSync(absolute, 'utf8');
  } catch (error) {
    // No lock: none written, or no `.migrate/` folder at all (a file of that name is apply's to report).
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT' || code === 'ENOTDIR') return undefined;
    throw new ConfigError(`cannot read ${shown}: ${(error as Error).message}`, LOCK_HINT).inChinese(`无法读取 ${shown}：${(error as Error).message}`, LOCK_HINT_ZH);
  }
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch (error) {
    throw new ConfigError(`${shown} is not valid JSON (${(error as Error).message})`, LOCK_HINT).inChinese(`${shown} 不是有效的 JSON`, LOCK_HINT_ZH);
  }
  const parsed = LockFile.safeParse(raw);
  if (!parsed.success) {
    const issues = parsed.error.issues.map((i) => `${i.path.join('.') || '(top level)'}: ${i.message}`).join('; ');
    throw new ConfigError(`${shown} is not a lock doctor writes: ${issues}`, LOCK_HINT).inChinese(`${shown} 不是 doctor 写出的锁文件：${issues}`, LOCK_HINT_ZH);
  }
  const lock = parsed.data;
  if (lock.provider !== target.provider.id || lock.region !== target.regionId) return undefined;
  return { file: PROVIDER_LOCK, checkedAt: lock.checkedAt, confirmed: lock.confirmed, missing: lock.failed };
}

const LOCK_HINT = `run \`migrate doctor --provider <id>\` again to rewrite it, or delete ${PROVIDER_LOCK}`;
const LOCK_HINT_ZH = `再次运行 \`migrate doctor --provider <id>\` 重写它，或删除 ${PROVIDER_LOCK}`;

/** The target with its lock attached (a copy: the catalogue's provider is shared by every plan). */
export function withProviderLock(root: string, target: Target): Target {
  const lock = readProviderLock(root, target);
  return lock ? { ...target, provider: { ...target.provider, lock } } : target;
}

/**
 * One finding per edit that writes a model id because of the lock: a fallback to a confirmed id
 * (info), or an id doctor did not confirm, written because nothing confirmed fits (warning). Found
 * from the edits themselves, so every module that maps a model (code, env files, the sweep) is covered.
 */
export function lockFindings(findings: Finding[], target: Target, text: (file: string) => string | undefined): Finding[] {
  const { provider } = target;
  if (!provider.lock) return [];
  const out: Finding[] = [];
  const seen = new Set<string>();
  for (const finding of findings) {
    for (const edit of [...(finding.fix?.edits ?? []), ...(finding.suggestions ?? []).flatMap((s) => s.edits)]) {
      const source = text(edit.file);
      const original = source?.slice(edit.start, edit.end);
      if (!source || !original || !isOpenAiModelId(original)) continue;
      const mapping = mapModel(original, provider, target.modelOverrides);
      if (!mapping.lock || !mapping.target || !edit.text.includes(mapping.target)) continue;
      const key = `${edit.file}\u0000${edit.start}`;
      if (seen.has(key)) continue;
      seen.add(key);
      const { missing, fallback, reason, file } = mapping.lock;
      const when = provider.lock.checkedAt.slice(0, 10);
      const en = fallback
        ? { message: `model '${original}' → '${fallback}' instead of '${missing}': doctor did not confirm '${missing}' (${file})`, reason: `migrate doctor (${when}) could not use '${missing}' with your key and region: ${reason}. '${fallback}' is the confirmed model the mapping rule picks for ${original}.` }
        : { message: `model '${missing}' is written for '${original}', but doctor did not confirm it (${file})`, reason: `migrate doctor (${when}) could not use '${missing}' with your key and region: ${reason}. No confirmed model of the same class fits ${original}, so the mapped id is kept.` };
      const zh = fallback
        ? { message: `模型 '${original}' → '${fallback}'（而非 '${missing}'）：doctor 未确认 '${missing}'（${file}）`, reason: `migrate doctor（${when}）无法用你的密钥和区域使用 '${missing}'：${reason}。'${fallback}' 是映射规则在已确认模型中为 ${original} 选出的模型。` }
        : { message: `为 '${original}' 写入模型 '${missing}'，但 doctor 未确认它（${file}）`, reason: `migrate doctor（${when}）无法用你的密钥和区域使用 '${missing}'：${reason}。没有同类的已确认模型适合 ${original}，因此保留映射的 id。` };
      // A fallback of the same provider tier is a like-for-like swap; another tier changes what the code gets.
      const tierOf = (id: string) => {
        const model = findProviderModel(provider, id);
        return model && 'tier' in model ? model.tier : undefined;
      };
      const severity = fallback && tierOf(fallback) === tierOf(missing) ? 'info' : 'warning';
      const action = fallback ? undefined : { en: `Enable '${missing}' for your account, pick a model with --model-map ${original}=<model>, then run migrate doctor again.`, zh: `为账号开通 '${missing}'，或用 --model-map ${original}=<模型> 指定模型，然后再运行 migrate doctor。` };
      out.push({
        ruleId: 'lock/modelNotConfirmed',
        sdk: 'lock',
        // What the account lacks, like a provider limit: advice on the plan, not an OpenAI leftover for check.
        kind: 'capability',
        severity,
        readiness: fallback ? 'info' : 'review',
        ...editLocation(edit.file, source, edit.start, edit.end),
        message: en.message,
        reason: en.reason,
        ...(action ? { action: action.en } : {}),
        model: original,
        targetModel: mapping.target,
        zh: { ...zh, ...(action ? { action: action.zh } : {}) },
      });
    }
  }
  return out;
}

function editLocation(file: string, text: string, start: number, end: number): Location {
  const at = (offset: number) => {
    const starts = lineStarts(text);
    let line = starts.length - 1;
    while (starts[line] > offset) line--;
    return { line: line + 1, column: offset - starts[line] + 1 };
  };
  const a = at(start);
  const b = at(end);
  return { file, start, end, line: a.line, column: a.column, endLine: b.line, endColumn: b.column };
}

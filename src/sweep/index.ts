/**
 * The sweep layer as a module of the pipeline: its detections come from `sweep()` after the SDK
 * modules ran (see pipeline/detect.ts); planning gives each hit its readiness and, for an OpenAI
 * model id in data, the provider's id as a review edit (only a person knows which call it feeds).
 */
import { mapModel } from '../catalogue/index.js';
import type { FileEdit } from '../core/types.js';
import { described, t } from '../core/text.js';
import type { PlanContext, PlannedFields, SdkModule, Target } from '../sdks/types.js';
import { providerKeyEnv } from '../sdks/shared/env.js';
import { SDK, type SweepDetection } from './detect.js';
import { SWEEP_MARKER } from './indicators.js';
import * as text from './messages.js';

function planSweep(detection: SweepDetection, context: PlanContext): PlannedFields {
  const payload = detection.payload;
  if (payload.verdict !== 'usage') return { readiness: 'info' };
  const target = context.target;
  if (payload.type === 'import' && payload.typeOnly) return { readiness: 'info' };
  if (payload.type !== 'model' || !target) {
    const action = text.action(payload, target ? { baseURL: target.baseURL, keyEnv: providerKeyEnv(target.provider) } : undefined);
    return { readiness: 'review', ...(action ? { action } : {}) };
  }
  if (payload.nameCheck) return { readiness: 'review', action: text.nameCheckAction(payload.nameCheck) };
  if (payload.settingsProvider) {
    // The app picks the endpoint and key from the entry's provider: a new id alone would be sent to OpenAI.
    return { readiness: 'review', action: text.entryAction(payload.settingsProvider, target) };
  }
  const mapped = payload.spots.map((spot) => ({ spot, target: mapModel(spot.id, target.provider, target.modelOverrides).target }));
  const edits: FileEdit[] = mapped
    .filter((m): m is typeof m & { target: string } => m.target !== undefined && m.target !== m.spot.id)
    .map((m) => ({ file: detection.location.file, start: m.spot.start, end: m.spot.end, text: m.target }));
  const first = mapped.find((m) => m.target)?.target;
  const action = text.action(payload, { baseURL: target.baseURL, keyEnv: providerKeyEnv(target.provider), ...(first ? { model: first } : {}) });
  const unmapped = mapped.filter((m) => !m.target).map((m) => m.spot.id);
  return {
    readiness: 'review',
    ...(first ? { targetModel: first } : {}),
    ...(action ? { action } : {}),
    ...(unmapped.length && !edits.length
      ? { message: t(`${detection.message.en}: no ${target.provider.name.en} counterpart`, `${detection.message.zh}：${target.provider.name.zh} 没有对应模型`) }
      : {}),
    ...(edits.length
      ? { suggestions: [{ ...modelIdsDescribed(target, mapped.map((m) => `${m.spot.id} → ${m.target ?? 'none'}`)), safety: 'review' as const, edits }] }
      : {}),
  };
}

export const sweepSdk: SdkModule = {
  id: SDK,
  title: 'Sweep: every OpenAI indicator (model ids, hosts, env names, imports)',
  docs: 'https://github.com/openai/openai-node',
  markers: SWEEP_MARKER,
  detect: () => [],
  plan: (detection, context) => planSweep(detection as SweepDetection, context),
};

/** "use Qwen's model ids (gpt-4o → qwen3.8-max, …)", each pair once. */
function modelIdsDescribed(target: Target, pairs: string[]): { description: string; zh: string } {
  const list = [...new Set(pairs)].join(', ');
  return described(`use ${target.provider.name.en}'s model ids (${list})`, `改用${target.provider.name.zh}的模型 id（${list}）`);
}

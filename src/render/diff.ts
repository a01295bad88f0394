/**
 * Unified diff of the plan, with a/ b/ prefixes and `diff --git` headers so `git apply` takes it.
 * The hunks come from jsdiff; this file only lays them out.
 */
import { structuredPatch } from 'diff';
import type { FilePlan } from '../core/types.js';

export function fileDiff(plan: Pick<FilePlan, 'path' | 'before' | 'after'>): string {
  const patch = structuredPatch(`a/${plan.path}`, `b/${plan.path}`, plan.before, plan.after, '', '', { context: 3 });
  if (!patch.hunks.length) return '';
  const lines = [`diff --git a/${plan.path} b/${plan.path}`, `--- a/${plan.path}`, `+++ b/${plan.path}`];
  for (const hunk of patch.hunks) {
    const oldRange = hunk.oldLines === 1 ? `${hunk.oldStart}` : `${hunk.oldStart},${hunk.oldLines}`;
    const newRange = hunk.newLines === 1 ? `${hunk.newStart}` : `${hunk.newStart},${hunk.newLines}`;
    lines.push(`@@ -${oldRange} +${newRange} @@`, ...hunk.lines);
  }
  return `${lines.join('\n')}\n`;
}

export function planDiff(plans: ReadonlyArray<Pick<FilePlan, 'path' | 'before' | 'after'>>): string {
  return plans.map(fileDiff).join('');
}

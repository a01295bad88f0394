/**
 * Unified diff of the plan, with a/ b/ prefixes and `diff --git` headers so `git apply` takes it.
 * The hunks come from jsdiff; this file only lays them out.
 */
import { structuredPatch } from 'diff';
import type { FilePlan } from '../core/types.js';

const C_ESCAPES: Record<string, string> = { '\x07': '\\a', '\b': '\\b', '\t': '\\t', '\n': '\\n', '\v': '\\v', '\f': '\\f', '\r': '\\r', '"': '\\"', '\\': '\\\\' };

/**
 * A path in a diff header as git writes it: in double quotes with C escapes when it holds a quote,
 * a backslash or a control character (a file name with a newline would otherwise break the patch).
 */
export function quotePath(name: string): string {
  if (!/["\\\x00-\x1f\x7f]/.test(name)) return name;
  const escaped = name.replace(/["\\\x00-\x1f\x7f]/g, (c) => C_ESCAPES[c] ?? `\\${c.charCodeAt(0).toString(8).padStart(3, '0')}`);
  return `"${escaped}"`;
}

export function fileDiff(plan: Pick<FilePlan, 'path' | 'before' | 'after'>): string {
  const patch = structuredPatch(`a/${plan.path}`, `b/${plan.path}`, plan.before, plan.after, '', '', { context: 3 });
  if (!patch.hunks.length) return '';
  const a = quotePath(`a/${plan.path}`);
  const b = quotePath(`b/${plan.path}`);
  const lines = [`diff --git ${a} ${b}`, `--- ${a}`, `+++ ${b}`];
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

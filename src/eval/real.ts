/**
 * Detection quality on code written by others: the snapshots of public repositories in
 * `../shared/realworld` (read in place, never copied into the project) and a reviewer's labels.
 *
 * A required site is found when a finding in the same file covers its line or its `model_line`
 * (line..endLine). A finding on a trap line is noisy unless it says the code is routed elsewhere,
 * is not OpenAI, or is text only (kind `routed`, `not-openai` or `mention`). A site labelled `targets_openai: false` that is
 * covered only by findings that would move it is counted apart (misrouted): a migration must not
 * rewrite it.
 */
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { z } from 'zod';
import { analyze } from '../commands/analyze.js';
import type { Finding } from '../core/types.js';

const Site = z.object({
  path: z.string(),
  line: z.number().int().positive(),
  kind: z.string(),
  model: z.string().nullable().optional(),
  model_line: z.number().int().positive().nullable().optional(),
  note: z.string().optional(),
  required: z.boolean(),
  targets_openai: z.boolean().default(true),
});
const Trap = z.object({ path: z.string(), line: z.number().int().positive(), note: z.string().optional() });
const Tree = z.object({ tree: z.string(), sites: z.array(Site), negatives: z.array(Trap).nullable().optional() });
const Labels = z.object({ meta: z.unknown().optional(), trees: z.array(Tree) });
export type RealSite = z.infer<typeof Site>;

export interface RealTreeScore {
  tree: string;
  required: number;
  found: number;
  optionalFound: number;
  optional: number;
  traps: number;
  missed: RealSite[];
  noisy: Array<{ path: string; line: number; ruleId: string; message: string; note?: string }>;
  /** Sites that already target another provider but are covered only by findings that would move them. */
  misrouted: Array<{ path: string; line: number; ruleIds: string[]; note?: string }>;
  findings: number;
}

export interface RealScore {
  trees: RealTreeScore[];
  required: number;
  found: number;
  noisy: number;
  misrouted: number;
  recall: number;
}

/** Where the labelled set lives: `$BANJIA_REALWORLD`, else `../shared/realworld` beside the project. */
export function realworldRoot(projectRoot: string): string {
  return process.env.BANJIA_REALWORLD ?? path.resolve(projectRoot, '..', 'shared', 'realworld');
}

export function hasRealworld(root: string): boolean {
  return existsSync(path.join(root, 'labels.json')) && existsSync(path.join(root, 'trees'));
}

/** A finding that tells the user the code is not OpenAI's to move: routed elsewhere, not OpenAI, or text only. */
export function saysNotOpenAi(finding: Pick<Finding, 'kind'>): boolean {
  return finding.kind === 'routed' || finding.kind === 'not-openai' || finding.kind === 'mention';
}

function covering(findings: Finding[], file: string, line: number | null | undefined): Finding[] {
  if (!line) return [];
  return findings.filter((f) => f.file === file && f.line <= line && line <= f.endLine);
}

export function scoreTree(name: string, sites: RealSite[], traps: Array<z.infer<typeof Trap>>, findings: Finding[]): RealTreeScore {
  const coverOf = (s: RealSite) => [...covering(findings, s.path, s.line), ...covering(findings, s.path, s.model_line)];
  const required = sites.filter((s) => s.required);
  const optional = sites.filter((s) => !s.required);
  const missed = required.filter((s) => coverOf(s).length === 0);
  const noisy = traps.flatMap((t) =>
    covering(findings, t.path, t.line)
      .filter((f) => !saysNotOpenAi(f))
      .map((f) => ({ path: t.path, line: t.line, ruleId: f.ruleId, message: f.message, ...(t.note ? { note: t.note } : {}) })),
  );
  const misrouted = sites
    .filter((s) => !s.targets_openai)
    .map((s) => ({ site: s, cover: coverOf(s) }))
    .filter(({ cover }) => cover.length > 0 && !cover.some(saysNotOpenAi))
    .map(({ site, cover }) => ({ path: site.path, line: site.line, ruleIds: [...new Set(cover.map((f) => f.ruleId))], ...(site.note ? { note: site.note } : {}) }));
  return {
    tree: name,
    required: required.length,
    found: required.length - missed.length,
    optional: optional.length,
    optionalFound: optional.filter((s) => coverOf(s).length > 0).length,
    traps: traps.length,
    missed,
    noisy,
    misrouted,
    findings: findings.length,
  };
}

export async function scoreRealworld(root: string, only?: string[]): Promise<RealScore> {
  const labels = Labels.parse(JSON.parse(readFileSync(path.join(root, 'labels.json'), 'utf8')));
  const trees: RealTreeScore[] = [];
  for (const entry of labels.trees) {
    if (only?.length && !only.some((o) => entry.tree.includes(o))) continue;
    const dir = path.join(root, 'trees', entry.tree);
    if (!existsSync(dir)) throw new Error(`labelled tree missing: ${dir}`);
    const { planned } = await analyze({ path: dir }, 'scan');
    trees.push(scoreTree(entry.tree, entry.sites, entry.negatives ?? [], planned.findings));
  }
  const required = trees.reduce((n, t) => n + t.required, 0);
  const found = trees.reduce((n, t) => n + t.found, 0);
  return {
    trees,
    required,
    found,
    noisy: trees.reduce((n, t) => n + t.noisy.length, 0),
    misrouted: trees.reduce((n, t) => n + t.misrouted.length, 0),
    recall: required ? found / required : 1,
  };
}

export function renderRealScore(score: RealScore, verbose = true): string {
  const lines = ['tree                                                          required  found  optional  noisy  misrouted  recall'];
  for (const t of score.trees) {
    lines.push(
      `${t.tree.padEnd(60)} ${String(t.required).padStart(9)} ${String(t.found).padStart(6)} ${`${t.optionalFound}/${t.optional}`.padStart(9)} ${String(t.noisy.length).padStart(6)} ${String(t.misrouted.length).padStart(10)}  ${(t.required ? t.found / t.required : 1).toFixed(3)}`,
    );
  }
  lines.push('', `recall ${score.recall.toFixed(3)} (${score.found} of ${score.required} required sites)   noisy ${score.noisy}   misrouted ${score.misrouted}`);
  if (verbose) {
    const missed = score.trees.flatMap((t) => t.missed.map((m) => `  missed    ${t.tree}/${m.path}:${m.line}  ${m.kind}${m.note ? `  (${m.note.slice(0, 140)})` : ''}`));
    const noisy = score.trees.flatMap((t) => t.noisy.map((n) => `  noisy     ${t.tree}/${n.path}:${n.line}  ${n.ruleId}: ${n.message}${n.note ? `  [trap: ${n.note.slice(0, 100)}]` : ''}`));
    const misrouted = score.trees.flatMap((t) => t.misrouted.map((m) => `  misrouted ${t.tree}/${m.path}:${m.line}  ${m.ruleIds.join(', ')}${m.note ? `  (${m.note.slice(0, 100)})` : ''}`));
    if (missed.length) lines.push('', 'Missed sites:', ...missed);
    if (noisy.length) lines.push('', 'Noisy findings:', ...noisy);
    if (misrouted.length) lines.push('', 'Routed elsewhere but would be moved:', ...misrouted);
  }
  return `${lines.join('\n')}\n`;
}

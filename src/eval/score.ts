/**
 * Detection quality on the labelled projects of fixtures/eval: recall against every labelled site
 * and noise on the labelled traps, with the same rules as the public-repository eval (real.ts).
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { z } from 'zod';
import { analyze } from '../commands/analyze.js';
import type { Finding } from '../core/types.js';
import { saysNotOpenAi } from './real.js';

const Site = z.object({ file: z.string(), line: z.number().int().positive(), sdk: z.string(), kind: z.string(), note: z.string().optional() });
const Trap = z.object({ file: z.string(), line: z.number().int().positive(), note: z.string().optional() });
const Labels = z.object({ description: z.string().optional(), sites: z.array(Site), traps: z.array(Trap) });
export type Labels = z.infer<typeof Labels>;

export interface ProjectScore {
  project: string;
  sites: number;
  found: number;
  traps: number;
  findings: number;
  /** Findings on no labelled line: not counted against precision, listed for a reader. */
  unlabelled: number;
  missed: Array<z.infer<typeof Site>>;
  noisy: Array<{ file: string; line: number; sdk: string; ruleId: string; message: string; trap?: string }>;
}

export interface EvalScore {
  projects: ProjectScore[];
  sites: number;
  found: number;
  traps: number;
  noisy: number;
  recall: number;
  precision: number;
}

/**
 * The scorer `npm run eval:real` uses too (eval/real.ts): a site is found when a finding in its
 * file covers its line; a finding on a trap line is noisy unless it says the code is routed
 * elsewhere, not OpenAI, or text only.
 */
export async function scoreProject(dir: string): Promise<ProjectScore> {
  const labels = Labels.parse(JSON.parse(readFileSync(path.join(dir, 'labels.json'), 'utf8')));
  const { planned } = await analyze({ path: dir }, 'scan');
  const findings = planned.findings;
  const covers = (f: Finding, file: string, line: number) => f.file === file && f.line <= line && line <= f.endLine;
  const missed = labels.sites.filter((s) => !findings.some((f) => covers(f, s.file, s.line)));
  const noisy = labels.traps.flatMap((t) =>
    findings
      .filter((f) => covers(f, t.file, t.line) && !saysNotOpenAi(f))
      .map((f) => ({ file: t.file, line: t.line, sdk: f.sdk, ruleId: f.ruleId, message: f.message, trap: t.note ?? 'trap' })),
  );
  const labelled = [...labels.sites, ...labels.traps];
  const unlabelled = findings.filter((f) => !labelled.some((l) => covers(f, l.file, l.line))).length;
  return {
    project: path.basename(dir),
    sites: labels.sites.length,
    found: labels.sites.length - missed.length,
    traps: labels.traps.length,
    findings: findings.length,
    unlabelled,
    missed,
    noisy,
  };
}

export async function scoreAll(root: string): Promise<EvalScore> {
  const projects: ProjectScore[] = [];
  for (const name of readdirSync(root).sort()) {
    const dir = path.join(root, name);
    if (!statSync(dir).isDirectory()) continue;
    try {
      statSync(path.join(dir, 'labels.json'));
    } catch {
      continue;
    }
    projects.push(await scoreProject(dir));
  }
  const sites = projects.reduce((n, p) => n + p.sites, 0);
  const found = projects.reduce((n, p) => n + p.found, 0);
  const findings = projects.reduce((n, p) => n + p.findings, 0);
  const noisy = projects.reduce((n, p) => n + p.noisy.length, 0);
  return {
    projects,
    sites,
    found,
    traps: projects.reduce((n, p) => n + p.traps, 0),
    noisy,
    recall: sites ? found / sites : 1,
    precision: findings ? (findings - noisy) / findings : 1,
  };
}

export function renderScore(score: EvalScore): string {
  const lines = ['project                         sites  found  traps  noisy  unlabelled  recall'];
  for (const p of score.projects) {
    lines.push(`${p.project.padEnd(30)} ${String(p.sites).padStart(6)} ${String(p.found).padStart(6)} ${String(p.traps).padStart(6)} ${String(p.noisy.length).padStart(6)} ${String(p.unlabelled).padStart(11)}  ${(p.sites ? p.found / p.sites : 1).toFixed(3)}`);
  }
  const unlabelled = score.projects.reduce((n, p) => n + p.unlabelled, 0);
  lines.push(`${'total'.padEnd(30)} ${String(score.sites).padStart(6)} ${String(score.found).padStart(6)} ${String(score.traps).padStart(6)} ${String(score.noisy).padStart(6)} ${String(unlabelled).padStart(11)}  ${score.recall.toFixed(3)}`);
  lines.push('', `recall ${score.recall.toFixed(3)}   precision ${score.precision.toFixed(3)}   noisy findings ${score.noisy}`);
  const missed = score.projects.flatMap((p) => p.missed.map((m) => `  missed  ${p.project}/${m.file}:${m.line}  ${m.sdk}/${m.kind}${m.note ? `  (${m.note})` : ''}`));
  const noisy = score.projects.flatMap((p) => p.noisy.map((n) => `  noisy   ${p.project}/${n.file}:${n.line}  ${n.ruleId}: ${n.message}${n.trap ? `  [trap: ${n.trap}]` : ''}`));
  if (missed.length) lines.push('', 'Missed sites:', ...missed);
  if (noisy.length) lines.push('', 'Noisy findings:', ...noisy);
  return `${lines.join('\n')}\n`;
}

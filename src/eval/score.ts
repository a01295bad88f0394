/**
 * Detection quality on the labelled projects of fixtures/eval: recall against every labelled site,
 * and every finding that matches no label (noisy), traps included. A site is found when a finding of
 * the same SDK module sits on the same line of the same file.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { z } from 'zod';
import { analyze } from '../commands/analyze.js';
import type { Finding } from '../core/types.js';

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

const key = (file: string, line: number, sdk: string) => `${file}:${line}:${sdk}`;

export async function scoreProject(dir: string): Promise<ProjectScore> {
  const labels = Labels.parse(JSON.parse(readFileSync(path.join(dir, 'labels.json'), 'utf8')));
  const { planned } = await analyze({ path: dir }, 'scan');
  const byKey = new Map<string, Finding>();
  for (const finding of planned.findings) {
    const k = key(finding.file, finding.line, finding.sdk);
    if (!byKey.has(k)) byKey.set(k, finding);
  }
  const labelled = new Set(labels.sites.map((s) => key(s.file, s.line, s.sdk)));
  const traps = new Map(labels.traps.map((t) => [`${t.file}:${t.line}`, t.note ?? 'trap']));
  const missed = labels.sites.filter((s) => !byKey.has(key(s.file, s.line, s.sdk)));
  const noisy = [...byKey.entries()]
    .filter(([k]) => !labelled.has(k))
    .map(([, f]) => ({ file: f.file, line: f.line, sdk: f.sdk, ruleId: f.ruleId, message: f.message, ...(traps.has(`${f.file}:${f.line}`) ? { trap: traps.get(`${f.file}:${f.line}`) } : {}) }));
  return {
    project: path.basename(dir),
    sites: labels.sites.length,
    found: labels.sites.length - missed.length,
    traps: labels.traps.length,
    findings: byKey.size,
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
  const lines = ['project                         sites  found  traps  noisy  recall'];
  for (const p of score.projects) {
    lines.push(`${p.project.padEnd(30)} ${String(p.sites).padStart(6)} ${String(p.found).padStart(6)} ${String(p.traps).padStart(6)} ${String(p.noisy.length).padStart(6)}  ${(p.sites ? p.found / p.sites : 1).toFixed(3)}`);
  }
  lines.push(`${'total'.padEnd(30)} ${String(score.sites).padStart(6)} ${String(score.found).padStart(6)} ${String(score.traps).padStart(6)} ${String(score.noisy).padStart(6)}  ${score.recall.toFixed(3)}`);
  lines.push('', `recall ${score.recall.toFixed(3)}   precision ${score.precision.toFixed(3)}   noisy findings ${score.noisy}`);
  const missed = score.projects.flatMap((p) => p.missed.map((m) => `  missed  ${p.project}/${m.file}:${m.line}  ${m.sdk}/${m.kind}${m.note ? `  (${m.note})` : ''}`));
  const noisy = score.projects.flatMap((p) => p.noisy.map((n) => `  noisy   ${p.project}/${n.file}:${n.line}  ${n.ruleId}: ${n.message}${n.trap ? `  [trap: ${n.trap}]` : ''}`));
  if (missed.length) lines.push('', 'Missed sites:', ...missed);
  if (noisy.length) lines.push('', 'Noisy findings:', ...noisy);
  return `${lines.join('\n')}\n`;
}

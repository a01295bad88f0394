/** `--format markdown`: a pull-request comment with the diff summary, the findings and the cost delta. */
import type { Finding } from '../core/types.js';
import type { Report } from './report.js';
import { formatMoney, formatPercent } from './format.js';

function cell(text: string): string {
  return text.replace(/\|/g, '\\|').replace(/\n/g, ' ');
}

function diffStats(diff: string): Array<{ file: string; added: number; removed: number }> {
  const stats: Array<{ file: string; added: number; removed: number }> = [];
  for (const line of diff.split('\n')) {
    const header = /^diff --git a\/(.+) b\//.exec(line);
    if (header) stats.push({ file: header[1], added: 0, removed: 0 });
    else if (stats.length && line.startsWith('+') && !line.startsWith('+++')) stats[stats.length - 1].added++;
    else if (stats.length && line.startsWith('-') && !line.startsWith('---')) stats[stats.length - 1].removed++;
  }
  return stats;
}

function findingRow(f: Finding): string {
  const action = f.action ? cell(f.action) : '';
  const docs = f.docs ? ` ([docs](${f.docs}))` : '';
  return `| \`${f.file}:${f.line}\` | ${cell(f.message)} | ${cell(f.reason)} | ${action}${docs} |`;
}

export function renderMarkdown(report: Report): string {
  const s = report.summary;
  const target = report.target ? `OpenAI → ${report.target.name.en} (\`${report.target.provider}\`)` : 'OpenAI usage';
  const out: string[] = [`## banjia: ${target}`, ''];
  const verb = report.command === 'apply' && !report.dryRun ? 'changed' : 'would change';
  out.push(`**${s.changed} file(s) ${verb}** · call sites: ${s.sites.auto} move automatically, ${s.sites.review} need review, **${s.sites.manual} cannot move**`, '');
  if (report.diff) {
    const stats = diffStats(report.diff);
    if (stats.length) {
      out.push('| file | + | − |', '|---|---:|---:|', ...stats.map((st) => `| \`${st.file}\` | ${st.added} | ${st.removed} |`), '');
    }
  }
  const manual = report.findings.filter((f) => f.readiness === 'manual');
  const review = report.findings.filter((f) => f.readiness === 'review');
  for (const [title, list] of [
    ['Cannot move', manual],
    ['Needs review', review],
  ] as const) {
    if (!list.length) continue;
    out.push(`### ${title} (${list.length})`, '', '| where | what | why | what to do |', '|---|---|---|---|', ...list.map(findingRow), '');
  }
  const e = report.estimate;
  let cost = `OpenAI ${formatMoney(e.openaiUsd, 'USD')}/month`;
  if (e.provider) {
    const change = e.openaiUsd > 0 ? ` (${formatPercent(e.provider.usd / e.openaiUsd - 1)})` : '';
    cost += ` → ${e.provider.id} ${formatMoney(e.provider.amount, e.provider.currency)}/month ≈ ${formatMoney(e.provider.usd, 'USD')}${change}`;
  }
  // The assumptions in full, as the engine stated them, so a reviewer can judge the figure.
  out.push('### Cost', '', cost, '', `<sub>Assumptions: ${e.breakdown.assumptions.map((a) => a.text).join('; ')}.</sub>`, '');
  if (report.diff) out.push('<details><summary>Diff</summary>', '', '```diff', report.diff.trimEnd(), '```', '', '</details>', '');
  return `${out.join('\n')}\n`;
}

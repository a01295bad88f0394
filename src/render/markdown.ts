/** `--format markdown`: a pull-request comment with the diff summary, the findings and the cost delta. */
import type { Finding } from '../core/types.js';
import type { Report } from './report.js';
import { formatMoney, formatPercent } from './format.js';
import { siteFacts } from './sites.js';
import { adviceFor } from './advice.js';

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

/** Identical findings in one row, with every location (a PR comment must stay readable). */
function findingRow(group: Finding[], target: string | undefined): string {
  const f = group[0];
  // The row's own why and do: a general "check the points above" tells a reviewer nothing.
  const advice = adviceFor(f, { target });
  const action = advice.do ? cell(advice.do) : '';
  const fix = f.fix ? `${action ? '<br>' : ''}Fix (${f.fix.safety}): ${cell(f.fix.description)}` : '';
  const docs = f.docs ? ` ([docs](${f.docs}))` : '';
  const where = group.slice(0, 5).map((g) => `\`${g.file}:${g.line}\``).join('<br>') + (group.length > 5 ? `<br>and ${group.length - 5} more` : '');
  return `| ${where} | ${cell(f.message)}${group.length > 1 ? ` (×${group.length})` : ''} | ${cell(advice.why)} | ${action}${fix}${docs} |`;
}

function groups(findings: Finding[]): Finding[][] {
  const byKey = new Map<string, Finding[]>();
  for (const f of findings) {
    const key = [f.ruleId, f.severity, f.message, f.reason, f.action ?? '', f.fix?.description ?? ''].join('\0');
    byKey.set(key, [...(byKey.get(key) ?? []), f]);
  }
  return [...byKey.values()];
}

export function renderMarkdown(report: Report): string {
  const s = report.summary;
  const target = report.target ? `OpenAI → ${report.target.name.en} (\`${report.target.provider}\`)` : 'OpenAI usage';
  const out: string[] = [`## banjia: ${target}`, ''];
  const verb = report.command === 'apply' && !report.dryRun ? 'changed' : 'would change';
  const sites = siteFacts(report);
  if (sites.range !== undefined) {
    out.push(
      `**${sites.total} call site(s)** · how many move depends on the provider: **${sites.range} cannot move** (best: \`${sites.provider}\`, ${sites.auto} move automatically, ${sites.review} need review, ${sites.manual} cannot move; readiness by provider below)`,
      '',
    );
  } else {
    out.push(`**${s.changed} file(s) ${verb}** · call sites: ${sites.auto} move automatically, ${sites.review} need review, **${sites.manual} cannot move**`, '');
  }
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
    out.push(`### ${title} (${list.length})`, '', '| where | what | why | what to do |', '|---|---|---|---|', ...groups(list).map((g) => findingRow(g, report.target?.provider)), '');
  }
  if (report.readiness?.length) {
    // Without a provider: the readiness matrix, so the comment says where the code could go.
    out.push(
      '### Readiness by provider',
      '',
      '| provider | move automatically | need review | cannot move | est. monthly cost |',
      '|---|---:|---:|---:|---:|',
      ...report.readiness.map(
        (r) => `| ${r.name.en} (\`${r.provider}\`) | ${r.auto} | ${r.review} | ${r.manual} | ${r.monthlyCost ? `${formatMoney(r.monthlyCost.amount, r.monthlyCost.currency)}${r.monthlyCost.complete ? '' : ' (partial)'}` : '–'} |`,
      ),
      '',
    );
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

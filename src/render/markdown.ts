/** `--format markdown`: a pull-request comment with the diff summary, the findings and the cost delta. */
import type { Finding } from '../core/types.js';
import type { Report } from './report.js';
import { formatMoney, formatPercent } from './format.js';
import { siteFacts } from './sites.js';
import { adviceFor, adviceZh } from './advice.js';
import type { Lang } from '../core/text.js';
import { fixText, localized, safetyText } from './text.js';

/** Every label of the comment, per language; findings bring their own Chinese texts. */
const L = {
  en: {
    title: (target: string | undefined) => `## banjia: ${target ? `OpenAI → ${target}` : 'OpenAI usage'}`,
    range: (total: number, range: string, provider: string, auto: number, review: number, manual: number) =>
      `**${total} call site(s)** · how many move depends on the provider: **${range} cannot move** (best: \`${provider}\`, ${auto} move automatically, ${review} need review, ${manual} cannot move; readiness by provider below)`,
    one: (changed: number, applied: boolean, auto: number, review: number, manual: number) =>
      `**${changed} file(s) ${applied ? 'changed' : 'would change'}** · call sites: ${auto} move automatically, ${review} need review, **${manual} cannot move**`,
    fileHead: '| file | + | − |',
    manual: 'Cannot move',
    review: 'Needs review',
    findingHead: '| where | what | why | what to do |',
    more: (n: number) => `and ${n} more`,
    fix: (safety: string) => `Fix (${safety})`,
    docs: 'docs',
    readiness: 'Readiness by provider',
    readinessHead: '| provider | move automatically | need review | cannot move | est. monthly cost |',
    partial: ' (partial)',
    cost: 'Cost',
    perMonth: '/month',
    assumptions: 'Assumptions',
    diff: 'Diff',
  },
  zh: {
    title: (target: string | undefined) => `## banjia：${target ? `OpenAI → ${target}` : 'OpenAI 用法'}`,
    range: (total: number, range: string, provider: string, auto: number, review: number, manual: number) =>
      `**${total} 个调用点** · 能迁移多少取决于服务商：**${range} 个无法迁移**（最佳：\`${provider}\`，自动 ${auto} / 复核 ${review} / 无法迁移 ${manual}；见下方各服务商就绪度）`,
    one: (changed: number, applied: boolean, auto: number, review: number, manual: number) =>
      `**${applied ? '已修改' : '将修改'} ${changed} 个文件** · 调用点：${auto} 个可自动迁移，${review} 个需复核，**${manual} 个无法迁移**`,
    fileHead: '| 文件 | + | − |',
    manual: '无法迁移',
    review: '需要复核',
    findingHead: '| 位置 | 内容 | 原因 | 建议 |',
    more: (n: number) => `等另外 ${n} 处`,
    fix: (safety: string) => `修改（${safety}）`,
    docs: '文档',
    readiness: '各服务商就绪度',
    readinessHead: '| 服务商 | 自动迁移 | 需复核 | 无法迁移 | 预估月费用 |',
    partial: '（部分）',
    cost: '费用',
    perMonth: '/月',
    assumptions: '假设',
    diff: '差异',
  },
} as const;

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
function findingRow(group: Finding[], target: string | undefined, lang: Lang): string {
  const f = group[0];
  const T = L[lang];
  const text = localized(f, lang);
  // The row's own why and do: a general "check the points above" tells a reviewer nothing.
  const advice = lang === 'zh' ? adviceZh(text, f, { target }) : adviceFor(f, { target });
  const action = advice.do ? cell(advice.do) : '';
  const fix = f.fix ? `${action ? '<br>' : ''}${T.fix(safetyText(f.fix.safety, lang))}${lang === 'zh' ? '：' : ': '}${cell(fixText(f.fix, lang))}` : '';
  const docs = f.docs ? ` ([${T.docs}](${f.docs}))` : '';
  const where = group.slice(0, 5).map((g) => `\`${g.file}:${g.line}\``).join('<br>') + (group.length > 5 ? `<br>${T.more(group.length - 5)}` : '');
  return `| ${where} | ${cell(text.message)}${group.length > 1 ? ` (×${group.length})` : ''} | ${cell(advice.why)} | ${action}${fix}${docs} |`;
}

function groups(findings: Finding[]): Finding[][] {
  const byKey = new Map<string, Finding[]>();
  for (const f of findings) {
    const key = [f.ruleId, f.severity, f.message, f.reason, f.action ?? '', f.fix?.description ?? ''].join('\0');
    byKey.set(key, [...(byKey.get(key) ?? []), f]);
  }
  return [...byKey.values()];
}

export function renderMarkdown(report: Report, lang: Lang = 'en'): string {
  const T = L[lang];
  const s = report.summary;
  const name = report.target ? `${lang === 'zh' ? report.target.name.zh : report.target.name.en} (\`${report.target.provider}\`)` : undefined;
  const out: string[] = [T.title(name), ''];
  const sites = siteFacts(report);
  if (sites.range !== undefined) out.push(T.range(sites.total, String(sites.range), sites.provider ?? '', sites.auto, sites.review, sites.manual), '');
  else out.push(T.one(s.changed, report.command === 'apply' && !report.dryRun, sites.auto, sites.review, sites.manual), '');
  if (report.diff) {
    const stats = diffStats(report.diff);
    if (stats.length) {
      out.push(T.fileHead, '|---|---:|---:|', ...stats.map((st) => `| \`${st.file}\` | ${st.added} | ${st.removed} |`), '');
    }
  }
  const manual = report.findings.filter((f) => f.readiness === 'manual');
  const review = report.findings.filter((f) => f.readiness === 'review');
  for (const [title, list] of [
    [T.manual, manual],
    [T.review, review],
  ] as const) {
    if (!list.length) continue;
    out.push(`### ${title} (${list.length})`, '', T.findingHead, '|---|---|---|---|', ...groups(list).map((g) => findingRow(g, report.target?.provider, lang)), '');
  }
  if (report.readiness?.length) {
    // Without a provider: the readiness matrix, so the comment says where the code could go.
    out.push(
      `### ${T.readiness}`,
      '',
      T.readinessHead,
      '|---|---:|---:|---:|---:|',
      ...report.readiness.map(
        (r) =>
          `| ${lang === 'zh' ? r.name.zh : r.name.en} (\`${r.provider}\`) | ${r.auto} | ${r.review} | ${r.manual} | ${r.monthlyCost ? `${formatMoney(r.monthlyCost.amount, r.monthlyCost.currency)}${r.monthlyCost.complete ? '' : T.partial}` : '–'} |`,
      ),
      '',
    );
  }
  const e = report.estimate;
  let cost = `OpenAI ${formatMoney(e.openaiUsd, 'USD')}${T.perMonth}`;
  if (e.provider) {
    const change = e.openaiUsd > 0 ? ` (${formatPercent(e.provider.usd / e.openaiUsd - 1)})` : '';
    cost += ` → ${e.provider.id} ${formatMoney(e.provider.amount, e.provider.currency)}${T.perMonth} ≈ ${formatMoney(e.provider.usd, 'USD')}${change}`;
  }
  // The assumptions in full, as the engine stated them, so a reviewer can judge the figure.
  const assumptions = e.breakdown.assumptions.map((a) => (lang === 'zh' && a.zh ? a.zh : a.text));
  out.push(`### ${T.cost}`, '', cost, '', `<sub>${T.assumptions}${lang === 'zh' ? '：' : ': '}${assumptions.join(lang === 'zh' ? '；' : '; ')}${lang === 'zh' ? '。' : '.'}</sub>`, '');
  if (report.diff) out.push(`<details><summary>${T.diff}</summary>`, '', '```diff', report.diff.trimEnd(), '```', '', '</details>', '');
  return `${out.join('\n')}\n`;
}

/**
 * `--format github`: GitHub Actions workflow commands, one annotation per finding (errors and
 * warnings; notices too with --verbose), plus a one-line summary.
 * https://docs.github.com/actions/reference/workflow-commands-for-github-actions
 */
import type { Finding } from '../core/types.js';
import type { Report } from './report.js';
import { siteFacts } from './sites.js';
import { adviceFor, adviceZh } from './advice.js';
import type { Lang } from '../core/text.js';
import { fixText, localized, safetyText } from './text.js';

const COMMAND = { error: 'error', warning: 'warning', info: 'notice' } as const;

function escapeData(text: string): string {
  return text.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
}

function escapeProperty(text: string): string {
  return escapeData(text).replace(/:/g, '%3A').replace(/,/g, '%2C');
}

function annotation(finding: Finding, target: string | undefined, lang: Lang): string {
  const properties = [
    `file=${escapeProperty(finding.file)}`,
    `line=${finding.line}`,
    `endLine=${finding.endLine}`,
    `col=${finding.column}`,
    `endColumn=${finding.endColumn}`,
    `title=${escapeProperty(`banjia ${finding.ruleId}`)}`,
  ].join(',');
  // The annotation is all a reviewer sees: what, why, what to do (its own, not "the points above"), the fix.
  return `::${COMMAND[finding.severity]} ${properties}::${escapeData(annotationText(finding, target, lang))}`;
}

export function annotationText(finding: Finding, target?: string, lang: Lang = 'en'): string {
  const zh = lang === 'zh';
  const text = localized(finding, lang);
  const advice = zh ? adviceZh(text, finding, { target }) : adviceFor(finding, { target });
  return [
    text.message,
    advice.why && `${zh ? '原因：' : 'Why: '}${advice.why}`,
    advice.do && `${zh ? '建议：' : 'What to do: '}${advice.do}${finding.docs ? ` (${finding.docs})` : ''}`,
    finding.fix && `${zh ? `修改（${safetyText(finding.fix.safety, lang)}）：` : `Fix (${finding.fix.safety}): `}${fixText(finding.fix, lang)}`,
  ]
    .filter(Boolean)
    .join('\n');
}

export function renderGithub(report: Report, verbose: boolean, lang: Lang = 'en'): string {
  const lines = report.findings.filter((f) => verbose || f.severity !== 'info').map((f) => annotation(f, report.target?.provider, lang));
  const s = report.summary;
  const sites = siteFacts(report);
  const target = report.target ? ` → ${report.target.provider}` : '';
  const applied = report.command === 'apply' && !report.dryRun;
  const summary =
    lang === 'zh'
      ? `${applied ? '已修改' : '将修改'} ${s.changed} 个文件；${
          sites.range !== undefined
            ? `调用点：${sites.total}，能迁移多少取决于服务商：${sites.range} 个无法迁移（最佳：${sites.provider}，自动 ${sites.auto} / 复核 ${sites.review} / 无法迁移 ${sites.manual}）`
            : `调用点：自动 ${sites.auto} / 复核 ${sites.review} / 无法迁移 ${sites.manual}`
        }`
      : `${s.changed} file(s) ${applied ? 'changed' : 'would change'}; ${
          sites.range !== undefined
            ? `call sites: ${sites.total}, how many move depends on the provider: ${sites.range} cannot move (best: ${sites.provider}, ${sites.auto} auto, ${sites.review} review, ${sites.manual} cannot move)`
            : `call sites: ${sites.auto} auto, ${sites.review} review, ${sites.manual} cannot move`
        }`;
  lines.push(`::notice title=banjia ${report.command}${target}::${escapeData(summary)}`);
  return `${lines.join('\n')}\n`;
}

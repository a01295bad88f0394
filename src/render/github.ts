/**
 * `--format github`: GitHub Actions workflow commands, one annotation per finding (errors and
 * warnings; notices too with --verbose), plus a one-line summary.
 * https://docs.github.com/actions/reference/workflow-commands-for-github-actions
 */
import type { Finding } from '../core/types.js';
import type { Report } from './report.js';
import { siteFacts } from './sites.js';
import { adviceFor } from './advice.js';

const COMMAND = { error: 'error', warning: 'warning', info: 'notice' } as const;

function escapeData(text: string): string {
  return text.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
}

function escapeProperty(text: string): string {
  return escapeData(text).replace(/:/g, '%3A').replace(/,/g, '%2C');
}

function annotation(finding: Finding, target: string | undefined): string {
  const properties = [
    `file=${escapeProperty(finding.file)}`,
    `line=${finding.line}`,
    `endLine=${finding.endLine}`,
    `col=${finding.column}`,
    `endColumn=${finding.endColumn}`,
    `title=${escapeProperty(`banjia ${finding.ruleId}`)}`,
  ].join(',');
  // The annotation is all a reviewer sees: what, why, what to do (its own, not "the points above"), the fix.
  return `::${COMMAND[finding.severity]} ${properties}::${escapeData(annotationText(finding, target))}`;
}

export function annotationText(finding: Finding, target?: string): string {
  const advice = adviceFor(finding, { target });
  return [
    finding.message,
    advice.why && `Why: ${advice.why}`,
    advice.do && `What to do: ${advice.do}${finding.docs ? ` (${finding.docs})` : ''}`,
    finding.fix && `Fix (${finding.fix.safety}): ${finding.fix.description}`,
  ]
    .filter(Boolean)
    .join('\n');
}

export function renderGithub(report: Report, verbose: boolean): string {
  const lines = report.findings.filter((f) => verbose || f.severity !== 'info').map((f) => annotation(f, report.target?.provider));
  const s = report.summary;
  const sites = siteFacts(report);
  const target = report.target ? ` → ${report.target.provider}` : '';
  const counts =
    sites.range !== undefined
      ? `call sites: ${sites.total}, how many move depends on the provider: ${sites.range} cannot move (best: ${sites.provider}, ${sites.auto} auto, ${sites.review} review, ${sites.manual} cannot move)`
      : `call sites: ${sites.auto} auto, ${sites.review} review, ${sites.manual} cannot move`;
  lines.push(`::notice title=banjia ${report.command}${target}::${escapeData(`${s.changed} file(s) ${report.command === 'apply' && !report.dryRun ? 'changed' : 'would change'}; ${counts}`)}`);
  return `${lines.join('\n')}\n`;
}

/**
 * `--format codequality`: GitLab Code Quality (a JSON array of issues, the CodeClimate subset GitLab
 * reads), for `artifacts: reports: codequality`. Each issue carries what was found, why and what to
 * do in its description, since GitLab shows only that text.
 * https://docs.gitlab.com/ci/testing/code_quality/#code-quality-report-format
 */
import type { Finding, Severity } from '../core/types.js';
import type { Report } from './report.js';
import { fingerprint } from './sarif.js';
import { adviceFor, adviceZh } from './advice.js';
import type { Lang } from '../core/text.js';
import { fixText, localized } from './text.js';

const SEVERITY: Record<Severity, 'major' | 'minor' | 'info'> = { error: 'major', warning: 'minor', info: 'info' };

/** Stable across runs and line moves within a file: rule, file, message and the n-th such finding. */
export function describe(finding: Finding, target?: string, lang: Lang = 'en'): string {
  // GitLab shows only this text: the finding's own why and do (render/advice.ts), not "the points above".
  const zh = lang === 'zh';
  const text = localized(finding, lang);
  const advice = zh ? adviceZh(text, finding, { target }) : adviceFor(finding, { target });
  return [text.message, advice.why && `${zh ? '原因：' : 'Why: '}${advice.why}`, advice.do && `${zh ? '建议：' : 'What to do: '}${advice.do}`, finding.fix && `${zh ? '修改：' : 'Fix: '}${fixText(finding.fix, lang)}`, finding.docs]
    .filter(Boolean)
    .join(' — ');
}

export function renderCodeQuality(report: Report, verbose: boolean, lang: Lang = 'en'): string {
  const seen = new Map<string, number>();
  const issues = report.findings
    .filter((f) => verbose || f.severity !== 'info')
    .map((finding) => {
      const key = `${finding.ruleId}\0${finding.file}\0${finding.message}`;
      const nth = seen.get(key) ?? 0;
      seen.set(key, nth + 1);
      return {
        type: 'issue',
        description: describe(finding, report.target?.provider, lang),
        check_name: `banjia/${finding.ruleId}`,
        fingerprint: fingerprint(finding, nth),
        severity: SEVERITY[finding.severity],
        categories: ['Compatibility'],
        location: { path: finding.file, lines: { begin: finding.line, end: finding.endLine } },
      };
    });
  return `${JSON.stringify(issues, null, 2)}\n`;
}

/**
 * `--format json`: one document on stdout. Its shape is a contract (schemaVersion), documented in
 * README.md; fields are only ever added within a version.
 */
import type { CallUsage, Fix } from '../core/types.js';
import type { Report } from './report.js';
import { VERSION } from '../version.js';
import { costResultForJson } from './cost.js';
import { lifecycleFacts } from './notices.js';

export const SCHEMA_VERSION = 1;

export function renderJson(report: Report, today: string | Date = new Date()): string {
  const facts = lifecycleFacts(report.findings, today);
  const document = {
    schemaVersion: SCHEMA_VERSION,
    tool: { name: 'banjia', version: VERSION },
    command: report.command,
    root: report.root,
    dryRun: report.dryRun,
    target: report.target ?? null,
    summary: report.summary,
    findings: report.findings.map(({ zh: _zh, ...finding }) => ({
      ...finding,
      ...(finding.usage ? { usage: machineUsage(finding.usage) } : {}),
      model: finding.model ?? null,
      fix: finding.fix ? englishFix(finding.fix) : null,
      ...(finding.suggestions ? { suggestions: finding.suggestions.map(englishFix) } : {}),
    })),
    files: report.files,
    readiness: report.readiness ?? null,
    // The Chinese assumption texts are for --lang zh; machine output keeps English, as for findings.
    cost: { ...report.estimate, breakdown: costResultForJson(report.estimate.breakdown) },
    diff: report.diff ?? null,
    written: report.written ?? null,
    journal: report.journal ?? null,
    // Added in version 1 (issue 18): OpenAI models of the findings that are shut down or have a day, and the catalogue's age.
    openaiShutdowns: facts.openaiShutdowns,
    catalogue: facts.catalogue,
    // Added in version 1 (issue 14): apply's files that would change but were not written (skipped at the prompt); null elsewhere.
    notWritten: report.notWritten ?? null,
    // Added in version 1 (issue 13): apply --verify's type check (new errors, each with its edit) and the files rolled back; null elsewhere.
    verify: report.verify ?? null,
  };
  return `${JSON.stringify(document, null, 2)}\n`;
}

/** A fix as machine formats carry it: the English description only, as for findings. */
function englishFix({ zh: _zh, ...fix }: Fix): Fix {
  return fix;
}

/**
 * A call's usage without its literal prompt text (issue 17.8): the text is the prompt with every
 * constant it names resolved, so a `DB_PASSWORD` or a key concatenated into a message would be
 * printed in clear, where no pattern can tell it from prose. The estimate it feeds is already in
 * `cost.sites[].literalTokens`.
 */
function machineUsage({ promptText: _promptText, ...usage }: CallUsage): CallUsage {
  return usage;
}
